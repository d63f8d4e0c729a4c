// Option parsing shared by every subcommand (Boost.Program_options): the input file, --format,
// -o, --key, --system, --owner mean the same everywhere and are declared here once.
#pragma once

#include <boost/program_options.hpp>
#include <optional>
#include <string>
#include <vector>

#include "cli/format.h"
#include "cli/io.h"
#include "engine/landscape.h"

namespace landskap::cli {

namespace po = boost::program_options;

// What a subcommand says about itself in --help.
struct HelpText {
  std::string usage;        // "landskap impact FILE (--system ID ... | --key K) [options]"
  std::string description;  // a paragraph for people
  std::string example;      // one or more example command lines
};

struct OutputOptions {
  std::string format = "table";
  std::string output = "-";
  Format parsed = Format::kTable;
};

// --format (with the formats the command offers) and -o/--output.
void AddOutputOptions(po::options_description* desc, OutputOptions* options,
                      const std::string& formats);

enum class ParseResult { kRun, kHelpShown, kError };

// Parses `args` (without the subcommand name). The first positional argument is the input
// file. Prints --help, or the usage error with a pointer to --help.
ParseResult ParseArgs(const Args& args, std::string_view command, const HelpText& help,
                      po::options_description& desc, std::string* file, Io io);

// The exit code for a parse that should not run the command (help shown: 0, a usage error:
// 2), or nullopt for kRun. Lets every command say: if (auto stop = ...) return *stop;
std::optional<int> StopCode(ParseResult result);

// Checks --format against `allowed`; prints an error and returns false when it is not one.
bool CheckFormat(OutputOptions* options, std::string_view command,
                 std::initializer_list<Format> allowed, Io io);

// Loads the landscape; prints warnings and errors to io.err. False when the file has errors.
bool LoadForCommand(const std::string& file, Landscape* landscape, Io io);

// Resolves system ids given on the command line, with did-you-mean for unknown ones.
bool ResolveSystems(const Landscape& landscape, const std::vector<std::string>& ids,
                    std::string_view option, std::vector<SystemIndex>* out, Io io);
// Resolves a key id, with did-you-mean and the list of known keys.
bool ResolveKey(const Landscape& landscape, const std::string& id, std::optional<KeyIndex>* out,
                Io io);
// Splits "1246,1245" and repeated --owner options into kommunenummer values; checks each.
bool ParseOwners(const std::vector<std::string>& raw, std::vector<std::string>* out, Io io);

// --changes FILE (repeatable): kommunenummer change tables (CSV) whose changed numbers scope a
// key change like the file's own "changes" list. Declared by the commands that scope by reform.
void AddChangesOption(po::options_description* desc, std::vector<std::string>* tables);
// Reads the tables into the landscape as changes of `key`; prints errors. False on errors.
bool ApplyChangeTables(const std::vector<std::string>& tables, const std::string& key,
                       Landscape* landscape, Io io);

// Prints "landskap: error: MESSAGE" (and the help pointer for usage mistakes).
void UsageError(std::string_view command, std::string_view message, Io io);

}  // namespace landskap::cli
