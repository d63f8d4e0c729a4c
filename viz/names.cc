// Owner names for pictures and the page: engine/model/municipality.h's OwnerLabel, with the new
// number of a municipality the landscape's changes move.
#include "viz/names.h"

#include "engine/model/municipality.h"

namespace landskap::viz {

std::string OwnerWithChange(const Landscape& landscape, std::string_view owner) {
  for (const Change& c : landscape.changes)
    if (c.from == owner && !c.to.empty()) return OwnerLabel(owner) + " \u2192 " + OwnerLabel(c.to);
  return OwnerLabel(owner);
}

}  // namespace landskap::viz
