// landskap split, the engine: small cases computed by hand (see the comment above each), the
// proposal's rule, decisions laid over it, divide into a successor's own system, three
// successors, the plan's order of the tasks, decisions-file errors with their JSON paths, and a
// landscape large enough that the result's vectors grow many times while the split adds to them.
#include "engine/merge/split.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

#include "engine/analysis/graph.h"
#include "engine/analysis/impact.h"
#include "engine/file/load.h"
#include "engine/file/write_landscape.h"
#include "engine/merge/diff.h"
#include "engine/plan/plan.h"
#include "tests/test_support.h"

namespace landskap {
namespace {

using testing::Parse;

// Old Ålesund (1507) in small: its folkeregister copy and archive (domains every municipality
// must have), kulturskole and eiendomsskatt (domains it need not have), a national register,
// KS SvarUt and Sula's archive.
const char* kAlesund = R"json({"format": "landskap/1",
  "keys": ["kommunenummer", "fnr", "gnr-bnr"],
  "changes": [
    {"key": "kommunenummer", "from": "1507", "to": "1508", "effective": "2024-01-01"},
    {"key": "kommunenummer", "from": "1507", "to": "1580", "effective": "2024-01-01"}],
  "systems": [
    {"id": "reg", "kind": "national", "owner": "Skatteetaten", "keys": ["kommunenummer", "fnr"],
     "cutover": {"effort_days": 1}},
    {"id": "svarut", "kind": "national", "owner": "KS", "keys": ["kommunenummer"],
     "cutover": {"effort_days": 1}},
    {"id": "a.folkereg", "name": "Folkeregister (Ålesund)", "kind": "municipal", "owner": "1507",
     "vendor": "KS", "product": "Fiks", "domain": "folkeregister",
     "keys": ["kommunenummer", "fnr"], "criticality": "critical", "cutover": {"effort_days": 4}},
    {"id": "a.sak", "name": "Sak/arkiv (Ålesund)", "kind": "municipal", "owner": "1507",
     "vendor": "Tieto", "product": "Public 360", "domain": "sak-arkiv",
     "keys": ["kommunenummer", "fnr"], "criticality": "high",
     "cutover": {"effort_days": 15, "after": ["a.folkereg"]}},
    {"id": "a.kultur", "name": "Kulturskole", "kind": "municipal", "owner": "1507",
     "vendor": "Speedadmin", "product": "Speedadmin", "domain": "kultur",
     "keys": ["kommunenummer", "fnr"], "cutover": {"effort_days": 2}},
    {"id": "a.skatt", "name": "Eiendomsskatt (Ålesund)", "kind": "municipal", "owner": "1507",
     "vendor": "Norkart", "product": "Komtek", "domain": "eiendomsskatt",
     "keys": ["kommunenummer", "gnr-bnr"], "cutover": {"effort_days": 6}},
    {"id": "sula.sak", "kind": "municipal", "owner": "1531", "domain": "sak-arkiv",
     "keys": ["kommunenummer"]}],
  "integrations": [
    {"from": "reg", "to": "a.folkereg", "carries": ["kommunenummer", "fnr"]},
    {"from": "a.folkereg", "to": "a.sak", "carries": ["fnr"], "protocol": "REST"},
    {"from": "a.folkereg", "to": "a.kultur", "carries": ["fnr"]},
    {"id": "utsending", "from": "a.sak", "to": "svarut", "carries": ["kommunenummer"]},
    {"from": "a.sak", "to": "sula.sak", "carries": ["kommunenummer"]},
    {"from": "a.skatt", "to": "a.sak", "carries": ["kommunenummer"]}]})json";

SplitDecisions Decisions(const std::string& text) {
  SplitDecisions d;
  Diagnostics diags("d.json");
  EXPECT_TRUE(ParseSplitDecisionsText(text, "d.json", &d, &diags));
  return d;
}

struct Split {
  bool ok = false;
  Landscape landscape;
  SplitSummary summary;
  Diagnostics diagnostics;
};

Split SplitRun(const Landscape& input, const SplitDecisions* decisions,
               std::vector<std::string> into = {"1508", "1580"}, std::string keeper = "1508",
               std::string from = "1507") {
  SplitOptions options;
  options.label = "in.json";
  options.from = from;
  options.into = into;
  options.keeper = keeper;
  options.decisions = decisions;
  Split s;
  s.ok = SplitLandscape(input, options, &s.landscape, &s.summary, &s.diagnostics);
  if (s.ok) {
    // What split writes must load again.
    Landscape again;
    Diagnostics d("split");
    EXPECT_TRUE(LoadLandscapeText(WriteLandscape(s.landscape), "split", &again, &d))
        << (d.Items().empty() ? "" : FormatDiagnostic(d.Items()[0]));
  }
  return s;
}

