// impact, plan and stats as Excel workbooks (--format xlsx): one sheet per table, headers in
// --lang (impact, plan; bokmål by default) or Norwegian (stats), frozen header row, filters,
// column widths, dates as Excel dates (cli/formats/xlsx_writer.h). The columns are those of the CSV
// formats, so a sheet and a CSV file of the same result agree.
#pragma once

#include <optional>
#include <string>

#include "engine/analysis/impact.h"
#include "engine/analysis/stats.h"
#include "engine/plan/plan.h"
#include "viz/i18n.h"

namespace landskap::cli {

// Each returns the workbook's bytes, or nullopt with `error` set.
std::optional<std::string> FormatImpactXlsx(const Landscape& landscape, const ImpactResult& result,
                                            viz::Language language, std::string* error,
                                            std::string* note = nullptr);
std::optional<std::string> FormatPlanXlsx(const Landscape& landscape, const Plan& plan,
                                          viz::Language language, std::string* error,
                                          std::string* note = nullptr);
std::optional<std::string> FormatStatsXlsx(const Landscape& landscape, const LandscapeStats& stats,
                                           std::string* error, std::string* note = nullptr);

}  // namespace landskap::cli
