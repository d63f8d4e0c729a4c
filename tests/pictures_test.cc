// The workshop pictures of issue 10, on structure, not pixels: the collapsed overview has one
// node per group and one edge per group pair of the data (counted by hand and by Python), the
// affected-only picture holds exactly the affected systems and their neighbours, the Gantt
// chart's bars (read back from cairo's SVG with Python) sit where the plan's dates put them
// with the critical ones red, PDF pages split as the page grid says, the bokmål catalogue
// translates, and hostile names inject nothing into any of the new pictures.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "engine/analysis/impact.h"
#include "engine/file/load.h"
#include "engine/plan/plan.h"
#include "tests/test_support.h"
#include "viz/gantt.h"
#include "viz/graphviz.h"
#include "viz/i18n.h"
#include "viz/page.h"

namespace landskap {
namespace {

using testing::ReadFile;
using testing::RunCli;
using testing::SourcePath;
using testing::TempDir;

const char kMerger[] = "datasets/oygarden-2020.json";

// The test's own folder, emptied once when the test starts (TempDir() empties it each time).
std::string Dir() {
  static std::string test, dir;
  const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
  std::string name = std::string(info->test_suite_name()) + "." + info->name();
  if (name != test) {
    test = name;
    dir = TempDir();
  }
  return dir;
}

// a -> b -> c -> d, e -> b, b -> f, g -> a, a -> x; y alone. k travels a -> b -> c.
const char* kSmall = R"({
  "format": "landskap/1", "name": "Small",
  "keys": ["k"],
  "systems": [
    {"id": "a", "name": "Alpha", "kind": "national", "owner": "Skatteetaten", "keys": ["k"]},
    {"id": "b", "name": "Bravo", "kind": "municipal", "owner": "1246", "domain": "sak", "vendor": "V"},
    {"id": "c", "name": "Charlie", "kind": "municipal", "owner": "1246", "domain": "sak"},
    {"id": "d", "name": "Delta", "kind": "intermunicipal", "owner": "IKS", "vendor": "V"},
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

std::string WriteSmall() {
  std::string path = Dir() + "/small.json";
  std::ofstream(path) << kSmall;
  return path;
}

viz::DotGraph RenderDot(const std::vector<std::string>& args) {
  std::string out = Dir() + "/picture.dot";
  std::remove(out.c_str());
  std::vector<std::string> all = args;
  all.insert(all.end(), {"-o", out});
  auto r = RunCli(all);
  EXPECT_EQ(r.code, 0) << r.err;
  viz::DotGraph dot;
  std::string error;
  EXPECT_TRUE(viz::ReadDot(ReadFile(out), &dot, &error)) << error;
  return dot;
}

std::set<std::string> NodeNames(const viz::DotGraph& dot) {
  std::set<std::string> names;
  for (const auto& n : dot.nodes) names.insert(n.name);
  return names;
}

// Runs a Python script with arguments; its standard output, or "" after a failure.
std::string Python(const std::string& script, const std::vector<std::string>& args) {
  std::string dir = Dir();
  std::ofstream(dir + "/script.py") << script;
  std::string command = "/usr/bin/python3 " + dir + "/script.py";
  for (const std::string& a : args) command += " '" + a + "'";
  command += " > " + dir + "/script.out 2> " + dir + "/script.err";
  if (std::system(command.c_str()) != 0) {
    ADD_FAILURE() << "python failed: " << ReadFile(dir + "/script.err");
    return "";
  }
  return ReadFile(dir + "/script.out");
}

TEST(Collapse, SmallLandscapeByHand) {
  std::string file = WriteSmall();
  // Owners: Skatteetaten, 1246, IKS, Vendor AS, 1245, NAV, "" (y): 7 groups. Pairs between
  // different owners: Skatteetaten->1246 (ab, ab2), 1246->IKS (cd), Vendor AS->1246 (eb),
  // 1246->1245 (bf), NAV->Skatteetaten (ga), Skatteetaten->1245 (ax): 6; bc stays inside 1246.
  viz::DotGraph owner = RenderDot({"render", file, "--collapse", "owner", "--lang", "en"});
  EXPECT_EQ(owner.nodes.size(), 7u);
  EXPECT_EQ(owner.edges.size(), 6u);
  // Domains: sak (b, c) and "" (the rest): one pair each way: ""->sak (ab, eb, ab2), sak->"" (cd,
  // bf).
  viz::DotGraph domain = RenderDot({"render", file, "--collapse", "domain"});
  EXPECT_EQ(domain.nodes.size(), 2u);
  EXPECT_EQ(domain.edges.size(), 2u);
  // Vendors: V (b, d) and "" : ""->V (ab, eb, ab2, cd), V->"" (bf); c->d is ""->V too.
  viz::DotGraph vendor = RenderDot({"render", file, "--collapse", "vendor"});
  EXPECT_EQ(vendor.nodes.size(), 2u);
  EXPECT_EQ(vendor.edges.size(), 2u);
  // The edge label says how many integrations: Skatteetaten -> 1246 has two.
  bool found = false;
  for (const auto& e : owner.edges) {
    auto label = e.attributes.find("label");
    if (label != e.attributes.end() && label->second == "2: k") found = true;
  }
  EXPECT_TRUE(found) << "an edge labelled '2: k' (two integrations carrying k)";
  // Municipalities are named (SSB's names, by hand: 1246 Fjell, 1245 Sund); other owners stay.
  std::set<std::string> labels;
  for (const auto& n : owner.nodes) {
    auto label = n.attributes.find("label");
    if (label != n.attributes.end()) labels.insert(label->second);
  }
  auto labelled = [&](const std::string& text) {
    return std::any_of(labels.begin(), labels.end(), [&](const std::string& l) {
      return l.find("<B>" + text + "</B>") != std::string::npos;
    });
  };
  EXPECT_TRUE(labelled("1246 Fjell")) << ::testing::PrintToString(labels);
  EXPECT_TRUE(labelled("1245 Sund")) << ::testing::PrintToString(labels);
  EXPECT_TRUE(labelled("Skatteetaten")) << ::testing::PrintToString(labels);
}

TEST(Collapse, MergerCountsEqualPython) {
  const char* script = R"PY(
import json, sys
d = json.load(open(sys.argv[1]))
field = sys.argv[2]
group = {s['id']: s.get(field, '') for s in d['systems']}
pairs = {(group[i['from']], group[i['to']]) for i in d['integrations']}
print(len(set(group.values())), len({p for p in pairs if p[0] != p[1]}))
)PY";
  for (std::string by : {"owner", "domain", "vendor"}) {
    std::string expected = Python(script, {SourcePath(kMerger), by});
    viz::DotGraph dot =
        RenderDot({"render", SourcePath(kMerger), "--collapse", by, "--key", "kommunenummer"});
    EXPECT_EQ(std::to_string(dot.nodes.size()) + " " + std::to_string(dot.edges.size()) + "\n",
              expected)
        << by;
  }
}

TEST(OnlyAffected, HoldsTheAffectedAndTheirNeighbours) {
  std::string file = WriteSmall();
  Landscape l = testing::Parse(kSmall);
  Graph graph(l);
  ImpactQuery query;
  query.key = l.FindKey("k");
  ImpactResult impact = ComputeImpact(graph, query);
  std::set<std::string> affected;
  for (const AffectedSystem& a : impact.affected) affected.insert(l.systems[a.system].id);
  ASSERT_EQ(affected, (std::set<std::string>{"a", "b", "c"}));  // by hand: k goes a -> b -> c
  // Neighbours by hand: g and x (of a), e and f (of b), d (of c). Not y.
  EXPECT_EQ(NodeNames(RenderDot({"render", file, "--key", "k", "--only-affected"})),
            (std::set<std::string>{"a", "b", "c", "d", "e", "f", "g", "x"}));
  // The same with the overview: groups of exactly those systems.
  viz::DotGraph collapsed =
      RenderDot({"render", file, "--key", "k", "--only-affected", "--collapse", "owner"});
  EXPECT_EQ(collapsed.nodes.size(), 6u);  // Skatteetaten, 1246, IKS, Vendor AS, 1245, NAV
  auto r = RunCli({"render", file, "--only-affected", "-o", Dir() + "/x.svg"});
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("--only-affected needs"), std::string::npos) << r.err;
}

// The summary line names the changing municipalities (SSB's names, by hand), not bare numbers.
TEST(OnlyAffected, SummaryNamesTheChangingMunicipalities) {
  std::string out = Dir() + "/affected.dot";
  auto r = RunCli(
      {"render", SourcePath(kMerger), "--key", "kommunenummer", "--only-affected", "-o", out});
  ASSERT_EQ(r.code, 0) << r.err;
  std::string dot = ReadFile(out);
  EXPECT_NE(dot.find("1245 Sund, 1246 Fjell og 1259 \u00d8ygarden sl\u00e5s sammen til 4626 "
                     "\u00d8ygarden fra 1. jan. 2020"),
            std::string::npos);
}

TEST(OnlyAffected, MergerEqualsPythonNeighbourhood) {
  auto impact =
      RunCli({"impact", SourcePath(kMerger), "--key", "kommunenummer", "--format", "json"});
  ASSERT_EQ(impact.code, 0) << impact.err;
  std::string affected_path = Dir() + "/affected.json";
  std::ofstream(affected_path) << impact.out;
  const char* script = R"PY(
import json, sys
d = json.load(open(sys.argv[1]))
hit = {a['id'] for a in json.load(open(sys.argv[2]))['affected']}
shown = set(hit)
for i in d['integrations']:
    if i['from'] in hit: shown.add(i['to'])
    if i['to'] in hit: shown.add(i['from'])
print(len(hit), len(shown))
print('\n'.join(sorted(shown)))
)PY";
  std::string expected = Python(script, {SourcePath(kMerger), affected_path});
  std::set<std::string> names = NodeNames(
      RenderDot({"render", SourcePath(kMerger), "--key", "kommunenummer", "--only-affected"}));
  std::string got;
  for (const std::string& n : names) got += n + "\n";
  ASSERT_FALSE(expected.empty());
  EXPECT_EQ(expected.substr(expected.find('\n') + 1), got);
  EXPECT_LT(names.size(), 252u);
}

