// The reform model (engine/model/reform.h): change rows grouped into renumberings, mergers,
// splits and border adjustments whatever their order, the contradictions between rows, the kind
// read from files and change tables, and the words every answer uses for it.
#include "engine/model/reform.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "engine/analysis/scope.h"
#include "engine/file/load.h"
#include "engine/formats/change_table.h"
#include "engine/plan/plan.h"
#include "tests/test_support.h"
#include "viz/gantt.h"
#include "viz/reform_words.h"

namespace landskap {
namespace {

using testing::Parse;
using testing::ParseErrors;
using Strings = std::vector<std::string>;

// A landscape with one system and the given change rows (JSON objects without the key).
std::string WithChanges(const std::string& rows) {
  return R"({"format": "landskap/1", "systems": [{"id": "x", "keys": ["kommunenummer"]}],
             "changes": [)" +
         rows + "]}";
}

std::string Row(const std::string& from, const std::string& to, const std::string& extra = "") {
  return R"({"key": "kommunenummer", "from": ")" + from + R"(", "to": ")" + to + "\"" + extra + "}";
}

std::vector<ReformStep> Steps(const Landscape& l) {
  return DescribeReform(l, *l.FindKey("kommunenummer"));
}

TEST(Reform, TwoRowsOfOneOldNumberAreASplitInEitherOrder) {
  for (bool swapped : {false, true}) {
    std::string a = Row("1507", "1508", R"(, "effective": "2024-01-01")");
    std::string b = Row("1507", "1580", R"(, "effective": "2024-01-01")");
    Landscape l = Parse(WithChanges(swapped ? b + "," + a : a + "," + b));
    std::vector<ReformStep> steps = Steps(l);
    ASSERT_EQ(steps.size(), 1u) << swapped;
    EXPECT_EQ(steps[0].kind, ReformKind::kSplit);
    EXPECT_EQ(steps[0].from, Strings{"1507"});
    EXPECT_EQ(steps[0].to, (Strings{"1508", "1580"}));
    EXPECT_EQ(FormatDate(*steps[0].effective), "2024-01-01");
    EXPECT_EQ(viz::ReformStepText(steps[0], viz::Language::kEnglish),
              "1507 Ålesund is split into 1508 Ålesund and 1580 Haram on 1 Jan 2024");
    EXPECT_EQ(viz::ReformStepText(steps[0], viz::Language::kBokmal),
              "1507 Ålesund deles i 1508 Ålesund og 1580 Haram fra 1. jan. 2024");
  }
}

TEST(Reform, SeveralIntoOneIsAMergerAndOneAloneARenumbering) {
  Landscape l = Parse(WithChanges(Row("1246", "4626") + "," + Row("1245", "4626") + "," +
                                  Row("1259", "4626") + "," + Row("3001", "3101")));
  std::vector<ReformStep> steps = Steps(l);
  ASSERT_EQ(steps.size(), 2u);
  // Sorted by the first old number: 1245 before 3001.
  EXPECT_EQ(steps[0].kind, ReformKind::kMerger);
  EXPECT_EQ(steps[0].from, (Strings{"1245", "1246", "1259"}));
  EXPECT_EQ(steps[0].to, Strings{"4626"});
  EXPECT_EQ(steps[1].kind, ReformKind::kRenumbering);
  EXPECT_EQ(viz::ReformStepText(steps[1], viz::Language::kEnglish),
            "3001 Halden gets the number 3101");
  EXPECT_EQ(viz::ReformStepText(steps[0], viz::Language::kEnglish),
            "1245 Sund, 1246 Fjell and 1259 Øygarden merge into 4626 Øygarden");
}

TEST(Reform, OneIntoAnExistingMunicipalityIsAMerger) {
  // Finnøy (1141) into Stavanger (1103), which existed in 2019: Stavanger kept its number.
  Landscape l = Parse(WithChanges(Row("1141", "1103", R"(, "effective": "2020-01-01")")));
  std::vector<ReformStep> steps = Steps(l);
  ASSERT_EQ(steps.size(), 1u);
  EXPECT_EQ(steps[0].kind, ReformKind::kMerger);
  EXPECT_EQ(viz::ReformStepText(steps[0], viz::Language::kEnglish),
            "1141 Finnøy merges into 1103 Stavanger on 1 Jan 2020");
}

TEST(Reform, AMergerTakesPartsOfSplitMunicipalities) {
  // 2020: Narvik (1805) and Ballangen (1854) and part of Tysfjord (1850) became 1806 Narvik;
  // the rest of Tysfjord went to 1875 Hamarøy with Hamarøy (1849).
  Landscape l = Parse(WithChanges(Row("1805", "1806") + "," + Row("1854", "1806") + "," +
                                  Row("1850", "1806") + "," + Row("1850", "1875") + "," +
                                  Row("1849", "1875")));
  std::vector<ReformStep> steps = Steps(l);
  ASSERT_EQ(steps.size(), 3u);
  EXPECT_EQ(steps[0].kind, ReformKind::kMerger);  // 1805, 1854 (+ part of 1850) → 1806
  EXPECT_EQ(steps[0].from, (Strings{"1805", "1854"}));
  EXPECT_EQ(steps[0].parts_from, Strings{"1850"});
  EXPECT_EQ(steps[1].kind, ReformKind::kMerger);  // 1849 (+ part of 1850) → 1875
  EXPECT_EQ(steps[1].from, Strings{"1849"});
  EXPECT_EQ(steps[2].kind, ReformKind::kSplit);  // 1850 → 1806, 1875
  EXPECT_EQ(steps[2].to, (Strings{"1806", "1875"}));
  EXPECT_EQ(viz::ReformStepText(steps[1], viz::Language::kEnglish),
            "1849 Hábmer - Hamarøy and part of 1850 Tysfjord - Divtasvuodna merge into 1875 "
            "Hamarøy");
}

TEST(Reform, ABorderAdjustmentKeepsBothMunicipalities) {
  Landscape l = Parse(WithChanges(Row("1246", "1247", R"(, "kind": "border-adjustment")")));
  std::vector<ReformStep> steps = Steps(l);
  ASSERT_EQ(steps.size(), 1u);
  EXPECT_EQ(steps[0].kind, ReformKind::kBorderAdjustment);
  EXPECT_EQ(viz::ReformStepText(steps[0], viz::Language::kEnglish),
            "part of 1246 Fjell moves to 1247 Askøy");
  // Both municipalities' data changes hands: both are in the changing set.
  KeyIndex key = *l.FindKey("kommunenummer");
  EXPECT_EQ(ChangingMunicipalities(l, key), (Strings{"1246", "1247"}));
  // The file keeps the kind it was given.
  EXPECT_EQ(l.changes[0].kind, ReformKind::kBorderAdjustment);
}

TEST(Reform, ContradictionsAreErrorsWithTheirPlaces) {
  // A whole change of a number that also goes elsewhere.
  Diagnostics whole = ParseErrors(
      WithChanges(Row("1507", "1508", R"(, "kind": "renumbering")") + "," + Row("1507", "1580")));
  ASSERT_GE(whole.ErrorCount(), 1u);
  EXPECT_EQ(whole.Items()[0].location, "/changes/0");
  EXPECT_NE(whole.Items()[0].message.find("also goes to 1580 (/changes/1)"), std::string::npos)
      << whole.Items()[0].message;
  // A split with one successor.
  Diagnostics single = ParseErrors(WithChanges(Row("1507", "1508", R"(, "kind": "split")")));
  ASSERT_EQ(single.ErrorCount(), 1u);
  EXPECT_NE(single.Items()[0].message.find("at least two successors"), std::string::npos);
  // A split and a border adjustment of the same number.
  Diagnostics both =
      ParseErrors(WithChanges(Row("1507", "1508") + "," + Row("1507", "1580") + "," +
                              Row("1507", "1531", R"(, "kind": "border-adjustment")")));
  ASSERT_EQ(both.ErrorCount(), 1u);
  EXPECT_EQ(both.Items()[0].location, "/changes/2");
  // A word that is not a kind, with the right spelling when it is Norwegian for one.
  Diagnostics word = ParseErrors(WithChanges(Row("1507", "1508", R"(, "kind": "deling")")));
  ASSERT_EQ(word.ErrorCount(), 1u);
  EXPECT_EQ(word.Items()[0].location, "/changes/0/kind");
  EXPECT_NE(word.Items()[0].message.find("write \"split\""), std::string::npos);
}

TEST(Reform, TheSameChangeTwiceIsAWarning) {
  Landscape l;
  Diagnostics d = ParseErrors(WithChanges(Row("1246", "4626") + "," + Row("1246", "4626")), &l);
  EXPECT_EQ(d.ErrorCount(), 0u);
  ASSERT_EQ(d.WarningCount(), 1u);
  EXPECT_EQ(d.Items()[0].location, "/changes/1");
}

TEST(Reform, KindWordsOfPeopleAndSpreadsheets) {
  EXPECT_EQ(ParseReformKind("Deling"), ReformKind::kSplit);
  EXPECT_EQ(ParseReformKind(" grensejustering "), ReformKind::kBorderAdjustment);
  EXPECT_EQ(ParseReformKind("Sammenslåing"), ReformKind::kMerger);
  EXPECT_EQ(ParseReformKind("nytt nummer"), ReformKind::kRenumbering);
  EXPECT_EQ(ParseReformKind("border-adjustment"), ReformKind::kBorderAdjustment);
  EXPECT_EQ(ParseReformKind("fusjon"), std::nullopt);
}

TEST(Reform, ChangeTablesGiveKindsAndTheirYear) {
  std::vector<ChangeRow> rows;
  std::optional<DayNumber> effective;
  Diagnostics d("t.csv");
  ASSERT_TRUE(
      ReadChangeRows("kommuner_2019;kommuner_2020;splittes\n"
                     "5012 - Snillfjord;5055 - Heim;1\n"
                     "5012 - Snillfjord;5056 - Hitra;1\n"
                     "1805 - Narvik;1806 - Narvik;0\n",
                     "t.csv", "kommunenummer", &rows, &effective, &d));
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].kind, ReformKind::kSplit);
  EXPECT_EQ(rows[2].kind, std::nullopt);
  EXPECT_EQ(rows[2].line, 4u);
  ASSERT_TRUE(effective);
  EXPECT_EQ(FormatDate(*effective), "2020-01-01");
  // landskap's own table: a type column in Norwegian.
  rows.clear();
  ASSERT_TRUE(ReadChangeRows("fra,til,type\n1246,1247,grensejustering\n1507,1580,deling\n", "t.csv",
                             "kommunenummer", &rows, nullptr, &d));
  EXPECT_EQ(rows[0].kind, ReformKind::kBorderAdjustment);
  EXPECT_EQ(rows[1].kind, ReformKind::kSplit);
  Diagnostics bad("t.csv");
  EXPECT_FALSE(ReadChangeRows("fra,til,type\n1246,1247,fusjon\n", "t.csv", "kommunenummer", &rows,
                              nullptr, &bad));
  ASSERT_EQ(bad.ErrorCount(), 1u);
  EXPECT_EQ(bad.Items()[0].location, "2:11");
}

