// The plan exports under fuzzing: a landscape from the input bytes (as FuzzLoad reads it), its
// plan, and the three exports read back by parsers that are not landskap's writers. Options are
// picked from a hash of the input, so one input always takes the same path.
#include "tests/fuzz/plan_exports_body.h"

#include <libical/ical.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <pugixml.hpp>
#include <sstream>
#include <string>
#include <string_view>

#include "cli/formats/heading.h"
#include "cli/formats/plan_export.h"
#include "engine/analysis/graph.h"
#include "engine/file/load.h"
#include "engine/model/date.h"
#include "engine/plan/plan.h"
#include "tests/mermaid_gantt_lexer.h"

namespace landskap::fuzz {
namespace {

void Check(bool ok, const char* what) {
  if (ok) return;
  std::fprintf(stderr, "landskap fuzz: invariant violated: %s\n", what);
  std::abort();
}

uint32_t Hash(const uint8_t* data, size_t size) {
  uint32_t h = 2166136261u;  // FNV-1a
  for (size_t i = 0; i < size; ++i) h = (h ^ data[i]) * 16777619u;
  return h;
}

// XML 1.0's Char production, decoded here and not by the writer's XmlCharacters.
bool OnlyXmlChars(std::string_view text) {
  for (char32_t c : mermaid::Decode(text))
    if (!(c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) ||
          (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF)))
      return false;
  return true;
}

void CheckMsProject(const Landscape& l, const Plan& plan, const cli::PlanHeading& heading) {
  const std::string xml = cli::FormatPlanMsProject(l, plan, heading);
  Check(OnlyXmlChars(xml), "msproject: only XML 1.0 characters");
  pugi::xml_document doc;
  pugi::xml_parse_result parsed =
      doc.load_buffer(xml.data(), xml.size(), pugi::parse_default, pugi::encoding_utf8);
  Check(static_cast<bool>(parsed), "msproject: well-formed XML");
  size_t tasks = 0;
  for (pugi::xml_node task : doc.child("Project").child("Tasks").children("Task")) {
    Check(task.child("Name") && task.child("Start") && task.child("Finish"),
          "msproject: every task has a name, a start and a finish");
    ++tasks;
  }
  // The project summary, one task per planned system, the deadline's milestone.
  Check(tasks == 1 + plan.tasks.size() + (plan.deadline ? 1 : 0), "msproject: task count");
}

void CheckIcs(const Landscape& l, const Plan& plan, const cli::PlanHeading& heading) {
  const std::string ics = cli::FormatPlanIcs(l, plan, heading);
  for (unsigned char c : ics)
    Check((c >= 0x20 && c != 0x7F) || c == '\r' || c == '\n',
          "ics: no control character (RFC 5545 TEXT)");
  // What the plan has to show: its start, each fixed date, each task of 0 days, the last day of
  // work and the deadline.
  size_t expected = 1 + (plan.finish_date ? 1 : 0) + (plan.deadline ? 1 : 0);
  for (const PlanTask& t : plan.tasks)
    expected += (l.systems[t.system].cutover.fixed_date ? 1 : 0) + (t.duration == 0 ? 1 : 0);
  icalcomponent* calendar = icalparser_parse_string(ics.c_str());
  Check(calendar != nullptr, "ics: libical parses the calendar");
  size_t events = 0;
  for (icalcomponent* e = icalcomponent_get_first_component(calendar, ICAL_VEVENT_COMPONENT); e;
       e = icalcomponent_get_next_component(calendar, ICAL_VEVENT_COMPONENT)) {
    ++events;
    Check(icalcomponent_get_first_property(e, ICAL_SUMMARY_PROPERTY) != nullptr,
          "ics: every event has a SUMMARY");
    Check(icalcomponent_get_first_property(e, ICAL_DTSTART_PROPERTY) != nullptr,
          "ics: every event has a DTSTART");
    Check(icalcomponent_get_first_property(e, ICAL_XLICERROR_PROPERTY) == nullptr,
          "ics: libical reports no error in an event");
  }
  icalcomponent_free(calendar);
  Check(events == expected, "ics: one event per date the plan shows");
}

void CheckMermaid(const Landscape& l, const Plan& plan, const cli::PlanHeading& heading) {
  const std::string mmd = cli::FormatPlanMermaid(l, plan, heading);
  std::istringstream in(mmd);
  std::string line;
  Check(std::getline(in, line) && line == "gantt", "mermaid: starts with gantt");
  size_t tasks = 0;
  while (std::getline(in, line)) {
    Check(line.rfind("    ", 0) == 0, "mermaid: every line is indented");
    std::vector<mermaid::Token> tokens = mermaid::LexLine(line);
    Check(!tokens.empty(), "mermaid: no empty line");
    const std::string& kind = tokens.front().kind;
    if (kind == "taskTxt") {
      const size_t colon = line.find(" :");
      Check(colon != std::string::npos, "mermaid: a task line has ' :'");
      const std::string name = line.substr(4, colon - 4);
      Check(mermaid::TaskLineProblem(line, name).empty(), "mermaid: a task line lexes as a task");
      Check(name.rfind("\u200B", 0) == 0 || name.rfind("Deadline ", 0) == 0,
            "mermaid: a system's name starts with U+200B");
      ++tasks;
      continue;
    }
    const bool setting = kind == "title" || kind == "dateFormat" || kind == "axisFormat" ||
                         kind == "excludes" || kind == "section" || kind == "comment";
    Check(setting && tokens.size() == 1, "mermaid: every other line is one setting or comment");
  }
  Check(tasks == plan.tasks.size() + (plan.deadline ? 1 : 0), "mermaid: one task per system");
}

}  // namespace

void FuzzPlanExports(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  Landscape landscape;
  Diagnostics diagnostics("fuzz.json");
  if (!LoadLandscapeText(text, "fuzz.json", &landscape, &diagnostics)) return;
  const uint32_t h = Hash(data, size);
  Graph graph(landscape);
  PlanOptions options;
  options.all_systems = true;
  options.start = ParseDate((h & 1) ? "2019-08-01" : "2019-12-20");
  if ((h >> 1) & 1) options.deadline = ParseDate("2020-01-01");
  if ((h >> 2) & 1)
    options.calendar = Calendar(Calendar::Kind::kAllDays);
  else if ((h >> 3) & 1)
    options.calendar = Calendar(Calendar::Kind::kWorkingDays,
                                {{*ParseDate("2019-12-23"), *ParseDate("2019-12-31"), "jul"}});
  if ((h >> 4) & 1) options.capacity = 1 + (h >> 5) % 3;
  Plan plan;
  Diagnostics plan_diagnostics("fuzz.json");
  if (!ComputePlan(graph, options, nullptr, &plan, &plan_diagnostics)) return;
  // A plan from a start date can be exported unless its dates run past 2999 (libical's end).
  if (!cli::ExportNeedsDates(plan).empty()) {
    Check(plan.start && FormatDate(std::max(plan.finish_date.value_or(*plan.start),
                                            plan.deadline.value_or(*plan.start))) > "2999-12-31",
          "a plan from a start date can be exported unless it runs past the year 2999");
    return;
  }
  // The heading carries the file's own text too (its name), as DescribePlan's does.
  const cli::PlanHeading heading{
      "all " + std::to_string(plan.tasks.size()) + " systems of " + landscape.name, ""};
  CheckMsProject(landscape, plan, heading);
  CheckIcs(landscape, plan, heading);
  CheckMermaid(landscape, plan, heading);
}

}  // namespace landskap::fuzz
