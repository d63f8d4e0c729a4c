// Articulation points and bridges with the sizes of what they cut off, by one iterative
// depth-first search (Hopcroft-Tarjan low points) over the undirected view of the graph.
// Boost's articulation_points and biconnected_components say which systems are cut points but
// not how many systems each one separates, which is what ranks them for a coordinator; the
// subtree sizes of the same search give that for free. tests/hotspots_test.cc checks this
// against Boost's articulation_points, and the NetworkX test against NetworkX.
#include <algorithm>
#include <utility>

#include "engine/analysis/hotspots.h"

namespace landskap {
namespace {

constexpr IntegrationIndex kNoIntegration = std::numeric_limits<IntegrationIndex>::max();

// Undirected adjacency: for every system, its neighbours and the integration of each link,
// in integration order (so the search, and everything derived from it, is deterministic).
struct UndirectedView {
  std::vector<uint32_t> offsets;
  std::vector<SystemIndex> neighbour;
  std::vector<IntegrationIndex> via;
};

UndirectedView BuildUndirected(const Graph& graph) {
  const auto& integrations = graph.landscape().integrations;
  const size_t n = graph.SystemCount();
  UndirectedView u;
  u.offsets.assign(n + 1, 0);
  for (const Integration& e : integrations) {
    if (e.from == e.to) continue;
    ++u.offsets[e.from + 1];
    ++u.offsets[e.to + 1];
  }
  for (size_t v = 0; v < n; ++v) u.offsets[v + 1] += u.offsets[v];
  u.neighbour.resize(u.offsets[n]);
  u.via.resize(u.offsets[n]);
  std::vector<uint32_t> fill(u.offsets.begin(), u.offsets.end() - 1);
  for (IntegrationIndex i = 0; i < integrations.size(); ++i) {
    const Integration& e = integrations[i];
    if (e.from == e.to) continue;
    u.neighbour[fill[e.from]] = e.to;
    u.via[fill[e.from]++] = i;
    u.neighbour[fill[e.to]] = e.from;
    u.via[fill[e.to]++] = i;
  }
  return u;
}

}  // namespace

CutResult FindCuts(const Graph& graph) {
  const Landscape& landscape = graph.landscape();
  const size_t n = graph.SystemCount();
  const UndirectedView u = BuildUndirected(graph);

  // disc == 0: not visited yet. low: the smallest discovery time reachable from the subtree
  // with at most one link that is not a tree link (the tree link to the parent itself does not
  // count, but a parallel integration to the parent does: that is what keeps it from being a
  // bridge).
  std::vector<uint32_t> disc(n, 0), low(n, 0), next_edge(n, 0);
  std::vector<SystemIndex> parent(n, kNoSystem);
  std::vector<IntegrationIndex> parent_via(n, kNoIntegration);
  std::vector<size_t> subtree(n, 1);
  // Per system: the child subtrees that lose contact with the rest when it fails.
  std::vector<size_t> separated_count(n, 0), separated_sum(n, 0), separated_max(n, 0);

  CutResult result;
  struct PendingBridge {
    IntegrationIndex integration;
    size_t below;  // systems on the child's side
  };
  uint32_t clock = 0;
  std::vector<SystemIndex> stack, members;
  std::vector<PendingBridge> bridges;
  for (SystemIndex root = 0; root < n; ++root) {
    if (disc[root] != 0) continue;
    ++result.components;
    members.clear();
    bridges.clear();
    disc[root] = low[root] = ++clock;
    next_edge[root] = u.offsets[root];
    stack.push_back(root);
    members.push_back(root);
    while (!stack.empty()) {
      const SystemIndex v = stack.back();
      if (next_edge[v] < u.offsets[v + 1]) {
        const uint32_t slot = next_edge[v]++;
        const SystemIndex w = u.neighbour[slot];
        if (u.via[slot] == parent_via[v]) continue;  // the tree link we came in by
        if (disc[w] == 0) {
          disc[w] = low[w] = ++clock;
          parent[w] = v;
          parent_via[w] = u.via[slot];
          next_edge[w] = u.offsets[w];
          stack.push_back(w);
          members.push_back(w);
        } else {
          low[v] = std::min(low[v], disc[w]);
        }
        continue;
      }
      stack.pop_back();
      if (v == root) break;
      const SystemIndex p = parent[v];
      low[p] = std::min(low[p], low[v]);
      subtree[p] += subtree[v];
      if (low[v] >= disc[p]) {
        ++separated_count[p];
        separated_sum[p] += subtree[v];
        separated_max[p] = std::max(separated_max[p], subtree[v]);
      }
      if (low[v] > disc[p]) bridges.push_back({parent_via[v], subtree[v]});
    }
    const size_t size = subtree[root];
    for (SystemIndex v : members) {
      // The root separates its children only when it has two or more; any other system
      // separates each such child subtree from the part that holds its parent.
      const bool cut = v == root ? separated_count[v] >= 2 : separated_count[v] >= 1;
      if (!cut) continue;
      const size_t rest = size - 1 - separated_sum[v];  // the part that holds the parent
      const size_t largest = std::max(separated_max[v], rest);
      result.articulation_points.push_back(
          {v, size - 1 - largest, separated_count[v] + (rest > 0 ? 1 : 0)});
    }
    for (const PendingBridge& b : bridges)
      result.bridges.push_back({b.integration, std::min(b.below, size - b.below)});
  }

  std::sort(result.articulation_points.begin(), result.articulation_points.end(),
            [&](const ArticulationPoint& a, const ArticulationPoint& b) {
              if (a.cut_off != b.cut_off) return a.cut_off > b.cut_off;
              return landscape.systems[a.system].id < landscape.systems[b.system].id;
            });
  std::sort(result.bridges.begin(), result.bridges.end(), [&](const Bridge& a, const Bridge& b) {
    if (a.cut_off != b.cut_off) return a.cut_off > b.cut_off;
    return landscape.integrations[a.integration].id < landscape.integrations[b.integration].id;
  });
  return result;
}

}  // namespace landskap
