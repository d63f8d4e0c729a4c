// Assembles the workshop page: the template viz/assets/report.html with the CSS, the JavaScript,
// the inline SVG diagram and the escaped data put into its slots in one pass, so that nothing
// put in is ever read again as a slot.
#include "viz/report.h"

#include <string>

#include "engine/model/text.h"
#include "viz/escape.h"
#include "viz/gantt.h"
#include "viz/reform_words.h"

namespace landskap::viz {
namespace {

// Above this many systems one picture is no longer readable (nor quick to lay out); the page
// then keeps search, details and tables and tells how to draw a part of the landscape.
constexpr size_t kMaxDiagramSystems = 2000;

std::string_view Asset(const std::string& name) {
  const auto& assets = EmbeddedAssets();
  auto it = assets.find(name);
  return it == assets.end() ? std::string_view() : it->second;
}

// Replaces every "{{NAME}}" in `page` by slots.at(NAME), scanning the template once.
bool FillSlots(std::string_view page, const std::map<std::string, std::string>& slots,
               std::string* out, std::string* error) {
  out->clear();
  size_t at = 0;
  while (true) {
    size_t open = page.find("{{", at);
    if (open == std::string_view::npos) break;
    size_t close = page.find("}}", open + 2);
    if (close == std::string_view::npos) break;
    std::string name(page.substr(open + 2, close - open - 2));
    auto it = slots.find(name);
    if (it == slots.end()) {
      *error = "the page template has an unknown slot {{" + name + "}}";
      return false;
    }
    out->append(page.substr(at, open - at));
    out->append(it->second);
    at = close + 2;
  }
  out->append(page.substr(at));
  return true;
}

// Text for HTML element content (the page title), on one line, control characters visible
// as on the rest of the page (see visible() in report.js).
std::string EscapeHtmlText(std::string_view text) {
  return ReplaceChars(
      VisibleText(text),
      {{'<', "&lt;"}, {'>', "&gt;"}, {'&', "&amp;"}, {'"', "&quot;"}, {'\'', "&#39;"}});
}

std::string NoDiagramNote(size_t systems, Language language) {
  return "<p class=\"no-diagram\">" +
         EscapeHtmlText(Fill(Tr(language,
                                "This landscape has {n} systems: too many for one readable "
                                "picture. Search for a system to see its details and blast "
                                "radius, or draw a part of the landscape with"),
                             {{"n", std::to_string(systems)}})) +
         " <code>landskap render FILE --focus ID --hops 2 -o part.svg</code>.</p>";
}

}  // namespace

CollapseBy ReportOverviewBy(ClusterBy cluster) {
  return cluster == ClusterBy::kDomain ? CollapseBy::kDomain : CollapseBy::kOwner;
}

std::string InlineSvg(std::string_view svg) {
  // Graphviz starts with an XML declaration, a DOCTYPE and comments before <svg>; HTML needs
  // none of them. Comments inside repeat node names and only add weight.
  size_t start = svg.find("<svg");
  if (start == std::string_view::npos) return "";
  std::string out;
  out.reserve(svg.size() - start);
  size_t at = start;
  while (true) {
    size_t open = svg.find("<!--", at);
    if (open == std::string_view::npos) break;
    size_t close = svg.find("-->", open + 4);
    if (close == std::string_view::npos) break;
    out.append(svg.substr(at, open - at));
    at = close + 3;
  }
  out.append(svg.substr(at));
  return out;
}

bool BuildReport(const Graph& graph, const ReportOptions& options, std::string* html,
                 std::string* error) {
  const Landscape& landscape = graph.landscape();
  std::string title = options.title;
  if (title.empty()) title = PictureTitle(landscape, options.source_file, options.language);
  if (title.empty()) title = "landskap";

  std::string diagram;
  if (landscape.systems.size() <= kMaxDiagramSystems) {
    DiagramOptions diagram_options;
    diagram_options.cluster = options.cluster;
    // The page's diagram is where a group of the overview opens: dot keeps each owner's
    // systems together in a box. The default by size (viz/diagram.cc) is dot wherever dot lays
    // the picture out in a few seconds, sfdp beyond (where 300 systems and 1 335 integrations
    // took dot 5 to 12 s).
    diagram_options.layout = options.layout;
    diagram_options.legend = true;
    diagram_options.language = options.language;
    std::string svg;
    if (!RenderDiagram(graph, diagram_options, "svg", &svg, error)) return false;
    diagram = InlineSvg(svg);
    if (diagram.empty()) {
      *error = "the diagram came out without an <svg> element";
      return false;
    }
  } else {
    diagram = NoDiagramNote(landscape.systems.size(), options.language);
  }

  // The overview the page opens on (one box per owner): Graphviz's SVG with groups "g<N>" in
  // the order of ReportDataJson's "groups", which the page's script expands on a click.
  std::string overview;
  Overview groups =
      CollapseLandscape(graph, ReportOverviewBy(options.cluster), {}, nullptr, options.language);
  if (landscape.systems.size() <= kMaxDiagramSystems && groups.groups.size() >= 2) {
    DiagramOptions overview_options;
    overview_options.collapse = ReportOverviewBy(options.cluster);
    overview_options.legend = true;
    overview_options.title = title;
    overview_options.language = options.language;
    std::string svg;
    if (!RenderDiagram(graph, overview_options, "svg", &svg, error)) return false;
    overview = InlineSvg(svg);
    if (overview.empty()) {
      *error = "the overview came out without an <svg> element";
      return false;
    }
  }

  // The plan as a Gantt chart (its names are SVG text, XML-escaped: a browser finds them).
  std::string gantt;
  if (options.plan && !options.plan->tasks.empty() &&
      landscape.systems.size() <= kMaxDiagramSystems) {
    GanttInput input =
        GanttFromPlan(graph, *options.plan, GanttLanes::kOwner, options.language, title);
    std::string svg;
    if (!RenderGantt(input, "svg", &svg, error)) return false;
    gantt = InlineSvg(svg);
  }

  ReportOptions with_title = options;
  with_title.title = title;
  std::map<std::string, std::string> slots = {
      {"TITLE", EscapeHtmlText(title)},
      {"LANG", std::string(LanguageCode(options.language))},
      {"CSS", std::string(Asset("report.css"))},
      {"JS", std::string(Asset("report.js"))},
      {"DIAGRAM", diagram},
      {"OVERVIEW", overview},
      {"GANTT", gantt},
      {"DATA", EscapeJsonForScript(ReportDataJson(graph, with_title))},
  };
  return FillSlots(Asset("report.html"), slots, html, error);
}

}  // namespace landskap::viz
