// Declarations and checks of the shared option groups. Every shared option is declared here
// and nowhere else, so it has one spelling, one help text and one check in every command.
#include "cli/option_groups.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <ostream>
#include <sstream>

#include "engine/analysis/scope.h"
#include "engine/model/text.h"

namespace landskap::cli {

void UsageError(std::string_view command, std::string_view message, Io io) {
  io.err << "landskap " << command << ": error: " << message << "\n"
         << "Run 'landskap " << command << " --help' for the options and an example.\n";
}

std::optional<long long> ParseWholeNumber(std::string_view text, long long min, long long max) {
  if (text.empty() || text.size() > 18) return std::nullopt;
  if (!std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return std::nullopt;
  long long value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value < min || value > max)
    return std::nullopt;
  return value;
}

void AddSelectionOptions(po::options_description* desc, SelectionOptions* o) {
  auto add = desc->add_options();
  if (o->parts & kSelectKey)
    add("key", po::value(&o->key)->value_name("K"),
        "the key that changes, e.g. kommunenummer: every system holding it, and what it "
        "reaches");
  if (o->parts & kSelectImpactAlias)
    add("impact", po::value(&o->impact_alias)->value_name("K"),
        "the old name of --key, still accepted in this release");
  if (o->parts & kSelectSystem)
    add("system", po::value(&o->systems)->value_name("ID")->composing(),
        "a system whose change or outage to follow (repeatable)");
  if (o->parts & kSelectDirection)
    add("direction", po::value(&o->direction_text)->default_value("down")->value_name("DIR"),
        "down: consumers (what breaks); up: providers (what it depends on); both");
  if (o->parts & kSelectDepth)
    add("depth", po::value(&o->depth_text)->value_name("N"),
        "stop after N integrations from a seed (0 or more)");
  if (o->parts & kSelectThroughAll)
    add("through-all", po::bool_switch(&o->through_all),
        "also follow integrations that do not carry the key (reason depends-on)");
  if (o->parts & kSelectOwner)
    add("owner", po::value(&o->owners_text)->value_name("NUMBERS")->composing(),
        "the changing municipalities, e.g. 1246,1245 (instead of the file's changes)");
  if (o->parts & kSelectChanges)
    add("changes", po::value(&o->change_tables)->value_name("CSV")->composing(),
        "a table of old and new kommunenummer (e.g. SSB's change list, or a workbook's "
        "Endringer sheet) that says which municipalities change, in addition to the file's own "
        "changes (repeatable)");
}

bool CheckSelection(std::string_view command, SelectionOptions* o, Io io) {
  bool ok = true;
  if (!o->impact_alias.empty()) {
    if (!o->key.empty() && o->key != o->impact_alias) {
      UsageError(command, "--impact is the old name of --key; give one of them", io);
      ok = false;
    }
    o->key = o->impact_alias;
  }
  if (o->parts & kSelectDirection) {
    if (auto direction = ParseDirection(o->direction_text)) {
      o->direction = *direction;
    } else {
      UsageError(command, "unknown --direction '" + o->direction_text + "'; use down, up or both",
                 io);
      ok = false;
    }
  }
  if (!o->depth_text.empty()) {
    if (auto depth = ParseWholeNumber(o->depth_text, 0, 1000000)) {
      o->depth = static_cast<int>(*depth);
    } else {
      UsageError(command, "--depth takes a whole number, 0 or more, not '" + o->depth_text + "'",
                 io);
      ok = false;
    }
  }
  for (const std::string& item : o->owners_text) {
    std::stringstream parts(item);
    std::string value;
    while (std::getline(parts, value, ',')) {
      if (value.empty()) continue;
      if (!IsKommunenummer(value)) {
        UsageError(command,
                   "--owner '" + value +
                       "' is not a kommunenummer; write 4 digits, e.g. --owner 1246,1245",
                   io);
        ok = false;
        continue;
      }
      o->owners.push_back(value);
    }
  }
  return ok;
}

void AddCalendarOptions(po::options_description* desc, CalendarOptions* o) {
  desc->add_options()("start", po::value(&o->start_text)->value_name("DATE"),
                      "the plan's first day, e.g. 2019-08-01 (default: the earliest fixed date)")(
      "deadline", po::value(&o->deadline_text)->value_name("DATE"),
      "the reform date, e.g. 2020-01-01: every system must be done by this day")(
      "calendar", po::value(&o->calendar_text)->value_name("KIND"),
      "which days count: working-days (the default: Monday to Friday without Norwegian "
      "public holidays) or all-days")(
      "workdays", po::bool_switch(&o->workdays),
      "count working days; this is the default now, the option is still accepted")(
      "closed", po::value(&o->closed_files)->value_name("FILE")->composing(),
      "local closures, e.g. the Christmas week: a CSV of dates or ranges "
      "(2019-12-23,2019-12-31) or an iCalendar file (.ics); repeatable")(
      "capacity", po::value(&o->capacity_text)->value_name("N"),
      "at most N of our systems in progress on any day, over the whole plan (external "
      "systems are other owners' work and never wait for it)")(
      "vendor-capacity", po::value(&o->vendor_capacity_text)->value_name("N"),
      "at most N systems of one vendor in progress on any day (the file's \"resources\" "
      "section overrides it per vendor)")(
      "owner-capacity", po::value(&o->owner_capacity_text)->value_name("N"),
      "at most N systems of one of our owners (a municipality's own IT staff) in progress on "
      "any day (\"resources\" overrides it per owner)")(
      "owner-tasks", po::value(&o->owner_tasks_text)->value_name("OWNERS")->composing(),
      "whose tasks are ours, e.g. 1246,1245,1259 (default: the changing municipalities and "
      "the intermunicipal systems); other tasks are external dependencies")(
      "default-effort", po::value(&o->default_effort)->value_name("DAYS"),
      "days for a system without cutover.effort_days (default 5)");
}

bool ParseDateOption(std::string_view command, std::string_view option, const std::string& text,
                     std::optional<DayNumber>* out, Io io) {
  if (text.empty()) return true;
  *out = ParseDate(text);
  if (*out) return true;
  UsageError(command, std::string(option) + " takes a date YYYY-MM-DD, not '" + text + "'", io);
  return false;
}

bool CheckCalendar(std::string_view command, CalendarOptions* o, Io io) {
  bool ok = ParseDateOption(command, "--start", o->start_text, &o->start, io);
  ok &= ParseDateOption(command, "--deadline", o->deadline_text, &o->deadline, io);
  if (o->start && o->deadline && *o->deadline < *o->start) {
    UsageError(command, "--deadline " + o->deadline_text + " is before --start " + o->start_text,
               io);
    ok = false;
  }
  Calendar::Kind kind = Calendar::Kind::kWorkingDays;
  if (o->calendar_text == "all-days") {
    kind = Calendar::Kind::kAllDays;
    if (o->workdays) {
      UsageError(command,
                 "--workdays counts working days and --calendar all-days every day; "
                 "give one of them",
                 io);
      ok = false;
    }
  } else if (o->calendar_text != "working-days") {
    UsageError(
        command,
        "unknown --calendar '" + o->calendar_text + "'; use working-days (the default) or all-days",
        io);
    ok = false;
  }
  for (auto [text, option, out] :
       {std::tuple{&o->capacity_text, "--capacity", &o->capacity},
        std::tuple{&o->vendor_capacity_text, "--vendor-capacity", &o->vendor_capacity},
        std::tuple{&o->owner_capacity_text, "--owner-capacity", &o->owner_capacity}}) {
    if (text->empty()) continue;
    if (auto value = ParseWholeNumber(*text, 1, 1000000)) {
      *out = static_cast<size_t>(*value);
    } else {
      UsageError(command,
                 std::string(option) + " takes a number of systems, 1 or more, not '" + *text + "'",
                 io);
      ok = false;
    }
  }
  if (!o->owner_tasks_text.empty()) {
    std::vector<std::string> owners;
    for (const std::string& item : o->owner_tasks_text) {
      std::stringstream parts(item);
      std::string value;
      while (std::getline(parts, value, ','))
        if (!value.empty()) owners.push_back(value);
    }
    if (owners.empty()) {
      UsageError(command, "--owner-tasks takes owners as the file spells them, e.g. 1246,1245", io);
      ok = false;
    }
    std::sort(owners.begin(), owners.end());
    owners.erase(std::unique(owners.begin(), owners.end()), owners.end());
    o->owner_tasks = owners;
  }
  if (!std::isfinite(o->default_effort) || o->default_effort < 0 || o->default_effort > 100000) {
    UsageError(command, "--default-effort must be a number of days from 0 to 100000", io);
    ok = false;
  }
  std::vector<Closure> closures;
  for (const std::string& path : o->closed_files) {
    InputRules rules;
    rules.what = "a list of closed days";
    rules.max_bytes = size_t{16} << 20;
    rules.convert_windows_1252 = true;
    InputText input;
    Diagnostics diagnostics(path);
    if (ReadInput(path, rules, &input, &diagnostics)) ParseClosures(input, &closures, &diagnostics);
    for (const Diagnostic& d : diagnostics.Items()) io.err << FormatDiagnostic(d) << "\n";
    if (diagnostics.HasErrors()) {
      io.err << "landskap " << command << ": the closed days in " << path
             << " cannot be read; fix the lines named above\n";
      ok = false;
    }
  }
  o->calendar = Calendar(kind, std::move(closures));
  return ok;
}

PlanOptions PlanOptionsFrom(const CalendarOptions& o) {
  PlanOptions options;
  options.calendar = o.calendar;
  options.start = o.start;
  options.deadline = o.deadline;
  options.capacity = o.capacity;
  options.vendor_capacity = o.vendor_capacity;
  options.owner_capacity = o.owner_capacity;
  options.owner_tasks = o.owner_tasks;
  options.default_effort_days = o.default_effort;
  return options;
}

void AddDiagramOptions(po::options_description* desc, DiagramLook* o) {
  desc->add_options()("cluster",
                      po::value(&o->cluster_text)->default_value("owner")->value_name("BY"),
                      "box systems together by owner, domain, kind, or none")(
      "layout", po::value(&o->layout)->value_name("ENGINE"),
      "dot (columns), neato (screen-shaped) or sfdp (thousands of systems); without it, "
      "chosen by size: dot up to 300 systems and 800 integrations (lines around the boxes, "
      "owners boxed), sfdp above")("title", po::value(&o->title)->value_name("TEXT"),
                                   "the title at the top (default: the landscape's name)")(
      "collapse", po::value(&o->collapse_text)->value_name("BY"),
      "the overview: one box per owner, domain or vendor, one arrow per pair of them with the "
      "number of integrations and the keys they carry")(
      "only-affected", po::bool_switch(&o->only_affected),
      "with --key or --system: only the affected systems and the systems next to them")(
      "page", po::value(&o->page_text)->value_name("A4|A3"),
      "fit the picture to a printable page; a PDF too big for one readable page gets several, "
      "after a page overview")("landscape", po::bool_switch(&o->landscape),
                               "with --page: the page turned sideways");
}

bool CheckDiagram(std::string_view command, DiagramLook* o, Io io) {
  bool ok = true;
  const std::string& c = o->cluster_text;
  if (c == "owner") {
    o->cluster = viz::ClusterBy::kOwner;
  } else if (c == "domain") {
    o->cluster = viz::ClusterBy::kDomain;
  } else if (c == "kind") {
    o->cluster = viz::ClusterBy::kKind;
  } else if (c == "none") {
    o->cluster = viz::ClusterBy::kNone;
  } else {
    UsageError(command, "unknown --cluster '" + c + "'; use owner, domain, kind or none", io);
    ok = false;
  }
  if (!o->layout.empty() && o->layout != "dot" && o->layout != "sfdp" && o->layout != "neato") {
    UsageError(command, "unknown --layout '" + o->layout + "'; use dot, sfdp or neato", io);
    ok = false;
  }
  const std::string& by = o->collapse_text;
  if (by.empty()) {
    o->collapse = viz::CollapseBy::kNone;
  } else if (by == "owner") {
    o->collapse = viz::CollapseBy::kOwner;
  } else if (by == "domain") {
    o->collapse = viz::CollapseBy::kDomain;
  } else if (by == "vendor") {
    o->collapse = viz::CollapseBy::kVendor;
  } else {
    UsageError(command, "unknown --collapse '" + by + "'; use owner, domain or vendor", io);
    ok = false;
  }
  if (!o->page_text.empty()) {
    if (auto paper = viz::ParsePaper(o->page_text)) {
      o->page.paper = *paper;
    } else {
      UsageError(command, "unknown --page '" + o->page_text + "'; use A4 or A3", io);
      ok = false;
    }
  }
  o->page.landscape = o->landscape;
  if (o->landscape && o->page_text.empty()) {
    UsageError(command, "--landscape turns a page: give --page A4 or --page A3 with it", io);
    ok = false;
  }
  return ok;
}

void AddLanguageOptions(po::options_description* desc, LanguageOptions* o) {
  desc->add_options()(
      "lang", po::value(&o->lang_text)->default_value("nb")->value_name("LANG"),
      "the language of pictures, the page and the Markdown and Excel reports: nb (Norwegian "
      "bokmål) or en; the terminal table, CSV and JSON stay English");
}

bool CheckLanguage(std::string_view command, LanguageOptions* o, Io io) {
  if (auto language = viz::ParseLanguage(o->lang_text)) {
    o->language = *language;
    return true;
  }
  UsageError(command, "unknown --lang '" + o->lang_text + "'; use nb (bokmål) or en (English)", io);
  return false;
}

void AddRankingOptions(po::options_description* desc, RankingOptions* o) {
  desc->add_options()("top", po::value(&o->top_text)->value_name("N"),
                      ("show the N first of every ranking; 0 shows all (default " +
                       std::to_string(o->default_top) + ")")
                          .c_str());
}

bool CheckRanking(std::string_view command, RankingOptions* o, Io io) {
  o->top = o->default_top;
  if (o->top_text.empty()) return true;
  if (auto top = ParseWholeNumber(o->top_text, 0, 1000000000)) {
    o->top = static_cast<size_t>(*top);
    return true;
  }
  UsageError(command, "--top takes a whole number, 0 (all) or more, not '" + o->top_text + "'", io);
  return false;
}

namespace {

std::string FormatList(const std::vector<Format>& formats) {
  std::string names;
  for (size_t i = 0; i < formats.size(); ++i)
    names += (i == 0                    ? ""
              : i + 1 == formats.size() ? " or "
                                        : ", ") +
             std::string(FormatName(formats[i]));
  return names;
}

// "table (.txt), json (.json) or csv (.csv)".
std::string FormatListWithEndings(const std::vector<Format>& formats) {
  std::string names;
  for (size_t i = 0; i < formats.size(); ++i) {
    names += (i == 0                    ? ""
              : i + 1 == formats.size() ? " or "
                                        : ", ") +
             std::string(FormatName(formats[i]));
    std::string_view ending = FormatEnding(formats[i]);
    if (!ending.empty()) names += " (" + std::string(ending) + ")";
  }
  return names;
}

bool Offers(const std::vector<Format>& formats, Format f) {
  return std::find(formats.begin(), formats.end(), f) != formats.end();
}

}  // namespace

void AddOutputOptions(po::options_description* desc, OutputOptions* o,
                      const std::vector<Format>& formats) {
  desc->add_options()(
      "format", po::value(&o->format_text)->value_name("FORMAT"),
      ("output format: " + FormatList(formats) + " (default: from -o's ending, else " +
       std::string(FormatName(formats.front())) + ")")
          .c_str())(
      "output,o", po::value(&o->path)->default_value("-")->value_name("OUT"),
      "write to this file instead of the terminal (written completely or not at all). Refused: "
      "a file the command reads, a file you may not write, and an ending no format has (unless "
      "--format names the format)");
}

bool CheckOutput(std::string_view command, const std::vector<Format>& formats, OutputOptions* o,
                 Io io) {
  std::optional<Format> by_name;
  if (!o->format_text.empty()) {
    by_name = ParseFormat(o->format_text);
    if (!by_name || !Offers(formats, *by_name)) {
      UsageError(command, "unknown --format '" + o->format_text + "'; use " + FormatList(formats),
                 io);
      return false;
    }
  }
  std::optional<Format> by_path = FormatFromPath(o->path, &formats);
  if (by_name && by_path && *by_name != *by_path) {
    UsageError(command,
               "--format " + std::string(FormatName(*by_name)) + " does not match the ending of '" +
                   o->path + "' (" + std::string(FormatName(*by_path)) +
                   "); leave out --format, or name the file to match",
               io);
    return false;
  }
  // An ending no format has is most likely a slip (plan.docx, impact.xls): a text table under
  // that name would open as garbage. With --format the user has named the format, and the
  // name is theirs to choose.
  if (!by_name && !by_path && o->path != "-" && !FileEnding(o->path).empty()) {
    UsageError(command,
               "cannot tell which format to write to '" + o->path + "': no format ends in " +
                   FileEnding(o->path) + "; " + std::string(command) + " writes " +
                   FormatListWithEndings(formats) +
                   "; end the name with one of them, or give --format to write under this name",
               io);
    return false;
  }
  if (!by_name && by_path && !Offers(formats, *by_path)) {
    UsageError(command,
               "cannot tell which format to write to '" + o->path + "': " + std::string(command) +
                   " writes " + FormatList(formats) +
                   "; end the name with one of them or give "
                   "--format",
               io);
    return false;
  }
  o->format = by_name ? *by_name : by_path ? *by_path : formats.front();
  return true;
}

}  // namespace landskap::cli
