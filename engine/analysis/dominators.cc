// Dominators towards a target: on the reversed graph (routes walked back from the target) the
// immediate dominator of S is the first system that every route from S to the target passes
// through. Lengauer-Tarjan (the simple version with path compression, O(m log n)), iterative
// throughout. Boost's lengauer_tarjan_dominator_tree is not used: in Boost 1.74 its path
// compression recurses once per level of the search tree (a depth-first tree of a large sparse
// landscape is tens of thousands of levels deep: a stack overflow), it keeps a std::deque per
// vertex, and it goes wrong when a system without a route to the target feeds one with a route
// (boostorg/graph pull request 97). tests/hotspots_test.cc checks this against Boost on graphs
// without such systems, the NetworkX test against networkx.immediate_dominators everywhere.
#include <algorithm>

#include "engine/analysis/hotspots.h"

namespace landskap {
namespace {

constexpr uint32_t kNone = std::numeric_limits<uint32_t>::max();

// The Lengauer-Tarjan state, indexed by depth-first number (0 is the target).
struct LengauerTarjan {
  std::vector<uint32_t> parent, semi, idom, ancestor, label;
  std::vector<uint32_t> chain;  // scratch for Compress

  // Path compression without recursion: walk up to the last vertex whose ancestor still has
  // an ancestor, then update the labels top-down as the recursive version would on return.
  void Compress(uint32_t v) {
    chain.clear();
    while (ancestor[ancestor[v]] != kNone) {
      chain.push_back(v);
      v = ancestor[v];
    }
    for (size_t k = chain.size(); k-- > 0;) {
      const uint32_t x = chain[k];
      const uint32_t a = ancestor[x];
      if (semi[label[a]] < semi[label[x]]) label[x] = label[a];
      ancestor[x] = ancestor[a];
    }
  }

  uint32_t Eval(uint32_t v) {
    if (ancestor[v] == kNone) return v;
    Compress(v);
    return label[v];
  }
};

}  // namespace

std::vector<SystemIndex> DominatorResult::Through(SystemIndex s) const {
  std::vector<SystemIndex> out;
  if (!Reaches(s)) return out;
  for (SystemIndex x = next[s]; x != target; x = next[x]) out.push_back(x);
  return out;
}

DominatorResult ComputeDominators(const Graph& graph, SystemIndex target) {
  const auto& integrations = graph.landscape().integrations;
  const size_t n = graph.SystemCount();
  DominatorResult result;
  result.target = target;
  result.next.assign(n, kNoSystem);
  result.dependents.assign(n, 0);

  // Depth-first search from the target against the data flow (to the providers).
  std::vector<uint32_t> number(n, kNone), next_edge(n, 0);
  std::vector<SystemIndex> vertex;
  LengauerTarjan lt;
  std::vector<SystemIndex> stack;
  number[target] = 0;
  vertex.push_back(target);
  lt.parent.push_back(kNone);
  stack.push_back(target);
  while (!stack.empty()) {
    const SystemIndex v = stack.back();
    const auto incoming = graph.Incoming(v);
    if (next_edge[v] == incoming.size()) {
      stack.pop_back();
      continue;
    }
    const SystemIndex w = integrations[incoming[next_edge[v]++]].from;
    if (number[w] != kNone) continue;
    number[w] = static_cast<uint32_t>(vertex.size());
    vertex.push_back(w);
    lt.parent.push_back(number[v]);
    stack.push_back(w);
  }

  const uint32_t count = static_cast<uint32_t>(vertex.size());
  lt.semi.resize(count);
  lt.label.resize(count);
  for (uint32_t i = 0; i < count; ++i) lt.semi[i] = lt.label[i] = i;
  lt.idom.assign(count, 0);
  lt.ancestor.assign(count, kNone);
  // Buckets as linked lists: each vertex waits in exactly one bucket (that of its semidominator).
  std::vector<uint32_t> bucket_head(count, kNone), bucket_next(count, kNone);
  for (uint32_t i = count; i-- > 1;) {
    // Predecessors on the reversed graph are the consumers of vertex[i].
    for (IntegrationIndex e : graph.Outgoing(vertex[i])) {
      const uint32_t j = number[integrations[e].to];
      if (j == kNone) continue;
      const uint32_t u = lt.Eval(j);
      if (lt.semi[u] < lt.semi[i]) lt.semi[i] = lt.semi[u];
    }
    bucket_next[i] = bucket_head[lt.semi[i]];
    bucket_head[lt.semi[i]] = i;
    const uint32_t p = lt.parent[i];
    lt.ancestor[i] = p;
    for (uint32_t b = bucket_head[p]; b != kNone; b = bucket_next[b]) {
      const uint32_t u = lt.Eval(b);
      lt.idom[b] = lt.semi[u] < lt.semi[b] ? u : p;
    }
    bucket_head[p] = kNone;
  }
  for (uint32_t i = 1; i < count; ++i)
    if (lt.idom[i] != lt.semi[i]) lt.idom[i] = lt.idom[lt.idom[i]];

  // An immediate dominator is a proper ancestor in the search tree, so it has a smaller number:
  // summing subtree sizes in decreasing number order sees every child before its parent.
  std::vector<size_t> size(count, 1);
  for (uint32_t i = count; i-- > 1;) size[lt.idom[i]] += size[i];
  for (uint32_t i = 1; i < count; ++i) {
    result.next[vertex[i]] = vertex[lt.idom[i]];
    result.dependents[vertex[i]] = size[i] - 1;
  }
  result.dependents[target] = count - 1;
  result.reaching = count - 1;
  return result;
}

}  // namespace landskap