// The laid-out DOT text of `landskap render ARGS -o picture.dot`.
std::string RenderDotText(const std::vector<std::string>& args) {
  std::string out = Dir() + "/laid-out.dot";
  std::remove(out.c_str());
  std::vector<std::string> all = args;
  all.insert(all.end(), {"-o", out});
  auto r = RunCli(all);
  EXPECT_EQ(r.code, 0) << r.err;
  return ReadFile(out);
}

// Width over height of the picture's bounding box (bb="x0,y0,x1,y1" of the root graph).
double Aspect(const std::string& dot) {
  size_t at = dot.find("bb=\"");
  if (at == std::string::npos) return 0;
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  if (std::sscanf(dot.c_str() + at + 4, "%lf,%lf,%lf,%lf", &x0, &y0, &x1, &y1) != 4) return 0;
  return (x1 - x0) / (y1 - y0);
}

// Lines that do not lie (issue 20): the merger's whole picture (252 systems, 645 integrations)
// and its impact picture are laid out by dot, which routes lines around the boxes (neato, the
// default before, drew them straight through), without owners' boxes (with them dot draws
// lines through boxes, tests/picture_lines_test.cc). Above 800 integrations, sfdp: dot took 5
// to 12 s for 300 systems and 1 335 integrations (bench/render_sizes.py).
TEST(Sizes, BigWholePictureIsDotWithoutBoxes) {
  for (std::vector<std::string> extra : {std::vector<std::string>{}, {"--key", "kommunenummer"}}) {
    std::vector<std::string> args = {"render", SourcePath(kMerger)};
    args.insert(args.end(), extra.begin(), extra.end());
    std::string dot = RenderDotText(args);
    EXPECT_NE(dot.find("rankdir"), std::string::npos) << dot.substr(0, 200);  // dot's columns
    EXPECT_EQ(dot.find("subgraph cluster"), std::string::npos);
  }
  // --layout dot below 61 systems still boxes the owners: a focus on the merger's archive.
  std::string dot = RenderDotText({"render", SourcePath(kMerger), "--focus", "fjell.sak-arkiv"});
  EXPECT_NE(dot.find("subgraph cluster"), std::string::npos);
  // 300 systems and 1 335 integrations: sfdp (no rankdir, no boxes).
  std::string file = Dir() + "/synth-267.json";
  ASSERT_EQ(RunCli({"synth", "--municipalities", "1", "--systems-per-municipality", "267", "--seed",
                    "3", "-o", file})
                .code,
            0);
  dot = RenderDotText({"render", file});
  EXPECT_EQ(dot.find("rankdir"), std::string::npos);
  EXPECT_EQ(dot.find("subgraph cluster"), std::string::npos);
}

