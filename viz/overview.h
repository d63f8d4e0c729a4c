// The overview picture: one node per group of systems (owner, domain or vendor) with how many
// systems it has and how many a change affects, and one edge per pair of groups with the number
// of integrations between them and the keys they carry. The merger's 252 systems become 63
// owners, or 43 domains: a picture a projector shows whole.
#pragma once

#include <string>
#include <vector>

#include "engine/analysis/graph.h"
#include "engine/analysis/impact.h"
#include "viz/i18n.h"

namespace landskap::viz {

enum class CollapseBy { kNone, kOwner, kDomain, kVendor };

struct OverviewGroup {
  std::string key;    // the owner, domain or vendor as in the file; "" for systems without one
  std::string label;  // as shown: owner with its new number, or "(no vendor)" ...
  std::vector<SystemIndex> systems;  // sorted
  size_t affected = 0;               // systems of the group in the impact
  int nearest = -1;                  // smallest distance of an affected member; -1: none
  size_t internal = 0;               // integrations within the group
};

struct OverviewLink {
  size_t from = 0, to = 0;                              // indices into Overview::groups; from != to
  std::vector<IntegrationIndex> integrations;           // sorted
  size_t affected = 0;                                  // of them in the impact
  std::vector<KeyIndex> keys;                           // carried by any of them, sorted
  Criticality criticality = Criticality::kUnspecified;  // the most critical of them
};

struct Overview {
  CollapseBy by = CollapseBy::kNone;
  std::vector<OverviewGroup> groups;  // sorted by key
  std::vector<OverviewLink> links;    // sorted by (from, to)
};

// Groups the systems with shown[s] (all when `shown` is empty) and the integrations between
// shown systems. `impact` (may be null) gives the affected counts.
Overview CollapseLandscape(const Graph& graph, CollapseBy by, const std::vector<char>& shown,
                           const ImpactResult* impact, Language language);

// "owner", "domain", "vendor".
std::string_view CollapseName(CollapseBy by);

struct DiagramOptions;
// Draws the overview (the collapsed picture) of RenderDiagram with options.collapse set.
// Nodes are SVG groups "g<N>" (N: index in Overview::groups) with class "group", edges "l<N>"
// with class "link".
bool RenderOverview(const Graph& graph, const DiagramOptions& options,
                    const std::vector<char>& shown, const std::string& format, std::string* out,
                    std::string* error);

}  // namespace landskap::viz
