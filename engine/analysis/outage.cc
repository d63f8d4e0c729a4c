// What an outage breaks: for each system, the systems downstream of it along the data flow
// (they lose a provider, directly or through others), weighted by their criticality. This is
// the ranking coordinators believe: "if the integration platform fails, 123 systems lose data,
// 17 of them critical" (the Øygarden merger).
//
// Systems on a cycle of integrations reach each other, so the reach is computed once per
// strongly connected component on the condensed graph (a DAG) and shared by its members. One
// breadth-first search per component is O(V·E) in all; up to kExactOutageLimit systems (or
// with force_exact) every component is searched. Above it, a bottom-k reachability sketch per
// component (Cohen 1997: the k smallest random ranks among the systems a component reaches,
// merged up the DAG in reverse topological order, O(k·(V+E))) estimates every system's
// weighted reach, and only the systems with the largest estimates are searched exactly. Ranks
// are exponential with rate = the system's weight, so (k-1)/(k-th smallest rank) estimates the
// reached weight. The searches run on several threads; each writes only its own component's
// slot, so the result is the same whatever the number of threads.
#include <algorithm>
#include <atomic>
#include <boost/graph/strong_components.hpp>
#include <cmath>
#include <numeric>
#include <thread>

#include "engine/analysis/hotspots.h"

