// End-to-end tests of the landskap binary: exit codes, messages, JSON shape, golden tables,
// atomic output. Known answers for tests/data/scope.json are computed by hand below.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "tests/test_support.h"

namespace landskap {
namespace {

using testing::ReadFile;
using testing::RunBinary;
using testing::RunCli;
using testing::SourcePath;

const std::string kScope = SourcePath("tests/data/scope.json");

// Compares with tests/golden/NAME; LANDSKAP_UPDATE_GOLDEN=1 rewrites the file and fails the test
// (review the diff by eye before committing it; tests/golden_check_test.cc checks its numbers).
void ExpectGolden(const std::string& name, const std::string& actual) {
  if (testing::UpdateGolden(name, actual)) return;
  std::string path = SourcePath("tests/golden/" + name);
  EXPECT_EQ(actual, ReadFile(path))
      << "golden file " << path << " differs; rerun with LANDSKAP_UPDATE_GOLDEN=1 to update";
}

TEST(Cli, NoArgumentsShowsTheCommandsAndFails) {
  auto r = RunCli({});
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("impact"), std::string::npos);
}

TEST(Cli, HelpListsCommandsAndSucceeds) {
  auto r = RunCli({"--help"});
  EXPECT_EQ(r.code, 0);
  EXPECT_NE(r.out.find("validate"), std::string::npos);
  EXPECT_NE(r.out.find("Exit codes"), std::string::npos);
}

TEST(Cli, UnknownCommandSuggestsTheNearest) {
  auto r = RunCli({"impakt", kScope});
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.err,
            "landskap: error: 'impakt' is not a landskap command (did you mean 'impact'?)\n"
            "Run 'landskap --help' for the list of commands.\n");
}

TEST(Cli, EverySubcommandHasHelpWithAnExample) {
  for (const char* command : {"validate", "stats", "impact"}) {
    auto r = RunCli({command, "--help"});
    EXPECT_EQ(r.code, 0) << command;
    EXPECT_NE(r.out.find("Usage: landskap " + std::string(command)), std::string::npos) << command;
    EXPECT_NE(r.out.find("Example:\n  landskap " + std::string(command)), std::string::npos)
        << command;
  }
}

TEST(Cli, ValidateOk) {
  auto r = RunCli({"validate", kScope});
  EXPECT_EQ(r.code, 0) << r.err;
  // The file changes 1246 to 4626, a number no municipality had before 2020: a renumbering.
  EXPECT_EQ(r.out,
            "OK: 8 systems, 7 integrations\n"
            "Reform (kommunenummer): 1246 Fjell gets the number 4626 on 1 Jan 2020.\n");
  EXPECT_EQ(r.err, "");
}

TEST(Cli, ValidateReportsAllErrorsWithExitCode2) {
  std::string dir = testing::TempDir();
  std::string path = dir + "/bad.json";
  std::ofstream(path) << R"({"systems": [{"id": "a"}, {"id": "a"}],
    "integrations": [{"from": "a", "to": "b"}]})";
  auto r = RunBinary("validate " + path);
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, path +
                       ": /systems/1/id: error: duplicate system id 'a' (first defined at "
                       "/systems/0)\n" +
                       path +
                       ": /integrations/0/to: error: unknown system 'b'; it must be the "
                       "id of a system in /systems\n" +
                       path + ": 2 errors; nothing was analysed.\n");
}

TEST(Cli, SyntaxErrorHasLineAndColumn) {
  std::string dir = testing::TempDir();
  std::string path = dir + "/broken.json";
  std::ofstream(path) << "{\n  \"systems\": [\n    {\"id\": \"a\"\n  ]\n}\n";
  auto r = RunBinary("validate " + path);
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.err.rfind(path + ":4:3: error: syntax error", 0), 0u) << r.err;
}

TEST(Cli, BinaryAndEmptyAndMissingFilesAreClearErrors) {
  std::string dir = testing::TempDir();
  std::ofstream(dir + "/empty.json") << "";
  std::ofstream(dir + "/binary.json", std::ios::binary) << std::string(
      "\x7f"
      "ELF\x02\x01\x01\0\0\0",
      10);
  for (std::string name : {"empty.json", "binary.json", "missing.json"}) {
    auto r = RunBinary("impact " + dir + "/" + name + " --key kommunenummer");
    EXPECT_EQ(r.code, 2) << name;
    EXPECT_EQ(r.err.rfind(dir + "/" + name + ":", 0), 0u) << r.err;
    EXPECT_NE(r.err.find("error: "), std::string::npos) << r.err;
  }
}

