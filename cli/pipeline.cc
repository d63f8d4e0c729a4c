// The pipeline every command runs through: parse → check → load → key → change tables →
// ids → graph → body. The order matters: usage mistakes are found before a national file is
// read, and the key is checked before change tables add changes of it to the model (a
// misspelled key with --changes would otherwise be interned and silently affect nothing).
#include "cli/pipeline.h"

#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <ostream>
#include <sstream>

#include "cli/formats/table.h"
#include "cli/landscape_input.h"
#include "cli/output.h"
#include "engine/file/load.h"
#include "engine/formats/change_table.h"
#include "engine/model/municipality.h"
#include "engine/model/reform.h"
#include "engine/model/suggest.h"

namespace landskap::cli {

int Context::Write(std::string_view text) const {
  return WriteOutput(output.path, text, io) ? kExitOk : kExitInvalid;
}

int Context::WriteStreamed(const std::function<void(OutputStream&)>& produce) const {
  std::string reason;
  auto out = OutputStream::Open(output.path, io, &reason);
  if (out) {
    produce(*out);
    reason = out->Commit();
  }
  if (reason.empty()) return kExitOk;
  io.err << "landskap: " << OutputName(output.path) << ": error: " << reason << "\n";
  return kExitInvalid;
}

int Context::WriteWorkbook(const std::optional<std::string>& bytes) const {
  if (bytes) {
    int code = Write(*bytes);
    if (code == kExitOk && !workbook_note.empty())
      io.err << OutputName(output.path) << ": note: " << workbook_note << "\n";
    return code;
  }
  io.err << "landskap " << command << ": error: " << workbook_error << "\n";
  return kExitInvalid;
}

void Context::Usage(std::string_view message) const { UsageError(command, message, io); }

bool Context::ResolveSystems(const std::vector<std::string>& ids, std::string_view option,
                             std::vector<SystemIndex>* out) const {
  bool ok = true;
  std::vector<std::string_view> candidates;
  for (const std::string& id : ids) {
    if (auto index = landscape.FindSystem(id)) {
      out->push_back(*index);
      continue;
    }
    if (candidates.empty()) candidates = landscape.SystemIds();
    io.err << "landskap " << command << ": error: " << option << " '" << id
           << "' is not a system in " << file() << DidYouMean(id, candidates) << "\n";
    ok = false;
  }
  return ok;
}

bool LoadLandscapeForCommand(const std::string& file, Landscape* landscape, Io io) {
  return LoadLandscapeForCommand(std::vector<std::string>{file}, landscape, io);
}

bool LoadLandscapeForCommand(const std::vector<std::string>& files, Landscape* landscape, Io io) {
  const std::string& file = files.front();
  // The coordinator's own files are read as `landskap import` reads them, in memory.
  if (std::string why = ChangeTableWhereLandscapeBelongs(file); !why.empty()) {
    io.err << file << ": error: " << why << "\n";
    return false;
  }
  if (IsImportSource(files)) return ImportForCommand(files, landscape, io);
  Diagnostics diagnostics(file);
  LoadOptions options;
  options.use_catalogue = true;
  bool ok = LoadLandscapeFile(file, landscape, &diagnostics, options);
  for (const Diagnostic& d : diagnostics.Items()) io.err << FormatDiagnostic(d) << "\n";
  if (ok && !landscape->catalogue_used.empty()) {
    std::string ids;
    for (const std::string& id : landscape->catalogue_used) ids += (ids.empty() ? "" : ", ") + id;
    io.err << file << ": note: " << Count(landscape->catalogue_used.size(), "system", "systems")
           << " taken from the national catalogue (named but not defined in the file): " << ids
           << "\n";
  }
  if (!ok)
    io.err << file << ": " << Count(diagnostics.ErrorCount(), "error", "errors")
           << "; nothing was analysed.\n";
  return ok;
}

namespace {

// Formats for programs and files, not for a terminal: the bytes of a workbook or a picture, and
// a web page of a quarter of a megabyte.
std::optional<std::string> TerminalRefusal(Format format, std::string_view command) {
  switch (format) {
    case Format::kXlsx:
      return "an Excel workbook cannot be shown in the terminal; name a file with -o, e.g. -o " +
             std::string(command) + ".xlsx";
    case Format::kPng:
    case Format::kPdf:
      return "a " + std::string(FormatName(format)) +
             " picture cannot be shown in the terminal; name a file with -o, e.g. -o " +
             std::string(command) + "." + std::string(FormatName(format));
    case Format::kHtml:
      return "a web page is for a browser, not the terminal; name the page to write with -o, "
             "e.g. -o " +
             std::string(command) + ".html";
    default:
      return std::nullopt;
  }
}

// -o must not be a file the command reads: the answer would replace it. Compared by device and
// inode (SameFile), so another spelling of the path, a link or a hard link is caught too.
bool CheckOutputIsNoInput(const Command& command, const CommandBody& body, const Context& c) {
  if (command.output_may_be_input || c.output.path.empty() || c.output.path == "-") return true;
  std::vector<std::string> read = c.inputs;
  read.insert(read.end(), c.calendar.closed_files.begin(), c.calendar.closed_files.end());
  read.insert(read.end(), c.selection.change_tables.begin(), c.selection.change_tables.end());
  for (const std::string& file : body.FilesRead()) read.push_back(file);
  for (const std::string& file : read) {
    if (!SameFile(c.output.path, file)) continue;
    c.Usage("-o " + c.output.path + " is the file " + file + " that " + std::string(command.name) +
            " reads; the answer would replace it. Name another file for -o");
    return false;
  }
  return true;
}

enum class Parsed { kRun, kHelpShown, kError };

Parsed Parse(const Command& command, const Args& args, po::options_description& desc,
             Context* context) {
  bool show_help = false;
  desc.add_options()("help,h", po::bool_switch(&show_help), "show this help");
  po::options_description hidden;
  hidden.add_options()("input-file", po::value(&context->inputs));
  po::options_description parse_with;
  parse_with.add(desc).add(hidden);
  po::positional_options_description positional;
  positional.add("input-file", -1);
  try {
    po::variables_map vm;
    po::store(po::command_line_parser(args).options(parse_with).positional(positional).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    UsageError(command.name, e.what(), context->io);
    return Parsed::kError;
  }
  if (show_help) {
    std::ostringstream text;
    text << "Usage: " << command.help.usage << "\n\n"
         << command.help.description << "\n\n"
         << desc << "\n"
         << "Example:\n"
         << command.help.example << "\n\n"
         << "Exit codes: 0 success, 1 a --fail-if-... gate was hit, 2 bad usage or invalid "
            "input.\n";
    context->io.out << text.str();
    return Parsed::kHelpShown;
  }
  const std::string what =
      command.inputs == Inputs::kOneLandscape || command.inputs == Inputs::kLandscapes
          ? "a landscape file"
      : command.inputs == Inputs::kSources ? "one or more files"
                                           : "a file";
  const std::string example =
      command.inputs == Inputs::kSources ? " inventar.xlsx" : " datasets/oygarden-2020.json";
  if (command.inputs == Inputs::kNone) {
    if (context->inputs.empty()) return Parsed::kRun;
    UsageError(command.name, "reads no file; got '" + context->inputs[0] + "'", context->io);
    return Parsed::kError;
  }
  if (context->inputs.empty()) {
    UsageError(command.name,
               "name " + what + ", e.g. 'landskap " + std::string(command.name) + example + "'",
               context->io);
    return Parsed::kError;
  }
  if (command.inputs == Inputs::kLandscapes) {
    size_t n = context->inputs.size();
    if (n < command.min_inputs || n > command.max_inputs) {
      std::string wanted =
          command.min_inputs == command.max_inputs ? std::to_string(command.min_inputs)
          : command.max_inputs == SIZE_MAX
              ? std::to_string(command.min_inputs) + " or more"
              : std::to_string(command.min_inputs) + " to " + std::to_string(command.max_inputs);
      UsageError(command.name,
                 "takes " + wanted + " landscape files, got " + std::to_string(n) +
                     "; usage: " + command.help.usage,
                 context->io);
      return Parsed::kError;
    }
    return Parsed::kRun;
  }
  // A CSV pair (systemer.csv integrasjoner.csv) is one landscape.
  if (context->inputs.size() > 1 && command.inputs == Inputs::kOneLandscape &&
      IsImportSource(context->inputs))
    return Parsed::kRun;
  if (context->inputs.size() > 1 && command.inputs != Inputs::kSources) {
    UsageError(command.name,
               "one " + std::string(command.inputs == Inputs::kOneLandscape ? "landscape " : "") +
                   "file at a time; also got '" + context->inputs[1] + "'",
               context->io);
    return Parsed::kError;
  }
  return Parsed::kRun;
}

// The key the change tables describe: --key when given, else kommunenummer when the file has
// it. Tables without such a key would change nothing, which is worth an error, not silence.
bool ApplyChangeTables(Context& c) {
  const std::vector<std::string>& tables = c.selection.change_tables;
  if (tables.empty()) return true;
  std::optional<KeyIndex> key = c.query.key;
  if (!key) key = c.landscape.FindKey("kommunenummer");
  if (!key) {
    c.Usage("--changes lists kommunenummer changes, but " + c.file() +
            " has no key 'kommunenummer'; name the key the tables change with --key");
    return false;
  }
  bool ok = true;
  size_t own = c.landscape.changes.size();
  for (const std::string& table : tables) {
    Diagnostics diagnostics(table);
    ok &= AddChangeTable(table, *key, std::nullopt, &c.landscape, &diagnostics);
    for (const Diagnostic& d : diagnostics.Items()) c.io.err << FormatDiagnostic(d) << "\n";
  }
  // Which changes the answer rests on, when they come from more than the file itself.
  if (ok) {
    std::string list;
    for (size_t i = 0; i < tables.size(); ++i)
      list += (i == 0 ? "" : i + 1 == tables.size() ? " and " : ", ") + tables[i];
    c.io.err << "landskap " << c.command << ": note: the changes used are "
             << Count(c.landscape.changes.size() - own, "change", "changes") << " from " << list
             << (own == 0 ? std::string()
                          : " and " + Count(own, "change", "changes") + " in " + c.file())
             << "\n";
  }
  return ok;
}

// --owner names municipalities; one that owns no system gets a note, and when it is the new
// number of a reform (1580 Haram after 1507 Ålesund's split), the note names the old number(s)
// whose systems are the ones to ask about.
void NoteOwnersWithoutSystems(Context& c) {
  std::optional<KeyIndex> key = c.query.key;
  if (!key) key = c.landscape.FindKey("kommunenummer");
  for (const std::string& owner : c.query.owners) {
    bool owns = std::any_of(c.landscape.systems.begin(), c.landscape.systems.end(),
                            [&](const System& s) { return s.owner == owner; });
    if (owns) continue;
    std::vector<std::string> old;
    if (key) old = PredecessorsOf(c.landscape, *key, owner);
    std::string names;
    for (size_t i = 0; i < old.size(); ++i)
      names += (i == 0 ? "" : i + 1 == old.size() ? " and " : ", ") + OwnerLabel(old[i]);
    std::string numbers;
    for (size_t i = 0; i < old.size(); ++i) numbers += (i ? "," : "") + old[i];
    c.io.err << "landskap " << c.command << ": note: no system in " << c.file() << " is owned by "
             << OwnerLabel(owner);
    if (!old.empty())
      c.io.err << " yet; it is the new number of " << names << ", whose systems are the ones "
               << "that change: give --owner " << numbers;
    c.io.err << "\n";
  }
}

bool ResolveKey(Context& c) {
  const std::string& id = c.selection.key;
  if (id.empty()) return true;
  if (auto key = c.landscape.FindKey(id)) {
    c.query.key = key;
    return true;
  }
  std::vector<std::string_view> names;
  std::string list;
  for (const KeyDefinition& k : c.landscape.keys) {
    names.push_back(k.id);
    list += (list.empty() ? "" : ", ") + k.id;
  }
  c.io.err << "landskap " << c.command << ": error: --key '" << id << "' is not used in "
           << c.file() << DidYouMean(id, names)
           << "; its keys are: " << (list.empty() ? "(none)" : list) << "\n";
  return false;
}

}  // namespace

int RunCommand(const Command& command, const Args& args, Io io) {
  std::unique_ptr<CommandBody> body = command.make();
  Context c{io, command.name, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}};
  c.selection.parts = command.selection;
  c.ranking.default_top = command.default_top;

