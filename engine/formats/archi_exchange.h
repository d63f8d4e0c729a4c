// Reading ArchiMate models written as XML: the Open Group Model Exchange File Format (3.x and
// 2.1; namespaces http://www.opengroup.org/xsd/archimate/3.0/ and
// http://www.opengroup.org/xsd/archimate) and Archi's native .archimate (plain XML, or a zip
// archive holding model.xml when the model has images). The Importer row is "archimate".
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "engine/formats/archi_model.h"
#include "engine/formats/importer.h"
#include "engine/model/diagnostics.h"
#include "pugixml.hpp"

namespace landskap {

// Reads `text` (an exchange file or a native model) into `model`; `format` receives its name
// ("Open Group exchange format 3.x", "Open Group exchange format 2.1", "Archi model
// (.archimate)"). Returns false, with the place in `diagnostics`, when the text is not XML or
// not an ArchiMate model.
bool ParseArchiXml(std::string_view text, const std::string& label, ArchiModel* model,
                   std::string* format, Diagnostics* diagnostics);

// When `bytes` is a zip archive (Archi's format for models with images), the text of its
// model.xml; otherwise `bytes` unchanged. False, with a message, for a broken archive.
bool UnpackArchimate(std::string bytes, const std::string& label, std::string* xml,
                     Diagnostics* diagnostics);

// One element or relationship written the native way (a folder's <element xsi:type=...> or a
// coArchi file's root <archimate:ApplicationComponent ...>) into `model`. `type` is the
// normalised type. Used by the native and the coArchi readers.
void AddNativeConcept(const pugi::xml_node& node, const std::string& type, const std::string& place,
                      ArchiModel* model);

// The local part of an XML name: "archimate:model" → "model".
std::string_view LocalName(const char* name);
// The value of xsi:type (any prefix), or "".
std::string XsiType(const pugi::xml_node& node);

int SniffArchimate(const std::vector<std::string>& paths);
bool ReadArchimate(const std::vector<std::string>& paths, const ImportOptions& options,
                   Landscape* landscape, ImportReport* report, Diagnostics* diagnostics);

}  // namespace landskap
