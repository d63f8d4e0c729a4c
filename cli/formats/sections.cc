// Rendering summaries in sections (cli/formats/sections.h).
#include "cli/formats/sections.h"

#include <sstream>

#include "engine/model/text.h"

namespace landskap::cli {

std::string RenderSummary(const std::string& headline, const std::vector<SummarySection>& sections,
                          bool markdown) {
  std::string out = markdown ? "# " + VisibleText(headline) + "\n" : VisibleText(headline) + "\n";
  for (const SummarySection& sec : sections) {
    out += markdown ? "\n## " + sec.title + "\n\n" : "\n" + sec.title + "\n";
    if (!sec.intro.empty()) out += VisibleText(sec.intro) + (markdown ? "\n\n" : "\n");
    if (sec.table.RowCount() > 0) out += markdown ? sec.table.RenderMarkdown() : sec.table.Render();
  }
  return out;
}

std::string FormatDays(double days) {
  std::ostringstream out;
  out << days;
  return out.str();
}

}  // namespace landskap::cli
