// A landscape diff as a table for people, Markdown for a workshop note, CSV for a spreadsheet
// (one row per added, removed or renamed item and per changed field) and JSON for programs.
#pragma once

#include <string>

#include "cli/output_format.h"
#include "engine/merge/diff.h"

namespace landskap::cli {

std::string FormatDiff(const LandscapeDiff& diff, const std::string& before,
                       const std::string& after, Format format);

}  // namespace landskap::cli
