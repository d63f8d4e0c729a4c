// landskap split FILE --from NNNN --into NNNN --into NNNN: the landscape after a municipality is
// split between its successors, its summary, and the decisions per system to edit
// (engine/merge/split.h, docs/split.md). The sibling of `landskap merge`.
#include "cli/formats/split.h"

#include <algorithm>
#include <ostream>

#include "cli/commands.h"
#include "cli/formats/table.h"
#include "cli/output.h"
#include "cli/summary_output.h"
#include "engine/merge/split.h"
#include "engine/model/municipality.h"
#include "engine/model/reform.h"

namespace landskap::cli {
namespace {

std::string Listed(const std::vector<std::string>& items) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i)
    out += (i == 0 ? "" : i + 1 == items.size() ? " and " : ", ") + items[i];
  return out;
}

std::string Labels(const std::vector<std::string>& numbers) {
  std::vector<std::string> labels;
  for (const std::string& n : numbers) labels.push_back(OwnerLabel(n));
  return Listed(labels);
}

std::string IntoOptions(const std::vector<std::string>& numbers) {
  std::string out;
  for (const std::string& n : numbers) out += (out.empty() ? "" : " ") + std::string("--into ") + n;
  return out;
}

class SplitBody : public CommandBody {
 public:
  void AddOptions(po::options_description* desc) override {
    desc->add_options()("from", po::value(&from_)->value_name("NNNN"),
                        "the municipality that is split (default: the only split in the file's "
                        "changes)")(
        "into", po::value(&into_given_)->value_name("NNNN")->composing(),
        "a successor; once for each (default: the successors in the file's changes)")(
        "keeper", po::value(&keeper_)->value_name("NNNN"),
        "the successor that keeps the administration and the old systems (default: the one "
        "with the old municipality's name)")(
        "decisions", po::value(&decisions_path_)->value_name("FILE"),
        "what each system of the old municipality becomes (format: docs/split.md)");
    outputs_.AddProposeOption(
        desc,
        "write the decisions the split was made with (those given, the proposal for the rest), "
        "to edit and give back with --decisions");
    desc->add_options()("effective", po::value(&effective_text_)->value_name("DATE"),
                        "the day the split takes effect, YYYY-MM-DD")(
        "name", po::value(&name_)->value_name("TEXT"), "the split landscape's name");
    outputs_.AddOutputOptions(desc, "the split landscape");
  }

  bool Check(Context& c) override {
    bool ok = true;
    if (!from_.empty() && !IsKommunenummer(from_)) {
      c.Usage("--from takes the kommunenummer of the municipality that is split, 4 digits, not '" +
              from_ + "'");
      ok = false;
    }
    // --into 1508 --into 1580, or --into 1508,1580.
    bool into_ok = true;
    for (const std::string& given : into_given_) {
      size_t start = 0;
      while (start <= given.size()) {
        size_t comma = given.find(',', start);
        std::string number =
            given.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        start = comma == std::string::npos ? given.size() + 1 : comma + 1;
        if (!IsKommunenummer(number)) {
          c.Usage("--into takes the kommunenummer of a successor, 4 digits, not '" + number + "'");
          into_ok = false;
        } else if (std::find(into_.begin(), into_.end(), number) != into_.end()) {
          c.Usage("--into " + number + " is given twice; name each successor once");
          into_ok = false;
        } else if (number == from_) {
          c.Usage("--into " + number +
                  " is the municipality that is split (--from); a municipality that keeps its "
                  "number and gives a part to a neighbour is a border adjustment "
                  "(docs/reform.md)");
          into_ok = false;
        } else {
          into_.push_back(number);
        }
      }
    }
    if (into_ok && into_.size() == 1) {
      c.Usage("a split has at least two successors: give --into once for each, e.g. --into " +
              into_.front() + " --into NNNN");
      into_ok = false;
    }
    ok &= into_ok;
    if (!keeper_.empty()) {
      if (!IsKommunenummer(keeper_)) {
        c.Usage("--keeper takes the kommunenummer of a successor, 4 digits, not '" + keeper_ + "'");
        ok = false;
      } else if (!into_.empty() && std::find(into_.begin(), into_.end(), keeper_) == into_.end()) {
        c.Usage("--keeper " + keeper_ + " is not one of the successors given with --into (" +
                Listed(into_) + "); the keeper is one of them");
        ok = false;
      }
    }
    ok &= ParseDateOption(c.command, "--effective", effective_text_, &effective_, c.io);
    ok &= outputs_.Check(c, {decisions_path_});
    return ok;
  }

