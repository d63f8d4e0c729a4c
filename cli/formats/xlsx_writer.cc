// Building workbooks with libxlsxwriter in a private temporary file and reading the bytes back.
#include "cli/formats/xlsx_writer.h"

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "cli/formats/table.h"
#include "engine/model/text.h"

namespace landskap::cli {

double ExcelSerial(DayNumber day) { return static_cast<double>(day) + 25569.0; }

void XlsxProblems::Check(lxw_error result, const std::string& what) {
  if (result != LXW_NO_ERROR && error.empty()) error = what + ": " + lxw_strerror(result);
}

std::string XlsxProblems::Note() const {
  if (shortened == 0) return "";
  return std::to_string(shortened) + (shortened == 1 ? " cell was" : " cells were") +
         " longer than Excel's limit of 32 767 characters and " +
         (shortened == 1 ? "was" : "were") +
         " shortened, ending in \u2026 (the first: " + first_shortened +
         "); the JSON output has the whole text";
}

void WriteText(lxw_worksheet* sheet, const std::string& sheet_name, lxw_row_t row, lxw_col_t col,
               std::string_view text, lxw_format* format, XlsxProblems* problems) {
  char cell[32];
  lxw_rowcol_to_cell(cell, row, col);
  std::string value(text);
  if (value.size() > kXlsxMaxCellChars) {  // bytes >= characters: only then can it be too long
    std::string cut = Ellipsize(value, kXlsxMaxCellChars);
    if (cut != value) {
      if (problems->shortened++ == 0) problems->first_shortened = sheet_name + "!" + cell;
      value = std::move(cut);
    }
  }
  problems->Check(worksheet_write_string(sheet, row, col, value.c_str(), format),
                  "cannot write the cell " + sheet_name + "!" + cell);
}

std::optional<std::string> BuildXlsx(const std::function<void(lxw_workbook*, XlsxProblems*)>& fill,
                                     std::string* error, std::string* note) {
  const char* tmp = std::getenv("TMPDIR");
  std::string path = std::string(tmp && *tmp ? tmp : "/tmp") + "/landskap-XXXXXX.xlsx";
  int fd = mkstemps(path.data(), 5);
  if (fd < 0) {
    *error = "cannot create a temporary file for the workbook in " +
             std::string(tmp && *tmp ? tmp : "/tmp");
    return std::nullopt;
  }
  ::close(fd);
  lxw_workbook* workbook = workbook_new(path.c_str());
  if (!workbook) {
    ::unlink(path.c_str());
    *error = "cannot start a workbook";
    return std::nullopt;
  }
  XlsxProblems problems;
  fill(workbook, &problems);
  lxw_error result = workbook_close(workbook);
  std::optional<std::string> bytes;
  if (result == LXW_NO_ERROR && problems.error.empty()) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream data;
    data << in.rdbuf();
    if (in) bytes = data.str();
  }
  ::unlink(path.c_str());
  if (!problems.error.empty())
    *error = "cannot write the workbook: " + problems.error;
  else if (!bytes)
    *error = std::string("cannot write the workbook: ") + lxw_strerror(result);
  if (bytes && note) *note = problems.Note();
  return bytes;
}

std::optional<std::string> TablesToXlsx(const std::vector<XlsxSheet>& sheets, std::string* error,
                                        std::string* note) {
  return BuildXlsx(
      [&](lxw_workbook* workbook, XlsxProblems* problems) {
        lxw_format* bold = workbook_add_format(workbook);
        format_set_bold(bold);
        format_set_bg_color(bold, 0xDDEBF7);
        format_set_bottom(bold, LXW_BORDER_THIN);
        lxw_format* date = workbook_add_format(workbook);
        format_set_num_format(date, "dd.mm.yyyy");
        for (const XlsxSheet& sheet : sheets) {
          problems->Check(workbook_validate_sheet_name(workbook, sheet.name.c_str()),
                          "cannot name a sheet '" + sheet.name + "'");
          lxw_worksheet* ws = problems->error.empty()
                                  ? workbook_add_worksheet(workbook, sheet.name.c_str())
                                  : nullptr;
          if (!ws) {
            problems->Check(LXW_ERROR_MEMORY_MALLOC_FAILED, "cannot add the sheet " + sheet.name);
            return;
          }
          std::vector<size_t> width(sheet.header.size(), 8);
          for (size_t c = 0; c < sheet.header.size(); ++c) {
            WriteText(ws, sheet.name, 0, static_cast<lxw_col_t>(c), VisibleText(sheet.header[c]),
                      bold, problems);
            width[c] = std::max(width[c], DisplayWidth(sheet.header[c]) + 3);
          }
          for (size_t r = 0; r < sheet.rows.size(); ++r) {
            const auto& row = sheet.rows[r];
            auto xr = static_cast<lxw_row_t>(r + 1);
            for (size_t c = 0; c < row.size() && c < sheet.header.size(); ++c) {
              auto xc = static_cast<lxw_col_t>(c);
              char cell[32];
              lxw_rowcol_to_cell(cell, xr, xc);
              if (const auto* s = std::get_if<std::string>(&row[c])) {
                // XML cannot hold control characters; show them as elsewhere (\xNN).
                WriteText(ws, sheet.name, xr, xc, VisibleText(*s, LineBreaks::kKeep), nullptr,
                          problems);
                width[c] = std::max(width[c], DisplayWidth(*s) + 1);
              } else if (const auto* n = std::get_if<double>(&row[c])) {
                problems->Check(worksheet_write_number(ws, xr, xc, *n, nullptr),
                                "cannot write the cell " + sheet.name + "!" + cell);
              } else if (const auto* d = std::get_if<XlsxDate>(&row[c])) {
                problems->Check(worksheet_write_number(ws, xr, xc, ExcelSerial(d->day), date),
                                "cannot write the cell " + sheet.name + "!" + cell);
                width[c] = std::max<size_t>(width[c], 12);
              }
            }
          }
          for (size_t c = 0; c < width.size(); ++c)
            problems->Check(
                worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c),
                                     static_cast<double>(std::min<size_t>(width[c], 60)), nullptr),
                "cannot set the width of a column of " + sheet.name);
          worksheet_freeze_panes(ws, 1, 0);
          if (!sheet.header.empty())
            problems->Check(
                worksheet_autofilter(ws, 0, 0, static_cast<lxw_row_t>(sheet.rows.size()),
                                     static_cast<lxw_col_t>(sheet.header.size() - 1)),
                "cannot set the filter of " + sheet.name);
        }
      },
      error, note);
}

}  // namespace landskap::cli