TEST(Reform, ScopeSaysWhatItAssumed) {
  Landscape l = Parse(WithChanges(Row("1507", "1508") + "," + Row("1507", "1580")));
  KeyIndex key = *l.FindKey("kommunenummer");
  ReformScope scope = ReformScope::ForKey(l, key, {});
  EXPECT_EQ(scope.basis(), ReformScope::Basis::kChanges);
  EXPECT_EQ(viz::ScopeText(scope, "kommunenummer", viz::Language::kEnglish),
            "Scope: 1507 Ålesund is split into 1508 Ålesund and 1580 Haram; shared systems are "
            "in scope too.");
  Landscape none = Parse(R"({"format": "landskap/1", "systems": [{"id": "x"}]})");
  EXPECT_EQ(viz::ScopeText(ReformScope::ForKey(none, std::nullopt, {}), "kommunenummer",
                           viz::Language::kEnglish)
                .rfind("Scope: no changes in the file and no change table, so every system "
                       "that holds kommunenummer is treated as changing",
                       0),
            0u);
  EXPECT_EQ(viz::ScopeText(ReformScope::ForKey(l, key, {"1246"}), "kommunenummer",
                           viz::Language::kEnglish),
            "Scope: the municipalities you named (1246 Fjell) and shared systems.");
}

