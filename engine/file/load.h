// Reading a landscape file (format landskap/1): parse, check everything, intern ids.
// Every problem found is collected in Diagnostics; the landscape is usable only without errors.
#pragma once

#include <string>
#include <string_view>

#include "engine/model/diagnostics.h"
#include "engine/model/landscape.h"

namespace landskap {

struct LoadOptions {
  // A system named in an integration's from/to or a cutover's "after" but not defined in the
  // file is taken from the national catalogue (engine/file/catalogue.h) when it has that id; the
  // ids taken are in Landscape::catalogue_used. "Did you mean" then suggests catalogue ids too.
  // Off for `fmt`, which must write back only what the file says.
  bool use_catalogue = false;
};

// Reads `path`. Returns true when the file had no errors (warnings are allowed); `diagnostics`
// receives every error and warning, each with the file name and a line:column or JSON path.
bool LoadLandscapeFile(const std::string& path, Landscape* landscape, Diagnostics* diagnostics,
                       const LoadOptions& options = {});

// Machine-independent measures of what one load cost, so that tests can check that the work
// grows linearly with the file (unit tests never time anything).
struct LoadWork {
  size_t id_probes = 0;        // id lookups spent making up ids for integrations without one
  size_t suggestion_work = 0;  // candidates and edit-distance cells looked at for "did you mean"
  bool fast = false;           // the fast pass read the file (it had nothing to report)
};

// The same for text already in memory; `file_label` is the name used in diagnostics. `work`,
// when given, receives what the load cost.
bool LoadLandscapeText(std::string_view text, const std::string& file_label, Landscape* landscape,
                       Diagnostics* diagnostics, LoadWork* work = nullptr,
                       const LoadOptions& options = {});

// The precise loader alone, without the fast pass (engine/file/load_fast.h) that LoadLandscapeText
// tries first: for tests and fuzzers that check both build the same model.
bool LoadLandscapeTextPrecise(std::string_view text, const std::string& file_label,
                              Landscape* landscape, Diagnostics* diagnostics,
                              LoadWork* work = nullptr, const LoadOptions& options = {});

// True for the warning about a field the format does not have, which the loader drops: a
// command that writes the landscape back (fmt) would lose it.
bool IsUnknownFieldWarning(const Diagnostic& d);

// True when `id` is a well-formed system, integration or key id: 1 to 200 bytes of letters
// (any script), digits and . _ - : / @ +, and no spaces or control characters.
bool IsWellFormedId(std::string_view id);

}  // namespace landskap
