// The landscape as a picture: builds a styled Graphviz graph from the engine's graph (clusters,
// colours and shapes by kind, edge style by criticality, impact by distance, focus on one
// system's neighbourhood, the cutover plan, a legend) and lays it out and renders it through
// viz/graphviz.h.
#pragma once

#include <optional>
#include <string>

#include "engine/diff.h"
#include "engine/graph.h"
#include "engine/impact.h"
#include "engine/plan.h"

namespace landskap::viz {

enum class ClusterBy { kNone, kOwner, kDomain, kKind };

struct DiagramOptions {
  ClusterBy cluster = ClusterBy::kOwner;
  bool edge_labels = false;
  const ImpactResult* impact = nullptr;  // colour systems by distance, mark affected integrations
  std::optional<SystemIndex> focus;      // only this system's neighbourhood
  int hops = 1;
  std::string layout;  // "" = dot up to ~300 systems, sfdp above
  bool legend = true;
  std::string title;
  // Draw the cutover plan: only its tasks, waves as columns left to right, bundles boxed, the
  // critical path in bold red. Clustering is then by wave and bundle, not by `cluster`.
  const Plan* plan = nullptr;
  // Colour by what changed since an earlier version (`render --diff BEFORE`): the landscape
  // drawn is the later one; added systems and integrations green, changed amber, the others
  // faded; removed ones are not in it, so the legend lists them.
  const LandscapeDiff* diff = nullptr;
};

// Lays out and renders the landscape; format is "svg", "png", "pdf" or "dot".
// Returns false and sets *error (a message for people) on failure.
bool RenderDiagram(const Graph& graph, const DiagramOptions& options, const std::string& format,
                   std::string* out, std::string* error);

}  // namespace landskap::viz
