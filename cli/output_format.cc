// Format names and file extensions: one table, read both ways.
#include "cli/output_format.h"

#include <algorithm>
#include <array>
#include <filesystem>
#include <utility>

#include "engine/model/text.h"

namespace landskap::cli {
namespace {

struct FormatInfo {
  Format format;
  std::string_view name;
  std::array<std::string_view, 2> extensions;
};

constexpr std::array<FormatInfo, 14> kFormats = {{
    {Format::kTable, "table", {".txt", ""}},
    {Format::kJson, "json", {".json", ""}},
    {Format::kCsv, "csv", {".csv", ""}},
    {Format::kMarkdown, "markdown", {".md", ".markdown"}},
    {Format::kHtml, "html", {".html", ".htm"}},
    {Format::kSvg, "svg", {".svg", ""}},
    {Format::kPng, "png", {".png", ""}},
    {Format::kPdf, "pdf", {".pdf", ""}},
    {Format::kDot, "dot", {".dot", ".gv"}},
    {Format::kMsProject, "msproject", {".xml", ""}},
    {Format::kIcs, "ics", {".ics", ".ical"}},
    {Format::kMermaid, "mermaid", {".mmd", ""}},
    {Format::kXlsx, "xlsx", {".xlsx", ""}},
    // The Open Group exchange format (export archimate); .xml is MS Project's unless the
    // command writes no plan (see FormatFromPath).
    {Format::kXml, "xml", {".xml", ""}},
}};

}  // namespace

std::optional<Format> ParseFormat(std::string_view text) {
  if (text == "md") return Format::kMarkdown;
  for (const FormatInfo& f : kFormats)
    if (f.name == text) return f.format;
  return std::nullopt;
}

std::string_view FormatName(Format format) {
  for (const FormatInfo& f : kFormats)
    if (f.format == format) return f.name;
  return "table";
}

std::string_view FormatEnding(Format format) {
  for (const FormatInfo& f : kFormats)
    if (f.format == format) return f.extensions[0];
  return "";
}

std::optional<Format> FormatFromPath(const std::string& path, const std::vector<Format>* offered) {
  if (path.empty() || path == "-") return std::nullopt;
  std::string ext = FileEnding(path);
  if (ext.empty()) return std::nullopt;
  std::optional<Format> first;
  for (const FormatInfo& f : kFormats)
    for (std::string_view e : f.extensions) {
      if (e.empty() || e != ext) continue;
      if (offered && std::find(offered->begin(), offered->end(), f.format) != offered->end())
        return f.format;
      if (!first) first = f.format;
    }
  return first;
}

}  // namespace landskap::cli
