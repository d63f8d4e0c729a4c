// Landscape → styled Graphviz graph → layout → SVG/PNG/PDF/DOT. Every label from the data goes
// in through agxset (viz/graphviz.h) after escaping, never as DOT text, so a name can never
// change the structure of the graph. The SVG ids "s<SystemIndex>" and "i<IntegrationIndex>"
// are a contract with the HTML report, which finds nodes and edges by them.
#include "viz/diagram.h"

#include <algorithm>
#include <cmath>
#include <deque>
#include <map>
#include <string>
#include <vector>

#include "engine/model/municipality.h"
#include "engine/model/text.h"
#include "viz/graphviz.h"
#include "viz/names.h"
#include "viz/palette.h"
#include "viz/reform_words.h"
#include "viz/selection.h"

namespace landskap::viz {

namespace {

// dot routes every line around the boxes and draws owners' boxes, but its time grows much
// faster than the picture: measured on generated landscapes (bench/render_sizes.py), 253 systems
// and 1 100 integrations take 2.5 s, 300 and 1 335 take 5 to 12 s. Above either limit, sfdp.
constexpr size_t kDotLimit = 300;
constexpr size_t kDotIntegrationLimit = 800;
constexpr size_t kWrapAt = 24;        // characters per line of a node's label
constexpr size_t kSmallPicture = 50;  // up to this many systems, every owner gets its box
constexpr size_t kScreenDot = 60;     // above this, dot is told to search less (Declare)
constexpr std::string_view kFont = "DejaVu Sans";

// Systems reachable from `focus` within `hops` integrations, downstream and upstream.
std::vector<char> Neighbourhood(const Graph& graph, SystemIndex focus, int hops) {
  const Landscape& l = graph.landscape();
  std::vector<char> shown(graph.SystemCount(), 0);
  shown[focus] = 1;
  for (bool down : {true, false}) {
    std::vector<int> distance(graph.SystemCount(), -1);
    distance[focus] = 0;
    std::deque<SystemIndex> queue{focus};
    while (!queue.empty()) {
      SystemIndex s = queue.front();
      queue.pop_front();
      if (distance[s] >= hops) continue;
      for (IntegrationIndex i : down ? graph.Outgoing(s) : graph.Incoming(s)) {
        SystemIndex next = down ? l.integrations[i].to : l.integrations[i].from;
        if (distance[next] >= 0) continue;
        distance[next] = distance[s] + 1;
        shown[next] = 1;
        queue.push_back(next);
      }
    }
  }
  return shown;
}

// Breaks a long name into lines at spaces, so that boxes stay narrow on a projector (lengths in
// bytes, as always). A word up to twice a line stays whole ("Valgadministrasjonssystemet"); a
// longer one (a name without spaces) is broken inside, between two characters.
std::string Wrap(std::string_view text) {
  if (text.size() <= kWrapAt) return std::string(text);
  std::string out;
  size_t line = 0;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find(' ', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view word = text.substr(start, end - start);
    if (line > 0 && line + 1 + word.size() > kWrapAt) {
      out += '\n';
      line = 0;
    } else if (start > 0) {
      out += ' ';
      ++line;
    }
    // A word longer than a line (a name without spaces) in pieces of at most a line each.
    while (word.size() > 2 * kWrapAt && word.find('\n') == std::string_view::npos) {
      size_t cut = kWrapAt - std::min(line, kWrapAt - 1);
      while (cut > 0 && (static_cast<unsigned char>(word[cut]) & 0xC0) == 0x80) --cut;
      if (cut == 0) break;
      out += word.substr(0, cut);
      out += '\n';
      word.remove_prefix(cut);
      line = 0;
    }
    out += word;
    line += word.size();
    if (word.find('\n') != std::string_view::npos) line = word.size() - word.rfind('\n') - 1;
    start = end + 1;
  }
  return out;
}

std::string_view KindWord(Kind kind) {
  return kind == Kind::kUnspecified ? std::string_view("kind not given") : KindName(kind);
}

// What a cluster groups systems by, and its label. Empty: not in a cluster.
std::string ClusterKey(const System& s, ClusterBy by) {
  switch (by) {
    case ClusterBy::kOwner:
      return s.owner;
    case ClusterBy::kDomain:
      return s.domain;
    case ClusterBy::kKind:
      return std::string(KindName(s.kind));
    case ClusterBy::kNone:
      break;
  }
  return "";
}

std::string ClusterLabel(const Landscape& l, const std::string& key, ClusterBy by) {
  if (by == ClusterBy::kKind) return key + " systems";
  // A changing municipality shows where its number goes: "1246 Fjell → 4626 Øygarden".
  if (by == ClusterBy::kOwner) return OwnerWithChange(l, key);
  return key;
}

// The graph's attributes, declared once; kept for agxset in the loops.
struct Symbols {
  GvAttribute *g_label, *g_style, *g_fillcolor, *g_color, *g_fontsize, *g_rank;
  GvAttribute *n_label, *n_id, *n_tooltip, *n_shape, *n_style, *n_fillcolor, *n_color, *n_fontcolor,
      *n_penwidth, *n_class;
  GvAttribute *e_label, *e_id, *e_tooltip, *e_color, *e_penwidth, *e_style, *e_weight, *e_minlen,
      *e_constraint, *e_fontcolor, *e_class;
};

class DiagramBuilder {
 public:
  // `rankdir`: dot's direction ("LR" or "TB"); `shown`: how many systems the picture holds.
  DiagramBuilder(const Graph& graph, const DiagramOptions& options, const std::string& engine,
                 std::string_view rankdir, size_t shown)
      : graph_(graph), l_(graph.landscape()), options_(options), gv_("landscape"), engine_(engine) {
    Declare(engine, rankdir, shown);
  }

