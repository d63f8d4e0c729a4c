// viz/: the diagram read back with cgraph (DOT) and with Python's XML parser (SVG); formats,
// escaping of hostile names, focus views, impact colouring and the plan drawing.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "engine/analysis/impact.h"
#include "engine/file/load.h"
#include "engine/model/text.h"
#include "engine/plan/plan.h"
#include "tests/test_support.h"
#include "viz/diagram.h"
#include "viz/graphviz.h"
#include "viz/palette.h"

namespace landskap {
namespace {

using viz::DotGraph;

// Reads an SVG with Python's XML parser (an implementation independent of Graphviz) and
// summarises it as JSON: per node and edge id its texts and tooltip, and every element tag.
constexpr const char* kSvgSummary = R"PY(
import json, re, sys, xml.etree.ElementTree as ET
SVG = '{http://www.w3.org/2000/svg}'
XLINK = '{http://www.w3.org/1999/xlink}title'
root = ET.parse(sys.argv[1]).getroot()
out = {'nodes': {}, 'edges': {}, 'tags': sorted({e.tag.split('}')[-1] for e in root.iter()})}
for g in root.iter(SVG + 'g'):
    id = g.get('id') or ''
    if not re.fullmatch(r'[si][0-9]+', id): continue
    texts = [t.text or '' for t in g.iter(SVG + 'text')]
    titles = [a.get(XLINK) for a in g.iter(SVG + 'a') if a.get(XLINK)]
    entry = {'texts': texts, 'tooltip': titles[0] if titles else None, 'class': g.get('class')}
    out['nodes' if id[0] == 's' else 'edges'][id] = entry
json.dump(out, sys.stdout)
)PY";

// Runs kSvgSummary on `svg`; an empty object when Python cannot parse it.
nlohmann::json SummariseSvg(const std::string& svg) {
  std::string dir = testing::TempDir();
  std::ofstream(dir + "/picture.svg", std::ios::binary) << svg;
  std::ofstream(dir + "/summary.py") << kSvgSummary;
  std::string command = "/usr/bin/python3 " + dir + "/summary.py " + dir + "/picture.svg > " + dir +
                        "/summary.json 2>" + dir + "/summary.err";
  if (std::system(command.c_str()) != 0) {
    ADD_FAILURE() << "the SVG is not well-formed XML: " << testing::ReadFile(dir + "/summary.err");
    return nlohmann::json::object();
  }
  return nlohmann::json::parse(testing::ReadFile(dir + "/summary.json"));
}

std::string Render(const Graph& graph, const viz::DiagramOptions& options,
                   const std::string& format) {
  std::string out, error;
  EXPECT_TRUE(viz::RenderDiagram(graph, options, format, &out, &error)) << error;
  return out;
}

DotGraph RenderDot(const Graph& graph, const viz::DiagramOptions& options = {}) {
  DotGraph dot;
  std::string error;
  EXPECT_TRUE(viz::ReadDot(Render(graph, options, "dot"), &dot, &error)) << error;
  return dot;
}

std::set<std::string> NodeNames(const DotGraph& dot) {
  std::set<std::string> names;
  for (const auto& n : dot.nodes) names.insert(n.name);
  return names;
}

const DotGraph::Node* FindNode(const DotGraph& dot, const std::string& name) {
  for (const auto& n : dot.nodes)
    if (n.name == name) return &n;
  return nullptr;
}

std::string Attribute(const std::map<std::string, std::string>& attributes,
                      const std::string& name) {
  auto found = attributes.find(name);
  return found == attributes.end() ? "" : found->second;
}

// a -> b -> c -> d, e -> b, b -> f, g -> a, a -> x; y alone. Keys: k travels a -> b -> c.
const char* kSmall = R"({
  "format": "landskap/1", "name": "Small",
  "keys": ["k"],
  "systems": [
    {"id": "a", "name": "Alpha", "kind": "national", "owner": "Skatteetaten", "keys": ["k"]},
    {"id": "b", "name": "Bravo", "kind": "municipal", "owner": "1246", "domain": "sak"},
    {"id": "c", "name": "Charlie", "kind": "municipal", "owner": "1246", "domain": "sak"},
    {"id": "d", "name": "Delta", "kind": "intermunicipal", "owner": "IKS"},
    {"id": "e", "name": "Echo", "kind": "vendor", "owner": "Vendor AS"},
    {"id": "f", "name": "Foxtrot", "kind": "municipal", "owner": "1245"},
    {"id": "g", "name": "Golf", "kind": "national", "owner": "NAV"},
    {"id": "x", "name": "X-ray", "kind": "municipal", "owner": "1245"},
    {"id": "y", "name": "Yankee"}
  ],
  "integrations": [
    {"id": "ab", "from": "a", "to": "b", "carries": ["k"], "criticality": "critical"},
    {"id": "bc", "from": "b", "to": "c", "carries": ["k"], "criticality": "low"},
    {"id": "cd", "from": "c", "to": "d"},
    {"id": "eb", "from": "e", "to": "b"},
    {"id": "bf", "from": "b", "to": "f"},
    {"id": "ga", "from": "g", "to": "a"},
    {"id": "ax", "from": "a", "to": "x"},
    {"id": "ab2", "from": "a", "to": "b"}
  ]
})";

