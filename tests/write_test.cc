// The landskap/1 writer and `landskap fmt`: every bundled file round-trips (load, write, load
// gives the same landscape; writing twice gives the same bytes), the exact text of small cases,
// and fmt's exit codes.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "engine/file/load.h"
#include "engine/file/write_landscape.h"
#include "tests/same_landscape.h"
#include "tests/test_support.h"

namespace landskap {
namespace {

using testing::Parse;
using testing::ReadFile;
using testing::RunCli;
using testing::SameLandscape;
using testing::SourcePath;
using testing::TempDir;

std::string Messages(const Diagnostics& d) {
  std::string out;
  for (const Diagnostic& item : d.Items()) out += FormatDiagnostic(item) + "\n";
  return out;
}

// Loads `text`, expecting no errors; returns the diagnostics' text through `messages`.
Landscape Load(const std::string& text, std::string* messages = nullptr) {
  Landscape landscape;
  Diagnostics diagnostics("written.json");
  EXPECT_TRUE(LoadLandscapeText(text, "written.json", &landscape, &diagnostics))
      << Messages(diagnostics) << text;
  if (messages) *messages = Messages(diagnostics);
  return landscape;
}

// Writes, loads and writes again: the landscapes are equal and the two texts identical.
std::string ExpectRoundTrip(const Landscape& original, const std::string& what) {
  std::string first = WriteLandscape(original);
  Landscape reloaded = Load(first);
  std::string difference;
  EXPECT_TRUE(SameLandscape(original, reloaded, &difference)) << what << ": " << difference;
  EXPECT_EQ(WriteLandscape(reloaded), first) << what << ": writing twice differs";
  return first;
}

// Every landscape file of the repository that loads without errors.
std::vector<std::string> BundledLandscapes() {
  std::vector<std::string> files;
  for (const char* folder : {"datasets", "tests/data", "tests/browser/fixtures"}) {
    for (const auto& entry : std::filesystem::directory_iterator(SourcePath(folder)))
      // Schemas and merge decisions files are not landscapes.
      if (entry.path().extension() == ".json" &&
          !entry.path().filename().string().ends_with(".schema.json") &&
          !entry.path().filename().string().ends_with("-decisions.json"))
        files.push_back(entry.path().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

TEST(Write, EveryBundledLandscapeRoundTrips) {
  std::vector<std::string> files = BundledLandscapes();
  ASSERT_GE(files.size(), 7u);
  for (const std::string& file : files) {
    Landscape original;
    Diagnostics diagnostics(file);
    ASSERT_TRUE(LoadLandscapeFile(file, &original, &diagnostics)) << Messages(diagnostics);
    std::string written = ExpectRoundTrip(original, file);
    EXPECT_NO_THROW(nlohmann::json::parse(written)) << file;
  }
}

TEST(Write, StreamAndStringGiveTheSameText) {
  Landscape l;
  Diagnostics d("tiny");
  ASSERT_TRUE(LoadLandscapeFile(SourcePath("datasets/tiny.json"), &l, &d));
  std::ostringstream out;
  WriteLandscape(l, out);
  EXPECT_EQ(out.str(), WriteLandscape(l));
}

TEST(Write, EmptyLandscapeIsAnEmptyObject) {
  EXPECT_EQ(WriteLandscape(Landscape{}), "{}\n");
  EXPECT_EQ(WriteLandscape(Parse(R"({"format": "landskap/1", "name": "", "systems": []})")),
            "{\n  \"format\": \"landskap/1\"\n}\n");
}

// The order of datasets/README.md, whatever the order in the file; empty and null fields go.
TEST(Write, FieldOrderAndLayoutAreFixed) {
  Landscape l = Parse(R"json({
    "integrations": [
      {"criticality": "high", "protocol": "REST", "carries": ["fnr", "kommunenummer"],
       "to": "sak", "from": "fr", "id": "fr-sak"}
    ],
    "systems": [
      {"cutover": {"fixed_date": "2019-09-02", "after": [], "effort_days": 2.5},
       "criticality": "critical", "keys": ["fnr", "kommunenummer"], "domain": "folkeregister",
       "product": "FREG", "vendor": "Skatteetaten", "owner": "Skatteetaten", "kind": "national",
       "name": "Folkeregisteret", "id": "fr"},
      {"id": "sak", "name": null, "kind": "municipal", "owner": "1246", "keys": [],
       "cutover": {"effort_days": 10.0, "after": ["fr"], "fixed_date": null}}
    ],
    "changes": [{"effective": "2020-01-01", "to": "4626", "from": "1246", "key": "kommunenummer"}],
    "keys": [{"description": "4 digits", "id": "kommunenummer"}, "fnr"],
    "name": "Fjell",
    "format": "landskap/1"
  })json");
  EXPECT_EQ(ExpectRoundTrip(l, "fields"), R"json({
  "format": "landskap/1",
  "name": "Fjell",
  "keys": [
    {
      "id": "kommunenummer",
      "description": "4 digits"
    },
    {
      "id": "fnr"
    }
  ],
  "changes": [
    {
      "key": "kommunenummer",
      "from": "1246",
      "to": "4626",
      "effective": "2020-01-01"
    }
  ],
  "systems": [
    {
      "id": "fr",
      "name": "Folkeregisteret",
      "kind": "national",
      "owner": "Skatteetaten",
      "vendor": "Skatteetaten",
      "product": "FREG",
      "domain": "folkeregister",
      "keys": [
        "kommunenummer",
        "fnr"
      ],
      "criticality": "critical",
      "cutover": {
        "effort_days": 2.5,
        "fixed_date": "2019-09-02"
      }
    },
    {
      "id": "sak",
      "kind": "municipal",
      "owner": "1246",
      "cutover": {
        "effort_days": 10,
        "after": [
          "fr"
        ]
      }
    }
  ],
  "integrations": [
    {
      "id": "fr-sak",
      "from": "fr",
      "to": "sak",
      "carries": [
        "kommunenummer",
        "fnr"
      ],
      "protocol": "REST",
      "criticality": "high"
    }
  ]
}
)json");
}

// Whole days are integers; other values the shortest text that reads back as the same double.
TEST(Write, EffortIsAnIntegerWhenWholeElseShortest) {
  Landscape l = Parse(R"({"systems": [
    {"id": "a", "cutover": {"effort_days": 3.0}}, {"id": "b", "cutover": {"effort_days": 0.1}},
    {"id": "c", "cutover": {"effort_days": 1e-7}}, {"id": "d", "cutover": {"effort_days": 1e5}},
    {"id": "e", "cutover": {"effort_days": 0}}, {"id": "f", "cutover": {"effort_days": 2.50}},
    {"id": "g", "cutover": {"effort_days": 0.30000000000000004}},
    {"id": "h", "cutover": {"effort_days": -0.0}}, {"id": "i", "cutover": {}}]})");
  std::string text = ExpectRoundTrip(l, "effort");
  auto j = nlohmann::json::parse(text);
  std::vector<std::string> efforts;
  for (const auto& s : j["systems"])
    efforts.push_back(s.contains("cutover") ? s["cutover"]["effort_days"].dump() : "-");
  EXPECT_EQ(efforts, (std::vector<std::string>{"3", "0.1", "1e-07", "100000", "0", "2.5",
                                               "0.30000000000000004", "0", "-"}));
  EXPECT_NE(text.find("\"effort_days\": 1e-07\n"), std::string::npos) << text;
}

// Ids the loader made up stay out of the file, so fmt does not add what the author never wrote,
// and they come back the same when the file is read again (also "+2" on repeats).
TEST(Write, GeneratedIntegrationIdsStayAbsent) {
  Landscape l = Parse(R"({"systems": [{"id": "a"}, {"id": "b"}], "integrations": [
    {"id": "a:b", "from": "a", "to": "b"}, {"from": "a", "to": "b"}, {"from": "b", "to": "a"},
    {"from": "a", "to": "b", "carries": ["fnr"]}]})");
  ASSERT_EQ(l.integrations[1].id, "a:b+2");
  EXPECT_FALSE(l.integrations[0].id_generated);
  EXPECT_TRUE(l.integrations[1].id_generated);
  std::string text = ExpectRoundTrip(l, "ids");
  auto j = nlohmann::json::parse(text);
  EXPECT_EQ(j["integrations"][0]["id"], "a:b");
  for (int i = 1; i < 4; ++i) EXPECT_FALSE(j["integrations"][i].contains("id")) << text;
  Landscape again = Load(text);
  EXPECT_EQ(again.integrations[1].id, "a:b+2");
  EXPECT_EQ(again.integrations[2].id, "b:a");
  EXPECT_EQ(again.integrations[3].id, "a:b+3");
}

