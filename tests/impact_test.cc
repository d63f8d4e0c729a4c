// Blast radius on small graphs whose answers are computed by hand in the comments.
#include "engine/analysis/impact.h"

#include <gtest/gtest.h>

#include <map>
#include <string>

#include "tests/test_support.h"

namespace landskap {
namespace {

using testing::Parse;

struct Row {
  int distance;
  std::string reason;
  std::string path;  // "a>b>c"
  std::string via;   // "ab>bc"
  bool operator==(const Row&) const = default;
};
std::ostream& operator<<(std::ostream& os, const Row& r) {
  return os << "{" << r.distance << ", " << r.reason << ", " << r.path << ", " << r.via << "}";
}

// The result keyed by system id, for comparing with a hand-computed table.
std::map<std::string, Row> Rows(const Landscape& l, const ImpactResult& r) {
  std::map<std::string, Row> rows;
  for (const AffectedSystem& a : r.affected) {
    Row row{a.distance, std::string(ReasonName(a.reason)), "", ""};
    for (SystemIndex s : a.path) row.path += (row.path.empty() ? "" : ">") + l.systems[s].id;
    for (IntegrationIndex e : a.via) row.via += (row.via.empty() ? "" : ">") + l.integrations[e].id;
    rows[l.systems[a.system].id] = row;
  }
  return rows;
}

std::vector<std::string> Order(const Landscape& l, const ImpactResult& r) {
  std::vector<std::string> ids;
  for (const AffectedSystem& a : r.affected) ids.push_back(l.systems[a.system].id);
  return ids;
}

std::vector<std::string> Integrations(const Landscape& l, const ImpactResult& r) {
  std::vector<std::string> ids;
  for (IntegrationIndex e : r.integrations) ids.push_back(l.integrations[e].id);
  return ids;
}

ImpactQuery KeyQuery(const Landscape& l, const std::string& key) {
  ImpactQuery q;
  q.key = l.FindKey(key);
  return q;
}

ImpactQuery SystemQuery(const Landscape& l, const std::string& id) {
  ImpactQuery q;
  q.sources = {*l.FindSystem(id)};
  return q;
}

// A chain with a side branch that does not carry the key:
//
//   fr (holds K) --K--> a --K--> b --K--> c
//                        |
//                        +--x--> d --K--> e        (ad does not carry K)
//
// Key K: fr 0 holds-key; a 1, b 2, c 3 receive-key. d and e are not reached: the key does not
// cross ad, and e receives K only from d, which never got it.
// With --through-all: d 2 depends-on (fr>a>d), e 3 depends-on (d is broken, de carries K but d
// only depends-on, so e's reason stays the weaker one).
const char* kChain = R"({
  "keys": ["K", "x"],
  "systems": [{"id": "fr", "keys": ["K"], "criticality": "critical"}, {"id": "a"}, {"id": "b"},
              {"id": "c", "criticality": "high"}, {"id": "d"}, {"id": "e"}],
  "integrations": [
    {"id": "fra", "from": "fr", "to": "a", "carries": ["K"]},
    {"id": "ab", "from": "a", "to": "b", "carries": ["K"]},
    {"id": "bc", "from": "b", "to": "c", "carries": ["K"]},
    {"id": "ad", "from": "a", "to": "d", "carries": ["x"]},
    {"id": "de", "from": "d", "to": "e", "carries": ["K"]}]})";

