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

// A workbook of tables, one sheet each: header row frozen and bold, autofilter over the table,
// columns as wide as their widest cell (within limits), dates as dd.mm.yyyy dates.
// nullopt with `error` set when the workbook cannot be written.
std::optional<std::string> TablesToXlsx(const std::vector<XlsxSheet>& sheets, std::string* error);

// A workbook built by `fill`, as bytes.
std::optional<std::string> BuildXlsx(const std::function<void(lxw_workbook*)>& fill,
                                     std::string* error);

}  // namespace landskap::cli