const System& Sys(const Landscape& l, const std::string& id) {
  auto s = l.FindSystem(id);
  EXPECT_TRUE(s.has_value()) << id;
  return l.systems[s.value_or(0)];
}

std::vector<std::string> Ids(const Landscape& l) {
  std::vector<std::string> ids;
  for (const System& s : l.systems) ids.push_back(s.id);
  return ids;
}

std::vector<std::string> After(const Landscape& l, const std::string& id) {
  std::vector<std::string> ids;
  for (SystemIndex a : Sys(l, id).cutover.after) ids.push_back(l.systems[a].id);
  return ids;
}

std::vector<std::string> Pairs(const Landscape& l) {
  std::vector<std::string> pairs;
  for (const Integration& i : l.integrations)
    pairs.push_back(l.systems[i.from].id + ">" + l.systems[i.to].id);
  return pairs;
}

std::string Errors(const Diagnostics& d) {
  std::string out;
  for (const Diagnostic& item : d.Items()) out += FormatDiagnostic(item) + "\n";
  return out;
}

// By hand, the proposal: folkeregister and sak-arkiv are domains every municipality must have,
// so 1580 gets haram.folkereg (4 days, its cutover) and haram.sak (15 days); kultur and
// eiendomsskatt are not, so both become 1508+1580's, each after an agreement of 5 days owned
// by 1508. Integrations rebuilt for Haram, in input order: reg -> folkereg (a national register),
// folkereg -> sak (both have instances), folkereg -> kultur (shared), sak -> svarut (id
// "utsending@1580"), sak -> sula.sak (a neighbour), skatt -> sak (shared): 6, none missing.
TEST(Split, ProposalByHand) {
  Landscape input = Parse(kAlesund);
  Split s = SplitRun(input, nullptr);
  ASSERT_TRUE(s.ok) << Errors(s.diagnostics);
  const Landscape& l = s.landscape;
  EXPECT_EQ(Ids(l), (std::vector<std::string>{"reg", "svarut", "a.folkereg", "a.sak", "a.kultur",
                                              "a.skatt", "sula.sak", "haram.folkereg", "haram.sak",
                                              "agreement.a.kultur", "agreement.a.skatt"}));
  for (const System& sys : l.systems) EXPECT_NE(sys.owner, "1507") << sys.id;
  EXPECT_EQ(Sys(l, "a.folkereg").owner, "1508");
  EXPECT_EQ(Sys(l, "a.sak").owner, "1508");
  EXPECT_EQ(Sys(l, "a.sak").kind, Kind::kMunicipal);
  EXPECT_EQ(Sys(l, "a.kultur").owner, "1508+1580");
  EXPECT_EQ(Sys(l, "a.kultur").kind, Kind::kIntermunicipal);
  EXPECT_EQ(After(l, "a.kultur"), (std::vector<std::string>{"agreement.a.kultur"}));
  EXPECT_EQ(Sys(l, "a.skatt").owner, "1508+1580");

  const System& sak = Sys(l, "haram.sak");
  EXPECT_EQ(sak.name, "Sak/arkiv (Haram)");
  EXPECT_EQ(sak.owner, "1580");
  EXPECT_EQ(sak.kind, Kind::kMunicipal);
  EXPECT_EQ(sak.vendor, "Tieto");
  EXPECT_EQ(sak.product, "Public 360");
  EXPECT_EQ(sak.domain, "sak-arkiv");
  EXPECT_EQ(sak.criticality, Criticality::kHigh);
  EXPECT_EQ(KeyList(l, sak.keys), "fnr, kommunenummer");
  EXPECT_EQ(sak.cutover.effort_days, 15);
  EXPECT_EQ(After(l, "haram.sak"), (std::vector<std::string>{"haram.folkereg"}));
  EXPECT_EQ(Sys(l, "haram.folkereg").cutover.effort_days, 4);
  EXPECT_TRUE(Sys(l, "haram.folkereg").cutover.after.empty());

  const System& agreement = Sys(l, "agreement.a.kultur");
  EXPECT_EQ(agreement.owner, "1508");
  EXPECT_EQ(agreement.cutover.effort_days, kDefaultAgreementDays);
  EXPECT_EQ(agreement.name, "Agreement on sharing Kulturskole (1508 Ålesund, 1580 Haram)");
  EXPECT_EQ(KeyList(l, agreement.keys), "kommunenummer");

  EXPECT_EQ(Pairs(l), (std::vector<std::string>{
                          "reg>a.folkereg", "a.folkereg>a.sak", "a.folkereg>a.kultur",
                          "a.sak>svarut", "a.sak>sula.sak", "a.skatt>a.sak", "reg>haram.folkereg",
                          "haram.folkereg>haram.sak", "haram.folkereg>a.kultur", "haram.sak>svarut",
                          "haram.sak>sula.sak", "a.skatt>haram.sak"}));
  EXPECT_EQ(l.integrations[9].id, "utsending@1580");
  EXPECT_EQ(l.integrations[6].id, "reg:haram.folkereg");
  EXPECT_TRUE(l.integrations[6].id_generated);
  EXPECT_EQ(l.integrations[7].protocol, "REST");
  EXPECT_EQ(KeyList(l, l.integrations[6].carries), "fnr, kommunenummer");
  ASSERT_EQ(l.changes.size(), 2u);  // the file's, kept

  const SplitSummary& sum = s.summary;
  EXPECT_EQ(sum.old_systems, 4u);
  EXPECT_EQ(sum.systems_in, 7u);
  EXPECT_EQ(sum.systems_out, 11u);
  EXPECT_EQ(sum.integrations_out, 12u);
  ASSERT_EQ(sum.outcomes.size(), 4u);
  EXPECT_EQ(sum.outcomes[0].system, "a.folkereg");
  EXPECT_EQ(sum.outcomes[0].choice, SplitChoice::kNewInstance);
  EXPECT_EQ(sum.outcomes[0].successors, (std::vector<std::string>{"1580"}));
  EXPECT_FALSE(sum.outcomes[0].decided);
  EXPECT_EQ(sum.outcomes[1].system, "a.kultur");
  EXPECT_EQ(sum.outcomes[1].choice, SplitChoice::kShared);
  EXPECT_EQ(sum.outcomes[1].reason,
            "kultur is not a domain every municipality must have a system of its own for, so the "
            "successors share it");
  EXPECT_EQ(sum.rebuilt.size(), 6u);
  EXPECT_TRUE(sum.without_counterpart.empty());
  ASSERT_EQ(sum.successors.size(), 2u);
  const SuccessorSummary& alesund = sum.successors[0];
  EXPECT_EQ(alesund.number, "1508");
  EXPECT_TRUE(alesund.keeper);
  EXPECT_EQ(alesund.own_systems, 2u);  // a.folkereg, a.sak
  EXPECT_EQ(alesund.shared_systems, 2u);
  EXPECT_EQ(alesund.agreements, 2u);
  EXPECT_EQ(alesund.new_instances, 0u);
  EXPECT_EQ(alesund.effort_days, 10);
  const SuccessorSummary& haram = sum.successors[1];
  EXPECT_EQ(haram.own_systems, 2u);
  EXPECT_EQ(haram.shared_systems, 2u);
  EXPECT_EQ(haram.new_instances, 2u);
  EXPECT_EQ(haram.agreements, 0u);
  EXPECT_EQ(haram.effort_days, 19);
  EXPECT_EQ(haram.rebuilt, 6u);
  EXPECT_EQ(haram.effort_by_vendor,
            (std::vector<std::pair<std::string, double>>{{"KS", 4}, {"Tieto", 15}}));
  EXPECT_EQ(sum.effort_by_vendor,
            (std::vector<std::pair<std::string, double>>{{"", 10}, {"KS", 4}, {"Tieto", 15}}));
  ASSERT_EQ(sum.tasks.size(), 4u);
  EXPECT_EQ(sum.tasks[0].task, "agreement.a.kultur");
  EXPECT_EQ(sum.tasks[0].effort_from, "default");
  EXPECT_EQ(sum.tasks[2].task, "haram.folkereg");
  EXPECT_EQ(sum.tasks[2].effort_from, "system's cutover");
}

