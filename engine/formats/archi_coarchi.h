// Reading a coArchi model folder: the layout in which Archi's collaboration plug-in keeps a model
// in git (Digdir, Altinn and Brønnøysundregistrene publish theirs so): model/ with one folder per
// layer (application/, relations/, …), a folder.xml in each, and one XML file per element and
// relationship. The Importer row is "coarchi".
#pragma once

#include <string>
#include <vector>

#include "engine/formats/archi_model.h"
#include "engine/formats/importer.h"
#include "engine/model/diagnostics.h"

namespace landskap {

// The folder that holds the model's layer folders: `path`/model when there is one (a clone of
// the repository), else `path` itself when it looks like one; "" when it is no coArchi folder.
std::string CoArchiModelFolder(const std::string& path);

// Reads every element and relationship file under `folder` (a repository or its model/) into
// `model`. Files that are not well-formed XML are skipped and listed in `report`.
bool ParseCoArchiFolder(const std::string& folder, ArchiModel* model, ImportReport* report,
                        Diagnostics* diagnostics);

int SniffCoArchi(const std::vector<std::string>& paths);
bool ReadCoArchi(const std::vector<std::string>& paths, const ImportOptions& options,
                 Landscape* landscape, ImportReport* report, Diagnostics* diagnostics);

}  // namespace landskap
