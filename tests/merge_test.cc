// landskap merge and diff: small cases computed by hand (see the comments above each), the
// conversion task in the plan with its dates, proposals, conflicts, a municipality merged with
// itself, diffs of every kind, renames, exit codes, and decisions-file errors with JSON paths.
#include "engine/merge/merge.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "cli/formats/diff.h"
#include "cli/formats/merge.h"
#include "engine/analysis/graph.h"
#include "engine/analysis/impact.h"
#include "engine/file/load.h"
#include "engine/file/write_landscape.h"
#include "engine/merge/diff.h"
#include "engine/plan/plan.h"
#include "tests/test_support.h"

namespace landskap {
namespace {

using nlohmann::json;
using testing::Parse;
using testing::RunCli;

// Municipality A (1001): a.sak, fed by the national register, feeds the intermunicipal archive.
const char* kA = R"({"format": "landskap/1", "name": "A",
  "keys": ["kommunenummer"],
  "systems": [
    {"id": "reg", "name": "Registeret", "kind": "national", "owner": "Reg", "keys": ["kommunenummer"],
     "cutover": {"effort_days": 1}},
    {"id": "a.sak", "name": "Sak A", "kind": "municipal", "owner": "1001", "vendor": "V1",
     "product": "P1", "domain": "sak", "keys": ["kommunenummer"], "criticality": "high",
     "cutover": {"effort_days": 4}},
    {"id": "arkiv", "kind": "intermunicipal", "owner": "IKA", "cutover": {"effort_days": 2}}],
  "integrations": [
    {"from": "reg", "to": "a.sak", "carries": ["kommunenummer"]},
    {"from": "a.sak", "to": "arkiv", "carries": ["kommunenummer"], "protocol": "file"}]})";

// Municipality B (1002): b.sak, fed by the same register (which B's file calls "Register" and
// gives one more key).
const char* kB = R"({"format": "landskap/1", "name": "B",
  "keys": ["kommunenummer", "fnr"],
  "systems": [
    {"id": "reg", "name": "Register", "kind": "national", "owner": "Reg",
     "keys": ["kommunenummer", "fnr"], "cutover": {"effort_days": 1}},
    {"id": "b.sak", "name": "Sak B", "kind": "municipal", "owner": "1002", "vendor": "V2",
     "product": "P2", "domain": "sak", "keys": ["kommunenummer"], "cutover": {"effort_days": 6}}],
  "integrations": [{"from": "reg", "to": "b.sak", "carries": ["kommunenummer"]}]})";

// Municipality C (1003) uses B's product.
const char* kC = R"({"format": "landskap/1", "name": "C",
  "systems": [
    {"id": "reg", "name": "Registeret", "kind": "national", "owner": "Reg", "keys": ["kommunenummer"],
     "cutover": {"effort_days": 1}},
    {"id": "c.sak", "kind": "municipal", "owner": "1003", "vendor": "V2", "product": "P2",
     "domain": "sak", "keys": ["kommunenummer"]}],
  "integrations": [{"from": "reg", "to": "c.sak", "carries": ["kommunenummer"]}]})";

MergeDecisions Decisions(const std::string& text) {
  MergeDecisions d;
  Diagnostics diags("d.json");
  EXPECT_TRUE(ParseDecisionsText(text, "d.json", &d, &diags));
  return d;
}

struct Merged {
  bool ok = false;
  Landscape landscape;
  MergeSummary summary;
  Diagnostics diagnostics;
};

Merged MergeWith(const std::vector<const Landscape*>& files, MergeOptions options) {
  std::vector<MergeInput> inputs;
  const char* names[] = {"a.json", "b.json", "c.json", "d.json"};
  for (size_t i = 0; i < files.size(); ++i) inputs.push_back({names[i], files[i]});
  Merged m;
  m.ok = MergeLandscapes(inputs, options, &m.landscape, &m.summary, &m.diagnostics);
  if (m.ok) {
    // What merge writes must load again.
    Landscape again;
    Diagnostics d("merged");
    EXPECT_TRUE(LoadLandscapeText(WriteLandscape(m.landscape), "merged", &again, &d));
  }
  return m;
}

Merged Merge(const std::vector<const Landscape*>& files, const MergeDecisions* decisions,
             const std::string& into = "9999") {
  MergeOptions options;
  options.into = into;
  options.effective = ParseDate("2020-03-16");
  options.decisions = decisions;
  return MergeWith(files, options);
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

std::vector<std::string> Pairs(const Landscape& l) {
  std::vector<std::string> pairs;
  for (const Integration& i : l.integrations)
    pairs.push_back(l.systems[i.from].id + ">" + l.systems[i.to].id);
  return pairs;
}

// By hand: B's b.sak survives, A's a.sak retires (3 days of conversion, from the retire entry).
// reg -> a.sak becomes reg -> b.sak, which B already has: joined. a.sak -> arkiv becomes
// b.sak -> arkiv, which b.sak never had: new, and arkiv is an orphaned consumer.
TEST(Merge, SurvivorRepointedIntegrationOrphanedConsumerAndConversion) {
  Landscape a = Parse(kA), b = Parse(kB);
  MergeDecisions d = Decisions(R"({"format": "landskap-decisions/1", "into": "9999",
    "decisions": [{"domain": "sak", "survivor": "b.sak",
                   "retire": [{"system": "a.sak", "effort_days": 3}], "note": "B's is newer"}]})");
  Merged m = Merge({&a, &b}, &d);
  ASSERT_TRUE(m.ok);
  const Landscape& l = m.landscape;
  EXPECT_EQ(Ids(l), (std::vector<std::string>{"reg", "arkiv", "b.sak", "conversion.a.sak"}));
  EXPECT_EQ(Sys(l, "b.sak").owner, "9999");
  EXPECT_EQ(Sys(l, "reg").owner, "Reg");
  EXPECT_EQ(Sys(l, "arkiv").owner, "IKA");
  const System& task = Sys(l, "conversion.a.sak");
  EXPECT_EQ(task.owner, "9999");
  EXPECT_EQ(task.vendor, "V2");
  EXPECT_EQ(task.domain, "sak");
  EXPECT_EQ(task.criticality, Criticality::kHigh);
  EXPECT_EQ(task.cutover.effort_days, 3);
  ASSERT_EQ(task.cutover.after.size(), 1u);
  EXPECT_EQ(l.systems[task.cutover.after[0]].id, "b.sak");
  EXPECT_EQ(KeyList(l, task.keys), "kommunenummer");
  EXPECT_EQ(Pairs(l), (std::vector<std::string>{"reg>b.sak", "b.sak>arkiv"}));
  EXPECT_EQ(l.integrations[1].id, "b.sak:arkiv");
  EXPECT_EQ(l.integrations[1].protocol, "file");
  ASSERT_EQ(l.changes.size(), 2u);
  EXPECT_EQ(l.changes[0].from, "1001");
  EXPECT_EQ(l.changes[1].from, "1002");
  EXPECT_EQ(l.changes[0].to, "9999");
  EXPECT_EQ(FormatDate(*l.changes[0].effective), "2020-03-16");

  const MergeSummary& s = m.summary;
  ASSERT_EQ(s.repointed.size(), 2u);
  EXPECT_EQ(s.repointed[0].outcome, MergeRepoint::Outcome::kJoined);
  EXPECT_FALSE(s.repointed[0].orphaned_consumer);
  EXPECT_EQ(s.repointed[1].outcome, MergeRepoint::Outcome::kNew);
  EXPECT_TRUE(s.repointed[1].orphaned_consumer);
  EXPECT_EQ(s.repointed[1].to_after, "arkiv");
  ASSERT_EQ(s.conversions.size(), 1u);
  EXPECT_EQ(s.conversions[0].effort_from, "retire entry");
  ASSERT_EQ(s.effort_by_vendor.size(), 1u);
  EXPECT_EQ(s.effort_by_vendor[0], (std::pair<std::string, double>{"V2", 3}));
  ASSERT_EQ(s.decided.size(), 1u);
  EXPECT_EQ(s.decided[0].reason, "B's is newer");
  EXPECT_TRUE(s.proposals.empty());
  EXPECT_TRUE(s.undecided.empty());
  EXPECT_EQ(s.shared_systems, 1u);  // reg

  // The plan of the key change, by hand, day 0 = Monday 2020-03-02, calendar days:
  //   reg 1 day [0,1) 03-02; b.sak after reg, 6 days [1,7) 03-03..03-08;
  //   conversion.a.sak after b.sak, 3 days [7,10) 03-09..03-11;
  //   arkiv after b.sak, 2 days [7,9) 03-09..03-10.
  // Deadline 03-10: the conversion is 1 day late.
  Graph graph(l);
  ImpactQuery query;
  query.key = l.FindKey("kommunenummer");
  ImpactResult impact = ComputeImpact(graph, query);
  PlanOptions options;
  options.calendar = Calendar(Calendar::Kind::kAllDays);  // the dates above count every day
  options.start = ParseDate("2020-03-02");
  options.deadline = ParseDate("2020-03-10");
  Plan plan;
  Diagnostics diags;
  ASSERT_TRUE(ComputePlan(graph, options, &impact, &plan, &diags));
  const PlanTask* conversion = plan.Find(*l.FindSystem("conversion.a.sak"));
  ASSERT_NE(conversion, nullptr);
  EXPECT_EQ(FormatDate(*conversion->start_date), "2020-03-09");
  EXPECT_EQ(FormatDate(*conversion->finish_date), "2020-03-11");
  EXPECT_EQ(conversion->days_late, 1);
  const PlanTask* survivor = plan.Find(*l.FindSystem("b.sak"));
  ASSERT_NE(survivor, nullptr);
  EXPECT_EQ(FormatDate(*survivor->start_date), "2020-03-03");
  EXPECT_EQ(FormatDate(*survivor->finish_date), "2020-03-08");
  EXPECT_EQ(plan.tasks.size(), 4u);
  ASSERT_EQ(plan.late.size(), 1u);
  EXPECT_EQ(l.systems[plan.late[0]].id, "conversion.a.sak");
}

// By hand: both files describe the same register differently (name; keys), which is listed.
TEST(Merge, ConflictingSharedSystemsAreListedFirstFileWinsKeysUnite) {
  Landscape a = Parse(kA), b = Parse(kB);
  Merged m = Merge({&a, &b}, nullptr);
  ASSERT_TRUE(m.ok);
  EXPECT_EQ(Sys(m.landscape, "reg").name, "Registeret");
  EXPECT_EQ(KeyList(m.landscape, Sys(m.landscape, "reg").keys), "fnr, kommunenummer");
  ASSERT_EQ(m.summary.conflicts.size(), 2u);
  const MergeConflict& name = m.summary.conflicts[0];
  EXPECT_EQ(name.id, "reg");
  EXPECT_EQ(name.field, "name");
  EXPECT_EQ(name.values, (std::vector<std::pair<std::string, std::string>>{
                             {"a.json", "Registeret"}, {"b.json", "Register"}}));
  EXPECT_EQ(m.summary.conflicts[1].field, "keys");
  EXPECT_EQ(m.summary.conflicts[1].resolution, "all keys of both");
}