  GvGraph& gv() { return gv_; }

  void Build(const std::vector<char>& shown) {
    if (options_.impact) {
      distance_.assign(graph_.SystemCount(), -1);
      for (const AffectedSystem& a : options_.impact->affected) distance_[a.system] = a.distance;
      affected_edge_.assign(l_.integrations.size(), 0);
      for (IntegrationIndex i : options_.impact->integrations) affected_edge_[i] = 1;
    }
    if (options_.diff) {
      diff_system_.assign(graph_.SystemCount(), 0);
      diff_edge_.assign(l_.integrations.size(), 0);
      for (const std::string& id : options_.diff->systems_added)
        if (auto s = l_.FindSystem(id)) diff_system_[*s] = 1;
      for (const ChangedItem& item : options_.diff->systems_changed)
        if (auto s = l_.FindSystem(item.id)) diff_system_[*s] = 2;
      for (const std::string& id : options_.diff->integrations_added)
        if (auto i = l_.FindIntegration(id)) diff_edge_[*i] = 1;
      for (const ChangedItem& item : options_.diff->integrations_changed)
        if (auto i = l_.FindIntegration(item.id)) diff_edge_[*i] = 2;
    }
    nodes_.assign(graph_.SystemCount(), nullptr);
    for (SystemIndex s = 0; s < graph_.SystemCount(); ++s)
      if (shown[s]) AddSystem(s);
    if (options_.plan)
      AddPlanStructure();
    else
      AddClusters();
    // With an impact, the integrations outside it first, so that the red ones are drawn on top.
    for (int pass = options_.impact ? 0 : 1; pass < 2; ++pass) {
      for (SystemIndex s = 0; s < graph_.SystemCount(); ++s) {
        if (!nodes_[s]) continue;
        for (IntegrationIndex i : graph_.Outgoing(s)) {
          bool later = !options_.impact || affected_edge_[i];
          if (nodes_[l_.integrations[i].to] && later == (pass == 1)) AddIntegration(i);
        }
      }
    }
    if (options_.plan) AddAfterConstraintsAndCriticalPath();
    // Last: agxset on the root also changes the default that new subgraphs start from.
    if (options_.legend || !options_.title.empty()) gv_.SetHtml(gv_.root(), sym_.g_label, Legend());
  }

 private:
  void Declare(const std::string& engine, std::string_view rankdir, size_t shown) {
    auto graph = [&](std::string_view name, std::string_view value) {
      return gv_.Declare(AttributeOf::kGraph, name, value);
    };
    auto node = [&](std::string_view name, std::string_view value) {
      return gv_.Declare(AttributeOf::kNode, name, value);
    };
    auto edge = [&](std::string_view name, std::string_view value) {
      return gv_.Declare(AttributeOf::kEdge, name, value);
    };
    graph("fontname", kFont);
    graph("bgcolor", "white");
    graph("pad", "0.3");
    graph("labelloc", "t");
    graph("labeljust", "l");
    if (engine == "dot") {
      graph("rankdir", rankdir);  // data flows along it: providers first, consumers after
      graph("newrank", "true");
      graph("nodesep", "0.18");
      graph("ranksep", "0.9");
      graph("outputorder", "edgesfirst");
      if (shown <= kScreenDot) {
        graph("remincross", "true");
      } else {
        // Crossing minimisation and network simplex stop early: the 183 systems and 750
        // integrations of a mid-sized municipality take 0.6 s instead of more than two minutes,
        // with a picture that is as readable (it cannot be read whole at that size anyway).
        graph("mclimit", "0.1");
        graph("nslimit", "1");
        graph("nslimit1", "1");
      }
    } else {
      // sfdp and neato place systems freely; removing overlaps by prism is quick. Lines routed
      // around the systems (splines=true) cost sfdp 6 s for 153 systems and 45 s for 300, and
      // neato's curved lines did not finish in two minutes for 153: above a few dozen systems,
      // straight lines (docs/pictures.md, "Sizes").
      graph("overlap", "prism");
      graph("outputorder", "edgesfirst");
      if (shown <= kScreenDot) graph("splines", "true");
    }
    sym_.g_label = graph("label", "");
    sym_.g_style = graph("style", "");
    sym_.g_fillcolor = graph("fillcolor", "");
    sym_.g_color = graph("color", "");
    sym_.g_fontsize = graph("fontsize", "14");
    sym_.g_rank = graph("rank", "");

    node("fontname", kFont);
    node("fontsize", "12");
    node("margin", "0.12,0.05");
    node("height", "0.4");
    sym_.n_label = node("label", "\\N");
    sym_.n_id = node("id", "");
    sym_.n_tooltip = node("tooltip", "");
    sym_.n_shape = node("shape", "box");
    sym_.n_style = node("style", "filled");
    sym_.n_fillcolor = node("fillcolor", "white");
    sym_.n_color = node("color", "#333333");
    sym_.n_fontcolor = node("fontcolor", "black");
    sym_.n_penwidth = node("penwidth", "1");
    sym_.n_class = node("class", "");

    edge("fontname", kFont);
    edge("fontsize", "9");
    edge("arrowsize", "0.7");
    sym_.e_label = edge("label", "");
    sym_.e_id = edge("id", "");
    sym_.e_tooltip = edge("tooltip", "");
    sym_.e_color = edge("color", kLine);
    sym_.e_penwidth = edge("penwidth", "1");
    sym_.e_style = edge("style", "");
    sym_.e_weight = edge("weight", "1");
    sym_.e_minlen = edge("minlen", "1");
    sym_.e_constraint = edge("constraint", "true");
    sym_.e_fontcolor = edge("fontcolor", "#333333");
    sym_.e_class = edge("class", "");
  }