  po::options_description desc("Options");
  if (command.groups & kGroupSelection) AddSelectionOptions(&desc, &c.selection);
  if (command.groups & kGroupCalendar) AddCalendarOptions(&desc, &c.calendar);
  body->AddOptions(&desc);
  if (command.groups & kGroupDiagram) AddDiagramOptions(&desc, &c.diagram);
  if (command.groups & kGroupLanguage) AddLanguageOptions(&desc, &c.language);
  if (command.groups & kGroupRanking) AddRankingOptions(&desc, &c.ranking);
  if (command.groups & kGroupOutput) AddOutputOptions(&desc, &c.output, command.formats);

  switch (Parse(command, args, desc, &c)) {
    case Parsed::kHelpShown:
      return kExitOk;
    case Parsed::kError:
      return kExitInvalid;
    case Parsed::kRun:
      break;
  }
  // Every usage mistake at once, before anything is read.
  bool ok = true;
  if (command.groups & kGroupSelection) ok &= CheckSelection(command.name, &c.selection, io);
  if (command.groups & kGroupCalendar) ok &= CheckCalendar(command.name, &c.calendar, io);
  if (command.groups & kGroupDiagram) ok &= CheckDiagram(command.name, &c.diagram, io);
  if (command.groups & kGroupLanguage) ok &= CheckLanguage(command.name, &c.language, io);
  if (command.groups & kGroupRanking) ok &= CheckRanking(command.name, &c.ranking, io);
  if (command.groups & kGroupOutput)
    ok &= CheckOutput(command.name, command.formats, &c.output, io);
  // A workbook, a picture or a page goes to a file or a pipe, never to a terminal.
  if ((command.groups & kGroupOutput) && (c.output.path == "-" || c.output.path.empty()) &&
      ::isatty(STDOUT_FILENO)) {
    if (auto refusal = TerminalRefusal(c.output.format, command.name)) {
      c.Usage(*refusal);
      ok = false;
    }
  }
  ok &= body->Check(c);
  if (command.groups & kGroupOutput) ok &= CheckOutputIsNoInput(command, *body, c);
  if (!ok) return kExitInvalid;

  if (command.inputs == Inputs::kOneLandscape) {
    if (!LoadLandscapeForCommand(c.inputs, &c.landscape, io)) return kExitInvalid;
    c.query.direction = c.selection.direction;
    c.query.max_depth = c.selection.depth;
    c.query.through_all = c.selection.through_all;
    c.query.owners = c.selection.owners;
    ok = ResolveKey(c);
    ok &= c.ResolveSystems(c.selection.systems, "--system", &c.query.sources);
    if (!ok || !ApplyChangeTables(c)) return kExitInvalid;
    NoteOwnersWithoutSystems(c);
    if (!body->Resolve(c)) return kExitInvalid;
  } else if (command.inputs == Inputs::kLandscapes) {
    // Every file is loaded and every file's errors are shown before giving up.
    c.landscapes.resize(c.inputs.size());
    ok = true;
    for (size_t i = 0; i < c.inputs.size(); ++i)
      ok &= LoadLandscapeForCommand(c.inputs[i], &c.landscapes[i], io);
    if (!ok || !body->Resolve(c)) return kExitInvalid;
  }
  return body->Run(c);
}

}  // namespace landskap::cli
