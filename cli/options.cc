// Shared option handling and the messages for bad usage.
#include "cli/options.h"

#include <ostream>
#include <sstream>

#include "engine/changes.h"
#include "engine/load.h"
#include "engine/scope.h"
#include "engine/suggest.h"

namespace landskap::cli {

void AddOutputOptions(po::options_description* desc, OutputOptions* options,
                      const std::string& formats) {
  desc->add_options()("format",
                      po::value(&options->format)->default_value("table")->value_name("FORMAT"),
                      ("output format: " + formats).c_str())(
      "output,o", po::value(&options->output)->default_value("-")->value_name("OUT"),
      "write to this file instead of the terminal (written completely or not at all)");
}

void UsageError(std::string_view command, std::string_view message, Io io) {
  io.err << "landskap " << command << ": error: " << message << "\n"
         << "Run 'landskap " << command << " --help' for the options and an example.\n";
}

ParseResult ParseArgs(const Args& args, std::string_view command, const HelpText& help,
                      po::options_description& desc, std::string* file, Io io) {
  bool show_help = false;
  std::vector<std::string> positional;
  // --help joins the command's own options, so it is listed with them.
  desc.add_options()("help,h", po::bool_switch(&show_help), "show this help");
  po::options_description hidden;
  hidden.add_options()("input-file", po::value(&positional));
  po::options_description parse_with;
  parse_with.add(desc).add(hidden);
  po::positional_options_description pos;
  pos.add("input-file", -1);
  try {
    po::variables_map vm;
    po::store(po::command_line_parser(args).options(parse_with).positional(pos).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    UsageError(command, e.what(), io);
    return ParseResult::kError;
  }
  if (show_help) {
    std::ostringstream text;
    text << "Usage: " << help.usage << "\n\n"
         << help.description << "\n\n"
         << desc << "\n"
         << "Example:\n"
         << help.example << "\n\n"
         << "Exit codes: 0 success, 1 a --fail-if-... gate was hit, 2 bad usage or invalid "
            "input.\n";
    io.out << text.str();
    return ParseResult::kHelpShown;
  }
  if (positional.empty()) {
    UsageError(command,
               "name a landscape file, e.g. 'landskap " + std::string(command) +
                   " datasets/oygarden-2020.json'",
               io);
    return ParseResult::kError;
  }
  if (positional.size() > 1) {
    UsageError(command, "one landscape file at a time; also got '" + positional[1] + "'", io);
    return ParseResult::kError;
  }
  *file = positional[0];
  return ParseResult::kRun;
}

std::optional<int> StopCode(ParseResult result) {
  switch (result) {
    case ParseResult::kHelpShown:
      return kExitOk;
    case ParseResult::kError:
      return kExitInvalid;
    case ParseResult::kRun:
      break;
  }
  return std::nullopt;
}

bool CheckFormat(OutputOptions* options, std::string_view command,
                 std::initializer_list<Format> allowed, Io io) {
  auto parsed = ParseFormat(options->format);
  if (parsed && std::find(allowed.begin(), allowed.end(), *parsed) != allowed.end()) {
    options->parsed = *parsed;
    return true;
  }
  std::string names;
  for (Format f : allowed) {
    static const char* kNames[] = {"table", "json", "csv", "markdown"};
    names += (names.empty() ? "" : ", ") + std::string(kNames[static_cast<int>(f)]);
  }
  UsageError(command, "unknown --format '" + options->format + "'; use one of " + names, io);
  return false;
}

bool LoadForCommand(const std::string& file, Landscape* landscape, Io io) {
  Diagnostics diagnostics(file);
  bool ok = LoadLandscapeFile(file, landscape, &diagnostics);
  for (const Diagnostic& d : diagnostics.Items()) io.err << FormatDiagnostic(d) << "\n";
  if (!ok)
    io.err << file << ": " << Count(diagnostics.ErrorCount(), "error", "errors")
           << "; nothing was analysed.\n";
  return ok;
}

bool ResolveSystems(const Landscape& landscape, const std::vector<std::string>& ids,
                    std::string_view option, std::vector<SystemIndex>* out, Io io) {
  bool ok = true;
  std::vector<std::string_view> candidates;
  for (const std::string& id : ids) {
    if (auto index = landscape.FindSystem(id)) {
      out->push_back(*index);
      continue;
    }
    if (candidates.empty()) candidates = landscape.SystemIds();
    io.err << "landskap: error: " << option << " '" << id << "' is not a system in this file"
           << DidYouMean(id, candidates) << "\n";
    ok = false;
  }
  return ok;
}

bool ResolveKey(const Landscape& landscape, const std::string& id, std::optional<KeyIndex>* out,
                Io io) {
  if (auto key = landscape.FindKey(id)) {
    *out = key;
    return true;
  }
  std::vector<std::string_view> names;
  std::string list;
  for (const KeyDefinition& k : landscape.keys) {
    names.push_back(k.id);
    list += (list.empty() ? "" : ", ") + k.id;
  }
  io.err << "landskap: error: --key '" << id << "' is not used in this file"
         << DidYouMean(id, names) << "; its keys are: " << (list.empty() ? "(none)" : list) << "\n";
  return false;
}

void AddChangesOption(po::options_description* desc, std::vector<std::string>* tables) {
  desc->add_options()("changes", po::value(tables)->value_name("CSV")->composing(),
                      "a table of old and new kommunenummer (e.g. SSB's change list) that says "
                      "which municipalities change, in addition to the file's own changes");
}

bool ApplyChangeTables(const std::vector<std::string>& tables, const std::string& key,
                       Landscape* landscape, Io io) {
  bool ok = true;
  for (const std::string& table : tables) {
    Diagnostics diagnostics(table);
    ok &= AddChangeTable(table, key.empty() ? "kommunenummer" : key, std::nullopt, landscape,
                         &diagnostics);
    for (const Diagnostic& d : diagnostics.Items()) io.err << FormatDiagnostic(d) << "\n";
  }
  return ok;
}

bool ParseOwners(const std::vector<std::string>& raw, std::vector<std::string>* out, Io io) {
  bool ok = true;
  for (const std::string& item : raw) {
    std::stringstream parts(item);
    std::string value;
    while (std::getline(parts, value, ',')) {
      if (value.empty()) continue;
      if (!IsKommunenummer(value)) {
        io.err << "landskap: error: --owner '" << value
               << "' is not a kommunenummer; write 4 digits, e.g. --owner 1246,1245\n";
        ok = false;
        continue;
      }
      out->push_back(value);
    }
  }
  return ok;
}

}  // namespace landskap::cli