  // The picture's own words in options_.language (viz/i18n.h, po/nb.po); names stay as written.
  std::string T(std::string_view english) const { return Tr(options_.language, english); }
  // "{n} system" / "{n} systems" through the catalogue's plural forms.
  std::string P(size_t n, std::string_view one, std::string_view many) const {
    return Count(options_.language, static_cast<long long>(n), "{n} " + std::string(one),
                 "{n} " + std::string(many));
  }
  std::string Date(DayNumber day) const { return LongDate(options_.language, day); }

  void AddSystem(SystemIndex s) {
    const System& system = l_.systems[s];
    GvNode* n = gv_.Node(system.id);
    nodes_[s] = n;
    kinds_used_[static_cast<int>(system.kind)] = true;
    KindStyle style = StyleOfKind(system.kind);
    // Wrapped in its visible form, so that an escape like \x1b counts as the four characters
    // it takes in the box.
    std::string label =
        Wrap(Ellipsize(VisibleText(system.Label(), LineBreaks::kKeep), kLabelChars));
    if (options_.plan) {
      if (const PlanTask* task = options_.plan->Find(s)) {
        label += "\n" + P(static_cast<size_t>(task->duration),
                          options_.plan->workdays ? "working day" : "day",
                          options_.plan->workdays ? "working days" : "days");
        if (!task->critical) label += Fill(T(", slack {n}"), {{"n", std::to_string(task->slack)}});
      }
    }
    gv_.Set(n, sym_.n_label, EscapeLabel(label));
    gv_.Set(n, sym_.n_id, "s" + std::to_string(s));
    gv_.Set(n, sym_.n_tooltip, EscapeTooltip(system.Label()));
    gv_.Set(n, sym_.n_shape, style.shape);
    std::string node_class = "system";
    if (style.shape == "box") gv_.Set(n, sym_.n_style, "filled,rounded");
    if (options_.impact) {
      int d = distance_[s];
      if (d >= 0) {
        distances_used_[std::min(d, 3)] = true;
        gv_.Set(n, sym_.n_fillcolor, DistanceFill(d));
        gv_.Set(n, sym_.n_fontcolor, DistanceFontColour(d));
        node_class += " affected";
      } else {
        unaffected_shown_ = true;
        gv_.Set(n, sym_.n_fillcolor, kUnaffectedFill);
        gv_.Set(n, sym_.n_color, kUnaffectedLine);
        gv_.Set(n, sym_.n_fontcolor, kUnaffectedText);
      }
    } else if (options_.diff) {
      int status = diff_system_[s];
      diff_used_[status] = true;
      gv_.Set(n, sym_.n_fillcolor, kDiffFill[status]);
      if (status == 0) {
        gv_.Set(n, sym_.n_color, kUnaffectedLine);
        gv_.Set(n, sym_.n_fontcolor, kUnaffectedText);
      }
      node_class += status == 1 ? " added" : status == 2 ? " changed" : "";
    } else {
      gv_.Set(n, sym_.n_fillcolor, style.fill);
    }
    if (options_.focus && *options_.focus == s) {
      gv_.Set(n, sym_.n_penwidth, "3");
      gv_.Set(n, sym_.n_color, "black");
      node_class += " focus";
    }
    gv_.Set(n, sym_.n_class, node_class);
    ++systems_shown_;
  }

