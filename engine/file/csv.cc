// The CSV reader: one pass over the text, keeping the line and column of each field.
#include "engine/file/csv.h"

namespace landskap {
namespace {

bool IsLineBreak(char c) { return c == '\n' || c == '\r'; }

// The most frequent of ; , and tab outside quotes on the first line; ties go to `on_tie`, then
// to ';', ',' and tab in that order.
char SniffSeparator(std::string_view text, char on_tie) {
  size_t semicolons = 0, commas = 0, tabs = 0;
  bool quoted = false;
  for (char c : text) {
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    if (IsLineBreak(c)) break;
    semicolons += c == ';';
    commas += c == ',';
    tabs += c == '\t';
  }
  auto count = [&](char c) { return c == ';' ? semicolons : c == ',' ? commas : tabs; };
  char best = on_tie;
  for (char c : {';', ',', '\t'})
    if (count(c) > count(best)) best = c;
  return best;
}

std::string Where(size_t line, size_t column) {
  return std::to_string(line) + ":" + std::to_string(column);
}

}  // namespace

std::string CsvSeparatorName(char c) {
  return c == ';' ? "semicolon" : c == ',' ? "comma" : c == '\t' ? "tab" : std::string(1, c);
}

bool ReadCsv(std::string_view text, const CsvOptions& options, CsvTable* table,
             Diagnostics* diagnostics) {
  size_t i = 0, line = 1, column = 1;
  char separator = options.separator;
  // Excel's "sep=;" line names the separator.
  if (options.sep_line && text.size() >= 5 && text.substr(0, 4) == "sep=" &&
      !IsLineBreak(text[4])) {
    separator = text[4];
    i = 5;
    while (i < text.size() && !IsLineBreak(text[i])) ++i;
    if (i < text.size() && text[i] == '\r') ++i;
    if (i < text.size() && text[i] == '\n') ++i;
    line = 2;
  }
  if (separator == 0) separator = SniffSeparator(text.substr(i), options.on_tie);
  table->separator = separator;
  auto advance = [&](char c) {
    // Columns count characters, not bytes: a UTF-8 continuation byte is not a new column.
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++column;
  };
  while (i < text.size()) {
    CsvRow row;
    row.line = line;
    bool quoted_any = false;
    for (;;) {
      CsvCell cell;
      cell.line = line;
      cell.column = column;
      if (i < text.size() && text[i] == '"') {
        quoted_any = true;
        size_t open_line = line, open_column = column;
        ++i;
        ++column;
        bool closed = false;
        while (i < text.size()) {
          char c = text[i];
          if (c == '"') {
            if (i + 1 < text.size() && text[i + 1] == '"') {
              cell.text += '"';
              i += 2;
              column += 2;
              continue;
            }
            ++i;
            ++column;
            closed = true;
            break;
          }
          if (c == '\r' || c == '\n') {
            cell.text += '\n';
            i += (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ? 2 : 1;
            ++line;
            column = 1;
            continue;
          }
          cell.text += c;
          advance(c);
          ++i;
        }
        if (!closed) {
          diagnostics->Error(Where(open_line, open_column),
                             "this quote is never closed; a field that starts with \" must end "
                             "with \" (a quote inside it is written as \"\")");
          return false;
        }
        if (options.text_after_quote_is_error && i < text.size() && text[i] != separator &&
            !IsLineBreak(text[i])) {
          diagnostics->Error(Where(line, column),
                             "text after the closing quote of a field; put the whole field in "
                             "quotes and write \"\" for a quote inside it");
          return false;
        }
        // Text after the closing quote, up to the separator, is kept as Excel does.
        while (i < text.size() && text[i] != separator && !IsLineBreak(text[i])) {
          cell.text += text[i];
          advance(text[i]);
          ++i;
        }
      } else {
        while (i < text.size() && text[i] != separator && !IsLineBreak(text[i])) {
          cell.text += text[i];
          advance(text[i]);
          ++i;
        }
      }
      row.cells.push_back(std::move(cell));
      if (i < text.size() && text[i] == separator) {
        ++i;
        ++column;
        continue;
      }
      break;
    }
    row.blank = !quoted_any && row.cells.size() == 1 && row.cells[0].text.empty();
    if (!(options.skip_blank_rows && row.blank)) table->rows.push_back(std::move(row));
    if (i < text.size()) {  // a line break
      i += (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ? 2 : 1;
      ++line;
      column = 1;
    }
  }
  return true;
}

}  // namespace landskap
