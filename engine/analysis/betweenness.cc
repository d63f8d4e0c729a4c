// Betweenness centrality by Brandes' algorithm over a chosen set of sources: every system
// (exact) or a uniform sample of k systems scaled by n/k (Bader et al. style source sampling).
// Boost's brandes_betweenness_centrality always runs from every source, so on the national
// landscape (~200 000 systems) it would take hours; this version runs from the sources asked
// for, in O(k·(n+m)) time and O(n+m) memory, on flat arrays. tests/hotspots_test.cc checks the
// exact mode against Boost's implementation, the NetworkX test against NetworkX.
#include <algorithm>
#include <atomic>
#include <random>
#include <thread>

#include "engine/analysis/hotspots.h"

namespace landskap {
namespace {

// The directed graph as routes see it: each ordered pair of systems linked once, however many
// integrations run between them, and no loops (a parallel integration is not another route).
struct SimpleDigraph {
  std::vector<uint32_t> out_offsets, in_offsets;
  std::vector<SystemIndex> out, in;
};

SimpleDigraph BuildSimple(const Graph& graph) {
  const auto& integrations = graph.landscape().integrations;
  const size_t n = graph.SystemCount();
  SimpleDigraph g;
  g.out_offsets.assign(n + 1, 0);
  g.in_offsets.assign(n + 1, 0);
  std::vector<SystemIndex> seen(n, kNoSystem);
  for (SystemIndex v = 0; v < n; ++v) {
    for (IntegrationIndex e : graph.Outgoing(v)) {
      SystemIndex w = integrations[e].to;
      if (w == v || seen[w] == v) continue;
      seen[w] = v;
      g.out.push_back(w);
    }
    g.out_offsets[v + 1] = static_cast<uint32_t>(g.out.size());
  }
  std::fill(seen.begin(), seen.end(), kNoSystem);
  for (SystemIndex v = 0; v < n; ++v) {
    for (IntegrationIndex e : graph.Incoming(v)) {
      SystemIndex w = integrations[e].from;
      if (w == v || seen[w] == v) continue;
      seen[w] = v;
      g.in.push_back(w);
    }
    g.in_offsets[v + 1] = static_cast<uint32_t>(g.in.size());
  }
  return g;
}

// A uniform integer in [0, bound) from the generator's raw output by rejection, so the draw is
// the same with every standard library (std::uniform_int_distribution is not).
uint64_t Bounded(std::mt19937_64& rng, uint64_t bound) {
  const uint64_t threshold = (0 - bound) % bound;
  while (true) {
    uint64_t r = rng();
    if (r >= threshold) return r % bound;
  }
}

// Adds the dependencies of every system on the shortest routes from `source`, times `scale`,
// to `score`. The work arrays are all -1 / 0 on entry and are left so on return.
void AccumulateFrom(const SimpleDigraph& g, SystemIndex source, double scale,
                    std::vector<int32_t>& dist, std::vector<double>& sigma,
                    std::vector<double>& delta, std::vector<SystemIndex>& order,
                    std::vector<double>& score) {
  order.clear();
  order.push_back(source);
  dist[source] = 0;
  sigma[source] = 1;
  for (size_t head = 0; head < order.size(); ++head) {
    const SystemIndex v = order[head];
    const int32_t next = dist[v] + 1;
    for (uint32_t i = g.out_offsets[v]; i < g.out_offsets[v + 1]; ++i) {
      const SystemIndex w = g.out[i];
      if (dist[w] < 0) {
        dist[w] = next;
        order.push_back(w);
      }
      if (dist[w] == next) sigma[w] += sigma[v];
    }
  }
  // Back from the farthest systems: a predecessor of w on a shortest route is an in-neighbour
  // one step closer to the source, so no predecessor lists are stored.
  for (size_t k = order.size(); k-- > 1;) {
    const SystemIndex w = order[k];
    const int32_t previous = dist[w] - 1;
    const double coefficient = (1.0 + delta[w]) / sigma[w];
    for (uint32_t i = g.in_offsets[w]; i < g.in_offsets[w + 1]; ++i) {
      const SystemIndex v = g.in[i];
      if (dist[v] == previous) delta[v] += sigma[v] * coefficient;
    }
    score[w] += delta[w] * scale;
  }
  for (SystemIndex v : order) {
    dist[v] = -1;
    sigma[v] = 0;
    delta[v] = 0;
  }
}

}  // namespace

std::vector<SystemIndex> SampleSources(size_t n, size_t k, uint64_t seed) {
  k = std::min(k, n);
  std::vector<SystemIndex> pool(n);
  for (SystemIndex v = 0; v < n; ++v) pool[v] = v;
  std::mt19937_64 rng(seed);
  for (size_t i = 0; i < k; ++i) std::swap(pool[i], pool[i + Bounded(rng, n - i)]);
  pool.resize(k);
  std::sort(pool.begin(), pool.end());
  return pool;
}

BetweennessResult ComputeBetweenness(const Graph& graph, const BetweennessOptions& options) {
  const size_t n = graph.SystemCount();
  BetweennessResult result;
  result.seed = options.seed;
  result.score.assign(n, 0.0);
  size_t k = options.samples == 0 ? (n <= kExactBetweennessLimit ? n : kDefaultBetweennessSamples)
                                  : options.samples;
  if (options.force_exact || k >= n) k = n;
  result.exact = k == n;
  result.sources = k;

  std::vector<SystemIndex> sources;
  double scale = 1.0;
  if (result.exact) {
    sources.resize(n);
    for (SystemIndex v = 0; v < n; ++v) sources[v] = v;
  } else {
    sources = SampleSources(n, k, options.seed);
    scale = static_cast<double>(n) / static_cast<double>(k);
  }
  const SimpleDigraph g = BuildSimple(graph);
  // Sources go in blocks of a fixed size, each summed into its own partial scores, and the
  // partials are added in block order: the floating-point sums are then the same whichever
  // thread ran which block, so 1 and 2 threads give identical scores.
  constexpr size_t kBlock = 32;
  const size_t blocks = (sources.size() + kBlock - 1) / kBlock;
  unsigned threads = options.threads ? options.threads : std::thread::hardware_concurrency();
  threads = static_cast<unsigned>(std::clamp<size_t>(threads, 1, std::max<size_t>(blocks, 1)));
  std::vector<std::vector<double>> partial(blocks);
  std::atomic<size_t> next_block{0};
  auto work = [&] {
    std::vector<int32_t> dist(n, -1);
    std::vector<double> sigma(n, 0.0), delta(n, 0.0);
    std::vector<SystemIndex> order;
    order.reserve(n);
    for (size_t b; (b = next_block.fetch_add(1)) < blocks;) {
      std::vector<double> score(n, 0.0);
      size_t end = std::min(sources.size(), (b + 1) * kBlock);
      for (size_t i = b * kBlock; i < end; ++i)
        AccumulateFrom(g, sources[i], scale, dist, sigma, delta, order, score);
      partial[b] = std::move(score);
    }
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (std::thread& t : pool) t.join();
  for (const std::vector<double>& block : partial)
    for (size_t v = 0; v < n; ++v) result.score[v] += block[v];
  return result;
}

}  // namespace landskap