// By hand, without decisions: P1 and P2 are each used by one municipality, so the largest by
// integrations wins: A has 2 (reg -> a.sak, a.sak -> arkiv), B 1. Nothing is retired and the
// counterparts keep their old owners.
TEST(Merge, ProposalWithoutDecisionsLargestMunicipality) {
  Landscape a = Parse(kA), b = Parse(kB);
  Merged m = Merge({&a, &b}, nullptr);
  ASSERT_TRUE(m.ok);
  ASSERT_EQ(m.summary.proposals.size(), 1u);
  const MergeGroup& g = m.summary.proposals[0];
  EXPECT_EQ(g.survivor, "a.sak");
  EXPECT_EQ(g.retired, (std::vector<std::string>{"b.sak"}));
  EXPECT_EQ(g.reason, "no product is shared; the largest municipality is 1001 (2 integrations)");
  EXPECT_EQ(m.summary.undecided, (std::vector<std::string>{"a.sak", "b.sak"}));
  EXPECT_EQ(Sys(m.landscape, "a.sak").owner, "1001");
  EXPECT_EQ(Sys(m.landscape, "b.sak").owner, "1002");
  EXPECT_TRUE(m.summary.conversions.empty());

  // The proposal as a decisions file reads back and, fed in, retires b.sak.
  std::string text = WriteDecisions(ProposalAsDecisions(m.summary, nullptr));
  MergeDecisions proposal = Decisions(text);
  ASSERT_EQ(proposal.decisions.size(), 1u);
  EXPECT_EQ(proposal.into, "9999");
  EXPECT_EQ(proposal.decisions[0].survivor, "a.sak");
  Merged decided = Merge({&a, &b}, &proposal);
  ASSERT_TRUE(decided.ok);
  EXPECT_FALSE(decided.landscape.FindSystem("b.sak"));
  EXPECT_EQ(Sys(decided.landscape, "conversion.b.sak").cutover.effort_days, 6);  // b.sak's own
  EXPECT_EQ(decided.summary.conversions[0].effort_from, "retired system's cutover");
}

// By hand: P2 is used by B and C (2 of 3), so one of theirs survives; B and C have one
// integration each and b.sak and c.sak one each, so the smaller id decides: b.sak.
TEST(Merge, ProposalPrefersTheProductMostUse) {
  Landscape a = Parse(kA), b = Parse(kB), c = Parse(kC);
  Merged m = Merge({&a, &b, &c}, nullptr);
  ASSERT_TRUE(m.ok);
  ASSERT_EQ(m.summary.proposals.size(), 1u);
  EXPECT_EQ(m.summary.proposals[0].survivor, "b.sak");
  EXPECT_EQ(m.summary.proposals[0].retired, (std::vector<std::string>{"a.sak", "c.sak"}));
  EXPECT_EQ(m.summary.proposals[0].reason,
            "P2 is used by 2 of 3 municipalities; of those, the largest municipality is 1002 (1 "
            "integrations)");
}

// One file alone: its municipality's systems get the new number, nothing else changes. (The
// same file given twice is refused: Merge.SameLandscapeTwiceIsRefused.)
TEST(Merge, MunicipalityWithItself) {
  Landscape a = Parse(kA);
  {
    Merged m = Merge({&a}, nullptr);
    ASSERT_TRUE(m.ok);
    EXPECT_EQ(Ids(m.landscape), (std::vector<std::string>{"reg", "a.sak", "arkiv"}));
    EXPECT_EQ(Pairs(m.landscape), (std::vector<std::string>{"reg>a.sak", "a.sak>arkiv"}));
    EXPECT_EQ(Sys(m.landscape, "a.sak").owner, "9999");
    EXPECT_TRUE(m.summary.conflicts.empty());
    EXPECT_TRUE(m.summary.proposals.empty());
    ASSERT_EQ(m.landscape.changes.size(), 1u);
    EXPECT_EQ(m.landscape.changes[0].from, "1001");
  }
  // Into its own number: nothing changes number, no change is written.
  Merged same = Merge({&a}, nullptr, "1001");
  ASSERT_TRUE(same.ok);
  EXPECT_TRUE(same.landscape.changes.empty());
  EXPECT_TRUE(DiffLandscapes(a, same.landscape).systems_changed.empty());
}

std::string Errors(const Diagnostics& d) {
  std::string out;
  for (const Diagnostic& item : d.Items()) out += FormatDiagnostic(item) + "\n";
  return out;
}

TEST(Merge, DecisionErrorsNameTheirJsonPath) {
  Landscape a = Parse(kA), b = Parse(kB);
  MergeDecisions d = Decisions(R"({"format": "landskap-decisions/1", "into": "1234",
    "decisions": [
      {"survivor": "b.sk", "retire": ["a.sak"]},
      {"survivor": "b.sak", "retire": ["reg", "a.sak", "b.sak"]},
      {"survivor": "a.sak"}]})");
  Merged m = Merge({&a, &b}, &d);
  EXPECT_FALSE(m.ok);
  std::string errors = Errors(m.diagnostics);
  EXPECT_NE(errors.find("d.json: /into: error: these decisions are for 1234, but --into is 9999"),
            std::string::npos)
      << errors;
  EXPECT_NE(errors.find("d.json: /decisions/0/survivor: error: unknown system 'b.sk' (did you "
                        "mean 'b.sak'?)"),
            std::string::npos)
      << errors;
  EXPECT_NE(errors.find("d.json: /decisions/1/retire/0: error: 'reg' is owned by Reg, not by a "
                        "merging municipality"),
            std::string::npos)
      << errors;
  EXPECT_NE(errors.find("d.json: /decisions/1/retire/1: error: 'a.sak' is already retired at "
                        "/decisions/0/retire/0"),
            std::string::npos)
      << errors;
  EXPECT_NE(
      errors.find("d.json: /decisions/1/retire/2: error: 'b.sak' is this decision's survivor"),
      std::string::npos)
      << errors;
  EXPECT_NE(errors.find("d.json: /decisions/0/retire/0: error: 'a.sak' survives at "
                        "/decisions/2/survivor and is retired here"),
            std::string::npos)
      << errors;
}

TEST(Merge, DecisionsFileSyntaxErrors) {
  MergeDecisions d;
  Diagnostics diags("d.json");
  EXPECT_FALSE(ParseDecisionsText("{\"format\": \"landskap-decisions/1\",\n \"decisions\": [}",
                                  "d.json", &d, &diags));
  EXPECT_EQ(diags.Items().at(0).location, "2:16");
  Diagnostics typo("d.json");
  EXPECT_FALSE(ParseDecisionsText(R"({"format": "landskap-decisions/1", "decisions":
      [{"survivor": "x", "retrie": ["y"], "effort_days": "3"}]})",
                                  "d.json", &d, &typo));
  std::string errors = Errors(typo);
  EXPECT_NE(errors.find("d.json: /decisions/0/retrie: error: unknown field 'retrie' (did you mean "
                        "'retire'?)"),
            std::string::npos)
      << errors;
  EXPECT_NE(errors.find("d.json: /decisions/0/effort_days: error: effort_days is a number of "
                        "days, not a string"),
            std::string::npos)
      << errors;
  // A number too large for a double stopped the reader with an exception (decisions_fuzzer);
  // it is an error at its line and column (2:53, counted by hand).
  Diagnostics huge("d.json");
  EXPECT_FALSE(
      ParseDecisionsText("{\"format\": \"landskap-decisions/1\",\n \"decisions\": "
                         "[{\"survivor\": \"a.sak\", \"effort_days\": 1e400}]}",
                         "d.json", &d, &huge));
  EXPECT_EQ(Errors(huge),
            "d.json:2:53: error: the number 1e400 is too large; effort_days is a number of "
            "working days, e.g. 10\n");
}

// A number too large for a double made nlohmann throw out_of_range, which nothing caught: the
// program ended. Now it is an error at the number's line and column, with the file's other
// mistakes (found by split_decisions_fuzzer; merge's reader shared the code).
TEST(Merge, DecisionsFileNumberTooLarge) {
  MergeDecisions d;
  Diagnostics diags("d.json");
  EXPECT_FALSE(ParseDecisionsText(R"({"format": "landskap-decisions/1", "decisions": [
      {"survivor": "x", "effort_days": 1e400, "retrie": []}]})",
                                  "d.json", &d, &diags));
  std::string errors = Errors(diags);
  EXPECT_NE(errors.find("d.json:2:40: error: the number 1e400 is too large"), std::string::npos)
      << errors;
  EXPECT_NE(errors.find("/decisions/0/retrie: error: unknown field 'retrie'"), std::string::npos)
      << errors;
}

TEST(Merge, OwnSystemsWithTheSameIdAreAnError) {
  Landscape a = Parse(R"({"systems": [{"id": "sak", "owner": "1001"}]})");
  Landscape b = Parse(R"({"systems": [{"id": "sak", "owner": "1002"}]})");
  Merged m = Merge({&a, &b}, nullptr);
  EXPECT_FALSE(m.ok);
  EXPECT_NE(Errors(m.diagnostics)
                .find("b.json: /systems/0/id: error: 'sak' is a system of 1002 here and of 1001 "
                      "in a.json"),
            std::string::npos)
      << Errors(m.diagnostics);
  Landscape none = Parse(R"({"systems": [{"id": "x", "owner": "KS"}]})");
  EXPECT_FALSE(Merge({&none}, nullptr).ok);
}

// ---- merges whose system tables grow (issue 17's use-after-free, issue 23's paths) ----

// The issue's reproducer: two municipalities with two systems each, both domains decided for A.
// By hand: kept a.arkiv and a.lonn (owner 1003), then conversion.b.arkiv (after a.arkiv) and
// conversion.b.lonn (after a.lonn), 10 days each by default; b.i1 (b.arkiv -> b.lonn) becomes
// a.arkiv -> a.lonn, which A already has as a.i1: joined. Two kept and two conversions make the
// system table grow while the conversion tasks are added, which read a freed survivor before.
const char* kIssueA = R"({"format": "landskap/1", "name": "a", "keys": ["kommunenummer"],
  "systems": [
    {"id": "a.arkiv", "name": "Arkiv a", "kind": "municipal", "owner": "1001", "domain": "arkiv",
     "product": "P1", "keys": ["kommunenummer"]},
    {"id": "a.lonn", "name": "Lonn a", "kind": "municipal", "owner": "1001", "domain": "lonn",
     "product": "L1", "keys": ["kommunenummer"]}],
  "integrations": [{"id": "a.i1", "from": "a.arkiv", "to": "a.lonn", "carries": ["kommunenummer"]}]})";
const char* kIssueB = R"({"format": "landskap/1", "name": "b", "keys": ["kommunenummer"],
  "systems": [
    {"id": "b.arkiv", "name": "Arkiv b", "kind": "municipal", "owner": "1002", "domain": "arkiv",
     "product": "P1", "keys": ["kommunenummer"]},
    {"id": "b.lonn", "name": "Lonn b", "kind": "municipal", "owner": "1002", "domain": "lonn",
     "product": "L1", "keys": ["kommunenummer"]}],
  "integrations": [{"id": "b.i1", "from": "b.arkiv", "to": "b.lonn", "carries": ["kommunenummer"]}]})";
const char* kIssueDecisions = R"({"format": "landskap-decisions/1", "into": "1003", "decisions": [
  {"domain": "arkiv", "survivor": "a.arkiv", "retire": ["b.arkiv"]},
  {"domain": "lonn", "survivor": "a.lonn", "retire": ["b.lonn"]}]})";

std::vector<std::string> AfterIds(const Landscape& l, const std::string& id) {
  std::vector<std::string> ids;
  for (SystemIndex a : Sys(l, id).cutover.after) ids.push_back(l.systems[a].id);
  return ids;
}

