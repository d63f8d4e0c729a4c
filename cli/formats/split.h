// The summary of `landskap split` as a table for people, Markdown for the project's documents
// and JSON for programs: per successor its systems, new instances, extraction and agreement
// tasks and their days, the decision for every system of the old municipality, the tasks, the
// rebuilt integrations and those a new instance has no counterpart for, effort by vendor.
#pragma once

#include <string>

#include "cli/output_format.h"
#include "engine/merge/split.h"

namespace landskap::cli {

std::string FormatSplitSummary(const SplitSummary& summary, Format format);

}  // namespace landskap::cli