// SSB's own 2019→2020 list on a landscape of every 2019 municipality (one system each, fed by
// Folkeregisteret): the scope names both splits of 2020 with all their successors, and the
// affected set is exactly what the semantics say: Folkeregisteret and the systems of every
// municipality whose number changes (read here from the list itself, not from landskap).
TEST(Reform, SsbList2019To2020OnEveryMunicipality) {
  std::string codes = testing::ReferencePath(
      "kommunenummer/gardenberg_kommunekoder/utf8/ssb_kommunekoder_2019.csv");
  std::string table = testing::ReferencePath(
      "kommunenummer/gardenberg_kommunekoder/utf8/kommuner_med_endringer_fra2019_til2020.csv");
  if (!std::filesystem::exists(codes) || !std::filesystem::exists(table))
    LANDSKAP_SKIP_UNLESS_CI("reference data not present: " + table);
  std::string systems = R"({"id": "folkeregisteret", "kind": "national", "owner": "Skatteetaten",
                            "keys": ["kommunenummer"]})";
  std::string integrations;
  size_t municipalities = 0;
  std::istringstream code_lines(testing::ReadFile(codes));
  std::string line;
  std::getline(code_lines, line);  // header
  while (std::getline(code_lines, line)) {
    std::string code = line.substr(1, 4);  // "0101";...
    if (code == "9999") continue;
    ++municipalities;
    systems += R"(, {"id": "k)" + code + R"(", "kind": "municipal", "owner": ")" + code +
               R"(", "keys": ["kommunenummer"]})";
    integrations += std::string(integrations.empty() ? "" : ", ") +
                    R"({"from": "folkeregisteret", "to": "k)" + code +
                    R"(", "carries": ["kommunenummer"]})";
  }
  EXPECT_EQ(municipalities, 422u);  // SOURCE.md: Norway had 422 municipalities in 2019
  std::string dir = testing::TempDir();
  std::string file = dir + "/norge-2019.json";
  std::ofstream(file) << R"({"format": "landskap/1", "systems": [)" << systems
                      << R"(], "integrations": [)" << integrations << "]}";
  testing::CliResult r = testing::RunCli(
      {"impact", file, "--key", "kommunenummer", "--changes", table, "--format", "json"});
  ASSERT_EQ(r.code, 0) << r.err;
  nlohmann::json j = nlohmann::json::parse(r.out);
  const nlohmann::json& scope = j["summary"]["scope"];
  EXPECT_EQ(scope["basis"], "changes");
  std::map<std::string, nlohmann::json> splits;
  for (const nlohmann::json& step : scope["reform"])
    if (step["kind"] == "split") splits[step["from"][0]] = step;
  ASSERT_EQ(splits.size(), 2u);
  EXPECT_EQ(splits["5012"]["to"], nlohmann::json({"5055", "5056", "5059"}));
  EXPECT_EQ(splits["1850"]["to"], nlohmann::json({"1806", "1875"}));
  EXPECT_EQ(splits["5012"]["effective"], "2020-01-01");  // from the header "kommuner_2020"
  // The affected set, from the table read here: every old number that changes, and every new
  // number that already had a system (1103 Stavanger took in Finnøy and Rennesøy, 5001
  // Trondheim took in Klæbu: their systems receive the old numbers' data).
  std::set<std::string> expected = {"folkeregisteret"};
  std::istringstream rows(testing::ReadFile(table));
  std::getline(rows, line);
  while (std::getline(rows, line)) {
    std::string from = line.substr(0, 4), to = line.substr(line.find(';') + 1, 4);
    if (from == to) continue;
    expected.insert("k" + from);
    if (systems.find("\"k" + to + "\"") != std::string::npos) expected.insert("k" + to);
  }
  std::set<std::string> affected;
  for (const nlohmann::json& a : j["affected"]) affected.insert(a["id"]);
  std::vector<std::string> only_affected, only_expected;
  std::set_difference(affected.begin(), affected.end(), expected.begin(), expected.end(),
                      std::back_inserter(only_affected));
  std::set_difference(expected.begin(), expected.end(), affected.begin(), affected.end(),
                      std::back_inserter(only_expected));
  EXPECT_EQ(only_affected, Strings{});
  EXPECT_EQ(only_expected, Strings{});
  // The Scope line names the splits with every successor.
  testing::CliResult table_out =
      testing::RunCli({"impact", file, "--key", "kommunenummer", "--changes", table});
  ASSERT_EQ(table_out.code, 0) << table_out.err;
  EXPECT_NE(table_out.out.find("5012 Snillfjord is split into 5055 Heim, 5056 Hitra and 5059 "
                               "Orkland on 1 Jan 2020"),
            std::string::npos)
      << table_out.out.substr(0, 2000);
  EXPECT_NE(table_out.out.find("1850 Tysfjord - Divtasvuodna is split into 1806 Narvik and 1875 "
                               "Hamarøy on 1 Jan 2020"),
            std::string::npos);
}

