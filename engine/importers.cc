// The table of importers: one row per reader. A new reader adds its row here and its files as
// engine/import_<name>.{h,cc}.
#include "engine/import.h"
#include "engine/import_csv.h"
#include "engine/import_xlsx.h"

namespace landskap {

const std::vector<Importer>& Importers() {
  static const std::vector<Importer> importers = {
      {"xlsx", "an Excel workbook (.xlsx)", SniffXlsx, ImportXlsx},
      {"csv", "CSV files of systems and integrations", SniffCsv, ImportCsv},
  };
  return importers;
}

}  // namespace landskap