  void AddIntegration(IntegrationIndex i) {
    const Integration& integration = l_.integrations[i];
    GvEdge* e = gv_.Edge(nodes_[integration.from], nodes_[integration.to]);
    edges_[i] = e;
    ++integrations_shown_;
    std::string carried;
    for (KeyIndex k : integration.carries) carried += (carried.empty() ? "" : ", ") + l_.keys[k].id;
    gv_.Set(e, sym_.e_id, "i" + std::to_string(i));
    std::string tooltip =
        l_.systems[integration.from].Label() + " \u2192 " + l_.systems[integration.to].Label();
    if (!carried.empty()) tooltip += "\ncarries: " + carried;
    gv_.Set(e, sym_.e_tooltip, EscapeTooltip(tooltip));
    if (options_.edge_labels && !carried.empty()) {
      // Each key's id shortened, the list kept whole (the tooltip has the ids in full).
      std::string shown;
      for (KeyIndex k : integration.carries)
        shown += (shown.empty() ? "" : ", ") + Ellipsize(l_.keys[k].id, kLabelChars);
      gv_.Set(e, sym_.e_label, EscapeLabel(shown));
    }
    gv_.Set(e, sym_.e_penwidth, PenWidthOf(integration.criticality));
    if (integration.criticality == Criticality::kLow) {
      gv_.Set(e, sym_.e_style, "dashed");
      has_low_ = true;
    }
    if (options_.plan) {
      // Inside a bundle the integrations run in a cycle; they must not pull the columns apart.
      const PlanTask* from = options_.plan->Find(integration.from);
      const PlanTask* to = options_.plan->Find(integration.to);
      if (from && to && from->bundle >= 0 && from->bundle == to->bundle)
        gv_.Set(e, sym_.e_constraint, "false");
    }
    if (options_.impact) {
      if (affected_edge_[i]) {
        affected_edges_shown_ = true;
        gv_.Set(e, sym_.e_color, kAffectedEdge);
        gv_.Set(e, sym_.e_fontcolor, kAffectedEdge);
        gv_.Set(e, sym_.e_class, "integration affected");
        if (integration.criticality < Criticality::kHigh) gv_.Set(e, sym_.e_penwidth, "1.8");
        return;
      }
      gv_.Set(e, sym_.e_color, kUnaffectedEdge);
      if (integration.criticality >= Criticality::kHigh) gv_.Set(e, sym_.e_penwidth, "1.2");
    }
    if (options_.diff) {
      int status = diff_edge_[i];
      gv_.Set(e, sym_.e_color, kDiffEdge[status]);
      if (status > 0) {
        diff_edges_shown_ = true;
        gv_.Set(e, sym_.e_class, status == 1 ? "integration added" : "integration changed");
        return;
      }
    }
    gv_.Set(e, sym_.e_class, "integration");
  }

  void AddClusters() {
    // Only dot keeps the boxes apart; neato and sfdp place systems freely and would draw the
    // owners' boxes across each other (seen on the merger), so they get none. Above 60 systems
    // dot gets none either: with boxes, dot draws lines through other systems (the merger: 192
    // lines through a box, up to the middle of it; without boxes none, tests/picture_lines_test),
    // and such a picture is read as the overview (--collapse owner) and its groups anyway.
    if (options_.cluster == ClusterBy::kNone || engine_ != "dot" || systems_shown_ > kScreenDot)
      return;
    std::map<std::string, std::vector<SystemIndex>> groups;  // sorted by key: deterministic
    for (SystemIndex s = 0; s < graph_.SystemCount(); ++s) {
      if (!nodes_[s]) continue;
      std::string key = ClusterKey(l_.systems[s], options_.cluster);
      if (!key.empty()) groups[key].push_back(s);
    }
    int number = 0;
    for (const auto& [key, members] : groups) {
      // In a big picture a box around one system says little and costs a band of space.
      if (members.size() == 1 && systems_shown_ > kSmallPicture) continue;
      GvSubgraph* cluster = gv_.Subgraph("cluster_" + std::to_string(++number));
      StyleCluster(cluster, ClusterLabel(l_, key, options_.cluster));
      for (SystemIndex s : members) gv_.AddToSubgraph(cluster, nodes_[s]);
    }
  }

  void StyleCluster(GvSubgraph* cluster, const std::string& label) {
    gv_.Set(cluster, sym_.g_label, EscapeLabel(Ellipsize(label, kLabelChars)));
    gv_.Set(cluster, sym_.g_style, "rounded,filled");
    gv_.Set(cluster, sym_.g_fillcolor, kClusterFill);
    gv_.Set(cluster, sym_.g_color, kClusterLine);
    gv_.Set(cluster, sym_.g_fontsize, "16");
  }

