// How the pictures and the page name an owner: a municipality by its number, and the number a
// merger gives it ("1246 → 4626"). One place, so that municipality names ("1246 Fjell", from
// the engine's register of municipalities) reach every picture at once when they are known.
#pragma once

#include <string>
#include <string_view>

#include "engine/landscape.h"

namespace landskap::viz {

// An owner as people read it: a kommunenummer with the municipality's name when it is known,
// any other owner as written.
std::string OwnerName(std::string_view owner);
// The owner with where its number goes when the landscape's changes move it:
// "1246 → 4626"; otherwise OwnerName(owner).
std::string OwnerWithChange(const Landscape& landscape, std::string_view owner);

}  // namespace landskap::viz