TEST(Impact, KeyPropagatesOnlyOverIntegrationsThatCarryIt) {
  Landscape l = Parse(kChain);
  Graph g(l);
  ImpactResult r = ComputeImpact(g, KeyQuery(l, "K"));
  std::map<std::string, Row> expected = {
      {"fr", {0, "holds-key", "fr", ""}},
      {"a", {1, "receives-key", "fr>a", "fra"}},
      {"b", {2, "receives-key", "fr>a>b", "fra>ab"}},
      {"c", {3, "receives-key", "fr>a>b>c", "fra>ab>bc"}},
  };
  EXPECT_EQ(Rows(l, r), expected);
  // Ranking: critical fr, then high c, then unspecified by distance a, b.
  EXPECT_EQ(Order(l, r), (std::vector<std::string>{"fr", "c", "a", "b"}));
  EXPECT_EQ(Integrations(l, r), (std::vector<std::string>{"ab", "bc", "fra"}));
  EXPECT_EQ(r.seed_count, 1u);
}

TEST(Impact, ThroughAllAddsTheWeakerReason) {
  Landscape l = Parse(kChain);
  Graph g(l);
  ImpactQuery q = KeyQuery(l, "K");
  q.through_all = true;
  std::map<std::string, Row> rows = Rows(l, ComputeImpact(g, q));
  EXPECT_EQ(rows.size(), 6u);
  EXPECT_EQ(rows["c"], (Row{3, "receives-key", "fr>a>b>c", "fra>ab>bc"}));
  EXPECT_EQ(rows["d"], (Row{2, "depends-on", "fr>a>d", "fra>ad"}));
  EXPECT_EQ(rows["e"], (Row{3, "depends-on", "fr>a>d>e", "fra>ad>de"}));
}

TEST(Impact, DepthLimitsDistance) {
  Landscape l = Parse(kChain);
  Graph g(l);
  ImpactQuery q = KeyQuery(l, "K");
  q.max_depth = 1;
  ImpactResult r = ComputeImpact(g, q);
  EXPECT_EQ(Order(l, r), (std::vector<std::string>{"fr", "a"}));
  // ab carries K out of a, but b is beyond the depth: not listed.
  EXPECT_EQ(Integrations(l, r), (std::vector<std::string>{"fra"}));
  q.max_depth = 0;
  EXPECT_EQ(Order(l, ComputeImpact(g, q)), (std::vector<std::string>{"fr"}));
}

// One system's outage: downstream over all integrations, upstream providers on request.
//
//   p1 --> s --> c1 --> c2
//   p2 --> s
//   p0 --> p1
TEST(Impact, SystemDownUpAndBoth) {
  Landscape l = Parse(R"({"systems": [{"id": "p0"}, {"id": "p1"}, {"id": "p2"}, {"id": "s"},
    {"id": "c1"}, {"id": "c2"}], "integrations": [
    {"id": "p1s", "from": "p1", "to": "s"}, {"id": "p2s", "from": "p2", "to": "s"},
    {"id": "sc1", "from": "s", "to": "c1"}, {"id": "c1c2", "from": "c1", "to": "c2"},
    {"id": "p0p1", "from": "p0", "to": "p1"}]})");
  Graph g(l);
  ImpactQuery q = SystemQuery(l, "s");
  std::map<std::string, Row> down = {{"s", {0, "source", "s", ""}},
                                     {"c1", {1, "depends-on", "s>c1", "sc1"}},
                                     {"c2", {2, "depends-on", "s>c1>c2", "sc1>c1c2"}}};
  ImpactResult r = ComputeImpact(g, q);
  EXPECT_EQ(Rows(l, r), down);
  EXPECT_EQ(Integrations(l, r), (std::vector<std::string>{"c1c2", "sc1"}));

  q.direction = Direction::kUp;
  std::map<std::string, Row> up = {{"s", {0, "source", "s", ""}},
                                   {"p1", {1, "provider", "s>p1", "p1s"}},
                                   {"p2", {1, "provider", "s>p2", "p2s"}},
                                   {"p0", {2, "provider", "s>p1>p0", "p1s>p0p1"}}};
  r = ComputeImpact(g, q);
  EXPECT_EQ(Rows(l, r), up);
  EXPECT_EQ(Integrations(l, r), (std::vector<std::string>{"p0p1", "p1s", "p2s"}));

  q.direction = Direction::kBoth;
  std::map<std::string, Row> both = down;
  both.insert(up.begin(), up.end());
  r = ComputeImpact(g, q);
  EXPECT_EQ(Rows(l, r), both);
  EXPECT_EQ(Integrations(l, r).size(), 5u);
}

