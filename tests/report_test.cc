// The workshop page (viz/report, landskap report): self-contained, carries the landscape as
// JSON that parses back to the same systems and integrations, never lets a name become markup,
// and is written completely or not at all. The page's behaviour in a browser is checked by
// tests/browser (tests/scripted/report_browser.cmake).
#include "viz/report.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>

#include "engine/file/load.h"
#include "tests/test_support.h"

namespace landskap {
namespace {

using nlohmann::json;
using testing::ReadFile;
using testing::RunCli;
using testing::SourcePath;
using testing::TempDir;

const char kWorkshop[] = "tests/browser/fixtures/workshop.json";
const char kHostile[] = "tests/browser/fixtures/hostile.json";

Landscape LoadFixture(const std::string& relative) {
  Landscape landscape;
  Diagnostics diagnostics(relative);
  EXPECT_TRUE(LoadLandscapeFile(SourcePath(relative), &landscape, &diagnostics));
  return landscape;
}

// Runs `landskap report FIXTURE -o OUT EXTRA...` and returns the page.
std::string MakeReport(const std::string& fixture, std::vector<std::string> extra = {}) {
  std::string out = TempDir() + "/report.html";
  std::vector<std::string> args = {"report", SourcePath(fixture), "-o", out};
  args.insert(args.end(), extra.begin(), extra.end());
  testing::CliResult r = RunCli(args);
  EXPECT_EQ(r.code, 0) << r.err;
  return ReadFile(out);
}

size_t CountOf(const std::string& text, const std::string& needle) {
  size_t n = 0;
  for (size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
  return n;
}

// The text of <script type="application/json" id="data">, parsed.
json EmbeddedData(const std::string& html) {
  const std::string open = "<script type=\"application/json\" id=\"data\">";
  size_t start = html.find(open);
  EXPECT_NE(start, std::string::npos);
  if (start == std::string::npos) return json();
  start += open.size();
  size_t end = html.find("</script>", start);
  EXPECT_NE(end, std::string::npos);
  return json::parse(html.substr(start, end - start));
}

std::vector<std::string> KeyIds(const Landscape& l, const std::vector<KeyIndex>& keys) {
  std::vector<std::string> ids;
  for (KeyIndex k : keys) ids.push_back(l.keys[k].id);
  return ids;
}

TEST(Report, IsSelfContained) {
  std::string html = MakeReport(kWorkshop);
  ASSERT_FALSE(html.empty());
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
  // Every URL in the page is an XML namespace name (never fetched), nothing else.
  std::regex url("https?://[^\"'\\s<>)]*");
  std::set<std::string> urls;
  for (auto it = std::sregex_iterator(html.begin(), html.end(), url); it != std::sregex_iterator();
       ++it)
    urls.insert(it->str());
  for (const std::string& u : urls)
    EXPECT_TRUE(u == "http://www.w3.org/2000/svg" || u == "http://www.w3.org/1999/xlink") << u;
  // No element loads anything: no external script, style sheet, image, frame or font.
  std::regex external("<(script|link|img|iframe|object|embed)[^>]*\\s(src|href|data)\\s*=",
                      std::regex::icase);
  EXPECT_FALSE(std::regex_search(html, external));
  EXPECT_EQ(CountOf(html, "<link"), 0u);
  EXPECT_EQ(CountOf(html, "@import"), 0u);
  EXPECT_EQ(CountOf(html, "url("), 0u);
  // Two script elements: the data and the page's own code; the diagram, the overview by owner
  // and the plan's Gantt chart are inline SVG.
  EXPECT_EQ(CountOf(html, "<script"), 2u);
  EXPECT_EQ(CountOf(html, "</script>"), 2u);
  EXPECT_EQ(CountOf(html, "<svg"), 3u);
  EXPECT_EQ(CountOf(html, "<?xml"), 0u);
  EXPECT_EQ(CountOf(html, "<!DOCTYPE svg"), 0u);
  // The CSP forbids every load from outside the file.
  EXPECT_NE(html.find("default-src 'none'"), std::string::npos);
  // Every system and integration of the diagram has its group, as the page's script expects.
  Landscape landscape = LoadFixture(kWorkshop);
  for (size_t s = 0; s < landscape.systems.size(); ++s)
    EXPECT_NE(html.find("id=\"s" + std::to_string(s) + "\""), std::string::npos) << s;
  for (size_t i = 0; i < landscape.integrations.size(); ++i)
    EXPECT_NE(html.find("id=\"i" + std::to_string(i) + "\""), std::string::npos) << i;
}

TEST(Report, AssetsCannotCloseTheirElements) {
  const auto& assets = viz::EmbeddedAssets();
  ASSERT_TRUE(assets.count("report.js"));
  ASSERT_TRUE(assets.count("report.css"));
  ASSERT_TRUE(assets.count("report.html"));
  std::string js(assets.at("report.js")), css(assets.at("report.css"));
  EXPECT_EQ(js.find("</"), std::string::npos);
  EXPECT_EQ(js.find("<!--"), std::string::npos);
  EXPECT_EQ(css.find("</"), std::string::npos);
  // The script writes data into the page only as text.
  EXPECT_EQ(js.find("innerHTML"), std::string::npos);
  EXPECT_EQ(js.find("outerHTML"), std::string::npos);
  EXPECT_EQ(js.find("insertAdjacentHTML"), std::string::npos);
  EXPECT_EQ(js.find("document.write"), std::string::npos);
  EXPECT_EQ(js.find("eval("), std::string::npos);
}

TEST(Report, EmbeddedDataEqualsTheLandscape) {
  std::string html = MakeReport(kWorkshop);
  json data = EmbeddedData(html);
  Landscape l = LoadFixture(kWorkshop);
  EXPECT_EQ(data["format"], "landskap-report/1");
  EXPECT_EQ(data["name"], l.name);
  ASSERT_EQ(data["systems"].size(), l.systems.size());
  for (size_t i = 0; i < l.systems.size(); ++i) {
    const System& s = l.systems[i];
    const json& j = data["systems"][i];
    EXPECT_EQ(j["id"], s.id);
    EXPECT_EQ(j["name"], s.name);
    EXPECT_EQ(j["kind"], std::string(KindName(s.kind)));
    EXPECT_EQ(j["owner"], s.owner);
    EXPECT_EQ(j["vendor"], s.vendor);
    EXPECT_EQ(j["product"], s.product);
    EXPECT_EQ(j["domain"], s.domain);
    EXPECT_EQ(j["criticality"], std::string(CriticalityName(s.criticality)));
    EXPECT_EQ(j["keys"].get<std::vector<std::string>>(), KeyIds(l, s.keys));
  }
  ASSERT_EQ(data["integrations"].size(), l.integrations.size());
  for (size_t i = 0; i < l.integrations.size(); ++i) {
    const Integration& e = l.integrations[i];
    const json& j = data["integrations"][i];
    EXPECT_EQ(j["id"], e.id);
    EXPECT_EQ(j["from"], e.from);
    EXPECT_EQ(j["to"], e.to);
    EXPECT_EQ(j["carries"].get<std::vector<std::string>>(), KeyIds(l, e.carries));
    EXPECT_EQ(j["protocol"], e.protocol);
  }
  // Spot checks against the file itself, not the loader: the third integration runs from
  // matrikkelen (system 1) to a.gis (system 5).
  EXPECT_EQ(data["integrations"][2]["id"], "e2");
  EXPECT_EQ(data["integrations"][2]["from"], 1);
  EXPECT_EQ(data["integrations"][2]["to"], 5);
  EXPECT_EQ(data["systems"][2]["name"], "KS Fiks / SvarUT");
}

// The overview the page opens on: one group per owner of the file (read from the file, not the
// loader), in the order of the overview SVG's "g<N>", each with its systems by index; a small
// landscape opens on the diagram of every system, the merger (252 systems) on the overview.
TEST(Report, OverviewGroupsAreTheOwners) {
  for (const char* fixture : {kWorkshop, kHostile, "datasets/oygarden-2020.json"}) {
    std::string html = MakeReport(fixture);
    json data = EmbeddedData(html);
    json file = json::parse(ReadFile(SourcePath(fixture)));
    std::map<std::string, std::set<size_t>> owners;
    for (size_t i = 0; i < file["systems"].size(); ++i)
      owners[file["systems"][i].value("owner", "")].insert(i);
    const json& groups = data["overview"]["groups"];
    ASSERT_EQ(groups.size(), owners.size()) << fixture;
    for (size_t g = 0; g < groups.size(); ++g) {
      std::string key = groups[g]["key"];
      ASSERT_TRUE(owners.count(key)) << fixture << ": " << key;
      auto members = groups[g]["systems"].get<std::vector<size_t>>();
      EXPECT_EQ(std::set<size_t>(members.begin(), members.end()), owners[key]) << key;
      EXPECT_EQ(CountOf(html, "id=\"g" + std::to_string(g) + "\""), 1u) << fixture << " g" << g;
    }
    EXPECT_EQ(CountOf(html, "id=\"g" + std::to_string(groups.size()) + "\""), 0u) << fixture;
    EXPECT_EQ(data["overview"]["by"], "owner");
    EXPECT_EQ(data["overview"]["first"].get<bool>(), file["systems"].size() > 40) << fixture;
  }
  // --cluster domain: the overview groups by domain.
  json data = EmbeddedData(MakeReport(kWorkshop, {"--cluster", "domain"}));
  EXPECT_EQ(data["overview"]["by"], "domain");
}

// The kommunenummer impact of the workshop fixture, computed by hand: 1246 changes, 1260 does
// not. Seeds are the in-scope holders; a.sak (1246) passes its changed number to b.sak (1260),
// while folkeregisteret and fiks (shared) do not pass it to 1260's systems.
TEST(Report, EmbedsTheKeyImpactByDefault) {
  json data = EmbeddedData(MakeReport(kWorkshop));
  ASSERT_TRUE(data["impact"].is_object());
  const json& impact = data["impact"];
  EXPECT_EQ(impact["query"]["key"], "kommunenummer");
  EXPECT_EQ(impact["summary"]["scope"]["changing"], json::array({"1246"}));
  EXPECT_EQ(impact["summary"]["seeds"], 5);
  std::map<std::string, std::pair<int, std::string>> got;
  for (const json& a : impact["affected"])
    got[a["id"]] = {a["distance"].get<int>(), a["reason"].get<std::string>()};
  std::map<std::string, std::pair<int, std::string>> want = {
      {"folkeregisteret", {0, "holds-key"}},
      {"matrikkelen", {0, "holds-key"}},
      {"fiks", {0, "holds-key"}},
      {"a.sak", {0, "holds-key"}},
      {"a.gis", {0, "holds-key"}},
      {"b.sak", {1, "receives-key"}},
      {"a.byggesak", {1, "receives-key"}},
      {"a.eiendomsskatt", {2, "receives-key"}}};
  EXPECT_EQ(got, want);
  std::set<std::string> integrations;
  for (const json& i : impact["integrations"]) integrations.insert(i["id"].get<std::string>());
  EXPECT_EQ(integrations,
            (std::set<std::string>{"e0", "e1", "e2", "e4", "e7", "e8", "e9", "e12", "e14"}));
  // The evidence for a.eiendomsskatt: a.gis -> a.byggesak -> a.eiendomsskatt over e4, e14.
  for (const json& a : impact["affected"]) {
    if (a["id"] != "a.eiendomsskatt") continue;
    EXPECT_EQ(a["path"], json::parse(R"(["a.gis", "a.byggesak", "a.eiendomsskatt"])"));
    EXPECT_EQ(a["via"], json::parse(R"(["e4", "e14"])"));
  }
}

// One JSON shape per result: the page carries exactly what `--format json` prints.
TEST(Report, ImpactAndPlanHaveTheShapesOfFormatJson) {
  json data = EmbeddedData(MakeReport(kWorkshop, {"--start", "2019-08-01"}));
  testing::CliResult impact =
      RunCli({"impact", SourcePath(kWorkshop), "--key", "kommunenummer", "--format", "json"});
  ASSERT_EQ(impact.code, 0) << impact.err;
  EXPECT_EQ(data["impact"], json::parse(impact.out));
  testing::CliResult plan = RunCli({"plan", SourcePath(kWorkshop), "--key", "kommunenummer",
                                    "--start", "2019-08-01", "--format", "json"});
  ASSERT_EQ(plan.code, 0) << plan.err;
  json page_plan = data["plan"];
  page_plan.erase("tasks_phrase");
  page_plan.erase("errors");
  EXPECT_EQ(page_plan, json::parse(plan.out));
}

TEST(Report, KeyOptions) {
  json with_fnr = EmbeddedData(MakeReport(kWorkshop, {"--key", "fnr"}));
  EXPECT_EQ(with_fnr["impact"]["query"]["key"], "fnr");
  // fnr has no changes in the file: every holder is a seed (folkeregisteret, a.sak, nav,
  // a.lonn), and a.arkiv receives it from a.sak.
  EXPECT_EQ(with_fnr["impact"]["summary"]["seeds"], 4);
  EXPECT_EQ(with_fnr["impact"]["affected"].size(), 6u);  // + b.sak over e1, a.arkiv over e5

  std::string out = TempDir() + "/report.html";
  testing::CliResult bad =
      RunCli({"report", SourcePath(kWorkshop), "--key", "kommunenumer", "-o", out});
  EXPECT_EQ(bad.code, 2);
  EXPECT_NE(bad.err.find("did you mean 'kommunenummer'"), std::string::npos) << bad.err;
  EXPECT_FALSE(std::filesystem::exists(out));

  testing::CliResult cluster = RunCli({"report", SourcePath(kWorkshop), "--cluster", "vendor"});
  EXPECT_EQ(cluster.code, 2);
  EXPECT_NE(cluster.err.find("owner, domain, kind or none"), std::string::npos);
}

// The plan of the workshop fixture, by hand: the 8 systems the kommunenummer change reaches,
// 5 days each (no estimates in the file), ordered by the integrations between them. The
// longest chain is matrikkelen -> a.gis -> a.byggesak -> a.sak -> fiks -> b.sak: 30 working
// days from Thursday 1 August 2019 (Thu, Fri, then five weeks, and Mon 9 to Wed 11 September).
TEST(Report, EmbedsTheCutoverPlan) {
  json data = EmbeddedData(MakeReport(kWorkshop, {"--start", "2019-08-01"}));
  const json& plan = data["plan"];
  ASSERT_TRUE(plan.is_object());
  // The page speaks bokmål by default, English with --lang en.
  EXPECT_EQ(plan["tasks_phrase"], "8 systemer som berøres av en endring av kommunenummer");
  json english = EmbeddedData(MakeReport(kWorkshop, {"--start", "2019-08-01", "--lang", "en"}));
  EXPECT_EQ(english["plan"]["tasks_phrase"], "the 8 systems affected by a change of kommunenummer");
  EXPECT_EQ(plan["duration_days"], 30);
  EXPECT_EQ(plan["start"], "2019-08-01");
  EXPECT_EQ(plan["finish_date"], "2019-09-11");
  EXPECT_EQ(plan["critical_paths"],
            json::parse(R"([["matrikkelen", "a.gis", "a.byggesak", "a.sak", "fiks", "b.sak"]])"));
  std::map<std::string, int> wave;
  for (const json& t : plan["tasks"]) wave[t["id"]] = t["wave"].get<int>();
  std::map<std::string, int> want = {
      {"folkeregisteret", 1}, {"matrikkelen", 1},     {"a.gis", 2}, {"a.byggesak", 3},
      {"a.sak", 4},           {"a.eiendomsskatt", 4}, {"fiks", 5},  {"b.sak", 6}};
  EXPECT_EQ(wave, want);
  EXPECT_TRUE(plan["errors"].empty());
}

// Contradicting cutover constraints leave the plan out of the page, with the reason; the rest
// of the page is still made.
TEST(Report, ImpossiblePlanStillGivesAPage) {
  std::string dir = TempDir();
  std::string file = dir + "/cycle.json";
  {
    std::ofstream f(file);
    f << R"({"systems": [{"id": "a", "cutover": {"after": ["b"]}},
                         {"id": "b", "cutover": {"after": ["a"]}}]})";
  }
  testing::CliResult r = RunCli({"report", file, "-o", dir + "/r.html"});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.err.find("the page has no cutover plan"), std::string::npos) << r.err;
  json data = EmbeddedData(ReadFile(dir + "/r.html"));
  EXPECT_EQ(data["plan"]["tasks_phrase"], "alle systemer");
  ASSERT_FALSE(data["plan"]["errors"].empty());
  EXPECT_NE(data["plan"]["errors"][0].get<std::string>().find("cycle.json"), std::string::npos);
  EXPECT_EQ(data["systems"].size(), 2u);
}