// The PNG of a big landscape is at most 16 megapixels (the issue's 183 systems and 750
// integrations were 9 278 × 6 571 pixels at 96 dots per inch, and cairo took 5 s to draw them);
// its shape stays the layout's (6 788 × 4 885 points, read from the DOT).
TEST(Sizes, BigPngIsAtMostSixteenMegapixels) {
  std::string file = Dir() + "/synth-150.json";
  ASSERT_EQ(RunCli({"synth", "--municipalities", "1", "--systems-per-municipality", "150", "--seed",
                    "3", "-o", file})
                .code,
            0);
  std::string png = Dir() + "/big.png";
  auto r = RunCli({"render", file, "-o", png});
  ASSERT_EQ(r.code, 0) << r.err;
  std::string bytes = ReadFile(png);
  ASSERT_GE(bytes.size(), 24u);
  auto be32 = [&](size_t at) {
    return (static_cast<unsigned char>(bytes[at]) << 24) |
           (static_cast<unsigned char>(bytes[at + 1]) << 16) |
           (static_cast<unsigned char>(bytes[at + 2]) << 8) |
           static_cast<unsigned char>(bytes[at + 3]);
  };
  double width = be32(16), height = be32(20);
  EXPECT_LE(width * height, 16.5e6) << width << " x " << height;
  EXPECT_GE(width * height, 12e6) << width << " x " << height;  // lowered, not thrown away
  double aspect = Aspect(RenderDotText({"render", file}));
  EXPECT_NEAR(width / height, aspect, 0.1 * aspect);
}

