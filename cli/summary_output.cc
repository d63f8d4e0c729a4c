// The outputs shared by merge and split (cli/summary_output.h).
#include "cli/summary_output.h"

#include <ostream>

#include "cli/output.h"
#include "engine/file/load.h"
#include "engine/file/write_landscape.h"
#include "engine/model/text.h"

namespace landskap::cli {

void SummaryOutputs::AddProposeOption(po::options_description* desc, const std::string& help) {
  desc->add_options()("propose", po::value(&propose_path_)->value_name("FILE"), help.c_str());
}

void SummaryOutputs::AddOutputOptions(po::options_description* desc, const std::string& landscape) {
  std::string output_help = "write " + landscape +
                            " to FILE ('-' for standard output); the summary then goes to "
                            "standard error, or to --summary";
  desc->add_options()("output,o", po::value(&output_)->value_name("FILE"), output_help.c_str())(
      "format", po::value(&format_text_)->value_name("FORMAT"),
      "the summary's format: table (default), json or markdown")(
      "summary", po::value(&summary_path_)->value_name("FILE"),
      "write the summary to FILE (its format from --format or the ending .json, .md, .txt)");
}

bool SummaryOutputs::proposing_workbook() const {
  return proposing() && FileEnding(propose_path_) == ".xlsx";
}

bool SummaryOutputs::Check(Context& c, const std::vector<std::string>& more_inputs) {
  bool ok = true;
  // GCC 12 warns about a maybe-uninitialized optional<enum> copied from a ternary; an int
  // with -1 for "none" says the same without the false alarm.
  int by_path_value = -1;
  if (!summary_path_.empty())
    if (auto f = FormatFromPath(summary_path_)) by_path_value = static_cast<int>(*f);
  std::optional<Format> by_path;
  if (by_path_value >= 0) by_path = static_cast<Format>(by_path_value);
  if (!format_text_.empty()) {
    auto f = ParseFormat(format_text_);
    if (!f || (*f != Format::kTable && *f != Format::kJson && *f != Format::kMarkdown)) {
      c.Usage("unknown --format '" + format_text_ + "'; use table, json or markdown");
      ok = false;
    } else {
      format_ = *f;
      if (by_path && *by_path != *f) {
        c.Usage("--format " + format_text_ + " does not match the ending of --summary '" +
                summary_path_ + "'");
        ok = false;
      }
    }
  } else if (!summary_path_.empty() && summary_path_ != "-" && !by_path &&
             !FileEnding(summary_path_).empty()) {
    c.Usage("cannot tell which format to write to --summary '" + summary_path_ +
            "': no format ends in " + FileEnding(summary_path_) +
            "; end it with .txt, .json or .md, or give --format");
    ok = false;
  } else if (by_path) {
    if (*by_path != Format::kTable && *by_path != Format::kJson && *by_path != Format::kMarkdown) {
      c.Usage("--summary is written as table (.txt), json (.json) or markdown (.md), not '" +
              summary_path_ + "'");
      ok = false;
    } else {
      format_ = *by_path;
    }
  }
  std::vector<std::pair<std::string, std::string>> outputs = {
      {"-o", output_}, {"--summary", summary_path_}, {"--propose", propose_path_}};
  // By device and inode (SameFile): "./a.json", an absolute path or a link name the same file
  // as "a.json".
  for (size_t i = 0; i < outputs.size(); ++i)
    for (size_t j = i + 1; j < outputs.size(); ++j)
      if (SameFile(outputs[i].second, outputs[j].second)) {
        c.Usage(outputs[i].first + " and " + outputs[j].first + " name the same file '" +
                outputs[i].second + "'");
        ok = false;
      }
  std::vector<std::string> inputs = c.inputs;
  for (const std::string& more : more_inputs)
    if (!more.empty()) inputs.push_back(more);
  for (const std::string& input : inputs)
    for (const auto& [option, path] : outputs)
      if (SameFile(path, input)) {
        c.Usage(option + " would overwrite the input '" + input + "'; name another file");
        ok = false;
      }
  return ok;
}

int SummaryOutputs::Write(Context& c, const Landscape& landscape, const std::string& what,
                          const std::string& proposal, const std::string& report) const {
  std::string text = WriteLandscape(landscape);
  // The landscape must load as it is written; a failure here is a bug in the command, and no
  // file is written.
  Landscape check;
  Diagnostics check_diags(what);
  if (!LoadLandscapeText(text, what, &check, &check_diags)) {
    for (const Diagnostic& d : check_diags.Items()) c.io.err << FormatDiagnostic(d) << "\n";
    c.io.err << "landskap " << c.command << ": internal error: the " << what
             << " does not validate; nothing was written.\n";
    return kExitInvalid;
  }
  if (!output_.empty() && !WriteOutput(output_, text, c.io)) return kExitInvalid;
  if (!propose_path_.empty() && !WriteOutput(propose_path_, proposal, c.io)) return kExitInvalid;
  if (!summary_path_.empty())
    return WriteOutput(summary_path_, report, c.io) ? kExitOk : kExitInvalid;
  if (output_.empty()) return WriteOutput("-", report, c.io) ? kExitOk : kExitInvalid;
  c.io.err << report;
  return kExitOk;
}

}  // namespace landskap::cli
