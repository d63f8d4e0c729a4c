// The national landscape generator: its output loads cleanly, has the requested counts and
// shape, exercises the reform scope rule, and is the same for the same seed.
#include "synth/synth.h"

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <sstream>

#include "engine/analysis/graph.h"
#include "engine/analysis/impact.h"
#include "engine/analysis/scope.h"
#include "engine/file/load.h"
#include "tests/test_support.h"

namespace landskap {
namespace {

std::string Generate(const SynthOptions& options, SynthSummary* summary = nullptr) {
  EXPECT_EQ(CheckSynthOptions(options), "");
  std::ostringstream out;
  SynthSummary s = WriteSyntheticLandscape(options, out);
  if (summary) *summary = s;
  return out.str();
}

// Loads generated text; fails the test on any error or warning.
Landscape Load(const std::string& text) {
  Landscape landscape;
  Diagnostics diagnostics("synth.json");
  bool ok = LoadLandscapeText(text, "synth.json", &landscape, &diagnostics);
  std::string all;
  for (const Diagnostic& d : diagnostics.Items()) all += FormatDiagnostic(d) + "\n";
  EXPECT_TRUE(ok) << all;
  EXPECT_TRUE(diagnostics.Items().empty()) << all;
  return landscape;
}

SynthOptions Small() {
  SynthOptions options;
  options.municipalities = 12;
  options.systems_per_municipality = 80;
  options.integrations_per_system = 5;
  options.merging = 5;
  options.seed = 7;
  return options;
}

TEST(Synth, LoadsWithoutErrorsOrWarnings) {
  SynthSummary summary;
  Landscape landscape = Load(Generate(Small(), &summary));
  EXPECT_EQ(landscape.format, "landskap/1");
  EXPECT_EQ(landscape.systems.size(), summary.systems);
  EXPECT_EQ(landscape.integrations.size(), summary.integrations);
  EXPECT_EQ(landscape.changes.size(), summary.changes);
  for (const char* key : {"kommunenummer", "fnr", "orgnr", "gnr-bnr"}) {
    auto k = landscape.FindKey(key);
    ASSERT_TRUE(k) << key;
    EXPECT_TRUE(landscape.keys[*k].declared) << key;
  }
}

TEST(Synth, HasTheRequestedCounts) {
  SynthOptions options = Small();
  SynthSummary summary;
  Landscape landscape = Load(Generate(options, &summary));
  std::map<std::string, int> per_owner;
  size_t municipal = 0;
  for (const System& s : landscape.systems) {
    if (s.kind != Kind::kMunicipal) continue;
    ++municipal;
    EXPECT_TRUE(IsKommunenummer(s.owner)) << s.id << " owner " << s.owner;
    ++per_owner[s.owner];
  }
  EXPECT_EQ(municipal, 12u * 80u);
  EXPECT_EQ(summary.municipal_systems, municipal);
  ASSERT_EQ(per_owner.size(), 12u);
  for (const auto& [owner, count] : per_owner) EXPECT_EQ(count, 80) << owner;
  // Municipal integrations are topped up to 5 per system; intermunicipal ones come on top.
  EXPECT_GE(landscape.integrations.size(), 12u * 80u * 5u);
  EXPECT_LE(landscape.integrations.size(), 12u * 80u * 5u * 11 / 10);
  EXPECT_EQ(summary.systems, summary.municipal_systems + summary.national_systems +
                                 summary.intermunicipal_systems + summary.vendor_systems);
  EXPECT_GT(summary.national_systems, 20u);
  EXPECT_GT(summary.intermunicipal_systems, 0u);
}

TEST(Synth, MergingMunicipalitiesGetNewNumbersInTheirCounty) {
  SynthOptions options = Small();
  Landscape landscape = Load(Generate(options));
  ASSERT_EQ(landscape.changes.size(), 5u);
  std::set<std::string> owners;
  for (const System& s : landscape.systems)
    if (s.kind == Kind::kMunicipal) owners.insert(s.owner);
  std::set<std::string> from;
  for (const Change& c : landscape.changes) {
    EXPECT_EQ(landscape.keys[c.key].id, "kommunenummer");
    EXPECT_TRUE(owners.count(c.from)) << c.from << " is no municipality in the file";
    EXPECT_FALSE(owners.count(c.to)) << c.to << " is already taken";
    EXPECT_TRUE(IsKommunenummer(c.to));
    EXPECT_EQ(c.from.substr(0, 2), c.to.substr(0, 2)) << "a merger stays in its county";
    EXPECT_EQ(c.effective, ParseDate("2020-01-01"));
    EXPECT_TRUE(from.insert(c.from).second) << c.from << " changes twice";
  }
}

TEST(Synth, TheSameSeedGivesTheSameBytes) {
  SynthOptions options = Small();
  std::string first = Generate(options);
  EXPECT_EQ(first, Generate(options));
  options.seed = 8;
  EXPECT_NE(first, Generate(options));
}

TEST(Synth, NationalRegistersFeedEveryMunicipalityAndReportsOnlyReceive) {
  SynthOptions options = Small();
  Landscape landscape = Load(Generate(options));
  Graph graph(landscape);
  auto outside_owners = [&](SystemIndex s, bool outgoing) {
    std::set<std::string> owners;
    for (IntegrationIndex e : outgoing ? graph.Outgoing(s) : graph.Incoming(s)) {
      const Integration& i = landscape.integrations[e];
      owners.insert(landscape.systems[outgoing ? i.to : i.from].owner);
    }
    return owners;
  };
  for (const char* id : {"folkeregisteret", "matrikkelen", "enhetsregisteret", "altinn", "krr",
                         "ks-fiks-svarinn", "nav"}) {
    auto s = landscape.FindSystem(id);
    ASSERT_TRUE(s) << id;
    EXPECT_TRUE(graph.Incoming(*s).empty()) << id << " only provides";
    EXPECT_GE(outside_owners(*s, true).size(), 12u) << id << " feeds every municipality";
  }
  for (const char* id : {"kostra-ssb", "a-ordningen", "ks-fiks-svarut"}) {
    auto s = landscape.FindSystem(id);
    ASSERT_TRUE(s) << id;
    EXPECT_TRUE(graph.Outgoing(*s).empty()) << id << " only receives";
    EXPECT_EQ(outside_owners(*s, false).size(), 12u) << id << " hears from every municipality";
  }
}

TEST(Synth, TheReformScopeRuleHasWorkToDo) {
  SynthOptions options = Small();
  options.systems_per_municipality = 200;
  Landscape landscape = Load(Generate(options));
  Graph graph(landscape);
  ImpactQuery query;
  query.key = landscape.FindKey("kommunenummer");
  ImpactResult result = ComputeImpact(graph, query);
  ASSERT_TRUE(result.scope.scoped());
  std::set<std::string> changing(result.scope.changing().begin(), result.scope.changing().end());
  size_t changing_seeds = 0, neighbours = 0, receivers = 0;
  for (const AffectedSystem& a : result.affected) {
    const System& s = landscape.systems[a.system];
    if (s.kind != Kind::kMunicipal) continue;
    if (changing.count(s.owner)) {
      changing_seeds += a.reason == Reason::kHoldsKey;
      receivers += a.reason == Reason::kReceivesKey;
    } else {
      // A neighbour is only reached through its border with a changing municipality.
      EXPECT_EQ(a.reason, Reason::kReceivesKey) << s.id;
      ++neighbours;
    }
  }
  EXPECT_GT(changing_seeds, 0u);
  EXPECT_GT(receivers, 0u) << "some systems receive the number without listing it as held";
  EXPECT_GT(neighbours, 0u) << "cross-border integrations reach a neighbour";
  // Without the reform every holder anywhere is a seed: far more is affected.
  std::vector<std::string> everyone;
  for (const System& s : landscape.systems)
    if (s.kind == Kind::kMunicipal) everyone.push_back(s.owner);
  query.owners = everyone;
  EXPECT_GT(ComputeImpact(graph, query).affected.size(), 2 * result.affected.size());
}

TEST(Synth, CoversAllCountiesAtNationalScale) {
  SynthOptions options;
  options.municipalities = 356;
  options.systems_per_municipality = 3;
  options.merging = 40;
  SynthSummary summary;
  Landscape landscape = Load(Generate(options, &summary));
  std::set<std::string> numbers, counties;
  for (const System& s : landscape.systems) {
    if (s.kind != Kind::kMunicipal) continue;
    numbers.insert(s.owner);
    counties.insert(s.owner.substr(0, 2));
  }
  EXPECT_EQ(numbers.size(), 356u);
  EXPECT_EQ(counties.size(), 15u);
  EXPECT_TRUE(numbers.count("0301")) << "Oslo";
  EXPECT_TRUE(numbers.count("4601"));
  EXPECT_EQ(summary.changes, 40u);
}

TEST(Synth, RejectsImpossibleOptions) {
  SynthOptions options;
  options.municipalities = 0;
  EXPECT_NE(CheckSynthOptions(options), "");
  options = SynthOptions();
  options.systems_per_municipality = 2;
  EXPECT_NE(CheckSynthOptions(options), "");
  options = SynthOptions();
  options.merging = options.municipalities + 1;
  EXPECT_NE(CheckSynthOptions(options), "");
  options = SynthOptions();
  options.reform_date = "2020-13-01";
  EXPECT_NE(CheckSynthOptions(options).find("not a date"), std::string::npos);
  EXPECT_EQ(CheckSynthOptions(SynthOptions()), "");
}

}  // namespace
}  // namespace landskap