// Keys used but not declared stay undeclared (declaring them would silence the warning that
// catches typos); declared keys keep the file's order even when systems use them in another.
TEST(Write, UndeclaredKeysStayUndeclaredAndDeclaredOrderIsKept) {
  std::string file = R"({
    "keys": [{"id": "kommunenummer"}, {"id": "orgnr"}, {"id": "fnr"}, {"id": "unused"}],
    "systems": [{"id": "a", "keys": ["fnr", "zeta", "kommunenumer", "orgnr"]}, {"id": "b"}],
    "integrations": [{"from": "a", "to": "b", "carries": ["alpha", "fnr"]}]})";
  Landscape l;
  Diagnostics d("inline.json");
  ASSERT_TRUE(LoadLandscapeText(file, "inline.json", &l, &d));
  std::string text = ExpectRoundTrip(l, "keys");
  auto j = nlohmann::json::parse(text);
  EXPECT_EQ(j["keys"], nlohmann::json::parse(R"([{"id": "kommunenummer"}, {"id": "orgnr"},
                                                   {"id": "fnr"}, {"id": "unused"}])"));
  EXPECT_EQ(j["systems"][0]["keys"],
            nlohmann::json::parse(R"(["orgnr", "fnr", "kommunenumer", "zeta"])"));
  EXPECT_EQ(j["integrations"][0]["carries"], nlohmann::json::parse(R"(["fnr", "alpha"])"));
  // The typo is still reported after formatting.
  std::string messages;
  Load(text, &messages);
  EXPECT_NE(messages.find("key 'kommunenumer' is not declared in /keys"), std::string::npos)
      << messages;
}

