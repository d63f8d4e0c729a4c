// Impact results as a table for people, Markdown for a workshop document (in --lang: bokmål by
// default, English with --lang en), JSON and CSV for programs.
#pragma once

#include <string>

#include "cli/formats/table.h"
#include "engine/analysis/impact.h"
#include "viz/i18n.h"

namespace landskap::cli {

std::string FormatImpactTable(const Landscape& landscape, const ImpactResult& result);
std::string FormatImpactJson(const Landscape& landscape, const ImpactResult& result,
                             const std::string& file);
std::string FormatImpactCsv(const Landscape& landscape, const ImpactResult& result);
// The same JSON and CSV, written piece by piece (one affected system or integration at a
// time), so that a national answer never sits in memory as a whole.
void WriteImpactJson(const Landscape& landscape, const ImpactResult& result,
                     const std::string& file, const Sink& sink);
void WriteImpactCsv(const Landscape& landscape, const ImpactResult& result, const Sink& sink);
void WriteImpactTable(const Landscape& landscape, const ImpactResult& result, const Sink& sink);
// The same answer as a Markdown document, written piece by piece: a heading, the affected
// systems and integrations as tables, and the summary.
void WriteImpactMarkdown(const Landscape& landscape, const ImpactResult& result,
                         viz::Language language, const Sink& sink);
std::string FormatImpactMarkdown(const Landscape& landscape, const ImpactResult& result,
                                 viz::Language language);

// "a → b → … → z": the evidence path shortened to fit `width` columns.
std::string EvidenceLine(const Landscape& landscape, const AffectedSystem& affected, size_t width);

}  // namespace landskap::cli
