// The fast pass of the loader (engine/file/load_fast.h) against the precise loader: on a clean file
// both must build the same model index for index (key order, generated ids, sorted lists), and
// on any file with something to report the fast pass must give up so that the messages are the
// precise loader's.
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "engine/file/load.h"
#include "synth/synth.h"
#include "tests/test_support.h"

namespace landskap {
namespace {

// Every field, by index: stricter than tests/same_landscape.h, which compares through ids.
void ExpectIdentical(const Landscape& a, const Landscape& b) {
  EXPECT_EQ(a.format, b.format);
  EXPECT_EQ(a.name, b.name);
  ASSERT_EQ(a.keys.size(), b.keys.size());
  for (size_t k = 0; k < a.keys.size(); ++k) {
    EXPECT_EQ(a.keys[k].id, b.keys[k].id) << k;
    EXPECT_EQ(a.keys[k].description, b.keys[k].description) << k;
    EXPECT_EQ(a.keys[k].declared, b.keys[k].declared) << k;
    EXPECT_EQ(a.keys[k].declared_position, b.keys[k].declared_position) << k;
  }
  ASSERT_EQ(a.systems.size(), b.systems.size());
  for (size_t i = 0; i < a.systems.size(); ++i) {
    const System &x = a.systems[i], &y = b.systems[i];
    EXPECT_EQ(x.id, y.id);
    EXPECT_EQ(x.name, y.name) << x.id;
    EXPECT_EQ(x.kind, y.kind) << x.id;
    EXPECT_EQ(x.owner, y.owner) << x.id;
    EXPECT_EQ(x.vendor, y.vendor) << x.id;
    EXPECT_EQ(x.product, y.product) << x.id;
    EXPECT_EQ(x.domain, y.domain) << x.id;
    EXPECT_EQ(x.keys, y.keys) << x.id;
    EXPECT_EQ(x.criticality, y.criticality) << x.id;
    EXPECT_EQ(x.cutover.effort_days, y.cutover.effort_days) << x.id;
    EXPECT_EQ(x.cutover.after, y.cutover.after) << x.id;
    EXPECT_EQ(x.cutover.fixed_date, y.cutover.fixed_date) << x.id;
    EXPECT_EQ(x.source, y.source) << x.id;
    EXPECT_EQ(b.FindSystem(x.id), i);
  }
  ASSERT_EQ(a.integrations.size(), b.integrations.size());
  for (size_t i = 0; i < a.integrations.size(); ++i) {
    const Integration &x = a.integrations[i], &y = b.integrations[i];
    EXPECT_EQ(x.id, y.id) << i;
    EXPECT_EQ(x.id_generated, y.id_generated) << x.id;
    EXPECT_EQ(x.from, y.from) << x.id;
    EXPECT_EQ(x.to, y.to) << x.id;
    EXPECT_EQ(x.carries, y.carries) << x.id;
    EXPECT_EQ(x.protocol, y.protocol) << x.id;
    EXPECT_EQ(x.criticality, y.criticality) << x.id;
    EXPECT_EQ(x.source, y.source) << x.id;
    EXPECT_EQ(b.FindIntegration(x.id), i);
  }
  ASSERT_EQ(a.changes.size(), b.changes.size());
  for (size_t i = 0; i < a.changes.size(); ++i) {
    EXPECT_EQ(a.changes[i].key, b.changes[i].key);
    EXPECT_EQ(a.changes[i].from, b.changes[i].from);
    EXPECT_EQ(a.changes[i].to, b.changes[i].to);
    EXPECT_EQ(a.changes[i].effective, b.changes[i].effective);
  }
  EXPECT_EQ(a.catalogue_used, b.catalogue_used);
  ASSERT_EQ(a.resources.size(), b.resources.size());
  for (size_t i = 0; i < a.resources.size(); ++i) {
    EXPECT_EQ(a.resources[i].of, b.resources[i].of) << i;
    EXPECT_EQ(a.resources[i].name, b.resources[i].name) << i;
    EXPECT_EQ(a.resources[i].capacity, b.resources[i].capacity) << i;
  }
}

// Loads `text` both ways; returns whether the fast pass read it.
bool LoadBothWays(const std::string& text, const std::string& label,
                  const LoadOptions& options = {}, Landscape* loaded = nullptr) {
  Landscape fast, precise;
  Diagnostics fast_diags(label), precise_diags(label);
  LoadWork work;
  bool ok = LoadLandscapeText(text, label, &fast, &fast_diags, &work, options);
  bool precise_ok =
      LoadLandscapeTextPrecise(text, label, &precise, &precise_diags, nullptr, options);
  EXPECT_EQ(ok, precise_ok) << label;
  // The messages are the precise loader's, whichever pass read the file.
  EXPECT_EQ(fast_diags.Items().size(), precise_diags.Items().size()) << label;
  for (size_t i = 0; i < fast_diags.Items().size() && i < precise_diags.Items().size(); ++i) {
    EXPECT_EQ(fast_diags.Items()[i].location, precise_diags.Items()[i].location) << label;
    EXPECT_EQ(fast_diags.Items()[i].message, precise_diags.Items()[i].message) << label;
  }
  // The fast pass reads only files without a single diagnostic (and leaves a few clean ones,
  // e.g. integrations listed before systems, to the precise loader).
  if (work.fast) {
    EXPECT_TRUE(precise_diags.Items().empty()) << label;
  }
  if (ok && precise_ok) ExpectIdentical(fast, precise);
  if (loaded) *loaded = std::move(fast);
  return work.fast;
}

TEST(LoadFastTest, DatasetsLoadTheSameBothWays) {
  for (const char* file :
       {"datasets/oygarden-2020.json", "datasets/tiny.json", "datasets/catalogue.json",
        "tests/data/plan_small.json", "tests/data/scope.json", "tests/data/control_chars.json",
        "tests/data/hostile.json"}) {
    std::string text = testing::ReadFile(testing::SourcePath(file));
    LoadBothWays(text, file);
  }
}

TEST(LoadFastTest, GeneratedLandscapesLoadTheSameBothWays) {
  for (int merging : {0, 4}) {
    SynthOptions options;
    options.municipalities = 8;
    options.systems_per_municipality = 40;
    options.merging = merging;
    std::ostringstream out;
    WriteSyntheticLandscape(options, out);
    EXPECT_TRUE(LoadBothWays(out.str(), "synth.json")) << "a generated file is clean";
  }
}

// Each of these has something the precise loader reports (or, integrations before systems, an
// order the fast pass leaves to it); the fast pass must not read it.
TEST(LoadFastTest, FilesWithSomethingToSayGoToThePreciseLoader) {
  const std::vector<std::string> texts = {
      "",
      "[]",
      R"({"systems": []} x)",
      R"({"systems": [], "systems": []})",
      R"({"systems": [{"id": "a", "id": "b"}]})",
      R"({"systems": [{"id": "a", "colour": "red"}]})",
      R"({"systems": [{"id": "a b"}]})",
      R"({"systems": [{"id": "a"}, {"id": "a"}]})",
      R"({"systems": [{"id": "a", "kind": "municipal", "owner": "Fjell"}]})",
      R"({"systems": [{"id": "a", "cutover": {"effort_days": 1e400}}]})",
      R"({"systems": [{"id": "a", "cutover": {"effort_days": -1}}]})",
      R"({"systems": [{"id": "a", "cutover": {"fixed_date": ""}}]})",
      R"({"systems": [{"id": "a", "cutover": {"after": ["a"]}}]})",
      R"({"systems": [{"id": "a", "cutover": {"after": ["b"]}}]})",
      R"({"systems": [{"id": "a", "name": "\ud800"}]})",
      R"({"systems": [{"id": "a", "name": "x	y"}]})",
      R"({"keys": ["k"], "systems": [{"id": "a", "keys": ["j"]}]})",
      R"({"keys": ["k", "k"], "systems": []})",
      R"({"systems": [{"id": "a"}], "integrations": [{"from": "a", "to": "a"}]})",
      R"({"systems": [{"id": "a"}], "integrations": [{"from": "a", "to": "b"}]})",
      R"({"systems": [{"id": "a"}, {"id": "b"}], "integrations": [{"id": "x", "from": "a", "to": "b"}, {"id": "x", "from": "b", "to": "a"}]})",
      R"({"changes": [{"key": "kommunenummer", "from": "1246", "to": "46"}]})",
      R"({"changes": [{"key": "kommunenummer", "from": "1246", "to": "4626", "effective": ""}]})",
      R"({"format": "landskap/2"})",
      R"({"integrations": [], "systems": []})",
      R"({"systems": [{"id": "a", "keys": "k"}]})",
      R"({"systems": [{"id": "a", "keys": [nul]}]})",
      R"({"resources": {"vendor": "Tieto", "capacity": 2}})",
      R"({"resources": [3]})",
      R"({"resources": [{"vendor": "Tieto"}]})",
      R"({"resources": [{"capacity": 2}]})",
      R"({"resources": [{"vendor": "Tieto", "owner": "1246", "capacity": 2}]})",
      R"({"resources": [{"vendor": "", "capacity": 2}]})",
      R"({"resources": [{"vendor": "Tieto", "capacity": 0}]})",
      R"({"resources": [{"vendor": "Tieto", "capacity": 2.0}]})",
      R"({"resources": [{"vendor": "Tieto", "capacity": 1000001}]})",
      R"({"resources": [{"vendor": "Tieto", "capacity": "2"}]})",
      R"({"resources": [{"vendor": "Tieto", "capacity": 2, "note": "x"}]})",
      R"({"resources": [{"vendor": "Tieto", "capacity": 2}, {"vendor": "Tieto", "capacity": 3}]})",
  };
  for (const std::string& text : texts) EXPECT_FALSE(LoadBothWays(text, "x.json")) << text;
}

// What the fast pass does read: escapes, nulls, ids spelled out after generated ones, keys
// declared after use, changes, dates.
TEST(LoadFastTest, CleanFilesWithEveryFieldLoadTheSameBothWays) {
  const std::vector<std::string> texts = {
      "{}",
      R"({"format": null, "name": "N\u00e6r \"sj\u00f8en\"", "systems": null})",
      R"({"systems": [{"id": "b", "keys": ["fnr", "kommunenummer", "fnr"]}, {"id": "a",
          "name": null, "kind": "municipal", "owner": "1246", "criticality": "high",
          "cutover": {"effort_days": 2.5, "after": ["b", "b"], "fixed_date": "2019-09-01"}}],
          "integrations": [{"from": "a", "to": "b", "carries": ["orgnr", "fnr"]},
          {"from": "a", "to": "b"}, {"id": "a:b", "from": "b", "to": "a", "protocol": "REST",
          "criticality": null}], "keys": [{"id": "orgnr", "description": "9 digits"}, "fnr",
          "kommunenummer", "gnr"], "changes": [{"key": "kommunenummer", "from": "1246",
          "to": "4626", "effective": "2020-01-01"}, {"key": "gnr", "from": "x", "to": "y"}]})",
      R"({"resources": [{"vendor": "Tieto", "capacity": 2}, {"owner": "1246", "capacity": 3},
          {"capacity": 1000000, "owner": "Tieto"}, {"vendor": "1246", "capacity": 1}],
          "systems": [{"id": "a", "vendor": "Tieto", "owner": "1246"}]})",
      R"({"resources": null, "systems": []})",
  };
  for (const std::string& text : texts) EXPECT_TRUE(LoadBothWays(text, "x.json")) << text;
}