// The plan of the split result, by hand, every day counted from Monday 2023-12-04 (day 0):
// reg 1 day [0,1); haram.folkereg after reg, 4 days [1,5); the agreements from day 0, 5 days
// [0,5); a.skatt after its agreement, 6 days [5,11); haram.sak after haram.folkereg and a.skatt
// (which feeds it), 15 days [11,26); a.kultur after its agreement and both folkeregister copies
// [5,7). Establishment before the integrations that need the new instance, no cycle.
TEST(Split, PlanOrdersTheTasks) {
  Landscape input = Parse(kAlesund);
  Split s = SplitRun(input, nullptr);
  ASSERT_TRUE(s.ok);
  const Landscape& l = s.landscape;
  Graph graph(l);
  ImpactQuery query;
  query.key = l.FindKey("kommunenummer");
  ImpactResult impact = ComputeImpact(graph, query);
  PlanOptions options;
  options.calendar = Calendar(Calendar::Kind::kAllDays);
  options.start = ParseDate("2023-12-04");
  Plan plan;
  Diagnostics diags;
  ASSERT_TRUE(ComputePlan(graph, options, &impact, &plan, &diags)) << Errors(diags);
  auto task = [&](const std::string& id) {
    const PlanTask* t = plan.Find(*l.FindSystem(id));
    EXPECT_NE(t, nullptr) << id;
    return t;
  };
  for (const char* id : {"haram.folkereg", "haram.sak", "agreement.a.kultur", "agreement.a.skatt",
                         "a.kultur", "a.skatt", "a.sak"})
    ASSERT_NE(task(id), nullptr);
  EXPECT_EQ(FormatDate(*task("haram.folkereg")->start_date), "2023-12-05");
  EXPECT_EQ(FormatDate(*task("haram.folkereg")->finish_date), "2023-12-08");
  EXPECT_EQ(FormatDate(*task("haram.sak")->start_date), "2023-12-15");
  EXPECT_EQ(FormatDate(*task("haram.sak")->finish_date), "2023-12-29");
  EXPECT_TRUE(plan.bundles.empty());
  EXPECT_EQ(FormatDate(*task("agreement.a.kultur")->start_date), "2023-12-04");
  EXPECT_EQ(FormatDate(*task("a.kultur")->start_date), "2023-12-09");
  EXPECT_EQ(FormatDate(*task("a.kultur")->finish_date), "2023-12-10");
}

