// landskap hotspots from the command line: sections, formats, options and exit codes.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>

#include "tests/test_support.h"

namespace landskap {
namespace {

using testing::ReadFile;
using testing::RunBinary;
using testing::RunCli;
using testing::TempDir;

// Folkeregisteret feeds Fjell's sak/arkiv, which sends to NAV through the integration platform;
// Sund's sak/arkiv uses the same platform:
//   folkeregisteret -> fjell.sak-arkiv -> fjell.ip -> nav,   sund.sak-arkiv -> fjell.ip
// By hand: undirected this is a tree, so every integration is a bridge (the smaller sides:
// fr->sak 1, sak->ip 2, sund->ip 1, ip->nav 1). fjell.ip splits it into {fr, sak}, {sund}, {nav}
// (3 parts, 2 systems outside the largest); fjell.sak-arkiv into {fr} and the rest (1).
// Betweenness: fjell.ip lies on fr->nav, sak->nav, sund->nav (3); fjell.sak-arkiv on fr->ip and
// fr->nav (2). Towards nav: fjell.ip carries 3 dependents, fjell.sak-arkiv 1 (folkeregisteret).
// What an outage breaks (downstream; weights critical 8, high 4, else 1): folkeregisteret
// breaks sak-arkiv (high), ip and nav: 3 systems, 0 critical, weight 6; fjell.sak-arkiv and
// sund.sak-arkiv break ip and nav (2, weight 2; by id); fjell.ip breaks nav (1, weight 1).
const char* kLandscape = R"json({
  "format": "landskap/1",
  "name": "Fjell og Sund",
  "systems": [
    {"id": "folkeregisteret", "kind": "national", "criticality": "critical"},
    {"id": "fjell.sak-arkiv", "name": "Sak/arkiv (Fjell)", "owner": "1246", "criticality": "high"},
    {"id": "fjell.ip", "name": "Integrasjonsplattform", "owner": "1246"},
    {"id": "sund.sak-arkiv", "owner": "1245"},
    {"id": "nav", "kind": "national"}
  ],
  "integrations": [
    {"id": "fr-fjell", "from": "folkeregisteret", "to": "fjell.sak-arkiv"},
    {"id": "fjell-ip", "from": "fjell.sak-arkiv", "to": "fjell.ip"},
    {"id": "sund-ip", "from": "sund.sak-arkiv", "to": "fjell.ip"},
    {"id": "ip-nav", "from": "fjell.ip", "to": "nav"}
  ]
})json";

std::string WriteLandscape() {
  std::string path = TempDir() + "/fjell.json";
  std::ofstream(path) << kLandscape;
  return path;
}

TEST(CliHotspotsTest, HelpHasAnExample) {
  auto r = RunCli({"hotspots", "--help"});
  EXPECT_EQ(r.code, 0);
  EXPECT_NE(r.out.find("Example:"), std::string::npos);
  EXPECT_NE(r.out.find("--towards"), std::string::npos);
}

TEST(CliHotspotsTest, TableHasEverySection) {
  auto r = RunCli({"hotspots", WriteLandscape()});
  ASSERT_EQ(r.code, 0) << r.err;
  for (const char* heading :
       {"Weak points of Fjell og Sund: 5 systems, 4 integrations, 1 connected group.",
        "What an outage breaks:",
        "If folkeregisteret fails, 3 systems lose data, 0 of them critical.",
        "Single points of failure:", "The only link:", "Routes pass through:",
        "Exact: shortest routes from every one of the 5 systems.",
        "Most integrations (fan-in/fan-out)"})
    EXPECT_NE(r.out.find(heading), std::string::npos) << heading << "\n" << r.out;
  // What an outage breaks comes first.
  EXPECT_LT(r.out.find("What an outage breaks:"), r.out.find("Single points of failure:"));
  // fjell.ip cuts off 2 systems into 3 parts and is ranked before fjell.sak-arkiv (1).
  const size_t points = r.out.find("Single points of failure:");
  EXPECT_LT(r.out.find("fjell.ip  ", points), r.out.find("fjell.sak-arkiv  ", points));
  EXPECT_EQ(r.out.find("Every route to"), std::string::npos);
}

