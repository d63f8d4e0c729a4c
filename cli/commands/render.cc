// landskap render FILE -o OUT: the landscape as a picture (SVG, PNG, PDF or DOT by OUT's
// extension), optionally coloured by a blast radius or narrowed to one system's neighbourhood.
#include <filesystem>
#include <ostream>

#include "cli/commands.h"
#include "engine/merge/diff.h"
#include "engine/model/text.h"
#include "engine/plan/plan.h"
#include "viz/diagram.h"
#include "viz/gantt.h"
#include "viz/reform_words.h"

namespace landskap::cli {
namespace {

class Render : public CommandBody {
 public:
  void AddOptions(po::options_description* desc) override {
    desc->add_options()("edge-labels", po::bool_switch(&edge_labels_),
                        "write the keys each integration carries on its line")(
        "focus", po::value(&focus_)->value_name("ID"),
        "draw only this system and its neighbours (providers and consumers)")(
        "hops", po::value(&hops_text_)->value_name("N"),
        "with --focus: how many integrations away, in each direction (default 1)")(
        "plan", po::bool_switch(&plan_view_),
        "draw the cutover plan: waves as columns from left to right, bundles boxed, the "
        "critical path in bold red (of the systems --key or --system reaches; without them, of "
        "all)")("gantt", po::bool_switch(&gantt_),
                "draw the cutover plan as a Gantt chart: a time axis in weeks and months, a lane "
                "per owner, a bar per system, the critical path red, fixed dates and the "
                "deadline marked (svg, png or pdf)")(
        "lanes", po::value(&lanes_text_)->value_name("BY"),
        "with --gantt: one lane per owner (default) or per vendor")(
        "diff", po::value(&diff_path_)->value_name("BEFORE"),
        "colour by what changed since the landscape file BEFORE: added green, changed "
        "amber, removed listed in the legend")("no-legend", po::bool_switch(&no_legend_),
                                               "leave out the legend");
  }

  bool Check(Context& c) override {
    bool ok = true;
    if (c.output.path == "-" && c.output.format_text.empty()) {
      c.Usage("name the picture to write, e.g. -o landscape.svg");
      ok = false;
    } else if (c.output.format_text.empty() && FileEnding(c.output.path).empty()) {
      // (An ending no format has is refused by the output options already.)
      c.Usage("cannot tell the format from '" + c.output.path +
              "'; end the file name with .svg, .png, .pdf or .dot");
      ok = false;
    }
    if (!hops_text_.empty()) {
      if (auto hops = ParseWholeNumber(hops_text_, 0, 1000000)) {
        hops_ = static_cast<int>(*hops);
      } else {
        c.Usage("--hops takes a whole number, 0 or more, not '" + hops_text_ + "'");
        ok = false;
      }
    }
    if (!diff_path_.empty() && (plan_view_ || gantt_ || c.selection.HasKey() ||
                                c.selection.HasSystems() || !c.selection.impact_alias.empty())) {
      c.Usage(
          "--diff colours the picture by the changes; leave out --key, --system, --plan and "
          "--gantt");
      ok = false;
    }
    if (!c.selection.HasKey() && (!c.selection.owners.empty() || c.selection.through_all)) {
      c.Usage("--owner and --through-all go with --key K");
      ok = false;
    }
    bool selected =
        c.selection.HasKey() || c.selection.HasSystems() || !c.selection.impact_alias.empty();
    if (c.diagram.only_affected && !selected) {
      c.Usage("--only-affected needs a change to show: give --key K or --system ID");
      ok = false;
    }
    if (gantt_ && plan_view_) {
      c.Usage("--plan draws the plan as a graph and --gantt as a timeline; choose one");
      ok = false;
    }
    if (gantt_ && c.output.format == Format::kDot) {
      c.Usage("a Gantt chart is drawn as svg, png or pdf; end -o with one of them");
      ok = false;
    }
    if (!lanes_text_.empty() && !gantt_) {
      c.Usage("--lanes goes with --gantt");
      ok = false;
    } else if (lanes_text_ == "vendor") {
      lanes_ = viz::GanttLanes::kVendor;
    } else if (!lanes_text_.empty() && lanes_text_ != "owner") {
      c.Usage("unknown --lanes '" + lanes_text_ + "'; use owner or vendor");
      ok = false;
    }
    if ((c.calendar.start || c.calendar.deadline) && !gantt_ && !plan_view_) {
      c.Usage("--start and --deadline shape a plan: give --gantt or --plan");
      ok = false;
    }
    if ((gantt_ || plan_view_) && c.diagram.collapse != viz::CollapseBy::kNone) {
      c.Usage("a plan draws systems and --collapse draws groups; choose one");
      ok = false;
    }
    if (!diff_path_.empty() && c.diagram.collapse != viz::CollapseBy::kNone) {
      c.Usage("--diff colours systems and --collapse draws groups; choose one");
      ok = false;
    }
    return ok;
  }

  std::vector<std::string> FilesRead() const override {
    if (diff_path_.empty()) return {};
    return {diff_path_};
  }

  bool Resolve(Context& c) override {
    if (!diff_path_.empty()) {
      Landscape before;
      if (!LoadLandscapeForCommand(diff_path_, &before, c.io)) return false;
      diff_ = DiffLandscapes(before, c.landscape);
      options_.diff = &diff_;
    }
    if (focus_.empty()) return true;
    std::vector<SystemIndex> focused;
    if (!c.ResolveSystems({focus_}, "--focus", &focused)) return false;
    options_.focus = focused.front();
    return true;
  }

