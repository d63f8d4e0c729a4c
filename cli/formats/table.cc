// Text tables and CSV fields. Every cell and field goes through VisibleText (engine/model/text.h)
// here, so no formatter can send a control character from the data to a terminal.
#include "cli/formats/table.h"

#include <algorithm>

#include "engine/model/text.h"

namespace landskap::cli {
namespace {

size_t CodePointWidth(char32_t cp) {
  if (cp >= 0x0300 && cp <= 0x036f) return 0;  // combining marks
  if ((cp >= 0x1f300 && cp <= 0x1faff) || (cp >= 0x2600 && cp <= 0x27bf) ||
      (cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0xa4cf) ||
      (cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0xf900 && cp <= 0xfaff) ||
      (cp >= 0xff00 && cp <= 0xff60))
    return 2;  // emoji and East Asian wide characters
  return 1;
}

}  // namespace

size_t DisplayWidth(std::string_view text) {
  std::string visible = VisibleText(text);
  size_t width = 0;
  for (size_t i = 0; i < visible.size();) {
    char32_t cp;
    i += DecodeUtf8(visible, i, &cp);
    width += CodePointWidth(cp);
  }
  return width;
}

std::string Shorten(std::string_view text, size_t width) {
  if (DisplayWidth(text) <= width) return VisibleText(text);
  // Cut whole visible pieces, so that an escape like \x1b is kept or dropped, never halved.
  std::string out;
  size_t used = 0;
  for (size_t i = 0; i < text.size();) {
    std::string piece;
    AppendVisible(text, &i, LineBreaks::kToSpace, &piece);
    size_t w = DisplayWidth(piece);
    if (used + w + 1 > width) break;
    out += piece;
    used += w;
  }
  return out + "…";
}

TableWriter::TableWriter(std::vector<std::string> header, std::vector<size_t> right)
    : header_(std::move(header)), right_(std::move(right)), widths_(header_.size(), 0) {
  Measure(header_);
}

void TableWriter::Measure(const std::vector<std::string>& row) {
  // DisplayWidth measures the visible form, which is what Line() prints.
  for (size_t c = 0; c < row.size() && c < widths_.size(); ++c)
    widths_[c] = std::max(widths_[c], DisplayWidth(row[c]));
}

std::string TableWriter::Line(const std::vector<std::string>& row) const {
  std::string out;
  for (size_t c = 0; c < widths_.size(); ++c) {
    std::string cell = VisibleText(c < row.size() ? row[c] : "");
    size_t pad = widths_[c] - std::min(widths_[c], DisplayWidth(cell));
    bool right = std::find(right_.begin(), right_.end(), c) != right_.end();
    bool last = c + 1 == widths_.size();
    if (right) out.append(pad, ' ');
    out += cell;
    if (!right && !last) out.append(pad, ' ');
    if (!last) out += "  ";
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out + "\n";
}

std::string TableWriter::Header() const {
  std::vector<std::string> rule;
  for (size_t w : widths_) rule.push_back(std::string(w, '-'));
  return Line(header_) + Line(rule);
}

void WriteTable(const RowSource& rows, const Sink& sink) {
  TableWriter writer(rows.header, rows.right);
  for (size_t i = 0; i < rows.count; ++i) writer.Measure(rows.row(i));
  sink(writer.Header());
  for (size_t i = 0; i < rows.count; ++i) sink(writer.Line(rows.row(i)));
}

std::string MarkdownText(std::string_view text) {
  std::string out;
  for (char c : VisibleText(text)) {  // line breaks are spaces: a Markdown line stays one line
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

void WriteMarkdownTable(const RowSource& rows, const Sink& sink) {
  auto cell = [](const std::string& text) {
    std::string out;
    for (char c : MarkdownText(text)) {
      if (c == '|')
        out += "\\|";
      else
        out += c;
    }
    return out;
  };
  auto line = [&](const std::vector<std::string>& row) {
    std::string out = "|";
    for (size_t c = 0; c < rows.header.size(); ++c)
      out += " " + cell(c < row.size() ? row[c] : "") + " |";
    return out + "\n";
  };
  std::string head = line(rows.header);
  head += "|";
  for (size_t c = 0; c < rows.header.size(); ++c) {
    bool right = std::find(rows.right.begin(), rows.right.end(), c) != rows.right.end();
    head += right ? " ---: |" : " --- |";
  }
  sink(head + "\n");
  for (size_t i = 0; i < rows.count; ++i) sink(line(rows.row(i)));
}

namespace {

// A TextTable's rows, as a RowSource over them.
RowSource Rows(const std::vector<std::string>& header, const std::vector<size_t>& right,
               const std::vector<std::vector<std::string>>& rows) {
  return {header, right, rows.size(), [&rows](size_t i) { return rows[i]; }};
}

}  // namespace

std::string TextTable::Render() const {
  std::string out;
  WriteTable(Rows(header_, right_, rows_), [&out](std::string_view text) { out += text; });
  return out;
}

std::string TextTable::RenderMarkdown() const {
  std::string out;
  WriteMarkdownTable(Rows(header_, right_, rows_), [&out](std::string_view text) { out += text; });
  return out;
}

std::string CsvField(std::string_view text) {
  // Line breaks stay: inside a quoted field they are legal and spreadsheets show them. Other
  // control characters become \xNN (a tab a space): spreadsheets show them as boxes or cut the
  // text at a NUL, and CSV printed without -o goes to a terminal. JSON keeps the exact text.
  const std::string visible = VisibleText(text, LineBreaks::kKeep);
  // A spreadsheet runs a cell as a formula when it starts with = + - @ (OWASP's list; tab and
  // carriage return, also on it, are a space and a line break by now), also after blanks: a
  // quote mark in front makes it text. A cell starts where the field starts, and, for a
  // spreadsheet that splits this comma-separated file on ';' (Norwegian Excel does), after
  // every ';' and line break in it, where quotes no longer protect: "Sak;=1+1" is written
  // "Sak;'=1+1". Negative numbers are data, not formulas.
  const bool number = visible.size() > 1 && visible[0] == '-' &&
                      visible.find_first_not_of("0123456789.", 1) == std::string::npos;
  std::string value;
  value.reserve(visible.size() + 1);
  bool cell_start = !number;
  size_t cell_at = 0;  // where the quote mark goes: the cell's first character
  for (char c : visible) {
    if (cell_start && c != ' ') {
      if (c == '=' || c == '+' || c == '-' || c == '@') value.insert(cell_at, 1, '\'');
      cell_start = false;
    }
    value += c;
    if (c == ';' || c == '\n') {
      cell_start = true;
      cell_at = value.size();
    }
  }
  // Quoted when it holds either separator (Norwegian Excel splits .csv on ';', others on ','),
  // a quote or a line break, so that no part of a field is ever read as a field of its own.
  if (value.find_first_of(",;\"\n") == std::string::npos) return value;
  std::string out = "\"";
  for (char c : value) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string CsvRow(const std::vector<std::string>& fields) {
  std::string out;
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i) out += ',';
    out += CsvField(fields[i]);
  }
  return out + "\n";
}

std::string Count(size_t n, std::string_view singular, std::string_view plural) {
  return std::to_string(n) + " " + std::string(n == 1 ? singular : plural);
}

}  // namespace landskap::cli
