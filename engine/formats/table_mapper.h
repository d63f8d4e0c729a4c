// The inventory tables coordinators keep (a sheet of systems, a sheet of integrations, in an
// Excel workbook or as CSV files) mapped onto a Landscape: headers matched in Norwegian or
// English, cells read as fields, ids made from names, systems referred to by id or by name.
// The xlsx and CSV readers only turn their files into Tables; everything about the meaning of
// the columns is here, once.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/formats/importer.h"
#include "engine/model/diagnostics.h"
#include "engine/model/landscape.h"

namespace landskap {

struct TableCell {
  std::string text;     // as shown: a number in its shortest form, a boolean TRUE/FALSE
  double value = 0;     // the number, when `number`
  uint32_t index = 0;   // the column (0-based: A is 0)
  uint32_t line = 0;    // CSV: the line the field starts on (1-based)
  uint32_t column = 0;  // CSV: the character column the field starts at (1-based)
  uint32_t end_line = 0, end_column = 0;  // CSV: where the field ends (its separator)
  bool number = false;  // stored as a number (a workbook keeps dates as serial numbers)
};

// A row keeps only the cells that hold something (sorted by column), so a row with one cell in
// column IV costs one cell, not 256.
struct TableRow {
  size_t line = 0;  // the row number in the sheet, or the line in the CSV file (1-based)
  std::vector<TableCell> cells;
  // CSV: the fields the record has (empty ones too); 0 for sheets.
  size_t fields = 0;
  // Rows with nothing in them passed over just before this one (they are not kept).
  size_t empty_before = 0;

  // The cell in `column`, or null when it is empty.
  const TableCell* Find(size_t column) const;
  TableCell* Find(size_t column);
  // Its text, "" when empty.
  const std::string& Text(size_t column) const;
};

struct Table {
  enum class Kind { kSheet, kCsv };
  Kind kind = Kind::kSheet;
  std::string file;       // the file for diagnostics
  std::string name;       // the sheet's name, or the CSV file's name
  bool date1904 = false;  // the workbook counts dates from 1904 (old Mac Excel)
  std::vector<TableRow> rows;
  size_t empty_rows_at_end = 0;  // rows with nothing in them after the last kept row

  // Where cell (row index, column index) is, for messages: "Systemer!B12" or "12:3".
  std::string Place(size_t row, size_t column) const;
  // The same with the CSV file's name in front ("systemer.csv:12:3"), for the report.
  std::string ReportPlace(size_t row, size_t column) const {
    return kind == Kind::kCsv ? name + ":" + Place(row, column) : Place(row, column);
  }
};

// "A", "B" ... "Z", "AA" ... for a 0-based column index.
std::string ColumnLetters(size_t column);
// "Systemer!B12" ('Mine systemer'!B12 when the name needs quotes) for a sheet's row number and
// 0-based column.
std::string SheetPlace(const std::string& sheet, size_t line, size_t column);

// What a table holds, judged by its header row.
enum class TableRole { kNone, kSystems, kIntegrations };
TableRole GuessRole(const Table& table);

// Text folded for comparing headers, sheet names and names: lowercase ASCII letters and
// digits only (æ→ae, ø→o, å→a, other accents stripped; everything else dropped).
std::string FoldForMatch(std::string_view text);

// An id made from a name: lowercase ASCII, æ→ae, ø→o, å→a, other accents stripped, runs of
// anything else as one '-', no '-' at either end; "system" when nothing is left.
std::string IdFromName(std::string_view name);
// The same, but empty when nothing is left (for readers with a fallback of their own).
std::string IdWordsFromName(std::string_view name);

// A date in a cell: an Excel serial number (1900 or 1904 date system), YYYY-MM-DD, or
// DD.MM.YYYY as Norwegian Excel writes dates in CSV.
std::optional<DayNumber> CellDate(const TableCell& cell, bool date1904);

struct InventoryTables {
  std::vector<const Table*> systems;
  std::vector<const Table*> integrations;
  // Systems offered for picking (the template's "Nasjonale systemer"): each is taken into the
  // landscape only when an integration or an "Etter" list names it and no table defines it.
  std::vector<const Table*> offered;
};

// Reads the tables into `landscape` (which may hold systems of earlier sources: references
// may name them). Every problem goes to `diagnostics` with its table's file and the cell;
// unused columns and empty rows are told in `report`. False when there were errors.
bool MapInventory(const InventoryTables& tables, Landscape* landscape, ImportReport* report,
                  Diagnostics* diagnostics);

}  // namespace landskap
