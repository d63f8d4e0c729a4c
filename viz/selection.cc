// The affected-only selection: the impact's systems, then one step out over every integration
// touching them, so the picture shows where the change comes from and where it goes next.
#include "viz/selection.h"

namespace landskap::viz {

std::vector<char> AffectedWithContext(const Graph& graph, const ImpactResult& impact,
                                      const std::vector<char>& within) {
  const Landscape& l = graph.landscape();
  std::vector<char> shown(graph.SystemCount(), 0);
  for (const AffectedSystem& a : impact.affected) {
    if (!within[a.system]) continue;
    shown[a.system] = 1;
    for (IntegrationIndex i : graph.Outgoing(a.system))
      if (within[l.integrations[i].to]) shown[l.integrations[i].to] = 1;
    for (IntegrationIndex i : graph.Incoming(a.system))
      if (within[l.integrations[i].from]) shown[l.integrations[i].from] = 1;
  }
  return shown;
}

}  // namespace landskap::viz
