// landskap render: formats by extension, options, usage errors, and output that is written
// completely or not at all.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "tests/test_support.h"
#include "viz/graphviz.h"
#include "viz/palette.h"

namespace landskap {
namespace {

namespace fs = std::filesystem;

const char* kLandscape = R"JSON({
  "format": "landskap/1", "name": "Two municipalities",
  "keys": ["kommunenummer"],
  "changes": [{"key": "kommunenummer", "from": "1246", "to": "4626"}],
  "systems": [
    {"id": "folkeregisteret", "kind": "national", "owner": "Skatteetaten",
     "keys": ["kommunenummer"]},
    {"id": "fjell.sak", "name": "Sak/arkiv (Fjell)", "kind": "municipal", "owner": "1246",
     "keys": ["kommunenummer"]},
    {"id": "fjell.gis", "kind": "municipal", "owner": "1246"},
    {"id": "bergen.sak", "kind": "municipal", "owner": "4601", "keys": ["kommunenummer"]},
    {"id": "bergen.arkiv", "kind": "municipal", "owner": "4601"}
  ],
  "integrations": [
    {"from": "folkeregisteret", "to": "fjell.sak", "carries": ["kommunenummer"]},
    {"from": "folkeregisteret", "to": "bergen.sak", "carries": ["kommunenummer"]},
    {"from": "fjell.sak", "to": "fjell.gis", "carries": ["kommunenummer"]},
    {"from": "bergen.sak", "to": "bergen.arkiv", "carries": ["kommunenummer"]},
    {"from": "fjell.sak", "to": "bergen.arkiv"}
  ]
})JSON";

std::string WriteLandscape(const std::string& dir) {
  std::string path = dir + "/landscape.json";
  std::ofstream(path) << kLandscape;
  return path;
}

viz::DotGraph ReadDotFile(const std::string& path) {
  viz::DotGraph dot;
  std::string error;
  EXPECT_TRUE(viz::ReadDot(testing::ReadFile(path), &dot, &error)) << error;
  return dot;
}

TEST(CliRender, ExtensionPicksTheFormat) {
  std::string dir = testing::TempDir();
  std::string input = WriteLandscape(dir);
  for (const char* ext : {"svg", "png", "pdf", "dot"}) {
    std::string out = dir + "/picture." + ext;
    auto r = testing::RunCli({"render", input, "-o", out});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(r.out, "");
    std::string content = testing::ReadFile(out);
    std::string start = content.substr(0, 8);
    std::string format = ext;
    if (format == "svg") {
      EXPECT_EQ(start.substr(0, 5), "<?xml");
    } else if (format == "png") {
      EXPECT_EQ(start, std::string("\x89PNG\r\n\x1a\n", 8));
    } else if (format == "pdf") {
      EXPECT_EQ(start.substr(0, 5), "%PDF-");
    } else {
      EXPECT_EQ(ReadDotFile(out).nodes.size(), 5u);
    }
  }
}

TEST(CliRender, ImpactColoursWhatImpactReports) {
  std::string dir = testing::TempDir();
  std::string input = WriteLandscape(dir);
  auto impact = testing::RunCli({"impact", input, "--key", "kommunenummer", "--format", "json"});
  ASSERT_EQ(impact.code, 0) << impact.err;
  std::set<std::string> expected;
  nlohmann::json reported = nlohmann::json::parse(impact.out);
  for (const auto& a : reported["affected"]) expected.insert(a["id"].get<std::string>());
  // By hand: 1246 changes; folkeregisteret (shared) and fjell.sak hold the key, fjell.gis
  // receives it; Bergen's systems keep their number.
  EXPECT_EQ(expected, (std::set<std::string>{"folkeregisteret", "fjell.sak", "fjell.gis"}));
  auto r =
      testing::RunCli({"render", input, "--impact", "kommunenummer", "-o", dir + "/impact.dot"});
  ASSERT_EQ(r.code, 0) << r.err;
  std::set<std::string> coloured;
  for (const auto& n : ReadDotFile(dir + "/impact.dot").nodes) {
    auto fill = n.attributes.find("fillcolor");
    if (fill != n.attributes.end() && fill->second != viz::kUnaffectedFill) coloured.insert(n.name);
  }
  EXPECT_EQ(coloured, expected);
}