TEST(Merge, IssueReproducerTwoRetirementsGrowTheSystemTable) {
  Landscape a = Parse(kIssueA), b = Parse(kIssueB);
  MergeDecisions d = Decisions(kIssueDecisions);
  Merged m = Merge({&a, &b}, &d, "1003");
  ASSERT_TRUE(m.ok) << Errors(m.diagnostics);
  const Landscape& l = m.landscape;
  EXPECT_EQ(Ids(l), (std::vector<std::string>{"a.arkiv", "a.lonn", "conversion.b.arkiv",
                                              "conversion.b.lonn"}));
  EXPECT_EQ(AfterIds(l, "conversion.b.arkiv"), (std::vector<std::string>{"a.arkiv"}));
  EXPECT_EQ(AfterIds(l, "conversion.b.lonn"), (std::vector<std::string>{"a.lonn"}));
  EXPECT_EQ(Sys(l, "conversion.b.arkiv").name, "Data conversion: Arkiv b → Arkiv a");
  EXPECT_EQ(Sys(l, "conversion.b.lonn").name, "Data conversion: Lonn b → Lonn a");
  EXPECT_EQ(Sys(l, "conversion.b.arkiv").domain, "arkiv");
  EXPECT_EQ(Sys(l, "conversion.b.lonn").cutover.effort_days, 10);
  EXPECT_EQ(Sys(l, "a.arkiv").owner, "1003");
  EXPECT_EQ(Pairs(l), (std::vector<std::string>{"a.arkiv>a.lonn"}));
  ASSERT_EQ(m.summary.repointed.size(), 1u);
  EXPECT_EQ(m.summary.repointed[0].outcome, MergeRepoint::Outcome::kJoined);
  EXPECT_EQ(m.summary.repointed[0].merged_id, "a.i1");
  ASSERT_EQ(m.summary.conversions.size(), 2u);
  EXPECT_EQ(m.summary.conversions[1].survivor, "a.lonn");
  EXPECT_EQ(m.summary.conversions[1].domain, "lonn");
  // `plan --all` orders it: no cycle.
  Graph graph(l);
  PlanOptions all;
  all.all_systems = true;
  Plan plan;
  Diagnostics diags;
  EXPECT_TRUE(ComputePlan(graph, all, nullptr, &plan, &diags)) << Errors(diags);
}

// Three kept systems and two conversions, a dropped integration and a conversion id that is
// taken. A (1001) has a.sak and a.lonn; B (1002) has b.sak, b.lonn, an archive system of IKA
// whose id happens to be conversion.b.sak, and A's a.lonn (identical, so no conflict), with
//   b.sak -> b.lonn (no id), b.lonn -> a.lonn (no id), arkivuttrekk: b.sak -> conversion.b.sak.
// Decisions: a.sak retires b.sak (5 days, the decision's), a.lonn retires b.lonn.
// By hand:
//   systems: kept a.sak, a.lonn (owner 9999), conversion.b.sak (IKA's, kept as it is); then
//     conversion.b.sak+2 (conversion.b.sak is taken), conversion.b.lonn: 5 systems.
//   b.sak:b.lonn -> a.sak -> a.lonn, which A has between the same ends: joined (merged id
//     a.sak:a.lonn); b.lonn:a.lonn -> a.lonn -> a.lonn: dropped; arkivuttrekk -> a.sak ->
//     conversion.b.sak, which a.sak never had: new, with an orphaned consumer (it fed only
//     from b.sak), id kept (it does not spell its ends).
//   conversion.b.sak+2: vendor V1 (a.sak's), keys b.sak's plus kommunenummer (fnr,
//     kommunenummer), criticality high (b.sak's), 5 days "decision"; conversion.b.lonn: V3,
//     10 days "default".
//   counts: systems 2 + 4 = 6 in (a.lonn shared) and 5 out; integrations 1 + 3 = 4 in, 2 out.
const char* kSakA = R"({"format": "landskap/1", "name": "Alpha",
  "systems": [
    {"id": "a.sak", "name": "Sak A", "kind": "municipal", "owner": "1001", "vendor": "V1",
     "product": "P1", "domain": "sak", "keys": ["kommunenummer"], "cutover": {"effort_days": 4}},
    {"id": "a.lonn", "name": "Lønn A", "kind": "municipal", "owner": "1001", "vendor": "V3",
     "product": "L1", "domain": "lonn", "keys": ["kommunenummer"]}],
  "integrations": [{"from": "a.sak", "to": "a.lonn", "carries": ["kommunenummer"]}]})";
const char* kSakB = R"({"format": "landskap/1", "name": "Beta",
  "systems": [
    {"id": "b.sak", "name": "Sak B", "kind": "municipal", "owner": "1002", "vendor": "V2",
     "product": "P2", "domain": "sak", "keys": ["kommunenummer", "fnr"], "criticality": "high",
     "cutover": {"effort_days": 6}},
    {"id": "b.lonn", "name": "Lønn B", "kind": "municipal", "owner": "1002", "vendor": "V3",
     "product": "L1", "domain": "lonn", "keys": ["kommunenummer"]},
    {"id": "conversion.b.sak", "name": "Arkivdepot", "kind": "intermunicipal", "owner": "IKA"},
    {"id": "a.lonn", "name": "Lønn A", "kind": "municipal", "owner": "1001", "vendor": "V3",
     "product": "L1", "domain": "lonn", "keys": ["kommunenummer"]}],
  "integrations": [
    {"from": "b.sak", "to": "b.lonn"},
    {"from": "b.lonn", "to": "a.lonn", "carries": ["kommunenummer"]},
    {"id": "arkivuttrekk", "from": "b.sak", "to": "conversion.b.sak", "protocol": "file"}]})";
const char* kSakDecisions = R"({"format": "landskap-decisions/1", "into": "9999", "decisions": [
  {"domain": "sak", "survivor": "a.sak", "retire": ["b.sak"], "effort_days": 5},
  {"domain": "lonn", "survivor": "a.lonn", "retire": ["b.lonn"]}]})";

TEST(Merge, ThreeKeptTwoConversionsDroppedIntegrationAndTakenConversionId) {
  Landscape a = Parse(kSakA), b = Parse(kSakB);
  MergeDecisions d = Decisions(kSakDecisions);
  Merged m = Merge({&a, &b}, &d);
  ASSERT_TRUE(m.ok) << Errors(m.diagnostics);
  const Landscape& l = m.landscape;
  EXPECT_EQ(Ids(l), (std::vector<std::string>{"a.sak", "a.lonn", "conversion.b.sak",
                                              "conversion.b.sak+2", "conversion.b.lonn"}));
  EXPECT_EQ(Sys(l, "a.sak").owner, "9999");
  EXPECT_EQ(Sys(l, "a.lonn").owner, "9999");
  EXPECT_EQ(Sys(l, "conversion.b.sak").owner, "IKA");
  EXPECT_EQ(Sys(l, "conversion.b.sak").name, "Arkivdepot");
  const System& sak = Sys(l, "conversion.b.sak+2");
  EXPECT_EQ(sak.name, "Data conversion: Sak B → Sak A");
  EXPECT_EQ(sak.vendor, "V1");
  EXPECT_EQ(sak.product, "data conversion");
  EXPECT_EQ(KeyList(l, sak.keys), "fnr, kommunenummer");
  EXPECT_EQ(sak.criticality, Criticality::kHigh);
  EXPECT_EQ(sak.cutover.effort_days, 5);
  EXPECT_EQ(AfterIds(l, "conversion.b.sak+2"), (std::vector<std::string>{"a.sak"}));
  EXPECT_EQ(Sys(l, "conversion.b.lonn").cutover.effort_days, 10);
  EXPECT_EQ(AfterIds(l, "conversion.b.lonn"), (std::vector<std::string>{"a.lonn"}));
  EXPECT_EQ(Pairs(l), (std::vector<std::string>{"a.sak>a.lonn", "a.sak>conversion.b.sak"}));
  EXPECT_EQ(l.integrations[0].id, "a.sak:a.lonn");
  EXPECT_EQ(KeyList(l, l.integrations[0].carries), "kommunenummer");
  EXPECT_EQ(l.integrations[1].id, "arkivuttrekk");
  EXPECT_EQ(l.integrations[1].protocol, "file");

  const MergeSummary& s = m.summary;
  EXPECT_EQ(s.systems_in, 6u);
  EXPECT_EQ(s.systems_out, 5u);
  EXPECT_EQ(s.integrations_in, 4u);
  EXPECT_EQ(s.integrations_out, 2u);
  EXPECT_EQ(s.shared_systems, 1u);
  EXPECT_TRUE(s.conflicts.empty());
  ASSERT_EQ(s.repointed.size(), 3u);
  EXPECT_EQ(s.repointed[0].integration, "b.sak:b.lonn");
  EXPECT_EQ(s.repointed[0].outcome, MergeRepoint::Outcome::kJoined);
  EXPECT_EQ(s.repointed[0].merged_id, "a.sak:a.lonn");
  EXPECT_EQ(s.repointed[1].integration, "b.lonn:a.lonn");
  EXPECT_EQ(s.repointed[1].outcome, MergeRepoint::Outcome::kDropped);
  EXPECT_EQ(s.repointed[1].merged_id, "");
  EXPECT_EQ(s.repointed[2].outcome, MergeRepoint::Outcome::kNew);
  EXPECT_TRUE(s.repointed[2].orphaned_consumer);
  EXPECT_EQ(s.repointed[2].merged_id, "arkivuttrekk");
  ASSERT_EQ(s.conversions.size(), 2u);
  EXPECT_EQ(s.conversions[0].task, "conversion.b.sak+2");
  EXPECT_EQ(s.conversions[0].effort_from, "decision");
  EXPECT_EQ(s.conversions[1].task, "conversion.b.lonn");
  EXPECT_EQ(s.conversions[1].effort_from, "default");
  EXPECT_EQ(s.effort_by_vendor,
            (std::vector<std::pair<std::string, double>>{{"V1", 5}, {"V3", 10}}));
  ASSERT_EQ(s.decided.size(), 2u);
  EXPECT_EQ(s.decided[0].domain, "lonn");
  EXPECT_EQ(s.decided[1].domain, "sak");
  EXPECT_TRUE(s.proposals.empty());
  EXPECT_TRUE(s.undecided.empty());
}

// Four kept systems and one conversion, decided for one domain only. A (1001): a.sak, a.web and
// a.bi (no domain), a.sak -> a.bi and a.web -> a.sak; B (1002): b.sak (6 days), b.web,
// b.web -> b.sak. Decision: a.sak retires b.sak.
// By hand: kept a.sak, a.web, a.bi, b.web and the task conversion.b.sak (b.sak's own 6 days).
// web is not decided: a.web and b.web keep their owners, and the proposal is a.web (no product
// shared; A touches 2 integrations, B 1). a.bi has no counterpart: 9999. b.web -> b.sak becomes
// b.web -> a.sak, which a.sak never had: new, named from its new ends. Fed back, the proposal
// decides web too: conversion.b.web, and every system of A and B is 9999's.
const char* kWebA = R"({"format": "landskap/1", "systems": [
    {"id": "a.sak", "kind": "municipal", "owner": "1001", "vendor": "V1", "product": "P1", "domain": "sak"},
    {"id": "a.web", "kind": "municipal", "owner": "1001", "vendor": "W", "product": "W1", "domain": "web"},
    {"id": "a.bi", "kind": "municipal", "owner": "1001", "vendor": "V9"}],
  "integrations": [{"from": "a.sak", "to": "a.bi"}, {"from": "a.web", "to": "a.sak"}]})";
const char* kWebB = R"({"format": "landskap/1", "systems": [
    {"id": "b.sak", "kind": "municipal", "owner": "1002", "vendor": "V2", "product": "P2", "domain": "sak",
     "cutover": {"effort_days": 6}},
    {"id": "b.web", "kind": "municipal", "owner": "1002", "vendor": "W", "product": "W2", "domain": "web"}],
  "integrations": [{"from": "b.web", "to": "b.sak"}]})";

