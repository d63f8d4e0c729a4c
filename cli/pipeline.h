// One path from the command line to a result, in the spirit of ninja's tool table: a command
// is a row (name, help, which option groups it takes, which formats it writes) and a body.
// The pipeline parses the groups and the body's own options, checks them all before anything
// is loaded, loads the inputs once, checks the key before change tables touch the model,
// resolves system ids, and hands the body a prepared Context (its graph built when first asked
// for). A body holds only what is its own.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cli/io.h"
#include "cli/option_groups.h"
#include "cli/output.h"
#include "engine/analysis/graph.h"
#include "engine/analysis/impact.h"
#include "engine/model/landscape.h"

namespace landskap::cli {

// What a subcommand says about itself in --help.
struct HelpText {
  std::string usage;        // "landskap impact FILE (--system ID ... | --key K) [options]"
  std::string description;  // a paragraph for people
  std::string example;      // one or more example command lines
};

// Option groups a command takes (a bit set).
enum Group : unsigned {
  kGroupSelection = 1u << 0,
  kGroupCalendar = 1u << 1,
  kGroupDiagram = 1u << 2,
  kGroupRanking = 1u << 3,
  kGroupOutput = 1u << 4,
  kGroupLanguage = 1u << 5,
};

// What a command reads from the command line:
// - kOneLandscape: one landscape file, loaded by the pipeline before the body runs;
// - kOneFile: one file the body reads itself;
// - kLandscapes: from Command::min_inputs to max_inputs landscape files, all loaded into
//   Context::landscapes (no key, ids or graph are resolved);
// - kSources: one or more paths (files or folders) the body reads itself (import);
// - kNone: no input at all (template, synth).
enum class Inputs { kOneLandscape, kOneFile, kLandscapes, kSources, kNone };

struct Context {
  Io io;
  std::string_view command;
  std::vector<std::string> inputs;  // as given on the command line
  const std::string& file() const { return inputs.front(); }

  SelectionOptions selection;
  CalendarOptions calendar;
  DiagramLook diagram;
  LanguageOptions language;
  RankingOptions ranking;
  OutputOptions output;

  // With Inputs::kOneLandscape: the first input, loaded, its change tables applied.
  Landscape landscape;
  // The selection resolved against the landscape: key, --system sources, owners, direction,
  // depth and through-all, ready for ComputeImpact.
  ImpactQuery query;
  bool selected() const { return query.key.has_value() || !query.sources.empty(); }

  // Built on first use: validate and fmt never need one (a national graph costs 0.1 s).
  const Graph& graph() const {
    if (!graph_) graph_ = std::make_unique<Graph>(landscape);
    return *graph_;
  }
  mutable std::unique_ptr<Graph> graph_;

  // With Inputs::kLandscapes: every input, loaded, in the order given.
  std::vector<Landscape> landscapes;

  // Writes the answer to -o (or stdout): kExitOk, or kExitInvalid after printing why not.
  int Write(std::string_view text) const;
  // The same for an answer written piece by piece: `produce` writes into the stream, which is
  // committed at the end (renamed into place for a regular file). Opening fails before
  // anything is computed.
  int WriteStreamed(const std::function<void(OutputStream&)>& produce) const;
  // Writes a workbook's bytes, or prints workbook_error when there are none; after writing,
  // prints workbook_note (cells shortened to Excel's limit) when there is one.
  int WriteWorkbook(const std::optional<std::string>& bytes) const;
  std::string workbook_error, workbook_note;
  // Prints a usage error for this command.
  void Usage(std::string_view message) const;
  // Resolves ids given for `option` (did-you-mean for unknown ones); false after printing.
  bool ResolveSystems(const std::vector<std::string>& ids, std::string_view option,
                      std::vector<SystemIndex>* out) const;
};

class CommandBody {
 public:
  virtual ~CommandBody() = default;
  // The command's own options (the groups are added by the pipeline).
  virtual void AddOptions(po::options_description* /*desc*/) {}
  // Checks the own options and how they combine with the groups, before loading.
  virtual bool Check(Context& /*context*/) { return true; }
  // The files the command's own options name for reading (render --diff, merge --decisions),
  // so that -o is never one of them.
  virtual std::vector<std::string> FilesRead() const { return {}; }
  // Resolves the own options that name ids in the landscape, after loading.
  virtual bool Resolve(Context& /*context*/) { return true; }
  // The command's own work; returns the exit code.
  virtual int Run(Context& context) = 0;
};

struct Command {
  std::string_view name;
  std::string_view summary;
  HelpText help;
  unsigned groups = 0;
  unsigned selection = 0;       // SelectionPart bits, with kGroupSelection
  std::vector<Format> formats;  // with kGroupOutput; the first is the default
  size_t default_top = 10;      // with kGroupRanking
  Inputs inputs = Inputs::kOneLandscape;
  std::function<std::unique_ptr<CommandBody>()> make;
  // With Inputs::kLandscapes: how many files the command takes.
  size_t min_inputs = 1, max_inputs = 1;
  // -o may name the input itself (fmt rewrites a file in place); for every other command it
  // is refused, since the answer would replace the file it was made from.
  bool output_may_be_input = false;
};

// Parses, checks, loads and runs `command` with `args` (without the subcommand name).
int RunCommand(const Command& command, const Args& args, Io io);

// Prints the loader's diagnostics; false when the file has errors. A workbook, a CSV pair or an
// Archi model is imported in memory (cli/landscape_input.h); a change table is named as such.
bool LoadLandscapeForCommand(const std::string& file, Landscape* landscape, Io io);
bool LoadLandscapeForCommand(const std::vector<std::string>& files, Landscape* landscape, Io io);

}  // namespace landskap::cli