// "source" (where the facts come from, optional on systems and integrations) is read by the
// fast pass too: the catalogue and every imported file have it.
TEST(LoadFastTest, SourceFieldsAreReadByTheFastPass) {
  const std::string text = R"({"systems": [{"id": "a", "source": "Archi: element id-1"},
      {"source": null, "id": "b"}], "integrations": [{"from": "a", "to": "b",
      "source": "Archi: flow id-2 via \"SvarUt\""}, {"source": "x", "from": "b", "to": "a"}]})";
  Landscape l;
  ASSERT_TRUE(LoadBothWays(text, "x.json", {}, &l));
  ASSERT_EQ(l.systems.size(), 2u);
  EXPECT_EQ(l.systems[0].source, "Archi: element id-1");
  EXPECT_EQ(l.systems[1].source, "");
  ASSERT_EQ(l.integrations.size(), 2u);
  EXPECT_EQ(l.integrations[0].source, "Archi: flow id-2 via \"SvarUt\"");
  EXPECT_EQ(l.integrations[1].source, "x");
  // The national catalogue has a source on every system, and is clean.
  EXPECT_TRUE(LoadBothWays(testing::ReadFile(testing::SourcePath("datasets/catalogue.json")),
                           "datasets/catalogue.json"));
  // A source that is not a string is the precise loader's to report.
  EXPECT_FALSE(LoadBothWays(R"({"systems": [{"id": "a", "source": 3}]})", "x.json"));
  EXPECT_FALSE(LoadBothWays(
      R"({"systems": [{"id": "a"}, {"id": "b"}], "integrations": [{"from": "a", "to": "b",
          "source": ["x"]}]})",
      "x.json"));
}