TEST(Merge, FourKeptOneConversionPartlyDecided) {
  Landscape a = Parse(kWebA), b = Parse(kWebB);
  MergeDecisions d = Decisions(R"({"format": "landskap-decisions/1", "decisions": [
    {"survivor": "a.sak", "retire": ["b.sak"]}]})");
  Merged m = Merge({&a, &b}, &d);
  ASSERT_TRUE(m.ok) << Errors(m.diagnostics);
  const Landscape& l = m.landscape;
  EXPECT_EQ(Ids(l),
            (std::vector<std::string>{"a.sak", "a.web", "a.bi", "b.web", "conversion.b.sak"}));
  EXPECT_EQ(Sys(l, "a.sak").owner, "9999");
  EXPECT_EQ(Sys(l, "a.bi").owner, "9999");
  EXPECT_EQ(Sys(l, "a.web").owner, "1001");
  EXPECT_EQ(Sys(l, "b.web").owner, "1002");
  EXPECT_EQ(Sys(l, "conversion.b.sak").cutover.effort_days, 6);
  EXPECT_EQ(Pairs(l), (std::vector<std::string>{"a.sak>a.bi", "a.web>a.sak", "b.web>a.sak"}));
  EXPECT_EQ(l.integrations[2].id, "b.web:a.sak");
  const MergeSummary& s = m.summary;
  EXPECT_EQ(s.conversions.size(), 1u);
  EXPECT_EQ(s.conversions[0].effort_from, "retired system's cutover");
  ASSERT_EQ(s.decided.size(), 1u);
  EXPECT_EQ(s.decided[0].domain, "sak");
  ASSERT_EQ(s.proposals.size(), 1u);
  EXPECT_EQ(s.proposals[0].domain, "web");
  EXPECT_EQ(s.proposals[0].survivor, "a.web");
  EXPECT_EQ(s.proposals[0].retired, (std::vector<std::string>{"b.web"}));
  EXPECT_EQ(s.proposals[0].reason,
            "no product is shared; the largest municipality is 1001 (2 integrations)");
  EXPECT_EQ(s.undecided, (std::vector<std::string>{"a.web", "b.web"}));
  ASSERT_EQ(s.repointed.size(), 1u);
  EXPECT_EQ(s.repointed[0].outcome, MergeRepoint::Outcome::kNew);
  EXPECT_FALSE(s.repointed[0].orphaned_consumer);
  EXPECT_EQ(s.repointed[0].merged_id, "b.web:a.sak");

  MergeDecisions all = Decisions(WriteDecisions(ProposalAsDecisions(s, &d)));
  ASSERT_EQ(all.decisions.size(), 2u);
  Merged decided = Merge({&a, &b}, &all);
  ASSERT_TRUE(decided.ok) << Errors(decided.diagnostics);
  EXPECT_EQ(
      Ids(decided.landscape),
      (std::vector<std::string>{"a.sak", "a.web", "a.bi", "conversion.b.sak", "conversion.b.web"}));
  for (const char* id : {"a.sak", "a.web", "a.bi"})
    EXPECT_EQ(Sys(decided.landscape, id).owner, "9999");
  EXPECT_TRUE(decided.summary.undecided.empty());
  // b.web -> b.sak now runs a.web -> a.sak, which A has: joined.
  EXPECT_EQ(Pairs(decided.landscape), (std::vector<std::string>{"a.sak>a.bi", "a.web>a.sak"}));
  EXPECT_EQ(decided.summary.repointed[0].outcome, MergeRepoint::Outcome::kJoined);
}

// Three municipalities (m0, m1, m2; 1001..1003) with 15 domains d0..d14 each (45 systems) and
// the national register nat: 46 systems in each file's union. Municipality k has
//   nat -> mk.dI for every I (15 integrations) and the chain mk.d0 -> mk.d1 -> ... -> mk.d14 (14);
// system mk.dI takes I + 1 days and vendor "even" or "odd" by I. The decisions keep, in domain
// I, the system of municipality I mod 3 (S(I)) and retire the other two.
// By hand:
//   systems: nat, the 15 survivors and 30 conversion tasks: 46, in the order of the files:
//     nat, m0.d0, m0.d3, ..., m0.d12, m1.d1, ..., m1.d13, m2.d2, ..., m2.d14, then the tasks
//     conversion.m0.d1, conversion.m0.d2, conversion.m0.d4, ... (m0's ten, m1's, m2's).
//   integrations: nat -> S(I) (15, kept as they are) and S(I) -> S(I+1) (14): 29. Of the 90
//     in the files, 15 stay, 30 nat -> retired join nat -> survivor, and the 42 chain links all
//     re-point onto S(I) -> S(I+1): each is joined, because one of the three municipalities
//     had each end as the survivor itself (I mod 3 and I+1 mod 3 differ). 72 re-pointed.
//   effort: domain I has two conversions of I + 1 days: 2 * (1 + ... + 15) = 240 in all; even
//     I (0, 2, ..., 14): 2 * (1 + 3 + ... + 15) = 128, odd I: 2 * (2 + 4 + ... + 14) = 112.
std::string Municipality(int k) {
  json l = {{"format", "landskap/1"}, {"name", "m" + std::to_string(k)}};
  l["systems"] = json::array();
  l["systems"].push_back(
      {{"id", "nat"}, {"kind", "national"}, {"owner", "Staten"}, {"keys", {"kommunenummer"}}});
  l["integrations"] = json::array();
  for (int i = 0; i < 15; ++i) {
    std::string id = "m" + std::to_string(k) + ".d" + std::to_string(i);
    l["systems"].push_back({{"id", id},
                            {"kind", "municipal"},
                            {"owner", std::to_string(1001 + k)},
                            {"vendor", i % 2 ? "odd" : "even"},
                            {"product", "P" + std::to_string(k) + "-" + std::to_string(i)},
                            {"domain", "d" + std::to_string(i)},
                            {"keys", {"kommunenummer"}},
                            {"cutover", {{"effort_days", i + 1}}}});
    l["integrations"].push_back({{"from", "nat"}, {"to", id}, {"carries", {"kommunenummer"}}});
    if (i > 0)
      l["integrations"].push_back(
          {{"from", "m" + std::to_string(k) + ".d" + std::to_string(i - 1)}, {"to", id}});
  }
  return l.dump();
}

TEST(Merge, ThreeMunicipalitiesWithDecisionsFortySixSystems) {
  Landscape m0 = Parse(Municipality(0)), m1 = Parse(Municipality(1)), m2 = Parse(Municipality(2));
  json decisions = {{"format", "landskap-decisions/1"}, {"into", "4626"}};
  decisions["decisions"] = json::array();
  auto id = [](int k, int i) { return "m" + std::to_string(k) + ".d" + std::to_string(i); };
  for (int i = 0; i < 15; ++i) {
    json retire = json::array();
    for (int k = 0; k < 3; ++k)
      if (k != i % 3) retire.push_back(id(k, i));
    decisions["decisions"].push_back({{"survivor", id(i % 3, i)}, {"retire", retire}});
  }
  MergeDecisions d = Decisions(decisions.dump());
  Merged m = Merge({&m0, &m1, &m2}, &d, "4626");
  ASSERT_TRUE(m.ok) << Errors(m.diagnostics);
  const Landscape& l = m.landscape;
  std::vector<std::string> expected = {"nat"};
  for (int k = 0; k < 3; ++k)
    for (int i = k; i < 15; i += 3) expected.push_back(id(k, i));
  for (int k = 0; k < 3; ++k)
    for (int i = 0; i < 15; ++i)
      if (i % 3 != k) expected.push_back("conversion." + id(k, i));
  EXPECT_EQ(Ids(l), expected);
  ASSERT_EQ(l.systems.size(), 46u);
  for (int i = 0; i < 15; ++i) {
    EXPECT_EQ(Sys(l, id(i % 3, i)).owner, "4626");
    for (int k = 0; k < 3; ++k) {
      if (k == i % 3) continue;
      const System& task = Sys(l, "conversion." + id(k, i));
      EXPECT_EQ(AfterIds(l, task.id), (std::vector<std::string>{id(i % 3, i)}));
      EXPECT_EQ(task.cutover.effort_days, i + 1);
      EXPECT_EQ(task.vendor, i % 2 ? "odd" : "even");
      EXPECT_FALSE(l.FindSystem(id(k, i)));
    }
  }
  EXPECT_EQ(l.integrations.size(), 29u);
  for (int i = 0; i + 1 < 15; ++i) {
    auto from = l.FindSystem(id(i % 3, i)), to = l.FindSystem(id((i + 1) % 3, i + 1));
    ASSERT_TRUE(from && to);
    size_t links = 0;
    for (const Integration& in : l.integrations) links += in.from == *from && in.to == *to;
    EXPECT_EQ(links, 1u) << i;
  }
  const MergeSummary& s = m.summary;
  EXPECT_EQ(s.systems_in, 48u);  // nat in each file
  EXPECT_EQ(s.shared_systems, 1u);
  EXPECT_EQ(s.integrations_in, 87u);
  EXPECT_EQ(s.repointed.size(), 72u);
  for (const MergeRepoint& p : s.repointed) EXPECT_EQ(p.outcome, MergeRepoint::Outcome::kJoined);
  EXPECT_EQ(s.conversions.size(), 30u);
  EXPECT_EQ(s.effort_by_vendor,
            (std::vector<std::pair<std::string, double>>{{"even", 128}, {"odd", 112}}));
  EXPECT_EQ(s.decided.size(), 15u);
  EXPECT_TRUE(s.proposals.empty());
  ASSERT_EQ(l.changes.size(), 3u);
  EXPECT_EQ(l.changes[2].from, "1003");
  EXPECT_EQ(l.changes[2].to, "4626");

  Graph graph(l);
  PlanOptions all;
  all.all_systems = true;
  Plan plan;
  Diagnostics diags;
  ASSERT_TRUE(ComputePlan(graph, all, nullptr, &plan, &diags)) << Errors(diags);
  EXPECT_EQ(plan.tasks.size(), 46u);
}

// --name names the merged landscape, --effective dates every number change; without a name it
// is made of the files' names.
TEST(Merge, NameAndEffective) {
  Landscape a = Parse(kSakA), b = Parse(kSakB);
  MergeOptions options;
  options.into = "4626";
  options.name = "Nye kommune";
  options.effective = ParseDate("2024-01-01");
  Merged named = MergeWith({&a, &b}, options);
  ASSERT_TRUE(named.ok) << Errors(named.diagnostics);
  EXPECT_EQ(named.landscape.name, "Nye kommune");
  ASSERT_EQ(named.landscape.changes.size(), 2u);
  for (const Change& c : named.landscape.changes) {
    EXPECT_EQ(named.landscape.keys[c.key].id, "kommunenummer");
    EXPECT_EQ(c.to, "4626");
    ASSERT_TRUE(c.effective);
    EXPECT_EQ(FormatDate(*c.effective), "2024-01-01");
  }
  options.name.clear();
  options.effective.reset();
  Merged plain = MergeWith({&a, &b}, options);
  ASSERT_TRUE(plain.ok);
  EXPECT_EQ(plain.landscape.name, "Merger into 4626 of Alpha, Beta");
  EXPECT_FALSE(plain.landscape.changes[0].effective);
}

// A re-pointed integration whose id spelled its old ends gets one made from the new ends; that
// made-up id must not take the id another re-pointed integration already has. B:
//   b.x -> n (no id, so "b.x:n") and "a.x:n": b.y -> n. a.x retires b.x, a.y retires b.y.
// By hand: "a.x:n" keeps its id (it does not spell b.y:n) and the first, a.x -> n, becomes
// "a.x:n+2". Before, the first took "a.x:n" and the second could not be added.
TEST(Merge, MadeUpIdsNeverTakeAKeptOne) {
  Landscape a = Parse(R"({"systems": [
      {"id": "a.x", "owner": "1001", "product": "P", "domain": "x"},
      {"id": "a.y", "owner": "1001", "product": "Q", "domain": "y"},
      {"id": "n", "kind": "national", "owner": "Reg"}]})");
  Landscape b = Parse(R"({"systems": [
      {"id": "b.x", "owner": "1002", "product": "P", "domain": "x"},
      {"id": "b.y", "owner": "1002", "product": "Q", "domain": "y"},
      {"id": "n", "kind": "national", "owner": "Reg"}],
    "integrations": [{"from": "b.x", "to": "n"}, {"id": "a.x:n", "from": "b.y", "to": "n"}]})");
  MergeDecisions d = Decisions(R"({"format": "landskap-decisions/1", "decisions": [
    {"survivor": "a.x", "retire": ["b.x"]}, {"survivor": "a.y", "retire": ["b.y"]}]})");
  Merged m = Merge({&a, &b}, &d);
  ASSERT_TRUE(m.ok) << Errors(m.diagnostics);
  EXPECT_EQ(Pairs(m.landscape), (std::vector<std::string>{"a.x>n", "a.y>n"}));
  EXPECT_EQ(m.landscape.integrations[0].id, "a.x:n+2");
  EXPECT_EQ(m.landscape.integrations[1].id, "a.x:n");
  ASSERT_EQ(m.summary.repointed.size(), 2u);
  EXPECT_EQ(m.summary.repointed[0].merged_id, "a.x:n+2");
  EXPECT_EQ(m.summary.repointed[1].merged_id, "a.x:n");
}

