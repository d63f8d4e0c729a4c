// A summary for people in sections, each a title, a paragraph and a table, as text for the
// terminal or as Markdown for the project's documents: the shape of the summaries of
// `landskap merge` and `landskap split`.
#pragma once

#include <string>
#include <vector>

#include "cli/formats/table.h"

namespace landskap::cli {

struct SummarySection {
  std::string title;
  std::string intro;  // a paragraph before the table; "" for none
  TextTable table;
};

// The headline, then each section (a table only when it has rows). Markdown: "# headline",
// "## title".
std::string RenderSummary(const std::string& headline, const std::vector<SummarySection>& sections,
                          bool markdown);

// Days as people write them: 3, 2.5.
std::string FormatDays(double days);

}  // namespace landskap::cli
