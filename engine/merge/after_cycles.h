// The cycles `plan` refuses: an `after` between two systems that integrations or other `after`s
// also order the other way round (the plan's rule, engine/plan/bundles.cc). Merge checks its
// result with it, so that it never writes a landscape that `plan --all` cannot order because of
// its own re-pointing.
#pragma once

#include <cstddef>
#include <vector>

#include "engine/model/landscape.h"

namespace landskap {

struct AfterCycles {
  // Each cycle is closed (front() == back()) and starts with an `after` step: cycle[1] is after
  // cycle[0]. A shortest way back, so that messages stay short; one per cycle, however many of
  // its steps are `after`s.
  std::vector<std::vector<SystemIndex>> cycles;
  size_t more = 0;  // `after` constraints inside a cycle that were not looked at (over the limit)
};

// Precedence as `plan --all` sees it: an integration orders its provider before its consumer,
// `after` its systems before the one that lists them. At most `max_cycles` cycles are listed;
// the work is linear in the landscape per cycle listed.
AfterCycles FindAfterCycles(const Landscape& landscape, size_t max_cycles);

}  // namespace landskap