TEST(Report, NoKeyNoImpact) {
  Landscape l = testing::Parse(R"({"systems": [{"id": "a"}, {"id": "b"}],
                                   "integrations": [{"from": "a", "to": "b"}]})");
  Graph graph(l);
  viz::ReportOptions options;
  std::string html, error;
  ASSERT_TRUE(viz::BuildReport(graph, options, &html, &error)) << error;
  json data = EmbeddedData(html);
  EXPECT_TRUE(data["impact"].is_null());
  EXPECT_EQ(data["integrations"][0]["from"], 0);
  EXPECT_EQ(data["integrations"][0]["to"], 1);
  EXPECT_NE(html.find("<title>landskap</title>"), std::string::npos);
}

TEST(Report, HostileNamesStayText) {
  std::string html = MakeReport(kHostile);
  ASSERT_FALSE(html.empty());
  // No name became an element or closed one early.
  EXPECT_EQ(CountOf(html, "<img"), 0u);
  // Three pictures: the diagram, the overview by owner and the plan's Gantt chart (cairo draws
  // names as glyphs).
  EXPECT_EQ(CountOf(html, "<svg"), 3u);
  EXPECT_EQ(CountOf(html, "<div id=\"gantt\" hidden>\n<svg"), 1u);
  EXPECT_EQ(CountOf(html, "<div id=\"overview\" hidden>\n<svg"), 1u);
  EXPECT_EQ(CountOf(html, "<b "), 0u);
  EXPECT_EQ(CountOf(html, "<style"), 1u);
  EXPECT_EQ(CountOf(html, "<script"), 2u);
  EXPECT_EQ(CountOf(html, "</script"), 2u);
  EXPECT_EQ(CountOf(html, "<![CDATA["), 0u);
  // Inside the data nothing is a raw '<', '>', '&' or line separator.
  const std::string open = "<script type=\"application/json\" id=\"data\">";
  size_t start = html.find(open) + open.size();
  std::string raw = html.substr(start, html.find("</script>", start) - start);
  EXPECT_EQ(raw.find_first_of("<>&"), std::string::npos);
  EXPECT_EQ(raw.find("\xE2\x80\xA8"), std::string::npos);
  EXPECT_EQ(raw.find("\xE2\x80\xA9"), std::string::npos);
  EXPECT_NE(raw.find("\\u003cimg src=x onerror=alert(1)\\u003e"), std::string::npos);
  // ... and it parses back to exactly the names in the file.
  json data = EmbeddedData(html);
  json file = json::parse(ReadFile(SourcePath(kHostile)));
  for (size_t i = 0; i < file["systems"].size(); ++i) {
    EXPECT_EQ(data["systems"][i]["name"], file["systems"][i]["name"]);
    EXPECT_EQ(data["systems"][i]["owner"], file["systems"][i]["owner"]);
  }
  EXPECT_EQ(data["name"], file["name"]);
  // The title is escaped where it is markup; the template slots in names stayed text.
  EXPECT_NE(html.find("<title>Hostile names &lt;img src=x onerror=alert(1)&gt;"),
            std::string::npos);
  EXPECT_NE(raw.find("{{DATA}} {{JS}}"), std::string::npos);
}