TEST(CliHotspotsTest, JsonCarriesHandComputedAnswers) {
  auto r = RunCli({"hotspots", WriteLandscape(), "--format", "json", "--towards", "nav"});
  ASSERT_EQ(r.code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["outage"]["exact"], true);
  EXPECT_EQ(j["outage"]["ranking"], nlohmann::json::parse(R"j([
    {"id": "folkeregisteret", "name": "", "lose_data": 3, "critical": 0, "weight": 6},
    {"id": "fjell.sak-arkiv", "name": "Sak/arkiv (Fjell)", "lose_data": 2, "critical": 0,
     "weight": 2},
    {"id": "sund.sak-arkiv", "name": "", "lose_data": 2, "critical": 0, "weight": 2},
    {"id": "fjell.ip", "name": "Integrasjonsplattform", "lose_data": 1, "critical": 0,
     "weight": 1}])j"));
  EXPECT_EQ(j["articulation_points"][0]["id"], "fjell.ip");
  EXPECT_EQ(j["articulation_points"][0]["cut_off"], 2);
  EXPECT_EQ(j["articulation_points"][0]["parts"], 3);
  EXPECT_EQ(j["articulation_points"][1]["id"], "fjell.sak-arkiv");
  EXPECT_EQ(j["articulation_points"][1]["cut_off"], 1);
  EXPECT_EQ(j["bridges"].size(), 4u);
  EXPECT_EQ(j["bridges"][0]["id"], "fjell-ip");
  EXPECT_EQ(j["bridges"][0]["cut_off"], 2);
  EXPECT_EQ(j["betweenness"]["exact"], true);
  EXPECT_EQ(j["betweenness"]["samples"], 5);
  EXPECT_TRUE(j["betweenness"]["seed"].is_null());
  EXPECT_EQ(j["betweenness"]["ranking"][0]["id"], "fjell.ip");
  EXPECT_EQ(j["betweenness"]["ranking"][0]["score"], 3.0);
  EXPECT_EQ(j["betweenness"]["ranking"][1]["score"], 2.0);
  EXPECT_EQ(j["fan"][0]["id"], "fjell.ip");
  EXPECT_EQ(j["fan"][0]["fan_in"], 2);
  EXPECT_EQ(j["dominators"]["towards"], "nav");
  EXPECT_EQ(j["dominators"]["reaching"], 4);
  EXPECT_EQ(j["dominators"]["ranking"][0]["id"], "fjell.ip");
  EXPECT_EQ(j["dominators"]["ranking"][0]["dependents"], 3);
  // Routes are ranked by criticality: folkeregisteret (critical) first.
  EXPECT_EQ(j["dominators"]["routes"][0]["id"], "folkeregisteret");
  EXPECT_EQ(j["dominators"]["routes"][0]["through"],
            nlohmann::json::array({"fjell.sak-arkiv", "fjell.ip"}));
}

