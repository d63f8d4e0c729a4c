// landskap report FILE -o report.html: the self-contained workshop page.
#include "viz/report.h"

#include <ostream>

#include "cli/commands.h"
#include "cli/formats/heading.h"
#include "engine/plan/plan.h"

namespace landskap::cli {
namespace {

class Report : public CommandBody {
 public:
  bool Resolve(Context& c) override {
    // Without --key, the page shows the kommunenummer when the file uses it.
    if (!c.query.key) c.query.key = c.landscape.FindKey("kommunenummer");
    return true;
  }

  int Run(Context& c) override {
    viz::ReportOptions options;
    options.cluster = c.diagram.cluster;
    options.layout = c.diagram.layout;
    options.title = c.diagram.title;
    options.language = c.language.language;
    options.source_file = c.file();
    ImpactResult impact;
    if (c.query.key) {
      impact = ComputeImpact(c.graph(), c.query);
      options.impact = &impact;
    }
    // The plan covers what the key change reaches, or every system when there is no key.
    PlanOptions plan_options = PlanOptionsFrom(c.calendar);
    plan_options.all_systems = !c.query.key;
    Plan plan;
    Diagnostics plan_diagnostics(c.file());
    if (ComputePlan(c.graph(), plan_options, c.query.key ? &impact : nullptr, &plan,
                    &plan_diagnostics)) {
      for (const Diagnostic& d : plan_diagnostics.Items()) c.io.err << FormatDiagnostic(d) << "\n";
      options.plan = &plan;
      options.plan_tasks = DescribePlan(c.landscape, plan, c.language.language).tasks;
    } else {
      for (const Diagnostic& d : plan_diagnostics.Items()) {
        options.plan_errors.push_back(FormatDiagnostic(d));
        c.io.err << FormatDiagnostic(d) << "\n";
      }
      c.io.err << "landskap report: the page has no cutover plan: its constraints cannot all be "
                  "met (see 'landskap plan').\n";
      const viz::Language lang = c.language.language;
      options.plan_tasks = c.query.key
                               ? viz::Fill(viz::Tr(lang, "the systems affected by {what}"),
                                           {{"what", SelectionPhrase(c.landscape, c.query, lang)}})
                               : viz::Tr(lang, "all systems");
    }
    std::string html, error;
    if (!viz::BuildReport(c.graph(), options, &html, &error)) {
      c.io.err << "landskap report: " << c.file() << ": error: " << error << "\n";
      return kExitInvalid;
    }
    return c.Write(html);
  }
};

}  // namespace

Command ReportCommand() {
  return {"report",
          "an offline HTML page for workshops: diagram, search, blast radius",
          {"landskap report FILE -o report.html [options]",
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
           "-o oygarden.html"},
          kGroupSelection | kGroupCalendar | kGroupDiagram | kGroupLanguage | kGroupOutput,
          kSelectKey | kSelectThroughAll | kSelectOwner | kSelectChanges,
          {Format::kHtml},
          10,
          Inputs::kOneLandscape,
          [] { return std::make_unique<Report>(); }};
}

}  // namespace landskap::cli
