// The formats a command can write, their names for --format, and the format an output file's
// extension asks for, so that `-o impact.csv` writes CSV without a --format.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace landskap::cli {

enum class Format {
  kTable,
  kJson,
  kCsv,
  kMarkdown,
  kHtml,
  kSvg,
  kPng,
  kPdf,
  kDot,
  kMsProject,
  kIcs,
  kMermaid,
  kXlsx,
  kXml
};

// "table", "json", "csv", "markdown" (also "md"), "html", "svg", "png", "pdf", "dot",
// "msproject" (MS Project XML), "ics" (iCalendar), "mermaid" (a Mermaid gantt block), "xlsx",
// "xml" (the Open Group model exchange format).
std::optional<Format> ParseFormat(std::string_view text);
std::string_view FormatName(Format format);
// The format's usual file ending with its dot (".txt", ".md"), or "" for none.
std::string_view FormatEnding(Format format);
// The format a file name's extension names (.json, .csv, .md, .txt, .html, .svg, .png, .pdf,
// .dot/.gv, .xml, .ics/.ical, .mmd, .xlsx; any case), or nullopt for none of them and for "-".
// Where two formats share an ending (.xml: MS Project and the model exchange format), the one
// `offered` lists first wins; without `offered`, the first in the table (msproject).
std::optional<Format> FormatFromPath(const std::string& path,
                                     const std::vector<Format>* offered = nullptr);

}  // namespace landskap::cli
