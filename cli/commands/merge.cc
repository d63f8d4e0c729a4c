// landskap merge A.json B.json ... --into NNNN: the merged landscape of a municipal merger, its
// summary, and a proposal of survivors to decide on (engine/merge/merge.h, docs/merge.md).
#include "cli/formats/merge.h"

#include <sys/stat.h>

#include <algorithm>
#include <ostream>

#include "cli/commands.h"
#include "cli/formats/table.h"
#include "cli/output.h"
#include "engine/analysis/scope.h"
#include "engine/file/load.h"
#include "engine/file/write_landscape.h"
#include "engine/merge/merge.h"
#include "engine/model/text.h"

namespace landskap::cli {
namespace {

class MergeBody : public CommandBody {
 public:
  void AddOptions(po::options_description* desc) override {
    desc->add_options()("into", po::value(&into_)->value_name("NNNN"),
                        "the new kommunenummer (required)")(
        "name", po::value(&name_)->value_name("TEXT"), "the merged landscape's name")(
        "decisions", po::value(&decisions_path_)->value_name("FILE"),
        "which system survives in each domain (format: docs/merge.md)")(
        "propose", po::value(&propose_path_)->value_name("FILE"),
        "write the decisions given plus a proposal for every undecided domain, to edit and give "
        "back with --decisions")("effective", po::value(&effective_text_)->value_name("DATE"),
                                 "the day the new number takes effect, YYYY-MM-DD")(
        "output,o", po::value(&output_)->value_name("FILE"),
        "write the merged landscape to FILE ('-' for standard output); the summary then goes "
        "to standard error, or to --summary")(
        "format", po::value(&format_text_)->value_name("FORMAT"),
        "the summary's format: table (default), json or markdown")(
        "summary", po::value(&summary_path_)->value_name("FILE"),
        "write the summary to FILE (its format from --format or the ending .json, .md, .txt)");
  }

  bool Check(Context& c) override {
    bool ok = true;
    if (into_.empty()) {
      c.Usage("say which number the merged municipality gets, e.g. --into 4626");
      ok = false;
    } else if (!IsKommunenummer(into_)) {
      c.Usage("--into takes a kommunenummer of 4 digits, not '" + into_ + "'");
      ok = false;
    }
    if (!effective_text_.empty()) {
      effective_ = ParseDate(effective_text_);
      if (!effective_) {
        c.Usage("--effective takes a date YYYY-MM-DD, not '" + effective_text_ + "'");
        ok = false;
      }
    }
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
      if (*by_path != Format::kTable && *by_path != Format::kJson &&
          *by_path != Format::kMarkdown) {
        c.Usage("--summary is written as table (.txt), json (.json) or markdown (.md), not '" +
                summary_path_ + "'");
        ok = false;
      } else {
        format_ = *by_path;
      }
    }
    std::vector<std::pair<std::string, std::string>> outputs = {
        {"-o", output_}, {"--summary", summary_path_}, {"--propose", propose_path_}};
    // By device and inode (SameFile): "./a.json", an absolute path or a link name the same
    // file as "a.json".
    for (size_t i = 0; i < outputs.size(); ++i)
      for (size_t j = i + 1; j < outputs.size(); ++j)
        if (SameFile(outputs[i].second, outputs[j].second)) {
          c.Usage(outputs[i].first + " and " + outputs[j].first + " name the same file '" +
                  outputs[i].second + "'");
          ok = false;
        }
    // One file under two names (./a.json, a link) would count its municipality twice; a copy
    // is found after loading, by content (engine/merge/merge.cc).
    std::vector<std::pair<std::pair<dev_t, ino_t>, size_t>> identities;
    for (size_t i = 0; i < c.inputs.size(); ++i) {
      struct stat st;
      if (c.inputs[i] != "-" && ::stat(c.inputs[i].c_str(), &st) == 0 && S_ISREG(st.st_mode))
        identities.push_back({{st.st_dev, st.st_ino}, i});
    }
    std::sort(identities.begin(), identities.end());
    for (size_t i = 1; i < identities.size(); ++i)
      if (identities[i].first == identities[i - 1].first) {
        c.Usage("'" + c.inputs[identities[i].second] + "' and '" +
                c.inputs[identities[i - 1].second] +
                "' are the same file; give each municipality's file once");
        ok = false;
      }
    std::vector<std::string> read = c.inputs;
    if (!decisions_path_.empty()) read.push_back(decisions_path_);
    for (const std::string& input : read)
      for (const auto& [option, path] : outputs)
        if (SameFile(path, input)) {
          c.Usage(option + " would overwrite the input '" + input + "'; name another file");
          ok = false;
        }
    return ok;
  }

