// Writing a Landscape back as a landskap/1 file, in the one normal form that `landskap fmt`
// produces: loading what is written gives the same landscape, and writing it again gives the
// same bytes.
#pragma once

#include <iosfwd>
#include <string>

#include "engine/model/landscape.h"

namespace landskap {

// Writes `landscape` as landskap/1 JSON, streaming to `out`:
// - fields in the order of datasets/README.md (format, name, keys, changes, systems,
//   integrations; inside each element the order of its table), two-space indent, one value per
//   line, ": " after a field name, a newline at the end;
// - fields that are empty or unspecified are left out (they load the same as absent);
// - systems, integrations, changes and declared keys keep the model's order, which is the file's;
//   the key lists of systems and integrations (sets in the model) list declared keys in
//   declaration order, then undeclared keys by id; cutover.after follows the order of systems;
// - integration ids that the loader made up (Integration::id_generated) are left out;
// - undeclared keys stay undeclared: they appear in the lists that use them, not in "keys";
// - effort_days is an integer when whole, else the shortest text that reads back as the same
//   double;
// - text is UTF-8, with only what JSON requires escaped; invalid UTF-8 (which a loaded landscape
//   cannot hold) becomes U+FFFD.
void WriteLandscape(const Landscape& landscape, std::ostream& out);

// The same, as a string.
std::string WriteLandscape(const Landscape& landscape);

}  // namespace landskap