// The bundled split (datasets/alesund-2024.json, SSB's two rows for 1507) with its rows in both
// orders: every picture names both successors, never only the first row's.
TEST(Reform, EveryPictureNamesBothSuccessorsInEitherRowOrder) {
  std::string original = testing::ReadFile(testing::SourcePath("datasets/alesund-2024.json"));
  nlohmann::ordered_json reversed = nlohmann::ordered_json::parse(original);
  std::reverse(reversed["changes"].begin(), reversed["changes"].end());
  ASSERT_EQ(reversed["changes"][0]["to"], "1580");  // Haram's row first now
  std::string swapped = reversed.dump(2);
  std::string dir = testing::TempDir();
  const std::string both = "1507 Ålesund → 1508 Ålesund + 1580 Haram";
  for (const std::string& text : {original, swapped}) {
    std::string file = dir + "/alesund.json";
    std::ofstream(file) << text;
    for (std::vector<std::string> extra :
         {std::vector<std::string>{}, {"--collapse", "owner"}, {"--only-affected"}}) {
      std::vector<std::string> args = {"render",        file, "--key",
                                       "kommunenummer", "-o", dir + "/picture.dot"};
      args.insert(args.end(), extra.begin(), extra.end());
      testing::CliResult r = testing::RunCli(args);
      ASSERT_EQ(r.code, 0) << r.err;
      std::string dot = testing::ReadFile(dir + "/picture.dot");
      EXPECT_NE(dot.find(both), std::string::npos) << extra.size();
      EXPECT_NE(dot.find("Ålesund og Haram: kommunedeling 1. jan. 2024"), std::string::npos);
    }
    testing::CliResult page = testing::RunCli({"report", file, "--key", "kommunenummer", "--start",
                                               "2023-08-01", "-o", dir + "/page.html"});
    ASSERT_EQ(page.code, 0) << page.err;
    std::string html = testing::ReadFile(dir + "/page.html");
    EXPECT_NE(html.find(both), std::string::npos);
    EXPECT_NE(html.find("1507 Ålesund deles i 1508 Ålesund og 1580 Haram"), std::string::npos);
    // The Gantt chart's lanes (drawn as outlines, so its input is checked).
    Landscape l;
    Diagnostics d;
    LoadOptions load;
    load.use_catalogue = true;
    ASSERT_TRUE(LoadLandscapeText(text, "alesund.json", &l, &d, nullptr, load));
    Graph graph(l);
    ImpactQuery query;
    query.key = l.FindKey("kommunenummer");
    ImpactResult impact = ComputeImpact(graph, query);
    PlanOptions options;
    options.start = ParseDate("2023-08-01");
    Plan plan;
    ASSERT_TRUE(ComputePlan(graph, options, &impact, &plan, &d));
    viz::GanttInput gantt =
        viz::GanttFromPlan(graph, plan, viz::GanttLanes::kOwner, viz::Language::kBokmal, "t");
    EXPECT_TRUE(std::any_of(gantt.tasks.begin(), gantt.tasks.end(),
                            [&](const viz::GanttTask& t) { return t.lane == both; }));
  }
}