  // The defaults that come from the file: the split, its successors and its keeper.
  bool Resolve(Context& c) override {
    bool ok = true;
    std::vector<ReformStep> splits;
    if (auto key = c.landscape.FindKey("kommunenummer"))
      for (const ReformStep& step : DescribeReform(c.landscape, *key))
        if (step.kind == ReformKind::kSplit) splits.push_back(step);
    if (from_.empty()) {
      if (splits.size() == 1) {
        from_ = splits.front().from.front();
      } else if (splits.empty()) {
        c.Usage(c.file() +
                " has no split in its changes; say which municipality is split and into "
                "which, e.g. --from 1507 --into 1508 --into 1580");
        ok = false;
      } else {
        std::vector<std::string> names;
        for (const ReformStep& step : splits) names.push_back(OwnerLabel(step.from.front()));
        c.Usage(c.file() + " has " + std::to_string(splits.size()) + " splits in its changes (" +
                Listed(names) + "); say which with --from, e.g. --from " +
                splits.front().from.front());
        ok = false;
      }
    }
    const ReformStep* step = nullptr;
    for (const ReformStep& s : splits)
      if (!from_.empty() && s.from.front() == from_) step = &s;
    if (!ok) {
      // Without --from the rest cannot be told.
    } else if (into_.empty()) {
      if (step) {
        into_ = step->to;
      } else {
        c.Usage(c.file() + "'s changes do not split " + OwnerLabel(from_) +
                "; name its successors, e.g. --into NNNN --into NNNN");
        ok = false;
      }
    } else if (step) {
      std::vector<std::string> given = into_;
      std::sort(given.begin(), given.end());
      if (given != step->to) {
        c.Usage(c.file() + " says " + OwnerLabel(from_) + " is split into " + Labels(step->to) +
                ", but --into names " + Labels(given) +
                "; leave out --into, or correct the file's changes (" + IntoOptions(step->to) +
                ")");
        ok = false;
      }
    }
    if (ok) {
      std::sort(into_.begin(), into_.end());
      if (keeper_.empty()) {
        if (auto keeper = KeeperByName(from_, into_)) {
          keeper_ = *keeper;
        } else {
          c.Usage("say which successor keeps the administration and " + OwnerLabel(from_) +
                  "'s systems: none of " + Labels(into_) +
                  " alone has its name in SSB's register; e.g. --keeper " + into_.front());
          ok = false;
        }
      } else if (std::find(into_.begin(), into_.end(), keeper_) == into_.end()) {
        c.Usage("--keeper " + keeper_ + " is not one of the successors of " + OwnerLabel(from_) +
                " (" + Labels(into_) + ")");
        ok = false;
      }
    }
    if (!decisions_path_.empty()) {
      Diagnostics diagnostics(decisions_path_);
      bool read = ReadSplitDecisionsFile(decisions_path_, &decisions_, &diagnostics);
      for (const Diagnostic& d : diagnostics.Items()) c.io.err << FormatDiagnostic(d) << "\n";
      if (!read)
        c.io.err << decisions_path_ << ": " << Count(diagnostics.ErrorCount(), "error", "errors")
                 << "; nothing was split.\n";
      ok &= read;
    }
    return ok;
  }

  int Run(Context& c) override {
    SplitOptions options;
    options.label = c.file();
    options.from = from_;
    options.into = into_;
    options.keeper = keeper_;
    options.name = name_;
    options.effective = effective_;
    options.decisions = decisions_path_.empty() ? nullptr : &decisions_;
    Landscape result;
    SplitSummary summary;
    Diagnostics diagnostics;
    bool ok = SplitLandscape(c.landscape, options, &result, &summary, &diagnostics);
    for (const Diagnostic& d : diagnostics.Items()) c.io.err << FormatDiagnostic(d) << "\n";
    if (!ok) {
      c.io.err << "landskap split: " << Count(diagnostics.ErrorCount(), "error", "errors")
               << "; nothing was written.\n";
      return kExitInvalid;
    }
    std::string proposal =
        outputs_.proposing() ? WriteSplitDecisions(SplitAsDecisions(summary)) : "";
    return outputs_.Write(c, result, "split landscape", proposal,
                          FormatSplitSummary(summary, outputs_.format()));
  }

 private:
  std::string from_, keeper_, decisions_path_, effective_text_, name_;
  std::vector<std::string> into_given_, into_;
  std::optional<DayNumber> effective_;
  SummaryOutputs outputs_;
  SplitDecisions decisions_;
};

}  // namespace

Command SplitCommand() {
  return Command{
      "split",
      "split a municipality's landscape between its successors, with establishment tasks",
      {"landskap split FILE [--from NNNN] [--into NNNN --into NNNN] [--keeper NNNN] "
       "[--decisions D.json] [--propose P.json] [-o OUT] [options]",
       "Splits the landscape of a municipality that ceases between its successors (1507\n"
       "Ålesund into 1508 Ålesund and 1580 Haram on 1 January 2024):\n"
       "  keeper       one successor keeps the administration and the old municipality's\n"
       "               systems (--keeper; by default the one with the old municipality's name)\n"
       "  decisions    for each system of the old municipality: keep (the keeper's alone),\n"
       "               new-instance (the others get one of their own: an establishment task,\n"
       "               with its integrations to national registers, shared services and\n"
       "               neighbours rebuilt), shared (intermunicipal, after an agreement task) or\n"
       "               divide (an extraction task moves the others' data to their own system)\n"
       "  proposal     without a decision: the keeper keeps everything, the others get a new\n"
       "               instance in the domains every municipality must have and share the rest;\n"
       "               --propose FILE writes the decisions as a file to edit and give back\n"
       "  numbers      no system is owned by the old number afterwards; the file's changes are\n"
       "               kept (with a split row for each successor they lack), so that\n"
       "               'landskap plan SPLIT --key kommunenummer' plans the tasks\n"
       "--from, --into and --keeper default to the file's only split and its successors.\n"
       "Without -o the summary is printed and nothing is written; with -o the split landscape\n"
       "is written there and the summary goes to standard error (or --summary FILE).\n"
       "The decisions file and the proposal's rule are described in docs/split.md.",
       "  landskap split datasets/alesund-2024.json --propose forslag.json\n"
       "  landskap split datasets/alesund-2024.json --from 1507 --into 1508 --into 1580 "
       "--keeper 1508 --decisions forslag.json -o etter.json --summary deling.md\n"
       "  landskap plan etter.json --key kommunenummer --start 2023-08-01 --deadline 2024-01-01"},
      0,
      0,
      {},
      10,
      Inputs::kOneLandscape,
      [] { return std::make_unique<SplitBody>(); }};
}

}  // namespace landskap::cli
