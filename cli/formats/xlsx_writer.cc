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

std::optional<std::string> BuildXlsx(const std::function<void(lxw_workbook*)>& fill,
                                     std::string* error) {
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
  fill(workbook);
  lxw_error result = workbook_close(workbook);
  std::optional<std::string> bytes;
  if (result == LXW_NO_ERROR) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream data;
    data << in.rdbuf();
    if (in) bytes = data.str();
  }
  ::unlink(path.c_str());
  if (!bytes) *error = std::string("cannot write the workbook: ") + lxw_strerror(result);
  return bytes;
}

std::optional<std::string> TablesToXlsx(const std::vector<XlsxSheet>& sheets, std::string* error) {
  return BuildXlsx(
      [&](lxw_workbook* workbook) {
        lxw_format* bold = workbook_add_format(workbook);
        format_set_bold(bold);
        format_set_bg_color(bold, 0xDDEBF7);
        format_set_bottom(bold, LXW_BORDER_THIN);
        lxw_format* date = workbook_add_format(workbook);
        format_set_num_format(date, "dd.mm.yyyy");
        for (const XlsxSheet& sheet : sheets) {
          lxw_worksheet* ws = workbook_add_worksheet(workbook, sheet.name.c_str());
          std::vector<size_t> width(sheet.header.size(), 8);
          for (size_t c = 0; c < sheet.header.size(); ++c) {
            worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c),
                                   VisibleText(sheet.header[c]).c_str(), bold);
            width[c] = std::max(width[c], DisplayWidth(sheet.header[c]) + 3);
          }
          for (size_t r = 0; r < sheet.rows.size(); ++r) {
            const auto& row = sheet.rows[r];
            auto xr = static_cast<lxw_row_t>(r + 1);
            for (size_t c = 0; c < row.size() && c < sheet.header.size(); ++c) {
              auto xc = static_cast<lxw_col_t>(c);
              if (const auto* s = std::get_if<std::string>(&row[c])) {
                // XML cannot hold control characters; show them as elsewhere (\xNN).
                std::string visible = VisibleText(*s, LineBreaks::kKeep);
                worksheet_write_string(ws, xr, xc, visible.c_str(), nullptr);
                width[c] = std::max(width[c], DisplayWidth(*s) + 1);
              } else if (const auto* n = std::get_if<double>(&row[c])) {
                worksheet_write_number(ws, xr, xc, *n, nullptr);
              } else if (const auto* d = std::get_if<XlsxDate>(&row[c])) {
                worksheet_write_number(ws, xr, xc, ExcelSerial(d->day), date);
                width[c] = std::max<size_t>(width[c], 12);
              }
            }
          }
          for (size_t c = 0; c < width.size(); ++c)
            worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c),
                                 static_cast<double>(std::min<size_t>(width[c], 60)), nullptr);
          worksheet_freeze_panes(ws, 1, 0);
          if (!sheet.header.empty())
            worksheet_autofilter(ws, 0, 0, static_cast<lxw_row_t>(sheet.rows.size()),
                                 static_cast<lxw_col_t>(sheet.header.size() - 1));
        }
      },
      error);
}

}  // namespace landskap::cli
