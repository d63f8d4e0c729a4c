// Writing a Landscape as an ArchiMate model in the Open Group Model Exchange File Format 3.1, for
// Archi and other ArchiMate tools: systems as application components, integrations as flow
// relationships (carried keys, protocol and criticality as properties), optionally the impact
// of a key change as properties, and one view with every system and integration.
// `landskap import` (engine/formats/archi_exchange.h) reads it back with the same ids.
#pragma once

#include <string>

#include "engine/analysis/impact.h"
#include "engine/model/landscape.h"

namespace landskap {

// The namespace of the exchange format 3.0 and 3.1 (3.1 kept the 3.0 namespace).
inline constexpr const char* kArchimateExchangeNamespace =
    "http://www.opengroup.org/xsd/archimate/3.0/";

// The exchange file as UTF-8 text. `impact`, when given, adds to every affected system the
// properties "landskap impact" (holds-key, receives-key, depends-on …) and "landskap distance",
// and to every integration in the result "landskap impact" = "carries the change".
std::string WriteArchimateExchange(const Landscape& landscape, const ImpactResult* impact = nullptr,
                                   const std::string& key = "");

}  // namespace landskap