// What the split asks of its successors, worked out by hand from datasets/tools/make_alesund.py:
// 14 of old Ålesund's 15 systems hold or receive kommunenummer (the kulturskole holds only fnr),
// and 13 integrations that carry it cross the old municipality's border (the ones in the table
// below; enhetsregisteret → sak-arkiv carries only orgnr).
TEST(Reform, ImpactListsWhatEachSuccessorNeeds) {
  testing::CliResult r =
      testing::RunCli({"impact", testing::SourcePath("datasets/alesund-2024.json"), "--key",
                       "kommunenummer", "--format", "json"});
  ASSERT_EQ(r.code, 0) << r.err;
  nlohmann::json j = nlohmann::json::parse(r.out);
  ASSERT_EQ(j["splits"].size(), 1u);
  const nlohmann::json& split = j["splits"][0];
  EXPECT_EQ(split["from"], "1507");
  EXPECT_EQ(split["successors"], nlohmann::json({"1508", "1580"}));
  EXPECT_EQ(split["systems"].size(), 14u);
  EXPECT_EQ(std::count(split["systems"].begin(), split["systems"].end(), "alesund.kultur"), 0);
  std::set<std::pair<std::string, std::string>> crossing;
  std::map<std::string, std::pair<std::string, std::string>> ends;
  for (const nlohmann::json& i : j["integrations"]) ends[i["id"]] = {i["from"], i["to"]};
  for (const nlohmann::json& id : split["integrations"]) crossing.insert(ends[id]);
  std::set<std::pair<std::string, std::string>> expected = {
      {"ks.fiks-folkeregister", "alesund.folkereg"},
      {"enhetsregisteret", "alesund.okonomi"},
      {"matrikkelen", "alesund.gis"},
      {"alesund.gis", "arim.renovasjon"},
      {"alesund.lonn", "skatteetaten.a-ordningen"},
      {"alesund.okonomi", "ssb.kostra"},
      {"alesund.sak-arkiv", "ks.svarut"},
      {"nav.digisos", "alesund.nav-sosial"},
      {"alesund.bostotte", "husbanken.bostotte"},
      {"alesund.skole", "udir.gsi"},
      {"alesund.helse-omsorg", "helsedir.kpr"},
      {"alesund.sak-arkiv", "sula.sak-arkiv"},
      {"alesund.sak-arkiv", "giske.sak-arkiv"}};
  EXPECT_EQ(crossing, expected);
  // The table says it too, and validate names the split before any analysis.
  testing::CliResult table = testing::RunCli(
      {"impact", testing::SourcePath("datasets/alesund-2024.json"), "--key", "kommunenummer"});
  EXPECT_NE(table.out.find("What the split of 1507 Ålesund asks of 1508 Ålesund and 1580 Haram:"),
            std::string::npos);
  testing::CliResult v =
      testing::RunCli({"validate", testing::SourcePath("datasets/alesund-2024.json")});
  EXPECT_NE(v.out.find("Reform (kommunenummer): 1507 Ålesund is split into 1508 Ålesund and 1580 "
                       "Haram on 1 Jan 2024."),
            std::string::npos)
      << v.out;
}

