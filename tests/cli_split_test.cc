// landskap split on the command line, with the bundled Ålesund split (datasets/alesund-2024.json,
// 1507 into 1508 and 1580): the result has no system of 1507, 1580 owns its new instances and
// their integrations, it validates and plans; --propose then --decisions gives the same file;
// the summary's numbers (computed by hand from make_alesund.py's tables); usage and decisions
// errors, all at once, exit code 2 and no file written.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "tests/test_support.h"

namespace landskap {
namespace {

using nlohmann::json;
using testing::ReadFile;
using testing::RunCli;
using testing::SourcePath;

std::string Alesund() { return SourcePath("datasets/alesund-2024.json"); }

std::string WriteTemp(const std::string& dir, const std::string& name, const std::string& text) {
  std::string path = dir + "/" + name;
  std::ofstream(path) << text;
  return path;
}

// The systems of old Ålesund in make_alesund.py, by domain, with their cutover days.
const std::map<std::string, int> kEssential = {
    {"sak-arkiv", 15},    {"okonomi", 20},  {"lonn", 15},     {"folkereg", 4},
    {"gis", 8},           {"byggesak", 6},  {"barnehage", 5}, {"skole", 8},
    {"helse-omsorg", 12}, {"barnevern", 8}, {"nav-sosial", 6}};  // by id suffix

TEST(SplitCli, AlesundProposalSummaryByHand) {
  std::string dir = testing::TempDir();
  auto r = RunCli({"split", Alesund(), "-o", dir + "/etter.json", "--summary", dir + "/s.json"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out, "");
  json s = json::parse(ReadFile(dir + "/s.json"));
  // --from, --into and --keeper from the file and the register.
  EXPECT_EQ(s["from"], "1507");
  EXPECT_EQ(s["keeper"], "1508");
  EXPECT_EQ(s["into"], json({"1508", "1580"}));
  // By hand: 15 systems of 1507; 11 in domains every municipality must have (new instances for
  // 1580, 107 days: 15+20+15+4+8+6+5+8+12+8+6), 4 not (eiendomsskatt, vann-avlop, bolig,
  // kultur: shared, 4 agreements of 5 days for 1508); 30 + 11 + 4 = 45 systems. Of the 34
  // integrations, 30 touch a system with an instance and lead to a national system, a shared
  // one, a neighbour or another instance (the 4 others: folkeregisteret -> Fiks, bostøtte ->
  // Husbanken, and the two into Sula's GIS): 34 + 30 = 64.
  EXPECT_EQ(s["old_systems"], 15);
  EXPECT_EQ(s["systems_out"], 45);
  EXPECT_EQ(s["integrations_out"], 64);
  const json& alesund = s["successors"][0];
  const json& haram = s["successors"][1];
  EXPECT_EQ(alesund["number"], "1508");
  EXPECT_EQ(alesund["keeper"], true);
  EXPECT_EQ(alesund["own_systems"], 11);
  EXPECT_EQ(alesund["shared_systems"], 4);
  EXPECT_EQ(alesund["agreements"], 4);
  EXPECT_EQ(alesund["effort_days"], 20);
  EXPECT_EQ(haram["number"], "1580");
  EXPECT_EQ(haram["own_systems"], 11);
  EXPECT_EQ(haram["shared_systems"], 4);
  EXPECT_EQ(haram["new_instances"], 11);
  EXPECT_EQ(haram["extractions"], 0);
  EXPECT_EQ(haram["effort_days"], 107);
  EXPECT_EQ(haram["rebuilt_integrations"], 30);
  EXPECT_EQ(haram["without_counterpart"], 0);
  // Visma: lønn 15, økonomi 20, barnehage 5, skole 8, helse og omsorg 12, barnevern 8, sosial 6.
  EXPECT_EQ(haram["effort_by_vendor"], json::parse(R"([{"vendor": "KS", "effort_days": 4},
                            {"vendor": "Norkart", "effort_days": 14},
                            {"vendor": "Tieto", "effort_days": 15},
                            {"vendor": "Visma", "effort_days": 74}])"));

  // The landscape: nothing of 1507 left; 1580's instances copy their originals and have their
  // integrations.
  json l = json::parse(ReadFile(dir + "/etter.json"));
  std::map<std::string, json> systems;
  for (const json& sys : l["systems"]) systems[sys["id"]] = sys;
  for (const auto& [id, sys] : systems) EXPECT_NE(sys["owner"], "1507") << id;
  for (const auto& [suffix, days] : kEssential) {
    const json& made = systems["haram." + suffix];
    const json& original = systems["alesund." + suffix];
    EXPECT_EQ(made["owner"], "1580") << suffix;
    EXPECT_EQ(made["vendor"], original["vendor"]) << suffix;
    EXPECT_EQ(made["product"], original["product"]) << suffix;
    EXPECT_EQ(made["domain"], original["domain"]) << suffix;
    EXPECT_EQ(made["cutover"]["effort_days"], days) << suffix;
    EXPECT_EQ(original["owner"], "1508") << suffix;
  }
  EXPECT_EQ(systems["alesund.kultur"]["owner"], "1508+1580");
  EXPECT_EQ(systems["alesund.kultur"]["kind"], "intermunicipal");
  EXPECT_EQ(systems["haram.sak-arkiv"]["name"], "Sak/arkiv (Haram)");
  std::set<std::string> pairs;
  for (const json& in : l["integrations"])
    pairs.insert(in["from"].get<std::string>() + ">" + in["to"].get<std::string>());
  for (const char* pair : {"ks.fiks-folkeregister>haram.folkereg", "matrikkelen>haram.gis",
                           "haram.folkereg>haram.sak-arkiv", "haram.lonn>skatteetaten.a-ordningen",
                           "haram.sak-arkiv>sula.sak-arkiv", "haram.sak-arkiv>giske.sak-arkiv",
                           "haram.gis>arim.renovasjon", "haram.gis>alesund.eiendomsskatt",
                           "alesund.vann-avlop>haram.okonomi", "nav.digisos>haram.nav-sosial"})
    EXPECT_TRUE(pairs.count(pair)) << pair;
  ASSERT_EQ(l["changes"].size(), 2u);  // the file's two rows, kept

  // It validates and plans, with no cycle, each instance after the systems that feed it.
  auto validate = RunCli({"validate", dir + "/etter.json"});
  EXPECT_EQ(validate.code, 0) << validate.err;
  auto plan =
      RunCli({"plan", dir + "/etter.json", "--key", "kommunenummer", "--start", "2023-08-01",
              "--deadline", "2024-01-01", "--fail-if-late", "--format", "json"});
  ASSERT_EQ(plan.code, 0) << plan.err;
  json p = json::parse(plan.out);
  EXPECT_TRUE(p["bundles"].empty()) << p["bundles"].dump();
  std::map<std::string, json> tasks;
  for (const json& t : p["tasks"]) tasks[t["id"]] = t;
  for (const char* id : {"haram.folkereg", "haram.sak-arkiv", "haram.okonomi", "haram.lonn",
                         "agreement.alesund.eiendomsskatt", "alesund.eiendomsskatt"})
    ASSERT_TRUE(tasks.count(id)) << id;
  // Dates as YYYY-MM-DD compare as text; finish_date is the last day of work.
  auto after = [&](const char* later, const char* earlier) {
    return tasks[later]["start_date"].get<std::string>() >
           tasks[earlier]["finish_date"].get<std::string>();
  };
  EXPECT_TRUE(after("haram.sak-arkiv", "haram.folkereg"));
  EXPECT_TRUE(after("haram.okonomi", "haram.lonn"));
  EXPECT_TRUE(after("alesund.eiendomsskatt", "agreement.alesund.eiendomsskatt"));
}

TEST(SplitCli, ProposeThenDecisionsRoundTrips) {
  std::string dir = testing::TempDir();
  auto preview = RunCli({"split", Alesund(), "--propose", dir + "/p.json", "--format", "markdown"});
  ASSERT_EQ(preview.code, 0) << preview.err;
  EXPECT_NE(preview.out.find("## Successors"), std::string::npos) << preview.out;
  EXPECT_NE(preview.out.find("| 1580 Haram |"), std::string::npos) << preview.out;
  json proposal = json::parse(ReadFile(dir + "/p.json"));
  EXPECT_EQ(proposal["format"], "landskap-split-decisions/1");
  EXPECT_EQ(proposal["decisions"].size(), 15u);
  auto first = RunCli({"split", Alesund(), "-o", dir + "/a.json"});
  ASSERT_EQ(first.code, 0) << first.err;
  auto again = RunCli({"split", Alesund(), "--from", "1507", "--into", "1508,1580", "--keeper",
                       "1508", "--decisions", dir + "/p.json", "-o", dir + "/b.json"});
  ASSERT_EQ(again.code, 0) << again.err;
  EXPECT_EQ(ReadFile(dir + "/a.json"), ReadFile(dir + "/b.json"));
  EXPECT_NE(again.err.find("Every system is decided by the decisions file."), std::string::npos)
      << again.err;
}

// Impact on the split landscape: 1507 owns nothing any more, so the split's section says so in
// one line instead of asking each successor for "these 0 systems".
TEST(SplitCli, ImpactAfterTheSplitSaysTheDivisionIsDone) {
  std::string dir = testing::TempDir();
  ASSERT_EQ(RunCli({"split", Alesund(), "-o", dir + "/a.json"}).code, 0);
  auto impact = RunCli({"impact", dir + "/a.json", "--key", "kommunenummer"});
  ASSERT_EQ(impact.code, 0) << impact.err;
  EXPECT_EQ(impact.out.find("0 systems"), std::string::npos) << impact.out;
  EXPECT_NE(impact.out.find("- 1507 Ålesund owns no systems in this file: they are already "
                            "divided between the successors (landskap split)\n"),
            std::string::npos)
      << impact.out;
  // Before the split the section lists the 14 systems of 1507 that the change reaches (the 15
  // less alesund.kultur, which holds fnr only and receives no kommunenummer).
  auto before = RunCli({"impact", Alesund(), "--key", "kommunenummer"});
  ASSERT_EQ(before.code, 0) << before.err;
  EXPECT_NE(before.out.find("Each needs these 14 systems"), std::string::npos) << before.out;
}

// By hand: kultur kept by 1508 alone (Haram's folkeregister copy then feeds a system it has no
// share of: of the proposal's 30 rebuilt integrations one is now without a counterpart),
// eiendomsskatt a new instance for Haram with 9 days (its two integrations, from Haram's GIS and
// to Haram's økonomi, are rebuilt between the instances instead of with the shared system: still
// 29), no agreement for it.
TEST(SplitCli, DecisionsOverrideTheProposal) {
  std::string dir = testing::TempDir();
  std::string decisions = WriteTemp(dir, "d.json", R"({"format": "landskap-split-decisions/1",
    "decisions": [
      {"system": "alesund.kultur", "decision": "keep"},
      {"system": "alesund.eiendomsskatt", "decision": "new-instance", "effort_days": 9,
       "note": "Haram vedtar egen eiendomsskatt"}]})");
  auto r = RunCli({"split", Alesund(), "--decisions", decisions, "--format", "json"});
  ASSERT_EQ(r.code, 0) << r.err;
  json s = json::parse(r.out);
  const json& haram = s["successors"][1];
  EXPECT_EQ(haram["new_instances"], 12);
  EXPECT_EQ(haram["effort_days"], 116);
  EXPECT_EQ(haram["rebuilt_integrations"], 29);
  EXPECT_EQ(haram["without_counterpart"], 1);
  EXPECT_EQ(haram["shared_systems"], 2);
  EXPECT_EQ(s["successors"][0]["agreements"], 2);
  EXPECT_EQ(s["without_counterpart"][0]["missing"], "alesund.kultur");
  bool noted = false;
  for (const json& d : s["decisions"])
    if (d["system"] == "alesund.eiendomsskatt")
      noted = d["decided"] == true && d["reason"] == "Haram vedtar egen eiendomsskatt";
  EXPECT_TRUE(noted);
}

TEST(SplitCli, HelpListsSplitWithAnExample) {
  auto top = RunCli({"--help"});
  EXPECT_NE(top.out.find("  split     split a municipality's landscape"), std::string::npos)
      << top.out;
  auto help = RunCli({"split", "--help"});
  EXPECT_EQ(help.code, 0);
  EXPECT_NE(help.out.find("Example:\n  landskap split datasets/alesund-2024.json"),
            std::string::npos)
      << help.out;
}

TEST(SplitCli, UsageMistakesAllAtOnce) {
  std::string dir = testing::TempDir();
  auto r =
      RunCli({"split", Alesund(), "--from", "15O7", "--into", "1508", "--into", "1508", "--keeper",
              "1599", "--effective", "2024-13-01", "--format", "csv", "-o", Alesund()});
  EXPECT_EQ(r.code, 2);
  for (const char* expected : {
           "--from takes the kommunenummer of the municipality that is split, 4 digits, not "
           "'15O7'",
           "--into 1508 is given twice",
           "--keeper 1599 is not one of the successors given with --into (1508)",
           "--effective takes a date YYYY-MM-DD, not '2024-13-01'",
           "unknown --format 'csv'; use table, json or markdown",
           "-o would overwrite the input",
       })
    EXPECT_NE(r.err.find(expected), std::string::npos) << expected << "\n" << r.err;
  auto one = RunCli({"split", Alesund(), "--into", "1508"});
  EXPECT_EQ(one.code, 2);
  EXPECT_NE(one.err.find("a split has at least two successors: give --into once for each"),
            std::string::npos)
      << one.err;

  // Defaults the file cannot give.
  std::string plain = WriteTemp(dir, "plain.json", R"({"systems": [
      {"id": "s.lonn", "owner": "5012", "domain": "lonn", "keys": ["kommunenummer"]}]})");
  auto none = RunCli({"split", plain});
  EXPECT_EQ(none.code, 2);
  EXPECT_NE(none.err.find("has no split in its changes; say which municipality is split and "
                          "into which, e.g. --from 1507 --into 1508 --into 1580"),
            std::string::npos)
      << none.err;
  auto keeper = RunCli({"split", plain, "--from", "5012", "--into", "5055", "--into", "5056",
                        "--into", "5059", "-o", dir + "/out.json"});
  EXPECT_EQ(keeper.code, 2);
  EXPECT_NE(keeper.err.find("say which successor keeps the administration and 5012 Snillfjord's "
                            "systems: none of 5055 Heim, 5056 Hitra and 5059 Orkland alone has "
                            "its name in SSB's register; e.g. --keeper 5055"),
            std::string::npos)
      << keeper.err;
  EXPECT_FALSE(std::filesystem::exists(dir + "/out.json"));
  auto given = RunCli({"split", plain, "--from", "5012", "--into", "5055", "--into", "5056",
                       "--into", "5059", "--keeper", "5056", "-o", dir + "/out.json"});
  EXPECT_EQ(given.code, 0) << given.err;
  auto contradicts = RunCli({"split", Alesund(), "--into", "1508", "--into", "1599"});
  EXPECT_EQ(contradicts.code, 2);
  EXPECT_NE(contradicts.err.find("says 1507 Ålesund is split into 1508 Ålesund and 1580 Haram, "
                                 "but --into names 1508 Ålesund and 1599; leave out --into, or "
                                 "correct the file's changes (--into 1508 --into 1580)"),
            std::string::npos)
      << contradicts.err;
}

