// Writing a command's answer: to stdout, to a regular file atomically (a temporary file beside
// it, then a rename, so a failed run never leaves a partial file), or as a stream to a pipe or
// a device. A pipe, a device or a link is never replaced by a regular file.
#pragma once

#include <string>
#include <string_view>

#include "cli/io.h"

namespace landskap::cli {

// Writes `content` to `path` ("-" or empty: stdout). On failure prints
// "landskap: PATH: error: ..." to io.err and returns false.
bool WriteOutput(const std::string& path, std::string_view content, Io io);

// Writes `content` to `path`: atomically onto a regular file or a new path (through a link,
// onto the file it points to, keeping the link), as a stream onto a pipe or a character device.
// Returns an empty string on success, else the reason in words for people.
std::string WriteFile(const std::string& path, std::string_view content);

}  // namespace landskap::cli
