// The one CSV reader (RFC 4180 as Excel and Archi write it): quoted fields holding the
// separator, doubled quotes and line breaks; CRLF, LF or CR line ends; Excel's "sep=;" first
// line; the separator sniffed from the first line when not given. Every field keeps the line and
// column where it begins, so a problem in a cell is reported where a person finds it in a text
// editor. The inventory CSV, Archi's CSV export and other readers build on it.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "engine/model/diagnostics.h"

namespace landskap {

struct CsvCell {
  std::string text;
  size_t line = 0, column = 0;  // where the field begins; columns count characters
};

struct CsvRow {
  size_t line = 0;  // the line the row begins on
  std::vector<CsvCell> cells;
  // An empty line: one field, empty and unquoted.
  bool blank = false;
};

struct CsvOptions {
  // 0: the most frequent of ';', ',' and tab outside quotes on the first line, `on_tie` when
  // two are equally frequent (Norwegian Excel writes ';', Archi ',').
  char separator = 0;
  char on_tie = ';';
  // Excel's "sep=X" first line names the separator (and is not a row).
  bool sep_line = true;
  // Excel keeps text after a closing quote ("a"b → ab); a reader of machine-written files may
  // refuse it instead.
  bool text_after_quote_is_error = false;
  bool skip_blank_rows = false;
};

struct CsvTable {
  char separator = ',';
  std::vector<CsvRow> rows;
};

// Splits `text` into rows. Returns false, with an error at LINE:COL in `diagnostics`, for a
// quote that is never closed (or, when the options say so, text after a closing quote).
bool ReadCsv(std::string_view text, const CsvOptions& options, CsvTable* table,
             Diagnostics* diagnostics);

// "semicolon", "comma", "tab", or the character itself.
std::string CsvSeparatorName(char separator);

}  // namespace landskap