// A cycle a <-> b with an exit to c: every system is reported once, at its shortest distance.
TEST(Impact, CyclesTerminateWithShortestDistances) {
  Landscape l = Parse(R"({"systems": [{"id": "a", "keys": ["K"]}, {"id": "b"}, {"id": "c"}],
    "integrations": [{"id": "ab", "from": "a", "to": "b", "carries": ["K"]},
                     {"id": "ba", "from": "b", "to": "a", "carries": ["K"]},
                     {"id": "bc", "from": "b", "to": "c", "carries": ["K"]},
                     {"id": "ac", "from": "a", "to": "c", "carries": ["K"]}]})");
  Graph g(l);
  std::map<std::string, Row> expected = {{"a", {0, "holds-key", "a", ""}},
                                         {"b", {1, "receives-key", "a>b", "ab"}},
                                         {"c", {1, "receives-key", "a>c", "ac"}}};
  ImpactResult r = ComputeImpact(g, KeyQuery(l, "K"));
  EXPECT_EQ(Rows(l, r), expected);
  // ba carries K into a (affected): listed, an interface to test.
  EXPECT_EQ(Integrations(l, r), (std::vector<std::string>{"ab", "ac", "ba", "bc"}));
}

// The reform scope rule of PRODUCT.md. Fjell (1246) changes its number; Askøy (1247) does not.
//
//   matrikkelen (shared, holds K) --K--> fjell.gis (1246)
//   matrikkelen                   --K--> askoy.gis (1247)     neighbour: not affected
//   fjell.sak (1246, holds K)     --K--> askoy.sak (1247)     crosses the border: affected
//   askoy.gis (1247, holds K)     --K--> fjell.gis            a neighbour's holder is no seed
//   iks.renovasjon (shared)       --K--> askoy.renovasjon     shared → neighbour: not passed on
//   fjell.gis                     --K--> iks.renovasjon       into a shared system: affected
//
// Seeds: matrikkelen (shared), fjell.sak (changing). askoy.gis holds K but is out of scope.
// matrikkelen → fjell.gis (1, in scope). matrikkelen → askoy.gis: askoy.gis not in scope and
// matrikkelen not owned by a changing municipality: no. fjell.sak → askoy.sak: fjell.sak is owned
// by the changing 1246: yes (1). fjell.gis → iks.renovasjon: shared, in scope (2).
// iks.renovasjon → askoy.renovasjon: not in scope, iks not changing: no.
const char* kScope = R"({
  "keys": ["K"],
  "changes": [{"key": "K", "from": "1246", "to": "4626", "effective": "2020-01-01"}],
  "systems": [
    {"id": "matrikkelen", "owner": "Kartverket", "kind": "national", "keys": ["K"]},
    {"id": "fjell.gis", "owner": "1246", "kind": "municipal"},
    {"id": "fjell.sak", "owner": "1246", "kind": "municipal", "keys": ["K"]},
    {"id": "askoy.gis", "owner": "1247", "kind": "municipal", "keys": ["K"]},
    {"id": "askoy.sak", "owner": "1247", "kind": "municipal"},
    {"id": "iks.renovasjon", "owner": "BIR", "kind": "intermunicipal"},
    {"id": "askoy.renovasjon", "owner": "1247", "kind": "municipal"}],
  "integrations": [
    {"id": "m-fg", "from": "matrikkelen", "to": "fjell.gis", "carries": ["K"]},
    {"id": "m-ag", "from": "matrikkelen", "to": "askoy.gis", "carries": ["K"]},
    {"id": "fs-as", "from": "fjell.sak", "to": "askoy.sak", "carries": ["K"]},
    {"id": "ag-fg", "from": "askoy.gis", "to": "fjell.gis", "carries": ["K"]},
    {"id": "iks-ar", "from": "iks.renovasjon", "to": "askoy.renovasjon", "carries": ["K"]},
    {"id": "fg-iks", "from": "fjell.gis", "to": "iks.renovasjon", "carries": ["K"]}]})";

