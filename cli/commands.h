// The subcommand table: one row per subcommand, each implemented in cli/cmd_<name>.cc.
#pragma once

#include <string_view>
#include <vector>

#include "cli/io.h"

namespace landskap::cli {

struct Command {
  std::string_view name;
  std::string_view summary;
  int (*run)(const Args& args, Io io);  // args without the subcommand name
};

const std::vector<Command>& Commands();

int RunValidate(const Args& args, Io io);
int RunStats(const Args& args, Io io);
int RunImpact(const Args& args, Io io);
int RunPlan(const Args& args, Io io);
int RunRender(const Args& args, Io io);
int RunHotspots(const Args& args, Io io);
int RunReport(const Args& args, Io io);
int RunFmt(const Args& args, Io io);

}  // namespace landskap::cli
