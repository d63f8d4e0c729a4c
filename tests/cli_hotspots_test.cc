// landskap hotspots from the command line: sections, formats, options and exit codes.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
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
        "Single points of failure (articulation points)", "Bridges:", "Most between (brokers)",
        "Exact: shortest routes from every one of the 5 systems.", "Largest fan-in/fan-out"})
    EXPECT_NE(r.out.find(heading), std::string::npos) << heading << "\n" << r.out;
  // fjell.ip cuts off 2 systems into 3 parts and is ranked before fjell.sak-arkiv (1).
  EXPECT_LT(r.out.find("fjell.ip  "), r.out.find("fjell.sak-arkiv  "));
  EXPECT_EQ(r.out.find("Routes towards"), std::string::npos);
}

TEST(CliHotspotsTest, JsonCarriesHandComputedAnswers) {
  auto r = RunCli({"hotspots", WriteLandscape(), "--format", "json", "--towards", "nav"});
  ASSERT_EQ(r.code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
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
            "dependents_towards_nav,route_to_nav_through");
  EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 6);
  EXPECT_NE(r.out.find("folkeregisteret,,,0.000000,0.00000000,,1,0,1,0,1,0,fjell.sak-arkiv > "
                       "fjell.ip\n"),
            std::string::npos)
      << r.out;
  r = RunCli({"hotspots", WriteLandscape(), "--format", "csv", "--top", "2"});
  EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 3);
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
  EXPECT_NE(r.out.find("Routes towards nav (dominators): 4 systems have a route to nav"),
            std::string::npos)
      << r.out;
  EXPECT_EQ(RunBinary("hotspots " + file + " --towards naw").code, 2);
  std::filesystem::remove(file);
}

}  // namespace
}  // namespace landskap