TEST(SplitCli, DecisionErrorsWithTheirPathsAndNoFileWritten) {
  std::string dir = testing::TempDir();
  std::string decisions = WriteTemp(dir, "d.json", R"({"format": "landskap-split-decisions/1",
    "decisions": [
      {"system": "alesund.gsi", "decision": "new-instance"},
      {"system": "alesund.kultur", "decision": "shard"},
      {"system": "ks.svarut", "decision": "keep"},
      {"system": "alesund.bostotte", "decision": "divide"}]})");
  auto r = RunCli({"split", Alesund(), "--decisions", decisions, "-o", dir + "/out.json"});
  EXPECT_EQ(r.code, 2);
  // The reader's mistakes first (the file is not split with them) ...
  EXPECT_NE(r.err.find(decisions +
                       ": /decisions/1/decision: error: unknown decision 'shard' (did you mean "
                       "'shared'?)"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("1 error; nothing was split."), std::string::npos) << r.err;
  EXPECT_FALSE(std::filesystem::exists(dir + "/out.json"));
  // ... then, once it reads, the mistakes against the landscape, all at once.
  WriteTemp(dir, "d.json", R"({"format": "landskap-split-decisions/1",
    "decisions": [
      {"system": "alesund.gsi", "decision": "new-instance"},
      {"system": "ks.svarut", "decision": "keep"},
      {"system": "alesund.bostotte", "decision": "divide"}]})");
  r = RunCli({"split", Alesund(), "--decisions", decisions, "-o", dir + "/out.json"});
  EXPECT_EQ(r.code, 2);
  for (const std::string& expected : {
           decisions + ": /decisions/0/system: error: unknown system 'alesund.gsi' (did you mean "
                       "'alesund.gis'?)",
           decisions + ": /decisions/1/system: error: 'ks.svarut' is owned by KS, not by 1507 "
                       "Ålesund",
           decisions + ": /decisions/2: error: 1580 Haram has no system of its own in domain "
                       "'bolig'",
           std::string("landskap split: 3 errors; nothing was written."),
       })
    EXPECT_NE(r.err.find(expected), std::string::npos) << expected << "\n" << r.err;
  EXPECT_FALSE(std::filesystem::exists(dir + "/out.json"));
  // A merge decisions file given to split.
  auto merge =
      RunCli({"split", Alesund(), "--decisions", SourcePath("datasets/oygarden-decisions.json")});
  EXPECT_EQ(merge.code, 2);
  EXPECT_NE(merge.err.find("/format: error: this is a decisions file of landskap merge"),
            std::string::npos)
      << merge.err;
}

}  // namespace
}  // namespace landskap