// Key indices follow first use, which depends on where "keys" and "integrations" stand; the
// written order does not, so a file in an unusual order formats in one step.
TEST(Write, SectionOrderOfTheFileDoesNotChangeTheKeyOrder) {
  Landscape l = Parse(R"({
    "integrations": [{"from": "a", "to": "b", "carries": ["y", "x", "k2", "k1"]}],
    "changes": [{"key": "k3", "from": "1", "to": "2"}],
    "systems": [{"id": "a", "keys": ["k2"]}, {"id": "b", "keys": ["x"]}],
    "keys": ["k1", "k2", "k3"]})");
  std::string text = ExpectRoundTrip(l, "section order");
  EXPECT_EQ(nlohmann::json::parse(text)["integrations"][0]["carries"],
            nlohmann::json::parse(R"(["k1", "k2", "x", "y"])"));
  EXPECT_EQ(nlohmann::json::parse(text)["changes"][0],
            nlohmann::json::parse(R"({"key": "k3", "from": "1", "to": "2"})"));
}

TEST(Write, UnicodeNamesStayAsTheyAre) {
  Landscape l = Parse(R"({"name": "Øygarden 🚀", "systems": [
    {"id": "sak.ærøy", "name": "Sak/arkiv (Ærlig & åpen) 🗂️", "owner": "Søn"}]})");
  std::string text = ExpectRoundTrip(l, "unicode");
  EXPECT_NE(text.find("  \"name\": \"Øygarden 🚀\",\n"), std::string::npos) << text;
  EXPECT_NE(text.find("      \"id\": \"sak.ærøy\",\n"
                      "      \"name\": \"Sak/arkiv (Ærlig & åpen) 🗂️\",\n"),
            std::string::npos)
      << text;
}

// Quotes, backslashes and control characters are escaped the way JSON requires, and read back
// as the same names; nothing else is escaped (not "/", not DEL, not U+2028).
TEST(Write, HostileNamesAreEscapedAndReadBackTheSame) {
  std::string name = "a\"b\\c\nd\te\x01\x1f\x7f/</script> \u2028 {\"x\": 1}";
  Landscape l;
  l.name = name;
  System s;
  s.id = "x";
  s.name = name;
  s.owner = "\"; rankdir=LR; //";
  l.AddSystem(s);
  std::string text = ExpectRoundTrip(l, "hostile");
  EXPECT_NE(text.find(R"("name": "a\"b\\c\nd\te\u0001\u001f)"
                      "\x7f"
                      R"(/</script> )"
                      "\u2028"
                      R"( {\"x\": 1}")"),
            std::string::npos)
      << text;
  auto j = nlohmann::json::parse(text);
  EXPECT_EQ(j["name"], name);
  EXPECT_EQ(j["systems"][0]["name"], name);
  EXPECT_EQ(Load(text).systems[0].owner, "\"; rankdir=LR; //");
}

