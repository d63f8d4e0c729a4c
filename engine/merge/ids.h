// Ids of the systems and integrations that `merge` and `split` make: which integration ids only
// spell their ends (and so must be made again when an end changes).
#pragma once

#include <string>

namespace landskap {

// "FROM:TO" or "FROM:TO+N": an id that only repeats its ends, which re-pointing makes wrong.
bool IdSpellsEnds(const std::string& id, const std::string& from, const std::string& to);

}  // namespace landskap
