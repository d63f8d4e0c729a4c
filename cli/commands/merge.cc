// landskap merge A.json B.json ... --into NNNN: the merged landscape of a municipal merger, its
// summary, and a proposal of survivors to decide on (engine/merge/merge.h, docs/merge.md).
#include "cli/formats/merge.h"

#include <sys/stat.h>

#include <algorithm>
#include <ostream>

#include "cli/commands.h"
#include "cli/formats/decisions_workbook.h"
#include "cli/formats/table.h"
#include "cli/output.h"
#include "cli/summary_output.h"
#include "engine/analysis/scope.h"
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
        "which system survives in each domain: a JSON decisions file or a workbook (.xlsx) "
        "written by --propose (docs/merge.md)");
    outputs_.AddProposeOption(
        desc,
        "write the decisions given plus a proposal for every undecided domain, to edit and give "
        "back with --decisions; FILE.xlsx writes an Excel workbook with a drop-down of the "
        "systems");
    desc->add_options()("effective", po::value(&effective_text_)->value_name("DATE"),
                        "the day the new number takes effect, YYYY-MM-DD");
    outputs_.AddOutputOptions(desc, "the merged landscape");
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
    ok &= ParseDateOption(c.command, "--effective", effective_text_, &effective_, c.io);
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
    ok &= outputs_.Check(c, {decisions_path_});
    return ok;
  }

  bool Resolve(Context& c) override {
    if (decisions_path_.empty()) return true;
    Diagnostics diagnostics(decisions_path_);
    bool ok = ReadDecisionsAnyFile(decisions_path_, &decisions_, &diagnostics);
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
    // Messages about a workbook of decisions name its cells.
    const Diagnostics located = WithCells(diagnostics, decisions_);
    for (const Diagnostic& d : located.Items()) c.io.err << FormatDiagnostic(d) << "\n";
    if (!ok) {
      c.io.err << "landskap merge: " << Count(diagnostics.ErrorCount(), "error", "errors")
               << "; nothing was written.\n";
      return kExitInvalid;
    }
    std::string proposal;
    if (outputs_.proposing()) {
      MergeDecisions proposed =
          ProposalAsDecisions(summary, decisions_path_.empty() ? nullptr : &decisions_);
      if (outputs_.proposing_workbook()) {
        std::string error;
        std::optional<std::string> bytes = DecisionsWorkbook(proposed, &error);
        if (!bytes) {
          c.io.err << "landskap merge: " << error << "; nothing was written.\n";
          return kExitInvalid;
        }
        proposal = std::move(*bytes);
      } else {
        proposal = WriteDecisions(proposed);
      }
    }
    return outputs_.Write(c, merged, "merged landscape", proposal,
                          FormatMergeSummary(summary, name_, outputs_.format()));
  }

 private:
  std::string into_, name_, decisions_path_, effective_text_;
  std::optional<DayNumber> effective_;
  SummaryOutputs outputs_;
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
       "               (JSON, or an Excel workbook for --propose forslag.xlsx: the sheet\n"
       "               Beslutninger, one row per domain; errors name the cell)\n"
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