  // Waves as columns from left to right: a box per wave with its tasks on one rank (newrank
  // lets a rank cross the boxes), kept in order by invisible edges; bundles boxed inside.
  void AddPlanStructure() {
    const Plan& plan = *options_.plan;
    std::vector<std::vector<SystemIndex>> members(plan.waves.size());
    for (SystemIndex s = 0; s < graph_.SystemCount(); ++s) {
      const PlanTask* task = plan.Find(s);
      if (nodes_[s] && task && task->wave >= 1 && static_cast<size_t>(task->wave) <= members.size())
        members[task->wave - 1].push_back(s);
    }
    std::vector<GvSubgraph*> columns(plan.waves.size(), nullptr);
    GvNode* previous = nullptr;
    for (size_t w = 0; w < plan.waves.size(); ++w) {
      if (members[w].empty()) continue;
      const PlanWave& wave = plan.waves[w];
      std::string label = Fill(T("Wave {n}"), {{"n", std::to_string(wave.wave)}});
      // The wave's window over all its tasks, as 'landskap plan' prints it.
      if (wave.start_date && wave.finish_date)
        label += "\n" + Fill(T("{start} to {finish}"), {{"start", Date(*wave.start_date)},
                                                        {"finish", Date(*wave.finish_date)}});
      columns[w] = gv_.Subgraph("cluster_wave_" + std::to_string(wave.wave));
      StyleCluster(columns[w], label);
      gv_.Set(columns[w], sym_.g_style, "rounded");
      GvSubgraph* rank = gv_.Subgraph("rank_wave_" + std::to_string(wave.wave));
      gv_.Set(rank, sym_.g_rank, "same");
      for (SystemIndex s : members[w]) {
        gv_.AddToSubgraph(columns[w], nodes_[s]);
        gv_.AddToSubgraph(rank, nodes_[s]);
      }
      if (previous) {
        GvEdge* order = gv_.Edge(previous, nodes_[members[w][0]]);
        gv_.Set(order, sym_.e_style, "invis");
        gv_.Set(order, sym_.e_weight, "0");
      }
      previous = nodes_[members[w][0]];
    }
    int number = 0;
    for (const PlanBundle& bundle : plan.bundles) {
      std::vector<SystemIndex> shown;
      for (SystemIndex s : bundle.systems)
        if (nodes_[s]) shown.push_back(s);
      if (shown.empty()) continue;
      const PlanTask* task = plan.Find(shown[0]);
      GvSubgraph* column = task && task->wave >= 1 ? columns[task->wave - 1] : nullptr;
      GvSubgraph* cluster = gv_.Subgraph("cluster_bundle_" + std::to_string(++number), column);
      StyleCluster(cluster, T("bundle: switch together"));
      for (SystemIndex s : shown) gv_.AddToSubgraph(cluster, nodes_[s]);
    }
  }

  // `after` constraints are precedence without an integration: dotted. Then the critical
  // path(s) in bold red, over the integration or constraint between each pair of steps.
  void AddAfterConstraintsAndCriticalPath() {
    const Plan& plan = *options_.plan;
    std::map<std::pair<SystemIndex, SystemIndex>, GvEdge*> after_edges;
    for (SystemIndex s = 0; s < graph_.SystemCount(); ++s) {
      if (!nodes_[s]) continue;
      for (SystemIndex before : l_.systems[s].cutover.after) {
        if (!nodes_[before] || after_edges.count({before, s})) continue;
        GvEdge* e = gv_.Edge(nodes_[before], nodes_[s]);
        gv_.Set(e, sym_.e_style, "dotted");
        gv_.Set(e, sym_.e_id, "a" + std::to_string(before) + "-" + std::to_string(s));
        gv_.Set(e, sym_.e_tooltip,
                EscapeTooltip(l_.systems[s].Label() + " waits for " + l_.systems[before].Label() +
                              " (cutover.after)"));
        gv_.Set(e, sym_.e_class, "after");
        after_edges[{before, s}] = e;
      }
    }
    for (const auto& path : plan.critical_paths) {
      for (size_t k = 0; k < path.size(); ++k) {
        if (GvNode* n = nodes_[path[k]]) {
          gv_.Set(n, sym_.n_color, kCriticalPath);
          gv_.Set(n, sym_.n_penwidth, "3");
          critical_shown_ = true;
        }
        if (k == 0) continue;
        SystemIndex a = path[k - 1], b = path[k];
        const PlanTask* ta = plan.Find(a);
        const PlanTask* tb = plan.Find(b);
        if (ta && tb && ta->bundle >= 0 && ta->bundle == tb->bundle) continue;
        for (IntegrationIndex i : graph_.Outgoing(a)) {
          auto found = edges_.find(i);
          if (l_.integrations[i].to == b && found != edges_.end()) MarkCritical(found->second);
        }
        if (auto found = after_edges.find({a, b}); found != after_edges.end())
          MarkCritical(found->second);
      }
    }
  }

  void MarkCritical(GvEdge* e) {
    gv_.Set(e, sym_.e_color, kCriticalPath);
    gv_.Set(e, sym_.e_penwidth, "3.5");
    gv_.Set(e, sym_.e_style, "bold");
  }

