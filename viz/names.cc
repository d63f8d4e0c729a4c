// Owner names for pictures and the page: engine/model/municipality.h's OwnerLabel, with the new
// number of a municipality the landscape's changes move.
#include "viz/names.h"

#include <algorithm>
#include <vector>

#include "engine/model/municipality.h"

namespace landskap::viz {

std::string OwnerWithChange(const Landscape& landscape, std::string_view owner) {
  // Every number the owner goes to, whatever order the rows come in: a split names all its
  // successors ("1507 Ålesund → 1508 Ålesund + 1580 Haram"); a border adjustment moves only a part.
  std::vector<std::string> whole, parts;
  for (const Change& c : landscape.changes) {
    if (c.from != owner || c.to.empty() || c.to == c.from) continue;
    (c.kind == ReformKind::kBorderAdjustment ? parts : whole).push_back(c.to);
  }
  for (auto* list : {&whole, &parts}) {
    std::sort(list->begin(), list->end());
    list->erase(std::unique(list->begin(), list->end()), list->end());
  }
  std::string out = OwnerLabel(owner);
  for (size_t i = 0; i < whole.size(); ++i)
    out += (i == 0 ? " \u2192 " : " + ") + OwnerLabel(whole[i]);
  for (const std::string& p : parts) out += " (\u2192 " + OwnerLabel(p) + ")";
  return out;
}

}  // namespace landskap::viz
