// The xlsx reader: zip parts through libzip from memory (the file was read by ReadInput), XML
// through pugixml. Limits keep a hostile or broken file from taking the machine: each part is
// read up to 256 MB and the whole workbook up to 1 GB uncompressed, a cell holds at most Excel's
// 32 767 characters, columns beyond kMaxColumns are left out (with a note), rows keep only the
// cells that hold something, merged ranges fill only header-sized areas, and what the sheets
// keep is charged to a MemoryBudget that grows with the parts read (an error names the cell where
// it is spent).
#include "engine/formats/xlsx_reader.h"

#include <zip.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <pugixml.hpp>

#include "engine/file/input.h"
#include "engine/formats/change_table.h"
#include "engine/model/budget.h"
#include "engine/model/text.h"

namespace landskap {
namespace {

constexpr size_t kMaxPartBytes = size_t{256} << 20;
constexpr size_t kMaxWorkbookBytes = size_t{1} << 30;
constexpr size_t kMaxColumns = 256;           // an inventory has about 15
constexpr size_t kMaxRowNumber = 1048576;     // Excel's own limit
constexpr size_t kMergeRows = 20;             // merged ranges fill only the header area
constexpr size_t kMaxMerges = 1000;           // merged ranges looked at (a header has a few)
constexpr size_t kMaxCellCharacters = 32767;  // Excel's own limit for the text of a cell

// The name without a namespace prefix: "x:row" and "row" are the same element.
std::string_view Local(const char* name) {
  std::string_view n(name);
  size_t colon = n.find(':');
  return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

pugi::xml_node Child(pugi::xml_node node, std::string_view name) {
  for (pugi::xml_node c : node.children())
    if (c.type() == pugi::node_element && Local(c.name()) == name) return c;
  return {};
}

// An attribute by local name ("r:id" is found as "id" with a prefix).
const char* Attr(pugi::xml_node node, std::string_view name, bool prefixed = false) {
  for (pugi::xml_attribute a : node.attributes()) {
    std::string_view n(a.name());
    bool has_prefix = n.find(':') != std::string_view::npos;
    if (has_prefix == prefixed && Local(a.name()) == name) return a.value();
  }
  return "";
}

class Zip {
 public:
  Zip(std::string_view bytes, const std::string& label, Diagnostics* diagnostics)
      : label_(label), out_(diagnostics) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    if (source) {
      archive_ = zip_open_from_source(source, ZIP_RDONLY, &error);
      if (!archive_) zip_source_free(source);
    }
    zip_error_fini(&error);
  }
  ~Zip() {
    if (archive_) zip_discard(archive_);
  }
  Zip(const Zip&) = delete;
  Zip& operator=(const Zip&) = delete;
  bool Open() const { return archive_ != nullptr; }
  // Whether the archive has a part of that name.
  bool Has(const std::string& name) const {
    return zip_name_locate(archive_, name.c_str(), ZIP_FL_NOCASE) >= 0;
  }
  // The bytes of all parts read so far, unpacked.
  size_t total() const { return total_; }

  // The part's bytes, or nullopt when it is not there; an error when it cannot be read.
  std::optional<std::string> Part(const std::string& name) {
    zip_int64_t index = zip_name_locate(archive_, name.c_str(), ZIP_FL_NOCASE);
    if (index < 0) return std::nullopt;
    zip_file_t* file = zip_fopen_index(archive_, static_cast<zip_uint64_t>(index), 0);
    if (!file) {
      out_->Error(name, "this part of the workbook cannot be read (" +
                            std::string(zip_strerror(archive_)) +
                            "); is the workbook protected with a password? Save it without one");
      return std::nullopt;
    }
    std::string data;
    char buffer[65536];
    for (;;) {
      zip_int64_t got = zip_fread(file, buffer, sizeof buffer);
      if (got < 0) {
        out_->Error(name, "this part of the workbook is damaged (" +
                              std::string(zip_file_strerror(file)) + ")");
        zip_fclose(file);
        return std::nullopt;
      }
      if (got == 0) break;
      data.append(buffer, static_cast<size_t>(got));
      total_ += static_cast<size_t>(got);
      if (data.size() > kMaxPartBytes || total_ > kMaxWorkbookBytes) {
        out_->Error(
            name, "this part of the workbook unpacks to more than " +
                      std::to_string(
                          (data.size() > kMaxPartBytes ? kMaxPartBytes : kMaxWorkbookBytes) >> 20) +
                      " MB; an inventory is far smaller. Is this the right file?");
        zip_fclose(file);
        return std::nullopt;
      }
    }
    zip_fclose(file);
    return data;
  }

 private:
  std::string label_;
  Diagnostics* out_;
  zip_t* archive_ = nullptr;
  size_t total_ = 0;
};

// Parses in place: the DOM points into `bytes`, which must outlive it (no second copy of a
// 256 MB part).
bool ParseXml(std::string& bytes, const std::string& part, pugi::xml_document* doc,
              Diagnostics* out) {
  pugi::xml_parse_result r = doc->load_buffer_inplace(bytes.data(), bytes.size(),
                                                      pugi::parse_default, pugi::encoding_utf8);
  if (!r) {
    out->Error(part, std::string("this part of the workbook is not well-formed XML (") +
                         r.description() + " at byte " + std::to_string(r.offset) + ")");
    return false;
  }
  return true;
}

// A part name relative to the folder of `base` ("xl/workbook.xml" + "worksheets/sheet1.xml").
std::string ResolvePart(const std::string& base, std::string_view target) {
  if (!target.empty() && target[0] == '/') return std::string(target.substr(1));
  std::string folder = base.substr(0, base.rfind('/') == std::string::npos ? 0 : base.rfind('/'));
  std::vector<std::string> parts;
  auto push = [&](std::string_view path) {
    size_t start = 0;
    for (size_t i = 0; i <= path.size(); ++i) {
      if (i < path.size() && path[i] != '/') continue;
      std::string_view p = path.substr(start, i - start);
      start = i + 1;
      if (p.empty() || p == ".") continue;
      if (p == "..") {
        if (!parts.empty()) parts.pop_back();
      } else {
        parts.emplace_back(p);
      }
    }
  };
  push(folder);
  push(target);
  std::string out;
  for (const std::string& p : parts) out += (out.empty() ? "" : "/") + p;
  return out;
}

// Relationship id → target part, of the part `base`.
std::map<std::string, std::pair<std::string, std::string>> Relationships(Zip& zip,
                                                                         const std::string& base,
                                                                         Diagnostics* out) {
  std::map<std::string, std::pair<std::string, std::string>> rels;  // id → (type, part)
  size_t slash = base.rfind('/');
  std::string rels_part = (slash == std::string::npos ? "" : base.substr(0, slash + 1)) + "_rels/" +
                          base.substr(slash == std::string::npos ? 0 : slash + 1) + ".rels";
  std::optional<std::string> bytes = zip.Part(rels_part);
  pugi::xml_document doc;
  if (!bytes || !ParseXml(*bytes, rels_part, &doc, out)) return rels;
  for (pugi::xml_node r : Child(doc, "Relationships").children()) {
    if (Local(r.name()) != "Relationship") continue;
    std::string target = Attr(r, "Target");
    std::string part = base.empty() ? ResolvePart("", target) : ResolvePart(base, target);
    rels[Attr(r, "Id")] = {Attr(r, "Type"), part};
  }
  return rels;
}

bool EndsWith(std::string_view text, std::string_view end) {
  return text.size() >= end.size() && text.substr(text.size() - end.size()) == end;
}

// Characters (not bytes) of UTF-8 text: what Excel's limit counts (near enough: Excel counts
// UTF-16 units, which differ only for characters outside the BMP).
size_t Characters(std::string_view text) {
  size_t n = 0;
  for (char c : text) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

// The text of a shared string item or an inline string: its <t>, or its runs' <t>s (without
// phonetic runs). Stops growing past Excel's limit; *characters says how many it holds.
std::string ItemText(pugi::xml_node item, size_t* characters) {
  std::string out;
  *characters = 0;
  for (pugi::xml_node c : item.children()) {
    std::string_view n = Local(c.name());
    const char* t = n == "t" ? c.text().get() : n == "r" ? Child(c, "t").text().get() : nullptr;
    if (!t) continue;
    *characters += Characters(t);
    if (*characters <= kMaxCellCharacters) out += t;
  }
  return out;
}

std::string TooLong(size_t characters) {
  return "holds " + std::to_string(characters) +
         " characters; an Excel cell holds at most 32 767. Is this the right file?";
}

std::string NumberText(double v) {
  char buffer[40];
  if (std::isfinite(v) && v == std::floor(v) && std::fabs(v) < 1e15) {
    std::snprintf(buffer, sizeof buffer, "%.0f", v);
    return buffer;
  }
  for (int precision = 15; precision <= 17; ++precision) {
    std::snprintf(buffer, sizeof buffer, "%.*g", precision, v);
    if (std::strtod(buffer, nullptr) == v) break;
  }
  return buffer;
}

// "B12" → (column 1, row 12); false for anything else.
bool ParseRef(std::string_view ref, size_t* column, size_t* row) {
  size_t i = 0, c = 0, r = 0;
  while (i < ref.size() && std::isalpha(static_cast<unsigned char>(ref[i])) && i < 3)
    c = c * 26 + static_cast<size_t>(std::toupper(static_cast<unsigned char>(ref[i++])) - 'A' + 1);
  if (c == 0) return false;
  size_t digits = i;
  while (i < ref.size() && std::isdigit(static_cast<unsigned char>(ref[i])) && i - digits < 8)
    r = r * 10 + static_cast<size_t>(ref[i++] - '0');
  if (i != ref.size() || r == 0 || r > kMaxRowNumber) return false;
  *column = c - 1;
  *row = r;
  return true;
}

struct SheetContext {
  const std::vector<std::string>* shared;
  MemoryBudget* budget;
  Diagnostics* out;
  std::vector<ImportSkip>* skipped;
};

// One sheet's rows, sparse: a row keeps the cells that hold text, in column order. False when a
// cell is too long or the budget is spent (the error names the cell).
bool ReadSheet(const pugi::xml_document& doc, const SheetContext& context, Table* table) {
  pugi::xml_node sheet = Child(doc, "worksheet");
  pugi::xml_node data = Child(sheet, "sheetData");
  size_t row_number = 0;
  std::optional<std::string> wide;  // the first cell past kMaxColumns
  for (pugi::xml_node row : data.children()) {
    if (Local(row.name()) != "row") continue;
    size_t r = std::strtoul(Attr(row, "r"), nullptr, 10);
    row_number = (r > row_number && r <= kMaxRowNumber) ? r : row_number + 1;
    if (row_number > kMaxRowNumber) break;
    TableRow out;
    out.line = row_number;
    size_t column = 0;
    size_t bytes = sizeof(TableRow);
    for (pugi::xml_node c : row.children()) {
      if (Local(c.name()) != "c") continue;
      size_t ref_column = 0, ref_row = 0;
      if (ParseRef(Attr(c, "r"), &ref_column, &ref_row) && ref_column >= column)
        column = ref_column;
      if (column >= kMaxColumns) {
        if (!wide) wide = SheetPlace(table->name, row_number, column);
        break;
      }
      TableCell cell;
      cell.index = static_cast<uint32_t>(column);
      std::string_view type = Attr(c, "t");
      std::string v = Child(c, "v").text().get();
      size_t characters = 0;
      if (type == "s") {
        size_t index = std::strtoul(v.c_str(), nullptr, 10);
        // Each use is a copy, charged below; the string itself is at most 32 767 characters.
        if (!v.empty() && index < context.shared->size()) cell.text = (*context.shared)[index];
      } else if (type == "inlineStr") {
        cell.text = ItemText(Child(c, "is"), &characters);
      } else if (type == "str" || type == "e") {
        cell.text = v;
        characters = Characters(v);
      } else if (type == "b") {
        cell.text = v == "1" ? "TRUE" : v.empty() ? "" : "FALSE";
      } else if (type == "d") {
        cell.text = v.substr(0, 10);  // ISO 8601; the date is what matters here
      } else if (!v.empty()) {
        char* end = nullptr;
        double value = std::strtod(v.c_str(), &end);
        if (end != v.c_str() && *end == '\0' && std::isfinite(value)) {
          cell.number = true;
          cell.value = value;
          cell.text = NumberText(value);
        } else {
          cell.text = v;
          characters = Characters(v);
        }
      }
      ++column;
      if (characters > kMaxCellCharacters) {
        context.out->Error(SheetPlace(table->name, row_number, cell.index),
                           "this cell " + TooLong(characters));
        return false;
      }
      if (cell.text.empty()) continue;
      bytes += sizeof(TableCell) + MemoryBudget::HeapBytes(cell.text);
      out.cells.push_back(std::move(cell));
    }
    if (out.cells.empty()) continue;
    out.cells.shrink_to_fit();
    if (!context.budget->Charge(bytes)) {
      context.out->Error(
          SheetPlace(table->name, row_number, out.cells.back().index),
          "the cells up to here take more than " +
              MemoryBudget::Megabytes(context.budget->limit()) +
              " in memory, the most landskap gives a workbook of this size unpacked "
              "(docs/limits.md); an inventory is far smaller. Is this the right file?");
      return false;
    }
    table->rows.push_back(std::move(out));
  }
  if (wide)
    context.skipped->push_back({*wide, "cells beyond column " + ColumnLetters(kMaxColumns - 1),
                                "an inventory has far fewer columns; only the first " +
                                    std::to_string(kMaxColumns) + " are read"});
  // Merged cells: the value of the top-left cell, copied into the empty cells of the range in
  // the header area, so that a header merged over two columns names both.
  pugi::xml_node merges = Child(sheet, "mergeCells");
  size_t header_rows = std::min(kMergeRows, table->rows.size());
  size_t last_header_line = header_rows == 0 ? 0 : table->rows[header_rows - 1].line;
  size_t merges_seen = 0;
  for (pugi::xml_node m : merges.children()) {
    if (Local(m.name()) != "mergeCell") continue;
    if (++merges_seen > kMaxMerges) break;
    std::string_view ref = Attr(m, "ref");
    size_t colon = ref.find(':');
    if (colon == std::string_view::npos) continue;
    size_t c1, r1, c2, r2;
    if (!ParseRef(ref.substr(0, colon), &c1, &r1) || !ParseRef(ref.substr(colon + 1), &c2, &r2))
      continue;
    if (c2 < c1 || r2 < r1 || r1 > last_header_line || c1 >= kMaxColumns) continue;
    c2 = std::min(c2, kMaxColumns - 1);
    const TableCell* top_left = nullptr;
    for (size_t i = 0; i < header_rows; ++i)
      if (table->rows[i].line == r1) top_left = table->rows[i].Find(c1);
    if (!top_left) continue;
    TableCell value = *top_left;
    for (size_t i = 0; i < header_rows; ++i) {
      TableRow& row = table->rows[i];
      if (row.line < r1 || row.line > r2) continue;
      // The row's cells and the range's, merged in column order (the row's own win).
      std::vector<TableCell> cells;
      cells.reserve(row.cells.size() + (c2 - c1 + 1));
      size_t k = 0;
      for (size_t c = c1; c <= c2; ++c) {
        while (k < row.cells.size() && row.cells[k].index < c) cells.push_back(row.cells[k++]);
        if (k < row.cells.size() && row.cells[k].index == c) {
          cells.push_back(row.cells[k++]);
        } else {
          cells.push_back(value);
          cells.back().index = static_cast<uint32_t>(c);
          if (!context.budget->Charge(sizeof(TableCell) + MemoryBudget::HeapBytes(value.text))) {
            context.out->Error(SheetPlace(table->name, row.line, c),
                               "the merged cells up to here take more than " +
                                   MemoryBudget::Megabytes(context.budget->limit()) +
                                   " in memory; is this the right file?");
            return false;
          }
        }
      }
      while (k < row.cells.size()) cells.push_back(row.cells[k++]);
      row.cells = std::move(cells);
    }
  }
  return true;
}

bool IsSheetNamed(const std::string& name, std::initializer_list<std::string_view> names) {
  std::string folded = FoldForMatch(name);
  for (std::string_view n : names)
    if (folded == n) return true;
  return false;
}

}  // namespace

bool IsChangeSheetName(const std::string& name) {
  return IsSheetNamed(name, {"endringer", "changes", "kommuneendringer", "nummerendringer"});
}

bool ReadWorkbook(std::string_view bytes, const std::string& label, std::vector<Table>* sheets,
                  Diagnostics* diagnostics, std::vector<ImportSkip>* skipped) {
  std::vector<ImportSkip> unused;
  if (!skipped) skipped = &unused;
  Diagnostics out(label);
  auto fail = [&](std::string message) {
    out.Error("", std::move(message));
    diagnostics->Append(out);
    return false;
  };
  if (bytes.size() >= 8 &&
      bytes.substr(0, 8) == std::string_view("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8))
    return fail(
        "this is an old Excel 97-2003 workbook (.xls) or a protected workbook; open it in Excel "
        "and save it as 'Excel-arbeidsbok (*.xlsx)' without a password");
  if (bytes.size() < 4 || bytes.substr(0, 2) != "PK")
    return fail(
        "this is not an Excel workbook (.xlsx): an .xlsx file is a zip archive, and this is not "
        "one. Save it from Excel as 'Excel-arbeidsbok (*.xlsx)', or import a CSV file instead");
  Zip zip(bytes, label, &out);
  if (!zip.Open())
    return fail("this Excel workbook (.xlsx) is damaged: it cannot be opened as a zip archive");
  // Other zips people rename or pick by mistake: OpenDocument names its kind in a "mimetype"
  // part, Word and PowerPoint keep their document under word/ and ppt/.
  if (std::optional<std::string> mimetype =
          zip.Has("mimetype") ? zip.Part("mimetype") : std::nullopt;
      mimetype && mimetype->find("opendocument") != std::string::npos) {
    bool spreadsheet = mimetype->find("spreadsheet") != std::string::npos;
    return fail(std::string("this is an OpenDocument ") +
                (spreadsheet ? "spreadsheet (LibreOffice Calc, .ods)"
                             : "file (LibreOffice, not a workbook)") +
                ", not an Excel workbook; open it in LibreOffice and save it with File › Save As "
                "as 'Excel 2007-365 (.xlsx)'");
  }
  std::string workbook_part = "xl/workbook.xml";
  for (const auto& [id, rel] : Relationships(zip, "", &out))
    if (EndsWith(rel.first, "/officeDocument")) workbook_part = rel.second;
  const bool word = workbook_part.rfind("word/", 0) == 0 || zip.Has("word/document.xml");
  const bool powerpoint = workbook_part.rfind("ppt/", 0) == 0 || zip.Has("ppt/presentation.xml");
  if (word || powerpoint)
    return fail(std::string("this is a ") +
                (word ? "Word document (.docx)" : "PowerPoint presentation (.pptx)") +
                " named like a workbook, not an Excel workbook; open the inventory workbook "
                "itself (made with 'landskap template' or saved from Excel as .xlsx)");
  std::optional<std::string> workbook_bytes = zip.Part(workbook_part);
  if (!workbook_bytes) {
    if (!out.HasErrors())
      out.Error("", "this zip archive is not an Excel workbook: it has no " + workbook_part +
                        ". Save the inventory from Excel as 'Excel-arbeidsbok (*.xlsx)'");
    diagnostics->Append(out);
    return false;
  }
  pugi::xml_document workbook;
  if (!ParseXml(*workbook_bytes, workbook_part, &workbook, &out)) {
    diagnostics->Append(out);
    return false;
  }
  pugi::xml_node root = Child(workbook, "workbook");
  if (!root) {
    out.Error(workbook_part,
              "this part has no <workbook>, so this is not an Excel workbook; "
              "save the inventory from Excel as 'Excel-arbeidsbok (*.xlsx)'");
    diagnostics->Append(out);
    return false;
  }
  std::string_view d1904 = Attr(Child(root, "workbookPr"), "date1904");
  bool date1904 = d1904 == "1" || d1904 == "true";
  auto rels = Relationships(zip, workbook_part, &out);
  std::vector<std::string> shared;
  std::string shared_part = ResolvePart(workbook_part, "sharedStrings.xml");
  for (const auto& [id, rel] : rels)
    if (EndsWith(rel.first, "/sharedStrings")) shared_part = rel.second;
  if (std::optional<std::string> s = zip.Part(shared_part)) {
    pugi::xml_document doc;
    if (ParseXml(*s, shared_part, &doc, &out))
      for (pugi::xml_node si : Child(doc, "sst").children()) {
        if (Local(si.name()) != "si") continue;
        size_t characters = 0;
        shared.push_back(ItemText(si, &characters));
        if (characters > kMaxCellCharacters) {
          out.Error(shared_part,
                    "string item " + std::to_string(shared.size()) + " " + TooLong(characters));
          diagnostics->Append(out);
          return false;
        }
      }
  }
  // What the sheets keep: the budget of what is unpacked (the workbook, the strings, each sheet
  // as it is read).
  MemoryBudget budget(bytes.size());
  size_t counted = 0;
  for (pugi::xml_node s : Child(root, "sheets").children()) {
    if (Local(s.name()) != "sheet") continue;
    Table table;
    table.kind = Table::Kind::kSheet;
    table.file = label;
    table.name = Attr(s, "name");
    table.date1904 = date1904;
    auto rel = rels.find(Attr(s, "id", true));
    if (rel != rels.end()) {
      if (std::optional<std::string> sheet_bytes = zip.Part(rel->second.second)) {
        budget.AddInput(zip.total() - counted);
        counted = zip.total();
        pugi::xml_document doc;
        if (ParseXml(*sheet_bytes, rel->second.second, &doc, &out) &&
            !ReadSheet(doc, {&shared, &budget, &out, skipped}, &table)) {
          diagnostics->Append(out);
          return false;
        }
      }
    }
    sheets->push_back(std::move(table));
  }
  if (sheets->empty() && !out.HasErrors()) out.Error("", "this workbook has no sheets");
  diagnostics->Append(out);
  return !out.HasErrors();
}

bool ImportXlsxBytes(std::string_view bytes, const std::string& label, Landscape* landscape,
                     ImportReport* report, Diagnostics* diagnostics) {
  std::vector<Table> sheets;
  if (!ReadWorkbook(bytes, label, &sheets, diagnostics, &report->skipped)) return false;
  InventoryTables tables;
  const Table* systems = nullptr;
  const Table* integrations = nullptr;
  const Table* changes = nullptr;
  std::vector<bool> used(sheets.size(), false);
  for (size_t i = 0; i < sheets.size(); ++i) {
    const Table& t = sheets[i];
    if (!systems && IsSheetNamed(t.name, {"systemer", "systems"})) {
      systems = &t;
      used[i] = true;
    } else if (!integrations && IsSheetNamed(t.name, {"integrasjoner", "integrations"})) {
      integrations = &t;
      used[i] = true;
    } else if (IsSheetNamed(t.name, {"nasjonalesystemer", "nationalsystems"})) {
      tables.offered.push_back(&t);
      used[i] = true;
    } else if (!changes && IsChangeSheetName(t.name)) {
      changes = &t;
      used[i] = true;
    } else if (IsSheetNamed(t.name, {"slikfyllerduut", "howtofillin"})) {
      used[i] = true;
    }
  }
  // Sheets named otherwise: the first two that look like systems and integrations.
  for (size_t i = 0; i < sheets.size() && (!systems || !integrations); ++i) {
    if (used[i]) continue;
    TableRole role = GuessRole(sheets[i]);
    if (!systems && role == TableRole::kSystems) {
      systems = &sheets[i];
      used[i] = true;
      report->notes.push_back("No sheet is named 'Systemer' or 'Systems'; read the systems from '" +
                              sheets[i].name + "'");
    } else if (!integrations && role == TableRole::kIntegrations) {
      integrations = &sheets[i];
      used[i] = true;
      report->notes.push_back(
          "No sheet is named 'Integrasjoner' or 'Integrations'; read the integrations from '" +
          sheets[i].name + "'");
    }
  }
  for (size_t i = 0; i < sheets.size(); ++i)
    if (!used[i] && !sheets[i].rows.empty())
      report->skipped.push_back({sheets[i].name, "sheet '" + sheets[i].name + "'",
                                 "not a sheet of systems or integrations"});
  if (!systems && !integrations && changes) {
    diagnostics->Append([&] {
      Diagnostics d(label);
      d.Error("", "this workbook holds only kommunenummer changes (sheet '" + changes->name +
                      "'), no systems; give it with --changes, next to the landscape or "
                      "inventory it changes");
      return d;
    }());
    return false;
  }
  if (!systems && !integrations) {
    std::string names;
    for (const Table& t : sheets) names += (names.empty() ? "'" : ", '") + t.name + "'";
    diagnostics->Append([&] {
      Diagnostics d(label);
      d.Error("",
              "found no sheet of systems: name a sheet 'Systemer' (with a column 'System' "
              "or 'Navn') and one 'Integrasjoner' (with 'Fra' and 'Til'); the sheets are " +
                  names + ". 'landskap template' writes a workbook to fill in");
      return d;
    }());
    return false;
  }
  if (systems) tables.systems.push_back(systems);
  if (integrations)
    tables.integrations.push_back(integrations);
  else
    report->notes.push_back("The workbook has no sheet of integrations; only systems were read");
  if (systems && systems->date1904)
    report->notes.push_back(
        "The workbook counts dates from 1904 (old Mac Excel); dates are read "
        "that way");
  bool ok = MapInventory(tables, landscape, report, diagnostics);
  // The reform the coordinator wrote down (or pasted from SSB) next to the inventory.
  if (changes) ok &= AddChangeSheet(*changes, landscape, report, diagnostics);
  return ok;
}

int SniffXlsx(const std::vector<std::string>& paths) {
  if (paths.size() != 1) return 0;
  const std::string& path = paths.front();
  std::string ext = FileEnding(path);
  // An OpenDocument spreadsheet is not read, but the workbook reader is the one that says how
  // to save it as .xlsx.
  bool named = ext == ".xlsx" || ext == ".xlsm" || ext == ".ods";
  // Only regular files are looked into: sniffing a pipe would eat what the reader needs.
  std::error_code ec;
  if (path == "-" || !std::filesystem::is_regular_file(path, ec)) return named ? 1 : 0;
  InputRules rules;
  rules.binary = true;
  InputText input;
  Diagnostics ignored(path);
  if (!ReadInput(path, rules, &input, &ignored)) return named ? 1 : 0;
  bool zip = input.text.compare(0, 4, "PK\x03\x04") == 0;
  if (!zip) return named ? 1 : 0;
  // A zip named .xlsx is a workbook; a zip named otherwise may be an Archi model, so only say
  // "by name" unless the name agrees.
  return named ? 2 : 0;
}

bool ImportXlsx(const std::vector<std::string>& paths, const ImportOptions& /*options*/,
                Landscape* landscape, ImportReport* report, Diagnostics* diagnostics) {
  bool ok = true;
  for (const std::string& path : paths) {
    InputRules rules;
    rules.what = "an Excel workbook (.xlsx)";
    rules.binary = true;
    InputText input;
    Diagnostics read(path);
    if (!ReadInput(path, rules, &input, &read)) {
      diagnostics->Append(read);
      ok = false;
      continue;
    }
    ok &= ImportXlsxBytes(input.text, input.label, landscape, report, diagnostics);
  }
  return ok;
}

}  // namespace landskap
