// The one CSV reader (RFC 4180 as Excel and Archi write it): quoted fields holding the
// separator, doubled quotes and line breaks; CRLF, LF or CR line ends; Excel's "sep=;" first
// line; the separator sniffed from the first line when not given. Every field keeps the line and
// column where it begins and ends, so a problem in a cell (an empty one too) is reported where a
// person finds it in a text editor. The inventory CSV, Archi's CSV export and other readers
// build on it.
//
// Memory: rows are handed over one at a time (ReadCsvRows), rows whose fields are all empty are
// only counted, empty fields at the end of a row are dropped and a row keeps at most
// `max_fields` fields, so what a reader keeps is bounded by the text that is really there.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/model/diagnostics.h"

namespace landskap {

struct CsvCell {
  std::string text;
  size_t line = 0, column = 0;          // where the field begins; columns count characters
  size_t end_line = 0, end_column = 0;  // just after it: where its separator or line end is
};

struct CsvRow {
  size_t line = 0;  // the line the row begins on
  // The fields up to the last one that is not empty, at most `max_fields` of them.
  std::vector<CsvCell> cells;
  // The fields the record has, the empty ones at its end and those past `max_fields` too.
  size_t fields = 0;
  // Rows whose fields were all empty (blank lines, ";;;"), passed over just before this one.
  size_t empty_before = 0;
};

struct CsvOptions {
  // 0: the most frequent of ';', ',' and tab outside quotes on the first line, `on_tie` when
  // two are equally frequent (Norwegian Excel writes ';', Archi ',').
  char separator = 0;
  char on_tie = ';';
  // Excel's "sep=X" first line names the separator (and is not a row). X must be one ASCII
  // character: "sep=ø" is an error at 1:5.
  bool sep_line = true;
  // Excel keeps text after a closing quote ("a"b → ab); a reader of machine-written files may
  // refuse it instead.
  bool text_after_quote_is_error = false;
  // Fields of a row past this many are not kept (CsvInfo says where the first such row is).
  size_t max_fields = 256;
  // Rows handed over before the reading stops (CsvInfo::stopped): a sniffer needs the first few.
  size_t max_rows = static_cast<size_t>(-1);
};

// What the reader found besides the rows.
struct CsvInfo {
  char separator = ',';
  size_t empty_rows_at_end = 0;  // rows with nothing in them after the last row handed over
  size_t cut_rows = 0;           // rows that had more than max_fields fields
  size_t first_cut_line = 0;     // the first of them (0: none)
  bool stopped = false;          // the row sink asked to stop
};

// Splits `text` into rows and hands each row that has a non-empty field to `row` in order; `row`
// may move from it, and returns false to stop reading (CsvInfo::stopped). Returns false, with an
// error at LINE:COL in `diagnostics`, for a quote that is never closed (or, when the options say
// so, text after a closing quote), and for a "sep=" line naming a separator it cannot use.
bool ReadCsvRows(std::string_view text, const CsvOptions& options,
                 const std::function<bool(CsvRow&)>& row, CsvInfo* info, Diagnostics* diagnostics);

struct CsvTable {
  CsvInfo info;
  std::vector<CsvRow> rows;
};

// The same, keeping every row.
bool ReadCsv(std::string_view text, const CsvOptions& options, CsvTable* table,
             Diagnostics* diagnostics);

// "semicolon", "comma", "tab", or the character itself.
std::string CsvSeparatorName(char separator);

}  // namespace landskap
