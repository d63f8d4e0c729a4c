// Archi's three-file CSV: the records of the shared CSV reader (engine/file/csv.h; Archi quotes
// every field, people who edit the files in Excel get ";" and Windows-1252), the files found by
// their names, and the rows turned into an ArchiModel.
#include "engine/formats/archi_csv.h"

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <map>

#include "engine/file/csv.h"
#include "engine/file/input.h"
#include "engine/model/budget.h"
#include "engine/model/text.h"

namespace landskap {
namespace fs = std::filesystem;
namespace {

const char* const kSuffixes[] = {"elements.csv", "relations.csv", "properties.csv"};

bool EndsWith(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

// Which of the three files `path` is by name (0, 1, 2), or -1; `prefix` gets what comes before.
int WhichFile(const std::string& path, std::string* prefix = nullptr) {
  std::string name = AsciiLower(fs::path(path).filename().string());
  for (int i = 0; i < 3; ++i) {
    if (EndsWith(name, kSuffixes[i])) {
      if (prefix) {
        std::string original = fs::path(path).filename().string();
        *prefix = original.substr(0, original.size() - std::strlen(kSuffixes[i]));
      }
      return i;
    }
  }
  return -1;
}

// What an entry of the id index (a map node with its key) takes besides the key's text.
constexpr size_t kIndexBytes = 80;

// The column of each wanted header (case-insensitive), or npos.
std::map<std::string, size_t> Columns(const CsvRecord& header) {
  std::map<std::string, size_t> columns;
  for (size_t i = 0; i < header.fields.size(); ++i) {
    std::string name = AsciiLower(header.fields[i]);
    while (!name.empty() && name.back() == ' ') name.pop_back();
    while (!name.empty() && name.front() == ' ') name.erase(0, 1);
    columns.emplace(name, i);
  }
  return columns;
}

std::string Field(const CsvRecord& record, const std::map<std::string, size_t>& columns,
                  const std::string& name) {
  auto it = columns.find(name);
  if (it == columns.end() || it->second >= record.fields.size()) return "";
  return record.fields[it->second];
}

// The records of one file; what they take is charged to `budget` (an error at the line where it
// is spent).
bool ParseRecords(std::string_view text, std::vector<CsvRecord>* records, char* separator,
                  MemoryBudget* budget, Diagnostics* diagnostics) {
  CsvOptions options;
  options.on_tie = ',';  // Archi writes commas
  options.sep_line = false;
  options.text_after_quote_is_error = true;  // Archi quotes every field whole
  CsvInfo info;
  bool spent = false;
  bool read = ReadCsvRows(
      text, options,
      [&](CsvRow& row) {
        CsvRecord record;
        record.line = row.line;
        record.fields.reserve(row.cells.size());
        size_t bytes = sizeof(CsvRecord) + row.cells.size() * sizeof(std::string);
        for (CsvCell& cell : row.cells) {
          bytes += MemoryBudget::HeapBytes(cell.text);
          record.fields.push_back(std::move(cell.text));
        }
        if (!budget->Charge(bytes)) {
          diagnostics->Error(std::to_string(row.line) + ":1",
                             "the rows up to here take more than " +
                                 MemoryBudget::Megabytes(budget->limit()) +
                                 " in memory, the most landskap gives a file of " +
                                 MemoryBudget::Megabytes(text.size()) +
                                 "; Archi writes far less per row. Is this the right file?");
          spent = true;
          return false;
        }
        records->push_back(std::move(record));
        return true;
      },
      &info, diagnostics);
  *separator = info.separator;
  return read && !spent;
}

bool ParseFile(std::string_view text, const std::string& label,
               const std::vector<std::string>& required, std::vector<CsvRecord>* records,
               std::map<std::string, size_t>* columns, MemoryBudget* budget,
               Diagnostics* diagnostics) {
  Diagnostics local(label);
  // Names and keys read here end up in a landscape file, which must be UTF-8; the reader converts
  // Windows-1252 first, and the parser refuses anything else whoever calls it.
  if (size_t bad = FirstInvalidUtf8(text); bad != std::string::npos) {
    local.Error(LineIndex(text).At(bad),
                "this file is not UTF-8 here; export it from Archi again (Archi writes UTF-8)");
    diagnostics->Append(local);
    return false;
  }
  char separator = ',';
  if (!ParseRecords(text, records, &separator, budget, &local)) {
    diagnostics->Append(local);
    return false;
  }
  if (records->empty()) {
    local.Error("1:1", "this file is empty; Archi writes a header row \"ID\",\"Type\",\"Name\"…");
    diagnostics->Append(local);
    return false;
  }
  *columns = Columns(records->front());
  bool ok = true;
  for (const std::string& name : required) {
    if (columns->count(name)) continue;
    std::string expected;
    for (const std::string& r : required) expected += (expected.empty() ? "" : ", ") + r;
    local.Error("1:1", "no column '" + name + "' in the header row; Archi's " +
                           fs::path(label).filename().string() + " has the columns " + expected);
    ok = false;
  }
  diagnostics->Append(local);
  return ok;
}

ArchiAccess AccessFromText(std::string_view text) {
  std::string v = AsciiLower(text);
  if (v == "read" || v == "1") return ArchiAccess::kRead;
  if (v == "readwrite" || v == "read_write" || v == "read/write" || v == "3")
    return ArchiAccess::kReadWrite;
  if (v == "access" || v == "2") return ArchiAccess::kUnspecified;
  return ArchiAccess::kWrite;  // Archi's default
}

}  // namespace

bool ParseCsv(std::string_view text, std::vector<CsvRecord>* records, char* separator,
              Diagnostics* diagnostics) {
  MemoryBudget budget(text.size());
  return ParseRecords(text, records, separator, &budget, diagnostics);
}

bool FindArchiCsvFiles(const std::vector<std::string>& paths, ArchiCsvFiles* files,
                       Diagnostics* diagnostics) {
  std::string* slots[3] = {&files->elements, &files->relations, &files->properties};
  std::error_code ec;
  std::string prefix;
  fs::path folder;
  for (const std::string& path : paths) {
    if (fs::is_directory(path, ec)) {
      // A folder: its elements.csv and the siblings. Several exports (prefixes) in one folder
      // are several models: the user names the one meant, landskap does not pick one.
      std::vector<std::string> names;
      for (const auto& entry : fs::directory_iterator(path, ec))
        if (WhichFile(entry.path().string()) == 0) names.push_back(entry.path().string());
      std::sort(names.begin(), names.end());
      if (names.empty()) {
        Diagnostics local(path);
        local.Error("",
                    "this folder holds no elements.csv; export the model from Archi with "
                    "File › Export › Model to CSV");
        diagnostics->Append(local);
        return false;
      }
      if (names.size() > 1) {
        std::string list;
        for (const std::string& name : names)
          list += (list.empty() ? "" : ", ") + fs::path(name).filename().string();
        Diagnostics local(path);
        local.Error("", "this folder holds " + std::to_string(names.size()) +
                            " Archi CSV exports (" + list +
                            "); name the elements.csv of the one to read, e.g. " +
                            (fs::path(path) / fs::path(names.front()).filename()).string());
        diagnostics->Append(local);
        return false;
      }
      files->elements = names.front();
      WhichFile(names.front(), &prefix);
      folder = fs::path(names.front()).parent_path();
      continue;
    }
    std::string this_prefix;
    int which = WhichFile(path, &this_prefix);
    if (which < 0) {
      Diagnostics local(path);
      local.Error("",
                  "Archi's CSV export is three files named elements.csv, relations.csv and "
                  "properties.csv (with an optional prefix); this name is none of them");
      diagnostics->Append(local);
      return false;
    }
    *slots[which] = path;
    prefix = this_prefix;
    folder = fs::path(path).parent_path();
  }
  // The files not given but lying beside the given ones, with the same prefix.
  for (int i = 0; i < 3; ++i) {
    if (!slots[i]->empty()) continue;
    fs::path sibling = folder / (prefix + kSuffixes[i]);
    if (fs::is_regular_file(sibling, ec)) *slots[i] = sibling.string();
  }
  if (files->elements.empty()) {
    Diagnostics local(paths.empty() ? "" : paths.front());
    local.Error("", "no " + prefix +
                        "elements.csv beside this file; Archi's CSV export writes "
                        "elements.csv, relations.csv and properties.csv together");
    diagnostics->Append(local);
    return false;
  }
  return true;
}

bool ParseArchiCsv(std::string_view elements, const std::string& elements_label,
                   std::string_view relations, const std::string& relations_label,
                   std::string_view properties, const std::string& properties_label,
                   ArchiModel* model, Diagnostics* diagnostics) {
  std::vector<CsvRecord> rows;
  std::map<std::string, size_t> columns;
  // One budget for the three files and the model made of them.
  MemoryBudget budget(elements.size() + relations.size() + properties.size());
  bool spent = false;
  auto charge = [&](size_t bytes, const std::string& label, size_t line) {
    if (budget.Charge(bytes) || spent) return !spent;
    spent = true;
    Diagnostics local(label);
    local.Error(std::to_string(line) + ":1",
                "the model up to here takes more than " + MemoryBudget::Megabytes(budget.limit()) +
                    " in memory, the most landskap gives files of this size; Archi "
                    "writes far less per row. Are these the right files?");
    diagnostics->Append(local);
    return false;
  };
  auto text_bytes = [](std::initializer_list<const std::string*> texts) {
    size_t bytes = 0;
    for (const std::string* t : texts) bytes += MemoryBudget::HeapBytes(*t);
    return bytes;
  };
  size_t before = budget.used();
  if (!ParseFile(elements, elements_label, {"id", "type", "name"}, &rows, &columns, &budget,
                 diagnostics))
    return false;
  size_t records = budget.used() - before;  // given back when the records are cleared
  std::string model_id;
  std::map<std::string, std::pair<bool, size_t>> by_id;  // id → (relationship?, index)
  for (size_t r = 1; r < rows.size(); ++r) {
    std::string type = NormaliseArchiType(Field(rows[r], columns, "type"));
    std::string id = Field(rows[r], columns, "id");
    if (type == "ArchimateModel") {  // the first row names the model itself
      model->name = Field(rows[r], columns, "name");
      model_id = id;
      continue;
    }
    model->elements.push_back({id,
                               type,
                               Field(rows[r], columns, "name"),
                               elements_label + ":" + std::to_string(rows[r].line),
                               {}});
    const ArchiElement& e = model->elements.back();
    if (!charge(sizeof(ArchiElement) + kIndexBytes + 2 * MemoryBudget::HeapBytes(e.id) +
                    text_bytes({&e.type, &e.name, &e.place}),
                elements_label, rows[r].line))
      return false;
    by_id.emplace(id, std::make_pair(false, model->elements.size() - 1));
  }
  bool ok = true;
  if (!relations.empty()) {
    rows.clear();
    budget.Release(records);
    before = budget.used();
    if (ParseFile(relations, relations_label, {"id", "type", "source", "target"}, &rows, &columns,
                  &budget, diagnostics)) {
      records = budget.used() - before;
      for (size_t r = 1; r < rows.size(); ++r) {
        ArchiRelationship rel;
        rel.id = Field(rows[r], columns, "id");
        rel.type = NormaliseArchiType(Field(rows[r], columns, "type"));
        rel.name = Field(rows[r], columns, "name");
        rel.source = Field(rows[r], columns, "source");
        rel.target = Field(rows[r], columns, "target");
        rel.access = ArchiAccess::kWrite;
        rel.place = relations_label + ":" + std::to_string(rows[r].line);
        model->relationships.push_back(std::move(rel));
        const ArchiRelationship& x = model->relationships.back();
        if (!charge(sizeof(ArchiRelationship) + kIndexBytes + 2 * MemoryBudget::HeapBytes(x.id) +
                        text_bytes({&x.type, &x.name, &x.source, &x.target, &x.place}),
                    relations_label, rows[r].line))
          return false;
        by_id.emplace(model->relationships.back().id,
                      std::make_pair(true, model->relationships.size() - 1));
      }
    } else {
      ok = false;
    }
  }
  if (!properties.empty()) {
    rows.clear();
    budget.Release(records);
    if (ParseFile(properties, properties_label, {"id", "key", "value"}, &rows, &columns, &budget,
                  diagnostics)) {
      for (size_t r = 1; r < rows.size(); ++r) {
        std::string id = Field(rows[r], columns, "id");
        std::string key = Field(rows[r], columns, "key");
        std::string value = Field(rows[r], columns, "value");
        auto it = by_id.find(id);
        if (it == by_id.end()) continue;  // the model's own properties, or a deleted concept
        if (!charge(sizeof(ArchiProperty) + text_bytes({&key, &value}), properties_label,
                    rows[r].line))
          return false;
        if (it->second.first) {
          ArchiRelationship& rel = model->relationships[it->second.second];
          // Archi writes an access relationship's kind as the property "Access_Type".
          std::string folded = AsciiLower(key);
          if (folded == "access_type" || folded == "accesstype")
            rel.access = AccessFromText(value);
          else
            rel.properties.push_back({key, value});
        } else {
          model->elements[it->second.second].properties.push_back({key, value});
        }
      }
    } else {
      ok = false;
    }
  }
  (void)model_id;
  return ok;
}

int SniffArchiCsv(const std::vector<std::string>& paths) {
  int best = 0;
  std::error_code ec;
  for (const std::string& path : paths) {
    if (fs::is_directory(path, ec)) {
      for (const auto& entry : fs::directory_iterator(path, ec))
        if (WhichFile(entry.path().string()) == 0) best = std::max(best, 2);
      continue;
    }
    int which = WhichFile(path);
    if (which < 0) return 0;
    InputText input;
    Diagnostics ignored;
    InputRules rules;
    rules.convert_windows_1252 = true;
    rules.pipe_wait_ms = 0;
    if (!ReadInput(path, rules, &input, &ignored)) {
      best = std::max(best, 1);
      continue;
    }
    std::string head = AsciiLower(input.text.substr(0, input.text.find('\n')));
    bool archi = which == 2 ? head.find("key") != std::string::npos
                            : head.find("type") != std::string::npos &&
                                  head.find("\"id\"") != std::string::npos;
    best = std::max(best, archi ? 2 : 1);
  }
  return best;
}

bool ReadArchiCsv(const std::vector<std::string>& paths, const ImportOptions& options,
                  Landscape* landscape, ImportReport* report, Diagnostics* diagnostics) {
  ArchiCsvFiles files;
  if (!FindArchiCsvFiles(paths, &files, diagnostics)) return false;
  InputText texts[3];
  const std::string* names[3] = {&files.elements, &files.relations, &files.properties};
  bool ok = true;
  for (int i = 0; i < 3; ++i) {
    if (names[i]->empty()) {
      report->notes.push_back(std::string("no ") + kSuffixes[i] + " beside " + files.elements +
                              (i == 1 ? ": the model has no relationships, so no integrations"
                                      : ": no properties are read"));
      continue;
    }
    InputRules rules;
    rules.what = std::string("Archi's ") + kSuffixes[i];
    rules.convert_windows_1252 = true;
    Diagnostics local(*names[i]);
    if (!ReadInput(*names[i], rules, &texts[i], &local)) {
      ok = false;
    } else if (texts[i].encoding == Encoding::kUnknown) {
      local.Error("",
                  "this file is neither UTF-8 nor Windows-1252 text; export it from Archi "
                  "again");
      ok = false;
    } else {
      report->sources.push_back(texts[i].label);
      if (texts[i].encoding == Encoding::kWindows1252)
        report->notes.push_back(texts[i].label + ": read as Windows-1252 (not UTF-8)");
    }
    diagnostics->Append(local);
  }
  if (!ok) return false;
  ArchiModel model;
  if (!ParseArchiCsv(texts[0].text, texts[0].label, texts[1].text, texts[1].label, texts[2].text,
                     texts[2].label, &model, diagnostics))
    return false;
  report->kind = "Archi CSV (elements.csv, relations.csv, properties.csv)";
  Diagnostics local(files.elements);
  bool any = MapArchiModel(model, texts[0].label, options, landscape, report, &local);
  diagnostics->Append(local);
  return any && !diagnostics->HasErrors();
}

}  // namespace landskap
