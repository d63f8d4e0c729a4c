// landskap plan FILE (--key K | --system ID ... | --all): the cutover plan with waves, bundles,
// critical path, dates and lateness against the reform date.
#include <algorithm>
#include <cmath>
#include <ostream>

#include "cli/commands.h"
#include "cli/format_plan.h"
#include "cli/options.h"
#include "cli/output.h"
#include "engine/plan.h"

namespace landskap::cli {
namespace {

bool ParseDateOption(const std::string& text, const char* option, std::optional<DayNumber>* out,
                     Io io) {
  if (text.empty()) return true;
  *out = ParseDate(text);
  if (!*out) {
    UsageError("plan", std::string(option) + " takes a date like 2019-08-01, not '" + text + "'",
               io);
    return false;
  }
  return true;
}

// A positive whole number for a capacity option; "" leaves the option unset.
bool ParseCapacity(const std::string& text, const char* option, std::optional<size_t>* out, Io io) {
  if (text.empty()) return true;
  size_t value = 0;
  bool digits = text.size() <= 9 &&
                std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (digits) value = std::stoul(text);
  if (!digits || value == 0) {
    UsageError("plan",
               std::string(option) + " takes a number of systems, 1 or more, not '" + text + "'",
               io);
    return false;
  }
  *out = value;
  return true;
}

}  // namespace

int RunPlan(const Args& args, Io io) {
  HelpText help{
      "landskap plan FILE (--key K | --system ID ... | --all) [options]",
      "Plans the cutover: in which order the systems are converted and switched, which of\n"
      "them must switch together, and which chain of work decides the go-live date.\n"
      "  tasks       the systems a change of --key reaches (as in 'landskap impact'), or --all\n"
      "  order       an integration converts the provider before the consumer;\n"
      "              cutover.after in the file adds more (between systems in the plan)\n"
      "  bundles     systems on a cycle of integrations switch together; the longest\n"
      "              member sets the bundle's duration\n"
      "  waves       wave 1 has no predecessors; each next wave follows the ones before it;\n"
      "              --capacity and --vendor-capacity limit a wave, most critical first\n"
      "  duration    cutover.effort_days, rounded up to whole days (--default-effort when\n"
      "              missing); cutover.fixed_date pins a system's start to that date\n"
      "  dates       from --start (default: the earliest fixed date); --workdays skips\n"
      "              weekends; --deadline lists what finishes after it\n"
      "Impossible demands (a cycle through 'after', a fixed date before a predecessor can\n"
      "finish) are errors that name the chain.",
      "  landskap plan datasets/oygarden-2020.json --key kommunenummer --start 2019-08-01 "
      "--deadline 2020-01-01\n"
      "  landskap plan datasets/oygarden-2020.json --all --workdays --start 2019-08-01 "
      "--vendor-capacity 2 --format markdown -o plan.md"};
  po::options_description desc("Options");
  std::vector<std::string> systems, owners, change_tables;
  std::string key, start, deadline;
  bool through_all = false, all = false, workdays = false, fail_if_late = false;
  std::string capacity, vendor_capacity;
  double default_effort = kDefaultEffortDays;
  OutputOptions output;
  desc.add_options()("key", po::value(&key)->value_name("K"),
                     "plan the systems a change of this key reaches, e.g. kommunenummer")(
      "system", po::value(&systems)->value_name("ID")->composing(),
      "plan the systems a change of this system reaches (repeatable)")(
      "all", po::bool_switch(&all), "plan every system in the file")(
      "through-all", po::bool_switch(&through_all),
      "with --key: also systems that depend on an affected one without receiving the key")(
      "owner", po::value(&owners)->value_name("NUMBERS")->composing(),
      "the changing municipalities, e.g. 1246,1245 (instead of the file's changes)")(
      "start", po::value(&start)->value_name("DATE"),
      "the plan's first day (default: the earliest fixed date)")(
      "deadline", po::value(&deadline)->value_name("DATE"),
      "the reform date: every system must be done by this day")(
      "workdays", po::bool_switch(&workdays),
      "count working days (Monday to Friday) and skip weekends in dates")(
      "capacity", po::value(&capacity)->value_name("N"), "at most N systems per wave")(
      "vendor-capacity", po::value(&vendor_capacity)->value_name("N"),
      "at most N systems of one vendor per wave")(
      "default-effort", po::value(&default_effort)->value_name("DAYS"),
      "days for a system without cutover.effort_days (default 5)")(
      "fail-if-late", po::bool_switch(&fail_if_late),
      "exit with 1 when a system finishes after --deadline");
  AddChangesOption(&desc, &change_tables);
  AddOutputOptions(&desc, &output, "table, markdown, csv, json");
  std::string file;
  if (auto stop = StopCode(ParseArgs(args, "plan", help, desc, &file, io))) return *stop;
  if (!CheckFormat(&output, "plan",
                   {Format::kTable, Format::kMarkdown, Format::kCsv, Format::kJson}, io))
    return kExitInvalid;
  if (all == (!key.empty() || !systems.empty())) {
    UsageError("plan",
               all ? "--all plans every system; leave out --key and --system"
                   : "say what to plan: --key kommunenummer, --system ID, or --all",
               io);
    return kExitInvalid;
  }
  if (all && (through_all || !owners.empty())) {
    UsageError("plan", "--through-all and --owner choose systems for --key; --all takes all", io);
    return kExitInvalid;
  }
  PlanOptions options;
  options.all_systems = all;
  options.workdays = workdays;
  options.impact.through_all = through_all;
  if (!ParseDateOption(start, "--start", &options.start, io) ||
      !ParseDateOption(deadline, "--deadline", &options.deadline, io))
    return kExitInvalid;
  if (options.start && options.deadline && *options.deadline < *options.start) {
    UsageError("plan", "--deadline " + deadline + " is before --start " + start, io);
    return kExitInvalid;
  }
  if (fail_if_late && !options.deadline) {
    UsageError("plan", "--fail-if-late needs --deadline DATE", io);
    return kExitInvalid;
  }
  if (!ParseCapacity(capacity, "--capacity", &options.capacity, io) ||
      !ParseCapacity(vendor_capacity, "--vendor-capacity", &options.vendor_capacity, io))
    return kExitInvalid;
  if (!std::isfinite(default_effort) || default_effort < 0 || default_effort > 100000) {
    UsageError("plan", "--default-effort must be a number of days from 0 to 100000", io);
    return kExitInvalid;
  }
  options.default_effort_days = default_effort;
  if (!ParseOwners(owners, &options.impact.owners, io)) return kExitInvalid;

  Landscape landscape;
  if (!LoadForCommand(file, &landscape, io)) return kExitInvalid;
  if (!ApplyChangeTables(change_tables, key, &landscape, io)) return kExitInvalid;
  bool ok = ResolveSystems(landscape, systems, "--system", &options.impact.sources, io);
  if (!key.empty()) ok &= ResolveKey(landscape, key, &options.impact.key, io);
  if (!ok) return kExitInvalid;

  Graph graph(landscape);
  Plan plan;
  Diagnostics diagnostics(file);
  if (!ComputePlan(graph, options, &plan, &diagnostics)) {
    for (const Diagnostic& d : diagnostics.Items()) io.err << FormatDiagnostic(d) << "\n";
    io.err << "landskap plan: the cutover constraints cannot all be met; change the cutover "
              "fields named above\n";
    return kExitInvalid;
  }

  PlanHeading heading;
  std::string count = Count(plan.tasks.size(), "system", "systems");
  if (all) {
    heading.tasks = "all " + count;
  } else {
    std::string what = key.empty() ? "" : "a change of " + key;
    if (!systems.empty()) {
      std::string names;
      for (const std::string& s : systems) names += (names.empty() ? "" : ", ") + s;
      what += (what.empty() ? "a change of " : " starting at ") + names;
    }
    heading.tasks = plan.tasks.empty() ? "no systems: nothing is affected by " + what
                                       : "the " + count + " affected by " + what;
    ReformScope scope = ReformScope::ForKey(landscape, options.impact.key, options.impact.owners);
    if (scope.scoped()) {
      std::string changing;
      for (const std::string& c : scope.changing()) changing += (changing.empty() ? "" : ", ") + c;
      heading.scope =
          "Scope: the municipalities whose number changes (" + changing + ") and shared systems.";
    }
  }
  std::string text;
  switch (output.parsed) {
    case Format::kJson:
      text = FormatPlanJson(landscape, plan, file);
      break;
    case Format::kCsv:
      text = FormatPlanCsv(landscape, plan);
      break;
    case Format::kMarkdown:
      text = FormatPlanMarkdown(landscape, plan, heading);
      break;
    default:
      text = FormatPlanTable(landscape, plan, heading);
      break;
  }
  if (!WriteOutput(output.output, text, io)) return kExitInvalid;
  return fail_if_late && !plan.late.empty() ? kExitGate : kExitOk;
}

}  // namespace landskap::cli