  // The title and a legend of the colours, shapes and lines used, as an HTML-like label of the
  // whole graph: it works with every layout engine and takes no part in the layout.
  std::string Legend() const {
    std::string html = "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"2\" CELLPADDING=\"2\">";
    auto row = [&](const std::string& cell) {
      html += "<TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\">" + cell + "</TD></TR>";
    };
    if (!options_.title.empty())
      row("<FONT POINT-SIZE=\"30\"><B>" + EscapeHtml(Ellipsize(options_.title, kTitleChars)) +
          "</B></FONT>");
    for (const std::string& line : Summary())
      row("<FONT POINT-SIZE=\"18\">" + EscapeHtml(line) + "</FONT>");
    if (!options_.legend) return html + "</TABLE>";

    std::vector<std::pair<std::string, std::string>> swatches;  // colour, text
    std::string shapes;
    for (int k = 0; k < 5; ++k) {
      if (!kinds_used_[k]) continue;
      Kind kind = static_cast<Kind>(k);
      KindStyle style = StyleOfKind(kind);
      std::string text = T(KindWord(kind)) + " (" + T(style.shape_name) + ")";
      if (options_.impact || options_.diff)
        shapes += (shapes.empty() ? "" : ", ") + text;
      else
        swatches.emplace_back(std::string(style.fill), text);
    }
    if (options_.impact) {
      bool by_system = !options_.impact->query.sources.empty();
      const char* near[] = {by_system ? "the system that changes" : "holds the key",
                            "1 integration away", "2 integrations away", "3 or more away"};
      for (int d = 0; d < 4; ++d)
        if (distances_used_[d]) swatches.emplace_back(std::string(DistanceFill(d)), T(near[d]));
      if (unaffected_shown_) swatches.emplace_back(std::string(kUnaffectedFill), T("not affected"));
    }
    if (options_.diff) {
      const char* words[] = {"unchanged", "added", "changed"};
      for (int k = 1; k < 3; ++k)
        if (diff_used_[k]) swatches.emplace_back(std::string(kDiffFill[k]), T(words[k]));
      if (diff_used_[0]) swatches.emplace_back(std::string(kUnaffectedFill), T(words[0]));
    }
    // Colour swatches as block characters in one line of text: a nested table would stretch.
    std::string cells;
    for (const auto& [colour, text] : swatches) {
      bool white = colour == kUnaffectedFill;
      cells += std::string(cells.empty() ? "" : "&#160;&#160;&#160;&#160;") + "<FONT COLOR=\"" +
               (white ? std::string("#000000") : colour) + "\" POINT-SIZE=\"22\">" +
               (white ? "&#9633;" : "&#9632;") + "</FONT> <FONT POINT-SIZE=\"15\">" +
               EscapeHtml(text) + "</FONT>";
    }
    if (!cells.empty()) row(cells);
    std::vector<std::string> notes;
    if (!shapes.empty()) notes.push_back(Fill(T("Shapes: {shapes}."), {{"shapes", shapes}}));
    std::string lines = T("Lines: data flows along the arrow; thicker = more critical");
    if (has_low_) lines += T(", dashed = low criticality");
    if (affected_edges_shown_) lines += T("; red = the integration passes the change on");
    if (options_.plan) lines += T("; dotted = waits for (cutover.after)");
    if (diff_edges_shown_) lines += T("; green = added, amber = changed");
    notes.push_back(lines + ".");
    if (critical_shown_)
      notes.push_back(T("Bold red: the critical path, which sets the end date."));
    if (options_.plan && !options_.plan->bundles.empty())
      notes.push_back(T("Grey boxes: bundles of systems that must switch together."));
    if (options_.diff) {
      // Removed systems are not in the later landscape: the legend names them instead.
      const LandscapeDiff& d = *options_.diff;
      if (!d.systems_removed.empty()) {
        std::string removed = Fill(T("Removed (not drawn): {systems}: "),
                                   {{"systems", P(d.systems_removed.size(), "system", "systems")}});
        const size_t kListed = 12;
        for (size_t k = 0; k < d.systems_removed.size() && k < kListed; ++k)
          removed += (k ? ", " : "") + Ellipsize(d.systems_removed[k], kLabelChars);
        if (d.systems_removed.size() > kListed)
          removed +=
              Fill(T(" and {n} more"), {{"n", std::to_string(d.systems_removed.size() - kListed)}});
        notes.push_back(removed + "; " +
                        Fill(T("{integrations} removed."),
                             {{"integrations",
                               P(d.integrations_removed.size(), "integration", "integrations")}}));
      }
    }
    for (const std::string& note : notes)
      row("<FONT POINT-SIZE=\"15\">" + EscapeHtml(note) + "</FONT>");
    return html + "</TABLE>";
  }

