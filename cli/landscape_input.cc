// The coordinator's own files as landscapes: a workbook, a CSV pair or an Archi model is read by
// the importer that is surest of it, written as landskap/1 text and loaded by the very loader a
// landscape file goes through, so that an answer from the workbook equals the answer from the
// file `landskap import` would have written.
#include "cli/landscape_input.h"

#include <filesystem>
#include <fstream>
#include <ostream>

#include "cli/formats/table.h"
#include "engine/file/input.h"
#include "engine/file/load.h"
#include "engine/file/write_landscape.h"
#include "engine/formats/change_table.h"
#include "engine/formats/importer.h"
#include "engine/model/text.h"

namespace landskap::cli {
namespace {

// The first bytes of a regular file (at most 512), or nothing for anything else: a pipe or a
// device must not be read here, or the loader would miss what was eaten.
std::string Head(const std::string& path) {
  std::error_code ec;
  if (path == "-" || !std::filesystem::is_regular_file(path, ec)) return "";
  std::ifstream in(path, std::ios::binary);
  std::string head(512, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<size_t>(in.gcount()));
  return head;
}

// A landscape file begins with '{' (after a byte order mark and white space).
bool LooksLikeJson(std::string_view head) {
  if (head.substr(0, 3) == "\xEF\xBB\xBF") head.remove_prefix(3);
  size_t start = head.find_first_not_of(" \t\r\n");
  return start != std::string_view::npos && head[start] == '{';
}

}  // namespace

bool IsImportSource(const std::vector<std::string>& paths) {
  if (paths.empty()) return false;
  if (paths.size() == 1) {
    const std::string& path = paths.front();
    std::error_code ec;
    bool folder = std::filesystem::is_directory(path, ec);
    if (path == "-" || FileEnding(path) == ".json") return false;
    if (!folder) {
      std::string head = Head(path);
      if (head.empty() || LooksLikeJson(head)) return false;
    }
  }
  return BestImporter(paths) != nullptr;
}

std::string ChangeTableWhereLandscapeBelongs(const std::string& path) {
  std::string head = Head(path);
  if (head.empty() || LooksLikeJson(head) || head.compare(0, 4, "PK\x03\x04") == 0) return "";
  InputRules rules;
  rules.what = "a change table";
  rules.max_bytes = size_t{64} << 20;
  rules.convert_windows_1252 = true;
  InputText input;
  Diagnostics ignored(path);
  if (!ReadInput(path, rules, &input, &ignored)) return "";
  std::vector<ChangeRow> rows;
  if (!ReadChangeRows(input.text, path, "kommunenummer", &rows, nullptr, &ignored) || rows.empty())
    return "";
  return "this is a change table (" + Count(rows.size(), "change", "changes") +
         " of kommunenummer), not a landscape; give it with --changes next to the landscape or "
         "workbook it changes, e.g. 'landskap impact inventar.xlsx --key kommunenummer "
         "--changes " +
         path + "'";
}

bool ImportForCommand(const std::vector<std::string>& paths, Landscape* landscape, Io io) {
  const std::string& file = paths.front();
  const Importer* importer = BestImporter(paths);
  if (!importer) return false;
  Landscape imported;
  imported.format = "landskap/1";
  ImportReport report;
  Diagnostics diagnostics(file);
  bool read = importer->read(paths, ImportOptions{}, &imported, &report, &diagnostics);
  if (report.kind.empty()) report.kind = std::string(importer->description);
  if (!read && !diagnostics.HasErrors())
    diagnostics.Error("", "no system could be taken from this source (" + report.kind +
                              "); 'landskap import " + file +
                              "' reports what it holds and what was skipped");
  for (const Diagnostic& d : diagnostics.Items()) io.err << FormatDiagnostic(d) << "\n";
  if (diagnostics.HasErrors()) {
    io.err << file << ": " << Count(diagnostics.ErrorCount(), "error", "errors")
           << "; nothing was analysed.\n";
    return false;
  }
  // What was read, in one line; the full report is `landskap import`'s.
  std::string taken;
  for (const auto& [what, n] : report.taken)
    taken += (taken.empty() ? "" : ", ") + std::to_string(n) + " " + what;
  io.err << file << ": note: read as " << report.kind << " (" << (taken.empty() ? "nothing" : taken)
         << ")";
  if (!report.skipped.empty())
    io.err << "; " << report.skipped.size()
           << " things left out, which 'landskap import' lists with their places";
  io.err << "\n";
  // Checked and interned by the loader, exactly as the file import would write.
  std::string text = WriteLandscape(imported);
  imported = Landscape();
  LoadOptions options;
  options.use_catalogue = true;
  Diagnostics validation(file);
  bool ok = LoadLandscapeText(text, file, landscape, &validation, nullptr, options);
  for (const Diagnostic& d : validation.Items()) io.err << FormatDiagnostic(d) << "\n";
  if (!ok)
    io.err << file << ": " << Count(validation.ErrorCount(), "error", "errors")
           << "; nothing was analysed.\n";
  return ok;
}

}  // namespace landskap::cli
