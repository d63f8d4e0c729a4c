// Writing merge decisions as a workbook (cli/formats/decisions_workbook.h); reading them back is
// decisions_workbook_reader.cc.
#include "cli/formats/decisions_workbook.h"

#include <set>

#include "cli/formats/xlsx_writer.h"
#include "engine/model/text.h"

namespace landskap::cli {
namespace {

// Rows below the proposal that still get the drop-down, for decisions added by hand.
constexpr size_t kSpareRows = 200;

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
        for (size_t c = 0; c < kDecisionsColumnCount; ++c)
          WriteText(sheet, kDecisionsSheet, 0, static_cast<lxw_col_t>(c), kDecisionsColumns[c],
                    bold, problems);
        lxw_row_t row = 1;
        for (const MergeDecision& d : decisions.decisions) {
          std::string retire;
          for (const RetireDecision& r : d.retire)
            retire += (retire.empty() ? "" : ", ") + r.system;
          const std::string cells[] = {d.domain, d.survivor, retire, "", d.note};
          for (size_t c = 0; c < kDecisionsColumnCount; ++c)
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
        for (size_t c = 0; c < kDecisionsColumnCount; ++c)
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

}  // namespace landskap::cli
