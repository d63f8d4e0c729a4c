// What each successor of a split needs: the old municipality's share of an impact result.
#include <algorithm>

#include "engine/analysis/impact.h"

namespace landskap {

std::vector<SplitNeeds> ComputeSplitNeeds(const Landscape& landscape, const ImpactResult& result) {
  std::vector<SplitNeeds> out;
  for (const ReformStep& step : result.scope.reform()) {
    if (step.kind != ReformKind::kSplit) continue;
    SplitNeeds needs;
    needs.from = step.from.front();
    needs.successors = step.to;
    auto owned = [&](SystemIndex s) { return landscape.systems[s].owner == needs.from; };
    for (const AffectedSystem& a : result.affected)
      if (owned(a.system)) needs.systems.push_back(a.system);
    for (IntegrationIndex i : result.integrations) {
      const Integration& in = landscape.integrations[i];
      if (owned(in.from) != owned(in.to)) needs.integrations.push_back(i);
    }
    std::sort(needs.systems.begin(), needs.systems.end(), [&](SystemIndex a, SystemIndex b) {
      return landscape.systems[a].id < landscape.systems[b].id;
    });
    std::sort(needs.integrations.begin(), needs.integrations.end(),
              [&](IntegrationIndex a, IntegrationIndex b) {
                return landscape.integrations[a].id < landscape.integrations[b].id;
              });
    out.push_back(std::move(needs));
  }
  return out;
}

}  // namespace landskap
