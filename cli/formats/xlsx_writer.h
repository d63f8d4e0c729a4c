// Excel workbooks out, with libxlsxwriter: tables as sheets (frozen header row, filters, column
// widths, dates as Excel dates) for --format xlsx, and a hook for workbooks built by hand
// (landskap template). libxlsxwriter writes to a file name, so the workbook is built in a
// temporary file and returned as bytes; Context::Write then puts it where -o says, atomically.
#pragma once

#include <xlsxwriter.h>

#include <functional>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "engine/model/date.h"

namespace landskap::cli {

struct XlsxDate {
  DayNumber day;
};
// A cell: empty, text, a number or a date.
using XlsxValue = std::variant<std::monostate, std::string, double, XlsxDate>;

struct XlsxSheet {
  std::string name;  // at most 31 characters, none of []:*?/\ (Excel's rules)
  std::vector<std::string> header;
  std::vector<std::vector<XlsxValue>> rows;
};

// The Excel serial number of a day (1900 date system).
double ExcelSerial(DayNumber day);

// The most characters Excel (and libxlsxwriter) takes in one cell.
constexpr size_t kXlsxMaxCellChars = 32767;

// What went wrong while a workbook was filled: the first libxlsxwriter call that failed, and
// the text cells that had to be cut to Excel's limit (so the caller can say so).
struct XlsxProblems {
  std::string error;            // "" while every call succeeded
  size_t shortened = 0;         // text cells cut to kXlsxMaxCellChars
  std::string first_shortened;  // where the first one is, "Sheet!B2"
  // Keeps the first failure: `what` says which call, for people.
  void Check(lxw_error result, const std::string& what);
  // "1 cell was longer than Excel's limit ... (Sheet!B2)", or "" when none was cut.
  std::string Note() const;
};

// Writes `text` into a cell; text longer than Excel's limit is cut, ending in "…", and counted
// in `problems` (libxlsxwriter would leave the cell empty without a word).
void WriteText(lxw_worksheet* sheet, const std::string& sheet_name, lxw_row_t row, lxw_col_t col,
               std::string_view text, lxw_format* format, XlsxProblems* problems);

// A workbook of tables, one sheet each: header row frozen and bold, autofilter over the table,
// columns as wide as their widest cell (within limits), dates as dd.mm.yyyy dates.
// nullopt with `error` set when the workbook cannot be written; `note` (when given) says which
// cells were shortened to Excel's limit, or is left empty.
std::optional<std::string> TablesToXlsx(const std::vector<XlsxSheet>& sheets, std::string* error,
                                        std::string* note = nullptr);

// A workbook built by `fill`, as bytes; nullopt with `error` when a libxlsxwriter call `fill`
// checked in its XlsxProblems failed, or the workbook could not be written.
std::optional<std::string> BuildXlsx(const std::function<void(lxw_workbook*, XlsxProblems*)>& fill,
                                     std::string* error, std::string* note = nullptr);

}  // namespace landskap::cli