TEST(RenderDot, ParsesBackIntoTheSameNodesAndEdges) {
  Landscape l = testing::Parse(kSmall);
  Graph graph(l);
  DotGraph dot = RenderDot(graph);
  EXPECT_EQ(NodeNames(dot), (std::set<std::string>{"a", "b", "c", "d", "e", "f", "g", "x", "y"}));
  std::multiset<std::pair<std::string, std::string>> edges, expected;
  for (const auto& e : dot.edges) edges.insert({e.tail, e.head});
  for (const Integration& i : l.integrations)
    expected.insert({l.systems[i.from].id, l.systems[i.to].id});
  EXPECT_EQ(edges, expected);  // the two parallel a -> b integrations stay two edges
  for (SystemIndex s = 0; s < l.systems.size(); ++s) {
    const auto* node = FindNode(dot, l.systems[s].id);
    ASSERT_NE(node, nullptr);
    EXPECT_EQ(Attribute(node->attributes, "id"), "s" + std::to_string(s));
    EXPECT_EQ(Attribute(node->attributes, "label"), l.systems[s].Label());
    EXPECT_EQ(Attribute(node->attributes, "tooltip"), l.systems[s].Label());
  }
  std::set<std::string> edge_ids;
  for (const auto& e : dot.edges) edge_ids.insert(Attribute(e.attributes, "id"));
  EXPECT_EQ(edge_ids, (std::set<std::string>{"i0", "i1", "i2", "i3", "i4", "i5", "i6", "i7"}));
}

TEST(RenderDot, StylesByKindAndCriticality) {
  Landscape l = testing::Parse(kSmall);
  Graph graph(l);
  DotGraph dot = RenderDot(graph);
  EXPECT_EQ(Attribute(FindNode(dot, "a")->attributes, "fillcolor"),
            viz::StyleOfKind(Kind::kNational).fill);
  EXPECT_EQ(Attribute(FindNode(dot, "a")->attributes, "shape"), "box3d");
  EXPECT_EQ(Attribute(FindNode(dot, "d")->attributes, "shape"), "hexagon");
  std::map<std::string, std::pair<std::string, std::string>> width_and_style;
  for (const auto& e : dot.edges)
    width_and_style[Attribute(e.attributes, "id")] = {Attribute(e.attributes, "penwidth"),
                                                      Attribute(e.attributes, "style")};
  EXPECT_EQ(width_and_style["i0"], std::make_pair(std::string("3.5"), std::string()));  // critical
  EXPECT_EQ(width_and_style["i1"], std::make_pair(std::string(""), std::string("dashed")));  // low
  EXPECT_EQ(width_and_style["i2"], std::make_pair(std::string(""), std::string()));
}

