// Ids made by merge and split (engine/merge/ids.h).
#include "engine/merge/ids.h"

namespace landskap {

bool IdSpellsEnds(const std::string& id, const std::string& from, const std::string& to) {
  std::string pair = from + ":" + to;
  if (id == pair) return true;
  if (id.size() <= pair.size() + 1 || id.compare(0, pair.size(), pair) != 0 ||
      id[pair.size()] != '+')
    return false;
  return id.find_first_not_of("0123456789", pair.size() + 1) == std::string::npos;
}

}  // namespace landskap
