// Weak points on small graphs computed by hand in the comments, and on random graphs against
// independent answers: Boost.Graph's own algorithms (articulation_points,
// brandes_betweenness_centrality, lengauer_tarjan_dominator_tree) and brute force (remove a
// system or an integration and count what is left connected).
#include "engine/analysis/hotspots.h"

#include <gtest/gtest.h>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/betweenness_centrality.hpp>
#include <boost/graph/biconnected_components.hpp>
#include <boost/graph/dominator_tree.hpp>
#include <map>
#include <random>
#include <set>
#include <string>
#include <tuple>
#include <utility>

#include "cli/formats/hotspots.h"

namespace landskap {
namespace {

using Edges = std::vector<std::pair<std::string, std::string>>;

// A landscape with the given systems and one integration per edge (ids "FROM:TO", "+2" ...).
Landscape Make(const std::vector<std::string>& ids, const Edges& edges) {
  Landscape l;
  for (const std::string& id : ids) {
    System s;
    s.id = id;
    EXPECT_TRUE(l.AddSystem(s));
  }
  for (const auto& [from, to] : edges) {
    Integration e;
    e.from = *l.FindSystem(from);
    e.to = *l.FindSystem(to);
    EXPECT_TRUE(l.AddIntegration(e));
  }
  return l;
}

// A random landscape: n systems "s0".."s{n-1}", m integrations between random pairs (repeats
// and both directions allowed, loops skipped).
Landscape Random(size_t n, size_t m, uint32_t seed) {
  std::mt19937 rng(seed);
  std::vector<std::string> ids;
  for (size_t i = 0; i < n; ++i) ids.push_back("s" + std::to_string(i));
  Edges edges;
  while (edges.size() < m) {
    size_t a = rng() % n, b = rng() % n;
    if (a != b) edges.emplace_back(ids[a], ids[b]);
  }
  return Make(ids, edges);
}

std::map<std::string, std::pair<size_t, size_t>> Points(const Landscape& l, const CutResult& r) {
  std::map<std::string, std::pair<size_t, size_t>> out;
  for (const ArticulationPoint& a : r.articulation_points)
    out[l.systems[a.system].id] = {a.cut_off, a.pieces};
  return out;
}

std::map<std::string, size_t> Bridges(const Landscape& l, const CutResult& r) {
  std::map<std::string, size_t> out;
  for (const Bridge& b : r.bridges) out[l.integrations[b.integration].id] = b.cut_off;
  return out;
}

std::map<std::string, double> Scores(const Landscape& l, const BetweennessResult& r) {
  std::map<std::string, double> out;
  for (SystemIndex s = 0; s < l.systems.size(); ++s) out[l.systems[s].id] = r.score[s];
  return out;
}

std::vector<std::string> Ids(const Landscape& l, const std::vector<SystemIndex>& systems) {
  std::vector<std::string> out;
  for (SystemIndex s : systems) out.push_back(l.systems[s].id);
  return out;
}

// ---- Hand-computed graphs.

// a -> b -> c. Removing b leaves {a} and {c}: b is the only articulation point, 2 parts, and
// 1 system (of the 2 left) is outside the largest part. Both integrations are bridges with one
// system on the smaller side. Betweenness: only the route a -> c has an intermediate, b: b = 1.
TEST(HotspotsTest, PathHasMiddleAsCutPointAndBroker) {
  Landscape l = Make({"a", "b", "c"}, {{"a", "b"}, {"b", "c"}});
  Graph g(l);
  CutResult cuts = FindCuts(g);
  EXPECT_EQ(Points(l, cuts), (std::map<std::string, std::pair<size_t, size_t>>{{"b", {1, 2}}}));
  EXPECT_EQ(Bridges(l, cuts), (std::map<std::string, size_t>{{"a:b", 1}, {"b:c", 1}}));
  EXPECT_EQ(cuts.components, 1u);
  EXPECT_EQ(Scores(l, ComputeBetweenness(g, {})),
            (std::map<std::string, double>{{"a", 0}, {"b", 1}, {"c", 0}}));
}

// A star: hub h exchanges data both ways with s1..s4 (two integrations per pair, so no bridge).
// Removing h leaves four single systems: 4 parts, 3 of the 4 outside the largest part.
// Betweenness of h: every ordered pair of distinct spokes (4 * 3 = 12) has its one route
// through h; the spokes lie on no route.
TEST(HotspotsTest, BidirectionalStar) {
  Edges edges;
  for (std::string s : {"s1", "s2", "s3", "s4"}) {
    edges.emplace_back("h", s);
    edges.emplace_back(s, "h");
  }
  Landscape l = Make({"h", "s1", "s2", "s3", "s4"}, edges);
  Graph g(l);
  CutResult cuts = FindCuts(g);
  EXPECT_EQ(Points(l, cuts), (std::map<std::string, std::pair<size_t, size_t>>{{"h", {3, 4}}}));
  EXPECT_TRUE(cuts.bridges.empty());
  auto scores = Scores(l, ComputeBetweenness(g, {}));
  EXPECT_EQ(scores["h"], 12);
  EXPECT_EQ(scores["s1"], 0);

  // Fan: h provides 4 and receives 4, from 4 distinct systems each way; ranked first.
  std::vector<Fan> fan = ComputeHotspots(g, {}).fan;
  EXPECT_EQ(l.systems[fan[0].system].id, "h");
  EXPECT_EQ(fan[0].fan_in, 4u);
  EXPECT_EQ(fan[0].fan_out, 4u);
  EXPECT_EQ(fan[0].providers, 4u);
  EXPECT_EQ(fan[0].consumers, 4u);
}

// Two directed triangles a->b->c->a and d->e->f->d joined by c->d.
// Undirected: c and d are the articulation points; removing c leaves {a,b} and {d,e,f}
// (2 systems outside the largest part), removing d leaves {a,b,c} and {e,f} (also 2).
// The bridge c->d has 3 systems on each side.
// Betweenness (unique shortest routes, intermediates listed per source):
//   from a: a>b>c>d>e>f: b on 4 routes (to c,d,e,f), c on 3, d on 2, e on 1
//   from b: b>c>a, b>c>d>e>f: c on 4, d on 2, e on 1
//   from c: c>a>b, c>d>e>f: a 1, d 2, e 1
//   from d: d>e>f: e 1;  from e: e>f>d: f 1;  from f: f>d>e: d 1
//   totals: a 1, b 4, c 7, d 7, e 4, f 1.
TEST(HotspotsTest, TwoTrianglesJoinedByABridge) {
  Landscape l =
      Make({"a", "b", "c", "d", "e", "f"},
           {{"a", "b"}, {"b", "c"}, {"c", "a"}, {"d", "e"}, {"e", "f"}, {"f", "d"}, {"c", "d"}});
  Graph g(l);
  CutResult cuts = FindCuts(g);
  EXPECT_EQ(Points(l, cuts),
            (std::map<std::string, std::pair<size_t, size_t>>{{"c", {2, 2}}, {"d", {2, 2}}}));
  EXPECT_EQ(Bridges(l, cuts), (std::map<std::string, size_t>{{"c:d", 3}}));
  EXPECT_EQ(
      Scores(l, ComputeBetweenness(g, {})),
      (std::map<std::string, double>{{"a", 1}, {"b", 4}, {"c", 7}, {"d", 7}, {"e", 4}, {"f", 1}}));

  // Towards f: every route from a is a>b>c>d>e>f, so a's route passes through b, c, d, e;
  // d has only d>e>f; e reaches f directly. Dependents: e carries a,b,c,d (4); d carries
  // a,b,c (3); c carries a,b (2); b carries a (1).
  DominatorResult d = ComputeDominators(g, *l.FindSystem("f"));
  EXPECT_EQ(Ids(l, d.Through(*l.FindSystem("a"))), (std::vector<std::string>{"b", "c", "d", "e"}));
  EXPECT_EQ(Ids(l, d.Through(*l.FindSystem("d"))), (std::vector<std::string>{"e"}));
  EXPECT_TRUE(d.Through(*l.FindSystem("e")).empty());
  EXPECT_EQ(l.systems[d.next[*l.FindSystem("e")]].id, "f");
  EXPECT_EQ(d.reaching, 5u);
  HotspotsQuery q;
  q.towards = *l.FindSystem("f");
  HotspotsResult r = ComputeHotspots(g, q);
  EXPECT_EQ(Ids(l, r.by_dependents), (std::vector<std::string>{"e", "d", "c", "b"}));
  EXPECT_EQ(r.dominators->dependents[*l.FindSystem("c")], 2u);

  // Towards a: d, e, f have no route (data only flows from the first triangle to the second).
  DominatorResult to_a = ComputeDominators(g, *l.FindSystem("a"));
  EXPECT_FALSE(to_a.Reaches(*l.FindSystem("d")));
  EXPECT_TRUE(to_a.Through(*l.FindSystem("d")).empty());
  EXPECT_EQ(to_a.reaching, 2u);
}

// Parallel integrations make a redundant link: a pair joined twice (in either direction) is
// not a bridge, and a loop is ignored. x = y (two integrations), y - z once: only y-z is a
// bridge, y the only articulation point.
TEST(HotspotsTest, ParallelIntegrationsAreNotBridges) {
  Landscape l = Make({"x", "y", "z"}, {{"x", "y"}, {"y", "x"}, {"y", "z"}, {"z", "z"}});
  CutResult cuts = FindCuts(Graph(l));
  EXPECT_EQ(Bridges(l, cuts), (std::map<std::string, size_t>{{"y:z", 1}}));
  EXPECT_EQ(Points(l, cuts), (std::map<std::string, std::pair<size_t, size_t>>{{"y", {1, 2}}}));
}

// Routes that split and join: z -> s, then s -> x -> t and s -> y -> t. No single system lies on
// both of s's routes, so s reaches t freely; every route from z passes s.
TEST(HotspotsTest, DominatorsWithAlternativeRoutes) {
  Landscape l =
      Make({"s", "t", "x", "y", "z"}, {{"z", "s"}, {"s", "x"}, {"s", "y"}, {"x", "t"}, {"y", "t"}});
  Graph g(l);
  DominatorResult d = ComputeDominators(g, *l.FindSystem("t"));
  EXPECT_TRUE(d.Through(*l.FindSystem("s")).empty());
  EXPECT_EQ(l.systems[d.next[*l.FindSystem("s")]].id, "t");
  EXPECT_EQ(Ids(l, d.Through(*l.FindSystem("z"))), (std::vector<std::string>{"s"}));
  EXPECT_EQ(d.dependents[*l.FindSystem("s")], 1u);
  EXPECT_EQ(d.dependents[*l.FindSystem("x")], 0u);
  EXPECT_EQ(d.reaching, 4u);
}

// Disconnected parts and isolated systems: each is its own connected group; an isolated
// system cuts nothing off.
TEST(HotspotsTest, ComponentsAndIsolatedSystems) {
  Landscape l = Make({"a", "b", "c", "lonely"}, {{"a", "b"}});
  CutResult cuts = FindCuts(Graph(l));
  EXPECT_EQ(cuts.components, 3u);
  EXPECT_TRUE(cuts.articulation_points.empty());
  EXPECT_EQ(Bridges(l, cuts), (std::map<std::string, size_t>{{"a:b", 1}}));
}

TEST(HotspotsTest, EmptyLandscape) {
  Landscape l;
  HotspotsResult r = ComputeHotspots(Graph(l), {});
  EXPECT_EQ(r.cuts.components, 0u);
  EXPECT_TRUE(r.betweenness.exact);
  EXPECT_TRUE(r.by_betweenness.empty());
}

// ---- Sampling.

TEST(HotspotsTest, SampleSourcesAreDistinctSortedAndSeeded) {
  std::vector<SystemIndex> a = SampleSources(1000, 50, 7);
  ASSERT_EQ(a.size(), 50u);
  EXPECT_TRUE(std::is_sorted(a.begin(), a.end()));
  EXPECT_EQ(std::set<SystemIndex>(a.begin(), a.end()).size(), 50u);
  EXPECT_LT(a.back(), 1000u);
  EXPECT_EQ(a, SampleSources(1000, 50, 7));
  EXPECT_NE(a, SampleSources(1000, 50, 8));
  EXPECT_EQ(SampleSources(5, 10, 1).size(), 5u);
}

// In the bidirectional star a spoke as source puts h on its routes to the 3 other spokes; the
// hub as source puts nobody on a route. A sample of k sources scales the sum by n/k = 5/k.
TEST(HotspotsTest, SampledScoreIsScaledSumOverSampledSources) {
  Edges edges;
  for (std::string s : {"s1", "s2", "s3", "s4"}) {
    edges.emplace_back("h", s);
    edges.emplace_back(s, "h");
  }
  Landscape l = Make({"h", "s1", "s2", "s3", "s4"}, edges);
  for (uint64_t seed = 1; seed <= 5; ++seed) {
    BetweennessOptions options;
    options.samples = 2;
    options.seed = seed;
    BetweennessResult r = ComputeBetweenness(Graph(l), options);
    EXPECT_FALSE(r.exact);
    EXPECT_EQ(r.sources, 2u);
    EXPECT_EQ(r.seed, seed);
    std::vector<SystemIndex> sources = SampleSources(5, 2, seed);
    size_t spokes = sources.size() - std::count(sources.begin(), sources.end(), SystemIndex{0});
    EXPECT_DOUBLE_EQ(r.score[0], 5.0 / 2.0 * 3.0 * static_cast<double>(spokes)) << seed;
  }
}

// Averaged over many seeds the sampled estimate approaches the exact score (it is unbiased).
TEST(HotspotsTest, SampledEstimateAveragesToExact) {
  Landscape l = Random(120, 300, 11);
  Graph g(l);
  BetweennessResult exact = ComputeBetweenness(g, {});
  ASSERT_TRUE(exact.exact);
  SystemIndex top = static_cast<SystemIndex>(
      std::max_element(exact.score.begin(), exact.score.end()) - exact.score.begin());
  double sum = 0;
  const int runs = 300;
  for (int seed = 1; seed <= runs; ++seed) {
    BetweennessOptions options;
    options.samples = 30;
    options.seed = static_cast<uint64_t>(seed);
    sum += ComputeBetweenness(g, options).score[top];
  }
  EXPECT_NEAR(sum / runs, exact.score[top], 0.05 * exact.score[top]);
}

// Sources are shared out over threads in fixed blocks summed in order: the scores must be the
// same bit for bit with 1, 2 or 3 threads, exact (300 sources: 10 blocks) and sampled.
TEST(HotspotsTest, SameScoresWhateverTheThreadCount) {
  Landscape l = Random(300, 900, 17);
  Graph g(l);
  for (size_t samples : {size_t{0}, size_t{70}}) {
    BetweennessOptions options;
    options.samples = samples;
    options.threads = 1;
    BetweennessResult one = ComputeBetweenness(g, options);
    ASSERT_GT(*std::max_element(one.score.begin(), one.score.end()), 0.0);
    for (unsigned threads : {2u, 3u}) {
      options.threads = threads;
      BetweennessResult many = ComputeBetweenness(g, options);
      ASSERT_EQ(many.score.size(), one.score.size());
      for (size_t v = 0; v < one.score.size(); ++v)
        EXPECT_EQ(many.score[v], one.score[v]) << "system " << v << ", " << threads << " threads";
    }
  }
}

TEST(HotspotsTest, ExactWhenSamplesCoverEverySystem) {
  Landscape l = Random(30, 60, 3);
  BetweennessOptions options;
  options.samples = 30;
  BetweennessResult r = ComputeBetweenness(Graph(l), options);
  EXPECT_TRUE(r.exact);
  EXPECT_EQ(r.score, ComputeBetweenness(Graph(l), {}).score);
}

// ---- Random graphs against Boost and brute force.

using Undirected = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;
using Directed = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS>;

// Connected groups among the systems not in `removed_system`, without `removed_edge`.
std::vector<int> GroupsWithout(const Landscape& l, SystemIndex removed_system,
                               IntegrationIndex removed_edge) {
  const size_t n = l.systems.size();
  std::vector<int> group(n, -1);
  int next = 0;
  for (SystemIndex root = 0; root < n; ++root) {
    if (root == removed_system || group[root] != -1) continue;
    group[root] = next;
    bool grew = true;
    while (grew) {  // tiny graphs: relax until nothing changes
      grew = false;
      for (IntegrationIndex i = 0; i < l.integrations.size(); ++i) {
        const Integration& e = l.integrations[i];
        if (i == removed_edge || e.from == removed_system || e.to == removed_system) continue;
        if (group[e.from] == next && group[e.to] == -1) group[e.to] = next, grew = true;
        if (group[e.to] == next && group[e.from] == -1) group[e.from] = next, grew = true;
      }
    }
    ++next;
  }
  return group;
}

class RandomGraphs : public ::testing::TestWithParam<uint32_t> {};

TEST_P(RandomGraphs, CutsMatchBoostAndBruteForce) {
  Landscape l = Random(40, 50, GetParam());
  const size_t n = l.systems.size();
  Graph g(l);
  CutResult cuts = FindCuts(g);

  Undirected u(n);
  for (const Integration& e : l.integrations) boost::add_edge(e.from, e.to, u);
  std::vector<Undirected::vertex_descriptor> boost_points;
  boost::articulation_points(u, std::back_inserter(boost_points));
  std::set<SystemIndex> expected(boost_points.begin(), boost_points.end()), got;
  for (const ArticulationPoint& a : cuts.articulation_points) got.insert(a.system);
  EXPECT_EQ(got, expected);

  // cut_off and parts by brute force: remove the system, size the pieces of its old group.
  std::vector<int> whole = GroupsWithout(l, kNoSystem, kNoSystem);
  for (const ArticulationPoint& a : cuts.articulation_points) {
    std::vector<int> after = GroupsWithout(l, a.system, kNoSystem);
    std::map<int, size_t> pieces;
    for (SystemIndex v = 0; v < n; ++v)
      if (v != a.system && whole[v] == whole[a.system]) ++pieces[after[v]];
    size_t total = 0, largest = 0;
    for (const auto& [id, size] : pieces) total += size, largest = std::max(largest, size);
    EXPECT_EQ(a.pieces, pieces.size()) << l.systems[a.system].id;
    EXPECT_EQ(a.cut_off, total - largest) << l.systems[a.system].id;
  }
  // Bridges by brute force: removing the integration splits its group.
  std::map<IntegrationIndex, size_t> bridges;
  for (IntegrationIndex i = 0; i < l.integrations.size(); ++i) {
    std::vector<int> after = GroupsWithout(l, kNoSystem, i);
    const Integration& e = l.integrations[i];
    if (after[e.from] == after[e.to]) continue;
    size_t side = std::count(after.begin(), after.end(), after[e.to]);
    size_t other = std::count(after.begin(), after.end(), after[e.from]);
    bridges[i] = std::min(side, other);
  }
  std::map<IntegrationIndex, size_t> found;
  for (const Bridge& b : cuts.bridges) found[b.integration] = b.cut_off;
  EXPECT_EQ(found, bridges);
}

TEST_P(RandomGraphs, ExactBetweennessMatchesBoost) {
  Landscape l = Random(60, 150, GetParam());
  const size_t n = l.systems.size();
  // Boost counts parallel edges as separate routes; the landscape counts a pair once.
  Directed d(n);
  std::set<std::pair<SystemIndex, SystemIndex>> pairs;
  for (const Integration& e : l.integrations)
    if (pairs.insert({e.from, e.to}).second) boost::add_edge(e.from, e.to, d);
  std::vector<double> centrality(n, 0.0);
  boost::brandes_betweenness_centrality(
      d, boost::make_iterator_property_map(centrality.begin(), get(boost::vertex_index, d)));
  BetweennessResult r = ComputeBetweenness(Graph(l), {});
  for (size_t v = 0; v < n; ++v) EXPECT_NEAR(r.score[v], centrality[v], 1e-9) << v;
}

// Boost 1.74's lengauer_tarjan_dominator_tree goes wrong when an unreachable vertex is a
// predecessor of a reachable one (boostorg/graph pull request 97: unreachable vertices keep
// depth-first number 0), so it gets only the part of the graph that reaches the target.
TEST_P(RandomGraphs, DominatorsMatchBoost) {
  Landscape l = Random(60, 110, GetParam());
  const size_t n = l.systems.size();
  Graph g(l);
  for (SystemIndex target : {0u, 7u, 31u}) {
    // Systems with a route to the target, found by relaxing until nothing changes.
    std::vector<bool> reaches(n, false);
    reaches[target] = true;
    for (bool grew = true; grew;) {
      grew = false;
      for (const Integration& e : l.integrations)
        if (reaches[e.to] && !reaches[e.from]) reaches[e.from] = grew = true;
    }
    std::vector<SystemIndex> local(n, kNoSystem), global;
    for (SystemIndex v = 0; v < n; ++v)
      if (reaches[v]) local[v] = static_cast<SystemIndex>(global.size()), global.push_back(v);
    Directed reversed(global.size());
    for (const Integration& e : l.integrations)
      if (reaches[e.from] && reaches[e.to]) boost::add_edge(local[e.to], local[e.from], reversed);
    const auto null = boost::graph_traits<Directed>::null_vertex();
    std::vector<Directed::vertex_descriptor> idom(global.size(), null);
    boost::lengauer_tarjan_dominator_tree(
        reversed, local[target],
        boost::make_iterator_property_map(idom.begin(), get(boost::vertex_index, reversed)));
    DominatorResult d = ComputeDominators(g, target);
    for (SystemIndex v = 0; v < n; ++v) {
      SystemIndex expected =
          reaches[v] && idom[local[v]] != null ? global[idom[local[v]]] : kNoSystem;
      EXPECT_EQ(d.next[v], expected) << "target " << target << " system " << v;
    }
    // dependents: systems whose chain of next systems passes through v.
    for (SystemIndex v = 0; v < n; ++v) {
      if (v == target || !d.Reaches(v)) continue;
      size_t count = 0;
      for (SystemIndex s = 0; s < n; ++s) {
        auto through = d.Through(s);
        count += std::count(through.begin(), through.end(), v);
      }
      EXPECT_EQ(d.dependents[v], count);
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Seeds, RandomGraphs, ::testing::Values(1u, 2u, 3u, 4u, 5u, 6u));

// A chain of 200 000 systems s0 -> s1 -> ... : every search goes 200 000 levels deep, which a
// recursive implementation would not survive. Towards the last system, s0's route passes
// through all 199 998 systems between; every inner system is an articulation point.
TEST(HotspotsTest, LongChainNeedsNoRecursion) {
  const size_t n = 200000;
  Landscape l;
  for (size_t i = 0; i < n; ++i) {
    System s;
    s.id = "s" + std::to_string(i);
    l.AddSystem(s);
  }
  for (SystemIndex i = 0; i + 1 < n; ++i) {
    Integration e;
    e.from = i;
    e.to = i + 1;
    l.AddIntegration(e);
  }
  Graph g(l);
  DominatorResult d = ComputeDominators(g, static_cast<SystemIndex>(n - 1));
  EXPECT_EQ(d.Through(0).size(), n - 2);
  EXPECT_EQ(d.dependents[n - 2], n - 2);
  CutResult cuts = FindCuts(g);
  EXPECT_EQ(cuts.articulation_points.size(), n - 2);
  EXPECT_EQ(cuts.bridges.size(), n - 1);
  // The middle system splits the chain in halves: 99 999 systems outside the larger one.
  EXPECT_EQ(cuts.articulation_points[0].cut_off, n / 2 - 1);
}

// Same input, same bytes: every ranking breaks ties by id.
TEST(HotspotsTest, OutputIsDeterministic) {
  Landscape l = Random(300, 700, 5);
  HotspotsQuery q;
  q.towards = 3;
  q.betweenness.samples = 40;
  q.betweenness.seed = 9;
  cli::HotspotsView view;
  view.top = 0;
  std::string first = cli::FormatHotspotsJson(l, ComputeHotspots(Graph(l), q), view);
  std::string second = cli::FormatHotspotsJson(l, ComputeHotspots(Graph(l), q), view);
  EXPECT_EQ(first, second);
  EXPECT_EQ(cli::FormatHotspotsTable(l, ComputeHotspots(Graph(l), q), view),
            cli::FormatHotspotsTable(l, ComputeHotspots(Graph(l), q), view));
}

// Ties are ranked by id. In the path a-b-c-d the integration b->c has two systems on each side,
// a->b and c->d one each: b->c first, then a->b before c->d. The articulation points b and c
// each cut off 1 system: b first.
TEST(HotspotsTest, TiesRankedById) {
  Landscape l = Make({"d", "c", "b", "a"}, {{"c", "d"}, {"b", "c"}, {"a", "b"}});
  CutResult cuts = FindCuts(Graph(l));
  std::vector<std::string> bridges, points;
  for (const Bridge& b : cuts.bridges) bridges.push_back(l.integrations[b.integration].id);
  for (const ArticulationPoint& a : cuts.articulation_points)
    points.push_back(l.systems[a.system].id);
  EXPECT_EQ(bridges, (std::vector<std::string>{"b:c", "a:b", "c:d"}));
  EXPECT_EQ(points, (std::vector<std::string>{"b", "c"}));
}

// ---- What an outage breaks.

// {id: {reached, critical, weight}} for every system in the ranking.
std::map<std::string, std::tuple<uint64_t, uint64_t, uint64_t>> Outage(const Landscape& l,
                                                                       const OutageResult& r) {
  std::map<std::string, std::tuple<uint64_t, uint64_t, uint64_t>> out;
  for (const OutageReach& o : r.ranking)
    out[l.systems[o.system].id] = {o.reached, o.critical, o.weight};
  return out;
}

void SetCriticality(Landscape* l, const std::string& id, Criticality c) {
  l->systems[*l->FindSystem(id)].criticality = c;
}

// By hand: hub feeds a (critical), b (high) and c; a feeds d (medium); c and d feed each other
// (a cycle); e feeds hub; x has no integrations, y only receives. Twice hub -> a and a loop on
// c change nothing.
//   e:   hub, a, b, c, d  -> 5 systems, 1 critical, weight 1+8+4+1+2 = 16
//   hub: a, b, c, d       -> 4, 1 critical, 8+4+1+2 = 15
//   a:   d, c             -> 2, 0, 2+1 = 3
//   c:   d                -> 1, 0, 2;  d: c -> 1, 0, 1
//   b, x, y: nothing, so not ranked.
TEST(OutageTest, HandComputedReach) {
  Landscape l = Make({"a", "b", "c", "d", "e", "hub", "x", "y"}, {{"hub", "a"},
                                                                  {"hub", "a"},
                                                                  {"hub", "b"},
                                                                  {"hub", "c"},
                                                                  {"a", "d"},
                                                                  {"c", "d"},
                                                                  {"d", "c"},
                                                                  {"c", "c"},
                                                                  {"e", "hub"},
                                                                  {"b", "b"}});
  SetCriticality(&l, "a", Criticality::kCritical);
  SetCriticality(&l, "b", Criticality::kHigh);
  SetCriticality(&l, "d", Criticality::kMedium);
  SetCriticality(&l, "c", Criticality::kLow);
  OutageResult r = ComputeOutage(Graph(l), {});
  EXPECT_TRUE(r.exact);
  using T = std::tuple<uint64_t, uint64_t, uint64_t>;
  EXPECT_EQ(Outage(l, r), (std::map<std::string, T>{{"e", {5, 1, 16}},
                                                    {"hub", {4, 1, 15}},
                                                    {"a", {2, 0, 3}},
                                                    {"c", {1, 0, 2}},
                                                    {"d", {1, 0, 1}}}));
  // Ranked by weight: e, hub, a, c, d.
  std::vector<std::string> order;
  for (const OutageReach& o : r.ranking) order.push_back(l.systems[o.system].id);
  EXPECT_EQ(order, (std::vector<std::string>{"e", "hub", "a", "c", "d"}));
}

// A cycle a -> b -> c -> a feeding z: each member reaches the two others and z. Ties in weight
// and reach are ranked by id.
TEST(OutageTest, CycleMembersReachEachOther) {
  Landscape l = Make({"c", "b", "a", "z"}, {{"a", "b"}, {"b", "c"}, {"c", "a"}, {"b", "z"}});
  SetCriticality(&l, "z", Criticality::kCritical);
  OutageResult r = ComputeOutage(Graph(l), {});
  using T = std::tuple<uint64_t, uint64_t, uint64_t>;
  EXPECT_EQ(Outage(l, r),
            (std::map<std::string, T>{{"a", {3, 1, 10}}, {"b", {3, 1, 10}}, {"c", {3, 1, 10}}}));
  EXPECT_EQ(l.systems[r.ranking[0].system].id, "a");
  EXPECT_EQ(l.systems[r.ranking[2].system].id, "c");
}

TEST(OutageTest, EmptyAndIsolated) {
  EXPECT_TRUE(ComputeOutage(Graph(Landscape{}), {}).ranking.empty());
  Landscape l = Make({"a", "b"}, {});
  EXPECT_TRUE(ComputeOutage(Graph(l), {}).ranking.empty());
}

// Brute force: a breadth-first search over the integrations from each system.
std::map<std::string, std::tuple<uint64_t, uint64_t, uint64_t>> BruteOutage(const Landscape& l) {
  std::map<std::string, std::tuple<uint64_t, uint64_t, uint64_t>> out;
  const size_t n = l.systems.size();
  for (SystemIndex s = 0; s < n; ++s) {
    std::vector<bool> seen(n, false);
    std::vector<SystemIndex> queue{s};
    seen[s] = true;
    uint64_t reached = 0, critical = 0, weight = 0;
    for (size_t h = 0; h < queue.size(); ++h)
      for (const Integration& e : l.integrations)
        if (e.from == queue[h] && !seen[e.to]) {
          seen[e.to] = true;
          queue.push_back(e.to);
          ++reached;
          critical += l.systems[e.to].criticality == Criticality::kCritical;
          weight += CriticalityWeight(l.systems[e.to].criticality);
        }
    if (reached) out[l.systems[s].id] = {reached, critical, weight};
  }
  return out;
}

Landscape RandomWithCriticality(size_t n, size_t m, uint32_t seed) {
  Landscape l = Random(n, m, seed);
  std::mt19937 rng(seed + 100);
  for (System& s : l.systems) s.criticality = static_cast<Criticality>(rng() % 5);
  return l;
}

class RandomOutage : public ::testing::TestWithParam<uint32_t> {};

TEST_P(RandomOutage, MatchesBruteForceOnAnyThreadCount) {
  // Sparse (long chains, small cycles) and dense (one large cycle).
  for (auto [n, m] : {std::pair<size_t, size_t>{120, 130}, {80, 200}}) {
    Landscape l = RandomWithCriticality(n, m, GetParam());
    Graph g(l);
    OutageOptions one, two;
    one.threads = 1;
    two.threads = 2;
    OutageResult a = ComputeOutage(g, one), b = ComputeOutage(g, two);
    EXPECT_EQ(Outage(l, a), BruteOutage(l));
    std::vector<SystemIndex> order_a, order_b;
    for (const OutageReach& o : a.ranking) order_a.push_back(o.system);
    for (const OutageReach& o : b.ranking) order_b.push_back(o.system);
    EXPECT_EQ(order_a, order_b);
    EXPECT_EQ(Outage(l, a), Outage(l, b));
  }
}

// Above the limit only the systems with the largest estimates are counted, but exactly: each
// one's numbers equal brute force. The estimate (64 ranks, about 13 % error) may swap systems
// of nearly equal reach at the edge of the list, never much larger ones: no system left out
// breaks more than 1.5 times the weight of the smallest one counted, and the top 3 are found.
TEST_P(RandomOutage, EstimatedCandidatesAreCountedExactly) {
  Landscape l = RandomWithCriticality(400, 600, GetParam());
  Graph g(l);
  OutageOptions o;
  o.exact_limit = 10;
  o.candidates = 60;
  o.threads = 2;
  OutageResult r = ComputeOutage(g, o);
  EXPECT_FALSE(r.exact);
  auto brute = BruteOutage(l);
  for (const auto& [id, value] : Outage(l, r)) EXPECT_EQ(value, brute.at(id)) << id;
  OutageResult exact = ComputeOutage(g, {});
  std::set<std::string> shown;
  for (const OutageReach& x : r.ranking) shown.insert(l.systems[x.system].id);
  for (size_t i = 0; i < 3; ++i)
    EXPECT_TRUE(shown.count(l.systems[exact.ranking[i].system].id))
        << l.systems[exact.ranking[i].system].id;
  const uint64_t smallest = r.ranking.back().weight;
  for (const OutageReach& x : exact.ranking)
    if (!shown.count(l.systems[x.system].id)) {
      EXPECT_LE(x.weight, smallest * 3 / 2) << l.systems[x.system].id;
    }
  OutageOptions single = o;
  single.threads = 1;
  OutageResult r1 = ComputeOutage(g, single);
  ASSERT_EQ(r1.ranking.size(), r.ranking.size());
  for (size_t i = 0; i < r.ranking.size(); ++i)
    EXPECT_EQ(r1.ranking[i].system, r.ranking[i].system);
}

INSTANTIATE_TEST_SUITE_P(Seeds, RandomOutage, ::testing::Values(1u, 2u, 3u, 4u));

}  // namespace
}  // namespace landskap
