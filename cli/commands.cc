// The subcommand table and the top level of the command line: dispatch, help, "did you mean".
#include "cli/commands.h"

#include <ostream>
#include <string>

#include "engine/model/suggest.h"

namespace landskap::cli {

const std::vector<Command>& Commands() {
  static const std::vector<Command> commands = {
      ValidateCommand(), StatsCommand(),  ImpactCommand(), PlanCommand(),     RenderCommand(),
      HotspotsCommand(), ReportCommand(), FmtCommand(),    MergeCommand(),    SplitCommand(),
      DiffCommand(),     SynthCommand(),  ImportCommand(), TemplateCommand(), ExportCommand(),
  };
  return commands;
}

namespace {

void PrintOverview(std::ostream& out) {
  out << "landskap: the IT landscape of municipalities as a dependency graph.\n\n"
         "Usage: landskap COMMAND FILE [options]\n\nCommands:\n";
  for (const Command& c : Commands()) {
    std::string name(c.name);
    name.resize(10, ' ');
    out << "  " << name << c.summary << "\n";
  }
  out << "\nRun 'landskap COMMAND --help' for a command's options and an example.\n"
         "Start with: landskap impact datasets/oygarden-2020.json --key kommunenummer\n\n"
         "Exit codes: 0 success, 1 a --fail-if-... gate was hit, 2 bad usage or invalid input.\n";
}

}  // namespace

int Run(const Args& args, Io io) {
  if (args.empty()) {
    PrintOverview(io.err);
    return kExitInvalid;
  }
  const std::string& name = args[0];
  if (name == "--help" || name == "-h" || name == "help") {
    PrintOverview(io.out);
    return kExitOk;
  }
  if (name == "--version") {
    io.out << "landskap 0.1.0\n";
    return kExitOk;
  }
  for (const Command& c : Commands()) {
    if (c.name != name) continue;
    Args rest(args.begin() + 1, args.end());
    if (name == "export") rest = ExportKindAsOption(rest);
    return RunCommand(c, rest, io);
  }
  std::vector<std::string_view> names;
  for (const Command& c : Commands()) names.push_back(c.name);
  io.err << "landskap: error: '" << name << "' is not a landskap command" << DidYouMean(name, names)
         << "\nRun 'landskap --help' for the list of commands.\n";
  return kExitInvalid;
}

}  // namespace landskap::cli