TEST(CliRender, SystemAndFocus) {
  std::string dir = testing::TempDir();
  std::string input = WriteLandscape(dir);
  auto r = testing::RunCli({"render", input, "--focus", "fjell.sak", "-o", dir + "/f.dot"});
  ASSERT_EQ(r.code, 0) << r.err;
  std::set<std::string> names;
  for (const auto& n : ReadDotFile(dir + "/f.dot").nodes) names.insert(n.name);
  EXPECT_EQ(names,
            (std::set<std::string>{"folkeregisteret", "fjell.sak", "fjell.gis", "bergen.arkiv"}));
  r = testing::RunCli({"render", input, "--system", "bergen.sak", "-o", dir + "/s.dot"});
  ASSERT_EQ(r.code, 0) << r.err;
  size_t coloured = 0;
  for (const auto& n : ReadDotFile(dir + "/s.dot").nodes) {
    auto fill = n.attributes.find("fillcolor");
    coloured += fill != n.attributes.end() && fill->second != viz::kUnaffectedFill;
  }
  EXPECT_EQ(coloured, 2u);  // bergen.sak and its consumer bergen.arkiv
}

TEST(CliRender, PlanDrawsTheAffectedSystemsInWaves) {
  std::string dir = testing::TempDir();
  std::string input = WriteLandscape(dir);
  auto r = testing::RunCli(
      {"render", input, "--impact", "kommunenummer", "--plan", "-o", dir + "/plan.dot"});
  ASSERT_EQ(r.code, 0) << r.err;
  std::set<std::string> names;
  for (const auto& n : ReadDotFile(dir + "/plan.dot").nodes) names.insert(n.name);
  // The three affected systems form a chain: one per wave.
  EXPECT_EQ(names, (std::set<std::string>{"folkeregisteret", "fjell.sak", "fjell.gis"}));
  std::vector<std::string> expected = {"cluster_wave_1", "rank_wave_1",    "cluster_wave_2",
                                       "rank_wave_2",    "cluster_wave_3", "rank_wave_3"};
  std::vector<std::string> subgraphs = ReadDotFile(dir + "/plan.dot").subgraphs;
  std::sort(subgraphs.begin(), subgraphs.end());
  std::sort(expected.begin(), expected.end());
  EXPECT_EQ(subgraphs, expected);
}

TEST(CliRender, UsageErrorsWriteNothing) {
  std::string dir = testing::TempDir();
  std::string input = WriteLandscape(dir);
  struct Case {
    std::vector<std::string> args;
    std::string message;
  };
  std::vector<Case> cases = {
      {{"-o", dir + "/x.gif"}, "no format ends in .gif; render writes svg (.svg), png (.png)"},
      {{"-o", dir + "/picture"}, "cannot tell the format from '" + dir + "/picture'"},
      {{}, "name the picture to write, e.g. -o landscape.svg"},
      {{"-o", dir + "/x.svg", "--cluster", "vendor"}, "unknown --cluster 'vendor'"},
      {{"-o", dir + "/x.svg", "--layout", "circo"}, "unknown --layout 'circo'"},
      {{"-o", dir + "/x.svg", "--hops", "-1"}, "--hops takes a whole number, 0 or more, not '-1'"},
      {{"-o", dir + "/x.svg", "--impact", "kommunenumer"},
       "--key 'kommunenumer' is not used in " + input + " (did you mean 'kommunenummer'?)"},
      {{"-o", dir + "/x.svg", "--focus", "fjell.saks"}, "--focus 'fjell.saks' is not a system"},
      {{"-o", dir + "/x.svg", "--owner", "1246"}, "--owner and --through-all go with --key K"},
      {{"-o", dir + "/x.svg", "--diff", input, "--collapse", "owner"},
       "--diff colours systems and --collapse draws groups; choose one"},
      {{"-o", dir + "/x.svg", "--diff", input, "--gantt"},
       "--diff colours the picture by the changes; leave out --key, --system, --plan and --gantt"},
  };
  for (const Case& c : cases) {
    std::vector<std::string> args = {"render", input};
    args.insert(args.end(), c.args.begin(), c.args.end());
    auto r = testing::RunCli(args);
    EXPECT_EQ(r.code, 2) << c.message;
    EXPECT_NE(r.err.find(c.message), std::string::npos) << r.err;
  }
  EXPECT_FALSE(fs::exists(dir + "/x.svg"));
  EXPECT_FALSE(fs::exists(dir + "/x.gif"));
}

