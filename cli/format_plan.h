// The cutover plan as a table for people, Markdown for a workshop document, CSV for a
// spreadsheet or Gantt tool, and JSON for programs.
#pragma once

#include <string>

#include "cli/format.h"
#include "engine/plan.h"

namespace landskap::cli {

// What the plan covers, in words, for the heading: e.g. "the 23 systems affected by a change
// of kommunenummer" and, when scoped, "Scope: ...".
struct PlanHeading {
  std::string tasks;
  std::string scope;  // empty when the change is not scoped
};

std::string FormatPlanTable(const Landscape& landscape, const Plan& plan,
                            const PlanHeading& heading);
std::string FormatPlanMarkdown(const Landscape& landscape, const Plan& plan,
                               const PlanHeading& heading);
std::string FormatPlanCsv(const Landscape& landscape, const Plan& plan);
std::string FormatPlanJson(const Landscape& landscape, const Plan& plan, const std::string& file);

}  // namespace landskap::cli