namespace landskap {
namespace {

// `landskap synth` writes what the generator writes, to stdout or atomically to -o, and refuses
// what the generator refuses, before writing anything.
TEST(SynthCommand, WritesTheGeneratorsBytesToStdoutAndToAFile) {
  SynthOptions options;
  options.municipalities = 3;
  options.systems_per_municipality = 12;
  options.merging = 2;
  options.seed = 7;
  std::ostringstream expected;
  WriteSyntheticLandscape(options, expected);

  testing::CliResult out =
      testing::RunCli({"synth", "--municipalities", "3", "--systems-per-municipality", "12",
                       "--merging", "2", "--seed", "7"});
  EXPECT_EQ(out.code, 0) << out.err;
  EXPECT_EQ(out.out, expected.str());
  EXPECT_NE(out.err.find("changes"), std::string::npos) << out.err;

  std::string path = testing::TempDir() + "/synth-command.json";
  testing::CliResult file =
      testing::RunCli({"synth", "--municipalities", "3", "--systems-per-municipality", "12",
                       "--merging", "2", "--seed", "7", "-o", path});
  EXPECT_EQ(file.code, 0) << file.err;
  EXPECT_EQ(file.out, "");
  EXPECT_EQ(testing::ReadFile(path), expected.str());
  testing::CliResult validate = testing::RunCli({"validate", path});
  EXPECT_EQ(validate.code, 0) << validate.err;
}

TEST(SynthCommand, RefusesImpossibleOptionsAndInputFiles) {
  testing::CliResult none = testing::RunCli({"synth", "--systems-per-municipality", "1"});
  EXPECT_EQ(none.code, 2);
  EXPECT_EQ(none.out, "");
  EXPECT_NE(none.err.find("landskap synth: error:"), std::string::npos) << none.err;
  testing::CliResult file = testing::RunCli({"synth", "datasets/tiny.json"});
  EXPECT_EQ(file.code, 2);
  EXPECT_NE(file.err.find("reads no file"), std::string::npos) << file.err;
}

}  // namespace
}  // namespace landskap