TEST(CliRender, FailedRunLeavesTheOldFileAndNoTemporaryFiles) {
  std::string dir = testing::TempDir();
  std::string input = WriteLandscape(dir);
  std::string out = dir + "/keep.svg";
  std::ofstream(out) << "old picture";
  auto r = testing::RunCli({"render", input, "--focus", "nowhere", "-o", out});
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(testing::ReadFile(out), "old picture");
  r = testing::RunCli({"render", input, "-o", dir + "/missing/folder/x.svg"});
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("does not exist"), std::string::npos) << r.err;
  r = testing::RunCli({"render", input, "-o", out});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(testing::ReadFile(out).substr(0, 5), "<?xml");
  for (const auto& entry : fs::directory_iterator(dir))
    EXPECT_NE(entry.path().filename().string()[0], '.') << entry.path();
}

TEST(CliRender, HostileNamesThroughTheRealBinary) {
  std::string dir = testing::TempDir();
  auto r = testing::RunBinary("render " + testing::SourcePath("tests/data/hostile.json") +
                              " --impact kommunenummer --edge-labels -o " + dir + "/h.svg");
  ASSERT_EQ(r.code, 0) << r.err;
  // Graphviz's own messages ("Warning: ...", "Error: ...") do not reach the terminal. (Under
  // the asan preset, LeakSanitizer may add its list of suppressions to stderr.)
  EXPECT_EQ(r.err.find("Warning"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("Error"), std::string::npos) << r.err;
  std::string svg = testing::ReadFile(dir + "/h.svg");
  EXPECT_EQ(svg.find("<script"), std::string::npos);
  int parsed = std::system(("/usr/bin/python3 -c 'import sys, xml.etree.ElementTree as E; "
                            "E.parse(sys.argv[1])' " +
                            dir + "/h.svg")
                               .c_str());
  EXPECT_EQ(parsed, 0);
}

// Control characters in names, owners and the landscape's name (the title): every format is
// written with exit 0 and nothing on stderr (before, Graphviz's XML parser failed on the title
// and echoed ESC to the terminal, and cairo printed "out of memory" for the PDF).
TEST(CliRender, ControlCharactersThroughTheRealBinary) {
  std::string dir = testing::TempDir();
  std::string file = testing::SourcePath("tests/data/control_chars.json");
  for (const std::string format : {"svg", "png", "pdf", "dot"}) {
    auto r = testing::RunBinary("render " + file + " --impact kommunenummer --edge-labels -o " +
                                dir + "/c." + format);
    EXPECT_EQ(r.code, 0) << format << r.err;
    EXPECT_EQ(r.err.find_first_not_of(" \n"), std::string::npos) << format << r.err;
    EXPECT_GT(fs::file_size(dir + "/c." + format), 100u) << format;
  }
  std::string svg = testing::ReadFile(dir + "/c.svg");
  EXPECT_NE(svg.find("before\\x00after"), std::string::npos);
  int parsed = std::system(("/usr/bin/python3 -c 'import sys, xml.etree.ElementTree as E; "
                            "n = sum(1 for g in E.parse(sys.argv[1]).iter() "
                            "if (g.get(\"class\") or \"\").startswith(\"node\")); "
                            "sys.exit(0 if n == 7 else 1)' " +
                            dir + "/c.svg")
                               .c_str());
  EXPECT_EQ(parsed, 0) << "not well-formed XML, or not 7 nodes";
  EXPECT_EQ(ReadDotFile(dir + "/c.dot").nodes.size(), 7u);
}

TEST(CliRender, HelpHasAnExample) {
  auto r = testing::RunCli({"render", "--help"});
  EXPECT_EQ(r.code, 0);
  EXPECT_NE(r.out.find("landskap render datasets/oygarden-2020.json --key kommunenummer"),
            std::string::npos);
}

}  // namespace
}  // namespace landskap
