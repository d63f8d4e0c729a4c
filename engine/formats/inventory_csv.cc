// Inventories as CSV files (systems and integrations, as Excel saves them): the records of the
// shared CSV reader (engine/file/csv.h) as tables for the table mapper.
#include "engine/formats/inventory_csv.h"

#include <filesystem>

#include "engine/file/csv.h"
#include "engine/file/input.h"
#include "engine/formats/change_table.h"
#include "engine/formats/xlsx_reader.h"
#include "engine/model/text.h"

namespace landskap {
namespace {

std::string FileName(const std::string& label) {
  std::string name = std::filesystem::path(label).filename().string();
  return name.empty() ? label : name;
}

// The header rows of Archi's CSV export: elements.csv and relations.csv ("ID","Type","Name",
// "Documentation"…) and properties.csv ("ID","Key","Value").
bool IsArchiCsv(const Table& table) {
  if (table.rows.empty()) return false;
  bool id = false, type = false, documentation = false, key = false, value = false;
  for (const TableCell& c : table.rows.front().cells) {
    std::string f = FoldForMatch(c.text);
    id |= f == "id";
    type |= f == "type";
    documentation |= f == "documentation";
    key |= f == "key";
    value |= f == "value";
  }
  return (id && type && documentation) ||
         (id && key && value && table.rows.front().cells.size() == 3);
}

// The first rows of a table are enough to tell what it holds (the header is among the first
// ten rows): sniffing does not build the whole table.
constexpr size_t kSniffRows = 10;

bool EndsWithCsv(const std::string& path) {
  std::string ext = FileEnding(path);
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

bool ParseCsv(std::string_view text, const std::string& label, const CsvOptions& options,
              Table* table, CsvInfo* info, MemoryBudget* budget, Diagnostics* diagnostics) {
  table->kind = Table::Kind::kCsv;
  table->file = label;
  table->name = FileName(label);
  bool spent = false;
  auto take = [&](CsvRow& record) {
    TableRow row;
    row.line = record.line;
    row.fields = record.fields;
    row.empty_before = record.empty_before;
    size_t bytes = sizeof(TableRow);
    for (size_t k = 0; k < record.cells.size(); ++k) {
      CsvCell& field = record.cells[k];
      if (field.text.empty()) continue;  // an empty field's place follows from its neighbours
      TableCell cell;
      cell.text = std::move(field.text);
      cell.index = static_cast<uint32_t>(k);
      cell.line = static_cast<uint32_t>(field.line);
      cell.column = static_cast<uint32_t>(field.column);
      cell.end_line = static_cast<uint32_t>(field.end_line);
      cell.end_column = static_cast<uint32_t>(field.end_column);
      bytes += sizeof(TableCell) + MemoryBudget::HeapBytes(cell.text);
      row.cells.push_back(std::move(cell));
    }
    row.cells.shrink_to_fit();
    if (!budget->Charge(bytes)) {
      diagnostics->Error(std::to_string(record.line) + ":1",
                         "the rows up to here take more than " +
                             MemoryBudget::Megabytes(budget->limit()) +
                             " in memory, the most landskap gives a file of " +
                             MemoryBudget::Megabytes(text.size()) +
                             "; an inventory is far smaller. Is this the right file?");
      spent = true;
      return false;
    }
    table->rows.push_back(std::move(row));
    return true;
  };
  if (!ReadCsvRows(text, options, take, info, diagnostics)) return false;
  table->empty_rows_at_end = info->empty_rows_at_end;
  return !spent;
}

bool ImportCsvBytes(const std::vector<std::pair<std::string, std::string>>& files,
                    Landscape* landscape, ImportReport* report, Diagnostics* diagnostics) {
  std::vector<Table> tables(files.size());
  std::vector<TableRole> roles(files.size(), TableRole::kNone);
  std::vector<bool> changes(files.size(), false);  // endringer.csv: the reform's changes
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
    CsvInfo info;
    MemoryBudget budget(text.size());
    if (!ParseCsv(text, label, CsvOptions{}, &tables[f], &info, &budget, &d)) {
      diagnostics->Append(d);
      ok = false;
      continue;
    }
    const char separator = info.separator;
    if (info.cut_rows > 0)
      report->skipped.push_back(
          {tables[f].name + ":" + std::to_string(info.first_cut_line),
           "fields past the " + std::to_string(CsvOptions{}.max_fields) + "th",
           "an inventory has far fewer columns; only the first " +
               std::to_string(CsvOptions{}.max_fields) + " fields of a row are read (" +
               std::to_string(info.cut_rows) + (info.cut_rows == 1 ? " row has" : " rows have") +
               " more)"});
    roles[f] = GuessRole(tables[f]);
    std::string stem = std::filesystem::path(label).stem().string();
    if (IsChangeSheetName(stem)) {
      changes[f] = true;
      report->notes.push_back(tables[f].name + ": kommunenummer changes, separated by " +
                              CsvSeparatorName(separator) + "s");
      continue;
    }
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
                            ", separated by " + CsvSeparatorName(separator) + "s");
  }
  if (!ok) return false;
  InventoryTables inventory;
  for (size_t f = 0; f < files.size(); ++f)
    if (!changes[f])
      (roles[f] == TableRole::kSystems ? inventory.systems : inventory.integrations)
          .push_back(&tables[f]);
  ok = MapInventory(inventory, landscape, report, diagnostics);
  for (size_t f = 0; f < files.size(); ++f)
    if (changes[f]) ok &= AddChangeSheet(tables[f], landscape, report, diagnostics);
  return ok;
}

int SniffCsv(const std::vector<std::string>& paths) {
  int score = 2;
  for (const std::string& path : paths) {
    std::error_code ec;
    if (path != "-" && !std::filesystem::is_regular_file(path, ec)) return 0;
    InputText input;
    Diagnostics ignored(path);
    Table table;
    int file_score = EndsWithCsv(path) ? 1 : 0;
    CsvInfo info;
    CsvOptions options;
    options.max_rows = kSniffRows;           // the header is among the first rows
    MemoryBudget budget(size_t{256} << 20);  // ten rows: the file limit is the bound
    if (path != "-" && ReadCsvFile(path, &input, &ignored) &&
        FirstInvalidUtf8(input.text) == std::string::npos &&
        ParseCsv(input.text, path, options, &table, &info, &budget, &ignored)) {
      if (IsArchiCsv(table)) return 0;  // Archi's elements, relations or properties.csv
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