TEST(Reform, OwnerThatIsOnlyANewNumberGetsANote) {
  testing::CliResult r =
      testing::RunCli({"impact", testing::SourcePath("datasets/alesund-2024.json"), "--key",
                       "kommunenummer", "--owner", "1580"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.err.find("note: no system in " + testing::SourcePath("datasets/alesund-2024.json") +
                       " is owned by 1580 Haram yet; it is the new number of 1507 Ålesund, whose "
                       "systems are the ones that change: give --owner 1507"),
            std::string::npos)
      << r.err;
}

// A border adjustment: part of 1246 Fjell moves to 1247 Askøy. Both GIS systems hold
// kommunenummer and gnr-bnr (records of properties): one data-transfer task between them, after
// both. The finance systems hold kommunenummer only: no transfer. Both municipalities' systems
// that hold the key are affected (both are changing).
TEST(Reform, BorderAdjustmentPlansDataTransfers) {
  std::string dir = testing::TempDir();
  std::string file = dir + "/grense.json";
  std::ofstream(file) << R"({"format": "landskap/1",
    "changes": [{"key": "kommunenummer", "from": "1246", "to": "1247",
                 "effective": "2019-01-01", "kind": "border-adjustment"}],
    "systems": [
      {"id": "matrikkelen", "kind": "national", "owner": "Kartverket",
       "keys": ["kommunenummer", "gnr-bnr"]},
      {"id": "fjell.gis", "kind": "municipal", "owner": "1246", "domain": "gis",
       "keys": ["kommunenummer", "gnr-bnr"], "cutover": {"effort_days": 3}},
      {"id": "askoy.gis", "kind": "municipal", "owner": "1247", "domain": "gis",
       "keys": ["kommunenummer", "gnr-bnr"], "cutover": {"effort_days": 2}},
      {"id": "fjell.okonomi", "kind": "municipal", "owner": "1246", "domain": "okonomi",
       "keys": ["kommunenummer"], "cutover": {"effort_days": 4}},
      {"id": "askoy.okonomi", "kind": "municipal", "owner": "1247", "domain": "okonomi",
       "keys": ["kommunenummer"], "cutover": {"effort_days": 4}},
      {"id": "bergen.gis", "kind": "municipal", "owner": "1201", "domain": "gis",
       "keys": ["kommunenummer", "gnr-bnr"]}],
    "integrations": [
      {"from": "matrikkelen", "to": "fjell.gis", "carries": ["kommunenummer", "gnr-bnr"]},
      {"from": "matrikkelen", "to": "askoy.gis", "carries": ["kommunenummer", "gnr-bnr"]},
      {"from": "matrikkelen", "to": "bergen.gis", "carries": ["kommunenummer", "gnr-bnr"]}]})";
  testing::CliResult r =
      testing::RunCli({"plan", file, "--key", "kommunenummer", "--start", "2018-09-03",
                       "--default-effort", "5", "--format", "json"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.err.find("1 data-transfer task"), std::string::npos) << r.err;
  nlohmann::json j = nlohmann::json::parse(r.out);
  std::map<std::string, nlohmann::json> tasks;
  for (const nlohmann::json& t : j["tasks"]) tasks[t["id"]] = t;
  // Matrikkelen (shared), both municipalities' systems, and the transfer; not Bergen's GIS.
  std::set<std::string> ids;
  for (const auto& [id, t] : tasks) ids.insert(id);
  EXPECT_EQ(ids, (std::set<std::string>{"askoy.gis", "askoy.okonomi", "fjell.gis", "fjell.okonomi",
                                        "matrikkelen", "transfer.fjell.gis+askoy.gis"}));
  // The transfer starts when both GIS systems are done, and they after Matrikkelen.
  const nlohmann::json& transfer = tasks["transfer.fjell.gis+askoy.gis"];
  EXPECT_GE(transfer["es"].get<int>(), tasks["fjell.gis"]["ef"].get<int>()) << transfer.dump();
  EXPECT_GE(transfer["es"].get<int>(), tasks["askoy.gis"]["ef"].get<int>());
  EXPECT_GE(tasks["fjell.gis"]["es"].get<int>(), tasks["matrikkelen"]["ef"].get<int>());
  EXPECT_EQ(transfer["owner"], "1247");
  EXPECT_EQ(j["scope"]["reform"][0]["kind"], "border-adjustment");
}

}  // namespace
}  // namespace landskap