// Cluster labels come from owners and domains: hostile ones stay text in the diagram too.
TEST(Report, HostileClusterLabelsStayText) {
  for (const char* cluster : {"owner", "domain", "kind"}) {
    std::string html = MakeReport(kHostile, {"--cluster", cluster});
    EXPECT_EQ(CountOf(html, "<img"), 0u) << cluster;
    EXPECT_EQ(CountOf(html, "<style"), 1u) << cluster;
    EXPECT_EQ(CountOf(html, "<svg"), 3u) << cluster;  // the diagram, overview, Gantt chart
    EXPECT_EQ(CountOf(html, "<script"), 2u) << cluster;
  }
}

// Control characters (tests/data/control_chars.json): the page holds none raw (the title and
// diagram show them as \xNN, the data as \u escapes), and the data parses back exact.
TEST(Report, ControlCharactersStayOutOfThePage) {
  const std::string fixture = "tests/data/control_chars.json";
  std::string html = MakeReport(fixture);
  ASSERT_FALSE(html.empty());
  for (size_t i = 0; i < html.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(html[i]), next = html[i + 1];
    EXPECT_TRUE(c >= 0x20 || c == '\n' || c == '\t') << "byte " << int(c) << " at " << i;
    EXPECT_FALSE(c == 0x7f || (c == 0xc2 && next >= 0x80 && next <= 0x9f)) << "at " << i;
  }
  EXPECT_NE(html.find("<title>Control \\x01 \\x1b[31mRED\\x1b[0m \\x00 end</title>"),
            std::string::npos);
  EXPECT_NE(html.find(">before\\x00after<"), std::string::npos);  // in the diagram
  json data = EmbeddedData(html);
  json file = json::parse(ReadFile(SourcePath(fixture)));
  EXPECT_EQ(data["name"], file["name"]);
  for (size_t i = 0; i < file["systems"].size(); ++i) {
    EXPECT_EQ(data["systems"][i]["name"], file["systems"][i]["name"]);
    EXPECT_EQ(data["systems"][i]["vendor"], file["systems"][i].value("vendor", ""));
  }
  // The diagram inside the page is well-formed XML too.
  size_t start = html.find("<svg"), end = html.find("</svg>");
  ASSERT_NE(start, std::string::npos);
  std::string dir = TempDir();
  std::ofstream(dir + "/inline.svg", std::ios::binary) << html.substr(start, end + 6 - start);
  EXPECT_EQ(std::system(("/usr/bin/python3 -c 'import sys, xml.etree.ElementTree as E; "
                         "E.parse(sys.argv[1])' " +
                         dir + "/inline.svg")
                            .c_str()),
            0);
}