  bool Resolve(Context& c) override {
    if (decisions_path_.empty()) return true;
    Diagnostics diagnostics(decisions_path_);
    bool ok = ReadDecisionsFile(decisions_path_, &decisions_, &diagnostics);
    for (const Diagnostic& d : diagnostics.Items()) c.io.err << FormatDiagnostic(d) << "\n";
    if (!ok)
      c.io.err << decisions_path_ << ": " << Count(diagnostics.ErrorCount(), "error", "errors")
               << "; nothing was merged.\n";
    return ok;
  }

  int Run(Context& c) override {
    std::vector<MergeInput> inputs;
    for (size_t i = 0; i < c.inputs.size(); ++i) inputs.push_back({c.inputs[i], &c.landscapes[i]});
    MergeOptions options;
    options.into = into_;
    options.name = name_;
    options.effective = effective_;
    options.decisions = decisions_path_.empty() ? nullptr : &decisions_;
    Landscape merged;
    MergeSummary summary;
    Diagnostics diagnostics;
    bool ok = MergeLandscapes(inputs, options, &merged, &summary, &diagnostics);
    for (const Diagnostic& d : diagnostics.Items()) c.io.err << FormatDiagnostic(d) << "\n";
    if (!ok) {
      c.io.err << "landskap merge: " << Count(diagnostics.ErrorCount(), "error", "errors")
               << "; nothing was written.\n";
      return kExitInvalid;
    }
    std::string text = WriteLandscape(merged);
    // The merged file must load as it is written; a failure here is a bug in merge, and no
    // file is written.
    Landscape check;
    Diagnostics check_diags("merged landscape");
    if (!LoadLandscapeText(text, "merged landscape", &check, &check_diags)) {
      for (const Diagnostic& d : check_diags.Items()) c.io.err << FormatDiagnostic(d) << "\n";
      c.io.err << "landskap merge: internal error: the merged landscape does not validate; "
                  "nothing was written.\n";
      return kExitInvalid;
    }
    std::string report = FormatMergeSummary(summary, name_, format_);
    if (!output_.empty() && !WriteOutput(output_, text, c.io)) return kExitInvalid;
    if (!propose_path_.empty() &&
        !WriteOutput(propose_path_,
                     WriteDecisions(ProposalAsDecisions(
                         summary, decisions_path_.empty() ? nullptr : &decisions_)),
                     c.io))
      return kExitInvalid;
    if (!summary_path_.empty())
      return WriteOutput(summary_path_, report, c.io) ? kExitOk : kExitInvalid;
    if (output_.empty()) return WriteOutput("-", report, c.io) ? kExitOk : kExitInvalid;
    c.io.err << report;
    return kExitOk;
  }

 private:
  std::string into_, name_, decisions_path_, propose_path_, effective_text_, output_, format_text_,
      summary_path_;
  std::optional<DayNumber> effective_;
  Format format_ = Format::kTable;
  MergeDecisions decisions_;
};

}  // namespace

Command MergeCommand() {
  Command c{
      "merge",
      "merge municipalities' landscapes into the new municipality's, with conversion tasks",
      {"landskap merge FILE... --into NNNN [--decisions D.json] [--propose P.json] [-o OUT] "
       "[options]",
       "Merges the landscapes of the merging municipalities (one file each, with the national\n"
       "and shared systems it uses) into the landscape of the new municipality:\n"
       "  shared       systems with the same id in several files are one system; fields the\n"
       "               files give differently are listed (the first file's value is kept)\n"
       "  survivors    --decisions names the system that survives in each domain and those it\n"
       "               replaces; without a decision the municipalities' systems stay as they\n"
       "               are (with their old owner), and merge proposes a survivor: the product\n"
       "               most of them already use, then the largest municipality's (by\n"
       "               integrations). --propose FILE writes that as a decisions file to edit\n"
       "  re-pointing  integrations of a retired system move to its survivor; those the\n"
       "               survivor did not have are listed as work (orphaned consumers first)\n"
       "  conversion   each retirement becomes a task conversion.<retired id> after the\n"
       "               survivor's cutover, which 'landskap plan --key kommunenummer' schedules\n"
       "  numbers      the file's changes are the old numbers -> --into; the survivors and\n"
       "               the other systems of the merging municipalities are owned by --into\n"
       "Without -o the summary is printed and nothing is written; with -o the merged\n"
       "landscape is written there and the summary goes to standard error (or --summary FILE).\n"
       "The decisions file format is described in docs/merge.md.",
       "  landskap merge datasets/fjell-2019.json datasets/sund-2019.json "
       "datasets/oygarden-2019.json --into 4626 --propose proposal.json\n"
       "  landskap merge datasets/fjell-2019.json datasets/sund-2019.json "
       "datasets/oygarden-2019.json --into 4626 --name Øygarden --effective 2020-01-01 "
       "--decisions datasets/oygarden-decisions.json -o merged.json --summary merge.md"},
      0,
      0,
      {},
      10,
      Inputs::kLandscapes,
      [] { return std::make_unique<MergeBody>(); }};
  c.min_inputs = 1;
  c.max_inputs = SIZE_MAX;
  return c;
}

}  // namespace landskap::cli
