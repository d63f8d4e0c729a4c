// Excel workbooks (.xlsx) read directly: a workbook is a zip (read with libzip) of XML parts
// (read with pugixml). This file turns the sheets into Tables (engine/formats/table_mapper.h),
// which know nothing of Excel; what the columns mean is decided there.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "engine/formats/importer.h"
#include "engine/formats/table_mapper.h"
#include "engine/model/diagnostics.h"

namespace landskap {

// Every sheet of the workbook in `bytes`, in the workbook's order: shared and inline strings,
// numbers (in their shortest form), booleans (TRUE/FALSE), formulas' cached values, merged
// cells (the top-left value fills the first rows of a merged range, so merged header cells
// match every column they span). Empty rows are left out; each row keeps its sheet row number.
// `label` names the file in diagnostics. False, with the reason, when it is not a workbook (a
// Word document, an OpenDocument spreadsheet … are named as such), when a cell holds more than
// Excel's 32 767 characters, or when what the sheets keep passes the reader's MemoryBudget.
// What is left out (cells past column IV) goes to `skipped` when given.
bool ReadWorkbook(std::string_view bytes, const std::string& label, std::vector<Table>* sheets,
                  Diagnostics* diagnostics, std::vector<ImportSkip>* skipped = nullptr);

// A sheet of kommunenummer changes: "Endringer" (the template's), "Changes", "Kommuneendringer",
// "Nummerendringer", in any case and spelling of æøå.
bool IsChangeSheetName(const std::string& name);

// The rows of engine/formats/importers.cc for workbooks.
int SniffXlsx(const std::vector<std::string>& paths);
bool ImportXlsx(const std::vector<std::string>& paths, const ImportOptions& options,
                Landscape* landscape, ImportReport* report, Diagnostics* diagnostics);

// A workbook in memory, as ImportXlsx reads a file (for tests and the fuzzer).
bool ImportXlsxBytes(std::string_view bytes, const std::string& label, Landscape* landscape,
                     ImportReport* report, Diagnostics* diagnostics);

}  // namespace landskap
