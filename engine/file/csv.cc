// The CSV reader: one pass over the text, keeping the line and column of each field; rows are
// handed on one by one, so a reader never holds a second copy of the whole file.
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

// The separator a "sep=" line names is one ASCII character that can stand between fields: not a
// quote, a control character or part of a UTF-8 sequence (whose first byte would split every
// æ, ø and å).
bool UsableSeparator(char c) {
  auto u = static_cast<unsigned char>(c);
  return c == '\t' || (u >= 0x20 && u < 0x7F && c != '"');
}

// The character at the start of `text` as it reads (a whole UTF-8 sequence, or \xNN).
std::string CharacterAt(std::string_view text) {
  size_t n = 1;
  while (n < text.size() && n < 4 && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80) ++n;
  auto u = static_cast<unsigned char>(text[0]);
  if (u < 0x20 || u == 0x7F) {
    static const char kHex[] = "0123456789ABCDEF";
    return std::string("\\x") + kHex[u >> 4] + kHex[u & 15];
  }
  return std::string(text.substr(0, u >= 0x80 ? n : 1));
}

}  // namespace

std::string CsvSeparatorName(char c) {
  return c == ';' ? "semicolon" : c == ',' ? "comma" : c == '\t' ? "tab" : std::string(1, c);
}

bool ReadCsvRows(std::string_view text, const CsvOptions& options,
                 const std::function<bool(CsvRow&)>& sink, CsvInfo* info,
                 Diagnostics* diagnostics) {
  size_t i = 0, line = 1, column = 1;
  char separator = options.separator;
  *info = CsvInfo{};
  // Excel's "sep=;" line names the separator.
  if (options.sep_line && text.size() >= 5 && text.substr(0, 4) == "sep=" &&
      !IsLineBreak(text[4])) {
    if (!UsableSeparator(text[4])) {
      diagnostics->Error("1:5",
                         "'sep=" + CharacterAt(text.substr(4)) +
                             "' names a separator landskap cannot use: a separator is one plain "
                             "character such as ; or , or a tab. Write sep=; on the first line, or "
                             "delete that line to have the separator found from the header row");
      return false;
    }
    separator = text[4];
    i = 5;
    while (i < text.size() && !IsLineBreak(text[i])) ++i;
    if (i < text.size() && text[i] == '\r') ++i;
    if (i < text.size() && text[i] == '\n') ++i;
    line = 2;
  }
  if (separator == 0) separator = SniffSeparator(text.substr(i), options.on_tie);
  info->separator = separator;
  auto advance = [&](char c) {
    // Columns count characters, not bytes: a UTF-8 continuation byte is not a new column.
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++column;
  };
  size_t empty = 0;  // rows with nothing in them since the last row handed over
  size_t handed = 0;
  CsvRow row;
  CsvCell cell;
  while (i < text.size()) {
    row.line = line;
    row.cells.clear();
    row.fields = 0;
    size_t kept_until = 0;  // cells up to the last non-empty one
    for (;;) {
      // A field past max_fields is read (to find where the row ends) but not kept.
      const bool keep = row.fields < options.max_fields;
      cell.text.clear();
      cell.line = line;
      cell.column = column;
      auto put = [&](char c) {
        if (keep) cell.text += c;
      };
      if (i < text.size() && text[i] == '"') {
        size_t open_line = line, open_column = column;
        ++i;
        ++column;
        bool closed = false;
        while (i < text.size()) {
          char c = text[i];
          if (c == '"') {
            if (i + 1 < text.size() && text[i + 1] == '"') {
              put('"');
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
            put('\n');
            i += (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ? 2 : 1;
            ++line;
            column = 1;
            continue;
          }
          put(c);
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
      }
      // Unquoted text, or text after the closing quote up to the separator (kept, as Excel does).
      while (i < text.size() && text[i] != separator && !IsLineBreak(text[i])) {
        put(text[i]);
        advance(text[i]);
        ++i;
      }
      cell.end_line = line;
      cell.end_column = column;
      ++row.fields;
      if (keep) {
        if (!cell.text.empty()) kept_until = row.cells.size() + 1;
        row.cells.push_back(std::move(cell));
        cell = CsvCell{};
      }
      if (i < text.size() && text[i] == separator) {
        ++i;
        ++column;
        continue;
      }
      break;
    }
    // Empty fields at the end of a row hold nothing; their place follows from the last field.
    row.cells.resize(kept_until);
    if (row.fields > options.max_fields) {
      if (info->cut_rows++ == 0) info->first_cut_line = row.line;
    }
    if (i < text.size()) {  // a line break
      i += (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ? 2 : 1;
      ++line;
      column = 1;
    }
    if (row.cells.empty()) {
      ++empty;
      continue;
    }
    row.empty_before = empty;
    empty = 0;
    if (!sink(row) || ++handed >= options.max_rows) {
      info->stopped = true;
      return true;
    }
  }
  info->empty_rows_at_end = empty;
  return true;
}

bool ReadCsv(std::string_view text, const CsvOptions& options, CsvTable* table,
             Diagnostics* diagnostics) {
  return ReadCsvRows(
      text, options,
      [&](CsvRow& row) {
        table->rows.push_back(std::move(row));
        return true;
      },
      &table->info, diagnostics);
}

}  // namespace landskap
