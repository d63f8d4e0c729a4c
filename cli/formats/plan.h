// The cutover plan as a table for people, Markdown for a workshop document, CSV for a
// spreadsheet or Gantt tool, and JSON for programs. The Markdown is in the --lang language
// (bokmål by default, through po/nb.po); the table, CSV and JSON stay English.
#pragma once

#include <string>

#include "cli/formats/heading.h"
#include "cli/formats/table.h"
#include "engine/plan/plan.h"
#include "viz/i18n.h"

namespace landskap::cli {

std::string FormatPlanTable(const Landscape& landscape, const Plan& plan,
                            const PlanHeading& heading);
std::string FormatPlanMarkdown(const Landscape& landscape, const Plan& plan,
                               const PlanHeading& heading,
                               viz::Language language = viz::Language::kEnglish);
std::string FormatPlanCsv(const Landscape& landscape, const Plan& plan);
std::string FormatPlanJson(const Landscape& landscape, const Plan& plan, const std::string& file);
// The same, written piece by piece (a task, a row at a time) for the command's streamed output,
// so that a national plan is never held as one text. The Format* forms collect these.
void WritePlanTable(const Landscape& landscape, const Plan& plan, const PlanHeading& heading,
                    const Sink& sink);
void WritePlanMarkdown(const Landscape& landscape, const Plan& plan, const PlanHeading& heading,
                       viz::Language language, const Sink& sink);
void WritePlanCsv(const Landscape& landscape, const Plan& plan, const Sink& sink);
void WritePlanJson(const Landscape& landscape, const Plan& plan, const std::string& file,
                   const Sink& sink);

}  // namespace landskap::cli
