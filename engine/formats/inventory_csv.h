// CSV inventories as Excel saves them in Norwegian settings: ';' or ',' (sniffed; Excel's
// "sep=;" first line is honoured), quoted fields with separators, quotes and line breaks inside,
// CRLF, a byte order mark, UTF-8 or Windows-1252 (sniffed by engine/file/input.h and said in the
// report). Each file is a Table (engine/formats/table_mapper.h); a file with Fra/Til columns holds
// integrations, any other systems.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "engine/file/csv.h"
#include "engine/formats/importer.h"
#include "engine/formats/table_mapper.h"
#include "engine/model/budget.h"
#include "engine/model/diagnostics.h"

namespace landskap {

// Splits CSV text (already UTF-8) into a Table; each cell keeps the line and the character
// column it starts at, and only cells that hold something are kept. `options.separator` is 0 to
// sniff it. The cells kept are charged to `budget`; when it is spent, an error names the line.
// False, with the place, for a quote that is never closed (engine/file/csv.h reads the records).
bool ParseCsv(std::string_view text, const std::string& label, const CsvOptions& options,
              Table* table, CsvInfo* info, MemoryBudget* budget, Diagnostics* diagnostics);

// The rows of engine/formats/importers.cc for CSV inventories.
int SniffCsv(const std::vector<std::string>& paths);
bool ImportCsv(const std::vector<std::string>& paths, const ImportOptions& options,
               Landscape* landscape, ImportReport* report, Diagnostics* diagnostics);

// CSV files already in memory (label, bytes), as ImportCsv reads them (tests, the fuzzer).
bool ImportCsvBytes(const std::vector<std::pair<std::string, std::string>>& files,
                    Landscape* landscape, ImportReport* report, Diagnostics* diagnostics);

}  // namespace landskap
