// Merge decisions as an Excel workbook, for coordinators who do not edit JSON: `merge --propose
// forslag.xlsx` writes one with drop-down lists, `merge --decisions forslag.xlsx` reads it back.
// The workbook is turned into the JSON decisions document and read by the same reader
// (engine/merge/decisions.cc), so both forms mean the same; every message names the cell.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "engine/merge/merge.h"

namespace landskap::cli {

// The sheet names and the decision columns, in order.
inline constexpr const char* kDecisionsSheet = "Beslutninger";
inline constexpr const char* kAboutSheet = "Om";
inline constexpr const char* kSystemsSheet = "Systemer";
inline constexpr const char* kDecisionsColumns[] = {"Domene", "Overlever", "Avvikles",
                                                    "Innsats (dager)", "Merknad"};
inline constexpr size_t kDecisionsColumnCount = 5;

// The workbook: "Beslutninger" (Domene, Overlever, Avvikles, Innsats (dager), Merknad; a
// drop-down of the systems in Overlever), "Systemer" (the systems the drop-down offers, with
// domain and owner) and "Om" (format and the new number). nullopt with `error` on failure.
std::optional<std::string> DecisionsWorkbook(const MergeDecisions& decisions, std::string* error);

// Reads a workbook written by DecisionsWorkbook (decisions_workbook_reader.cc) (and edited). Errors
// name the file and cell
// ("forslag.xlsx:Beslutninger!B4: error: ..."); `out->cells` keeps the cell of each JSON path
// for the messages of the merge itself.
bool ParseDecisionsWorkbook(std::string_view bytes, const std::string& label, MergeDecisions* out,
                            Diagnostics* diagnostics);

// A path ending in .xlsx is read as a workbook, any other as a JSON decisions file.
bool ReadDecisionsAnyFile(const std::string& path, MergeDecisions* out, Diagnostics* diagnostics);

// `diagnostics` with every location in the decisions file replaced by its cell (for a
// workbook; unchanged for JSON).
Diagnostics WithCells(const Diagnostics& diagnostics, const MergeDecisions& decisions);

}  // namespace landskap::cli
