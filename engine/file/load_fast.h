// The fast path of the landscape loader: simdjson's on-demand parser reads a file that has
// nothing to report straight into the model. It gives up (returns false) at the first thing that
// would need a diagnostic (a syntax error, a wrong type, an unknown field, a duplicate, a
// warning ...), and the precise loader (engine/file/load.cc) then reads the file again and reports
// everything with line:column or a JSON path. So a clean file costs one fast pass, a file with
// problems a fast pass that stops early plus the precise one, and messages never change.
#pragma once

#include <cstddef>
#include <string_view>

#include "engine/file/load.h"
#include "engine/model/landscape.h"

namespace landskap {

// Reads `text` into `landscape` and returns true when the file is clean: no error and no
// warning. `capacity` is how many bytes are readable from text.data() (at least text.size());
// simdjson reads up to 64 bytes past the end, so with less than that the text is copied first.
// On false, `landscape` holds a partial model and must be discarded. With
// `options.use_catalogue`, systems the file names without defining come from the national
// catalogue at the same moments, and so with the same indices, as in the precise loader.
bool LoadLandscapeFast(std::string_view text, size_t capacity, Landscape* landscape,
                       const LoadOptions& options = {});

}  // namespace landskap