// Up to 60 systems dot draws columns; the direction is the one nearer 16:9 by the rule in
// docs/pictures.md. A chain of 12 (12 layers of 1): left to right 12 × 3.1 by 0.68 inches
// (aspect 55), top to bottom 2.38 by 12 × 1.4 (0.14): |ln(55/1.78)| = 3.4 > |ln(0.14/1.78)| =
// 2.5, so TB. One provider and 20 consumers (2 layers, 20 wide): LR 6.2 by 13.6 (0.46, off by
// 1.35), TB 47.6 by 2.8 (17, off by 2.26), so LR.
TEST(Sizes, SmallPictureDirectionBySize) {
  auto write = [](const std::string& name, const std::vector<std::pair<int, int>>& edges,
                  int count) {
    nlohmann::json j = {{"format", "landskap/1"}, {"name", name}};
    j["systems"] = nlohmann::json::array();
    for (int i = 0; i < count; ++i) j["systems"].push_back({{"id", "s" + std::to_string(i)}});
    j["integrations"] = nlohmann::json::array();
    for (auto [from, to] : edges)
      j["integrations"].push_back(
          {{"from", "s" + std::to_string(from)}, {"to", "s" + std::to_string(to)}});
    std::string path = Dir() + "/" + name + ".json";
    std::ofstream(path) << j.dump();
    return path;
  };
  std::vector<std::pair<int, int>> chain, star;
  for (int i = 0; i + 1 < 12; ++i) chain.push_back({i, i + 1});
  for (int i = 1; i <= 20; ++i) star.push_back({0, i});
  EXPECT_NE(RenderDotText({"render", write("chain", chain, 12)}).find("rankdir=TB"),
            std::string::npos);
  EXPECT_NE(RenderDotText({"render", write("star", star, 21)}).find("rankdir=LR"),
            std::string::npos);
}

// The bars of the chart's SVG (class "bar …"), by Python's XML reader.
constexpr const char* kGanttBars = R"PY(
import sys, json, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
out = []
for r in root.iter('{http://www.w3.org/2000/svg}rect'):
    c = (r.get('class') or '').split()
    if 'bar' not in c: continue
    x, w = float(r.get('x')), float(r.get('width'))
    out.append({'x0': x, 'x1': x + w, 'critical': 'critical' in c})
texts = [''.join(t.itertext()) for t in root.iter('{http://www.w3.org/2000/svg}text')]
json.dump({'bars': out, 'texts': texts}, sys.stdout)
)PY";

