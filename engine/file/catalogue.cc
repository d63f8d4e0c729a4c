// Loads the embedded national catalogue with the ordinary loader (so it obeys the format it
// documents) and copies its systems into landscapes that name them.
#include "engine/file/catalogue.h"

#include <algorithm>

#include "engine/file/load.h"
#include "engine/model/municipality.h"

namespace landskap {

const Landscape& Catalogue() {
  static const Landscape catalogue = [] {
    Landscape l;
    auto it = EmbeddedData().find("catalogue.json");
    if (it == EmbeddedData().end()) return l;
    Diagnostics ignored("catalogue.json");
    if (!LoadLandscapeText(it->second, "catalogue.json", &l, &ignored)) return Landscape();
    return l;
  }();
  return catalogue;
}

std::optional<SystemIndex> AddCatalogueSystem(std::string_view id, Landscape* landscape) {
  const Landscape& catalogue = Catalogue();
  auto index = catalogue.FindSystem(id);
  if (!index || landscape->FindSystem(id)) return std::nullopt;
  System system = catalogue.systems[*index];
  system.keys.clear();
  for (KeyIndex k : catalogue.systems[*index].keys)
    system.keys.push_back(landscape->InternKey(catalogue.keys[k].id));
  std::sort(system.keys.begin(), system.keys.end());
  system.cutover = Cutover();
  auto added = landscape->AddSystem(std::move(system));
  if (added) landscape->catalogue_used.push_back(std::string(id));
  return added;
}

}  // namespace landskap
