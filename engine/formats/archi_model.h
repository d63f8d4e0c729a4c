// What the four Archi readers (exchange XML, native .archimate, coArchi folder, Archi CSV) have
// in common: they read their format into an ArchiModel (elements, relationships, properties, as
// the model says them), and MapArchiModel turns that into systems and integrations, the same
// way for every format. docs/import.md "## Archi models" describes the mapping.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "engine/formats/importer.h"
#include "engine/model/diagnostics.h"
#include "engine/model/landscape.h"

namespace landskap {

struct ArchiProperty {
  std::string key;
  std::string value;
};

struct ArchiElement {
  std::string id;
  std::string type;  // normalised: "ApplicationComponent", "DataObject" ...
  std::string name;
  std::string place;  // "model.xml:12:5", "elements.csv:14", "model/application/id-1.xml"
  std::vector<ArchiProperty> properties;
};

// How an access relationship uses its object, which decides the direction of the data.
enum class ArchiAccess { kWrite, kRead, kReadWrite, kUnspecified };

struct ArchiRelationship {
  std::string id;
  std::string type;  // normalised: "Flow", "Serving", "Realization", "Access" ...
  std::string name;
  std::string source;
  std::string target;
  ArchiAccess access = ArchiAccess::kUnspecified;
  std::string place;
  std::vector<ArchiProperty> properties;
};

struct ArchiModel {
  std::string name;
  std::vector<ArchiElement> elements;
  std::vector<ArchiRelationship> relationships;

  size_t CountElements(std::string_view type) const;
};

// "archimate:FlowRelationship", "Flow", "UsedByRelationship" (ArchiMate 2), "Realisation" ...
// → "Flow", "Serving", "Realization"; element types lose their prefix only.
std::string NormaliseArchiType(std::string_view type);
// True for the relationship types of ArchiMate 2 and 3 (after NormaliseArchiType).
bool IsArchiRelationshipType(std::string_view type);

// Turns the model into systems and integrations in `landscape`; everything left out goes to
// `report` with its place and the reason. `label` names the source in the report's notes.
// Returns false when the model gave no system at all.
bool MapArchiModel(const ArchiModel& model, const std::string& label, const ImportOptions& options,
                   Landscape* landscape, ImportReport* report, Diagnostics* diagnostics);

// "LINE:COL" of byte offsets in one text (1-based; columns count bytes), in O(log lines) each.
class LineIndex {
 public:
  explicit LineIndex(std::string_view text);
  std::string At(size_t offset) const;

 private:
  std::vector<size_t> starts_;  // the offset of each line's first byte
  size_t size_ = 0;
};

}  // namespace landskap