// The merger's plan as a chart: each bar runs on the calendar axis from the first day of work to
// the end of the last (the plan's dates, by the calendar, not by the chart's code), critical bars
// are red, and every task's whole name is text in the SVG (a browser's find sees it).
TEST(Gantt, BarsFollowThePlansDatesAndCriticalIsRed) {
  Landscape l;
  Diagnostics diagnostics(kMerger);
  ASSERT_TRUE(LoadLandscapeFile(SourcePath(kMerger), &l, &diagnostics));
  Graph graph(l);
  ImpactQuery query;
  query.key = l.FindKey("kommunenummer");
  ImpactResult impact = ComputeImpact(graph, query);
  PlanOptions options;
  options.start = ParseDate("2019-08-01");
  options.deadline = ParseDate("2019-12-31");
  Plan plan;
  ASSERT_TRUE(ComputePlan(graph, options, &impact, &plan, &diagnostics));
  viz::GanttInput input =
      viz::GanttFromPlan(graph, plan, viz::GanttLanes::kOwner, viz::Language::kEnglish, "t");
  ASSERT_EQ(input.tasks.size(), plan.tasks.size());
  viz::GanttLayout layout = viz::LayOutGantt(input);
  // The lanes name the municipalities and where their numbers go: Fjell 1246 and Sund 1245
  // become Øygarden 4626 (the file's changes; names from SSB, by hand).
  std::set<std::string> lanes;
  for (const viz::GanttLane& lane : layout.lanes) lanes.insert(lane.name);
  EXPECT_TRUE(lanes.count("1246 Fjell \u2192 4626 \u00d8ygarden"))
      << ::testing::PrintToString(lanes);
  EXPECT_TRUE(lanes.count("1245 Sund \u2192 4626 \u00d8ygarden"))
      << ::testing::PrintToString(lanes);
  std::string svg, error;
  ASSERT_TRUE(viz::RenderGantt(input, "svg", &svg, &error)) << error;
  std::string path = Dir() + "/gantt.svg";
  std::ofstream(path, std::ios::binary) << svg;
  nlohmann::json parsed = nlohmann::json::parse(Python(kGanttBars, {path}));
  std::vector<std::tuple<double, double, bool>> drawn, expected;
  for (const auto& r : parsed["bars"])
    drawn.push_back({r["x0"].get<double>(), r["x1"].get<double>(), r["critical"].get<bool>()});
  // x = the axis origin + calendar days since its first day × the day's width: the axis is
  // continuous in calendar days. A bar ends where its last working day ends.
  ASSERT_TRUE(layout.first_day);
  auto x = [&](DayNumber day) {
    return layout.chart_x0 + (day - *layout.first_day) * layout.day_width;
  };
  size_t critical = 0, milestones = 0;
  for (const PlanTask& t : plan.tasks) {
    critical += t.critical;
    if (t.finish <= t.start) {
      ++milestones;  // no work: a diamond, not a bar
      continue;
    }
    DayNumber first = plan.calendar.Date(*plan.start, t.start);
    DayNumber last = plan.calendar.Date(*plan.start, t.finish - 1);
    expected.push_back({x(first), x(last + 1), t.critical});
  }
  ASSERT_EQ(drawn.size() + milestones, plan.tasks.size());
  std::sort(drawn.begin(), drawn.end());
  std::sort(expected.begin(), expected.end());
  ASSERT_EQ(drawn.size(), expected.size());
  for (size_t k = 0; k < drawn.size(); ++k) {
    // The SVG writes two decimals.
    EXPECT_NEAR(std::get<0>(drawn[k]), std::get<0>(expected[k]), 0.02) << k;
    EXPECT_NEAR(std::get<1>(drawn[k]), std::get<1>(expected[k]), 0.02) << k;
    EXPECT_EQ(std::get<2>(drawn[k]), std::get<2>(expected[k])) << k;
  }
  EXPECT_GT(critical, 0u);
  // Every task's whole name, as text (the bundled names are short enough never to be cut).
  std::multiset<std::string> texts;
  for (const auto& t : parsed["texts"]) texts.insert(t.get<std::string>());
  for (const PlanTask& t : plan.tasks) {
    const std::string& name = l.systems[t.system].Label();
    EXPECT_TRUE(texts.count(name)) << name;
  }
  EXPECT_EQ(svg.find("\u2026"), std::string::npos) << "a name was cut";
}

