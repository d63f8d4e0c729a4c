// The outputs of the commands that write a changed landscape and a summary of what they did
// (`merge`, `split`): -o OUT for the landscape, the summary (table on standard error, or
// --summary FILE, or on standard output without -o) in --format table, json or markdown, and
// --propose FILE for the decisions to edit. Declared, checked and written the same way for both.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "cli/pipeline.h"

namespace landskap::cli {

class SummaryOutputs {
 public:
  // --propose FILE; `help` says what it writes.
  void AddProposeOption(po::options_description* desc, const std::string& help);
  // -o, --format and --summary; `landscape` names what -o writes ("the merged landscape").
  void AddOutputOptions(po::options_description* desc, const std::string& landscape);

  // Every mistake at once: an unknown --format, one that does not match --summary's ending, two
  // outputs to the same file, an output that would overwrite an input (the command's files and
  // `more_inputs`, such as --decisions).
  bool Check(Context& c, const std::vector<std::string>& more_inputs);

  Format format() const { return format_; }
  bool proposing() const { return !propose_path_.empty(); }
  // Whether --propose names a workbook (.xlsx) rather than a JSON file.
  bool proposing_workbook() const;

  // Writes `landscape` to -o (after loading it again: a landscape that does not validate is a
  // bug of the command, and nothing is written), `proposal` to --propose, and `report` to
  // --summary, to standard output without -o, else to standard error. `what` names the
  // landscape in the internal error ("merged landscape"). Returns the exit code.
  int Write(Context& c, const Landscape& landscape, const std::string& what,
            const std::string& proposal, const std::string& report) const;

 private:
  std::string output_, format_text_, summary_path_, propose_path_;
  Format format_ = Format::kTable;
};

}  // namespace landskap::cli