// A loaded landscape cannot hold invalid UTF-8 (the parser rejects it), but one built in code
// can; the writer still writes valid JSON instead of throwing.
TEST(Write, InvalidUtf8BecomesReplacementCharacter) {
  Landscape l;
  l.name = "bad \xff byte";
  EXPECT_EQ(WriteLandscape(l), "{\n  \"name\": \"bad \xef\xbf\xbd byte\"\n}\n");
}

// ---- landskap fmt ----------------------------------------------------------------------------

void WriteText(const std::string& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

constexpr const char* kMessy =
    R"({"systems": [{"name": "A", "id": "a"}, {"id": "b"}], "integrations": [{"to": "b", "from": "a"}]})";
constexpr const char* kFormatted = R"({
  "systems": [
    {
      "id": "a",
      "name": "A"
    },
    {
      "id": "b"
    }
  ],
  "integrations": [
    {
      "from": "a",
      "to": "b"
    }
  ]
}
)";

TEST(Fmt, PrintsTheNormalFormToTheTerminal) {
  std::string path = TempDir() + "/messy.json";
  WriteText(path, kMessy);
  auto r = RunCli({"fmt", path});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out, kFormatted);
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(ReadFile(path), kMessy) << "without -o the file is left alone";
}

TEST(Fmt, RewritesTheFileInPlaceAndTwiceGivesTheSameBytes) {
  std::string path = TempDir() + "/messy.json";
  WriteText(path, kMessy);
  auto r = RunCli({"fmt", path, "-o", path});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(ReadFile(path), kFormatted);
  r = RunCli({"fmt", path, "-o", path});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(ReadFile(path), kFormatted);
  // Nothing is left beside it (the temporary file of the atomic write).
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(TempDir()),
                          std::filesystem::directory_iterator()),
            0);
}

TEST(Fmt, CheckSaysWhetherTheFileIsFormatted) {
  std::string dir = TempDir();
  WriteText(dir + "/messy.json", kMessy);
  WriteText(dir + "/tidy.json", kFormatted);
  auto r = RunCli({"fmt", dir + "/tidy.json", "--check"});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out + r.err, "");
  r = RunCli({"fmt", dir + "/messy.json", "--check"});
  EXPECT_EQ(r.code, 1);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, dir + "/messy.json is not formatted; run 'landskap fmt " + dir +
                       "/messy.json -o " + dir + "/messy.json'\n");
  EXPECT_EQ(ReadFile(dir + "/messy.json"), kMessy) << "--check writes nothing";
  // A missing final newline is enough to differ.
  std::string formatted = kFormatted;
  WriteText(dir + "/tidy.json", formatted.substr(0, formatted.size() - 1));
  EXPECT_EQ(RunCli({"fmt", dir + "/tidy.json", "--check"}).code, 1);
  r = RunCli({"fmt", dir + "/tidy.json", "--check", "-o", dir + "/out.json"});
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("--check writes nothing"), std::string::npos) << r.err;
}

TEST(Fmt, CheckWorksInTheRealBinary) {
  std::string dir = TempDir();
  WriteText(dir + "/messy.json", kMessy);
  EXPECT_EQ(testing::RunBinary("fmt " + dir + "/messy.json --check").code, 1);
  EXPECT_EQ(testing::RunBinary("fmt " + dir + "/messy.json -o " + dir + "/messy.json").code, 0);
  EXPECT_EQ(testing::RunBinary("fmt " + dir + "/messy.json --check").code, 0);
}

TEST(Fmt, InvalidFileIsExitTwoAndWritesNothing) {
  std::string dir = TempDir();
  WriteText(dir + "/bad.json",
            R"({"systems": [{"id": "a"}], "integrations": [{"from": "a", "to": "zz"}]})");
  auto r = RunCli({"fmt", dir + "/bad.json", "-o", dir + "/out.json"});
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.err, dir +
                       "/bad.json: /integrations/0/to: error: unknown system "
                       "'zz'; it must be "
                       "the id of a system in /systems\n" +
                       dir + "/bad.json: 1 error; nothing was written.\n");
  EXPECT_FALSE(std::filesystem::exists(dir + "/out.json"));
  EXPECT_EQ(RunCli({"fmt", dir + "/missing.json"}).code, 2);
  EXPECT_EQ(RunCli({"fmt"}).code, 2);
}