// The retired id is as long as an id may be (200 bytes): its conversion task's id is cut to
// stay an id (the loader's limit), and the merged file loads (Merge checks that).
TEST(Merge, ConversionIdOfALongIdStaysAnId) {
  std::string long_id = "a." + std::string(198, 'x');
  Landscape a = Parse(R"({"systems": [{"id": ")" + long_id +
                      R"(", "owner": "1001", "product": "P", "domain": "sak"}]})");
  Landscape b =
      Parse(R"({"systems": [{"id": "b.sak", "owner": "1002", "product": "P", "domain": "sak"}]})");
  MergeDecisions d = Decisions(R"({"format": "landskap-decisions/1", "decisions": [
    {"survivor": "b.sak", "retire": [")" +
                               long_id + R"("]}]})");
  Merged m = Merge({&a, &b}, &d);
  ASSERT_TRUE(m.ok) << Errors(m.diagnostics);
  ASSERT_EQ(m.summary.conversions.size(), 1u);
  // "conversion." is 11 bytes: 189 of the retired id's 200 fit.
  EXPECT_EQ(m.summary.conversions[0].task, "conversion." + long_id.substr(0, 189));
  EXPECT_TRUE(IsWellFormedId(m.summary.conversions[0].task));
}

// ---- issue 17, finding 22: what merge must not join or accept silently ----

// va: Visma's system "felles"; vb: 1002's own system, also "felles". Either way round, an
// error names the id, both files and the owners.
const char* kVendorFelles = R"({"systems": [
    {"id": "a.arkiv", "owner": "1001", "domain": "arkiv", "product": "P"},
    {"id": "felles", "kind": "vendor", "owner": "Visma", "product": "V"}],
  "integrations": [{"id": "ia", "from": "a.arkiv", "to": "felles"}]})";
const char* kOwnFelles = R"({"systems": [
    {"id": "b.arkiv", "owner": "1002", "domain": "arkiv", "product": "P"},
    {"id": "b.lonn", "owner": "1002", "domain": "lonn", "product": "L"},
    {"id": "felles", "kind": "municipal", "owner": "1002", "product": "Egen"}],
  "integrations": [{"id": "ib", "from": "b.arkiv", "to": "felles"}]})";

TEST(Merge, VendorIdReusedByOwnSystemIsAnError) {
  Landscape vendor = Parse(kVendorFelles), own = Parse(kOwnFelles);
  Merged m = Merge({&vendor, &own}, nullptr);
  EXPECT_FALSE(m.ok);
  EXPECT_NE(Errors(m.diagnostics)
                .find("b.json: /systems/2/id: error: 'felles' is a system of 1002 here, but owned "
                      "by Visma in a.json; one id cannot name both, so merge would join two "
                      "different systems. Give 1002's own system another id in b.json"),
            std::string::npos)
      << Errors(m.diagnostics);
  Merged reverse = Merge({&own, &vendor}, nullptr);
  EXPECT_FALSE(reverse.ok);
  EXPECT_NE(Errors(reverse.diagnostics)
                .find("b.json: /systems/1/id: error: 'felles' is owned by Visma here, but a "
                      "system of 1002 in a.json; one id cannot name both, so merge would join "
                      "two different systems. Give 1002's own system another id in a.json"),
            std::string::npos)
      << Errors(reverse.diagnostics);
  // The same vendor system in both files is shared, as before.
  Landscape vendor_b = Parse(R"({"systems": [
      {"id": "b.arkiv", "owner": "1002", "domain": "arkiv", "product": "P"},
      {"id": "felles", "kind": "vendor", "owner": "Visma", "product": "V"}]})");
  Merged shared = Merge({&vendor, &vendor_b}, nullptr);
  ASSERT_TRUE(shared.ok) << Errors(shared.diagnostics);
  EXPECT_EQ(shared.summary.shared_systems, 1u);
}

// Issue 17's cross retirement: A's a.arkiv waits for a.lonn, B's b.lonn for b.arkiv; the
// decisions keep a.arkiv (retiring b.arkiv) and b.lonn (retiring a.lonn). Re-pointed, a.arkiv
// waits for b.lonn and b.lonn for a.arkiv: no order exists, and plan would refuse the file.
const char* kCrossA = R"({"systems": [
    {"id": "a.arkiv", "owner": "1001", "domain": "arkiv", "product": "P", "cutover": {"after": ["a.lonn"]}},
    {"id": "a.lonn", "owner": "1001", "domain": "lonn", "product": "L"}]})";
const char* kCrossB = R"({"systems": [
    {"id": "b.arkiv", "owner": "1002", "domain": "arkiv", "product": "P"},
    {"id": "b.lonn", "owner": "1002", "domain": "lonn", "product": "L", "cutover": {"after": ["b.arkiv"]}}]})";

TEST(Merge, CrossRetirementsThatMakeAnAfterCycleAreAnError) {
  Landscape a = Parse(kCrossA), b = Parse(kCrossB);
  MergeDecisions cross = Decisions(R"({"format": "landskap-decisions/1", "decisions": [
    {"domain": "arkiv", "survivor": "a.arkiv", "retire": ["b.arkiv"]},
    {"domain": "lonn", "survivor": "b.lonn", "retire": ["a.lonn"]}]})");
  Merged m = Merge({&a, &b}, &cross);
  EXPECT_FALSE(m.ok);
  // By hand: the search starts at a.arkiv (the first system), which b.lonn waits for.
  EXPECT_EQ(Errors(m.diagnostics),
            "d.json: /decisions/0/retire/0: error: these decisions make a cycle in the cutover "
            "order: b.lonn → a.arkiv → b.lonn (a.arkiv after b.lonn: a.json has a.arkiv after "
            "a.lonn, and /decisions/1/retire/0 retires a.lonn into b.lonn; b.lonn after a.arkiv: "
            "b.json has b.lonn after b.arkiv, and /decisions/0/retire/0 retires b.arkiv into "
            "a.arkiv); 'landskap plan' could not order the merged landscape (a system listed in "
            "'after' must be done before the other starts). Retire in the other direction, or "
            "remove one of these 'after' (the retirements: /decisions/0/retire/0, "
            "/decisions/1/retire/0)\n");
  // Retiring in one direction is fine: a.arkiv and a.lonn survive, a.arkiv after a.lonn.
  MergeDecisions one_way = Decisions(R"({"format": "landskap-decisions/1", "decisions": [
    {"survivor": "a.arkiv", "retire": ["b.arkiv"]}, {"survivor": "a.lonn", "retire": ["b.lonn"]}]})");
  Merged fine = Merge({&a, &b}, &one_way);
  ASSERT_TRUE(fine.ok) << Errors(fine.diagnostics);
  EXPECT_EQ(AfterIds(fine.landscape, "a.arkiv"), (std::vector<std::string>{"a.lonn"}));
  // a retires b and b retires a: the decisions themselves contradict each other.
  MergeDecisions both = Decisions(R"({"format": "landskap-decisions/1", "decisions": [
    {"survivor": "a.arkiv", "retire": ["b.arkiv"]}, {"survivor": "b.arkiv", "retire": ["a.arkiv"]}]})");
  Merged contradict = Merge({&a, &b}, &both);
  EXPECT_FALSE(contradict.ok);
  EXPECT_NE(Errors(contradict.diagnostics)
                .find("d.json: /decisions/0/retire/0: error: 'b.arkiv' survives at "
                      "/decisions/1/survivor and is retired here; decide one of them"),
            std::string::npos)
      << Errors(contradict.diagnostics);
}

// The cycle can run through a re-pointed integration too: A's a.arkiv waits for a.lonn, and B's
// b.arkiv feeds b.lonn; A's systems survive, so a.arkiv feeds a.lonn (the provider first) and
// waits for it.
TEST(Merge, AfterCycleThroughARepointedIntegration) {
  Landscape a = Parse(kCrossA);
  Landscape b = Parse(R"({"systems": [
      {"id": "b.arkiv", "owner": "1002", "domain": "arkiv", "product": "P"},
      {"id": "b.lonn", "owner": "1002", "domain": "lonn", "product": "L"}],
    "integrations": [{"id": "lonnsdata", "from": "b.arkiv", "to": "b.lonn"}]})");
  MergeDecisions d = Decisions(R"({"format": "landskap-decisions/1", "decisions": [
    {"survivor": "a.arkiv", "retire": ["b.arkiv"]}, {"survivor": "a.lonn", "retire": ["b.lonn"]}]})");
  Merged m = Merge({&a, &b}, &d);
  EXPECT_FALSE(m.ok);
  EXPECT_EQ(Errors(m.diagnostics),
            "d.json: /decisions/0/retire/0: error: these decisions make a cycle in the cutover "
            "order: a.lonn → a.arkiv → a.lonn (a.arkiv after a.lonn (a.json); integration "
            "lonnsdata a.arkiv → a.lonn: b.json has b.arkiv → b.lonn, and /decisions/0/retire/0 "
            "retires b.arkiv into a.arkiv, and /decisions/1/retire/0 retires b.lonn into a.lonn); "
            "'landskap plan' could not order the merged landscape (a system listed in 'after' "
            "must be done before the other starts). Retire in the other direction, or remove one "
            "of these 'after' (the retirements: /decisions/0/retire/0, /decisions/1/retire/0)\n");
}

// Cycles merge did not make: one file's own (a warning, the merge goes on: plan refuses that
// file as it is) and two files' `after`s for the same shared systems that go opposite ways
// (an error at the later file).
TEST(Merge, AfterCyclesOfTheFilesThemselves) {
  Landscape own = Parse(R"({"systems": [
      {"id": "a.arkiv", "owner": "1001", "cutover": {"after": ["a.lonn"]}},
      {"id": "a.lonn", "owner": "1001"}],
    "integrations": [{"id": "i", "from": "a.arkiv", "to": "a.lonn"}]})");
  Landscape b = Parse(R"({"systems": [{"id": "b.arkiv", "owner": "1002"}]})");
  Merged m = Merge({&own, &b}, nullptr);
  ASSERT_TRUE(m.ok) << Errors(m.diagnostics);
  EXPECT_EQ(Errors(m.diagnostics),
            "a.json: /systems/0/cutover/after: warning: cycle in the cutover order, already in "
            "this file: a.lonn → a.arkiv → a.lonn (a.arkiv after a.lonn (a.json); integration "
            "i a.arkiv → a.lonn (a.json)); 'landskap plan' could not order the merged landscape "
            "(a system listed in 'after' must be done before the other starts), nor this file; "
            "remove one of these 'after' here\n");

  Landscape x = Parse(R"({"systems": [{"id": "a.sak", "owner": "1001"},
      {"id": "v1", "owner": "Visma", "cutover": {"after": ["v2"]}}, {"id": "v2", "owner": "Visma"}]})");
  Landscape y = Parse(R"({"systems": [{"id": "b.sak", "owner": "1002"},
      {"id": "v1", "owner": "Visma"}, {"id": "v2", "owner": "Visma", "cutover": {"after": ["v1"]}}]})");
  Merged both = Merge({&x, &y}, nullptr);
  EXPECT_FALSE(both.ok);
  EXPECT_EQ(Errors(both.diagnostics),
            "b.json: /systems/2/cutover/after: error: the files together make a cycle in the "
            "cutover order: v2 → v1 → v2 (v1 after v2 (a.json); v2 after v1 (b.json)); "
            "'landskap plan' could not order the merged landscape (a system listed in 'after' "
            "must be done before the other starts). Remove one of these 'after', or make the "
            "files agree\n");
}

