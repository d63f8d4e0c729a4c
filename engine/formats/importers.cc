// The table of importers: one row per reader. A new reader adds its row here and its files as
// engine/import_<name>.{h,cc}.
#include "engine/formats/archi_coarchi.h"
#include "engine/formats/archi_csv.h"
#include "engine/formats/archi_exchange.h"
#include "engine/formats/importer.h"
#include "engine/formats/inventory_csv.h"
#include "engine/formats/xlsx_reader.h"

namespace landskap {

const std::vector<Importer>& Importers() {
  static const std::vector<Importer> importers = {
      {"xlsx", "an Excel workbook (.xlsx)", SniffXlsx, ImportXlsx},
      {"csv", "CSV files of systems and integrations", SniffCsv, ImportCsv},
      {"archimate",
       "an ArchiMate model: Open Group exchange file (3.x or 2.1) or Archi's .archimate",
       SniffArchimate, ReadArchimate},
      {"coarchi", "a coArchi model folder (model/ with one XML file per element)", SniffCoArchi,
       ReadCoArchi},
      {"archi-csv", "Archi's CSV export (elements.csv, relations.csv, properties.csv)",
       SniffArchiCsv, ReadArchiCsv},
  };
  return importers;
}

const Importer* BestImporter(const std::vector<std::string>& paths) {
  const Importer* best = nullptr;
  int best_score = 0;
  for (const Importer& i : Importers()) {
    int score = i.sniff(paths);
    if (score > best_score) {
      best = &i;
      best_score = score;
    }
  }
  return best;
}

}  // namespace landskap
