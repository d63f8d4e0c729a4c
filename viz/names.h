// How the pictures and the page name an owner: a municipality by its number and name
// ("1246 Fjell", from the engine's register of municipalities), and the number a merger gives
// it ("1246 Fjell → 4626 Øygarden"), and how long a name in a picture may be. One place, so
// every picture names owners alike.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "engine/model/landscape.h"

namespace landskap::viz {

// The most characters of a name a box, a cluster, an arrow, a bar or a legend line shows (the
// whole name stays in the tooltip; names are cut with Ellipsize, engine/model/text.h): an
// 8 000-character name would make a picture 60 000 pt wide, a 40 000-character one more than
// Graphviz can lay out.
constexpr size_t kLabelChars = 80;
// The most characters of a picture's title.
constexpr size_t kTitleChars = 100;

// The owner with where its number goes when the landscape's changes move it:
// "1246 Fjell → 4626 Øygarden"; otherwise OwnerLabel(owner): "1246 Fjell", "Kartverket".
std::string OwnerWithChange(const Landscape& landscape, std::string_view owner);

}  // namespace landskap::viz