// Hand-computed (see tests/data/scope.json): Fjell (1246) changes, Askøy (1247) does not.
// Seeds, holding kommunenummer and in scope: folkeregisteret, matrikkelen (shared), fjell.gis,
// fjell.sak (1246). askoy.gis holds it but is out of scope. fjell.sak sends its own numbers to
// askoy.sak (1), fjell.gis sends them to the shared bir.renovasjon (1). matrikkelen → askoy.gis
// is not passed on. fjell.pleie only receives fnr.
// Ranking: critical (folkeregisteret, matrikkelen), high (fjell.sak 0, askoy.sak 1),
// medium (fjell.gis), low (bir.renovasjon).
TEST(Cli, ImpactJsonHasTheContractFieldsAndTheHandComputedAnswer) {
  auto r = RunCli({"impact", kScope, "--key", "kommunenummer", "--format", "json"});
  ASSERT_EQ(r.code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  std::vector<std::string> ids;
  for (const auto& a : j["affected"]) {
    for (const char* field :
         {"id", "name", "owner", "criticality", "distance", "reason", "path", "via"})
      EXPECT_TRUE(a.contains(field)) << field;
    ids.push_back(a["id"]);
  }
  EXPECT_EQ(ids, (std::vector<std::string>{"folkeregisteret", "matrikkelen", "fjell.sak",
                                           "askoy.sak", "fjell.gis", "bir.renovasjon"}));
  EXPECT_EQ(j["affected"][3]["reason"], "receives-key");
  EXPECT_EQ(j["affected"][3]["distance"], 1);
  EXPECT_EQ(j["affected"][3]["path"], (nlohmann::json{"fjell.sak", "askoy.sak"}));
  EXPECT_EQ(j["affected"][3]["via"], (nlohmann::json{"fjell-sak-askoy-sak"}));
  std::vector<std::string> integrations;
  for (const auto& i : j["integrations"]) {
    EXPECT_TRUE(i.contains("from") && i.contains("to"));
    integrations.push_back(i["id"]);
  }
  EXPECT_EQ(integrations, (std::vector<std::string>{"fjell-gis-bir", "fjell-sak-askoy-sak",
                                                    "fr-fjell-sak", "matrikkel-fjell-gis"}));
  EXPECT_EQ(j["query"]["key"], "kommunenummer");
  EXPECT_EQ(j["summary"]["affected"], 6);
  EXPECT_EQ(j["summary"]["seeds"], 4);
  EXPECT_EQ(j["summary"]["scope"]["changing"], (nlohmann::json{"1246"}));
}

TEST(Cli, ThroughAllReachesTheFnrOnlyConsumer) {
  auto r =
      RunCli({"impact", kScope, "--key", "kommunenummer", "--through-all", "--format", "json"});
  ASSERT_EQ(r.code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  bool found = false;
  for (const auto& a : j["affected"]) {
    if (a["id"] != "fjell.pleie") continue;
    found = true;
    EXPECT_EQ(a["reason"], "depends-on");
    EXPECT_EQ(a["distance"], 1);
    EXPECT_EQ(a["path"], (nlohmann::json{"folkeregisteret", "fjell.pleie"}));
  }
  EXPECT_TRUE(found);
}

TEST(Cli, ImpactTableGolden) {
  auto r = RunCli({"impact", kScope, "--key", "kommunenummer"});
  ASSERT_EQ(r.code, 0) << r.err;
  ExpectGolden("impact_scope.txt", r.out);
}

TEST(Cli, ImpactSystemUpstreamGolden) {
  auto r = RunCli({"impact", kScope, "--system", "askoy.sak", "--direction", "both"});
  ASSERT_EQ(r.code, 0) << r.err;
  ExpectGolden("impact_askoy_both.txt", r.out);
}

TEST(Cli, ImpactCsvGolden) {
  auto r = RunCli({"impact", kScope, "--key", "kommunenummer", "--format", "csv"});
  ASSERT_EQ(r.code, 0) << r.err;
  ExpectGolden("impact_scope.csv", r.out);
}

TEST(Cli, StatsGolden) {
  auto r = RunCli({"stats", kScope});
  ASSERT_EQ(r.code, 0) << r.err;
  ExpectGolden("stats_scope.txt", r.out);
}

TEST(Cli, OutputIsByteIdenticalAcrossRuns) {
  auto a = RunBinary("impact " + kScope + " --key kommunenummer --through-all --format json");
  auto b = RunBinary("impact " + kScope + " --key kommunenummer --through-all --format json");
  EXPECT_EQ(a.code, 0);
  EXPECT_EQ(a.out, b.out);
}

TEST(Cli, OwnerOptionRescopes) {
  auto r =
      RunCli({"impact", kScope, "--key", "kommunenummer", "--owner", "1247", "--format", "json"});
  ASSERT_EQ(r.code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["summary"]["scope"]["changing"], (nlohmann::json{"1247"}));
  // Now askoy.gis is a seed and fjell's systems are not.
  std::set<std::string> ids;
  for (const auto& a : j["affected"]) ids.insert(a["id"]);
  EXPECT_TRUE(ids.count("askoy.gis"));
  EXPECT_FALSE(ids.count("fjell.sak"));
}

TEST(Cli, ChangeTableScopesAFileWithoutChanges) {
  std::string dir = testing::TempDir();
  nlohmann::json doc = nlohmann::json::parse(ReadFile(kScope));
  doc.erase("changes");
  std::ofstream(dir + "/nochanges.json") << doc.dump();
  std::ofstream(dir + "/table.csv")
      << "kommuner_2019;kommuner_2020;splittes\n1246 - Fjell;4626 - Øygarden;0\n";
  auto with_table = RunBinary("impact " + dir + "/nochanges.json --key kommunenummer --changes " +
                              dir + "/table.csv --format json");
  auto original = RunBinary("impact " + kScope + " --key kommunenummer --format json");
  ASSERT_EQ(with_table.code, 0) << with_table.err;
  auto a = nlohmann::json::parse(with_table.out), b = nlohmann::json::parse(original.out);
  EXPECT_EQ(a["affected"], b["affected"]);
  EXPECT_EQ(a["integrations"], b["integrations"]);
}

TEST(Cli, UsageErrorsExit2WithAHint) {
  struct Case {
    std::vector<std::string> args;
    std::string message;
  };
  std::vector<Case> cases = {
      {{"impact", kScope}, "say what changes: --key kommunenummer, or --system ID"},
      {{"impact", kScope, "--key", "kommunenumer"},
       "--key 'kommunenumer' is not used in " + kScope + " (did you mean 'kommunenummer'?)"},
      {{"impact", kScope, "--system", "fjell.sakk"},
       "--system 'fjell.sakk' is not a system in " + kScope + " (did you mean 'fjell.sak'?)"},
      {{"impact", kScope, "--key", "kommunenummer", "--direction", "sideways"},
       "unknown --direction 'sideways'; use down, up or both"},
      {{"impact", kScope, "--key", "kommunenummer", "--format", "xml"},
       "unknown --format 'xml'; use table, json, csv, xlsx or markdown"},
      {{"impact", kScope, "--key", "kommunenummer", "--owner", "Fjell"},
       "--owner 'Fjell' is not a kommunenummer"},
      {{"impact", kScope, "--key", "kommunenummer", "--bogus"}, "unrecognised option '--bogus'"},
      {{"impact"}, "name a landscape file"},
  };
  for (const Case& c : cases) {
    auto r = RunCli(c.args);
    EXPECT_EQ(r.code, 2) << c.message;
    EXPECT_NE(r.err.find(c.message), std::string::npos) << r.err;
    EXPECT_EQ(r.out, "");
  }
}

TEST(Cli, OutputFileIsWrittenWholeOrNotAtAll) {
  std::string dir = testing::TempDir();
  std::string out = dir + "/impact.json";
  auto ok = RunBinary("impact " + kScope + " --key kommunenummer --format json -o " + out);
  ASSERT_EQ(ok.code, 0) << ok.err;
  EXPECT_TRUE(nlohmann::json::accept(ReadFile(out)));
  // Invalid input: the earlier file stays as it was, and no temporary file is left behind.
  std::string before = ReadFile(out);
  std::ofstream(dir + "/bad.json") << "{";
  auto bad = RunBinary("impact " + dir + "/bad.json --key kommunenummer --format json -o " + out);
  EXPECT_EQ(bad.code, 2);
  EXPECT_EQ(ReadFile(out), before);
  // A folder that does not exist: a clear error, exit 2.
  auto nowhere =
      RunBinary("impact " + kScope + " --key kommunenummer -o " + dir + "/no/such/x.txt");
  EXPECT_EQ(nowhere.code, 2);
  EXPECT_NE(nowhere.err.find("does not exist"), std::string::npos) << nowhere.err;
  size_t files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    (void)entry;
    ++files;
  }
  EXPECT_EQ(files, 2u) << "only impact.json and bad.json";
}

TEST(Cli, CsvEscapesFieldsAndFormulas) {
  std::string dir = testing::TempDir();
  std::ofstream(dir + "/names.json") << R"json({"systems": [
    {"id": "a", "name": "=HYPERLINK(\"http://x\")", "keys": ["k"]},
    {"id": "b", "name": "Sak, arkiv \"ny\""}],
    "integrations": [{"from": "a", "to": "b", "carries": ["k"]}]})json";
  auto r = RunBinary("impact " + dir + "/names.json --key k --format csv");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out,
            "id,name,owner,criticality,distance,reason,path,via\n"
            "a,\"'=HYPERLINK(\"\"http://x\"\")\",,,0,holds-key,a,\n"
            "b,\"Sak, arkiv \"\"ny\"\"\",,,1,receives-key,a > b,a:b\n");
}

