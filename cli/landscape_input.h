// Where a command takes a landscape, it also takes what the coordinator keeps: an Excel workbook
// (the one `landskap template` writes, filled in), a CSV pair or an Archi model. These are
// imported in memory by the readers of `landskap import` (engine/formats/importer.h), checked as
// the imported file would be, and used without writing anything. A change table given where a
// landscape belongs is named as such.
#pragma once

#include <string>
#include <vector>

#include "cli/io.h"
#include "engine/model/landscape.h"

namespace landskap::cli {

// True when `paths` are one source an importer reads (a workbook, a CSV pair, an Archi model)
// rather than a landscape file; a landscape file, "-" and anything no importer claims go to the
// landscape loader.
bool IsImportSource(const std::vector<std::string>& paths);

// Imports `paths` into `landscape` in memory and loads the result as the landscape loader
// loads a file (with the national catalogue), printing the readers' warnings and errors and a
// note of what was read. False (after printing why) when there were errors.
bool ImportForCommand(const std::vector<std::string>& paths, Landscape* landscape, Io io);

// When `path` is a change table (a CSV file of old and new kommunenummer), the sentence that
// says so and where to give it; empty otherwise. Only regular files are looked into.
std::string ChangeTableWhereLandscapeBelongs(const std::string& path);

}  // namespace landskap::cli
