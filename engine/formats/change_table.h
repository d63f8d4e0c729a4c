// Kommunenummer change tables (CSV), such as SSB's lists of old and new numbers, turned into the
// model's `changes`, so a landscape without its own change list can be scoped to a reform.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/formats/importer.h"
#include "engine/formats/table_mapper.h"
#include "engine/model/diagnostics.h"
#include "engine/model/landscape.h"

namespace landskap {

// One row of a change table that changes something.
struct ChangeRow {
  std::string from, to;
  std::optional<ReformKind> kind;      // from a kind column or SSB's "splittes"; nullopt: not said
  size_t line = 0;                     // the line, or the sheet's row number
  std::optional<DayNumber> effective;  // from a date column ("Dato"); nullopt: not said
};

// Reads a change table: a header row, then one row per municipality, separated by ',' or ';'
// (engine/file/csv.h). The first two columns that hold kommunenummer (cells like "1246" or
// "1246 - Fjell") are the old and the new number; rows where they differ are changes of `key`.
// A column headed "splittes" (SSB's lists: 1 for the rows of a split) or "type", "kind",
// "endring" or "endringstype" (landskap's own tables: nytt nummer, sammenslåing, deling,
// grensejustering, or the English names) gives each row's kind. A year in the new number's
// header ("kommuner_2020") gives the day the changes take effect: 1 January of that year, in
// *effective; a column headed "dato" or "date" (or SSB's "changeOccurred") gives each row's
// own day (ChangeRow::effective). Other columns are ignored. Returns false (with diagnostics naming
// line and column) when the table cannot be read.
bool ReadChangeRows(std::string_view text, const std::string& file_label, std::string_view key,
                    std::vector<ChangeRow>* out, std::optional<DayNumber>* effective,
                    Diagnostics* diagnostics);
// The same for a sheet of a workbook (the template's "Endringer", or SSB's list pasted into a
// sheet): the same columns, with numbers typed as numbers (301 is 0301) and dates kept as
// Excel's serial numbers read as dates. A sheet with only its header row holds no changes and is
// no error. Diagnostics name the sheet and cell (Endringer!D3).
bool ReadChangeSheet(const Table& sheet, std::string_view key, std::vector<ChangeRow>* out,
                     std::optional<DayNumber>* effective, Diagnostics* diagnostics);
// Reads a change sheet into the landscape's changes of kommunenummer (the key is added when the
// sheet has rows), each with its own date or else the year its header names; contradictions
// are errors naming the sheet's rows. Counts what it took in report->taken["changes"]. False
// when there were errors.
bool AddChangeSheet(const Table& sheet, Landscape* landscape, ImportReport* report,
                    Diagnostics* diagnostics);
// The same for changes of `key` (nullopt: kommunenummer, added when new), each with `effective`
// when given (--changes takes a workbook's Endringer sheet so).
bool AddChangeSheet(const Table& sheet, std::optional<KeyIndex> key,
                    std::optional<DayNumber> effective, Landscape* landscape, ImportReport* report,
                    Diagnostics* diagnostics);
// The same as (old, new) pairs.
bool ReadChangeTable(std::string_view text, const std::string& file_label, std::string_view key,
                     std::vector<std::pair<std::string, std::string>>* out,
                     Diagnostics* diagnostics);

// Reads the file (through engine/file/input.h: a path, "-", a pipe; UTF-8 or Windows-1252) and
// appends its changes of `key` to the landscape, with `effective` or else the year the table's
// header names; contradictions between its rows, or with the landscape's own changes, are errors
// naming their lines (engine/model/reform.h). The key is an index, so a misspelled key is
// caught by whoever resolved it, before any table is read.
bool AddChangeTable(const std::string& path, KeyIndex key, std::optional<DayNumber> effective,
                    Landscape* landscape, Diagnostics* diagnostics);

}  // namespace landskap
