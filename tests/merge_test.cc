// landskap merge and diff: small cases computed by hand (see the comments above each), the
// conversion task in the plan with its dates, proposals, conflicts, a municipality merged with
// itself, diffs of every kind, renames, exit codes, and decisions-file errors with JSON paths.
#include "engine/merge/merge.h"

#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
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

Merged Merge(const std::vector<const Landscape*>& files, const MergeDecisions* decisions,
             const std::string& into = "9999") {
  std::vector<MergeInput> inputs;
  const char* names[] = {"a.json", "b.json", "c.json", "d.json"};
  for (size_t i = 0; i < files.size(); ++i) inputs.push_back({names[i], files[i]});
  MergeOptions options;
  options.into = into;
  options.effective = ParseDate("2020-03-16");
  options.decisions = decisions;
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

TEST(Merge, MunicipalityWithItself) {
  Landscape a = Parse(kA);
  for (std::vector<const Landscape*> files :
       {std::vector<const Landscape*>{&a}, std::vector<const Landscape*>{&a, &a}}) {
    Merged m = Merge(files, nullptr);
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

// ---- the command line ----

std::string WriteTemp(const std::string& dir, const std::string& name, const std::string& text) {
  std::string path = dir + "/" + name;
  std::ofstream(path) << text;
  return path;
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
  EXPECT_EQ(RunCli({"diff", a, b}).code, 0);
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
  auto validate = RunCli({"validate", dir + "/m.json"});
  EXPECT_EQ(validate.code, 0) << validate.err;
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
  EXPECT_EQ(RunCli({"validate", dir + "/m.json"}).code, 0);
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
