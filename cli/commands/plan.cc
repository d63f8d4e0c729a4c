// landskap plan FILE (--key K | --system ID ... | --all): the cutover plan with waves, bundles,
// critical path, dates and lateness against the reform date.
#include "cli/formats/plan.h"

#include <functional>
#include <ostream>

#include "cli/commands.h"
#include "cli/formats/plan_export.h"
#include "cli/formats/xlsx_tables.h"
#include "engine/plan/border_transfers.h"
#include "engine/plan/plan.h"

namespace landskap::cli {
namespace {

class PlanBody : public CommandBody {
 public:
  void AddOptions(po::options_description* desc) override {
    desc->add_options()("all", po::bool_switch(&all_), "plan every system in the file")(
        "fail-if-late", po::bool_switch(&fail_if_late_),
        "exit with 1 when a system finishes after --deadline (with the capacity limits)");
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
    options_ = PlanOptionsFrom(c.calendar);
    options_.all_systems = all_;
    return ok;
  }

  // Border adjustments move records between the two municipalities' systems: one data-transfer
  // task per pair of systems of a domain (engine/plan/border_transfers.h), before the graph is
  // built, so the plan schedules them like any other task.
  bool Resolve(Context& c) override {
    std::optional<KeyIndex> key = c.query.key;
    if (!key) key = c.landscape.FindKey("kommunenummer");
    if (!key) return true;
    std::vector<std::string> added = AddBorderTransfers(&c.landscape, *key);
    if (!added.empty())
      c.io.err << "landskap plan: note: " << added.size()
               << (added.size() == 1 ? " data-transfer task" : " data-transfer tasks")
               << " for the border adjustments (transfer.*): the records of the part that moves "
                  "go from the one municipality's systems to the other's\n";
    return true;
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
    // Warnings (a fixed date or the first day moved by --closed) are said even when it plans.
    for (const Diagnostic& d : diagnostics.Items()) c.io.err << FormatDiagnostic(d) << "\n";
    const Format format = c.output.format;
    if (format == Format::kMsProject || format == Format::kIcs || format == Format::kMermaid) {
      if (std::string why = ExportNeedsDates(plan); !why.empty()) {
        c.io.err << "landskap plan: " << why << "\n";
        return kExitInvalid;
      }
    }
    PlanHeading heading = DescribePlan(c.landscape, plan);
    // The table, Markdown, CSV and JSON are written as they are made (a national plan is
    // 200 000 tasks); the exports, for tools that read a whole file, are made whole.
    auto stream = [&](const std::function<void(const Sink&)>& write) {
      return c.WriteStreamed(
          [&](OutputStream& out) { write([&out](std::string_view piece) { out.Write(piece); }); });
    };
    int code = kExitOk;
    switch (format) {
      case Format::kJson:
        code = stream([&](const Sink& sink) { WritePlanJson(c.landscape, plan, c.file(), sink); });
        break;
      case Format::kCsv:
        code = stream([&](const Sink& sink) { WritePlanCsv(c.landscape, plan, sink); });
        break;
      case Format::kXlsx:
        code = c.WriteWorkbook(FormatPlanXlsx(c.landscape, plan, c.language.language,
                                              &c.workbook_error, &c.workbook_note));
        break;
      case Format::kMarkdown:
        code = stream([&](const Sink& sink) {
          // The document's own words in --lang; the heading of the other formats stays English.
          const viz::Language lang = c.language.language;
          WritePlanMarkdown(c.landscape, plan, DescribePlan(c.landscape, plan, lang), lang, sink);
        });
        break;
      case Format::kMsProject:
        code = c.Write(FormatPlanMsProject(c.landscape, plan, heading));
        break;
      case Format::kIcs:
        code = c.Write(FormatPlanIcs(c.landscape, plan, heading));
        break;
      case Format::kMermaid:
        code = c.Write(FormatPlanMermaid(c.landscape, plan, heading));
        break;
      default:
        code = stream([&](const Sink& sink) { WritePlanTable(c.landscape, plan, heading, sink); });
        break;
    }
    if (code != kExitOk) return code;
    return fail_if_late_ && !plan.late.empty() ? kExitGate : kExitOk;
  }

