// Blast radius: which systems and integrations a key change (or one system's change or
// outage) reaches, each with its distance, its reason and one shortest evidence path.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/analysis/graph.h"
#include "engine/analysis/scope.h"

namespace landskap {

enum class Direction { kDown, kUp, kBoth };

enum class Reason {
  kSource,       // named with --system
  kHoldsKey,     // holds the key and is in scope: a seed of a key change
  kReceivesKey,  // receives the key over an integration that carries it
  kDependsOn,    // consumes from an affected provider over an integration that does not carry it
  kProvider,     // upstream: provides (transitively) to a source
};

std::string_view ReasonName(Reason reason);
std::string_view DirectionName(Direction direction);
std::optional<Direction> ParseDirection(std::string_view text);

struct ImpactQuery {
  // Systems whose change or outage is asked about. Empty: the holders of `key` are the seeds.
  std::vector<SystemIndex> sources;
  // The key that changes. With sources, propagation follows integrations that carry it.
  std::optional<KeyIndex> key;
  Direction direction = Direction::kDown;
  // With a key: also propagate over integrations that do not carry it (reason depends-on).
  bool through_all = false;
  // Largest distance reported; nullopt: no limit.
  std::optional<int> max_depth;
  // Changing municipalities named by hand; overrides the file's change list.
  std::vector<std::string> owners;
};

struct AffectedSystem {
  SystemIndex system = 0;
  int distance = 0;
  Reason reason = Reason::kSource;
  // Evidence: systems from a seed to this one, and the integrations between them
  // (via.size() == path.size() - 1). Upstream paths run from the source against the data flow.
  std::vector<SystemIndex> path;
  std::vector<IntegrationIndex> via;
};

// What a split asks of each successor: the old municipality's affected systems (each successor
// needs each of them as its own, kept and renumbered or a new instance, as a shared service, or
// as a divided copy of its part of the data), and the integrations that carry the key between
// those systems and anything outside the old municipality (national registers, shared services,
// neighbours), which each successor needs for its own number.
struct SplitNeeds {
  std::string from;                            // the municipality that is split
  std::vector<std::string> successors;         // its new numbers, sorted
  std::vector<SystemIndex> systems;            // sorted by id
  std::vector<IntegrationIndex> integrations;  // sorted by id
};

struct ImpactResult {
  ImpactQuery query;
  ReformScope scope;
  size_t seed_count = 0;
  // Ranked: criticality (critical first), then distance, then id.
  std::vector<AffectedSystem> affected;
  // Sorted by id. With a key: every integration that carries it into a downstream-affected
  // system, or between upstream-affected systems. Without: every integration the propagation
  // followed between two affected systems.
  std::vector<IntegrationIndex> integrations;
  // One per split of the scope's reform (engine/analysis/split_needs.cc); empty otherwise.
  std::vector<SplitNeeds> splits;
};

ImpactResult ComputeImpact(const Graph& graph, const ImpactQuery& query);

// The SplitNeeds of every split in `result`'s scope, from its affected systems and integrations.
std::vector<SplitNeeds> ComputeSplitNeeds(const Landscape& landscape, const ImpactResult& result);

}  // namespace landskap