// Closed weeks stay on the axis, shaded and named: with fellesferie (8 to 26 July) closed, the
// weeks 28 to 30 are labelled like any other and a band covers exactly those days.
TEST(Gantt, ClosedPeriodsAreNamedBandsOnAContinuousAxis) {
  std::string closed = Dir() + "/closed.csv";
  std::ofstream(closed) << "fra,til,navn\n2019-07-08,2019-07-26,fellesferie\n";
  std::string out = Dir() + "/closed.svg";
  auto r = RunCli({"render", SourcePath(kMerger), "--key", "kommunenummer", "--gantt", "--start",
                   "2019-06-03", "--closed", closed, "--lang", "en", "-o", out});
  ASSERT_EQ(r.code, 0) << r.err;
  std::string svg = ReadFile(out);
  for (const char* week : {">w27<", ">w28<", ">w29<", ">w30<", ">w31<"})
    EXPECT_NE(svg.find(week), std::string::npos) << week;
  EXPECT_NE(svg.find(">fellesferie</text>"), std::string::npos);
  // The band: from Monday 8 July to the end of Friday 26 July, 19 calendar days.
  nlohmann::json parsed = nlohmann::json::parse(Python(R"PY(
import sys, json, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
out = []
for g in root.iter('{http://www.w3.org/2000/svg}g'):
    if g.get('class') != 'closed': continue
    r = g.find('{http://www.w3.org/2000/svg}rect')
    t = g.find('{http://www.w3.org/2000/svg}text')
    out.append({'x': float(r.get('x')), 'w': float(r.get('width')), 'name': t.text})
json.dump(out, sys.stdout)
)PY",
                                                       {out}));
  double week_width = 0;
  for (const auto& band : parsed)
    if (band["name"] == "fellesferie") week_width = band["w"].get<double>() / 19 * 7;
  ASSERT_GT(week_width, 0) << parsed.dump();
  // Pentecost Monday (10 June 2019) is a band of its own with its name.
  bool pentecost = false;
  for (const auto& band : parsed) pentecost |= band["name"] == "2. pinsedag";
  EXPECT_TRUE(pentecost) << parsed.dump();
}

TEST(Gantt, FormatsAreWellFormedFromTheCommandLine) {
  std::string dir = Dir();
  for (std::string ext : {"svg", "png", "pdf"}) {
    std::string out = dir + "/plan." + ext;
    auto r = RunCli({"render", SourcePath(kMerger), "--key", "kommunenummer", "--gantt", "--start",
                     "2019-08-01", "--deadline", "2019-12-31", "-o", out});
    ASSERT_EQ(r.code, 0) << r.err;
    std::string content = ReadFile(out);
    if (ext == "svg") {
      EXPECT_NE(Python("import sys, xml.etree.ElementTree as ET\n"
                       "print(ET.parse(sys.argv[1]).getroot().tag)",
                       {out})
                    .find("svg"),
                std::string::npos);
    } else if (ext == "png") {
      EXPECT_EQ(content.substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));
      EXPECT_NE(content.find("IEND"), std::string::npos);
    } else {
      EXPECT_EQ(content.substr(0, 5), "%PDF-");
      EXPECT_NE(content.find("%%EOF"), std::string::npos);
    }
  }
  auto r = RunCli({"render", SourcePath(kMerger), "--gantt", "-o", dir + "/plan.dot"});
  EXPECT_EQ(r.code, 2);
  r = RunCli({"render", SourcePath(kMerger), "--start", "2019-08-01", "-o", dir + "/x.svg"});
  EXPECT_EQ(r.code, 2);
}

TEST(Page, PdfSplitsAsTheGridSays) {
  // The merger's impact picture is far too big for one A4 page at a readable size.
  std::string out = Dir() + "/impact.pdf";
  auto r =
      RunCli({"render", SourcePath(kMerger), "--key", "kommunenummer", "--page", "A4", "-o", out});
  ASSERT_EQ(r.code, 0) << r.err;
  std::string pdf = ReadFile(out);
  size_t count_at = pdf.find("/Count ");
  ASSERT_NE(count_at, std::string::npos);
  int pages = std::stoi(pdf.substr(count_at + 7));
  EXPECT_GT(pages, 2);
  // A small picture stays one page.
  std::string small = WriteSmall();
  r = RunCli({"render", small, "--page", "A3", "--landscape", "-o", out});
  ASSERT_EQ(r.code, 0) << r.err;
  pdf = ReadFile(out);
  EXPECT_NE(pdf.find("/Count 1\n"), std::string::npos);
  // The grid: 1 page when the scale stays readable, more otherwise.
  viz::PageOptions a4{viz::Paper::kA4, false};
  EXPECT_EQ(viz::GridFor(400, 600, a4).columns * viz::GridFor(400, 600, a4).rows, 1);
  viz::PageGrid big = viz::GridFor(4000, 10000, a4);
  EXPECT_GE(big.scale, viz::kSmallestReadablePoints / 12.0 - 1e-9);
  EXPECT_GT(big.columns * big.rows, 4);
  r = RunCli({"render", small, "--page", "A5", "-o", out});
  EXPECT_EQ(r.code, 2);
  r = RunCli({"render", small, "--landscape", "-o", out});
  EXPECT_EQ(r.code, 2);
}

