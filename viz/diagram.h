// The landscape as a picture: builds a styled Graphviz graph from the engine's graph (clusters,
// colours and shapes by kind, edge style by criticality, impact by distance, focus on one
// system's neighbourhood, the cutover plan, a legend) and lays it out and renders it through
// viz/graphviz.h.
#pragma once

#include <optional>
#include <string>

#include "engine/analysis/graph.h"
#include "engine/analysis/impact.h"
#include "engine/merge/diff.h"
#include "engine/plan/plan.h"
#include "viz/i18n.h"
#include "viz/overview.h"
#include "viz/page.h"

namespace landskap::viz {

enum class ClusterBy { kNone, kOwner, kDomain, kKind };

struct DiagramOptions {
  ClusterBy cluster = ClusterBy::kOwner;
  bool edge_labels = false;
  const ImpactResult* impact = nullptr;  // colour systems by distance, mark affected integrations
  std::optional<SystemIndex> focus;      // only this system's neighbourhood
  int hops = 1;
  std::string layout;  // "" = dot up to 300 systems and 800 integrations, sfdp above
  bool legend = true;
  std::string title;
  // Draw the cutover plan: only its tasks, waves as columns left to right, bundles boxed, the
  // critical path in bold red. Clustering is then by wave and bundle, not by `cluster`.
  const Plan* plan = nullptr;
  // One node per owner, domain or vendor instead of one per system (viz/overview.h).
  CollapseBy collapse = CollapseBy::kNone;
  // With `impact`: only the affected systems and the systems one integration from them.
  bool only_affected = false;
  // Fit to a printable page (several pages in a PDF when one would be unreadable).
  PageOptions page;
  // The language of the picture's own words (titles, legend, counts); names stay as written.
  Language language = Language::kEnglish;
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
