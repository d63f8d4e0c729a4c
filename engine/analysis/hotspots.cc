// Fan-in/fan-out, and all weak-point measures at once, ranked for output (ties by id).
#include "engine/analysis/hotspots.h"

#include <algorithm>
#include <numeric>

namespace landskap {

std::vector<Fan> ComputeFan(const Graph& graph) {
  const auto& integrations = graph.landscape().integrations;
  const size_t n = graph.SystemCount();
  std::vector<Fan> fan(n);
  // Neighbours already counted for v are marked with v, so no array is cleared per system.
  std::vector<SystemIndex> seen_provider(n, kNoSystem), seen_consumer(n, kNoSystem);
  for (SystemIndex v = 0; v < n; ++v) {
    Fan& f = fan[v];
    f.system = v;
    f.fan_in = static_cast<uint32_t>(graph.Incoming(v).size());
    f.fan_out = static_cast<uint32_t>(graph.Outgoing(v).size());
    for (IntegrationIndex e : graph.Incoming(v)) {
      SystemIndex w = integrations[e].from;
      if (w == v || seen_provider[w] == v) continue;
      seen_provider[w] = v;
      ++f.providers;
    }
    for (IntegrationIndex e : graph.Outgoing(v)) {
      SystemIndex w = integrations[e].to;
      if (w == v || seen_consumer[w] == v) continue;
      seen_consumer[w] = v;
      ++f.consumers;
    }
  }
  return fan;
}

HotspotsResult ComputeHotspots(const Graph& graph, const HotspotsQuery& query) {
  const Landscape& landscape = graph.landscape();
  const size_t n = graph.SystemCount();
  auto by_id = [&](SystemIndex a, SystemIndex b) {
    return landscape.systems[a].id < landscape.systems[b].id;
  };
  HotspotsResult r;
  r.outage = ComputeOutage(graph, query.outage);
  r.cuts = FindCuts(graph);

  r.betweenness = ComputeBetweenness(graph, query.betweenness);
  r.by_betweenness.resize(n);
  std::iota(r.by_betweenness.begin(), r.by_betweenness.end(), 0);
  const std::vector<double>& score = r.betweenness.score;
  std::sort(r.by_betweenness.begin(), r.by_betweenness.end(), [&](SystemIndex a, SystemIndex b) {
    if (score[a] != score[b]) return score[a] > score[b];
    return by_id(a, b);
  });

  r.fan = ComputeFan(graph);
  std::sort(r.fan.begin(), r.fan.end(), [&](const Fan& a, const Fan& b) {
    const uint64_t ta = uint64_t{a.fan_in} + a.fan_out, tb = uint64_t{b.fan_in} + b.fan_out;
    if (ta != tb) return ta > tb;
    if (a.fan_in != b.fan_in) return a.fan_in > b.fan_in;
    return by_id(a.system, b.system);
  });

  if (query.towards) {
    r.dominators = ComputeDominators(graph, *query.towards);
    const DominatorResult& d = *r.dominators;
    for (SystemIndex s = 0; s < n; ++s) {
      if (!d.Reaches(s)) continue;
      r.routes.push_back(s);
      if (d.dependents[s] > 0) r.by_dependents.push_back(s);
    }
    std::sort(r.by_dependents.begin(), r.by_dependents.end(), [&](SystemIndex a, SystemIndex b) {
      if (d.dependents[a] != d.dependents[b]) return d.dependents[a] > d.dependents[b];
      return by_id(a, b);
    });
    std::sort(r.routes.begin(), r.routes.end(), [&](SystemIndex a, SystemIndex b) {
      const Criticality ca = landscape.systems[a].criticality;
      const Criticality cb = landscape.systems[b].criticality;
      if (ca != cb) return ca > cb;
      return by_id(a, b);
    });
  }
  return r;
}

}  // namespace landskap