// By hand: decisions for two systems override the proposal; the others keep it. a.kultur kept
// by 1508 alone: Haram's folkereg -> kultur has no counterpart. a.sak shared with an agreement
// of 8 days: no instance for Haram, so folkereg -> sak, skatt -> sak ... are not rebuilt, and
// Haram's folkereg feeds the shared archive instead.
TEST(Split, DecisionsOverrideTheProposal) {
  Landscape input = Parse(kAlesund);
  SplitDecisions d = Decisions(R"({"format": "landskap-split-decisions/1", "from": "1507",
    "keeper": "1508", "into": ["1580", "1508"], "decisions": [
      {"system": "a.kultur", "decision": "keep", "note": "Haram buys its own later"},
      {"system": "a.sak", "decision": "shared", "effort_days": 8}]})");
  Split s = SplitRun(input, &d);
  ASSERT_TRUE(s.ok) << Errors(s.diagnostics);
  const Landscape& l = s.landscape;
  EXPECT_EQ(Sys(l, "a.kultur").owner, "1508");
  EXPECT_EQ(Sys(l, "a.kultur").kind, Kind::kMunicipal);
  EXPECT_EQ(Sys(l, "a.sak").owner, "1508+1580");
  EXPECT_EQ(Sys(l, "agreement.a.sak").cutover.effort_days, 8);
  EXPECT_FALSE(l.FindSystem("haram.sak"));
  // a.sak's own after (a.folkereg) stays, and the agreement joins it.
  EXPECT_EQ(After(l, "a.sak"), (std::vector<std::string>{"a.folkereg", "agreement.a.sak"}));
  ASSERT_EQ(s.summary.without_counterpart.size(), 1u);
  EXPECT_EQ(s.summary.without_counterpart[0].from, "a.folkereg");
  EXPECT_EQ(s.summary.without_counterpart[0].to, "a.kultur");
  EXPECT_EQ(s.summary.without_counterpart[0].missing, "a.kultur");
  std::vector<std::string> rebuilt;
  for (const SplitIntegration& r : s.summary.rebuilt) rebuilt.push_back(r.from + ">" + r.to);
  EXPECT_EQ(rebuilt, (std::vector<std::string>{"reg>haram.folkereg", "haram.folkereg>a.sak"}));
  EXPECT_TRUE(s.summary.outcomes[1].decided);  // a.kultur
  EXPECT_EQ(s.summary.outcomes[1].reason, "Haram buys its own later");
  EXPECT_FALSE(s.summary.outcomes[0].decided);  // a.folkereg: the proposal
}

// The decisions written from a split give the same landscape back, byte for byte.
TEST(Split, ProposalRoundTrips) {
  Landscape input = Parse(kAlesund);
  Split proposed = SplitRun(input, nullptr);
  ASSERT_TRUE(proposed.ok);
  std::string text = WriteSplitDecisions(SplitAsDecisions(proposed.summary));
  SplitDecisions d = Decisions(text);
  EXPECT_EQ(d.decisions.size(), 4u);
  EXPECT_EQ(d.from, "1507");
  EXPECT_EQ(d.keeper, "1508");
  Split decided = SplitRun(input, &d);
  ASSERT_TRUE(decided.ok) << Errors(decided.diagnostics);
  EXPECT_EQ(WriteLandscape(decided.landscape), WriteLandscape(proposed.landscape));
  for (const SplitOutcome& o : decided.summary.outcomes) EXPECT_TRUE(o.decided) << o.system;
  // And again: the decisions of a decided split are the decisions given.
  EXPECT_EQ(WriteSplitDecisions(SplitAsDecisions(decided.summary)), text);
}

