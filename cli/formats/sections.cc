// Rendering summaries in sections (cli/formats/sections.h).
#include "cli/formats/sections.h"

#include <sstream>

#include "cli/formats/table.h"
#include "engine/model/text.h"

namespace landskap::cli {

std::string RenderSummary(const std::string& headline, const std::vector<SummarySection>& sections,
                          bool markdown) {
  // Markdown is read as HTML too: names in the headline and intros are escaped (MarkdownText).
  std::string out = markdown ? "# " + MarkdownText(headline) + "\n" : VisibleText(headline) + "\n";
  for (const SummarySection& sec : sections) {
    out += markdown ? "\n## " + sec.title + "\n\n" : "\n" + sec.title + "\n";
    if (!sec.intro.empty())
      out += markdown ? MarkdownText(sec.intro) + "\n\n" : VisibleText(sec.intro) + "\n";
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
