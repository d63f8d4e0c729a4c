// Merge decisions in Excel (cli/formats/decisions_workbook.h). Reading goes through the JSON
// reader: the cells become a landskap-decisions/1 document, and each JSON path remembers its
// cell, so a check is written once and a workbook's messages name cells.
#include "cli/formats/decisions_workbook.h"

#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "cli/formats/xlsx_writer.h"
#include "engine/file/input.h"
#include "engine/formats/xlsx_reader.h"
#include "engine/model/text.h"

namespace landskap::cli {
namespace {

using ordered_json = nlohmann::ordered_json;

// The columns of the sheet Beslutninger, and the JSON field each fills.
struct Column {
  const char* header;
  const char* field;
};
constexpr Column kColumns[] = {{"Domene", "domain"},
                               {"Overlever", "survivor"},
                               {"Avvikles", "retire"},
                               {"Innsats (dager)", "effort_days"},
                               {"Merknad", "note"}};
constexpr size_t kColumnCount = sizeof kColumns / sizeof kColumns[0];
// Rows below the proposal that still get the drop-down, for decisions added by hand.
constexpr size_t kSpareRows = 200;

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

std::optional<std::string> DecisionsWorkbook(const MergeDecisions& decisions, std::string* error) {
  // The systems the decisions name, for the drop-down: sorted, each once.
  std::set<std::string> systems;
  for (const MergeDecision& d : decisions.decisions) {
    if (!d.survivor.empty()) systems.insert(d.survivor);
    for (const RetireDecision& r : d.retire) systems.insert(r.system);
  }
  return BuildXlsx(
      [&](lxw_workbook* workbook, XlsxProblems* problems) {
        lxw_format* bold = workbook_add_format(workbook);
        format_set_bold(bold);
        format_set_bg_color(bold, 0xDDEBF7);
        lxw_worksheet* sheet = workbook_add_worksheet(workbook, kDecisionsSheet);
        lxw_worksheet* list = workbook_add_worksheet(workbook, kSystemsSheet);
        lxw_worksheet* about = workbook_add_worksheet(workbook, kAboutSheet);
        if (!sheet || !list || !about) {
          problems->Check(LXW_ERROR_MEMORY_MALLOC_FAILED, "cannot add the sheets");
          return;
        }
        for (size_t c = 0; c < kColumnCount; ++c)
          WriteText(sheet, kDecisionsSheet, 0, static_cast<lxw_col_t>(c), kColumns[c].header, bold,
                    problems);
        lxw_row_t row = 1;
        for (const MergeDecision& d : decisions.decisions) {
          std::string retire;
          for (const RetireDecision& r : d.retire)
            retire += (retire.empty() ? "" : ", ") + r.system;
          const std::string cells[] = {d.domain, d.survivor, retire, "", d.note};
          for (size_t c = 0; c < kColumnCount; ++c)
            if (!cells[c].empty())
              WriteText(sheet, kDecisionsSheet, row, static_cast<lxw_col_t>(c),
                        VisibleText(cells[c]), nullptr, problems);
          if (d.effort_days)
            problems->Check(worksheet_write_number(sheet, row, 3, *d.effort_days, nullptr),
                            "cannot write an effort");
          ++row;
        }
        // Per-retirement efforts have no column: they are said in the note, and kept only by
        // the JSON form (docs/merge.md).
        const lxw_row_t last = row + static_cast<lxw_row_t>(kSpareRows);
        if (!systems.empty()) {
          lxw_data_validation survivor{};
          survivor.validate = LXW_VALIDATION_TYPE_LIST_FORMULA;
          std::string range =
              std::string("=") + kSystemsSheet + "!$A$2:$A$" + std::to_string(systems.size() + 1);
          survivor.value_formula = range.data();
          survivor.input_title = const_cast<char*>("Overlever");
          survivor.input_message =
              const_cast<char*>("Systemet som blir igjen i domenet (id fra arket Systemer)");
          survivor.error_title = const_cast<char*>("Ukjent system");
          survivor.error_message = const_cast<char*>("Velg et system fra listen (arket Systemer)");
          problems->Check(worksheet_data_validation_range(sheet, 1, 1, last, 1, &survivor),
                          "cannot add the drop-down of Overlever");
        }
        const double widths[] = {16, 30, 44, 16, 40};
        for (size_t c = 0; c < kColumnCount; ++c)
          worksheet_set_column(sheet, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c),
                               widths[c], nullptr);
        worksheet_freeze_panes(sheet, 1, 0);

        WriteText(list, kSystemsSheet, 0, 0, "System", bold, problems);
        lxw_row_t r = 1;
        for (const std::string& id : systems)
          WriteText(list, kSystemsSheet, r++, 0, VisibleText(id), nullptr, problems);
        worksheet_set_column(list, 0, 0, 40, nullptr);

        WriteText(about, kAboutSheet, 0, 0, "Format", bold, problems);
        WriteText(about, kAboutSheet, 0, 1, std::string(kDecisionsFormat), nullptr, problems);
        WriteText(about, kAboutSheet, 1, 0, "Ny kommune", bold, problems);
        if (!decisions.into.empty())
          WriteText(about, kAboutSheet, 1, 1, decisions.into, nullptr, problems);
        WriteText(about, kAboutSheet, 3, 0,
                  "Én rad per domene: Overlever er systemet som blir igjen, Avvikles er systemene "
                  "som slås av (id-er skilt med komma). Lagre som .xlsx og gi filen til "
                  "landskap merge --decisions.",
                  nullptr, problems);
        worksheet_set_column(about, 0, 0, 16, nullptr);
        worksheet_set_column(about, 1, 1, 30, nullptr);
      },
      error);
}

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
  std::vector<int> column(kColumnCount, -1);
  if (decisions->rows.empty()) {
    d.Error(SheetPlace(kDecisionsSheet, 1, 0),
            "the sheet is empty; its first row names the columns Domene, Overlever, Avvikles, "
            "Innsats (dager), Merknad");
  } else {
    const TableRow& header = decisions->rows[0];
    for (const TableCell& cell : header.cells)
      for (size_t c = 0; c < kColumnCount; ++c)
        if (Trimmed(cell.text) == kColumns[c].header && column[c] < 0)
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
    for (size_t c = 0; c < kColumnCount; ++c) empty &= text(c).empty();
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