// By hand: Haram already has an eiendomsskatt system of its own (bought before the split), so
// the proposal divides: extraction.a.skatt.1580 moves Haram's part into it, after it, with its
// vendor, 6 days (a.skatt's cutover). a.skatt stays with 1508 alone, no agreement.
TEST(Split, DivideIntoTheSuccessorsOwnSystem) {
  std::string text = kAlesund;
  text.replace(text.find("{\"id\": \"sula.sak\""), 0,
               R"({"id": "haram.eskatt", "owner": "1580", "vendor": "Acos", "product": "X",
                   "domain": "eiendomsskatt", "keys": ["kommunenummer", "gnr-bnr"]},
               )");
  Landscape input = Parse(text);
  Split s = SplitRun(input, nullptr);
  ASSERT_TRUE(s.ok) << Errors(s.diagnostics);
  const Landscape& l = s.landscape;
  EXPECT_EQ(Sys(l, "a.skatt").owner, "1508");
  EXPECT_FALSE(l.FindSystem("agreement.a.skatt"));
  const System& task = Sys(l, "extraction.a.skatt.1580");
  EXPECT_EQ(task.owner, "1580");
  EXPECT_EQ(task.vendor, "Acos");
  EXPECT_EQ(task.product, "data extraction");
  EXPECT_EQ(task.cutover.effort_days, 6);
  EXPECT_EQ(After(l, "extraction.a.skatt.1580"), (std::vector<std::string>{"haram.eskatt"}));
  EXPECT_EQ(task.name,
            "Data extraction: 1580 Haram's part of Eiendomsskatt (Ålesund) → haram.eskatt");
  ASSERT_EQ(s.summary.outcomes.size(), 4u);
  EXPECT_EQ(s.summary.outcomes[3].choice, SplitChoice::kDivide);
  EXPECT_EQ(s.summary.outcomes[3].reason,
            "1580 Haram has its own eiendomsskatt system (haram.eskatt)");
  // Haram's own system counts as its own, the extraction does not.
  EXPECT_EQ(s.summary.successors[1].own_systems, 3u);
  EXPECT_EQ(s.summary.successors[1].extractions, 1u);
  // a.skatt -> a.sak: Haram has a new archive but no share of a.skatt: no counterpart.
  ASSERT_EQ(s.summary.without_counterpart.size(), 1u);
  EXPECT_EQ(s.summary.without_counterpart[0].missing, "a.skatt");

  // Divide needs a system of the successor in the domain: Haram has none for kultur.
  SplitDecisions d = Decisions(R"({"format": "landskap-split-decisions/1", "decisions": [
      {"system": "a.kultur", "decision": "divide"}]})");
  Split none = SplitRun(input, &d);
  EXPECT_FALSE(none.ok);
  EXPECT_NE(Errors(none.diagnostics)
                .find("d.json: /decisions/0: error: 1580 Haram has no system of its own in domain "
                      "'kultur' to receive its part of 'a.kultur'; decide new-instance"),
            std::string::npos)
      << Errors(none.diagnostics);
}

// Three successors, none with the old name (Snillfjord 2020): no keeper by name; the keeper
// given, the proposal makes an instance for each of the other two, with the register's prefix
// ("heim") and the number where the register has no name.
TEST(Split, ThreeSuccessors) {
  EXPECT_EQ(KeeperByName("5012", {"5055", "5056", "5059"}), std::nullopt);
  EXPECT_EQ(KeeperByName("1507", {"1508", "1580"}), "1508");
  EXPECT_EQ(SuccessorPrefix("1580"), "haram");
  EXPECT_EQ(SuccessorPrefix("1508"), "alesund");
  EXPECT_EQ(SuccessorPrefix("1867"), "bo");
  EXPECT_EQ(SuccessorPrefix("3020"), "nordre-follo");
  EXPECT_EQ(SuccessorPrefix("9999"), "9999");
  Landscape input = Parse(R"({"systems": [
      {"id": "s.lonn", "owner": "5012", "domain": "lonn", "keys": ["kommunenummer"]},
      {"id": "s.web", "owner": "5012", "domain": "nettsted"}]})");
  Split s = SplitRun(input, nullptr, {"5059", "5055", "9999"}, "5059", "5012");
  ASSERT_TRUE(s.ok) << Errors(s.diagnostics);
  EXPECT_EQ(Ids(s.landscape), (std::vector<std::string>{"s.lonn", "s.web", "heim.lonn", "9999.lonn",
                                                        "agreement.s.web"}));
  EXPECT_EQ(Sys(s.landscape, "s.web").owner, "5055+5059+9999");
  EXPECT_EQ(Sys(s.landscape, "heim.lonn").cutover.effort_days, kDefaultEstablishmentDays);
  // No changes in the file: a split row per successor.
  ASSERT_EQ(s.landscape.changes.size(), 3u);
  EXPECT_EQ(s.landscape.changes[0].to, "5055");
  EXPECT_EQ(s.landscape.changes[2].to, "9999");
  EXPECT_EQ(s.landscape.changes[0].kind, ReformKind::kSplit);
}