  int Run(Context& c) override {
    ImpactResult impact;
    Plan plan;
    if (c.selected()) impact = ComputeImpact(c.graph(), c.query);
    if (plan_view_ || gantt_) {
      // The same tasks as 'landskap plan --key K' (or --system, or --all without them).
      PlanOptions plan_options = PlanOptionsFrom(c.calendar);
      plan_options.all_systems = !c.selected();
      Diagnostics diagnostics(c.file());
      if (!ComputePlan(c.graph(), plan_options, c.selected() ? &impact : nullptr, &plan,
                       &diagnostics)) {
        for (const Diagnostic& d : diagnostics.Items()) c.io.err << FormatDiagnostic(d) << "\n";
        c.io.err << "landskap render: the cutover constraints cannot all be met; see "
                    "'landskap plan' for the details\n";
        return kExitInvalid;
      }
      for (const Diagnostic& d : diagnostics.Items()) c.io.err << FormatDiagnostic(d) << "\n";
      options_.plan = &plan;
    } else if (c.selected()) {
      options_.impact = &impact;
    }
    if (c.diagram.only_affected && !plan_view_) options_.impact = &impact;
    std::string title = !c.diagram.title.empty()
                            ? c.diagram.title
                            : viz::PictureTitle(c.landscape, c.file(), c.language.language);
    if (gantt_) {
      viz::GanttInput gantt =
          viz::GanttFromPlan(c.graph(), plan, lanes_, c.language.language, title);
      std::string chart, error;
      if (!viz::RenderGantt(gantt, std::string(FormatName(c.output.format)), &chart, &error,
                            c.diagram.page)) {
        c.io.err << "landskap render: " << c.file() << ": error: " << error << "\n";
        return kExitInvalid;
      }
      return c.Write(chart);
    }
    options_.cluster = c.diagram.cluster;
    options_.collapse = c.diagram.collapse;
    options_.only_affected = c.diagram.only_affected;
    options_.page = c.diagram.page;
    options_.language = c.language.language;
    options_.layout = c.diagram.layout;
    options_.edge_labels = edge_labels_;
    options_.hops = hops_;
    options_.legend = !no_legend_;
    options_.title = title;
    std::string picture, error;
    if (!viz::RenderDiagram(c.graph(), options_, std::string(FormatName(c.output.format)), &picture,
                            &error)) {
      c.io.err << "landskap render: " << c.file() << ": error: " << error << "\n";
      return kExitInvalid;
    }
    return c.Write(picture);
  }

 private:
  bool edge_labels_ = false, plan_view_ = false, no_legend_ = false, gantt_ = false;
  std::string lanes_text_;
  viz::GanttLanes lanes_ = viz::GanttLanes::kOwner;
  std::string focus_, hops_text_, diff_path_;
  LandscapeDiff diff_;
  int hops_ = 1;
  viz::DiagramOptions options_;
};

}  // namespace

Command RenderCommand() {
  return {
      "render",
      "draw the landscape or a blast radius as SVG, PNG, PDF or DOT",
      {"landskap render FILE -o OUT [options]",
       "Draws the landscape for a workshop wall or a slide. OUT's extension picks the format:\n"
       ".svg (zoomable, with tooltips), .png, .pdf, or .dot (Graphviz text, to edit further);\n"
       "--format svg -o - writes to standard output. Colours show the kind of system\n"
       "(national, municipal, intermunicipal, vendor), the shape repeats it, and thicker\n"
       "lines are more critical integrations. With --key, colours show how far a key change\n"
       "reaches instead (darker is nearer), and the integrations that pass it on are red.\n"
       "--impact K is the old name of --key K and is still accepted in this release.\n"
       "--focus draws one system and its neighbours only, which keeps big landscapes readable.\n"
       "--diff BEFORE colours what changed since BEFORE (as 'landskap diff BEFORE FILE' lists).",
       "  landskap render datasets/oygarden-2020.json --key kommunenummer -o impact.svg\n"
       "  landskap render datasets/oygarden-2020.json --focus fjell.sak-arkiv --hops 2 -o "
       "sak.png\n"
       "  landskap render datasets/oygarden-2020.json --cluster domain --edge-labels -o all.pdf\n"
       "  landskap render datasets/oygarden-2020.json --key kommunenummer --plan -o plan.svg\n"
       "  landskap render datasets/oygarden-2020.json --collapse owner --key kommunenummer -o "
       "overview.png\n"
       "  landskap render datasets/oygarden-2020.json --key kommunenummer --only-affected --page "
       "A3 "
       "--landscape -o impact.pdf\n"
       "  landskap render datasets/oygarden-2020.json --key kommunenummer --gantt --start "
       "2019-08-01 --deadline 2019-12-31 -o plan.png\n"
       "  landskap render merged.json --diff datasets/oygarden-2020.json -o changes.svg"},
      kGroupSelection | kGroupCalendar | kGroupDiagram | kGroupLanguage | kGroupOutput,
      kSelectKey | kSelectImpactAlias | kSelectSystem | kSelectThroughAll | kSelectOwner |
          kSelectChanges,
      {Format::kSvg, Format::kPng, Format::kPdf, Format::kDot},
      10,
      Inputs::kOneLandscape,
      [] { return std::make_unique<Render>(); }};
}

}  // namespace landskap::cli
