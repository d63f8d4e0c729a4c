// The table of importers: one row per reader. A new reader adds its row here and its files as
// engine/import_<name>.{h,cc}.
#include "engine/import.h"

namespace landskap {

const std::vector<Importer>& Importers() {
  static const std::vector<Importer> importers = {};
  return importers;
}

}  // namespace landskap
