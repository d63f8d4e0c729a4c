// Reading merge decisions from a workbook (cli/formats/decisions_workbook.h), apart from the
// writer so that the fuzz build, which has no libxlsxwriter, can compile it. The cells become a
// landskap-decisions/1 document read by the JSON reader, and each JSON path remembers its cell:
// a check is written once, and a workbook's messages name cells.
#include <map>
#include <nlohmann/json.hpp>

#include "cli/formats/decisions_workbook.h"
#include "engine/file/input.h"
#include "engine/formats/xlsx_reader.h"
#include "engine/model/text.h"

namespace landskap::cli {
namespace {

using ordered_json = nlohmann::ordered_json;

std::string Trimmed(const std::string& text) {
  size_t a = text.find_first_not_of(" \t\r\n"), b = text.find_last_not_of(" \t\r\n");
  return a == std::string::npos ? "" : text.substr(a, b - a + 1);
}

// "a, b;c" -> {"a", "b", "c"}: retired systems in one cell, separated by commas, semicolons or
// line breaks.
std::vector<std::string> SplitList(const std::string& text) {
  std::vector<std::string> out;
  std::string item;
  for (char ch : text + ",") {
    if (ch == ',' || ch == ';' || ch == '\n') {
      if (!Trimmed(item).empty()) out.push_back(Trimmed(item));
      item.clear();
    } else {
      item += ch;
    }
  }
  return out;
}

}  // namespace

bool ParseDecisionsWorkbook(std::string_view bytes, const std::string& label, MergeDecisions* out,
                            Diagnostics* diagnostics) {
  *out = MergeDecisions{};
  out->file = label;
  std::vector<Table> sheets;
  Diagnostics read(label);
  if (!ReadWorkbook(bytes, label, &sheets, &read)) {
    diagnostics->Append(read);
    return false;
  }
  const Table* decisions = nullptr;
  const Table* about = nullptr;
  std::string names;
  for (const Table& t : sheets) {
    if (t.name == kDecisionsSheet) decisions = &t;
    if (t.name == kAboutSheet) about = &t;
    names += (names.empty() ? "" : ", ") + t.name;
  }
  Diagnostics d(label);
  if (!decisions) {
    d.Error("", std::string("no sheet \"") + kDecisionsSheet +
                    "\" with the decisions (the workbook has: " + names +
                    "); write one with landskap merge --propose forslag.xlsx");
    diagnostics->Append(d);
    return false;
  }
  std::map<std::string, std::string> cells;
  ordered_json root;
  root["format"] = std::string(kDecisionsFormat);
  if (about) {
    for (size_t r = 0; r < about->rows.size(); ++r) {
      const std::string key = Trimmed(about->rows[r].Text(0));
      const std::string value = Trimmed(about->rows[r].Text(1));
      if (key == "Format") {
        root["format"] = value;
        cells["/format"] = about->Place(r, 1);
      } else if (key == "Ny kommune" && !value.empty()) {
        root["into"] = value;
        cells["/into"] = about->Place(r, 1);
      }
    }
  }
  // The header row: the first row; each column found by its header (in any order).
  std::vector<int> column(kDecisionsColumnCount, -1);
  if (decisions->rows.empty()) {
    d.Error(SheetPlace(kDecisionsSheet, 1, 0),
            "the sheet is empty; its first row names the columns Domene, Overlever, Avvikles, "
            "Innsats (dager), Merknad");
  } else {
    const TableRow& header = decisions->rows[0];
    for (const TableCell& cell : header.cells)
      for (size_t c = 0; c < kDecisionsColumnCount; ++c)
        if (Trimmed(cell.text) == kDecisionsColumns[c] && column[c] < 0)
          column[c] = static_cast<int>(cell.index);
    if (column[1] < 0)
      d.Error(decisions->Place(0, 1),
              "no column \"Overlever\" in the first row: it names the system that survives in "
              "each domain");
  }
  root["decisions"] = ordered_json::array();
  for (size_t r = 1; r < decisions->rows.size() && column[1] >= 0; ++r) {
    const TableRow& row = decisions->rows[r];
    auto text = [&](size_t c) {
      return column[c] < 0 ? std::string() : Trimmed(row.Text(static_cast<size_t>(column[c])));
    };
    bool empty = true;
    for (size_t c = 0; c < kDecisionsColumnCount; ++c) empty &= text(c).empty();
    if (empty) continue;
    const std::string path = "/decisions/" + std::to_string(root["decisions"].size());
    auto place = [&](size_t c) {
      return decisions->Place(r, column[c] < 0 ? 0 : static_cast<size_t>(column[c]));
    };
    cells[path] = place(1);
    ordered_json item;
    if (!text(0).empty()) {
      item["domain"] = text(0);
      cells[path + "/domain"] = place(0);
    }
    if (!text(1).empty()) item["survivor"] = text(1);
    cells[path + "/survivor"] = place(1);
    item["retire"] = ordered_json::array();
    cells[path + "/retire"] = place(2);
    for (const std::string& id : SplitList(text(2))) {
      cells[path + "/retire/" + std::to_string(item["retire"].size())] = place(2);
      item["retire"].push_back(id);
    }
    if (!text(3).empty()) {
      const TableCell* cell = row.Find(static_cast<size_t>(column[3]));
      // A number cell is the number; text stays text, for the reader to refuse by name.
      if (cell && cell->number)
        item["effort_days"] = cell->value;
      else
        item["effort_days"] = text(3);
      cells[path + "/effort_days"] = place(3);
    }
    if (!text(4).empty()) {
      item["note"] = text(4);
      cells[path + "/note"] = place(4);
    }
    root["decisions"].push_back(std::move(item));
  }
  if (d.HasErrors()) {
    diagnostics->Append(d);
    return false;
  }
  Diagnostics parsed(label);
  bool ok = ParseDecisionsText(root.dump(), label, out, &parsed);
  out->cells = std::move(cells);
  diagnostics->Append(WithCells(parsed, *out));
  return ok;
}

bool ReadDecisionsAnyFile(const std::string& path, MergeDecisions* out, Diagnostics* diagnostics) {
  if (FileEnding(path) != ".xlsx") return ReadDecisionsFile(path, out, diagnostics);
  InputRules rules;
  rules.what = "an Excel workbook of merge decisions (.xlsx)";
  rules.binary = true;
  InputText input;
  Diagnostics read(path);
  if (!ReadInput(path, rules, &input, &read)) {
    diagnostics->Append(read);
    return false;
  }
  return ParseDecisionsWorkbook(input.text, input.label, out, diagnostics);
}

Diagnostics WithCells(const Diagnostics& diagnostics, const MergeDecisions& decisions) {
  Diagnostics out;
  for (const Diagnostic& item : diagnostics.Items()) {
    Diagnostics one(item.file);
    std::string where = item.file == decisions.file && !decisions.cells.empty()
                            ? decisions.CellOf(item.location)
                            : item.location;
    if (item.severity == Severity::kError)
      one.Error(where, item.message);
    else
      one.Warning(where, item.message);
    out.Append(one);
  }
  return out;
}

}  // namespace landskap::cli