namespace landskap {
namespace {

constexpr uint32_t kNone = std::numeric_limits<uint32_t>::max();

// The condensed graph: one node per strongly connected component, edges deduplicated, with
// the size, weight and critical count of each component's members.
struct Condensed {
  std::vector<uint32_t> component;  // system -> component
  std::vector<uint32_t> offsets, succ;
  std::vector<uint32_t> size, critical;
  std::vector<uint64_t> weight;
  std::vector<uint32_t> order;  // components, every one after all of its successors
  size_t Count() const { return size.size(); }
};

Condensed Condense(const Graph& graph) {
  const Landscape& landscape = graph.landscape();
  const size_t n = graph.SystemCount();
  Condensed c;
  c.component.resize(n);
  const size_t count =
      n == 0 ? 0
             : boost::strong_components(
                   graph.csr(), boost::make_iterator_property_map(
                                    c.component.begin(), get(boost::vertex_index, graph.csr())));
  c.size.assign(count, 0);
  c.critical.assign(count, 0);
  c.weight.assign(count, 0);
  for (SystemIndex s = 0; s < n; ++s) {
    const uint32_t k = c.component[s];
    ++c.size[k];
    c.weight[k] += CriticalityWeight(landscape.systems[s].criticality);
    if (landscape.systems[s].criticality == Criticality::kCritical) ++c.critical[k];
  }
  // Edges between components, grouped by source component, without repeats.
  std::vector<std::pair<uint32_t, uint32_t>> edges;
  edges.reserve(landscape.integrations.size());
  for (const Integration& e : landscape.integrations) {
    const uint32_t a = c.component[e.from], b = c.component[e.to];
    if (a != b) edges.emplace_back(a, b);
  }
  std::sort(edges.begin(), edges.end());
  edges.erase(std::unique(edges.begin(), edges.end()), edges.end());
  c.offsets.assign(count + 1, 0);
  c.succ.reserve(edges.size());
  for (const auto& [a, b] : edges) {
    ++c.offsets[a + 1];
    c.succ.push_back(b);
  }
  for (size_t k = 0; k < count; ++k) c.offsets[k + 1] += c.offsets[k];
  // Reverse topological order by Kahn's algorithm on the reversed DAG: sinks first.
  std::vector<uint32_t> pending(count, 0);
  for (size_t k = 0; k < count; ++k) pending[k] = c.offsets[k + 1] - c.offsets[k];
  std::vector<uint32_t> pred_offsets(count + 1, 0), pred(edges.size());
  for (const auto& [a, b] : edges) ++pred_offsets[b + 1];
  for (size_t k = 0; k < count; ++k) pred_offsets[k + 1] += pred_offsets[k];
  std::vector<uint32_t> fill(pred_offsets.begin(), pred_offsets.end() - 1);
  for (const auto& [a, b] : edges) pred[fill[b]++] = a;
  c.order.reserve(count);
  for (uint32_t k = 0; k < count; ++k)
    if (pending[k] == 0) c.order.push_back(k);
  for (size_t head = 0; head < c.order.size(); ++head) {
    const uint32_t k = c.order[head];
    for (uint32_t i = pred_offsets[k]; i < pred_offsets[k + 1]; ++i)
      if (--pending[pred[i]] == 0) c.order.push_back(pred[i]);
  }
  return c;
}

// Totals over the components reachable from one component, not counting it.
struct Reach {
  uint64_t systems = 0, critical = 0, weight = 0;
};

Reach SearchFrom(const Condensed& c, uint32_t from, std::vector<uint32_t>& stamp,
                 std::vector<uint32_t>& queue) {
  Reach r;
  queue.clear();
  queue.push_back(from);
  stamp[from] = from;
  for (size_t head = 0; head < queue.size(); ++head) {
    const uint32_t k = queue[head];
    for (uint32_t i = c.offsets[k]; i < c.offsets[k + 1]; ++i) {
      const uint32_t d = c.succ[i];
      if (stamp[d] == from) continue;
      stamp[d] = from;
      queue.push_back(d);
      r.systems += c.size[d];
      r.critical += c.critical[d];
      r.weight += c.weight[d];
    }
  }
  return r;
}

// Searches every component in `todo` exactly, on `threads` threads; reach[k] is written for
// each k in todo and nothing else, so the result does not depend on the thread count.
void SearchAll(const Condensed& c, const std::vector<uint32_t>& todo, unsigned threads,
               std::vector<Reach>* reach) {
  std::atomic<size_t> next{0};
  auto work = [&] {
    std::vector<uint32_t> stamp(c.Count(), kNone), queue;
    for (size_t i; (i = next.fetch_add(1)) < todo.size();)
      (*reach)[todo[i]] = SearchFrom(c, todo[i], stamp, queue);
  };
  threads = std::max(1u, std::min<unsigned>(threads, static_cast<unsigned>(todo.size())));
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (std::thread& t : pool) t.join();
}

uint64_t SplitMix64(uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

// A bottom-k sketch entry: a system's random rank and the system.
struct Ranked {
  double rank;
  SystemIndex system;
  bool operator<(const Ranked& o) const {
    return rank != o.rank ? rank < o.rank : system < o.system;
  }
  bool operator==(const Ranked& o) const { return system == o.system; }
};

// Estimated weight reached from each component (not counting its own members), from bottom-k
// sketches merged in reverse topological order.
std::vector<double> EstimateWeights(const Graph& graph, const Condensed& c, size_t k,
                                    uint64_t seed) {
  const Landscape& landscape = graph.landscape();
  const size_t n = graph.SystemCount();
  // Each system's rank: an exponential variable with rate = its weight, from a hash of its
  // index, so the same file and seed give the same ranks on every machine.
  std::vector<double> rank(n);
  for (SystemIndex s = 0; s < n; ++s) {
    const double u =
        static_cast<double>((SplitMix64(seed ^ (uint64_t{s} * 0x632be59bd9b4e019ULL)) >> 11) + 1) *
        0x1.0p-53;  // (0, 1]
    rank[s] = -std::log(u) / CriticalityWeight(landscape.systems[s].criticality);
  }
  // Each component's own members, bottom-k.
  std::vector<std::vector<Ranked>> own(c.Count());
  for (SystemIndex s = 0; s < n; ++s) own[c.component[s]].push_back({rank[s], s});
  for (auto& v : own) {
    std::sort(v.begin(), v.end());
    if (v.size() > k) v.resize(k);
  }
  // reach[K]: bottom-k of everything K reaches (without K itself); down[K]: of K and its reach.
  std::vector<std::vector<Ranked>> down(c.Count());
  std::vector<double> estimate(c.Count(), 0.0);
  // A sketch is freed once every component that feeds from it has merged it.
  std::vector<uint32_t> readers(c.Count(), 0);
  for (uint32_t d : c.succ) ++readers[d];
  std::vector<Ranked> merged;
  for (uint32_t comp : c.order) {
    merged.clear();
    for (uint32_t i = c.offsets[comp]; i < c.offsets[comp + 1]; ++i) {
      auto& d = down[c.succ[i]];
      merged.insert(merged.end(), d.begin(), d.end());
      if (--readers[c.succ[i]] == 0) std::vector<Ranked>().swap(d);
    }
    std::sort(merged.begin(), merged.end());
    merged.erase(std::unique(merged.begin(), merged.end()), merged.end());
    if (merged.size() > k) merged.resize(k);
    if (merged.size() < k) {
      // Fewer than k systems reached: the sketch holds all of them, the sum is exact.
      double sum = 0;
      for (const Ranked& r : merged)
        sum += CriticalityWeight(landscape.systems[r.system].criticality);
      estimate[comp] = sum;
    } else {
      estimate[comp] = static_cast<double>(k - 1) / merged.back().rank;
    }
    std::vector<Ranked> mine = std::move(own[comp]);
    mine.insert(mine.end(), merged.begin(), merged.end());
    std::sort(mine.begin(), mine.end());
    mine.erase(std::unique(mine.begin(), mine.end()), mine.end());
    if (mine.size() > k) mine.resize(k);
    if (readers[comp] > 0) down[comp] = std::move(mine);
  }
  return estimate;
}

}  // namespace

uint32_t CriticalityWeight(Criticality c) {
  switch (c) {
    case Criticality::kCritical:
      return 8;
    case Criticality::kHigh:
      return 4;
    case Criticality::kMedium:
      return 2;
    default:
      return 1;
  }
}

OutageResult ComputeOutage(const Graph& graph, const OutageOptions& options) {
  const Landscape& landscape = graph.landscape();
  const size_t n = graph.SystemCount();
  OutageResult result;
  result.systems = n;
  const Condensed c = Condense(graph);
  const size_t comps = c.Count();
  unsigned threads = options.threads;
  if (threads == 0) threads = std::max(1u, std::min(8u, std::thread::hardware_concurrency()));

  // Which components to search exactly: all of them with a successor, or (above the limit)
  // those holding the systems with the largest estimated weight.
  std::vector<uint32_t> todo;
  std::vector<bool> wanted(comps, false);
  result.exact = options.force_exact || n <= options.exact_limit;
  if (result.exact) {
    for (uint32_t k = 0; k < comps; ++k)
      if (c.offsets[k + 1] > c.offsets[k] || c.size[k] > 1) wanted[k] = true;
  } else {
    const std::vector<double> estimate =
        EstimateWeights(graph, c, options.sketch_size, options.seed);
    // A component's best member loses its whole reach and the rest of the component.
    std::vector<uint32_t> lightest(comps, kNone);
    for (SystemIndex s = 0; s < n; ++s)
      lightest[c.component[s]] =
          std::min(lightest[c.component[s]], CriticalityWeight(landscape.systems[s].criticality));
    std::vector<std::pair<double, uint32_t>> by_estimate;
    for (uint32_t k = 0; k < comps; ++k) {
      const double e = estimate[k] + static_cast<double>(c.weight[k] - lightest[k]);
      if (e > 0) by_estimate.emplace_back(-e, k);
    }
    std::sort(by_estimate.begin(), by_estimate.end());
    result.estimated = by_estimate.size();
    // Searching is per component: the members of a cycle come in together, at one search.
    const size_t take = std::min(by_estimate.size(), options.candidates);
    for (size_t i = 0; i < take; ++i) wanted[by_estimate[i].second] = true;
  }
  for (uint32_t k = 0; k < comps; ++k)
    if (wanted[k]) todo.push_back(k);
  std::vector<Reach> reach(comps);
  SearchAll(c, todo, threads, &reach);

  for (SystemIndex s = 0; s < n; ++s) {
    const uint32_t k = c.component[s];
    if (!wanted[k]) continue;
    const System& system = landscape.systems[s];
    const bool critical = system.criticality == Criticality::kCritical;
    OutageReach o;
    o.system = s;
    o.reached = reach[k].systems + c.size[k] - 1;
    o.critical = reach[k].critical + c.critical[k] - (critical ? 1 : 0);
    o.weight = reach[k].weight + c.weight[k] - CriticalityWeight(system.criticality);
    if (o.reached > 0) result.ranking.push_back(o);
  }
  result.searched = result.ranking.size();
  std::sort(result.ranking.begin(), result.ranking.end(),
            [&](const OutageReach& a, const OutageReach& b) {
              if (a.weight != b.weight) return a.weight > b.weight;
              if (a.reached != b.reached) return a.reached > b.reached;
              return landscape.systems[a.system].id < landscape.systems[b.system].id;
            });
  return result;
}

}  // namespace landskap