// The same landscape twice (one file given twice, or a copy) is refused; two different files
// of one municipality get a warning.
TEST(Merge, SameLandscapeTwiceIsRefused) {
  Landscape a = Parse(kA);
  Merged twice = Merge({&a, &a}, nullptr);
  EXPECT_FALSE(twice.ok);
  EXPECT_EQ(Errors(twice.diagnostics),
            "b.json: error: this is the same landscape as a.json (the same file, or a copy of it, "
            "given twice); give each municipality's file once\n");
  // A copy written differently (other spacing, fields in another order) is the same landscape.
  Landscape copy = Parse(WriteLandscape(a));
  Landscape b = Parse(kB);
  Merged copied = Merge({&a, &b, &copy}, nullptr);
  EXPECT_FALSE(copied.ok);
  EXPECT_NE(Errors(copied.diagnostics).find("c.json: error: this is the same landscape as a.json"),
            std::string::npos)
      << Errors(copied.diagnostics);
  Landscape more_of_a = Parse(R"({"systems": [{"id": "a.web", "owner": "1001"}]})");
  Merged split = Merge({&a, &more_of_a}, nullptr);
  ASSERT_TRUE(split.ok) << Errors(split.diagnostics);
  EXPECT_EQ(Errors(split.diagnostics),
            "b.json: warning: describes 1001, like a.json; merge takes the systems of both files "
            "as one municipality's (no counterparts between them)\n");
}

// ---- diff ----

TEST(Diff, FileWithItselfIsEmpty) {
  Landscape a = Parse(kA);
  EXPECT_TRUE(DiffLandscapes(a, a).Empty());
  Landscape tiny;
  Diagnostics d;
  ASSERT_TRUE(LoadLandscapeFile(testing::SourcePath("datasets/oygarden-2020.json"), &tiny, &d));
  EXPECT_TRUE(DiffLandscapes(tiny, tiny).Empty());
}

TEST(Diff, EveryKindOfChange) {
  Landscape before = Parse(R"({"name": "v1", "systems": [
      {"id": "x", "name": "X", "kind": "municipal", "owner": "1001", "vendor": "V",
       "product": "P", "domain": "d", "keys": ["k1"], "criticality": "low",
       "cutover": {"effort_days": 1}},
      {"id": "y"}, {"id": "z"}],
    "integrations": [
      {"id": "xy", "from": "x", "to": "y", "carries": ["k1"], "protocol": "REST"},
      {"id": "yz", "from": "y", "to": "z"}]})");
  Landscape after = Parse(R"({"name": "v2",
    "changes": [{"key": "kommunenummer", "from": "1001", "to": "4626"}],
    "systems": [
      {"id": "x", "name": "X2", "kind": "vendor", "owner": "4626", "vendor": "W",
       "product": "Q", "domain": "e", "keys": ["k1", "k2"], "criticality": "high",
       "cutover": {"effort_days": 2.5, "after": ["y"], "fixed_date": "2020-01-02"}},
      {"id": "y"}, {"id": "w"}],
    "integrations": [
      {"id": "xy", "from": "x", "to": "w", "carries": ["k2"], "protocol": "SOAP",
       "criticality": "critical"},
      {"id": "yw", "from": "y", "to": "w"}]})");
  LandscapeDiff d = DiffLandscapes(before, after);
  ASSERT_EQ(d.landscape.size(), 2u);
  EXPECT_EQ(d.landscape[0].field, "name");
  EXPECT_EQ(d.landscape[1].after, "kommunenummer 1001→4626");
  EXPECT_EQ(d.systems_added, (std::vector<std::string>{"w"}));
  EXPECT_EQ(d.systems_removed, (std::vector<std::string>{"z"}));
  ASSERT_EQ(d.systems_changed.size(), 1u);
  std::vector<std::string> fields;
  for (const FieldChange& f : d.systems_changed[0].fields)
    fields.push_back(f.field + ":" + f.before + ">" + f.after);
  EXPECT_EQ(fields,
            (std::vector<std::string>{"name:X>X2", "kind:municipal>vendor", "owner:1001>4626",
                                      "vendor:V>W", "product:P>Q", "domain:d>e", "keys:k1>k1, k2",
                                      "criticality:low>high", "cutover.effort_days:1>2.5",
                                      "cutover.after:>y", "cutover.fixed_date:>2020-01-02"}));
  EXPECT_EQ(d.integrations_added, (std::vector<std::string>{"yw"}));
  EXPECT_EQ(d.integrations_removed, (std::vector<std::string>{"yz"}));
  ASSERT_EQ(d.integrations_changed.size(), 1u);
  fields.clear();
  for (const FieldChange& f : d.integrations_changed[0].fields)
    fields.push_back(f.field + ":" + f.before + ">" + f.after);
  EXPECT_EQ(fields, (std::vector<std::string>{"to:y>w", "carries:k1>k2", "protocol:REST>SOAP",
                                              "criticality:>critical"}));
  EXPECT_TRUE(d.renames.empty());  // z and w have no vendor or product
}

TEST(Diff, RenamesSuggestedWhenAlike) {
  Landscape before = Parse(R"json({"systems": [
      {"id": "fjell.arkiv", "name": "Sak/arkiv (Fjell)", "owner": "1246", "vendor": "Tieto",
       "product": "Public 360", "domain": "sak-arkiv"},
      {"id": "fjell.gis", "name": "Kart", "owner": "1246", "vendor": "Norkart", "product": "Gisline"}]})json");
  Landscape after = Parse(R"json({"systems": [
      {"id": "fjell.sak-arkiv", "name": "Sak/arkiv (Fjell)", "owner": "1246", "vendor": "Tieto",
       "product": "Public 360", "domain": "sak-arkiv"},
      {"id": "fjell.kart", "name": "Kart og GIS", "owner": "1246", "vendor": "Norkart",
       "product": "Adaptive"}]})json");
  LandscapeDiff d = DiffLandscapes(before, after);
  ASSERT_EQ(d.renames.size(), 1u);
  EXPECT_EQ(d.renames[0].removed, "fjell.arkiv");
  EXPECT_EQ(d.renames[0].added, "fjell.sak-arkiv");
  EXPECT_EQ(d.renames[0].reason,
            "same product Public 360, owner 1246, domain sak-arkiv; same name");
}

// A re-import: every id new, all systems of one product, owner and domain, so that comparing
// every removed with every added system (610 × 600 = 366 000 pairs) is over the limit of 250 000
// and equal names (case ignored) are matched alone. Removed r000..r599 are named
// "System <i mod 300>", r600..r609 "Old <i>"; added n000..n599 "SYSTEM <(599 - i) mod 300>".
// By hand: name k belongs to r_k and r_(k+300) and to n_(299-k) and n_(599-k); in id order,
// r_k pairs with n_(299-k) and r_(k+300) with n_(599-k) (what closest-first does too: those
// are the distance-0 pairs in id order). 600 renames; the ten "Old" are not compared, and a
// note says so.
TEST(Diff, ManyRenamesInOneGroupMatchEqualNames) {
  auto id = [](char prefix, int i) {
    char text[8];
    std::snprintf(text, sizeof text, "%c%03d", prefix, i);
    return std::string(text);
  };
  json before = {{"systems", json::array()}}, after = {{"systems", json::array()}};
  auto system = [](const std::string& id, const std::string& name) {
    return json{{"id", id},        {"name", name},   {"kind", "municipal"},
                {"owner", "1001"}, {"product", "P"}, {"domain", "arkiv"}};
  };
  for (int i = 0; i < 610; ++i)
    before["systems"].push_back(system(
        id('r', i), i < 600 ? "System " + std::to_string(i % 300) : "Old " + std::to_string(i)));
  for (int i = 0; i < 600; ++i)
    after["systems"].push_back(system(id('n', i), "SYSTEM " + std::to_string((599 - i) % 300)));
  Landscape b = Parse(before.dump()), a = Parse(after.dump());
  LandscapeDiff d = DiffLandscapes(b, a);
  EXPECT_EQ(d.systems_removed.size(), 610u);
  EXPECT_EQ(d.systems_added.size(), 600u);
  ASSERT_EQ(d.renames.size(), 600u);
  for (int k = 0; k < 300; ++k) {
    EXPECT_EQ(d.renames[k].removed, id('r', k));
    EXPECT_EQ(d.renames[k].added, id('n', 299 - k));
    EXPECT_EQ(d.renames[k + 300].removed, id('r', k + 300));
    EXPECT_EQ(d.renames[k + 300].added, id('n', 599 - k));
  }
  EXPECT_EQ(d.renames[0].reason, "same product P, owner 1001, domain arkiv; similar name");
  ASSERT_EQ(d.notes.size(), 1u);
  EXPECT_EQ(d.notes[0],
            "610 removed and 600 added systems of product P, owner 1001, domain arkiv are too many "
            "to compare every pair: only equal names were matched (600 possible renames); the "
            "other 10 removed systems were not compared by similar names or ids");
  std::string table = cli::FormatDiff(d, "b.json", "a.json", cli::Format::kTable);
  EXPECT_NE(table.find("\nNote: 610 removed and 600 added systems of product P"),
            std::string::npos);
  json j = json::parse(cli::FormatDiff(d, "b.json", "a.json", cli::Format::kJson));
  EXPECT_EQ(j["systems"]["rename_notes"].size(), 1u);
  // A small group is still compared pair by pair, and has no note.
  EXPECT_TRUE(DiffLandscapes(Parse(kA), Parse(kB)).notes.empty());
}

// ---- what the user reads: the merge summary and the diff, table and Markdown ----

