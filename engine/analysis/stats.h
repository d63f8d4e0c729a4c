// Counts that describe a landscape: by kind, owner, domain and key, and degree extremes.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "engine/analysis/graph.h"

namespace landskap {

struct KeyUse {
  std::string key;
  size_t holders = 0;   // systems that hold it
  size_t carriers = 0;  // integrations that carry it
};

struct DegreeEntry {
  SystemIndex system = 0;
  size_t degree = 0;
};

struct LandscapeStats {
  size_t systems = 0;
  size_t integrations = 0;
  size_t changes = 0;
  std::map<std::string, size_t> by_kind;  // "" counted as "(unspecified)"
  std::map<std::string, size_t> by_owner;
  std::map<std::string, size_t> by_domain;
  std::vector<KeyUse> keys;              // sorted by key id
  std::vector<DegreeEntry> top_fan_in;   // most consumed-from first (providers), ties by id
  std::vector<DegreeEntry> top_fan_out;  // most providing first
  size_t isolated = 0;                   // systems with no integration at all
};

// `top` limits the degree lists.
LandscapeStats ComputeStats(const Graph& graph, size_t top);

}  // namespace landskap
