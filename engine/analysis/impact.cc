// Blast radius by breadth-first search over the CSR graph. A key change first spreads over the
// integrations that carry the key (the strong reason); with --through-all it then spreads from
// every system the key reached over all other integrations, in order of distance (a bucket
// queue), so the weaker reason never overrides the stronger one.
#include "engine/analysis/impact.h"

#include <algorithm>
#include <array>
#include <deque>

namespace landskap {
namespace {

constexpr int kUnreached = -1;

struct Walk {
  explicit Walk(size_t n) : distance(n, kUnreached), parent(n), parent_edge(n), reason(n) {}
  std::vector<int> distance;
  std::vector<SystemIndex> parent;
  std::vector<IntegrationIndex> parent_edge;
  std::vector<Reason> reason;
  std::vector<SystemIndex> order;  // systems in the order they were reached

  bool Reached(SystemIndex s) const { return distance[s] != kUnreached; }
  void Reach(SystemIndex s, int d, Reason why, SystemIndex from, IntegrationIndex via) {
    distance[s] = d;
    reason[s] = why;
    parent[s] = from;
    parent_edge[s] = via;
    order.push_back(s);
  }
};

bool WithinDepth(const ImpactQuery& q, int distance) {
  return !q.max_depth || distance < *q.max_depth;
}

void Seed(const std::vector<SystemIndex>& seeds, Reason why, Walk* walk) {
  for (SystemIndex s : seeds)
    if (!walk->Reached(s)) walk->Reach(s, 0, why, s, 0);
}

// Downstream: from providers to consumers, honouring the reform scope.
void WalkDown(const Graph& graph, const ImpactQuery& q, const ReformScope& scope, Walk* walk) {
  const auto& integrations = graph.landscape().integrations;
  const Reason strong_reason = q.key ? Reason::kReceivesKey : Reason::kDependsOn;
  // Phase 1: plain BFS over the integrations that carry the key (all of them without a key).
  for (size_t head = 0; head < walk->order.size(); ++head) {
    SystemIndex u = walk->order[head];
    int d = walk->distance[u];
    if (!WithinDepth(q, d)) continue;
    for (IntegrationIndex e : graph.Outgoing(u)) {
      const Integration& integration = integrations[e];
      SystemIndex v = integration.to;
      if (walk->Reached(v)) continue;
      if (q.key && !integration.Carries(*q.key)) continue;
      if (!scope.Passes(u, v)) continue;
      walk->Reach(v, d + 1, strong_reason, u, e);
    }
  }
  if (!q.key || !q.through_all) return;
  // Phase 2: spread from everything reached so far over all integrations, nearest first.
  std::vector<std::vector<SystemIndex>> buckets;
  for (SystemIndex s : walk->order) {
    size_t d = static_cast<size_t>(walk->distance[s]);
    if (buckets.size() <= d) buckets.resize(d + 1);
    buckets[d].push_back(s);
  }
  for (size_t d = 0; d < buckets.size(); ++d) {
    if (!WithinDepth(q, static_cast<int>(d))) break;
    for (size_t i = 0; i < buckets[d].size(); ++i) {
      SystemIndex u = buckets[d][i];
      for (IntegrationIndex e : graph.Outgoing(u)) {
        SystemIndex v = integrations[e].to;
        if (walk->Reached(v) || !scope.Passes(u, v)) continue;
        walk->Reach(v, static_cast<int>(d) + 1, Reason::kDependsOn, u, e);
        if (buckets.size() <= d + 1) buckets.resize(d + 2);
        buckets[d + 1].push_back(v);
      }
    }
  }
}

// Upstream: from consumers back to their providers. Scope does not apply: a source depends on
// its providers wherever they are.
void WalkUp(const Graph& graph, const ImpactQuery& q, Walk* walk) {
  const auto& integrations = graph.landscape().integrations;
  for (size_t head = 0; head < walk->order.size(); ++head) {
    SystemIndex v = walk->order[head];
    int d = walk->distance[v];
    if (!WithinDepth(q, d)) continue;
    for (IntegrationIndex e : graph.Incoming(v)) {
      const Integration& integration = integrations[e];
      SystemIndex u = integration.from;
      if (walk->Reached(u)) continue;
      if (q.key && !q.through_all && !integration.Carries(*q.key)) continue;
      walk->Reach(u, d + 1, Reason::kProvider, v, e);
    }
  }
}

AffectedSystem Evidence(const Walk& walk, SystemIndex s) {
  AffectedSystem a;
  a.system = s;
  a.distance = walk.distance[s];
  a.reason = walk.reason[s];
  for (SystemIndex at = s;; at = walk.parent[at]) {
    a.path.push_back(at);
    if (walk.distance[at] == 0) break;
    a.via.push_back(walk.parent_edge[at]);
  }
  std::reverse(a.path.begin(), a.path.end());
  std::reverse(a.via.begin(), a.via.end());
  return a;
}

}  // namespace

std::string_view ReasonName(Reason reason) {
  static constexpr std::array<std::string_view, 5> kNames = {"source", "holds-key", "receives-key",
                                                             "depends-on", "provider"};
  return kNames[static_cast<size_t>(reason)];
}

std::string_view DirectionName(Direction direction) {
  static constexpr std::array<std::string_view, 3> kNames = {"down", "up", "both"};
  return kNames[static_cast<size_t>(direction)];
}

std::optional<Direction> ParseDirection(std::string_view text) {
  if (text == "down") return Direction::kDown;
  if (text == "up") return Direction::kUp;
  if (text == "both") return Direction::kBoth;
  return std::nullopt;
}

ImpactResult ComputeImpact(const Graph& graph, const ImpactQuery& query) {
  const Landscape& landscape = graph.landscape();
  const size_t n = landscape.systems.size();
  ImpactResult result;
  result.query = query;
  result.scope = ReformScope::ForKey(landscape, query.key, query.owners);
  const ReformScope& scope = result.scope;

  std::vector<SystemIndex> seeds = query.sources;
  Reason seed_reason = Reason::kSource;
  if (seeds.empty() && query.key) {
    seed_reason = Reason::kHoldsKey;
    for (SystemIndex s = 0; s < n; ++s) {
      const auto& keys = landscape.systems[s].keys;
      if (scope.InScope(s) && std::binary_search(keys.begin(), keys.end(), *query.key))
        seeds.push_back(s);
    }
  }
  std::sort(seeds.begin(), seeds.end());
  seeds.erase(std::unique(seeds.begin(), seeds.end()), seeds.end());
  result.seed_count = seeds.size();

  const bool down = query.direction != Direction::kUp;
  const bool up = query.direction != Direction::kDown;
  Walk down_walk(down ? n : 0), up_walk(up ? n : 0);
  if (down) {
    Seed(seeds, seed_reason, &down_walk);
    WalkDown(graph, query, scope, &down_walk);
    for (SystemIndex s : down_walk.order) result.affected.push_back(Evidence(down_walk, s));
  }
  if (up) {
    Seed(seeds, seed_reason, &up_walk);
    WalkUp(graph, query, &up_walk);
    for (SystemIndex s : up_walk.order)
      if (!down || !down_walk.Reached(s)) result.affected.push_back(Evidence(up_walk, s));
  }

  std::sort(result.affected.begin(), result.affected.end(),
            [&](const AffectedSystem& a, const AffectedSystem& b) {
              const System& sa = landscape.systems[a.system];
              const System& sb = landscape.systems[b.system];
              if (sa.criticality != sb.criticality) return sa.criticality > sb.criticality;
              if (a.distance != b.distance) return a.distance < b.distance;
              return sa.id < sb.id;
            });

  for (IntegrationIndex e = 0; e < landscape.integrations.size(); ++e) {
    const Integration& integration = landscape.integrations[e];
    bool carries = query.key && integration.Carries(*query.key);
    bool listed = false;
    if (down) {
      bool to_hit = down_walk.Reached(integration.to);
      bool from_hit = down_walk.Reached(integration.from);
      if (query.key)
        listed = carries && to_hit;
      else
        listed = to_hit && from_hit && scope.Passes(integration.from, integration.to);
    }
    if (!listed && up) {
      bool both = up_walk.Reached(integration.from) && up_walk.Reached(integration.to);
      listed = both && (!query.key || carries || query.through_all);
    }
    if (listed) result.integrations.push_back(e);
  }
  std::sort(result.integrations.begin(), result.integrations.end(),
            [&](IntegrationIndex a, IntegrationIndex b) {
              return landscape.integrations[a].id < landscape.integrations[b].id;
            });
  result.splits = ComputeSplitNeeds(landscape, result);
  return result;
}

}  // namespace landskap
