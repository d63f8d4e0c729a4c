// landskap fmt FILE: rewrite a landscape file in its normal form (field order, indent), the way
// gofmt and terraform fmt do, so that files written by hand, by scripts and by spreadsheets
// read alike and their diffs show only real changes.
#include <ostream>

#include "cli/commands.h"
#include "cli/formats/table.h"
#include "engine/file/input.h"
#include "engine/file/load.h"
#include "engine/file/write_landscape.h"

namespace landskap::cli {
namespace {

class Fmt : public CommandBody {
 public:
  void AddOptions(po::options_description* desc) override {
    desc->add_options()("check", po::bool_switch(&check_),
                        "write nothing; exit with 1 when FILE is not in normal form, 0 when it is")(
        "drop-unknown", po::bool_switch(&drop_unknown_),
        "drop fields landskap does not know instead of stopping");
  }

  bool Check(Context& c) override {
    if (check_ && c.output.path != "-") {
      c.Usage("--check writes nothing; leave out -o");
      return false;
    }
    return true;
  }

  int Run(Context& c) override {
    // Read once: --check compares the very bytes that were loaded, also from a pipe.
    Diagnostics diagnostics(c.file());
    InputRules rules;
    rules.what = "a landscape file";
    InputText input;
    Landscape landscape;
    bool ok = ReadInput(c.file(), rules, &input, &diagnostics) &&
              LoadLandscapeText(input.text, input.label, &landscape, &diagnostics);
    size_t unknown = 0;
    for (const Diagnostic& d : diagnostics.Items()) {
      c.io.err << FormatDiagnostic(d) << "\n";
      if (IsUnknownFieldWarning(d)) ++unknown;
    }
    if (!ok) {
      c.io.err << c.file() << ": " << Count(diagnostics.ErrorCount(), "error", "errors")
               << "; nothing was written.\n";
      return kExitInvalid;
    }
    // The model has no room for fields it does not know; writing it back would lose them
    // without a word.
    if (unknown > 0 && !drop_unknown_) {
      c.io.err << "landskap fmt: error: " << c.file() << " has "
               << Count(unknown, "unknown field", "unknown fields")
               << " (listed above) that fmt would drop; correct or remove them, or run with "
                  "--drop-unknown to drop them.\n";
      return kExitInvalid;
    }
    std::string text = WriteLandscape(landscape);
    if (check_) {
      if (input.text == text && input.encoding == Encoding::kUtf8) return kExitOk;
      c.io.err << c.file() << " is not formatted; run 'landskap fmt " << c.file() << " -o "
               << c.file() << "'\n";
      return kExitGate;
    }
    return c.Write(text);
  }

 private:
  bool check_ = false, drop_unknown_ = false;
};

}  // namespace

Command FmtCommand() {
  Command c{
      "fmt",
      "rewrite a landscape file in its normal form (field order, indent)",
      {"landskap fmt FILE [-o OUT] [--check] [--drop-unknown]",
       "Writes a landscape file in its normal form: the fields of every system and integration\n"
       "in the same order, two spaces of indent, one value per line. The content does not\n"
       "change: the systems, integrations and changes keep their order, and what the file says\n"
       "means the same afterwards. Fields landskap does not know (usually typos) would be lost,\n"
       "so fmt stops and lists them; fix them, or give --drop-unknown to drop them.\n"
       "Without -o the result goes to the terminal; -o FILE may name the file itself, which is\n"
       "then replaced completely or not at all. --check writes nothing and exits with 1 when the\n"
       "file is not in normal form (for a check before sharing a file or in CI).",
       "  landskap fmt mine.json -o mine.json\n"
       "  landskap fmt datasets/oygarden-2020.json --check"},
      kGroupOutput,
      0,
      {Format::kJson},
      10,
      Inputs::kOneFile,
      [] { return std::make_unique<Fmt>(); }};
  // `fmt FILE -o FILE` rewrites the file in place: the one command whose answer may replace
  // its input (atomically, and only after it loaded without errors).
  c.output_may_be_input = true;
  return c;
}

}  // namespace landskap::cli