TEST(CliHotspotsTest, FromShowsOneRoute) {
  auto r = RunCli({"hotspots", WriteLandscape(), "--towards", "nav", "--from", "fjell.sak-arkiv"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("Every route from fjell.sak-arkiv to nav goes through fjell.ip."),
            std::string::npos)
      << r.out;
  r = RunCli({"hotspots", WriteLandscape(), "--towards", "sund.sak-arkiv", "--from", "nav"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("nav has no route to sund.sak-arkiv."), std::string::npos) << r.out;
}

TEST(CliHotspotsTest, SampledRunStatesSampleAndSeed) {
  auto r = RunCli({"hotspots", WriteLandscape(), "--samples", "2", "--seed", "42"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("Sampled: shortest routes from 2 of 5 systems chosen at random (seed 42)"),
            std::string::npos)
      << r.out;
  auto j = nlohmann::json::parse(
      RunCli({"hotspots", WriteLandscape(), "--samples", "2", "--seed", "42", "--format", "json"})
          .out);
  EXPECT_EQ(j["betweenness"]["exact"], false);
  EXPECT_EQ(j["betweenness"]["samples"], 2);
  EXPECT_EQ(j["betweenness"]["seed"], 42);
}

TEST(CliHotspotsTest, CsvHasOneRowPerSystemAndTopLimits) {
  auto r = RunCli({"hotspots", WriteLandscape(), "--format", "csv", "--towards", "nav"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out.substr(0, r.out.find('\n')),
            "id,name,owner,betweenness,share,cut_off,bridges,fan_in,fan_out,providers,consumers,"
            "dependents_towards_nav,route_to_nav_through,outage_lose_data,outage_critical,"
            "outage_weight");
  EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 6);
  EXPECT_NE(r.out.find("folkeregisteret,,,0.000000,0.00000000,,1,0,1,0,1,0,fjell.sak-arkiv > "
                       "fjell.ip,3,0,6\n"),
            std::string::npos)
      << r.out;
  r = RunCli({"hotspots", WriteLandscape(), "--format", "csv", "--top", "2"});
  EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 3);
}

// The bundled merger: the integration platforms are near the top of what an outage breaks.
// The numbers were checked with networkx.descendants on the file (docs/hotspots.md):
// plattform.integrasjon breaks 123 systems, 17 of them critical; fjell.integrasjon 94 and 15.
TEST(CliHotspotsTest, MergerIntegrationPlatformsBreakTheMost) {
  auto r = RunCli({"hotspots", testing::SourcePath("datasets/oygarden-2020.json"), "--format",
                   "json", "--top", "10"});
  ASSERT_EQ(r.code, 0) << r.err;
  auto ranking = nlohmann::json::parse(r.out)["outage"]["ranking"];
  ASSERT_EQ(ranking.size(), 10u);
  std::map<std::string, std::pair<int, int>> top;
  for (const auto& x : ranking) top[x["id"]] = {x["lose_data"], x["critical"]};
  EXPECT_EQ(top["plattform.integrasjon"], std::make_pair(123, 17));
  EXPECT_EQ(top["fjell.integrasjon"], std::make_pair(94, 15));
  EXPECT_EQ(ranking[0]["id"], "folkeregisteret");
  EXPECT_EQ(ranking[0]["lose_data"], 155);
}

TEST(CliHotspotsTest, WritesOutputFile) {
  std::string out = TempDir() + "/hotspots.json";
  auto r = RunCli({"hotspots", WriteLandscape(), "--format", "json", "-o", out});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_TRUE(r.out.empty());
  EXPECT_EQ(nlohmann::json::parse(ReadFile(out))["summary"]["systems"], 5);
}

TEST(CliHotspotsTest, UnknownTowardsSuggestsAndExits2) {
  const std::string file = WriteLandscape();
  auto r = RunCli({"hotspots", file, "--towards", "naw"});
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("--towards 'naw' is not a system in " + file + " (did you mean 'nav'?)"),
            std::string::npos)
      << r.err;
  r = RunCli({"hotspots", WriteLandscape(), "--towards", "nav", "--from", "fjell.sak-arkiw"});
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("did you mean 'fjell.sak-arkiv'?"), std::string::npos) << r.err;
}

TEST(CliHotspotsTest, BadUsageExits2) {
  const std::string file = WriteLandscape();
  for (const auto& args : std::vector<std::vector<std::string>>{
           {"hotspots"},
           {"hotspots", file, "--format", "markdown"},
           {"hotspots", file, "--from", "nav"},
           {"hotspots", file, "--towards", "nav", "--from", "nav"},
           {"hotspots", file, "--samples", "0"},
           {"hotspots", file, "--samples", "5", "--exact"},
           {"hotspots", file, "--top", "-1"},
           {"hotspots", file, "--seed", "x1"},
           {"hotspots", TempDir() + "/missing.json"}}) {
    auto r = RunCli(args);
    EXPECT_EQ(r.code, 2) << args.back();
    EXPECT_FALSE(r.err.empty()) << args.back();
    EXPECT_TRUE(r.out.empty()) << args.back();
  }
}

// The examples in --help and docs/hotspots.md run on the bundled dataset.
TEST(CliHotspotsTest, HelpExamplesRunOnTheDataset) {
  const std::string file = testing::SourcePath("datasets/oygarden-2020.json");
  auto r = RunCli({"hotspots", file});
  EXPECT_EQ(r.code, 0) << r.err;
  r = RunCli({"hotspots", file, "--towards", "ssb.kostra", "--from", "askoy.nav-sosial"});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("Every route from askoy.nav-sosial to ssb.kostra goes through"),
            std::string::npos)
      << r.out;
}

TEST(CliHotspotsTest, RealBinaryRuns) {
  // RunBinary empties the test's temporary folder, so the file lives one level up.
  const std::string file = TempDir() + "-fjell.json";
  std::ofstream(file) << kLandscape;
  auto r = RunBinary("hotspots " + file + " --towards nav");
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("Every route to nav passes through (dominators): 4 systems have a route "
                       "to nav"),
            std::string::npos)
      << r.out;
  EXPECT_EQ(RunBinary("hotspots " + file + " --towards naw").code, 2);
  std::filesystem::remove(file);
}

}  // namespace
}  // namespace landskap
