// The national catalogue: the registers and common services municipalities integrate with
// (Folkeregisteret, Enhetsregisteret, Matrikkelen, Altinn, KS Fiks, NAV, Norsk helsenett …),
// shipped as datasets/catalogue.json (landskap/1, each system with the public source of its
// facts) and embedded in the binary. A landscape that names a catalogue id without defining it
// gets the catalogue's system (LoadOptions::use_catalogue), so a municipality's file lists only
// its own systems.
#pragma once

#include <string_view>

#include "engine/model/landscape.h"

namespace landskap {

// The catalogue, loaded from the embedded file on first use. Empty if the embedded file were
// broken (a test checks it loads without errors).
const Landscape& Catalogue();

// Adds the catalogue's system `id` to `landscape` (its keys interned by id, no cutover) and
// records it in Landscape::catalogue_used. Returns the new index, or nullopt when `id` is not in
// the catalogue or already in `landscape`.
std::optional<SystemIndex> AddCatalogueSystem(std::string_view id, Landscape* landscape);

}  // namespace landskap