// With the catalogue, national systems a file names without defining are added by the fast
// pass at the same moments as by the precise loader: same indices, same key order, same
// catalogue_used.
TEST(LoadFastTest, CatalogueSystemsAreAddedAsByThePreciseLoader) {
  LoadOptions with;
  with.use_catalogue = true;
  const std::vector<std::string> fast_texts = {
      // from, then to, before carries: the key "zz" comes after the catalogue's keys.
      R"({"systems": [{"id": "a", "keys": ["fnr"]}], "integrations": [
          {"from": "folkeregisteret", "to": "a", "carries": ["zz", "fnr"]},
          {"from": "a", "to": "altinn"}, {"from": "altinn", "to": "folkeregisteret"}]})",
      R"({"systems": [{"id": "a", "cutover": {"after": ["altinn", "b"]}}, {"id": "b"}],
          "integrations": [{"from": "b", "to": "folkeregisteret"}]})",
      R"({"systems": [{"id": "a"}], "integrations": [
          {"to": "a", "from": "folkeregisteret", "carries": ["k"]}]})",
  };
  for (const std::string& text : fast_texts) {
    Landscape l;
    EXPECT_TRUE(LoadBothWays(text, "x.json", with, &l)) << text;
    EXPECT_FALSE(l.catalogue_used.empty()) << text;
    // Without the catalogue the same file names unknown systems.
    EXPECT_FALSE(LoadBothWays(text, "x.json")) << text;
  }
  Landscape l;
  ASSERT_TRUE(LoadBothWays(fast_texts[0], "x.json", with, &l));
  EXPECT_EQ(l.catalogue_used, (std::vector<std::string>{"folkeregisteret", "altinn"}));
  ASSERT_EQ(l.systems.size(), 3u);
  EXPECT_EQ(l.systems[1].id, "folkeregisteret");
  EXPECT_FALSE(l.systems[1].source.empty()) << "the catalogue names where its facts come from";
  EXPECT_EQ(l.systems[2].id, "altinn");

  // Orders in which the fast pass cannot add them at the same moments, and files with
  // something to report: left to the precise loader, with the same result.
  const std::vector<std::string> precise_texts = {
      R"({"systems": [{"id": "a"}], "integrations": [
          {"carries": ["zz"], "from": "folkeregisteret", "to": "a"}]})",
      R"({"systems": [{"id": "a"}], "integrations": [
          {"to": "altinn", "carries": ["zz"], "from": "folkeregisteret"}]})",
      R"({"systems": [{"id": "a"}], "integrations": [
          {"from": "altinn", "to": "altinn"}]})",
      R"({"systems": [{"id": "a"}], "integrations": [{"from": "a", "to": "no-such-register"}]})",
      R"({"systems": [{"id": "a", "cutover": {"after": ["no-such-register"]}}]})",
  };
  for (const std::string& text : precise_texts)
    EXPECT_FALSE(LoadBothWays(text, "x.json", with)) << text;
}

}  // namespace
}  // namespace landskap
