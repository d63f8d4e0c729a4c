// landskap validate FILE: check a file and say what is wrong, all at once.
#include <ostream>

#include "cli/commands.h"
#include "cli/options.h"

namespace landskap::cli {

int RunValidate(const Args& args, Io io) {
  HelpText help{
      "landskap validate FILE",
      "Checks a landscape file (format landskap/1) and reports every problem at once, each with\n"
      "its place in the file: line and column for broken JSON, a path such as\n"
      "/integrations/12/to for wrong content. Unknown fields are warnings (usually typos).",
      "  landskap validate datasets/oygarden-2020.json"};
  po::options_description desc("Options");
  std::string file;
  if (auto stop = StopCode(ParseArgs(args, "validate", help, desc, &file, io))) return *stop;
  Landscape landscape;
  if (!LoadForCommand(file, &landscape, io)) return kExitInvalid;
  io.out << "OK: " << Count(landscape.systems.size(), "system", "systems") << ", "
         << Count(landscape.integrations.size(), "integration", "integrations") << "\n";
  return kExitOk;
}

}  // namespace landskap::cli
