// Writing results: to stdout, or to a file atomically (temporary file, then rename), so that
// a failed run never leaves a partial file behind.
#pragma once

#include <string>
#include <string_view>

#include "cli/io.h"

namespace landskap::cli {

// Writes `content` to `path` ("-" or empty: stdout). On failure prints
// "landskap: PATH: error: ..." to io.err and returns false.
bool WriteOutput(const std::string& path, std::string_view content, Io io);

// Writes `content` to `path` through a temporary file in the same folder and a rename.
// Returns an empty string on success, else the reason.
std::string WriteFileAtomically(const std::string& path, std::string_view content);

}  // namespace landskap::cli