// The summary of the three-kept-two-conversions merge above (by hand from its numbers there).
// Table widths: each column as wide as its widest cell or heading, two spaces between columns,
// numbers right-aligned, trailing spaces cut.
TEST(MergeFormat, SummaryTableAndMarkdown) {
  Landscape a = Parse(kSakA), b = Parse(kSakB);
  MergeDecisions d = Decisions(kSakDecisions);
  Merged m = Merge({&a, &b}, &d);
  ASSERT_TRUE(m.ok) << Errors(m.diagnostics);
  std::string table = cli::FormatMergeSummary(m.summary, "Nye", cli::Format::kTable);
  const std::string headline =
      "Merger into 9999 (Nye): 6 systems in 2 files (1 shared) became 5, of them 2 conversion "
      "tasks; 4 integrations became 2.";
  EXPECT_EQ(table.substr(0, table.find('\n')), headline);
  auto has = [&](const std::string& text, const std::string& part) {
    EXPECT_NE(text.find(part), std::string::npos) << "missing:\n" << part << "\nin:\n" << text;
  };
  has(table,
      "\nMunicipalities\n"
      "file    kommunenummer\n"
      "------  -------------\n"
      "a.json  1001\n"
      "b.json  1002\n");
  // conversion days: a.lonn's one task, 10; a.sak's, 5.
  has(table,
      "\nSurvivors and retirements by domain (decided)\n"
      "domain  survivor  retired  conversion days  note\n"
      "------  --------  -------  ---------------  ----\n"
      "lonn    a.lonn    b.lonn                10\n"
      "sak     a.sak     b.sak                  5\n");
  has(table,
      "\nProposals (no decision names these yet)\n"
      "None: every group of counterparts is decided.\n");
  has(table,
      "\nRe-pointed integrations\n"
      "3 integrations of retired systems: 1 joined an integration the survivor already has, 1 "
      "dropped (between a retired system and its survivor), 1 new for the survivor (to build), "
      "of which 1 feed an orphaned consumer (a system only the retired one fed).\n");
  has(table,
      "\narkivuttrekk  b.sak → conversion.b.sak  a.sak → conversion.b.sak  arkivuttrekk  "
      "conversion.b.sak\n");
  has(table,
      "\nConversion tasks\n"
      "2 tasks, 15 days in all; each starts after its survivor's cutover (plan them with "
      "'landskap plan MERGED --key kommunenummer').\n"
      "task                retired  survivor  vendor  days  effort from\n"
      "------------------  -------  --------  ------  ----  -----------\n"
      "conversion.b.sak+2  b.sak    a.sak     V1         5  decision\n"
      "conversion.b.lonn   b.lonn   a.lonn    V3        10  default\n");
  has(table,
      "\nConversion effort by vendor\n"
      "vendor  tasks  days\n"
      "------  -----  ----\n"
      "V1          1     5\n"
      "V3          1    10\n");
  EXPECT_EQ(table.substr(table.rfind("\nConflicts")),
            "\nConflicts between the files\nNone: shared systems and integrations agree.\n");

  std::string md = cli::FormatMergeSummary(m.summary, "Nye", cli::Format::kMarkdown);
  EXPECT_EQ(md.substr(0, md.find('\n')), "# " + headline);
  has(md,
      "\n## Municipalities\n\n"
      "| file | kommunenummer |\n"
      "| --- | --- |\n"
      "| a.json | 1001 |\n"
      "| b.json | 1002 |\n");
  has(md,
      "\n## Survivors and retirements by domain (decided)\n\n"
      "| domain | survivor | retired | conversion days | note |\n"
      "| --- | --- | --- | ---: | --- |\n"
      "| lonn | a.lonn | b.lonn | 10 |  |\n"
      "| sak | a.sak | b.sak | 5 |  |\n");
  has(md,
      "\n\n| integration | before | after | merged id | orphaned consumer |\n"
      "| --- | --- | --- | --- | --- |\n"
      "| arkivuttrekk | b.sak → conversion.b.sak | a.sak → conversion.b.sak | arkivuttrekk | "
      "conversion.b.sak |\n");
  has(md,
      "\n## Conversion tasks\n\n"
      "2 tasks, 15 days in all; each starts after its survivor's cutover (plan them with "
      "'landskap plan MERGED --key kommunenummer').\n\n"
      "| task | retired | survivor | vendor | days | effort from |\n"
      "| --- | --- | --- | --- | ---: | --- |\n"
      "| conversion.b.sak+2 | b.sak | a.sak | V1 | 5 | decision |\n"
      "| conversion.b.lonn | b.lonn | a.lonn | V3 | 10 | default |\n");
  has(md,
      "\n## Conversion effort by vendor\n\n"
      "| vendor | tasks | days |\n"
      "| --- | ---: | ---: |\n"
      "| V1 | 1 | 5 |\n"
      "| V3 | 1 | 10 |\n");
  EXPECT_EQ(md.substr(md.rfind("\n## Conflicts")),
            "\n## Conflicts between the files\n\nNone: shared systems and integrations agree.\n\n");
}

// Without decisions (kA, kB): the proposal, the undecided systems and the two conflicts about
// the register (ConflictingSharedSystemsAreListedFirstFileWinsKeysUnite, by hand).
TEST(MergeFormat, SummaryProposalsUndecidedAndConflicts) {
  Landscape a = Parse(kA), b = Parse(kB);
  Merged m = Merge({&a, &b}, nullptr);
  ASSERT_TRUE(m.ok);
  std::string md = cli::FormatMergeSummary(m.summary, "", cli::Format::kMarkdown);
  auto has = [&](const std::string& part) {
    EXPECT_NE(md.find(part), std::string::npos) << "missing:\n" << part << "\nin:\n" << md;
  };
  // 3 + 2 systems, reg shared: 4 out; 2 + 1 integrations, reg -> a.sak and reg -> b.sak differ.
  has("# Merger into 9999: 5 systems in 2 files (1 shared) became 4, of them 0 conversion tasks; 3 "
      "integrations became 3.\n");
  has("\n## Survivors and retirements by domain (decided)\n\nNo decisions were given.\n\n");
  has("| domain | function | survivor | would retire | why |\n| --- | --- | --- | --- | --- |\n"
      "| sak |  | a.sak | b.sak | no product is shared; the largest municipality is 1001 (2 "
      "integrations) |\n");
  has("\n## Undecided systems (kept, with their old owner)\n\n| system |\n| --- |\n| a.sak |\n"
      "| b.sak |\n");
  has("0 integrations of retired systems: 0 joined");
  has("| system | reg | name | a.json: Registeret; b.json: Register | the first file's value |\n"
      "| system | reg | keys | a.json: kommunenummer; b.json: fnr, kommunenummer | all keys of "
      "both |\n");
  std::string table = cli::FormatMergeSummary(m.summary, "", cli::Format::kTable);
  // Widths: what 6, id 3, field 5, values 49 ("a.json: kommunenummer; b.json: fnr,
  // kommunenummer"): "values" and 43 + 2 spaces.
  EXPECT_NE(
      table.find("\nwhat    id   field  values" + std::string(45, ' ') + "merged file holds\n"),
      std::string::npos)
      << table;
}

// kA -> kB by hand: the name A -> B; b.sak added, a.sak and arkiv removed; reg changed in
// name and keys; reg:b.sak added, a.sak:arkiv and reg:a.sak removed; no rename (the two sak
// systems differ in owner, vendor and product).
TEST(MergeFormat, DiffTableAndMarkdown) {
  Landscape a = Parse(kA), b = Parse(kB);
  LandscapeDiff d = DiffLandscapes(a, b);
  const std::string headline =
      "before.json → after.json: systems 1 added, 2 removed, 1 changed; integrations 1 added, 2 "
      "removed, 0 changed; 0 possible renames.";
  std::string table = cli::FormatDiff(d, "before.json", "after.json", cli::Format::kTable);
  // Widths: change 7, what 11 ("integration"), id 11 ("a.sak:arkiv"), field 5, before 13
  // ("kommunenummer"), after 18 ("fnr, kommunenummer").
  EXPECT_EQ(table,
            headline + "\n\n" +
                "change   what         id           field  before         after\n"
                "-------  -----------  -----------  -----  -------------  ------------------\n"
                "changed  landscape                 name   A              B\n"
                "added    system       b.sak\n"
                "removed  system       a.sak\n"
                "removed  system       arkiv\n"
                "changed  system       reg          name   Registeret     Register\n"
                "changed  system       reg          keys   kommunenummer  fnr, kommunenummer\n"
                "added    integration  reg:b.sak\n"
                "removed  integration  a.sak:arkiv\n"
                "removed  integration  reg:a.sak\n");
  std::string md = cli::FormatDiff(d, "before.json", "after.json", cli::Format::kMarkdown);
  EXPECT_EQ(md, "# " + headline + "\n\n## Changes\n\n" +
                    "| change | what | id | field | before | after |\n"
                    "| --- | --- | --- | --- | --- | --- |\n"
                    "| changed | landscape |  | name | A | B |\n"
                    "| added | system | b.sak |  |  |  |\n"
                    "| removed | system | a.sak |  |  |  |\n"
                    "| removed | system | arkiv |  |  |  |\n"
                    "| changed | system | reg | name | Registeret | Register |\n"
                    "| changed | system | reg | keys | kommunenummer | fnr, kommunenummer |\n"
                    "| added | integration | reg:b.sak |  |  |  |\n"
                    "| removed | integration | a.sak:arkiv |  |  |  |\n"
                    "| removed | integration | reg:a.sak |  |  |  |\n");
}

// ---- the command line ----

std::string WriteTemp(const std::string& dir, const std::string& name, const std::string& text) {
  std::string path = dir + "/" + name;
  std::ofstream(path) << text;
  return path;
}

// The issue's reproducer on the command line, and --propose then --decisions on three small
// municipalities (x, y, z: 2001..2003, each arkiv (P1) and lonn (L1)). By hand: every product is
// used by all three and every municipality and system has one integration, so the smaller ids
// win: x.arkiv and x.lonn, each retiring y's and z's (4 conversions after 2 kept systems).
TEST(MergeCli, IssueReproducerAndProposeThenDecide) {
  std::string dir = testing::TempDir();
  std::string a = WriteTemp(dir, "a.json", kIssueA), b = WriteTemp(dir, "b.json", kIssueB);
  std::string d = WriteTemp(dir, "d.json", kIssueDecisions);
  auto merged = RunCli(
      {"merge", a, b, "--into", "1003", "--name", "Ny", "--decisions", d, "-o", dir + "/m.json"});
  ASSERT_EQ(merged.code, 0) << merged.err;
  json m = json::parse(testing::ReadFile(dir + "/m.json"));
  EXPECT_EQ(m["name"], "Ny");
  std::vector<std::string> ids;
  for (const json& s : m["systems"]) ids.push_back(s["id"]);
  EXPECT_EQ(ids, (std::vector<std::string>{"a.arkiv", "a.lonn", "conversion.b.arkiv",
                                           "conversion.b.lonn"}));
  auto valid = RunCli({"validate", dir + "/m.json"});
  EXPECT_EQ(valid.out,
            "OK: 4 systems, 1 integration\nReform (kommunenummer): 1001 Kristiansand and 1002 "
            "Mandal merge into 1003 Farsund.\n")
      << valid.err;
  auto plan = RunCli({"plan", dir + "/m.json", "--all", "--format", "json"});
  ASSERT_EQ(plan.code, 0) << plan.err;
  EXPECT_EQ(json::parse(plan.out)["tasks"].size(), 4u);

  std::vector<std::string> files;
  for (const char* k : {"x", "y", "z"}) {
    std::string owner = std::string("200") + std::to_string(files.size() + 1);
    std::string text = std::string(R"({"format": "landskap/1", "name": ")") + k +
                       R"(", "systems": [
        {"id": ")" + k +
                       R"(.arkiv", "owner": ")" + owner +
                       R"(", "domain": "arkiv", "product": "P1"},
        {"id": ")" + k +
                       R"(.lonn", "owner": ")" + owner +
                       R"(", "domain": "lonn", "product": "L1"}],
      "integrations": [{"from": ")" +
                       k + R"(.arkiv", "to": ")" + k + R"(.lonn"}]})";
    files.push_back(WriteTemp(dir, std::string(k) + ".json", text));
  }
  auto propose = RunCli(
      {"merge", files[0], files[1], files[2], "--into", "2004", "--propose", dir + "/p.json"});
  ASSERT_EQ(propose.code, 0) << propose.err;
  json p = json::parse(testing::ReadFile(dir + "/p.json"));
  ASSERT_EQ(p["decisions"].size(), 2u);
  EXPECT_EQ(p["decisions"][0]["survivor"], "x.arkiv");
  EXPECT_EQ(p["decisions"][0]["retire"], json({"y.arkiv", "z.arkiv"}));
  EXPECT_EQ(p["decisions"][1]["survivor"], "x.lonn");
  auto decided = RunCli({"merge", files[0], files[1], files[2], "--into", "2004", "--decisions",
                         dir + "/p.json", "-o", dir + "/xyz.json", "--summary", dir + "/s.json"});
  ASSERT_EQ(decided.code, 0) << decided.err;
  json xyz = json::parse(testing::ReadFile(dir + "/xyz.json"));
  ids.clear();
  for (const json& s : xyz["systems"]) ids.push_back(s["id"]);
  EXPECT_EQ(
      ids, (std::vector<std::string>{"x.arkiv", "x.lonn", "conversion.y.arkiv", "conversion.y.lonn",
                                     "conversion.z.arkiv", "conversion.z.lonn"}));
  json s = json::parse(testing::ReadFile(dir + "/s.json"));
  EXPECT_EQ(s["conversions"].size(), 4u);
  EXPECT_EQ(s["systems_out"], 6);
  // 2001 is no municipality's number; 2002 Vardø, 2003 Vadsø and 2004 Hammerfest are (SSB).
  EXPECT_EQ(RunCli({"validate", dir + "/xyz.json"}).out,
            "OK: 6 systems, 1 integration\nReform (kommunenummer): 2001, 2002 Vardø and 2003 "
            "Vadsø merge into 2004 Hammerfest - Hámmerfeasta.\n");
  EXPECT_EQ(RunCli({"plan", dir + "/xyz.json", "--all"}).code, 0);
}