// On paper the chart is laid out for the page's width (its text keeps its size) and breaks
// between rows onto as many pages as it needs: the merger's plan has 138 tasks in 17 lanes, 155
// rows; an A3 landscape page (1190.55 × 841.89 points, 10 mm margins, so 785 points high) holds
// 22 rows of 24 points under the 235 points of title, axis and legend: 8 pages (7 to 9 as the
// lanes' headings move a break), the last at least a third full. An SVG or PNG for paper is the
// whole chart fitted to one page; a PNG for A3 landscape is the page at 150 dots per inch, 2 481 ×
// 1 754 pixels.
TEST(Page, GanttOnPaper) {
  std::vector<std::string> plan = {"render",  SourcePath(kMerger), "--key",     "kommunenummer",
                                   "--gantt", "--start",           "2019-08-01"};
  auto run = [&](std::vector<std::string> extra, const std::string& out) {
    std::vector<std::string> args = plan;
    args.insert(args.end(), extra.begin(), extra.end());
    args.insert(args.end(), {"-o", out});
    auto r = RunCli(args);
    EXPECT_EQ(r.code, 0) << r.err;
    return ReadFile(out);
  };
  auto pages = [](const std::string& pdf) {
    size_t count = pdf.find("/Count ");
    return count == std::string::npos ? -1 : std::stoi(pdf.substr(count + 7));
  };
  std::string a3 = run({"--page", "A3", "--landscape"}, Dir() + "/a3.pdf");
  EXPECT_EQ(a3.rfind("%PDF-", 0), 0u);
  EXPECT_NE(a3.find("/MediaBox [ 0 0 1190.55"), std::string::npos);
  int a3_pages = pages(a3);
  EXPECT_GE(a3_pages, 7);
  EXPECT_LE(a3_pages, 9);
  // Portrait A4 is narrower: the chart is scaled to its width (to about 0.7, so its 14-point
  // names print at about 9.5 points) and more rows fit a page.
  std::string a4 = run({"--page", "A4"}, Dir() + "/a4.pdf");
  EXPECT_GE(pages(a4), 3);
  EXPECT_NE(a4.find("/MediaBox [ 0 0 595.27"), std::string::npos);
  std::string png = run({"--page", "A3", "--landscape"}, Dir() + "/a3.png");
  ASSERT_GT(png.size(), 24u);
  EXPECT_EQ(png.substr(1, 3), "PNG");
  auto be32 = [&](size_t i) {
    return (static_cast<unsigned char>(png[i]) << 24) |
           (static_cast<unsigned char>(png[i + 1]) << 16) |
           (static_cast<unsigned char>(png[i + 2]) << 8) | static_cast<unsigned char>(png[i + 3]);
  };
  EXPECT_EQ(be32(16), 2481);
  EXPECT_EQ(be32(20), 1754);
  std::string page_svg = run({"--page", "A4"}, Dir() + "/a4.svg");
  EXPECT_NE(page_svg.find("width=\"595.275591pt\" height=\"841.889764pt\""), std::string::npos);
}

// The detailed picture's own words (legend, summary lines, plan labels) are bokmål by default
// and English with --lang en; names from the file stay as written.
TEST(Language, DetailedPictureLegend) {
  std::string file = SourcePath(kMerger);
  auto text = [&](std::vector<std::string> extra) {
    std::string out = Dir() + "/detailed.svg";
    std::vector<std::string> args = {"render", file, "--key", "kommunenummer", "-o", out};
    args.insert(args.end(), extra.begin(), extra.end());
    auto r = RunCli(args);
    EXPECT_EQ(r.code, 0) << r.err;
    return ReadFile(out);
  };
  std::string nb = text({});
  for (const char* words :
       {"En endring av kommunenummer berører 138 systemer og",
        "Vist: 252 systemer, 645 integrasjoner.", "har nøkkelen", "1 integrasjon unna",
        "Linjer: dataene går i pilens retning", "statlig (3D"})
    EXPECT_NE(nb.find(words), std::string::npos) << words;
  EXPECT_EQ(nb.find("Shown:"), std::string::npos);
  std::string en = text({"--lang", "en"});
  for (const char* words :
       {"A change of kommunenummer affects 138 systems and",
        "Shown: 252 systems, 645 integrations.", "holds the key", "1 integration away",
        "Lines: data flows along the arrow", "national (3D"})
    EXPECT_NE(en.find(words), std::string::npos) << words;
  // The plan picture: waves and their dates as people write them.
  std::string plan = text({"--plan", "--start", "2019-08-01"});
  EXPECT_NE(plan.find("Bølge 1"), std::string::npos);
  EXPECT_NE(plan.find("Omlegging i "), std::string::npos);
  EXPECT_NE(plan.find("(1. aug. 2019 til "), std::string::npos);
}

