// landskap fmt FILE: rewrite a landscape file in its normal form (field order, indent), the way
// gofmt and terraform fmt do, so that files written by hand, by scripts and by spreadsheets
// read alike and their diffs show only real changes.
#include <fstream>
#include <ostream>
#include <sstream>

#include "cli/commands.h"
#include "cli/options.h"
#include "cli/output.h"
#include "engine/load.h"
#include "engine/write_landscape.h"

namespace landskap::cli {

int RunFmt(const Args& args, Io io) {
  HelpText help{
      "landskap fmt FILE [-o OUT] [--check] [--drop-unknown]",
      "Writes a landscape file in its normal form: the fields of every system and integration\n"
      "in the same order, two spaces of indent, one value per line. The content does not\n"
      "change: the systems, integrations and changes keep their order, and what the file says\n"
      "means the same afterwards. Fields landskap does not know (usually typos) would be lost,\n"
      "so fmt stops and lists them; fix them, or give --drop-unknown to drop them.\n"
      "Without -o the result goes to the terminal; -o FILE may name the file itself, which is\n"
      "then replaced completely or not at all. --check writes nothing and exits with 1 when the\n"
      "file is not in normal form (for a check before sharing a file or in CI).",
      "  landskap fmt mine.json -o mine.json\n"
      "  landskap fmt datasets/oygarden-2020.json --check"};
  po::options_description desc("Options");
  std::string output = "-";
  bool check = false;
  bool drop_unknown = false;
  desc.add_options()("output,o", po::value(&output)->value_name("OUT"),
                     "write to this file (it may be FILE itself) instead of the terminal")(
      "check", po::bool_switch(&check),
      "write nothing; exit with 1 when FILE is not in normal form, 0 when it is")(
      "drop-unknown", po::bool_switch(&drop_unknown),
      "drop fields landskap does not know instead of stopping");
  std::string file;
  if (auto stop = StopCode(ParseArgs(args, "fmt", help, desc, &file, io))) return *stop;
  if (check && output != "-") {
    UsageError("fmt", "--check writes nothing; leave out -o", io);
    return kExitInvalid;
  }

  Landscape landscape;
  Diagnostics diagnostics(file);
  bool ok = LoadLandscapeFile(file, &landscape, &diagnostics);
  size_t unknown = 0;
  for (const Diagnostic& d : diagnostics.Items()) {
    io.err << FormatDiagnostic(d) << "\n";
    if (IsUnknownFieldWarning(d)) ++unknown;
  }
  if (!ok) {
    io.err << file << ": " << Count(diagnostics.ErrorCount(), "error", "errors")
           << "; nothing was written.\n";
    return kExitInvalid;
  }
  // The model has no room for fields it does not know; writing it back would lose them
  // without a word.
  if (unknown > 0 && !drop_unknown) {
    io.err << "landskap fmt: error: " << file << " has "
           << Count(unknown, "unknown field", "unknown fields")
           << " (listed above) that fmt would drop; correct or remove them, or run with "
              "--drop-unknown to drop them.\n";
    return kExitInvalid;
  }

  std::string text = WriteLandscape(landscape);
  if (check) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream original;
    original << in.rdbuf();
    if (original.str() == text) return kExitOk;
    io.err << file << " is not formatted; run 'landskap fmt " << file << " -o " << file << "'\n";
    return kExitGate;
  }
  return WriteOutput(output, text, io) ? kExitOk : kExitInvalid;
}

}  // namespace landskap::cli
