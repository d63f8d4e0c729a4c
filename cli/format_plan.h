// The cutover plan as a table for people, Markdown for a workshop document, CSV for a
// spreadsheet or Gantt tool, and JSON for programs.
#pragma once

#include <string>

#include "cli/format.h"
#include "cli/format_heading.h"
#include "engine/plan.h"

namespace landskap::cli {

std::string FormatPlanTable(const Landscape& landscape, const Plan& plan,
                            const PlanHeading& heading);
std::string FormatPlanMarkdown(const Landscape& landscape, const Plan& plan,
                               const PlanHeading& heading);
std::string FormatPlanCsv(const Landscape& landscape, const Plan& plan);
std::string FormatPlanJson(const Landscape& landscape, const Plan& plan, const std::string& file);
// The same JSON written piece by piece (one task at a time) for the command's streamed output.
void WritePlanJson(const Landscape& landscape, const Plan& plan, const std::string& file,
                   const Sink& sink);

}  // namespace landskap::cli