TEST(RenderDot, ClustersByOwnerDomainKindOrNone) {
  Landscape l = testing::Parse(kSmall);
  Graph graph(l);
  viz::DiagramOptions options;
  // Owners: Skatteetaten, 1246, IKS, Vendor AS, 1245, NAV; y has none.
  EXPECT_EQ(RenderDot(graph, options).subgraphs.size(), 6u);
  options.cluster = viz::ClusterBy::kDomain;
  EXPECT_EQ(RenderDot(graph, options).subgraphs, std::vector<std::string>{"cluster_1"});
  options.cluster = viz::ClusterBy::kKind;
  EXPECT_EQ(RenderDot(graph, options).subgraphs.size(), 4u);
  options.cluster = viz::ClusterBy::kNone;
  EXPECT_TRUE(RenderDot(graph, options).subgraphs.empty());
}

TEST(RenderDot, EdgeLabelsShowTheKeysCarried) {
  Landscape l = testing::Parse(kSmall);
  Graph graph(l);
  viz::DiagramOptions options;
  options.edge_labels = true;
  DotGraph dot = RenderDot(graph, options);
  for (const auto& e : dot.edges) {
    std::string id = Attribute(e.attributes, "id");
    EXPECT_EQ(Attribute(e.attributes, "label"), id == "i0" || id == "i1" ? "k" : "") << id;
  }
}

TEST(RenderFocus, OneHopIsTheDirectProvidersAndConsumers) {
  Landscape l = testing::Parse(kSmall);
  Graph graph(l);
  viz::DiagramOptions options;
  options.focus = *l.FindSystem("b");
  // Providers of b: a, e. Consumers of b: c, f.
  DotGraph dot = RenderDot(graph, options);
  EXPECT_EQ(NodeNames(dot), (std::set<std::string>{"a", "b", "c", "e", "f"}));
  // Every integration between two shown systems, and no other: ab, ab2, bc, eb, bf.
  EXPECT_EQ(dot.edges.size(), 5u);
}

TEST(RenderFocus, TwoHopsGoesFurtherInEachDirectionButNotSideways) {
  Landscape l = testing::Parse(kSmall);
  Graph graph(l);
  viz::DiagramOptions options;
  options.focus = *l.FindSystem("b");
  options.hops = 2;
  // Up two: g (via a). Down two: d (via c). x is a's other consumer: sideways, not shown.
  EXPECT_EQ(NodeNames(RenderDot(graph, options)),
            (std::set<std::string>{"a", "b", "c", "d", "e", "f", "g"}));
  options.hops = 0;
  EXPECT_EQ(NodeNames(RenderDot(graph, options)), (std::set<std::string>{"b"}));
}

TEST(RenderImpact, ColoursExactlyTheAffectedSystems) {
  Landscape l = testing::Parse(kSmall);
  Graph graph(l);
  ImpactQuery query;
  query.key = l.FindKey("k");
  ImpactResult impact = ComputeImpact(graph, query);
  // By hand: a holds k (0); ab carries k to b (1); bc carries k to c (2). Nothing else.
  ASSERT_EQ(impact.affected.size(), 3u);
  viz::DiagramOptions options;
  options.impact = &impact;
  DotGraph dot = RenderDot(graph, options);
  std::map<std::string, std::string> coloured;
  for (const auto& n : dot.nodes) {
    std::string fill = Attribute(n.attributes, "fillcolor");
    if (fill != viz::kUnaffectedFill) coloured[n.name] = fill;
  }
  EXPECT_EQ(coloured.size(), impact.affected.size());
  EXPECT_EQ(coloured["a"], viz::DistanceFill(0));
  EXPECT_EQ(coloured["b"], viz::DistanceFill(1));
  EXPECT_EQ(coloured["c"], viz::DistanceFill(2));
  std::set<std::string> red;
  for (const auto& e : dot.edges)
    if (Attribute(e.attributes, "color") == viz::kAffectedEdge)
      red.insert(Attribute(e.attributes, "id"));
  EXPECT_EQ(red, (std::set<std::string>{"i0", "i1"}));  // ab and bc carry k
  EXPECT_EQ(red.size(), impact.integrations.size());
}

