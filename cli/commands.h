// The subcommand table: one row per subcommand (cli/pipeline.h's Command), each defined in
// cli/commands/<name>.cc.
#pragma once

#include <vector>

#include "cli/pipeline.h"

namespace landskap::cli {

const std::vector<Command>& Commands();

Command ValidateCommand();
Command StatsCommand();
Command ImpactCommand();
Command PlanCommand();
Command RenderCommand();
Command HotspotsCommand();
Command ReportCommand();
Command FmtCommand();
Command MergeCommand();
Command SplitCommand();
Command DiffCommand();
Command SynthCommand();
Command ImportCommand();
Command TemplateCommand();
Command ExportCommand();
// `export archimate FILE …` → `export FILE … --to archimate` (cli/commands/export.cc).
Args ExportKindAsOption(const Args& args);

}  // namespace landskap::cli
