// Counting over the model and the graph's degree arrays.
#include "engine/analysis/stats.h"

#include <algorithm>

namespace landskap {
namespace {

std::string OrUnspecified(std::string_view text) {
  return text.empty() ? "(unspecified)" : std::string(text);
}

std::vector<DegreeEntry> Top(const Landscape& landscape, std::vector<DegreeEntry> all, size_t top) {
  std::sort(all.begin(), all.end(), [&](const DegreeEntry& a, const DegreeEntry& b) {
    if (a.degree != b.degree) return a.degree > b.degree;
    return landscape.systems[a.system].id < landscape.systems[b.system].id;
  });
  if (all.size() > top) all.resize(top);
  return all;
}

}  // namespace

LandscapeStats ComputeStats(const Graph& graph, size_t top) {
  const Landscape& landscape = graph.landscape();
  LandscapeStats stats;
  stats.systems = landscape.systems.size();
  stats.integrations = landscape.integrations.size();
  stats.changes = landscape.changes.size();
  std::vector<size_t> holders(landscape.keys.size()), carriers(landscape.keys.size());
  std::vector<DegreeEntry> fan_out, fan_in;
  for (SystemIndex s = 0; s < landscape.systems.size(); ++s) {
    const System& system = landscape.systems[s];
    ++stats.by_kind[OrUnspecified(KindName(system.kind))];
    ++stats.by_owner[OrUnspecified(system.owner)];
    ++stats.by_domain[OrUnspecified(system.domain)];
    for (KeyIndex k : system.keys) ++holders[k];
    size_t out = graph.Outgoing(s).size(), in = graph.Incoming(s).size();
    fan_out.push_back({s, out});
    fan_in.push_back({s, in});
    if (out + in == 0) ++stats.isolated;
  }
  for (const Integration& e : landscape.integrations)
    for (KeyIndex k : e.carries) ++carriers[k];
  for (KeyIndex k = 0; k < landscape.keys.size(); ++k)
    stats.keys.push_back({landscape.keys[k].id, holders[k], carriers[k]});
  std::sort(stats.keys.begin(), stats.keys.end(),
            [](const KeyUse& a, const KeyUse& b) { return a.key < b.key; });
  stats.top_fan_in = Top(landscape, std::move(fan_in), top);
  stats.top_fan_out = Top(landscape, std::move(fan_out), top);
  return stats;
}

}  // namespace landskap