TEST(RenderFormats, SvgIsWellFormedAndHoldsEverySystem) {
  Landscape l = testing::Parse(kSmall);
  Graph graph(l);
  nlohmann::json svg = SummariseSvg(Render(graph, {}, "svg"));
  for (SystemIndex s = 0; s < l.systems.size(); ++s) {
    std::string id = "s" + std::to_string(s);
    ASSERT_TRUE(svg["nodes"].contains(id)) << id;
    EXPECT_EQ(svg["nodes"][id]["tooltip"], l.systems[s].Label());
  }
  for (IntegrationIndex i = 0; i < l.integrations.size(); ++i)
    EXPECT_TRUE(svg["edges"].contains("i" + std::to_string(i))) << i;
}

TEST(RenderFormats, PngAndPdfHaveTheirMagicBytes) {
  Landscape l = testing::Parse(kSmall);
  Graph graph(l);
  std::string png = Render(graph, {}, "png");
  EXPECT_EQ(png.substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));
  EXPECT_GT(png.size(), 5000u);
  std::string pdf = Render(graph, {}, "pdf");
  EXPECT_EQ(pdf.substr(0, 5), "%PDF-");
  EXPECT_GT(pdf.size(), 2000u);
  EXPECT_NE(pdf.find("%%EOF"), std::string::npos);
}

TEST(RenderFormats, LayoutsAndBadRequests) {
  Landscape l = testing::Parse(kSmall);
  Graph graph(l);
  for (const char* engine : {"dot", "sfdp", "neato"}) {
    viz::DiagramOptions options;
    options.layout = engine;
    EXPECT_EQ(RenderDot(graph, options).nodes.size(), 9u) << engine;
  }
  std::string out, error;
  EXPECT_FALSE(viz::RenderDiagram(graph, {}, "gif", &out, &error));
  EXPECT_EQ(error, "cannot draw the format 'gif'; use svg, png, pdf or dot");
  viz::DiagramOptions options;
  options.layout = "circo";
  EXPECT_FALSE(viz::RenderDiagram(graph, options, "svg", &out, &error));
  EXPECT_EQ(error, "unknown layout 'circo'; use dot, sfdp or neato");
}

TEST(RenderDot, ReadDotRefusesTextThatIsNotDot) {
  DotGraph dot;
  std::string error;
  EXPECT_FALSE(viz::ReadDot("digraph { a -> ", &dot, &error));
  EXPECT_EQ(error.rfind("not DOT: ", 0), 0u) << error;
  EXPECT_NE(error.find("syntax error"), std::string::npos) << error;
  // The parser recovers: the next text reads normally.
  ASSERT_TRUE(viz::ReadDot("digraph { a -> b }", &dot, &error)) << error;
  EXPECT_EQ(dot.edges.size(), 1u);
}

TEST(RenderEscaping, LabelHelpers) {
  EXPECT_EQ(viz::EscapeLabel("a\\Nb\n&"), "a\\\\Nb\\n&amp;");
  EXPECT_EQ(viz::EscapeTooltip("a\\b&"), "a\\\\\\\\b&amp;");
  EXPECT_EQ(viz::EscapeHtml("<b a=\"1\" c='2'>&\\N\n"),
            "&lt;b a=&quot;1&quot; c=&#39;2&#39;&gt;&amp;\\\\N<BR/>");
  // Control characters are shown as \xNN: Graphviz cuts at a NUL and writes others into SVG raw.
  EXPECT_EQ(viz::EscapeLabel(std::string("a\0b\x1b", 4)), "a\\\\x00b\\\\x1b");
  EXPECT_EQ(viz::EscapeTooltip("a\x01"), "a\\\\\\\\x01");
  EXPECT_EQ(viz::EscapeHtml("<\x1b>\r\n"), "&lt;\\\\x1b&gt;<BR/>");
}

Landscape LoadHostile() {
  Landscape l;
  Diagnostics d("hostile.json");
  EXPECT_TRUE(LoadLandscapeFile(testing::SourcePath("tests/data/hostile.json"), &l, &d));
  return l;
}

