// The options several commands share, declared once each, in groups: selection (what changes),
// calendar (when), diagram (how a picture looks), language (of pictures and reports), ranking
// (how many), output (which format, where). A command says which groups it takes; the pipeline adds
// them, parses them and checks them before anything is loaded. Optional numbers are std::optional,
// never a -1 sentinel.
#pragma once

#include <boost/program_options.hpp>
#include <optional>
#include <string>
#include <vector>

#include "cli/io.h"
#include "cli/output_format.h"
#include "engine/analysis/impact.h"
#include "engine/model/date.h"
#include "engine/plan/calendar.h"
#include "engine/plan/plan.h"
#include "viz/diagram.h"

namespace landskap::cli {

namespace po = boost::program_options;

// Which selection options a command offers (a bit set).
enum SelectionPart : unsigned {
  kSelectKey = 1u << 0,          // --key K
  kSelectSystem = 1u << 1,       // --system ID (repeatable)
  kSelectOwner = 1u << 2,        // --owner NUMBERS
  kSelectThroughAll = 1u << 3,   // --through-all
  kSelectDirection = 1u << 4,    // --direction down|up|both
  kSelectDepth = 1u << 5,        // --depth N
  kSelectChanges = 1u << 6,      // --changes CSV (repeatable)
  kSelectImpactAlias = 1u << 7,  // --impact K: the old spelling of --key (render, one release)
};

struct SelectionOptions {
  unsigned parts = 0;
  // As given.
  std::string key;
  std::string impact_alias;
  std::vector<std::string> systems;
  std::vector<std::string> owners_text;
  bool through_all = false;
  std::string direction_text = "down";
  std::string depth_text;
  std::vector<std::string> change_tables;
  // Checked.
  Direction direction = Direction::kDown;
  std::optional<int> depth;
  std::vector<std::string> owners;  // kommunenummer values

  bool HasKey() const { return !key.empty(); }
  bool HasSystems() const { return !systems.empty(); }
};

// When and with whom a plan is made: the calendar (start, deadline, which days count, local
// closures) and the capacities. `plan`, `render --plan` and `report` take the same group and
// build their PlanOptions with PlanOptionsFrom, so they state the same dates.
struct CalendarOptions {
  std::string start_text, deadline_text;
  bool workdays = false;  // --workdays: the default calendar, accepted as before
  std::string calendar_text = "working-days";
  std::vector<std::string> closed_files;
  std::string capacity_text, vendor_capacity_text, owner_capacity_text;
  std::vector<std::string> owner_tasks_text;
  double default_effort = 5;
  // Checked.
  std::optional<DayNumber> start, deadline;
  Calendar calendar;
  std::optional<size_t> capacity, vendor_capacity, owner_capacity;
  std::optional<std::vector<std::string>> owner_tasks;
};

struct DiagramLook {
  std::string cluster_text = "owner";
  std::string layout;
  std::string title;
  std::string collapse_text;  // "" = none
  bool only_affected = false;
  std::string page_text;  // "" = the picture's own size
  bool landscape = false;
  // Checked.
  viz::ClusterBy cluster = viz::ClusterBy::kOwner;
  viz::CollapseBy collapse = viz::CollapseBy::kNone;
  viz::PageOptions page;
};

// The language of the words meant for people on a wall or in a document: pictures, the page,
// and the Markdown and spreadsheet reports (viz/i18n.h). Terminal, CSV and JSON stay English.
struct LanguageOptions {
  std::string lang_text = "nb";
  // Checked.
  viz::Language language = viz::Language::kBokmal;
};

struct RankingOptions {
  std::string top_text;
  size_t default_top = 10;
  size_t top = 10;  // 0: all
};

struct OutputOptions {
  std::string format_text;  // "" when --format was not given
  std::string path = "-";
  Format format = Format::kTable;
};

void AddSelectionOptions(po::options_description* desc, SelectionOptions* options);
void AddCalendarOptions(po::options_description* desc, CalendarOptions* options);
void AddDiagramOptions(po::options_description* desc, DiagramLook* options);
void AddLanguageOptions(po::options_description* desc, LanguageOptions* options);
void AddRankingOptions(po::options_description* desc, RankingOptions* options);
// `formats` are the formats the command writes; the first is the default.
void AddOutputOptions(po::options_description* desc, OutputOptions* options,
                      const std::vector<Format>& formats);

// Each check prints every usage error of its group (with the help pointer) and returns false
// when there was one.
bool CheckSelection(std::string_view command, SelectionOptions* options, Io io);
// Also reads the --closed files (their errors are printed with file and line).
bool CheckCalendar(std::string_view command, CalendarOptions* options, Io io);
// The plan options every command that plans uses: calendar, start, deadline, capacities,
// owners of our tasks and the default effort.
PlanOptions PlanOptionsFrom(const CalendarOptions& options);
bool CheckDiagram(std::string_view command, DiagramLook* options, Io io);
bool CheckLanguage(std::string_view command, LanguageOptions* options, Io io);
bool CheckRanking(std::string_view command, RankingOptions* options, Io io);
// Picks the format: --format, else -o's extension, else the default; a --format that
// contradicts the extension, or a format the command does not write, is an error.
bool CheckOutput(std::string_view command, const std::vector<Format>& formats,
                 OutputOptions* options, Io io);

// A whole number from `min` up, written in digits only; nullopt otherwise.
std::optional<long long> ParseWholeNumber(std::string_view text, long long min, long long max);

// A date option (--start, --deadline, --effective): empty text leaves `out` alone; else the
// date, or a usage error naming the option. False after the error.
bool ParseDateOption(std::string_view command, std::string_view option, const std::string& text,
                     std::optional<DayNumber>* out, Io io);

// Prints "landskap COMMAND: error: MESSAGE" and the pointer to --help.
void UsageError(std::string_view command, std::string_view message, Io io);

}  // namespace landskap::cli