TEST(Impact, ReformScopeFollowsTheRule) {
  Landscape l = Parse(kScope);
  Graph g(l);
  ImpactResult r = ComputeImpact(g, KeyQuery(l, "K"));
  std::map<std::string, Row> expected = {
      {"matrikkelen", {0, "holds-key", "matrikkelen", ""}},
      {"fjell.sak", {0, "holds-key", "fjell.sak", ""}},
      {"fjell.gis", {1, "receives-key", "matrikkelen>fjell.gis", "m-fg"}},
      {"askoy.sak", {1, "receives-key", "fjell.sak>askoy.sak", "fs-as"}},
      {"iks.renovasjon",
       {2, "receives-key", "matrikkelen>fjell.gis>iks.renovasjon", "m-fg>fg-iks"}},
  };
  EXPECT_EQ(Rows(l, r), expected);
  EXPECT_TRUE(r.scope.scoped());
  EXPECT_EQ(r.scope.changing(), (std::vector<std::string>{"1246"}));
  // ag-fg carries K into fjell.gis, which is affected: its interface needs testing too.
  EXPECT_EQ(Integrations(l, r), (std::vector<std::string>{"ag-fg", "fg-iks", "fs-as", "m-fg"}));
}

TEST(Impact, OwnerOptionOverridesTheFile) {
  Landscape l = Parse(kScope);
  Graph g(l);
  ImpactQuery q = KeyQuery(l, "K");
  q.owners = {"1247"};  // pretend Askøy changes instead
  std::map<std::string, Row> rows = Rows(l, ComputeImpact(g, q));
  // Seeds: matrikkelen (shared), askoy.gis (now changing). fjell.sak is out of scope.
  EXPECT_EQ(rows.count("fjell.sak"), 0u);
  EXPECT_EQ(rows["askoy.gis"], (Row{0, "holds-key", "askoy.gis", ""}));
  // askoy.gis → fjell.gis: askoy.gis is owned by the changing 1247.
  EXPECT_EQ(rows["fjell.gis"].distance, 1);
  // askoy.gis → fjell.gis → iks.renovasjon (shared) → askoy.renovasjon (now in scope).
  EXPECT_EQ(rows["askoy.renovasjon"],
            (Row{3, "receives-key", "askoy.gis>fjell.gis>iks.renovasjon>askoy.renovasjon",
                 "ag-fg>fg-iks>iks-ar"}));
  EXPECT_EQ(rows["iks.renovasjon"].reason, "receives-key");
}

TEST(Impact, WithoutChangesEverythingIsInScope) {
  std::string unscoped = kScope;
  unscoped.replace(unscoped.find("\"changes\""), std::string("\"changes\"").size(),
                   "\"x-changes\"");
  Landscape l;
  testing::ParseErrors(unscoped, &l);  // a warning for the renamed field, no errors
  Graph g(l);
  ImpactResult r = ComputeImpact(g, KeyQuery(l, "K"));
  EXPECT_FALSE(r.scope.scoped());
  EXPECT_EQ(r.affected.size(), 7u);
  EXPECT_EQ(r.seed_count, 3u);
}

TEST(Impact, IsDeterministic) {
  Landscape l = Parse(kScope);
  Graph g(l);
  ImpactQuery q = KeyQuery(l, "K");
  q.direction = Direction::kBoth;
  auto a = Rows(l, ComputeImpact(g, q));
  auto b = Rows(l, ComputeImpact(g, q));
  EXPECT_EQ(a, b);
}

}  // namespace
}  // namespace landskap