  // One line on the analysis shown, one on what the picture holds.
  std::vector<std::string> Summary() const {
    std::vector<std::string> lines;
    std::string text;
    if (options_.impact) {
      const ImpactResult& r = *options_.impact;
      size_t shown_affected = 0;
      for (const AffectedSystem& a : r.affected) shown_affected += nodes_[a.system] != nullptr;
      std::string counts =
          Fill(T("{systems} and {integrations}"),
               {{"systems", P(r.affected.size(), "system", "systems")},
                {"integrations", P(r.integrations.size(), "integration", "integrations")}});
      if (r.query.key && r.query.sources.empty()) {
        text =
            Fill(T("A change of {key} affects {counts}"),
                 {{"key", Ellipsize(l_.keys[*r.query.key].id, kLabelChars)}, {"counts", counts}});
      } else if (!r.query.sources.empty()) {
        std::string who = Ellipsize(l_.systems[r.query.sources[0]].Label(), kLabelChars);
        if (r.query.sources.size() > 1)
          who =
              Fill(T("{system} and {others}"),
                   {{"system", who}, {"others", P(r.query.sources.size() - 1, "other", "others")}});
        text = Fill(T("A change or outage of {system} affects {counts}"),
                    {{"system", who}, {"counts", counts}});
      } else {
        text = counts;
      }
      if (r.scope.basis() == ReformScope::Basis::kChanges) {
        text += " (" + ReformText(r.scope.reform(), options_.language) + ")";
      } else if (r.scope.scoped()) {
        std::string changing;
        for (size_t k = 0; k < r.scope.changing().size(); ++k)
          changing += (k ? ", " : "") + OwnerLabel(r.scope.changing()[k]);
        text += Fill(T(" (changing: {list})"), {{"list", changing}});
      }
      text += ". ";
      if (shown_affected != r.affected.size())
        text +=
            Fill(T("{n} of them are in this picture."), {{"n", std::to_string(shown_affected)}}) +
            " ";
    }
    if (options_.plan) {
      const Plan& p = *options_.plan;
      text +=
          Fill(T("Cutover in {waves}, {days}"),
               {{"waves", P(p.waves.size(), "wave", "waves")},
                {"days", P(static_cast<size_t>(p.duration_days), p.workdays ? "working day" : "day",
                           p.workdays ? "working days" : "days")}});
      if (p.start && p.finish_date)
        text += " (" +
                Fill(T("{start} to {finish}"),
                     {{"start", Date(*p.start)}, {"finish", Date(*p.finish_date)}}) +
                ")";
      if (!p.resources.empty() && p.unconstrained_finish_date)
        text += Fill(T(" with the capacity limits; without them to {date}"),
                     {{"date", Date(*p.unconstrained_finish_date)}});
      text += ". ";
    }
    if (options_.diff) {
      const LandscapeDiff& d = *options_.diff;
      text += Fill(T("Since the earlier version: {added} added, {changed} changed, {removed} "
                     "removed."),
                   {{"added", P(d.systems_added.size(), "system", "systems")},
                    {"changed", std::to_string(d.systems_changed.size())},
                    {"removed", std::to_string(d.systems_removed.size())}}) +
              " ";
    }
    if (!text.empty()) lines.push_back(text.substr(0, text.size() - 1));
    text = Fill(T("Shown: {systems}, {integrations}"),
                {{"systems", P(systems_shown_, "system", "systems")},
                 {"integrations", P(integrations_shown_, "integration", "integrations")}});
    if (options_.focus)
      text += Fill(T(" within {steps} of {system}"),
                   {{"steps", P(static_cast<size_t>(options_.hops), "step", "steps")},
                    {"system", Ellipsize(l_.systems[*options_.focus].Label(), kLabelChars)}});
    lines.push_back(text + ".");
    return lines;
  }

  static constexpr std::string_view kCriticalPath = "#C00000";
  // By diff status: unchanged (faded), added (green), changed (amber).
  static constexpr std::string_view kDiffFill[3] = {kUnaffectedFill, "#A1D99B", "#FDB863"};
  static constexpr std::string_view kDiffEdge[3] = {kUnaffectedEdge, "#238B45", "#D95F02"};