// Control bytes a terminal would obey: C0 other than a line break, DEL, and C1 as UTF-8
// (U+0080..U+009F). Returns the offsets found, for the failure message.
std::string RawControls(const std::string& text) {
  std::string found;
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    bool c1 = c == 0xc2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
              static_cast<unsigned char>(text[i + 1]) <= 0x9f;
    if ((c < 0x20 && c != '\n') || c == 0x7f || c1) found += std::to_string(i) + " ";
  }
  return found;
}

// tests/data/control_chars.json has ESC sequences, NUL, BEL, DEL, C1 controls, CR and tabs in
// names, owners, vendors, domains, protocols and the landscape's name. Tables, Markdown and CSV
// show them as \xNN, whole (not cut at a NUL); JSON keeps the exact strings as \u escapes.
TEST(Cli, ControlCharactersNeverReachTheTerminalRaw) {
  const std::string file = SourcePath("tests/data/control_chars.json");
  struct Case {
    std::vector<std::string> args;
    std::vector<std::string> shown;  // visible forms the output must hold
  };
  const std::string red = "\\x1b[31mRED\\x1b[0m", nul = "before\\x00after";
  const std::string vendor = "Ven\\x1b]0;title\\x07dor";
  const std::vector<Case> cases = {
      {{"impact", file, "--key", "kommunenummer"}, {red, nul, "Own\\x01er", "SOAP\\x1b[5m"}},
      {{"impact", file, "--key", "kommunenummer", "--format", "csv"}, {red, nul}},
      {{"plan", file, "--key", "kommunenummer"}, {vendor}},
      {{"plan", file, "--key", "kommunenummer", "--format", "markdown"}, {vendor}},
      {{"plan", file, "--key", "kommunenummer", "--format", "csv"}, {red, nul, vendor}},
      {{"hotspots", file}, {"Weak points of Control \\x01 " + red + " \\x00 end", nul}},
      {{"hotspots", file, "--format", "csv"}, {red, nul}},
      {{"impact", file, "--key", "kommunenummer", "--format", "json"},
       {"\\u001b[31mRED\\u001b[0m", "before\\u0000after", "del\\u007fete"}},
      {{"plan", file, "--key", "kommunenummer", "--format", "json"}, {"before\\u0000after"}},
      {{"hotspots", file, "--format", "json"}, {"before\\u0000after"}},
  };
  for (const Case& c : cases) {
    std::string what;
    for (const std::string& a : c.args) what += a == file ? "FILE " : a + " ";
    auto r = RunCli(c.args);
    ASSERT_EQ(r.code, 0) << what << r.err;
    EXPECT_EQ(RawControls(r.out), "") << what << "\n" << r.out;
    EXPECT_EQ(RawControls(r.err), "") << what << "\n" << r.err;
    for (const std::string& text : c.shown)
      EXPECT_NE(r.out.find(text), std::string::npos) << what << "lacks " << text << "\n" << r.out;
  }
  // JSON is exact: the NUL and ESC are in the strings a JSON reader gets.
  auto r = RunCli({"impact", file, "--key", "kommunenummer", "--format", "json"});
  nlohmann::json answer = nlohmann::json::parse(r.out);
  std::set<std::string> names;
  for (const auto& a : answer["affected"]) names.insert(a["name"].get<std::string>());
  EXPECT_TRUE(names.count(std::string("before\0after", 12))) << r.out;
  EXPECT_TRUE(names.count("\x1b[31mRED\x1b[0m")) << r.out;
}

}  // namespace
}  // namespace landskap
