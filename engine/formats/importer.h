// Importers: readers that turn what users already have (Excel workbooks, CSV inventories,
// Archi models) into a Landscape, with a report of what was taken and what was skipped and why.
// Each reader is a row in Importers() (engine/formats/importers.cc); `landskap import` picks the
// row by
// --from, or by asking every row how sure it is that a source is its kind.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "engine/model/diagnostics.h"
#include "engine/model/landscape.h"

namespace landskap {

struct ImportOptions {
  // Archi: also take nodes and system software as systems (not only application components).
  bool include_nodes = false;
  // Archi: property name (as written in the model, any case) → landskap field: "keys",
  // "carries", "owner", "vendor", "product", "domain", "criticality", "kind". Added to the
  // built-in names (kommunenummer, Eier/Owner, Leverandør/Vendor, Kritikalitet/Criticality ...).
  std::map<std::string, std::string> property_map;
};

// One thing left out, and why: where ("Systemer!B12", "elements.csv:14", "model/app/x.xml"),
// what, and the reason in words for people.
struct ImportSkip {
  std::string place;
  std::string what;
  std::string reason;
};

struct ImportReport {
  std::string kind;  // "Excel workbook", "CSV (semicolon, Windows-1252)", "Open Group exchange 3.1"
  std::vector<std::string> sources;
  std::map<std::string, size_t> taken;  // "systems": 40, "integrations": 55 ...
  std::vector<ImportSkip> skipped;
  std::vector<std::string> notes;  // anything else worth saying (encoding sniffed ...)
};

struct Importer {
  std::string_view name;         // the --from value: "xlsx", "csv", "archimate", "archi-csv"
  std::string_view description;  // "an Excel workbook (.xlsx)", for help and messages
  // How sure the reader is that `paths` (one source: a file, a folder, or a group of files that
  // belong together) are its kind: 0 not at all, 1 by name only, 2 by content.
  int (*sniff)(const std::vector<std::string>& paths);
  // Reads the source into `landscape` (which may already hold systems from other sources).
  // Returns false when nothing usable could be read; every problem goes to `diagnostics` with
  // its place, everything skipped to `report`.
  bool (*read)(const std::vector<std::string>& paths, const ImportOptions& options,
               Landscape* landscape, ImportReport* report, Diagnostics* diagnostics);
};

// Every reader, in the order they are asked.
const std::vector<Importer>& Importers();

// The reader most sure that `paths` are its kind (the first of equally sure ones), or null.
const Importer* BestImporter(const std::vector<std::string>& paths);

}  // namespace landskap