 private:
  bool all_ = false, fail_if_late_ = false;
  PlanOptions options_;
};

}  // namespace

Command PlanCommand() {
  return {
      "plan",
      "cutover order: waves, bundles, critical path and dates against the deadline",
      {"landskap plan FILE (--key K | --system ID ... | --all) [options]",
       "Plans the cutover: in which order the systems are converted and switched, which of\n"
       "them must switch together, who does the work, and when it is done.\n"
       "  tasks       the systems a change of --key reaches (as in 'landskap impact'), or --all;\n"
       "              ours are those of --owner-tasks (default: the changing municipalities\n"
       "              and the intermunicipal systems), the rest are external dependencies\n"
       "  order       an integration converts the provider before the consumer;\n"
       "              cutover.after in the file adds more (between systems in the plan)\n"
       "  bundles     systems on a cycle of integrations switch together; the longest\n"
       "              member sets the bundle's duration\n"
       "  duration    cutover.effort_days in working days, rounded up (--default-effort when\n"
       "              missing); cutover.fixed_date: the system starts on that date, not before\n"
       "  calendar    working days: Monday to Friday without Norwegian public holidays\n"
       "              (--workdays says the same; --calendar all-days counts every day);\n"
       "              --closed FILE adds local closures such as the Christmas week\n"
       "  capacity    at most N tasks of a vendor (--vendor-capacity), of one of our owners\n"
       "              (--owner-capacity), or of ours in all (--capacity) on any working day;\n"
       "              --capacity and --owner-capacity limit our work only: external tasks\n"
       "              (other owners' systems, such as Matrikkelen) are their staff's. The\n"
       "              file's \"resources\" section sets them per vendor or owner. Tasks are\n"
       "              placed least latest start first, then by id; the plan shows the finish\n"
       "              without limits (critical path) and with them, and the bottleneck;\n"
       "              a fixed date the limits move is a warning, and every export shows\n"
       "              the day the task starts\n"
       "  waves       wave 1 has no predecessors; a task goes in the wave after its latest\n"
       "              predecessor's; each wave shows its dates, in time order\n"
       "  dates       from --start (default: the earliest fixed date); --deadline and\n"
       "              --fail-if-late judge the finish with the capacity limits\n"
       "  exports     --format msproject (MS Project XML, also ProjectLibre and GNOME Planner),\n"
       "              ics (fixed dates, milestones and the deadline for a calendar) and mermaid\n"
       "              (a gantt block for Markdown); picked by -o plan.xml, .ics, .mmd too;\n"
       "              they need dates (--start DATE)\n"
       "  language    Markdown and the workbook are in Norwegian (bokmål) unless --lang en;\n"
       "              the table, CSV and JSON stay English\n"
       "Impossible demands (a cycle through 'after', a fixed date before a predecessor can\n"
       "finish) are errors that name the chain.",
       "  landskap plan datasets/oygarden-2020.json --key kommunenummer --start 2019-08-01 "
       "--deadline 2020-01-01\n"
       "  landskap plan datasets/oygarden-2020.json --all --start 2019-08-01 "
       "--vendor-capacity 2 --closed juleferie.csv -o plan.md\n"
       "  landskap plan datasets/oygarden-2020.json --key kommunenummer --start 2019-08-01 "
       "-o plan.xml   (MS Project; .ics for a calendar, .mmd for a Mermaid gantt chart)"},
      kGroupSelection | kGroupCalendar | kGroupLanguage | kGroupOutput,
      kSelectKey | kSelectSystem | kSelectThroughAll | kSelectOwner | kSelectChanges,
      {Format::kTable, Format::kMarkdown, Format::kCsv, Format::kJson, Format::kXlsx,
       Format::kMsProject, Format::kIcs, Format::kMermaid},
      10,
      Inputs::kOneLandscape,
      [] { return std::make_unique<PlanBody>(); }};
}

}  // namespace landskap::cli
