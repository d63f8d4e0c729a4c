// The collapsed picture: groups and the links between them, counted from the engine's graph;
// drawn with Graphviz like the detailed picture, escaped the same way (names reach Graphviz
// only through agxset after EscapeHtml / EscapeLabel).
#include "viz/overview.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "engine/model/text.h"
#include "viz/diagram.h"
#include "viz/graphviz.h"
#include "viz/names.h"
#include "viz/palette.h"

namespace landskap::viz {
namespace {

constexpr std::string_view kFont = "DejaVu Sans";

const std::string& GroupKey(const System& s, CollapseBy by) {
  static const std::string none;
  switch (by) {
    case CollapseBy::kOwner:
      return s.owner;
    case CollapseBy::kDomain:
      return s.domain;
    case CollapseBy::kVendor:
      return s.vendor;
    case CollapseBy::kNone:
      break;
  }
  return none;
}

std::string GroupLabel(const Landscape& l, const std::string& key, CollapseBy by,
                       Language language) {
  if (key.empty()) {
    if (by == CollapseBy::kOwner) return Tr(language, "(no owner given)");
    if (by == CollapseBy::kDomain) return Tr(language, "(no domain given)");
    return Tr(language, "(no vendor given)");
  }
  return by == CollapseBy::kOwner ? OwnerWithChange(l, key) : key;
}

std::string Join(const std::vector<std::string>& parts, std::string_view separator) {
  std::string out;
  for (const std::string& p : parts) out += (out.empty() ? "" : std::string(separator)) + p;
  return out;
}

}  // namespace

std::string_view CollapseName(CollapseBy by) {
  switch (by) {
    case CollapseBy::kOwner:
      return "owner";
    case CollapseBy::kDomain:
      return "domain";
    case CollapseBy::kVendor:
      return "vendor";
    case CollapseBy::kNone:
      break;
  }
  return "none";
}

Overview CollapseLandscape(const Graph& graph, CollapseBy by, const std::vector<char>& shown,
                           const ImpactResult* impact, Language language) {
  const Landscape& l = graph.landscape();
  Overview o;
  o.by = by;
  auto visible = [&](SystemIndex s) { return shown.empty() || shown[s]; };
  std::map<std::string, std::vector<SystemIndex>> members;  // sorted by key: deterministic
  for (SystemIndex s = 0; s < graph.SystemCount(); ++s)
    if (visible(s)) members[GroupKey(l.systems[s], by)].push_back(s);
  std::vector<int> group_of(graph.SystemCount(), -1);
  std::vector<int> distance(graph.SystemCount(), -1);
  std::vector<char> affected_edge(l.integrations.size(), 0);
  if (impact) {
    for (const AffectedSystem& a : impact->affected) distance[a.system] = a.distance;
    for (IntegrationIndex i : impact->integrations) affected_edge[i] = 1;
  }
  for (auto& [key, systems] : members) {
    OverviewGroup g;
    g.key = key;
    g.label = GroupLabel(l, key, by, language);
    g.systems = systems;
    for (SystemIndex s : systems) {
      group_of[s] = static_cast<int>(o.groups.size());
      if (distance[s] >= 0) {
        ++g.affected;
        g.nearest = g.nearest < 0 ? distance[s] : std::min(g.nearest, distance[s]);
      }
    }
    o.groups.push_back(std::move(g));
  }
  std::map<std::pair<size_t, size_t>, OverviewLink> links;
  for (IntegrationIndex i = 0; i < l.integrations.size(); ++i) {
    const Integration& integration = l.integrations[i];
    int a = group_of[integration.from], b = group_of[integration.to];
    if (a < 0 || b < 0) continue;
    if (a == b) {
      ++o.groups[a].internal;
      continue;
    }
    OverviewLink& link = links[{static_cast<size_t>(a), static_cast<size_t>(b)}];
    link.from = a;
    link.to = b;
    link.integrations.push_back(i);
    link.affected += affected_edge[i];
    link.keys.insert(link.keys.end(), integration.carries.begin(), integration.carries.end());
    link.criticality = std::max(link.criticality, integration.criticality);
  }
  for (auto& [pair, link] : links) {
    std::sort(link.keys.begin(), link.keys.end());
    link.keys.erase(std::unique(link.keys.begin(), link.keys.end()), link.keys.end());
    o.links.push_back(std::move(link));
  }
  return o;
}

bool RenderOverview(const Graph& graph, const DiagramOptions& options,
                    const std::vector<char>& shown, const std::string& format, std::string* out,
                    std::string* error) {
  const Landscape& l = graph.landscape();
  Language lang = options.language;
  Overview o = CollapseLandscape(graph, options.collapse, shown, options.impact, lang);
  GvGraph gv("overview");
  auto graph_attr = [&](std::string_view n, std::string_view v) {
    return gv.Declare(AttributeOf::kGraph, n, v);
  };
  auto node_attr = [&](std::string_view n, std::string_view v) {
    return gv.Declare(AttributeOf::kNode, n, v);
  };
  auto edge_attr = [&](std::string_view n, std::string_view v) {
    return gv.Declare(AttributeOf::kEdge, n, v);
  };
  // Up to a dozen groups read best in columns (dot); more are hubs and spokes (a merger's
  // municipalities integrate with nearly every other owner), which dot draws as a tall tangle:
  // neato's stress layout with overlaps removed packs them into a screen-shaped picture.
  constexpr size_t kColumnsUpTo = 12;
  std::string engine = options.layout;
  if (engine.empty()) engine = o.groups.size() <= kColumnsUpTo ? "dot" : "neato";
  graph_attr("fontname", kFont);
  graph_attr("bgcolor", "white");
  graph_attr("pad", "0.3");
  graph_attr("labelloc", "t");
  graph_attr("labeljust", "l");
  graph_attr("outputorder", "edgesfirst");
  if (engine == "dot") {
    graph_attr("rankdir", "LR");
    graph_attr("nodesep", "0.35");
    graph_attr("ranksep", "0.9");
    graph_attr("newrank", "true");
  } else {
    if (engine == "neato") graph_attr("mode", "KK");
    graph_attr("overlap", "prism");
    graph_attr("sep", "+6");
    graph_attr("splines", "false");
  }
  GvAttribute* g_label = graph_attr("label", "");
  node_attr("fontname", kFont);
  node_attr("fontsize", "16");
  node_attr("shape", "box");
  node_attr("margin", "0.15,0.08");
  GvAttribute* n_label = node_attr("label", "\\N");
  GvAttribute* n_id = node_attr("id", "");
  GvAttribute* n_class = node_attr("class", "");
  GvAttribute* n_tooltip = node_attr("tooltip", "");
  node_attr("style", "filled,rounded");
  GvAttribute* n_fill = node_attr("fillcolor", "white");
  GvAttribute* n_color = node_attr("color", "#333333");
  GvAttribute* n_fontcolor = node_attr("fontcolor", "black");
  GvAttribute* n_penwidth = node_attr("penwidth", "1");
  edge_attr("fontname", kFont);
  edge_attr("fontsize", "11");
  edge_attr("arrowsize", "0.8");
  // In a big overview the counts are external labels, which take no room in the layout and
  // are left out where they would cover something (forcelabels=false); the tooltip keeps them.
  bool big = o.groups.size() > 20;
  if (big) graph_attr("forcelabels", "false");
  GvAttribute* e_label = edge_attr(big ? "xlabel" : "label", "");
  GvAttribute* e_id = edge_attr("id", "");
  GvAttribute* e_class = edge_attr("class", "");
  GvAttribute* e_tooltip = edge_attr("tooltip", "");
  GvAttribute* e_color = edge_attr("color", std::string(kLine));
  GvAttribute* e_fontcolor = edge_attr("fontcolor", "#333333");
  GvAttribute* e_penwidth = edge_attr("penwidth", "1");
  GvAttribute* e_weight = edge_attr("weight", "1");

  std::vector<GvNode*> nodes;
  bool any_affected = false;
  for (size_t g = 0; g < o.groups.size(); ++g) {
    const OverviewGroup& group = o.groups[g];
    GvNode* n = gv.Node("g" + std::to_string(g));
    nodes.push_back(n);
    std::string counts =
        Count(lang, static_cast<long long>(group.systems.size()), "{n} system", "{n} systems");
    if (options.impact)
      counts += ", " + Fill(Tr(lang, "{n} affected"), {{"n", std::to_string(group.affected)}});
    gv.SetHtml(n, n_label,
               "<B>" + EscapeHtml(Ellipsize(group.label, kLabelChars)) +
                   "</B><BR/><FONT POINT-SIZE=\"12\">" + EscapeHtml(counts) + "</FONT>");
    gv.Set(n, n_id, "g" + std::to_string(g));
    gv.Set(n, n_class, group.affected ? "group affected" : "group");
    gv.Set(n, n_tooltip, EscapeTooltip(group.label + ": " + counts));
    if (options.impact) {
      if (group.affected) {
        any_affected = true;
        gv.Set(n, n_fill, DistanceFill(group.nearest));
        gv.Set(n, n_fontcolor, DistanceFontColour(group.nearest));
      } else {
        gv.Set(n, n_color, kUnaffectedLine);
        gv.Set(n, n_fontcolor, kUnaffectedText);
      }
    } else {
      // The colour of the kind most of its systems have.
      int count[5] = {};
      for (SystemIndex s : group.systems) ++count[static_cast<int>(l.systems[s].kind)];
      int best = static_cast<int>(std::max_element(count, count + 5) - count);
      gv.Set(n, n_fill, StyleOfKind(static_cast<Kind>(best)).fill);
    }
    // Bigger groups draw a thicker frame: size is what people look for first.
    if (group.systems.size() >= 10) gv.Set(n, n_penwidth, "2.5");
  }
  size_t integrations_between = 0;
  for (size_t k = 0; k < o.links.size(); ++k) {
    const OverviewLink& link = o.links[k];
    integrations_between += link.integrations.size();
    GvEdge* e = gv.Edge(nodes[link.from], nodes[link.to]);
    std::vector<std::string> keys;
    for (KeyIndex key : link.keys) keys.push_back(l.keys[key].id);
    // Each key's id shortened on the arrow, whole in the tooltip.
    std::vector<std::string> shown;
    for (const std::string& key : keys) shown.push_back(Ellipsize(key, kLabelChars));
    std::string label = std::to_string(link.integrations.size());
    if (!shown.empty()) label += ": " + Join(shown, ", ");
    gv.Set(e, e_label, EscapeLabel(label));
    gv.Set(e, e_id, "l" + std::to_string(k));
    gv.Set(e, e_class, link.affected ? "link affected" : "link");
    gv.Set(
        e, e_tooltip,
        EscapeTooltip(o.groups[link.from].label + " \u2192 " + o.groups[link.to].label + ": " +
                      Count(lang, static_cast<long long>(link.integrations.size()),
                            "{n} integration", "{n} integrations") +
                      (keys.empty() ? "" : "; " + Tr(lang, "carries") + " " + Join(keys, ", "))));
    double width = 1 + std::log2(static_cast<double>(link.integrations.size()));
    gv.Set(e, e_penwidth, std::to_string(std::min(width, 6.0)).substr(0, 4));
    gv.Set(e, e_weight, std::to_string(link.integrations.size()));
    if (options.impact) {
      if (link.affected) {
        gv.Set(e, e_color, kAffectedEdge);
        gv.Set(e, e_fontcolor, kAffectedEdge);
      } else {
        gv.Set(e, e_color, kUnaffectedEdge);
        gv.Set(e, e_fontcolor, kUnaffectedText);
      }
    }
  }

  // Title, what the picture holds, and how to read it.
  std::string by_word = options.collapse == CollapseBy::kOwner    ? Tr(lang, "owner")
                        : options.collapse == CollapseBy::kDomain ? Tr(lang, "domain")
                                                                  : Tr(lang, "vendor");
  std::string html = "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"2\" CELLPADDING=\"2\">";
  auto row = [&](const std::string& cell) {
    html += "<TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\">" + cell + "</TD></TR>";
  };
  if (!options.title.empty())
    row("<FONT POINT-SIZE=\"30\"><B>" + EscapeHtml(Ellipsize(options.title, kTitleChars)) +
        "</B></FONT>");
  size_t systems = 0, affected = 0;
  for (const OverviewGroup& g : o.groups) {
    systems += g.systems.size();
    affected += g.affected;
  }
  std::string summary = Fill(
      Tr(lang, "Overview by {by}: {groups}, {systems}; {links} between them carry {integrations}."),
      {{"by", by_word},
       {"groups", Count(lang, static_cast<long long>(o.groups.size()), "{n} group", "{n} groups")},
       {"systems", Count(lang, static_cast<long long>(systems), "{n} system", "{n} systems")},
       {"links", Count(lang, static_cast<long long>(o.links.size()), "{n} arrow", "{n} arrows")},
       {"integrations", Count(lang, static_cast<long long>(integrations_between), "{n} integration",
                              "{n} integrations")}});
  row("<FONT POINT-SIZE=\"18\">" + EscapeHtml(summary) + "</FONT>");
  if (options.impact) {
    std::string what =
        options.impact->query.key && options.impact->query.sources.empty()
            ? Fill(Tr(lang, "A change of {key} affects {systems}."),
                   {{"key", Ellipsize(l.keys[*options.impact->query.key].id, kLabelChars)},
                    {"systems",
                     Count(lang, static_cast<long long>(affected), "{n} system", "{n} systems")}})
            : Fill(Tr(lang, "The change affects {systems}."),
                   {{"systems",
                     Count(lang, static_cast<long long>(affected), "{n} system", "{n} systems")}});
    row("<FONT POINT-SIZE=\"18\">" + EscapeHtml(what) + "</FONT>");
  }
  if (options.legend) {
    row("<FONT POINT-SIZE=\"15\">" +
        EscapeHtml(Tr(lang,
                      "Each box is a group of systems with its size; each arrow the "
                      "integrations from one group to another, with how many and the keys they "
                      "carry.")) +
        "</FONT>");
    if (any_affected)
      row("<FONT POINT-SIZE=\"15\">" +
          EscapeHtml(Tr(lang,
                        "Colour: how near the change the group's nearest system is (dark: holds "
                        "the key); red arrows pass the change on.")) +
          "</FONT>");
  }
  gv.SetHtml(gv.root(), g_label, html + "</TABLE>");
  return LayoutAndRender(gv, engine, format, options.page, Ellipsize(options.title, kTitleChars),
                         lang, out, error);
}

}  // namespace landskap::viz
