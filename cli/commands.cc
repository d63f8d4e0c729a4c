// The subcommand table and the top level of the command line: dispatch, help, "did you mean".
#include "cli/commands.h"

#include <cerrno>
#include <ostream>
#include <string>

#include "cli/output.h"
#include "engine/model/suggest.h"

namespace landskap::cli {

const std::vector<Command>& Commands() {
  // In the order a coordinator meets them: the workbook and its import first, the questions
  // next, the reform's own tools, then the tools for files and programs.
  static const std::vector<Command> commands = {
      TemplateCommand(), ImportCommand(), ValidateCommand(), ImpactCommand(), PlanCommand(),
      RenderCommand(),   ReportCommand(), HotspotsCommand(), StatsCommand(),  MergeCommand(),
      SplitCommand(),    DiffCommand(),   ExportCommand(),   FmtCommand(),    SynthCommand(),
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
  out << "\nStart with your inventory:\n"
         "  landskap template -o inventar.xlsx               the workbook to fill in (Norwegian)\n"
         "  landskap validate inventar.xlsx                  every problem in it at once\n"
         "  landskap impact inventar.xlsx --key kommunenummer   every command reads the workbook\n"
         "  landskap import inventar.xlsx -o landskap.json   or keep it as a landscape file\n\n"
         "Run 'landskap COMMAND --help' for a command's options and an example.\n\n"
         "Exit codes: 0 success, 1 a --fail-if-... gate was hit, 2 bad usage or invalid input.\n";
}

}  // namespace

namespace {

int Dispatch(const Args& args, Io io) {
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

}  // namespace

int Run(const Args& args, Io io) {
  const int code = Dispatch(args, io);
  // The last word: what went to standard output must have arrived (help, validate's "OK:",
  // every answer without -o). A failure the output layer already reported exited with 2.
  errno = 0;
  io.out.flush();
  std::string problem = StdoutProblem(io.out, errno);
  if (problem.empty()) return code;
  if (code != kExitInvalid) io.err << "landskap: standard output: error: " << problem << "\n";
  return kExitInvalid;
}

}  // namespace landskap::cli