// fmt would drop fields it does not know, so it stops and names each one unless told to drop.
TEST(Fmt, UnknownFieldsStopFmtUnlessDropped) {
  std::string dir = TempDir();
  std::string path = dir + "/typo.json";
  std::string text =
      R"({"systems": [{"id": "a", "nmae": "A", "cutover": {"efort_days": 3}}], "comment": "x"})";
  WriteText(path, text);
  for (bool check : {false, true}) {
    std::vector<std::string> args = {"fmt", path, "-o", path};
    if (check) args = {"fmt", path, "--check"};
    auto r = RunCli(args);
    EXPECT_EQ(r.code, 2);
    EXPECT_EQ(r.err, path +
                         ": /comment: warning: unknown field 'comment' is ignored "
                         "(known fields: "
                         "format, name, keys, systems, integrations, changes, resources)\n" +
                         path +
                         ": /systems/0/nmae: warning: unknown field 'nmae' is ignored "
                         "(known fields: "
                         "id, name, kind, owner, vendor, product, domain, keys, "
                         "criticality, cutover, source)\n" +
                         path +
                         ": /systems/0/cutover/efort_days: warning: unknown field "
                         "'efort_days' "
                         "is ignored (did you mean 'effort_days'?)\n"
                         "landskap fmt: error: " +
                         path +
                         " has 3 unknown fields (listed above) that fmt would drop; "
                         "correct or remove "
                         "them, or run with --drop-unknown to drop them.\n");
    EXPECT_EQ(ReadFile(path), text);
  }
  auto r = RunCli({"fmt", path, "--drop-unknown"});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out, "{\n  \"systems\": [\n    {\n      \"id\": \"a\"\n    }\n  ]\n}\n");
}

// Other warnings (undeclared keys, a municipal owner that is not a number) are not data loss.
TEST(Fmt, OtherWarningsDoNotStopIt) {
  std::string path = TempDir() + "/warn.json";
  WriteText(path,
            R"({"keys": ["fnr"], "systems": [{"id": "a", "kind": "municipal",
    "owner": "Fjell", "keys": ["fnrr"]}]})");
  auto r = RunCli({"fmt", path});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.err.find("warning: key 'fnrr' is not declared"), std::string::npos) << r.err;
  EXPECT_NE(r.out.find("\"fnrr\""), std::string::npos);
}

TEST(Fmt, HelpExplainsItForPeople) {
  auto r = RunCli({"fmt", "--help"});
  EXPECT_EQ(r.code, 0);
  EXPECT_EQ(r.out.rfind("Usage: landskap fmt FILE [-o OUT] [--check] [--drop-unknown]\n", 0), 0u)
      << r.out;
  for (const char* text : {"--check", "--drop-unknown", "-o [ --output ] OUT", "Example:"})
    EXPECT_NE(r.out.find(text), std::string::npos) << text;
  EXPECT_NE(RunCli({"--help"}).out.find("  fmt "), std::string::npos);
}

// The bundled files format in one step: fmt of fmt's output is the same bytes, via the CLI.
TEST(Fmt, EveryBundledLandscapeFormatsInOneStep) {
  std::string dir = TempDir();
  for (const std::string& file : BundledLandscapes()) {
    std::string copy = dir + "/" + std::filesystem::path(file).filename().string();
    std::filesystem::copy_file(file, copy, std::filesystem::copy_options::overwrite_existing);
    auto first = RunCli({"fmt", copy, "-o", copy});
    ASSERT_EQ(first.code, 0) << file << "\n" << first.err;
    std::string once = ReadFile(copy);
    auto second = RunCli({"fmt", copy, "-o", copy});
    ASSERT_EQ(second.code, 0) << second.err;
    EXPECT_EQ(ReadFile(copy), once) << file;
    EXPECT_EQ(RunCli({"fmt", copy, "--check"}).code, 0) << file;
  }
}

}  // namespace
}  // namespace landskap
