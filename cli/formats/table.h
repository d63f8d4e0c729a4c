// Building blocks for output formats: aligned text tables for people, CSV for spreadsheets.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cli/output_format.h"

namespace landskap::cli {

// Columns a terminal shows for UTF-8 text (one per code point; wide emoji count two), measured
// on its visible form (VisibleText, engine/model/text.h: a control character shows as \xNN).
size_t DisplayWidth(std::string_view text);

// The visible form of `text` cut to at most `width` columns, ending in "…" when cut.
std::string Shorten(std::string_view text, size_t width);

// A table with a header row; columns are padded to their widest cell. Cells are shown in their
// visible form: control characters as \xNN, line breaks and tabs as spaces.
// Where a formatter that streams writes its pieces (an OutputStream, or a string in tests).
using Sink = std::function<void(std::string_view)>;

class TextTable {
 public:
  explicit TextTable(std::vector<std::string> header) : header_(std::move(header)) {}
  void AddRow(std::vector<std::string> row) { rows_.push_back(std::move(row)); }
  // Right-aligns the column (numbers).
  void AlignRight(size_t column) { right_.push_back(column); }
  size_t RowCount() const { return rows_.size(); }
  std::string Render() const;
  // The same rows as a Markdown table (cells through MarkdownText, pipes escaped).
  std::string RenderMarkdown() const;

 private:
  std::vector<std::string> header_;
  std::vector<std::vector<std::string>> rows_;
  std::vector<size_t> right_;
};

// A TextTable written row by row, for answers too large to hold: every row is measured first
// (Measure), then the header and the rows are written (Header, Line), so a caller makes each
// row twice instead of keeping them all. The bytes are those of TextTable::Render.
class TableWriter {
 public:
  explicit TableWriter(std::vector<std::string> header, std::vector<size_t> right = {});
  void Measure(const std::vector<std::string>& row);
  std::string Header() const;  // the header line and the rule under it
  std::string Line(const std::vector<std::string>& row) const;

 private:
  std::vector<std::string> header_;
  std::vector<size_t> right_;
  std::vector<size_t> widths_;
};

// A table whose rows are made on demand, row(i) for i < count, so that writing it never holds
// all its rows as text (a national plan has 200 000). Header and alignment as in TextTable.
struct RowSource {
  std::vector<std::string> header;
  std::vector<size_t> right;  // right-aligned columns
  size_t count = 0;
  std::function<std::vector<std::string>(size_t)> row;
};

// The bytes of TextTable::Render (rows made twice: measured, then written) and of
// TextTable::RenderMarkdown (rows made once), given to `sink` line by line.
void WriteTable(const RowSource& rows, const Sink& sink);
void WriteMarkdownTable(const RowSource& rows, const Sink& sink);

// Text for a line of Markdown: its visible form on one line, with the characters HTML gives a
// meaning (& < >) as entities, since pandoc, MkDocs and wikis pass HTML in Markdown through: a
// name like <script>…</script> then shows as written instead of running.
std::string MarkdownText(std::string_view text);

// One CSV field (RFC 4180): quoted when it holds a comma, a semicolon (the separator Norwegian
// Excel reads), a quote or a line break. A cell that a spreadsheet would run as a formula
// (starting with = + - @, also after blanks) gets a quote mark in front: the field's start,
// and the starts a spreadsheet splitting on ';' sees after each ';' and line break in it.
// Tabs are spaces and other control characters are written as \xNN (see CsvField in table.cc).
std::string CsvField(std::string_view text);
std::string CsvRow(const std::vector<std::string>& fields);

// "1 system" / "3 systems".
std::string Count(size_t n, std::string_view singular, std::string_view plural);

}  // namespace landskap::cli