TEST(Language, BokmalCatalogueAndDates) {
  using viz::Language;
  EXPECT_EQ(viz::LongDate(Language::kBokmal, *ParseDate("2019-10-01")), "1. okt. 2019");
  EXPECT_EQ(viz::LongDate(Language::kEnglish, *ParseDate("2019-10-01")), "1 Oct 2019");
  EXPECT_EQ(viz::LongDate(Language::kBokmal, *ParseDate("2020-01-14")), "14. jan. 2020");
  EXPECT_EQ(viz::Count(Language::kBokmal, 1, "{n} system", "{n} systems"), "1 system");
  EXPECT_EQ(viz::Count(Language::kBokmal, 5, "{n} system", "{n} systems"), "5 systemer");
  EXPECT_EQ(viz::Count(Language::kEnglish, 5, "{n} system", "{n} systems"), "5 systems");
  EXPECT_EQ(viz::Tr(Language::kBokmal, "fixed date"), "fast dato");
  EXPECT_EQ(viz::Tr(Language::kEnglish, "fixed date"), "fixed date");
  // Every entry of po/nb.po is translated (msgfmt counts them; no fuzzy or untranslated).
  std::string stats = Python(
      "import subprocess, sys\n"
      "r = subprocess.run(['msgfmt', '--statistics', '-o', '/dev/null', sys.argv[1]],"
      " capture_output=True, text=True)\nprint(r.stderr.strip())",
      {SourcePath("po/nb.po")});
  EXPECT_EQ(stats.find("untranslated"), std::string::npos) << stats;
  EXPECT_EQ(stats.find("fuzzy"), std::string::npos) << stats;
  EXPECT_EQ(viz::Catalogue(Language::kBokmal).size() > 30, true);
  // The picture's words follow --lang.
  std::string file = WriteSmall();
  std::string out = Dir() + "/o.svg";
  ASSERT_EQ(RunCli({"render", file, "--collapse", "owner", "-o", out}).code, 0);
  EXPECT_NE(ReadFile(out).find("Oversikt etter eier"), std::string::npos);
  ASSERT_EQ(RunCli({"render", file, "--collapse", "owner", "--lang", "en", "-o", out}).code, 0);
  EXPECT_NE(ReadFile(out).find("Overview by owner"), std::string::npos);
  EXPECT_EQ(RunCli({"render", file, "--lang", "sv", "-o", out}).code, 2);
}

TEST(Hostile, NewPicturesInjectNothing) {
  for (const char* data : {"tests/data/hostile.json", "tests/data/control_chars.json"}) {
    std::string file = SourcePath(data);
    std::string dir = Dir();
    std::vector<std::vector<std::string>> runs = {
        {"--collapse", "owner"},
        {"--collapse", "domain"},
        {"--collapse", "vendor"},
        {"--key", "kommunenummer", "--only-affected"},
        {"--key", "kommunenummer", "--gantt", "--start", "2019-08-01"},
        {"--key", "kommunenummer", "--gantt", "--lanes", "vendor"},
        {"--key", "kommunenummer", "--gantt", "--page", "A4"},
        {"--page", "A3", "--landscape"},
    };
    for (const auto& extra : runs) {
      std::string out = dir + "/hostile.svg";
      std::vector<std::string> args = {"render", file, "-o", out};
      args.insert(args.end(), extra.begin(), extra.end());
      auto r = RunCli(args);
      ASSERT_EQ(r.code, 0) << data << " " << extra[1] << ": " << r.err;
      // Well-formed XML, and no element other than SVG's own drawing elements.
      std::string tags = Python(
          "import sys, xml.etree.ElementTree as ET\n"
          "print(' '.join(sorted({e.tag.split('}')[-1] for e in "
          "ET.parse(sys.argv[1]).getroot().iter()})))",
          {out});
      for (const char* bad : {"script", "foreignObject", "iframe", "img", "b "})
        EXPECT_EQ((" " + tags).find(std::string(" ") + bad), std::string::npos)
            << data << " " << extra[1] << ": " << tags;
      EXPECT_FALSE(tags.empty());
      std::string svg = ReadFile(out);
      EXPECT_EQ(svg.find("<script"), std::string::npos);
      EXPECT_EQ(svg.find("<img"), std::string::npos);
      EXPECT_EQ(svg.find('\x1b'), std::string::npos);
    }
  }
}

}  // namespace
}  // namespace landskap
