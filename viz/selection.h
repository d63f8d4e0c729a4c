// Which systems a picture shows: for an affected-only picture, the systems a change reaches
// and one ring of context around them (their direct providers and consumers).
#pragma once

#include <vector>

#include "engine/analysis/graph.h"
#include "engine/analysis/impact.h"

namespace landskap::viz {

// The affected systems of `impact` and every system one integration away from one of them
// (either direction), limited to `within` (1 = may be shown).
std::vector<char> AffectedWithContext(const Graph& graph, const ImpactResult& impact,
                                      const std::vector<char>& within);

}  // namespace landskap::viz
