// The CSV reader: a small RFC 4180 parser that keeps each field's line and column, so that a
// problem in a cell is reported where a coordinator finds it in a text editor.
#include "engine/import_csv.h"

#include <filesystem>

#include "engine/input.h"

namespace landskap {
namespace {

bool IsLineBreak(char c) { return c == '\n' || c == '\r'; }

// The separator of the first line outside quotes: the most frequent of ; , and tab (';' on a
// tie: Norwegian Excel's choice).
char SniffSeparator(std::string_view text) {
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
  if (tabs > semicolons && tabs > commas) return '\t';
  return commas > semicolons ? ',' : ';';
}

std::string SeparatorName(char c) {
  return c == ';' ? "semicolon" : c == ',' ? "comma" : c == '\t' ? "tab" : std::string(1, c);
}

std::string FileName(const std::string& label) {
  std::string name = std::filesystem::path(label).filename().string();
  return name.empty() ? label : name;
}

bool IsArchiCsv(const Table& table) {
  if (table.rows.empty()) return false;
  bool id = false, type = false, documentation = false;
  for (const TableCell& c : table.rows.front().cells) {
    std::string f = FoldForMatch(c.text);
    id |= f == "id";
    type |= f == "type";
    documentation |= f == "documentation";
  }
  return id && type && documentation;
}

bool EndsWithCsv(const std::string& path) {
  std::string ext = std::filesystem::path(path).extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext == ".csv" || ext == ".txt";
}

bool ReadCsvFile(const std::string& path, InputText* input, Diagnostics* diagnostics) {
  InputRules rules;
  rules.what = "a CSV file";
  rules.convert_windows_1252 = true;
  rules.max_bytes = size_t{256} << 20;
  return ReadInput(path, rules, input, diagnostics);
}

}  // namespace

bool ParseCsv(std::string_view text, const std::string& label, char separator, Table* table,
              char* used_separator, Diagnostics* diagnostics) {
  table->kind = Table::Kind::kCsv;
  table->file = label;
  table->name = FileName(label);
  size_t i = 0, line = 1, column = 1;
  // Excel's "sep=;" line names the separator.
  if (text.size() >= 5 && text.substr(0, 4) == "sep=" && !IsLineBreak(text[4])) {
    separator = text[4];
    i = 5;
    while (i < text.size() && !IsLineBreak(text[i])) ++i;
    if (i < text.size() && text[i] == '\r') ++i;
    if (i < text.size() && text[i] == '\n') ++i;
    line = 2;
  }
  if (separator == 0) separator = SniffSeparator(text.substr(i));
  *used_separator = separator;
  auto advance = [&](char c) {
    // Columns count characters, not bytes: a UTF-8 continuation byte is not a new column.
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++column;
  };
  while (i < text.size()) {
    TableRow row;
    row.line = line;
    for (;;) {
      TableCell cell;
      cell.line = line;
      cell.column = column;
      if (i < text.size() && text[i] == '"') {
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
          diagnostics->Error(std::to_string(open_line) + ":" + std::to_string(open_column),
                             "this quote is never closed; a field that starts with \" must end "
                             "with \" (a quote inside it is written as \"\")");
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
    table->rows.push_back(std::move(row));
    if (i < text.size()) {  // a line break
      i += (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ? 2 : 1;
      ++line;
      column = 1;
    }
  }
  return true;
}

bool ImportCsvBytes(const std::vector<std::pair<std::string, std::string>>& files,
                    Landscape* landscape, ImportReport* report, Diagnostics* diagnostics) {
  std::vector<Table> tables(files.size());
  std::vector<TableRole> roles(files.size(), TableRole::kNone);
  bool ok = true;
  for (size_t f = 0; f < files.size(); ++f) {
    const auto& [label, text] = files[f];
    Diagnostics d(label);
    if (size_t bad = FirstInvalidUtf8(text); bad != std::string::npos) {
      size_t line = 1, column = 1;
      for (size_t k = 0; k < bad; ++k) {
        if (text[k] == '\n') {
          ++line;
          column = 1;
        } else if ((static_cast<unsigned char>(text[k]) & 0xC0) != 0x80) {
          ++column;
        }
      }
      d.Error(std::to_string(line) + ":" + std::to_string(column),
              "this file is neither UTF-8 nor Windows-1252 text; save it from Excel as 'CSV UTF-8 "
              "(kommadelt)'");
      diagnostics->Append(d);
      ok = false;
      continue;
    }
    char separator = 0;
    if (!ParseCsv(text, label, 0, &tables[f], &separator, &d)) {
      diagnostics->Append(d);
      ok = false;
      continue;
    }
    roles[f] = GuessRole(tables[f]);
    if (roles[f] == TableRole::kNone) {
      std::string seen;
      if (!tables[f].rows.empty())
        for (const TableCell& c : tables[f].rows.front().cells)
          if (!c.text.empty()) seen += (seen.empty() ? "'" : ", '") + c.text + "'";
      d.Error(
          "1:1",
          "cannot tell whether this file lists systems or integrations: a file of systems has "
          "a column 'System' (or 'Navn', 'Name'), a file of integrations has 'Fra' and 'Til' "
          "(or 'From' and 'To')" +
              (seen.empty() ? std::string("; the file is empty") : "; its first row has " + seen));
      diagnostics->Append(d);
      ok = false;
      continue;
    }
    report->notes.push_back(tables[f].name + ": " +
                            (roles[f] == TableRole::kSystems ? "systems" : "integrations") +
                            ", separated by " + SeparatorName(separator) + "s");
  }
  if (!ok) return false;
  InventoryTables inventory;
  for (size_t f = 0; f < files.size(); ++f)
    (roles[f] == TableRole::kSystems ? inventory.systems : inventory.integrations)
        .push_back(&tables[f]);
  return MapInventory(inventory, landscape, report, diagnostics);
}

int SniffCsv(const std::vector<std::string>& paths) {
  int score = 2;
  for (const std::string& path : paths) {
    std::error_code ec;
    if (path != "-" && !std::filesystem::is_regular_file(path, ec)) return 0;
    InputText input;
    Diagnostics ignored(path);
    Table table;
    char separator = 0;
    int file_score = EndsWithCsv(path) ? 1 : 0;
    if (path != "-" && ReadCsvFile(path, &input, &ignored) &&
        FirstInvalidUtf8(input.text) == std::string::npos &&
        ParseCsv(input.text, path, 0, &table, &separator, &ignored)) {
      if (IsArchiCsv(table)) return 0;  // Archi's elements.csv / relations.csv
      if (GuessRole(table) != TableRole::kNone) file_score = 2;
    }
    score = std::min(score, file_score);
  }
  return paths.empty() ? 0 : score;
}

bool ImportCsv(const std::vector<std::string>& paths, const ImportOptions& /*options*/,
               Landscape* landscape, ImportReport* report, Diagnostics* diagnostics) {
  std::vector<std::pair<std::string, std::string>> files;
  std::vector<std::string> encodings;
  bool ok = true;
  for (const std::string& path : paths) {
    InputText input;
    Diagnostics d(path);
    if (!ReadCsvFile(path, &input, &d)) {
      diagnostics->Append(d);
      ok = false;
      continue;
    }
    encodings.push_back(input.label + ": " + std::string(EncodingName(input.encoding)) +
                        (input.encoding == Encoding::kWindows1252 ? " (converted to UTF-8)" : ""));
    files.emplace_back(input.label, std::move(input.text));
  }
  if (!ok) return false;
  for (const std::string& e : encodings) report->notes.push_back("Encoding of " + e);
  return ImportCsvBytes(files, landscape, report, diagnostics);
}

}  // namespace landskap