TEST(Report, EscapeJsonForScript) {
  std::string text = "\"</script><!-- & \xE2\x80\xA8 \xE2\x80\xA9 \xC3\xB8 \x7f \xC2\x85\"";
  std::string escaped = viz::EscapeJsonForScript(text);
  EXPECT_EQ(escaped,
            "\"\\u003c/script\\u003e\\u003c!-- \\u0026 \\u2028 \\u2029 \xC3\xB8 \\u007f "
            "\\u0085\"");
  EXPECT_EQ(json::parse(escaped), json::parse(text));
}

TEST(Report, InlineSvgDropsPrologAndComments) {
  std::string svg =
      "<?xml version=\"1.0\"?>\n<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" "
      "\"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd\">\n<!-- Generated by graphviz -->\n"
      "<svg width=\"8pt\"><!-- a &#45;&#45;&gt; b --><g id=\"s0\"/></svg>\n";
  EXPECT_EQ(viz::InlineSvg(svg), "<svg width=\"8pt\"><g id=\"s0\"/></svg>\n");
  EXPECT_EQ(viz::InlineSvg("no svg here"), "");
}

TEST(Report, LargeLandscapeGetsANoteInsteadOfADiagram) {
  Landscape l;
  for (int i = 0; i < 2001; ++i) {
    System s;
    s.id = "s" + std::to_string(i);
    l.AddSystem(s);
  }
  Graph graph(l);
  std::string html, error;
  ASSERT_TRUE(viz::BuildReport(graph, viz::ReportOptions{}, &html, &error)) << error;
  EXPECT_EQ(CountOf(html, "<svg"), 0u);
  EXPECT_NE(html.find("2001 systems: too many for one readable picture"), std::string::npos);
  EXPECT_EQ(EmbeddedData(html)["systems"].size(), 2001u);
  viz::ReportOptions bokmal;
  bokmal.language = viz::Language::kBokmal;
  ASSERT_TRUE(viz::BuildReport(graph, bokmal, &html, &error)) << error;
  EXPECT_NE(html.find("2001 systemer: for mange for én lesbar tegning"), std::string::npos);
}