TEST(RenderEscaping, HostileNamesCannotChangeTheGraph) {
  Landscape l = LoadHostile();
  Graph graph(l);
  ASSERT_EQ(l.systems.size(), 10u);
  ASSERT_EQ(l.integrations.size(), 10u);
  ImpactQuery query;
  query.key = l.FindKey("kommunenummer");
  ImpactResult impact = ComputeImpact(graph, query);
  for (bool with_impact : {false, true}) {
    viz::DiagramOptions options;
    options.edge_labels = true;
    options.title = l.name;
    if (with_impact) options.impact = &impact;
    DotGraph dot = RenderDot(graph, options);
    std::set<std::string> ids;
    for (const System& s : l.systems) ids.insert(s.id);
    EXPECT_EQ(NodeNames(dot), ids);
    EXPECT_EQ(dot.edges.size(), 10u);
    for (const std::string& name : dot.subgraphs) EXPECT_EQ(name.rfind("cluster_", 0), 0u);
  }
}

TEST(RenderEscaping, HostileNamesComeOutAsTextInSvg) {
  Landscape l = LoadHostile();
  Graph graph(l);
  viz::DiagramOptions options;
  options.title = l.name;
  options.edge_labels = true;
  std::string svg = Render(graph, options, "svg");
  EXPECT_EQ(svg.find("<script"), std::string::npos);
  EXPECT_EQ(svg.find("<img"), std::string::npos);
  nlohmann::json summary = SummariseSvg(svg);
  for (const std::string tag : {"script", "img", "foreignObject", "iframe"})
    EXPECT_EQ(std::count(summary["tags"].begin(), summary["tags"].end(), tag), 0) << tag;
  for (SystemIndex s = 0; s < l.systems.size(); ++s) {
    std::string id = "s" + std::to_string(s);
    ASSERT_TRUE(summary["nodes"].contains(id)) << id;
    const nlohmann::json& node = summary["nodes"][id];
    EXPECT_EQ(node["tooltip"], l.systems[s].Label()) << id;
    // The label's lines, joined, give the name back (long names break at spaces).
    std::string shown, name = l.systems[s].Label();
    for (const auto& line : node["texts"])
      shown += (shown.empty() ? "" : " ") + line.get<std::string>();
    std::replace(name.begin(), name.end(), '\n', ' ');
    EXPECT_EQ(shown, name) << id;
  }
}

// tests/data/control_chars.json: ESC, NUL, BEL, DEL, C1 controls, CR and tabs in names, owners
// (cluster labels), domains, the title (an HTML-like label) and edge labels. Every format
// renders, the SVG is well-formed XML with every system, and each name is shown whole with its
// control characters as \xNN.
TEST(RenderEscaping, ControlCharactersBecomeVisibleText) {
  Landscape l;
  Diagnostics d("control_chars.json");
  ASSERT_TRUE(LoadLandscapeFile(testing::SourcePath("tests/data/control_chars.json"), &l, &d));
  Graph graph(l);
  ImpactQuery query;
  query.key = l.FindKey("kommunenummer");
  ImpactResult impact = ComputeImpact(graph, query);
  for (viz::ClusterBy cluster : {viz::ClusterBy::kOwner, viz::ClusterBy::kDomain}) {
    viz::DiagramOptions options;
    options.title = l.name;
    options.edge_labels = true;
    options.impact = &impact;
    options.cluster = cluster;
    for (const std::string format : {"png", "pdf"}) {
      std::string out, error;
      EXPECT_TRUE(viz::RenderDiagram(graph, options, format, &out, &error)) << format << error;
    }
    DotGraph dot = RenderDot(graph, options);
    std::set<std::string> ids;
    for (const System& s : l.systems) ids.insert(s.id);
    EXPECT_EQ(NodeNames(dot), ids);
    const DotGraph::Node* nul = FindNode(dot, "nul");
    ASSERT_NE(nul, nullptr);
    EXPECT_NE(Attribute(nul->attributes, "label").find("before\\\\x00after"), std::string::npos);

    std::string svg = Render(graph, options, "svg");
    for (unsigned char c : svg) EXPECT_TRUE(c >= 0x20 || c == '\n' || c == '\t') << int(c);
    EXPECT_NE(svg.find("Control \\x01 \\x1b[31mRED\\x1b[0m \\x00 end"), std::string::npos);
    for (const char* label : {"Own\\x01er", "bell\\x07domain", "d\\x00d"})
      EXPECT_EQ(svg.find(label) != std::string::npos,
                (cluster == viz::ClusterBy::kOwner) == (label[0] == 'O'))
          << label;
    nlohmann::json summary = SummariseSvg(svg);
    ASSERT_EQ(summary["nodes"].size(), l.systems.size());
    for (SystemIndex s = 0; s < l.systems.size(); ++s) {
      std::string id = "s" + std::to_string(s);
      const nlohmann::json& node = summary["nodes"][id];
      EXPECT_EQ(node["tooltip"], VisibleText(l.systems[s].Label(), LineBreaks::kKeep)) << id;
      std::string shown;
      for (const auto& line : node["texts"])
        shown += (shown.empty() ? "" : " ") + line.get<std::string>();
      EXPECT_EQ(shown, VisibleText(l.systems[s].Label())) << id;
    }
  }
}