// One file under two names, a hard link, and a copy: each is refused, naming both.
TEST(MergeCli, SameFileGivenTwiceIsRefused) {
  std::string dir = testing::TempDir();
  std::string a = WriteTemp(dir, "a.json", kA), b = WriteTemp(dir, "b.json", kB);
  auto dotted = RunCli({"merge", a, b, dir + "/./a.json", "--into", "9999"});
  EXPECT_EQ(dotted.code, 2);
  EXPECT_NE(dotted.err.find("'" + dir + "/./a.json' and '" + a +
                            "' are the same file; give each municipality's file once"),
            std::string::npos)
      << dotted.err;
  std::string link = dir + "/lenke.json";
  std::remove(link.c_str());
  ASSERT_EQ(::link(a.c_str(), link.c_str()), 0);
  auto linked = RunCli({"merge", link, b, a, "--into", "9999"});
  EXPECT_EQ(linked.code, 2);
  EXPECT_NE(linked.err.find("'" + a + "' and '" + link + "' are the same file"), std::string::npos)
      << linked.err;
  std::string copy = WriteTemp(dir, "kopi.json", kA);
  auto copied = RunCli({"merge", a, b, copy, "--into", "9999", "-o", dir + "/m.json"});
  EXPECT_EQ(copied.code, 2);
  EXPECT_NE(copied.err.find(copy + ": error: this is the same landscape as " + a),
            std::string::npos)
      << copied.err;
  EXPECT_NE(copied.err.find("nothing was written"), std::string::npos) << copied.err;
  EXPECT_FALSE(std::ifstream(dir + "/m.json").good());
}

// --name and --effective reach the written file.
TEST(MergeCli, NameAndEffective) {
  std::string dir = testing::TempDir();
  std::string a = WriteTemp(dir, "sa.json", kSakA), b = WriteTemp(dir, "sb.json", kSakB);
  std::string d = WriteTemp(dir, "sd.json", kSakDecisions);
  auto r = RunCli({"merge", a, b, "--into", "9999", "--decisions", d, "--name", "Nye kommune",
                   "--effective", "2024-01-01", "-o", dir + "/m.json"});
  ASSERT_EQ(r.code, 0) << r.err;
  json m = json::parse(testing::ReadFile(dir + "/m.json"));
  EXPECT_EQ(m["name"], "Nye kommune");
  EXPECT_EQ(m["changes"], json::parse(R"([
      {"key": "kommunenummer", "from": "1001", "to": "9999", "effective": "2024-01-01"},
      {"key": "kommunenummer", "from": "1002", "to": "9999", "effective": "2024-01-01"}])"));
  // The summary went to standard error, as a table, with the name in its headline.
  EXPECT_EQ(r.err.substr(0, r.err.find('\n')),
            "Merger into 9999 (Nye kommune): 6 systems in 2 files (1 shared) became 5, of them 2 "
            "conversion tasks; 4 integrations became 2.");
  auto bad = RunCli({"merge", a, b, "--into", "9999", "--effective", "2024-13-01"});
  EXPECT_EQ(bad.code, 2);
  EXPECT_NE(bad.err.find("--effective takes a date YYYY-MM-DD, not '2024-13-01'"),
            std::string::npos)
      << bad.err;
}

TEST(MergeCli, DiffExitCodes) {
  std::string dir = testing::TempDir();
  std::string a = WriteTemp(dir, "a.json", kA), b = WriteTemp(dir, "b.json", kB);
  auto same = RunCli({"diff", a, a, "--fail-if-changed"});
  EXPECT_EQ(same.code, 0) << same.err;
  EXPECT_EQ(same.out, "No differences between " + a + " and " + a + ".\n");
  auto changed = RunCli({"diff", a, b, "--fail-if-changed", "--format", "json"});
  EXPECT_EQ(changed.code, 1) << changed.err;
  json j = json::parse(changed.out);
  EXPECT_EQ(j["systems"]["added"], json({"b.sak"}));
  EXPECT_EQ(j["systems"]["removed"], json({"a.sak", "arkiv"}));
  auto table = RunCli({"diff", a, b});
  EXPECT_EQ(table.code, 0);
  EXPECT_EQ(table.out.substr(0, table.out.find('\n')),
            a + " → " + b +
                ": systems 1 added, 2 removed, 1 changed; integrations 1 added, 2 removed, 0 "
                "changed; 0 possible renames.");
  auto one = RunCli({"diff", a});
  EXPECT_EQ(one.code, 2);
  EXPECT_NE(one.err.find("takes 2 landscape files, got 1"), std::string::npos) << one.err;
  auto csv = RunCli({"diff", a, b, "--format", "csv"});
  EXPECT_EQ(csv.out.substr(0, csv.out.find('\n')), "change,what,id,field,before,after");
  EXPECT_NE(csv.out.find("changed,system,reg,name,Registeret,Register\n"), std::string::npos)
      << csv.out;
}

TEST(MergeCli, WritesLandscapeSummaryAndProposal) {
  std::string dir = testing::TempDir();
  std::string a = WriteTemp(dir, "a.json", kA), b = WriteTemp(dir, "b.json", kB);
  auto preview =
      RunCli({"merge", a, b, "--into", "9999", "--format", "json", "--propose", dir + "/p.json"});
  ASSERT_EQ(preview.code, 0) << preview.err;
  json summary = json::parse(preview.out);
  EXPECT_EQ(summary["proposals"][0]["survivor"], "a.sak");
  json proposal = json::parse(testing::ReadFile(dir + "/p.json"));
  EXPECT_EQ(proposal["format"], "landskap-decisions/1");
  EXPECT_EQ(proposal["decisions"][0]["retire"], json({"b.sak"}));

  auto merged = RunCli({"merge", a, b, "--into", "9999", "--decisions", dir + "/p.json", "-o",
                        dir + "/m.json", "--summary", dir + "/s.md"});
  ASSERT_EQ(merged.code, 0) << merged.err;
  EXPECT_EQ(merged.out, "");
  EXPECT_NE(testing::ReadFile(dir + "/s.md").find("## Conversion tasks"), std::string::npos);
  // a.sak survives, b.sak is retired: reg, a.sak, arkiv and conversion.b.sak; reg -> b.sak
  // joins reg -> a.sak, so 2 integrations.
  auto validate = RunCli({"validate", dir + "/m.json"});
  EXPECT_EQ(validate.out,
            "OK: 4 systems, 2 integrations\nReform (kommunenummer): 1001 Kristiansand and 1002 "
            "Mandal merge into 9999.\n")
      << validate.err;
  auto plan = RunCli({"plan", dir + "/m.json", "--key", "kommunenummer", "--format", "json"});
  ASSERT_EQ(plan.code, 0) << plan.err;
  EXPECT_NE(plan.out.find("conversion.b.sak"), std::string::npos);

  auto bad = RunCli({"merge", a, b, "--into", "99", "-o", a});
  EXPECT_EQ(bad.code, 2);
  EXPECT_NE(bad.err.find("--into takes a kommunenummer of 4 digits"), std::string::npos);
  EXPECT_NE(bad.err.find("-o would overwrite the input"), std::string::npos) << bad.err;
}

// render --diff: the later landscape drawn, added green, changed amber, removed in the legend.
TEST(MergeCli, RenderDiffColours) {
  std::string dir = testing::TempDir();
  std::string before = WriteTemp(dir, "before.json", kA);
  std::string after = WriteTemp(dir, "after.json", R"({"format": "landskap/1",
    "systems": [
      {"id": "reg", "name": "Registeret", "kind": "national", "owner": "Reg",
       "keys": ["kommunenummer"], "cutover": {"effort_days": 1}},
      {"id": "a.sak", "name": "Sak A", "kind": "municipal", "owner": "9999", "vendor": "V1",
       "product": "P1", "domain": "sak", "keys": ["kommunenummer"], "criticality": "high",
       "cutover": {"effort_days": 4}},
      {"id": "ny", "owner": "9999"}],
    "integrations": [{"from": "reg", "to": "a.sak", "carries": ["kommunenummer"]},
                     {"from": "a.sak", "to": "ny"}]})");
  auto r = RunCli({"render", after, "--diff", before, "--lang", "en", "-o", dir + "/d.dot"});
  ASSERT_EQ(r.code, 0) << r.err;
  std::string dot = testing::ReadFile(dir + "/d.dot");
  auto node = [&](const std::string& id) {
    size_t at = dot.find("\"" + id + "\"\t[");
    if (at == std::string::npos) at = dot.find("\t" + id + "\t[");
    return at == std::string::npos ? std::string() : dot.substr(at, dot.find(']', at) - at);
  };
  EXPECT_NE(node("ny").find("#A1D99B"), std::string::npos) << dot;
  EXPECT_NE(node("a.sak").find("#FDB863"), std::string::npos) << dot;
  EXPECT_EQ(node("reg").find("#FDB863"), std::string::npos) << dot;
  EXPECT_NE(dot.find("Removed (not drawn): 1 system: arkiv"), std::string::npos) << dot;
  auto both =
      RunCli({"render", after, "--diff", before, "--key", "kommunenummer", "-o", dir + "/e.dot"});
  EXPECT_EQ(both.code, 2);
}

// The bundled story: the three 2019 files and the decisions give a landscape that validates,
// whose plan of the key change finishes the conversions before 2020-01-01.
TEST(MergeCli, BundledOygarden) {
  std::string dir = testing::TempDir();
  auto merged =
      RunCli({"merge", testing::SourcePath("datasets/fjell-2019.json"),
              testing::SourcePath("datasets/sund-2019.json"),
              testing::SourcePath("datasets/oygarden-2019.json"), "--into", "4626", "--effective",
              "2020-01-01", "--decisions", testing::SourcePath("datasets/oygarden-decisions.json"),
              "-o", dir + "/m.json", "--summary", dir + "/s.json"});
  ASSERT_EQ(merged.code, 0) << merged.err;
  json s = json::parse(testing::ReadFile(dir + "/s.json"));
  EXPECT_EQ(s["conversions"].size(), 90u);
  EXPECT_TRUE(s["proposals"].empty());
  // Each retirement takes one system out and puts one conversion task in, so the merged file
  // has as many systems as there are distinct ids in the three files (counted here directly).
  std::set<std::string> distinct;
  for (const char* file : {"fjell-2019.json", "sund-2019.json", "oygarden-2019.json"}) {
    json input =
        json::parse(testing::ReadFile(testing::SourcePath(std::string("datasets/") + file)));
    for (const json& system : input["systems"]) distinct.insert(system["id"].get<std::string>());
  }
  auto validate = RunCli({"validate", dir + "/m.json"});
  EXPECT_EQ(validate.out.substr(0, validate.out.find(',')),
            "OK: " + std::to_string(distinct.size()) + " systems")
      << validate.err;
  // Every day counted, the conversions make 1 January; in working days the plan says by how
  // much it is late (docs/merge.md).
  auto plan = RunCli({"plan", dir + "/m.json", "--key", "kommunenummer", "--start", "2019-08-01",
                      "--deadline", "2020-01-01", "--calendar", "all-days", "--fail-if-late",
                      "--format", "json"});
  EXPECT_EQ(plan.code, 0) << plan.err;
  json p = json::parse(plan.out);
  size_t conversions = 0;
  for (const json& task : p["tasks"])
    conversions += task["id"].get<std::string>().rfind("conversion.", 0) == 0;
  EXPECT_EQ(conversions, 90u);
}

}  // namespace
}  // namespace landskap
