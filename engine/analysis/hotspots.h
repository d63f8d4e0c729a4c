// Weak points of a landscape: single points of failure (articulation points) and bridges on the
// undirected view, betweenness (exact or sampled Brandes), fan-in/fan-out, and dominators
// towards one system ("every route from X to NAV goes through the integration platform").
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <vector>

#include "engine/analysis/graph.h"

namespace landskap {

constexpr SystemIndex kNoSystem = std::numeric_limits<SystemIndex>::max();

// ---- Articulation points and bridges (undirected view: an integration links two systems
// whatever its direction; several integrations between the same two systems are redundant
// links, so such a pair is never a bridge; an integration from a system to itself is ignored).

struct ArticulationPoint {
  SystemIndex system = 0;
  // When the system fails, its connected group falls apart into `pieces` parts (>= 2);
  // `cut_off` counts the systems outside the largest remaining part: those that lose contact
  // with the bulk of the landscape.
  size_t cut_off = 0;
  size_t pieces = 0;
};

struct Bridge {
  IntegrationIndex integration = 0;  // the only link between its two sides
  size_t cut_off = 0;                // systems on the smaller side
};

struct CutResult {
  // Ranked: cut_off (largest first), then id.
  std::vector<ArticulationPoint> articulation_points;
  std::vector<Bridge> bridges;
  size_t components = 0;  // connected groups of systems (an isolated system is one)
};

CutResult FindCuts(const Graph& graph);

// ---- Betweenness centrality on the directed graph (unweighted; parallel integrations count
// once). The score of S is the sum over pairs (a, b) of other systems of the share of shortest
// routes from a to b that pass through S: NetworkX's betweenness_centrality(normalized=False).

// Up to this many systems the score is exact (all sources); above it, sampled.
constexpr size_t kExactBetweennessLimit = 5000;
constexpr size_t kDefaultBetweennessSamples = 500;

struct BetweennessOptions {
  // 0: exact up to kExactBetweennessLimit systems, else kDefaultBetweennessSamples sources.
  // Otherwise: that many sources, sampled (exact when it is n or more).
  size_t samples = 0;
  uint64_t seed = 1;
  bool force_exact = false;  // every source, whatever the size
  // Threads that share the sources; 0: one per core. The scores are the same bit for bit
  // whatever the number (sources are summed in fixed blocks, in the same order).
  unsigned threads = 0;
};

struct BetweennessResult {
  bool exact = true;
  size_t sources = 0;  // sources used: n when exact, k when sampled
  uint64_t seed = 0;   // the seed that chose the sampled sources
  // Per system index. Sampled: the sum over the k sources scaled by n/k (an unbiased estimate).
  std::vector<double> score;
};

BetweennessResult ComputeBetweenness(const Graph& graph, const BetweennessOptions& options);

// The k sources a sampled run uses: k distinct systems of [0, n), sorted, chosen by a partial
// Fisher-Yates shuffle driven by std::mt19937_64(seed), the same on every platform.
std::vector<SystemIndex> SampleSources(size_t n, size_t k, uint64_t seed);

// ---- Fan-in / fan-out.

struct Fan {
  SystemIndex system = 0;
  uint32_t fan_in = 0;     // integrations it receives
  uint32_t fan_out = 0;    // integrations it provides
  uint32_t providers = 0;  // distinct other systems it receives from
  uint32_t consumers = 0;  // distinct other systems it provides to
};

// Per system index.
std::vector<Fan> ComputeFan(const Graph& graph);

// ---- Dominators towards a target: D dominates S when every route (following the direction of
// the data) from S to the target passes through D.

struct DominatorResult {
  SystemIndex target = 0;
  // Per system: the first system every route to the target passes through (the target itself
  // when no single system lies on every route); kNoSystem for the target and for systems
  // without a route to it.
  std::vector<SystemIndex> next;
  // Per system: how many other systems have every route to the target through it.
  std::vector<size_t> dependents;
  size_t reaching = 0;  // systems with a route to the target (not counting it)

  bool Reaches(SystemIndex s) const { return next[s] != kNoSystem; }
  // The systems every route from `s` to the target passes through, nearest first, without the
  // target. Empty when `s` has no route, or several routes without a common system.
  std::vector<SystemIndex> Through(SystemIndex s) const;
};

DominatorResult ComputeDominators(const Graph& graph, SystemIndex target);

// ---- What an outage breaks: the systems downstream of a system along the data flow (they lose
// a provider, directly or through others; networkx.descendants), weighted by criticality.

// The weight of a system that loses data: critical 8, high 4, medium 2, low or unspecified 1.
uint32_t CriticalityWeight(Criticality c);

// Up to this many systems every system's reach is computed exactly.
constexpr size_t kExactOutageLimit = 5000;
constexpr size_t kDefaultOutageCandidates = 1000;
constexpr size_t kDefaultOutageSketch = 64;

struct OutageOptions {
  size_t exact_limit = kExactOutageLimit;
  bool force_exact = false;  // every system, whatever the size
  // Above the limit: how many groups of systems (a system, or the systems on one cycle of
  // integrations, which reach the same systems) with the largest estimated reach are counted
  // exactly, and the sketch size and seed of the estimate.
  size_t candidates = kDefaultOutageCandidates;
  size_t sketch_size = kDefaultOutageSketch;
  uint64_t seed = 1;
  unsigned threads = 0;  // 0: the machine's cores (at most 8); the result is the same for any
};

struct OutageReach {
  SystemIndex system = 0;
  uint64_t reached = 0;   // systems downstream that lose data when it fails
  uint64_t critical = 0;  // of them, how many are critical
  uint64_t weight = 0;    // the sum of their CriticalityWeight
};

struct OutageResult {
  // Exact reach for every system (true), or for the systems with the largest estimated reach.
  bool exact = true;
  size_t systems = 0;    // in the landscape
  size_t estimated = 0;  // when not exact: groups (see candidates) with an estimated reach
  size_t searched = 0;   // systems in `ranking`
  // Systems whose outage breaks something, exact numbers: weight (largest first), then
  // reached (most first), then id.
  std::vector<OutageReach> ranking;
};

OutageResult ComputeOutage(const Graph& graph, const OutageOptions& options);

// ---- Everything at once, ranked for output.

struct HotspotsQuery {
  BetweennessOptions betweenness;
  OutageOptions outage;
  std::optional<SystemIndex> towards;
};

struct HotspotsResult {
  OutageResult outage;
  CutResult cuts;
  BetweennessResult betweenness;
  std::vector<SystemIndex> by_betweenness;  // all systems: score (highest first), then id
  std::vector<Fan> fan;                     // all systems: fan_in + fan_out, then fan_in, then id
  std::optional<DominatorResult> dominators;
  // Systems that others depend on to reach the target: dependents (most first), then id.
  std::vector<SystemIndex> by_dependents;
  // Systems with a route to the target: criticality (critical first), then id.
  std::vector<SystemIndex> routes;
};

HotspotsResult ComputeHotspots(const Graph& graph, const HotspotsQuery& query);

}  // namespace landskap
