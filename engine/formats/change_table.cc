// Change tables come in several shapes (SSB's "0101 - Halden;3001 - Halden;0", plain
// "3001,Halden,3101,Halden"); we recognise the number columns by their content, not their names,
// and the kind of each change by the columns SSB and landskap's own tables give it in.
#include "engine/formats/change_table.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <initializer_list>
#include <iterator>

#include "engine/file/csv.h"
#include "engine/file/input.h"
#include "engine/formats/table_mapper.h"
#include "engine/formats/xlsx_reader.h"
#include "engine/model/date.h"
#include "engine/model/reform.h"
#include "engine/model/text.h"

namespace landskap {
namespace {

// "1246", " 1246 - Fjell", "1246 Fjell" → "1246"; anything else → nullopt.
std::optional<std::string> LeadingKommunenummer(std::string_view cell) {
  size_t start = cell.find_first_not_of(" \t");
  if (start == std::string_view::npos || cell.size() - start < 4) return std::nullopt;
  for (size_t i = start; i < start + 4; ++i)
    if (cell[i] < '0' || cell[i] > '9') return std::nullopt;
  if (start + 4 < cell.size() && cell[start + 4] >= '0' && cell[start + 4] <= '9')
    return std::nullopt;
  return std::string(cell.substr(start, 4));
}

// The first year 2000-2099 written in a header cell ("kommuner_2020", "nr 2024"), or 0.
int YearIn(std::string_view header) {
  for (size_t i = 0; i + 4 <= header.size(); ++i) {
    std::string_view four = header.substr(i, 4);
    bool digits =
        std::all_of(four.begin(), four.end(), [](char c) { return c >= '0' && c <= '9'; });
    bool alone = (i == 0 || header[i - 1] < '0' || header[i - 1] > '9') &&
                 (i + 4 == header.size() || header[i + 4] < '0' || header[i + 4] > '9');
    if (digits && alone && four.substr(0, 2) == "20") return std::stoi(std::string(four));
  }
  return 0;
}

std::string Where(size_t line, size_t column) {
  return std::to_string(line) + ":" + std::to_string(column);
}

}  // namespace

namespace {

bool IsOneOf(const std::string& folded, std::initializer_list<std::string_view> names) {
  for (std::string_view n : names)
    if (folded == n) return true;
  return false;
}

// A column of change dates: the Endringer sheet's "Dato", SSB's "changeOccurred".
bool IsDateHeader(std::string_view header) {
  std::string name = AsciiLower(Trim(header));
  return name == "dato" || name == "date" || name == "gjelder fra" || name == "fra dato" ||
         name == "virkningsdato" || name == "changeoccurred" || name == "effective";
}

bool IsKindHeader(std::string_view header) {
  std::string name = AsciiLower(Trim(header));
  return name == "type" || name == "kind" || name == "endring" || name == "endringstype" ||
         name == "art";
}

// A date written as text: YYYY-MM-DD or DD.MM.YYYY (as Norwegian Excel writes dates in CSV).
std::optional<DayNumber> TextDate(std::string_view text) {
  TableCell cell;
  cell.text = std::string(text);
  return CellDate(cell, false);
}

// The rows of a change table already split into cells, wherever they came from (a CSV file or a
// sheet): `where(line, column)` names a cell for messages (column 1-based). `empty_ok`: a table
// with only its header row holds no changes and is no error (the template's Endringer sheet).
bool ChangeRowsOf(const CsvTable& table, const std::function<std::string(size_t, size_t)>& where,
                  std::string_view key, bool empty_ok, std::vector<ChangeRow>* out,
                  std::optional<DayNumber>* effective, Diagnostics& diags) {
  if (table.rows.size() < 2) {
    if (empty_ok) return true;
    diags.Error("", "a change table needs a header row and at least one row of old and new " +
                        std::string(key) + " values");
    return false;
  }
  const CsvRow& header = table.rows.front();
  size_t columns = header.cells.size();
  std::optional<size_t> split_column, kind_column, date_column, named_from, named_to;
  for (size_t c = 0; c < columns; ++c) {
    std::string name = AsciiLower(Trim(header.cells[c].text));
    if (name == "splittes" || name == "splitt" || name == "split") split_column = c;
    if (IsKindHeader(name)) kind_column = c;
    if (IsDateHeader(name) && !date_column) date_column = c;
    std::string folded = FoldForMatch(name);
    if (!named_from && IsOneOf(folded, {"frakommunenummer", "fra", "gammeltkommunenummer",
                                        "gammeltnummer", "from", "oldcode"}))
      named_from = c;
    if (!named_to && IsOneOf(folded, {"tilkommunenummer", "til", "nyttkommunenummer", "nyttnummer",
                                      "to", "newcode"}))
      named_to = c;
  }
  // Columns named so (the template's "Fra kommunenummer", SSB's "oldCode") are the numbers, and
  // a cell there that is not one is an error at the cell rather than a row passed over.
  bool named = named_from && named_to && *named_from != *named_to;
  // A column holds numbers when every non-empty data row has one there.
  std::vector<size_t> hits(columns, 0), filled(columns, 0);
  for (size_t r = 1; r < table.rows.size(); ++r) {
    const CsvRow& row = table.rows[r];
    for (size_t c = 0; c < columns && c < row.cells.size(); ++c) {
      if (row.cells[c].text.empty()) continue;
      ++filled[c];
      if (LeadingKommunenummer(row.cells[c].text)) ++hits[c];
    }
  }
  std::vector<size_t> number_columns;
  for (size_t c = 0; c < columns; ++c)
    if (filled[c] > 0 && hits[c] == filled[c] && c != date_column && c != kind_column)
      number_columns.push_back(c);
  if (named) number_columns = {*named_from, *named_to};
  if (number_columns.size() < 2) {
    diags.Error(where(header.line, 1),
                "cannot find two columns of " + std::string(key) +
                    " values (the old and the new number) in this table; expected e.g. "
                    "\"kommunenummer_2019,kommunenummer_2020\" with rows like "
                    "\"1246,4626\" or \"1246 - Fjell;4626 - Øygarden\"");
    return false;
  }
  size_t from_column = number_columns[0], to_column = number_columns[1];
  if (int year = YearIn(header.cells[to_column].text); year > 0 && effective)
    *effective = ParseDate(std::to_string(year) + "-01-01");
  for (size_t r = 1; r < table.rows.size(); ++r) {
    const CsvRow& row = table.rows[r];
    if (row.fields <= to_column) {
      diags.Error(where(row.line, 1), "this row has " + std::to_string(row.fields) +
                                          " columns; the header has " + std::to_string(columns));
      continue;
    }
    if (named) {
      bool bad = false;
      auto text = [&](size_t c) -> std::string_view {
        return c < row.cells.size() ? TrimView(row.cells[c].text) : std::string_view();
      };
      auto column = [&](size_t c) { return c < row.cells.size() ? row.cells[c].column : c + 1; };
      if (text(from_column).empty() && text(to_column).empty()) continue;  // notes, a date
      for (size_t c : {from_column, to_column}) {
        if (text(c).empty()) {
          diags.Error(where(row.line, column(c)),
                      "this row has no " +
                          std::string(c == from_column ? "old (Fra)" : "new (Til)") + " " +
                          std::string(key) + "; fill it in, or delete the row");
          bad = true;
        } else if (!LeadingKommunenummer(text(c))) {
          diags.Error(where(row.line, column(c)),
                      "'" + VisibleText(text(c)) + "' is not a " + std::string(key) +
                          "; write its four digits (e.g. 0301 or 1507)");
          bad = true;
        }
      }
      if (bad) continue;
    }
    if (row.cells.size() <= to_column) continue;  // the new number's cell is empty
    auto from = LeadingKommunenummer(row.cells[from_column].text);
    auto to = LeadingKommunenummer(row.cells[to_column].text);
    if (!from || !to || *from == *to) continue;
    ChangeRow change{*from, *to, std::nullopt, row.line, std::nullopt};
    if (split_column && *split_column < row.cells.size()) {
      std::string_view flag = TrimView(row.cells[*split_column].text);
      if (flag == "1") change.kind = ReformKind::kSplit;
    }
    if (kind_column && *kind_column < row.cells.size()) {
      const CsvCell& cell = row.cells[*kind_column];
      if (!TrimView(cell.text).empty()) {
        change.kind = ParseReformKind(cell.text);
        if (!change.kind)
          diags.Error(where(cell.line, cell.column),
                      "'" + VisibleText(cell.text) +
                          "' is not a kind of change; write nytt nummer, sammenslåing, deling "
                          "or grensejustering (or renumbering, merger, split, "
                          "border-adjustment)");
      }
    }
    if (date_column && *date_column < row.cells.size()) {
      const CsvCell& cell = row.cells[*date_column];
      if (!TrimView(cell.text).empty()) {
        change.effective = TextDate(TrimView(cell.text));
        if (!change.effective)
          diags.Error(where(cell.line, cell.column),
                      "'" + VisibleText(cell.text) +
                          "' is not a date; write the day the change takes effect as "
                          "01.01.2024 or 2024-01-01");
      }
    }
    out->push_back(std::move(change));
  }
  return !diags.HasErrors();
}

}  // namespace

bool ReadChangeRows(std::string_view text, const std::string& file_label, std::string_view key,
                    std::vector<ChangeRow>* out, std::optional<DayNumber>* effective,
                    Diagnostics* diagnostics) {
  Diagnostics diags(file_label);
  CsvOptions options;
  options.sep_line = false;
  options.on_tie = ',';
  CsvTable table;
  if (!ReadCsv(text, options, &table, &diags)) {
    diagnostics->Append(diags);
    return false;
  }
  bool ok = ChangeRowsOf(table, Where, key, false, out, effective, diags);
  diagnostics->Append(diags);
  return ok;
}

bool ReadChangeSheet(const Table& sheet, std::string_view key, std::vector<ChangeRow>* out,
                     std::optional<DayNumber>* effective, Diagnostics* diagnostics) {
  // The sheet as CSV cells: every column up to the last filled one, a kommunenummer typed as a
  // number (301 for Oslo's 0301) given back its leading zeros, a date kept as Excel's serial
  // number written as YYYY-MM-DD.
  std::optional<size_t> date_column;
  if (!sheet.rows.empty())
    for (const TableCell& cell : sheet.rows.front().cells)
      if (IsDateHeader(cell.text) && !date_column) date_column = cell.index;
  CsvTable table;
  for (const TableRow& row : sheet.rows) {
    CsvRow csv;
    csv.line = row.line;
    for (const TableCell& cell : row.cells) {
      csv.cells.resize(cell.index + 1);
      CsvCell& out_cell = csv.cells[cell.index];
      out_cell.text = cell.text;
      out_cell.line = row.line;
      // A CSV file's cell keeps its character column; a sheet's, its column number.
      out_cell.column =
          sheet.kind == Table::Kind::kCsv && cell.column > 0 ? cell.column : cell.index + 1;
      if (!cell.number || &row == &sheet.rows.front()) continue;
      if (cell.index == date_column) {
        if (auto day = CellDate(cell, sheet.date1904)) out_cell.text = FormatDate(*day);
      } else if (cell.value >= 1 && cell.value <= 9999 && cell.value == std::floor(cell.value)) {
        char four[8];
        std::snprintf(four, sizeof four, "%04d", static_cast<int>(cell.value));
        out_cell.text = four;
      }
    }
    for (size_t c = 0; c < csv.cells.size(); ++c) {
      if (csv.cells[c].line != 0) continue;  // an empty cell between filled ones
      csv.cells[c].line = row.line;
      csv.cells[c].column = c + 1;
    }
    csv.fields = csv.cells.size();
    table.rows.push_back(std::move(csv));
  }
  // A short row (its last cells empty) is no error in a sheet: give every row the header's width.
  if (!table.rows.empty())
    for (CsvRow& row : table.rows)
      row.fields = std::max(row.fields, table.rows.front().cells.size());
  Diagnostics diags(sheet.file);
  bool ok = ChangeRowsOf(
      table,
      [&](size_t line, size_t column) {
        return sheet.kind == Table::Kind::kCsv ? std::to_string(line) + ":" + std::to_string(column)
                                               : SheetPlace(sheet.name, line, column - 1);
      },
      key, true, out, effective, diags);
  diagnostics->Append(diags);
  return ok;
}

bool ReadChangeTable(std::string_view text, const std::string& file_label, std::string_view key,
                     std::vector<std::pair<std::string, std::string>>* out,
                     Diagnostics* diagnostics) {
  std::vector<ChangeRow> rows;
  bool ok = ReadChangeRows(text, file_label, key, &rows, nullptr, diagnostics);
  for (ChangeRow& row : rows) out->emplace_back(std::move(row.from), std::move(row.to));
  return ok;
}

namespace {

// A regular file that begins as a zip archive (a workbook) does; pipes and devices are not
// looked into, so that the reader gets every byte.
bool StartsWithZip(const std::string& path) {
  std::error_code ec;
  if (path == "-" || !std::filesystem::is_regular_file(path, ec)) return false;
  std::ifstream in(path, std::ios::binary);
  char head[4] = {};
  in.read(head, 4);
  return in.gcount() == 4 && std::string_view(head, 4) == std::string_view("PK\x03\x04", 4);
}

// A workbook given as a change table: its change sheet ("Endringer"), when it has one.
bool AddWorkbookChanges(const InputText& input, KeyIndex key, std::optional<DayNumber> effective,
                        Landscape* landscape, Diagnostics* diagnostics) {
  std::vector<Table> sheets;
  if (!ReadWorkbook(input.text, input.label, &sheets, diagnostics)) return false;
  for (const Table& sheet : sheets) {
    if (!IsChangeSheetName(sheet.name)) continue;
    ImportReport report;
    return AddChangeSheet(sheet, key, effective, landscape, &report, diagnostics);
  }
  diagnostics->Error("",
                     "this Excel workbook has no sheet 'Endringer' of kommunenummer changes; "
                     "a workbook of systems goes where the landscape goes (its own Endringer "
                     "sheet is used then), and --changes takes a change table (CSV) or a "
                     "workbook with an Endringer sheet");
  return false;
}

// Appends `rows` as changes of `key` (the date: `effective`, else the row's, else the header's
// year) and checks the landscape's changes together, naming a new row's place with `place` of
// its line.
bool AppendChanges(KeyIndex key, std::vector<ChangeRow> rows, std::optional<DayNumber> effective,
                   std::optional<DayNumber> header_year, const std::string& label,
                   const std::function<std::string(size_t line)>& place, Landscape* landscape,
                   Diagnostics* diagnostics) {
  size_t before = landscape->changes.size();
  std::vector<size_t> lines;
  for (ChangeRow& row : rows) {
    lines.push_back(row.line);
    landscape->changes.push_back({key, std::move(row.from), std::move(row.to),
                                  effective       ? effective
                                  : row.effective ? row.effective
                                                  : header_year,
                                  row.kind});
  }
  Diagnostics reform(label);
  bool ok = CheckChanges(
      *landscape,
      [&](size_t i) {
        return i < before ? "the landscape's change " + std::to_string(i + 1)
                          : place(lines[i - before]);
      },
      &reform);
  diagnostics->Append(reform);
  return ok;
}

}  // namespace

bool AddChangeTable(const std::string& path, KeyIndex key, std::optional<DayNumber> effective,
                    Landscape* landscape, Diagnostics* diagnostics) {
  InputRules rules;
  rules.what = "a change table";
  rules.max_bytes = size_t{64} << 20;  // SSB's lists are a few tens of kB
  rules.convert_windows_1252 = true;   // SSB and Excel save these in Windows-1252
  InputText input;
  if (StartsWithZip(path)) {
    rules.binary = true;
    if (!ReadInput(path, rules, &input, diagnostics)) return false;
    return AddWorkbookChanges(input, key, effective, landscape, diagnostics);
  }
  if (!ReadInput(path, rules, &input, diagnostics)) return false;
  size_t first = input.text.find_first_not_of(" \t\r\n");
  if (first != std::string::npos && input.text[first] == '{') {
    Diagnostics here(input.label);
    here.Error("",
               "this is a landscape file, not a change table; give it as the landscape, and "
               "with --changes a CSV of old and new kommunenummer (or a workbook with an "
               "Endringer sheet)");
    diagnostics->Append(here);
    return false;
  }
  std::vector<ChangeRow> rows;
  std::optional<DayNumber> header_year;
  if (!ReadChangeRows(input.text, input.label, landscape->keys[key].id, &rows, &header_year,
                      diagnostics))
    return false;
  return AppendChanges(
      key, std::move(rows), effective, header_year, input.label,
      [](size_t line) { return std::to_string(line) + ":1"; }, landscape, diagnostics);
}

bool AddChangeSheet(const Table& sheet, Landscape* landscape, ImportReport* report,
                    Diagnostics* diagnostics) {
  return AddChangeSheet(sheet, std::nullopt, std::nullopt, landscape, report, diagnostics);
}

bool AddChangeSheet(const Table& sheet, std::optional<KeyIndex> given_key,
                    std::optional<DayNumber> effective, Landscape* landscape, ImportReport* report,
                    Diagnostics* diagnostics) {
  std::vector<ChangeRow> rows;
  std::optional<DayNumber> header_year;
  std::string key_name = given_key ? landscape->keys[*given_key].id : "kommunenummer";
  if (!ReadChangeSheet(sheet, key_name, &rows, &header_year, diagnostics)) return false;
  if (rows.empty()) return true;
  KeyIndex key = given_key ? *given_key : landscape->InternKey("kommunenummer");
  report->taken["changes"] += rows.size();
  return AppendChanges(
      key, std::move(rows), effective, header_year, sheet.file,
      [&](size_t line) {
        return sheet.kind == Table::Kind::kCsv ? std::to_string(line) + ":1"
                                               : SheetPlace(sheet.name, line, 0);
      },
      landscape, diagnostics);
}

}  // namespace landskap