TEST(Split, DecisionErrorsNameTheirJsonPath) {
  Landscape input = Parse(kAlesund);
  SplitDecisions d = Decisions(R"({"format": "landskap-split-decisions/1", "from": "1506",
    "keeper": "1580", "into": ["1508", "1581"], "decisions": [
      {"system": "a.folkreg", "decision": "keep"},
      {"system": "reg", "decision": "shared"},
      {"system": "a.sak", "decision": "new-instance", "successors": ["1508"]},
      {"system": "a.sak", "decision": "new-instance", "successors": ["1599"]},
      {"system": "a.kultur", "decision": "shared"},
      {"system": "a.kultur", "decision": "shared"},
      {"system": "a.skatt", "decision": "new-instance"},
      {"system": "a.skatt", "decision": "divide", "successors": ["1580"]},
      {"system": "a.folkereg", "decision": "keep"},
      {"system": "a.folkereg", "decision": "new-instance", "domain": "lonn"}]})");
  Split s = SplitRun(input, &d);
  EXPECT_FALSE(s.ok);
  std::string errors = Errors(s.diagnostics);
  for (const char* expected : {
           "d.json: /from: error: these decisions are for the split of 1506, but this is the "
           "split of 1507",
           "d.json: /keeper: error: these decisions were written for 1580 as the keeper, but the "
           "keeper is 1508",
           "d.json: /into: error: these decisions are for the successors 1508, 1581, but the "
           "successors are 1508, 1580",
           "d.json: /decisions/0/system: error: unknown system 'a.folkreg' (did you mean "
           "'a.folkereg'?); the systems to decide on are those owned by 1507",
           "d.json: /decisions/1/system: error: 'reg' is owned by Skatteetaten, not by 1507 "
           "Ålesund",
           "d.json: /decisions/2/successors/0: error: 1508 is the keeper, which keeps the system "
           "anyway",
           "d.json: /decisions/3/successors/0: error: 1599 is not a successor of 1507",
           "d.json: /decisions/5: error: 'a.kultur' is already shared at /decisions/4",
           "d.json: /decisions/7: error: 'a.skatt' is already decided for 1580 at /decisions/6",
           "d.json: /decisions/9: error: 'a.folkereg' is kept at /decisions/8",
       })
    EXPECT_NE(errors.find(expected), std::string::npos) << expected << "\n" << errors;
}

TEST(Split, DecisionsFileSyntaxErrors) {
  SplitDecisions d;
  Diagnostics syntax("d.json");
  EXPECT_FALSE(ParseSplitDecisionsText(
      "{\"format\": \"landskap-split-decisions/1\",\n \"decisions\": [}", "d.json", &d, &syntax));
  EXPECT_EQ(syntax.Items().at(0).location, "2:16");
  Diagnostics typos("d.json");
  EXPECT_FALSE(ParseSplitDecisionsText(R"({"format": "landskap-decisions/1", "keeper": "15O8",
      "decisions": [{"system": "a.sak", "decison": "keep"},
                    {"system": "a.sak", "decision": "new instance", "effort_days": -2},
                    {"system": "has space", "decision": "keep", "successors": ["1580"]},
                    {"decision": "shared", "successors": "1580"},
                    {"system": "a.gis", "decision": "divide", "successors": ["1580", "1580"]},
                    7]})",
                                       "d.json", &d, &typos));
  std::string errors = Errors(typos);
  for (const char* expected : {
           "d.json: /format: error: this is a decisions file of landskap merge",
           "d.json: /keeper: error: keeper is a kommunenummer, 4 digits, not '15O8'",
           "d.json: /decisions/0/decison: error: unknown field 'decison' (did you mean "
           "'decision'?)",
           "d.json: /decisions/0/decision: error: missing \"decision\": keep, new-instance, "
           "shared or divide",
           "d.json: /decisions/1/decision: error: unknown decision 'new instance' (did you mean "
           "'new-instance'?)",
           "d.json: /decisions/1/effort_days: error: effort_days must be from 0 to 100000 days",
           "d.json: /decisions/2/system: error: 'has space' is not a system id",
           "d.json: /decisions/3/system: error: missing \"system\"",
           "d.json: /decisions/3/successors: error: 'successors' is a list of kommunenummer",
           "d.json: /decisions/4/successors/1: error: 1580 is listed twice",
           "d.json: /decisions/5: error: a decision is an object",
       })
    EXPECT_NE(errors.find(expected), std::string::npos) << expected << "\n" << errors;
  Diagnostics keep("d.json");
  EXPECT_FALSE(ParseSplitDecisionsText(R"({"format": "landskap-split-decisions/1", "decisions": [
      {"system": "a.sak", "decision": "keep", "successors": ["1580"]}]})",
                                       "d.json", &d, &keep));
  EXPECT_NE(Errors(keep).find("/decisions/0/successors: error: keep is for no successor"),
            std::string::npos)
      << Errors(keep);
}

