// landskap report FILE -o report.html: the self-contained workshop page.
#include <ostream>
#include <tuple>

#include "cli/commands.h"
#include "cli/options.h"
#include "cli/output.h"
#include "engine/date.h"
#include "engine/plan.h"
#include "viz/report.h"

namespace landskap::cli {

int RunReport(const Args& args, Io io) {
  HelpText help{
      "landskap report FILE -o report.html [options]",
      "Makes one HTML page for a workshop: the diagram (drag to move, scroll to zoom), a\n"
      "search box, and a click on a system shows what it breaks downstream and what it\n"
      "depends on upstream, with its owner, vendor, keys and integrations. With a key\n"
      "(kommunenummer by default, when the file uses it) the page also shows what a change\n"
      "of that key breaks, the same answer as 'landskap impact --key K', and the cutover\n"
      "plan for those systems (all systems without a key) with its critical path.\n"
      "The page needs no network and no other file: mail it, put it on a memory stick, open\n"
      "it in any browser.",
      "  landskap report datasets/oygarden-2020.json -o oygarden.html\n"
      "  landskap report datasets/oygarden-2020.json --key kommunenummer --cluster domain "
      "-o oygarden.html"};
  po::options_description desc("Options");
  std::string key, cluster = "owner", layout, title, output = "-";
  std::string start, deadline;
  std::vector<std::string> owners, change_tables;
  bool through_all = false, workdays = false;
  desc.add_options()("output,o", po::value(&output)->default_value("-")->value_name("OUT"),
                     "the page to write, e.g. report.html (written completely or not at all)")(
      "key", po::value(&key)->value_name("K"),
      "show what a change of this key breaks (default: kommunenummer, when the file uses it)")(
      "owner", po::value(&owners)->value_name("NUMBERS")->composing(),
      "the changing municipalities, e.g. 1246,1245 (instead of the file's changes)")(
      "through-all", po::bool_switch(&through_all),
      "the key's impact also follows integrations that do not carry it")(
      "cluster", po::value(&cluster)->default_value("owner")->value_name("BY"),
      "group the diagram's systems by owner, domain, kind or none")(
      "layout", po::value(&layout)->value_name("ENGINE"),
      "dot, sfdp or neato (default: dot for small landscapes, sfdp for large)")(
      "title", po::value(&title)->value_name("TEXT"),
      "the page's title (default: the file's name)")(
      "start", po::value(&start)->value_name("DATE"),
      "the cutover plan's first day (default: the earliest fixed date)")(
      "deadline", po::value(&deadline)->value_name("DATE"),
      "the reform date: the plan marks what finishes after it")(
      "workdays", po::bool_switch(&workdays), "the plan counts working days (Monday to Friday)");
  AddChangesOption(&desc, &change_tables);
  std::string file;
  if (auto stop = StopCode(ParseArgs(args, "report", help, desc, &file, io))) return *stop;
  viz::ReportOptions options;
  if (cluster == "owner") {
    options.cluster = viz::ClusterBy::kOwner;
  } else if (cluster == "domain") {
    options.cluster = viz::ClusterBy::kDomain;
  } else if (cluster == "kind") {
    options.cluster = viz::ClusterBy::kKind;
  } else if (cluster == "none") {
    options.cluster = viz::ClusterBy::kNone;
  } else {
    UsageError("report", "unknown --cluster '" + cluster + "'; use owner, domain, kind or none",
               io);
    return kExitInvalid;
  }
  if (!layout.empty() && layout != "dot" && layout != "sfdp" && layout != "neato") {
    UsageError("report", "unknown --layout '" + layout + "'; use dot, sfdp or neato", io);
    return kExitInvalid;
  }
  options.layout = layout;
  options.title = title;
  options.source_file = file;
  PlanOptions plan_options;
  plan_options.workdays = workdays;
  for (auto [text, option, out] : {std::tuple{&start, "--start", &plan_options.start},
                                   std::tuple{&deadline, "--deadline", &plan_options.deadline}}) {
    if (text->empty()) continue;
    *out = ParseDate(*text);
    if (!*out) {
      UsageError("report",
                 std::string(option) + " takes a date like 2019-08-01, not '" + *text + "'", io);
      return kExitInvalid;
    }
  }
  ImpactQuery query;
  query.through_all = through_all;
  if (!ParseOwners(owners, &query.owners, io)) return kExitInvalid;

  Landscape landscape;
  if (!LoadForCommand(file, &landscape, io)) return kExitInvalid;
  if (!ApplyChangeTables(change_tables, key, &landscape, io)) return kExitInvalid;
  if (!key.empty()) {
    if (!ResolveKey(landscape, key, &query.key, io)) return kExitInvalid;
  } else {
    query.key = landscape.FindKey("kommunenummer");
  }
  Graph graph(landscape);
  ImpactResult impact;
  if (query.key) {
    impact = ComputeImpact(graph, query);
    options.impact = &impact;
  }
  // The plan covers what the key change reaches, or every system when there is no key.
  Plan plan;
  plan_options.all_systems = !query.key;
  plan_options.impact = query;
  Diagnostics plan_diagnostics(file);
  std::string what = query.key ? "affected by a change of " + landscape.keys[*query.key].id : "";
  if (ComputePlan(graph, plan_options, &plan, &plan_diagnostics)) {
    options.plan = &plan;
    options.plan_tasks = query.key
                             ? "the " + Count(plan.tasks.size(), "system", "systems") + " " + what
                             : "all " + Count(plan.tasks.size(), "system", "systems");
  } else {
    for (const Diagnostic& d : plan_diagnostics.Items()) {
      options.plan_errors.push_back(FormatDiagnostic(d));
      io.err << FormatDiagnostic(d) << "\n";
    }
    io.err << "landskap report: the page has no cutover plan: its constraints cannot all be "
              "met (see 'landskap plan').\n";
    options.plan_tasks = query.key ? "the systems " + what : "all systems";
  }
  std::string html, error;
  if (!viz::BuildReport(graph, options, &html, &error)) {
    io.err << "landskap report: " << file << ": error: " << error << "\n";
    return kExitInvalid;
  }
  return WriteOutput(output, html, io) ? kExitOk : kExitInvalid;
}

}  // namespace landskap::cli
