// Change tables come in several shapes (SSB's "0101 - Halden;3001 - Halden", plain
// "3001,Halden,3101,Halden"); we recognise the number columns by their content, not their names.
#include "engine/formats/change_table.h"

#include <algorithm>
#include <iterator>

#include "engine/file/input.h"

namespace landskap {
namespace {

std::vector<std::string> SplitRow(std::string_view line, char separator) {
  std::vector<std::string> cells;
  std::string cell;
  bool quoted = false;
  for (size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
        cell += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        cell += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == separator) {
      cells.push_back(std::move(cell));
      cell.clear();
    } else {
      cell += c;
    }
  }
  cells.push_back(std::move(cell));
  return cells;
}

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

}  // namespace

bool ReadChangeTable(std::string_view text, const std::string& file_label, std::string_view key,
                     std::vector<std::pair<std::string, std::string>>* out,
                     Diagnostics* diagnostics) {
  Diagnostics diags(file_label);
  std::vector<std::string_view> lines;
  for (size_t start = 0; start < text.size();) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    start = end + 1;
  }
  while (!lines.empty() && lines.back().empty()) lines.pop_back();
  if (lines.size() < 2) {
    diags.Error("", "a change table needs a header row and at least one row of old and new " +
                        std::string(key) + " values");
    diagnostics->Append(diags);
    return false;
  }
  std::string_view header = lines[0];
  size_t semicolons = std::count(header.begin(), header.end(), ';');
  size_t commas = std::count(header.begin(), header.end(), ',');
  char separator = semicolons > commas ? ';' : ',';

  // A column holds numbers when every non-empty data row has one there.
  size_t columns = SplitRow(header, separator).size();
  std::vector<size_t> hits(columns, 0), filled(columns, 0);
  std::vector<std::vector<std::string>> rows;
  for (size_t l = 1; l < lines.size(); ++l) {
    if (lines[l].empty()) continue;
    rows.push_back(SplitRow(lines[l], separator));
    for (size_t c = 0; c < columns && c < rows.back().size(); ++c) {
      if (rows.back()[c].empty()) continue;
      ++filled[c];
      if (LeadingKommunenummer(rows.back()[c])) ++hits[c];
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
  size_t line_number = 1;
  for (size_t l = 1, r = 0; l < lines.size(); ++l) {
    line_number = l + 1;
    if (lines[l].empty()) continue;
    const auto& row = rows[r++];
    if (row.size() <= to_column) {
      diags.Error(std::to_string(line_number) + ":1", "this row has " + std::to_string(row.size()) +
                                                          " columns; the header has " +
                                                          std::to_string(columns));
      continue;
    }
    auto from = LeadingKommunenummer(row[from_column]);
    auto to = LeadingKommunenummer(row[to_column]);
    if (from && to && *from != *to) out->emplace_back(*from, *to);
  }
  bool ok = !diags.HasErrors();
  diagnostics->Append(diags);
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
  std::vector<std::pair<std::string, std::string>> pairs;
  if (!ReadChangeTable(input.text, input.label, landscape->keys[key].id, &pairs, diagnostics))
    return false;
  for (auto& [from, to] : pairs) landscape->changes.push_back({key, from, to, effective});
  return true;
}

}  // namespace landskap