// Found by split_decisions_fuzzer: a number too large for a double ended the program.
TEST(Split, DecisionsFileNumberTooLarge) {
  SplitDecisions d;
  Diagnostics diags("d.json");
  EXPECT_FALSE(ParseSplitDecisionsText(
      "{\"format\": \"landskap-split-decisions/1\", \"decisions\": [\n"
      " {\"system\": \"a.sak\", \"decision\": \"shared\", \"effort_days\": -9e999},\n"
      " {\"system\": \"a.gis\", \"decision\": \"new instance\", \"effort_days\": 1e3088}]}",
      "d.json", &d, &diags));
  std::string errors = Errors(diags);
  for (const char* expected : {
           "d.json:2:59: error: the number -9e999 is too far below zero",
           "d.json:3:65: error: the number 1e3088 is too large; effort_days is a number of "
           "working days, e.g. 10",
           "d.json: /decisions/1/decision: error: unknown decision 'new instance'",
       })
    EXPECT_NE(errors.find(expected), std::string::npos) << expected << "\n" << errors;
}

TEST(Split, FileAndOptionErrors) {
  Landscape input = Parse(kAlesund);
  // Nothing owned by the old number.
  Split none = SplitRun(input, nullptr, {"1508", "1580"}, "1508", "1504");
  EXPECT_FALSE(none.ok);
  EXPECT_NE(Errors(none.diagnostics)
                .find("in.json: error: no system is owned by 1504 Ålesund, so there is nothing "
                      "to split; the old municipality's systems have \"owner\": \"1504\" (the "
                      "municipalities here: 1507, 1531)"),
            std::string::npos)
      << Errors(none.diagnostics);
  // The file splits 1507 into 1508 and 1580, not into 1508 and 1599.
  Split other = SplitRun(input, nullptr, {"1508", "1599"}, "1508");
  EXPECT_FALSE(other.ok);
  EXPECT_NE(Errors(other.diagnostics)
                .find("in.json: /changes/1: error: 1507 goes to 1580 here, which is not one of "
                      "the successors (1508, 1599)"),
            std::string::npos)
      << Errors(other.diagnostics);
  // A keeper that is not a successor, and a successor that is the old number.
  Split bad = SplitRun(input, nullptr, {"1508", "1507"}, "1580");
  EXPECT_FALSE(bad.ok);
  EXPECT_NE(Errors(bad.diagnostics).find("1507 is both the old number and a successor"),
            std::string::npos);
  EXPECT_NE(Errors(bad.diagnostics).find("the keeper '1580' is not one of the successors"),
            std::string::npos);
}