// The page speaks bokmål by default: <html lang>, and the catalogue's translations travel in
// the data for the page's script (po/nb.po, e.g. "Overview" → "Oversikt"); --lang en: English,
// no translations.
TEST(Report, LanguageOfThePage) {
  std::string nb = MakeReport(kWorkshop);
  EXPECT_EQ(CountOf(nb, "<html lang=\"nb\">"), 1u);
  json data = EmbeddedData(nb);
  EXPECT_EQ(data["lang"], "nb");
  EXPECT_EQ(data["messages"]["Overview"], "Oversikt");
  EXPECT_EQ(data["messages"]["1 step away"], "1 steg unna");
  EXPECT_EQ(data["messages"]["Find a system"], "Finn et system");
  std::string en = MakeReport(kWorkshop, {"--lang", "en"});
  EXPECT_EQ(CountOf(en, "<html lang=\"en\">"), 1u);
  data = EmbeddedData(en);
  EXPECT_EQ(data["lang"], "en");
  EXPECT_TRUE(data["messages"].empty());
}

TEST(Report, OutputIsAtomic) {
  std::string dir = TempDir();
  std::string out = dir + "/report.html";
  {
    std::ofstream old(out);
    old << "the previous page";
  }
  // A file with errors leaves the previous page as it was.
  std::string broken = dir + "/broken.json";
  {
    std::ofstream f(broken);
    f << R"({"systems": [{"id": "a"}], "integrations": [{"from": "a", "to": "nowhere"}]})";
  }
  testing::CliResult failed = RunCli({"report", broken, "-o", out});
  EXPECT_EQ(failed.code, 2);
  EXPECT_EQ(ReadFile(out), "the previous page");
  // A folder that does not exist: an error, and no file.
  testing::CliResult missing =
      RunCli({"report", SourcePath(kWorkshop), "-o", dir + "/no/such/folder/r.html"});
  EXPECT_EQ(missing.code, 2);
  EXPECT_NE(missing.err.find("does not exist"), std::string::npos) << missing.err;
  // Success replaces the page and leaves no temporary file beside it.
  testing::CliResult ok = RunCli({"report", SourcePath(kWorkshop), "-o", out});
  EXPECT_EQ(ok.code, 0) << ok.err;
  EXPECT_EQ(ReadFile(out).rfind("<!DOCTYPE html>", 0), 0u);
  size_t files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    (void)entry;
    ++files;
  }
  EXPECT_EQ(files, 2u);  // broken.json and report.html
}

