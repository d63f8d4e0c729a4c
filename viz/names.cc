// Owner names for pictures and the page. A kommunenummer is shown as written until the engine
// can name municipalities; OwnerName is the one function to change then.
#include "viz/names.h"

namespace landskap::viz {

std::string OwnerName(std::string_view owner) { return std::string(owner); }

std::string OwnerWithChange(const Landscape& landscape, std::string_view owner) {
  for (const Change& c : landscape.changes)
    if (c.from == owner && !c.to.empty()) return OwnerName(owner) + " \u2192 " + OwnerName(c.to);
  return OwnerName(owner);
}

}  // namespace landskap::viz