// 240 systems of the old municipality split into three (1508 keeps, 1580 and 1599), the even
// ones in domains every municipality must have (120 new instances for each of 1580 and 1599),
// the odd ones not (120 shared by all three, 120 agreements); each fed by the register (240
// integrations) and feeding the next (239). By hand: 1 + 240 + 2 * 120 + 120 = 601 systems;
// rebuilt for each of 1580 and 1599: the register's 120 feeds of the even ones, and all 239 links
// of the chain (each has an even end with an instance and an odd one it shares): 359, 718 in all;
// 479 + 718 = 1197 integrations. The result's vectors grow from 241 systems and 479 integrations
// many times over while the split adds to them, two instances per original (under ASan a
// reference into them held across the growth would be reported).
TEST(Split, LargeLandscapeGrowsAndKeepsEverythingConsistent) {
  const auto& domains = DomainsEveryMunicipalityMustHave();
  std::string text = R"({"systems": [{"id": "reg", "kind": "national", "owner": "Reg",
    "keys": ["kommunenummer"]})";
  const int n = 240;
  for (int i = 0; i < n; ++i) {
    std::string domain = i % 2 == 0 ? std::string(domains[(i / 2) % domains.size()].domain)
                                    : "valgfri-" + std::to_string(i);
    text += ",{\"id\": \"a.s" + std::to_string(i) + "\", \"owner\": \"1507\", \"domain\": \"" +
            domain + "\", \"vendor\": \"V" + std::to_string(i % 3) +
            "\", \"keys\": [\"kommunenummer\"], \"cutover\": {\"effort_days\": " +
            std::to_string(1 + i % 4) + (i > 0 ? ", \"after\": [\"a.s0\"]" : "") + "}}";
  }
  text += "], \"integrations\": [";
  for (int i = 0; i < n; ++i)
    text += std::string(i ? "," : "") + "{\"from\": \"reg\", \"to\": \"a.s" + std::to_string(i) +
            "\", \"carries\": [\"kommunenummer\"]}";
  for (int i = 0; i + 1 < n; ++i)
    text += ",{\"from\": \"a.s" + std::to_string(i) + "\", \"to\": \"a.s" + std::to_string(i + 1) +
            "\", \"carries\": [\"kommunenummer\"]}";
  text += "]}";
  Landscape input = Parse(text);
  Split s = SplitRun(input, nullptr, {"1508", "1580", "1599"});
  ASSERT_TRUE(s.ok) << Errors(s.diagnostics);
  const Landscape& l = s.landscape;
  EXPECT_EQ(l.systems.size(), 601u);
  EXPECT_EQ(l.integrations.size(), 1197u);
  EXPECT_EQ(s.summary.rebuilt.size(), 718u);
  EXPECT_TRUE(s.summary.without_counterpart.empty());
  EXPECT_EQ(s.summary.successors[1].new_instances, 120u);
  EXPECT_EQ(s.summary.successors[2].new_instances, 120u);
  EXPECT_EQ(s.summary.successors[0].agreements, 120u);
  // Establishment days of the even systems: 1 + i % 4 for i = 0, 2, 4 ...: 1, 3, 1, 3 ... = 240.
  EXPECT_EQ(s.summary.successors[1].effort_days, 240);
  EXPECT_EQ(s.summary.successors[2].effort_days, 240);
  // Checked independently of the summary: every instance copies its original, waits for its
  // successor's instance of a.s0 (its original waited for a.s0) and has its original's
  // integrations with the register and the shared neighbours in the chain.
  std::set<std::string> pairs;
  for (const Integration& i : l.integrations)
    pairs.insert(l.systems[i.from].id + ">" + l.systems[i.to].id);
  for (int i = 0; i < n; ++i) {
    std::string old_id = "a.s" + std::to_string(i);
    const System& original = Sys(l, old_id);
    EXPECT_NE(original.owner, "1507");
    if (i % 2 == 1) {
      EXPECT_EQ(original.owner, "1508+1580+1599");
      EXPECT_TRUE(l.FindSystem("agreement." + old_id));
      continue;
    }
    for (const auto& [owner, prefix] : {std::pair<std::string, std::string>{"1580", "haram"},
                                        std::pair<std::string, std::string>{"1599", "1599"}}) {
      std::string id = prefix + ".s" + std::to_string(i);
      const System& made = Sys(l, id);
      EXPECT_EQ(made.owner, owner);
      EXPECT_EQ(made.vendor, original.vendor);
      EXPECT_EQ(made.domain, original.domain);
      EXPECT_EQ(made.cutover.effort_days, 1 + i % 4);
      EXPECT_TRUE(pairs.count("reg>" + id)) << id;
      if (i + 1 < n) {
        EXPECT_TRUE(pairs.count(id + ">a.s" + std::to_string(i + 1))) << id;
      }
      if (i > 0) {
        EXPECT_EQ(After(l, id), (std::vector<std::string>{prefix + ".s0"}));
        EXPECT_TRUE(pairs.count("a.s" + std::to_string(i - 1) + ">" + id)) << id;
      }
    }
  }
  // The plan has no cycle and puts every instance after haram.s0.
  Graph graph(l);
  ImpactQuery query;
  query.key = l.FindKey("kommunenummer");
  ImpactResult impact = ComputeImpact(graph, query);
  PlanOptions options;
  options.start = ParseDate("2023-08-01");
  Plan plan;
  Diagnostics diags;
  ASSERT_TRUE(ComputePlan(graph, options, &impact, &plan, &diags)) << Errors(diags);
  EXPECT_TRUE(plan.bundles.empty());  // no cycle
  const PlanTask* first = plan.Find(*l.FindSystem("haram.s0"));
  const PlanTask* later = plan.Find(*l.FindSystem("haram.s100"));
  ASSERT_NE(first, nullptr);
  ASSERT_NE(later, nullptr);
  EXPECT_GE(*later->start_date, *first->finish_date);
}

}  // namespace
}  // namespace landskap