// Two runs of the program give the same page. (Real processes: Graphviz numbers clusters with
// a counter that lives as long as the process.)
TEST(Report, IsDeterministic) {
  std::vector<std::string> pages;
  for (int run = 0; run < 2; ++run) {
    // RunBinary runs in the test's temporary folder, emptied at each call: read at once.
    std::string out = TempDir() + "/report.html";
    testing::CliResult r = testing::RunBinary("report " + SourcePath(kWorkshop) + " -o " + out);
    ASSERT_EQ(r.code, 0) << r.err;
    pages.push_back(ReadFile(out));
  }
  const std::string &first = pages[0], &second = pages[1];
  ASSERT_FALSE(first.empty());
  size_t at = 0;
  while (at < first.size() && at < second.size() && first[at] == second[at]) ++at;
  EXPECT_EQ(first.size(), second.size());
  EXPECT_EQ(at, first.size()) << "first difference: " << first.substr(at > 80 ? at - 80 : 0, 200)
                              << "\n---\n"
                              << second.substr(at > 80 ? at - 80 : 0, 200);
}

TEST(Report, HelpHasAnExample) {
  testing::CliResult r = RunCli({"report", "--help"});
  EXPECT_EQ(r.code, 0);
  EXPECT_NE(r.out.find("landskap report datasets/oygarden-2020.json -o"), std::string::npos);
}

}  // namespace
}  // namespace landskap