  const Graph& graph_;
  const Landscape& l_;
  const DiagramOptions& options_;
  GvGraph gv_;
  std::string engine_;
  Symbols sym_{};
  std::vector<GvNode*> nodes_;
  std::map<IntegrationIndex, GvEdge*> edges_;
  std::vector<int> distance_;
  std::vector<char> affected_edge_;
  std::vector<int> diff_system_, diff_edge_;  // 0 unchanged, 1 added, 2 changed
  bool diff_used_[3] = {};
  bool diff_edges_shown_ = false;
  bool kinds_used_[5] = {};
  bool distances_used_[4] = {};
  bool unaffected_shown_ = false, affected_edges_shown_ = false, critical_shown_ = false;
  bool has_low_ = false;
  size_t systems_shown_ = 0, integrations_shown_ = 0;
};

// dot's direction for the picture of the shown systems: "LR" (columns of providers, then
// consumers) or "TB" (rows), whichever gives a shape nearer a 16:9 screen. Estimated from the
// layers of the data flow (longest path from the systems that receive nothing, cycles cut where
// the walk meets them) and the widest layer, with a system about 2.2 × 0.5 inches and dot's
// separations (0.9 between layers, 0.18 within one).
std::string ScreenDirection(const Graph& graph, const std::vector<char>& shown) {
  const Landscape& l = graph.landscape();
  size_t n = graph.SystemCount();
  std::vector<int> indegree(n, 0), layer(n, 0);
  for (SystemIndex s = 0; s < n; ++s)
    if (shown[s])
      for (IntegrationIndex i : graph.Outgoing(s))
        if (shown[l.integrations[i].to] && l.integrations[i].to != s)
          ++indegree[l.integrations[i].to];
  // Kahn's order; what a cycle leaves unvisited starts again from its smallest index.
  std::vector<char> done(n, 0);
  std::vector<SystemIndex> queue;
  size_t remaining = static_cast<size_t>(std::count(shown.begin(), shown.end(), 1));
  while (remaining > 0) {
    if (queue.empty()) {
      SystemIndex start = n;
      for (SystemIndex s = 0; s < n && start == n; ++s)
        if (shown[s] && !done[s] && indegree[s] == 0) start = s;
      for (SystemIndex s = 0; s < n && start == n; ++s)
        if (shown[s] && !done[s]) start = s;
      queue.push_back(start);
      done[start] = 1;
    }
    SystemIndex u = queue.back();
    queue.pop_back();
    --remaining;
    for (IntegrationIndex i : graph.Outgoing(u)) {
      SystemIndex v = l.integrations[i].to;
      if (!shown[v] || done[v] || v == u) continue;
      layer[v] = std::max(layer[v], layer[u] + 1);
      if (--indegree[v] <= 0) {
        done[v] = 1;
        queue.push_back(v);
      }
    }
  }
  std::map<int, int> per_layer;
  for (SystemIndex s = 0; s < n; ++s)
    if (shown[s]) ++per_layer[layer[s]];
  if (per_layer.empty()) return "LR";
  double layers = static_cast<double>(per_layer.rbegin()->first + 1);
  int widest = 0;
  for (const auto& [at, count] : per_layer) widest = std::max(widest, count);
  double across = static_cast<double>(widest);
  double lr = (layers * (2.2 + 0.9)) / (across * (0.5 + 0.18));
  double tb = (across * (2.2 + 0.18)) / (layers * (0.5 + 0.9));
  auto off = [](double aspect) { return std::abs(std::log(aspect / (16.0 / 9.0))); };
  return off(tb) < off(lr) ? "TB" : "LR";
}

}  // namespace

bool RenderDiagram(const Graph& graph, const DiagramOptions& options, const std::string& format,
                   std::string* out, std::string* error) {
  if (format != "svg" && format != "png" && format != "pdf" && format != "dot") {
    *error = "cannot draw the format '" + format + "'; use svg, png, pdf or dot";
    return false;
  }
  if (options.focus && *options.focus >= graph.SystemCount()) {
    *error = "the system to focus on is not in this landscape";
    return false;
  }
  if (options.hops < 0) {
    *error = "the number of steps around the focus must be 0 or more";
    return false;
  }
  std::vector<char> shown(graph.SystemCount(), 1);
  if (options.focus) shown = Neighbourhood(graph, *options.focus, options.hops);
  if (options.only_affected) {
    if (!options.impact) {
      *error = "an affected-only picture needs a change: give --key K or --system ID";
      return false;
    }
    shown = AffectedWithContext(graph, *options.impact, shown);
  }
  if (options.plan)
    for (SystemIndex s = 0; s < graph.SystemCount(); ++s)
      if (!options.plan->Find(s)) shown[s] = 0;
  if (!options.layout.empty() && options.layout != "dot" && options.layout != "sfdp" &&
      options.layout != "neato") {
    *error = "unknown layout '" + options.layout + "'; use dot, sfdp or neato";
    return false;
  }
  if (options.collapse != CollapseBy::kNone)
    return RenderOverview(graph, options, shown, format, out, error);
  size_t count = static_cast<size_t>(std::count(shown.begin(), shown.end(), 1));
  size_t lines = 0;
  for (const Integration& integration : graph.landscape().integrations)
    if (shown[integration.from] && shown[integration.to]) ++lines;
  std::string engine = options.layout;
  if (engine.empty()) {
    // dot routes lines around the boxes and draws the owners' boxes, so it draws every picture
    // it can lay out in a few seconds; sfdp the rest (docs/pictures.md, "Sizes"). The plan's
    // waves are columns: dot as long as it can (else the waves are colour only).
    engine = count <= kDotLimit && lines <= kDotIntegrationLimit ? "dot" : "sfdp";
  }
  std::string rankdir = options.plan ? "LR" : ScreenDirection(graph, shown);

  DiagramBuilder builder(graph, options, engine, rankdir, count);
  builder.Build(shown);
  return LayoutAndRender(builder.gv(), engine, format, options.page,
                         Ellipsize(options.title, kTitleChars), options.language, out, error);
}

}  // namespace landskap::viz