// A plan built by hand: waves 1 (a), 2 (b, c bundled), 3 (d); critical path a, b, c, d.
TEST(RenderPlan, WavesBundlesAndTheCriticalPath) {
  Landscape l = testing::Parse(R"({"systems": [{"id": "a"}, {"id": "b"}, {"id": "c"},
      {"id": "d", "cutover": {"after": ["a"]}}, {"id": "z"}],
    "integrations": [{"from": "a", "to": "b"}, {"from": "b", "to": "c"},
      {"from": "c", "to": "b"}, {"from": "c", "to": "d"}, {"from": "d", "to": "z"}]})");
  Graph graph(l);
  Plan plan;
  plan.task_of_system = {0, 1, 2, 3, -1};
  auto task = [](SystemIndex s, int wave, int bundle) {
    PlanTask t;
    t.system = s;
    t.wave = wave;
    t.bundle = bundle;
    t.duration = 5;
    t.critical = true;
    return t;
  };
  plan.tasks = {task(0, 1, -1), task(1, 2, 0), task(2, 2, 0), task(3, 3, -1)};
  auto wave = [](int n, std::vector<SystemIndex> systems) {
    PlanWave w;
    w.wave = n;
    w.task_count = systems.size();
    w.systems = std::move(systems);
    return w;
  };
  plan.waves = {wave(1, {0}), wave(2, {1, 2}), wave(3, {3})};
  plan.bundles = {{{1, 2}, {1, 2, 1}, {1, 2}}};
  plan.critical_paths = {{0, 1, 2, 3}};
  plan.duration_days = 15;
  viz::DiagramOptions options;
  options.plan = &plan;
  DotGraph dot = RenderDot(graph, options);
  EXPECT_EQ(NodeNames(dot), (std::set<std::string>{"a", "b", "c", "d"}));  // z is not a task
  std::set<std::string> clusters;
  for (const std::string& name : dot.subgraphs)
    if (name.rfind("cluster_", 0) == 0) clusters.insert(name);
  EXPECT_EQ(clusters, (std::set<std::string>{"cluster_wave_1", "cluster_wave_2", "cluster_wave_3",
                                             "cluster_bundle_1"}));
  std::set<std::string> red, dotted;
  for (const auto& e : dot.edges) {
    if (Attribute(e.attributes, "color") == "#C00000") red.insert(e.tail + ">" + e.head);
    if (Attribute(e.attributes, "style") == "dotted") dotted.insert(e.tail + ">" + e.head);
  }
  // a > b by integration; b > c is inside the bundle; c > d by integration (d also waits for a).
  EXPECT_EQ(red, (std::set<std::string>{"a>b", "c>d"}));
  EXPECT_EQ(dotted, (std::set<std::string>{"a>d"}));
  EXPECT_EQ(Attribute(FindNode(dot, "a")->attributes, "color"), "#C00000");
}

}  // namespace
}  // namespace landskap
