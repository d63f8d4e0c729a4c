// Change tables come in several shapes (SSB's "0101 - Halden;3001 - Halden", plain
// "3001,Halden,3101,Halden"); we recognise the number columns by their content, not their names.
#include "engine/formats/change_table.h"

#include <algorithm>
#include <iterator>

#include "engine/file/input.h"

namespace landskap {
namespace {

// A change table has a few columns; fields past this many are counted but not kept, so a line
// of a million separators costs nothing.
constexpr size_t kMaxColumns = 256;

// The fields of one line (at most kMaxColumns kept); *count gets how many the line has.
std::vector<std::string> SplitRow(std::string_view line, char separator, size_t* count) {
  std::vector<std::string> cells;
  std::string cell;
  bool quoted = false;
  size_t fields = 0;
  auto end_field = [&] {
    if (fields++ < kMaxColumns) cells.push_back(std::move(cell));
    cell.clear();
  };
  for (size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    bool keep = fields < kMaxColumns;
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
        if (keep) cell += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else if (keep) {
        cell += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == separator) {
      end_field();
    } else if (keep) {
      cell += c;
    }
  }
  end_field();
  *count = fields;
  return cells;
}

// The lines of the text, one at a time (no list of them: a file of empty lines stays cheap).
class Lines {
 public:
  explicit Lines(std::string_view text) : text_(text) {}
  // The next line without its line end, and its number; false at the end.
  bool Next(std::string_view* line, size_t* number) {
    if (pos_ >= text_.size()) return false;
    size_t end = text_.find('\n', pos_);
    if (end == std::string_view::npos) end = text_.size();
    *line = text_.substr(pos_, end - pos_);
    if (!line->empty() && line->back() == '\r') line->remove_suffix(1);
    pos_ = end + 1;
    *number = ++number_;
    return true;
  }

 private:
  std::string_view text_;
  size_t pos_ = 0, number_ = 0;
};

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
  Lines lines(text);
  std::string_view header, line;
  size_t number = 0;
  bool any_row = false;
  if (lines.Next(&header, &number)) {
    while (!any_row && lines.Next(&line, &number)) any_row = !line.empty();
  }
  if (!any_row) {
    diags.Error("", "a change table needs a header row and at least one row of old and new " +
                        std::string(key) + " values");
    diagnostics->Append(diags);
    return false;
  }
  size_t semicolons = std::count(header.begin(), header.end(), ';');
  size_t commas = std::count(header.begin(), header.end(), ',');
  char separator = semicolons > commas ? ';' : ',';

  // A column holds numbers when every non-empty data row has one there.
  size_t header_fields = 0;
  size_t columns = SplitRow(header, separator, &header_fields).size();
  std::vector<size_t> hits(columns, 0), filled(columns, 0);
  size_t count = 0;
  Lines first_pass(text);
  first_pass.Next(&line, &number);  // the header
  while (first_pass.Next(&line, &number)) {
    if (line.empty()) continue;
    std::vector<std::string> row = SplitRow(line, separator, &count);
    for (size_t c = 0; c < columns && c < row.size(); ++c) {
      if (row[c].empty()) continue;
      ++filled[c];
      if (LeadingKommunenummer(row[c])) ++hits[c];
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
  Lines second_pass(text);
  second_pass.Next(&line, &number);  // the header
  while (second_pass.Next(&line, &number)) {
    if (line.empty()) continue;
    std::vector<std::string> row = SplitRow(line, separator, &count);
    if (row.size() <= to_column) {
      diags.Error(std::to_string(number) + ":1", "this row has " + std::to_string(count) +
                                                     " columns; the header has " +
                                                     std::to_string(header_fields));
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
