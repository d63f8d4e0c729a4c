// Reading Archi's own CSV export: elements.csv ("ID","Type","Name","Documentation"…),
// relations.csv (… "Source","Target") and properties.csv ("ID","Key","Value"), each file name
// possibly with the prefix chosen in Archi's export dialog. The Importer row is "archi-csv".
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "engine/formats/archi_model.h"
#include "engine/formats/importer.h"
#include "engine/model/diagnostics.h"

namespace landskap {

// One record of a CSV file and the line it starts on.
struct CsvRecord {
  size_t line = 0;
  std::vector<std::string> fields;
};

// Splits CSV text into records with engine/file/csv.h as Archi writes it: the separator sniffed
// from the first line (comma on a tie), empty lines skipped. Returns false, with LINE:COL, for a
// quote that is never closed or text after a closing quote.
bool ParseCsv(std::string_view text, std::vector<CsvRecord>* records, char* separator,
              Diagnostics* diagnostics);

// The three files of one export, found from any of them or from the folder that holds them.
struct ArchiCsvFiles {
  std::string elements, relations, properties;  // "" when absent
};
bool FindArchiCsvFiles(const std::vector<std::string>& paths, ArchiCsvFiles* files,
                       Diagnostics* diagnostics);

// Reads the texts of the three files (relations and properties may be empty) into `model`.
bool ParseArchiCsv(std::string_view elements, const std::string& elements_label,
                   std::string_view relations, const std::string& relations_label,
                   std::string_view properties, const std::string& properties_label,
                   ArchiModel* model, Diagnostics* diagnostics);

int SniffArchiCsv(const std::vector<std::string>& paths);
bool ReadArchiCsv(const std::vector<std::string>& paths, const ImportOptions& options,
                  Landscape* landscape, ImportReport* report, Diagnostics* diagnostics);

}  // namespace landskap
