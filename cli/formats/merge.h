// The summary of `landskap merge` as a table for people, Markdown for the project's documents
// and JSON for programs: survivors and retirements per domain, proposals, re-pointed and
// orphaned integrations, conversion effort per vendor, and the conflicts between the files.
#pragma once

#include <string>

#include "cli/output_format.h"
#include "engine/merge/merge.h"

namespace landskap::cli {

std::string FormatMergeSummary(const MergeSummary& summary, const std::string& name, Format format);

}  // namespace landskap::cli
