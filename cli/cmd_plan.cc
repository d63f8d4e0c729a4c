// landskap plan FILE (--key K | --system ID ... | --all): the cutover plan with waves, bundles,
// critical path, dates and lateness against the reform date.
#include <cmath>
#include <ostream>

#include "cli/commands.h"
#include "cli/format_plan.h"
#include "engine/plan.h"

namespace landskap::cli {
namespace {

class PlanBody : public CommandBody {
 public:
  void AddOptions(po::options_description* desc) override {
    desc->add_options()("all", po::bool_switch(&all_), "plan every system in the file")(
        "capacity", po::value(&capacity_)->value_name("N"), "at most N systems per wave")(
        "vendor-capacity", po::value(&vendor_capacity_)->value_name("N"),
        "at most N systems of one vendor per wave")(
        "default-effort", po::value(&default_effort_)->value_name("DAYS"),
        "days for a system without cutover.effort_days (default 5)")(
        "fail-if-late", po::bool_switch(&fail_if_late_),
        "exit with 1 when a system finishes after --deadline");
  }

  bool Check(Context& c) override {
    bool ok = true;
    const SelectionOptions& s = c.selection;
    if (all_ == (s.HasKey() || s.HasSystems())) {
      c.Usage(all_ ? "--all plans every system; leave out --key and --system"
                   : "say what to plan: --key kommunenummer, --system ID, or --all");
      ok = false;
    }
    if (all_ && (s.through_all || !s.owners.empty())) {
      c.Usage("--through-all and --owner choose systems for --key; --all takes all");
      ok = false;
    }
    if (fail_if_late_ && !c.calendar.deadline) {
      c.Usage("--fail-if-late needs --deadline DATE");
      ok = false;
    }
    for (auto [text, option, out] :
         {std::tuple{&capacity_, "--capacity", &options_.capacity},
          std::tuple{&vendor_capacity_, "--vendor-capacity", &options_.vendor_capacity}}) {
      if (text->empty()) continue;
      if (auto value = ParseWholeNumber(*text, 1, 1000000000)) {
        *out = static_cast<size_t>(*value);
      } else {
        c.Usage(std::string(option) + " takes a number of systems, 1 or more, not '" + *text + "'");
        ok = false;
      }
    }
    if (!std::isfinite(default_effort_) || default_effort_ < 0 || default_effort_ > 100000) {
      c.Usage("--default-effort must be a number of days from 0 to 100000");
      ok = false;
    }
    options_.all_systems = all_;
    options_.default_effort_days = default_effort_;
    options_.start = c.calendar.start;
    options_.deadline = c.calendar.deadline;
    options_.workdays = c.calendar.workdays;
    return ok;
  }

  int Run(Context& c) override {
    // The plan covers the blast radius downstream, as 'landskap impact' reports it.
    ImpactResult impact;
    if (!all_) impact = ComputeImpact(c.graph(), c.query);
    Plan plan;
    Diagnostics diagnostics(c.file());
    if (!ComputePlan(c.graph(), options_, all_ ? nullptr : &impact, &plan, &diagnostics)) {
      for (const Diagnostic& d : diagnostics.Items()) c.io.err << FormatDiagnostic(d) << "\n";
      c.io.err << "landskap plan: the cutover constraints cannot all be met; change the cutover "
                  "fields named above\n";
      return kExitInvalid;
    }
    PlanHeading heading = DescribePlan(c.landscape, plan);
    std::string text;
    switch (c.output.format) {
      case Format::kJson:
        if (int code = c.WriteStreamed([&](OutputStream& out) {
              WritePlanJson(c.landscape, plan, c.file(),
                            [&out](std::string_view piece) { out.Write(piece); });
            });
            code != kExitOk)
          return code;
        return fail_if_late_ && !plan.late.empty() ? kExitGate : kExitOk;
      case Format::kCsv:
        text = FormatPlanCsv(c.landscape, plan);
        break;
      case Format::kMarkdown:
        text = FormatPlanMarkdown(c.landscape, plan, heading);
        break;
      default:
        text = FormatPlanTable(c.landscape, plan, heading);
        break;
    }
    if (int code = c.Write(text); code != kExitOk) return code;
    return fail_if_late_ && !plan.late.empty() ? kExitGate : kExitOk;
  }

 private:
  bool all_ = false, fail_if_late_ = false;
  std::string capacity_, vendor_capacity_;
  double default_effort_ = kDefaultEffortDays;
  PlanOptions options_;
};

}  // namespace

Command PlanCommand() {
  return {
      "plan",
      "cutover order: waves, bundles, critical path and dates against the deadline",
      {"landskap plan FILE (--key K | --system ID ... | --all) [options]",
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
       "--vendor-capacity 2 -o plan.md"},
      kGroupSelection | kGroupCalendar | kGroupOutput,
      kSelectKey | kSelectSystem | kSelectThroughAll | kSelectOwner | kSelectChanges,
      {Format::kTable, Format::kMarkdown, Format::kCsv, Format::kJson},
      10,
      Inputs::kOneLandscape,
      [] { return std::make_unique<PlanBody>(); }};
}

}  // namespace landskap::cli
