// Change tables come in several shapes (SSB's "0101 - Halden;3001 - Halden;0", plain
// "3001,Halden,3101,Halden"); we recognise the number columns by their content, not their names,
// and the kind of each change by the columns SSB and landskap's own tables give it in.
#include "engine/formats/change_table.h"

#include <algorithm>
#include <iterator>

#include "engine/file/csv.h"
#include "engine/file/input.h"
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
  if (table.rows.size() < 2) {
    diags.Error("", "a change table needs a header row and at least one row of old and new " +
                        std::string(key) + " values");
    diagnostics->Append(diags);
    return false;
  }
  const CsvRow& header = table.rows.front();
  size_t columns = header.cells.size();
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
    if (filled[c] > 0 && hits[c] == filled[c]) number_columns.push_back(c);
  if (number_columns.size() < 2) {
    diags.Error("1:1", "cannot find two columns of " + std::string(key) +
                           " values (the old and the new number) in this table; expected e.g. "
                           "\"kommunenummer_2019,kommunenummer_2020\" with rows like "
                           "\"1246,4626\" or \"1246 - Fjell;4626 - Øygarden\"");
    diagnostics->Append(diags);
    return false;
  }
  size_t from_column = number_columns[0], to_column = number_columns[1];
  std::optional<size_t> split_column, kind_column;
  for (size_t c = 0; c < columns; ++c) {
    std::string name = AsciiLower(Trim(header.cells[c].text));
    if (name == "splittes" || name == "splitt" || name == "split") split_column = c;
    if (name == "type" || name == "kind" || name == "endring" || name == "endringstype" ||
        name == "art")
      kind_column = c;
  }
  if (int year = YearIn(header.cells[to_column].text); year > 0 && effective)
    *effective = ParseDate(std::to_string(year) + "-01-01");
  for (size_t r = 1; r < table.rows.size(); ++r) {
    const CsvRow& row = table.rows[r];
    if (row.fields <= to_column) {
      diags.Error(Where(row.line, 1), "this row has " + std::to_string(row.fields) +
                                          " columns; the header has " + std::to_string(columns));
      continue;
    }
    if (row.cells.size() <= to_column) continue;  // the new number's cell is empty
    auto from = LeadingKommunenummer(row.cells[from_column].text);
    auto to = LeadingKommunenummer(row.cells[to_column].text);
    if (!from || !to || *from == *to) continue;
    ChangeRow change{*from, *to, std::nullopt, row.line};
    if (split_column && *split_column < row.cells.size()) {
      std::string_view flag = TrimView(row.cells[*split_column].text);
      if (flag == "1") change.kind = ReformKind::kSplit;
    }
    if (kind_column && *kind_column < row.cells.size()) {
      const CsvCell& cell = row.cells[*kind_column];
      if (!TrimView(cell.text).empty()) {
        change.kind = ParseReformKind(cell.text);
        if (!change.kind)
          diags.Error(Where(cell.line, cell.column),
                      "'" + VisibleText(cell.text) +
                          "' is not a kind of change; write nytt nummer, sammenslåing, deling "
                          "or grensejustering (or renumbering, merger, split, "
                          "border-adjustment)");
      }
    }
    out->push_back(std::move(change));
  }
  bool ok = !diags.HasErrors();
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

bool AddChangeTable(const std::string& path, KeyIndex key, std::optional<DayNumber> effective,
                    Landscape* landscape, Diagnostics* diagnostics) {
  InputRules rules;
  rules.what = "a change table";
  rules.max_bytes = size_t{64} << 20;  // SSB's lists are a few tens of kB
  rules.convert_windows_1252 = true;   // SSB and Excel save these in Windows-1252
  InputText input;
  if (!ReadInput(path, rules, &input, diagnostics)) return false;
  std::vector<ChangeRow> rows;
  std::optional<DayNumber> header_year;
  if (!ReadChangeRows(input.text, input.label, landscape->keys[key].id, &rows, &header_year,
                      diagnostics))
    return false;
  size_t before = landscape->changes.size();
  for (ChangeRow& row : rows)
    landscape->changes.push_back({key, std::move(row.from), std::move(row.to),
                                  effective ? effective : header_year, row.kind});
  Diagnostics reform(input.label);
  bool ok = CheckChanges(
      *landscape,
      [&](size_t i) {
        return i < before ? "the landscape's change " + std::to_string(i + 1)
                          : std::to_string(rows[i - before].line) + ":1";
      },
      &reform);
  diagnostics->Append(reform);
  return ok;
}

}  // namespace landskap
