// How the pictures and the page name an owner: a municipality by its number and name
// ("1246 Fjell", from the engine's register of municipalities), and the number a merger gives
// it ("1246 Fjell → 4626 Øygarden"). One place, so every picture names owners alike.
#pragma once

#include <string>
#include <string_view>

#include "engine/model/landscape.h"

namespace landskap::viz {

// The owner with where its number goes when the landscape's changes move it:
// "1246 Fjell → 4626 Øygarden"; otherwise OwnerLabel(owner): "1246 Fjell", "Kartverket".
std::string OwnerWithChange(const Landscape& landscape, std::string_view owner);

}  // namespace landskap::viz
