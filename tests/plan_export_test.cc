// The plan's exports parsed back by independent readers: MS Project XML with pugixml,
// iCalendar with libical's parser, Mermaid line by line. Dates, durations and links are checked
// against tests/data/plan_small.json worked out by hand (see tests/cli_plan_test.cc) and, with
// --workdays, against the plan's own JSON.
#include <gtest/gtest.h>
#include <libical/ical.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <pugixml.hpp>
#include <regex>
#include <set>
#include <sstream>
#include <string>

#include "engine/model/date.h"
#include "tests/test_support.h"

namespace landskap {
namespace {

using nlohmann::json;
using testing::RunCli;

const std::string kSmall = testing::SourcePath("tests/data/plan_small.json");
// Every day counts (the dates below are worked out over all days); the --workdays cases compare
// against the plan's own JSON instead.
const std::vector<std::string> kPlan = {"plan",       kSmall,       "--key",      "kommunenummer",
                                        "--start",    "2019-08-26", "--deadline", "2019-10-01",
                                        "--calendar", "all-days"};

// kPlan with the default calendar (working days; --workdays says the same).
std::vector<std::string> WorkingDays() {
  return std::vector<std::string>(kPlan.begin(), kPlan.end() - 2);
}

std::vector<std::string> With(std::vector<std::string> args, const std::vector<std::string>& more) {
  args.insert(args.end(), more.begin(), more.end());
  return args;
}

// By hand (calendar days, day 0 = 2019-08-26): first and last day of work, duration, critical.
struct Expected {
  std::string start, finish;
  int days;
  bool critical;
};
const std::map<std::string, Expected> kByHand = {
    {"folkeregisteret", {"2019-09-02", "2019-09-06", 5, false}},
    {"matrikkelen", {"2019-09-09", "2019-09-13", 5, true}},
    {"fjell.gis", {"2019-09-14", "2019-09-19", 6, true}},
    {"fjell.byggesak", {"2019-09-20", "2019-09-27", 8, true}},
    {"fjell.arkiv", {"2019-09-28", "2019-10-07", 10, true}},
    {"fjell.sak", {"2019-09-28", "2019-10-07", 10, true}},
    {"fjell.lonn", {"2019-10-08", "2019-10-12", 5, true}},
};
// Predecessors by hand: the integrations and the 'after' between tasks, none inside the bundle
// fjell.arkiv + fjell.sak, whose members both wait for everything that feeds the bundle.
const std::map<std::string, std::set<std::string>> kBefore = {
    {"folkeregisteret", {}},
    {"matrikkelen", {}},
    {"fjell.gis", {"matrikkelen"}},
    {"fjell.byggesak", {"fjell.gis"}},
    {"fjell.sak", {"folkeregisteret", "fjell.byggesak"}},
    {"fjell.arkiv", {"folkeregisteret", "fjell.byggesak"}},
    {"fjell.lonn", {"fjell.sak"}},
};

// The system id at the end of a task name "Name (id)", or the whole name.
std::string IdOf(const std::string& name) {
  auto open = name.rfind(" (");
  if (open == std::string::npos || name.back() != ')') return name;
  return name.substr(open + 2, name.size() - open - 3);
}

TEST(PlanExportTest, MsProjectParsesBackWithHandComputedDatesAndLinks) {
  auto r = RunCli(With(kPlan, {"--format", "msproject"}));
  ASSERT_EQ(r.code, 0) << r.err;
  pugi::xml_document doc;
  pugi::xml_parse_result parsed = doc.load_string(r.out.c_str());
  ASSERT_TRUE(parsed) << parsed.description();
  pugi::xml_node project = doc.child("Project");
  ASSERT_TRUE(project);
  EXPECT_STREQ(project.attribute("xmlns").value(), "http://schemas.microsoft.com/project");
  EXPECT_STREQ(project.child_value("StartDate"), "2019-08-26T08:00:00");
  EXPECT_STREQ(project.child_value("FinishDate"), "2019-10-12T17:00:00");
  // Every day works without --workdays: seven working week days, no exceptions.
  int working = 0, exceptions = 0;
  for (pugi::xml_node day : project.child("Calendars").child("Calendar").child("WeekDays")) {
    if (std::string(day.child_value("DayType")) == "0") ++exceptions;
    working += std::string(day.child_value("DayWorking")) == "1";
  }
  EXPECT_EQ(working, 7);
  EXPECT_EQ(exceptions, 0);

  std::map<std::string, std::string> id_of_uid;
  std::map<std::string, pugi::xml_node> task_of_id;
  int summaries = 0, milestones = 0;
  for (pugi::xml_node task : project.child("Tasks").children("Task")) {
    if (std::string(task.child_value("Summary")) == "1") {
      ++summaries;
      EXPECT_STREQ(task.child_value("UID"), "0");
      continue;
    }
    std::string id = IdOf(task.child_value("Name"));
    id_of_uid[task.child_value("UID")] = id;
    task_of_id[id] = task;
    if (std::string(task.child_value("Milestone")) == "1") ++milestones;
  }
  EXPECT_EQ(summaries, 1);
  EXPECT_EQ(milestones, 1);  // the deadline
  ASSERT_EQ(task_of_id.size(), kByHand.size() + 1);
  pugi::xml_node deadline = task_of_id.begin()->second;
  for (auto& [id, task] : task_of_id)
    if (id.rfind("Deadline", 0) == 0) deadline = task;
  EXPECT_STREQ(deadline.child_value("Start"), "2019-10-01T17:00:00");
  EXPECT_STREQ(deadline.child_value("ConstraintType"), "2");

  for (const auto& [id, want] : kByHand) {
    SCOPED_TRACE(id);
    ASSERT_TRUE(task_of_id.count(id));
    pugi::xml_node task = task_of_id[id];
    EXPECT_EQ(std::string(task.child_value("Start")), want.start + "T08:00:00");
    EXPECT_EQ(std::string(task.child_value("Finish")), want.finish + "T17:00:00");
    EXPECT_EQ(std::string(task.child_value("Duration")),
              "PT" + std::to_string(8 * want.days) + "H0M0S");
    EXPECT_EQ(std::string(task.child_value("Critical")), want.critical ? "1" : "0");
    EXPECT_STREQ(task.child_value("Deadline"), "2019-10-01T17:00:00");
    const bool fixed = id == "folkeregisteret" || id == "matrikkelen";
    EXPECT_EQ(std::string(task.child_value("ConstraintType")), fixed ? "2" : "0");
    if (fixed) {
      EXPECT_EQ(std::string(task.child_value("ConstraintDate")), want.start + "T08:00:00");
    }
    std::set<std::string> before;
    for (pugi::xml_node link : task.children("PredecessorLink")) {
      EXPECT_STREQ(link.child_value("Type"), "1");  // finish to start
      before.insert(id_of_uid.at(link.child_value("PredecessorUID")));
    }
    EXPECT_EQ(before, kBefore.at(id));
  }
}

// With --workdays the calendar is Monday to Friday, and the tasks' dates are the plan's.
TEST(PlanExportTest, MsProjectWorkdaysMatchThePlan) {
  auto plan = RunCli(With(WorkingDays(), {"--workdays", "--format", "json"}));
  ASSERT_EQ(plan.code, 0) << plan.err;
  json j = json::parse(plan.out);
  auto r = RunCli(With(WorkingDays(), {"--workdays", "--format", "msproject"}));
  ASSERT_EQ(r.code, 0) << r.err;
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_string(r.out.c_str()));
  pugi::xml_node project = doc.child("Project");
  std::map<std::string, bool> working;
  for (pugi::xml_node day : project.child("Calendars").child("Calendar").child("WeekDays"))
    working[day.child_value("DayType")] = std::string(day.child_value("DayWorking")) == "1";
  EXPECT_FALSE(working["1"]);  // Sunday
  EXPECT_TRUE(working["2"]);   // Monday
  EXPECT_TRUE(working["6"]);   // Friday
  EXPECT_FALSE(working["7"]);  // Saturday
  std::map<std::string, pugi::xml_node> task_of_id;
  for (pugi::xml_node task : project.child("Tasks").children("Task"))
    task_of_id[IdOf(task.child_value("Name"))] = task;
  for (const json& t : j["tasks"]) {
    const std::string id = t["id"];
    SCOPED_TRACE(id);
    ASSERT_TRUE(task_of_id.count(id));
    EXPECT_EQ(std::string(task_of_id[id].child_value("Start")),
              t["start_date"].get<std::string>() + "T08:00:00");
    EXPECT_EQ(std::string(task_of_id[id].child_value("Finish")),
              t["finish_date"].get<std::string>() + "T17:00:00");
    // No work on a Saturday or Sunday.
    EXPECT_LT(Weekday(*ParseDate(t["start_date"].get<std::string>())), 5);
  }
  EXPECT_EQ(std::string(project.child_value("FinishDate")),
            j["finish_date"].get<std::string>() + "T17:00:00");
}

std::string DateOf(icalproperty* p) {
  icaltimetype t = icalproperty_get_dtstart(p);
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", t.year, t.month, t.day);
  return buffer;
}

TEST(PlanExportTest, IcsParsesBackWithTheDates) {
  auto r = RunCli(With(kPlan, {"--format", "ics"}));
  ASSERT_EQ(r.code, 0) << r.err;
  icalcomponent* calendar = icalparser_parse_string(r.out.c_str());
  ASSERT_NE(calendar, nullptr);
  EXPECT_EQ(icalcomponent_isa(calendar), ICAL_VCALENDAR_COMPONENT);
  // uid -> date: the start, the two fixed dates, the last day of work and the deadline.
  std::map<std::string, std::string> events;
  for (icalcomponent* e = icalcomponent_get_first_component(calendar, ICAL_VEVENT_COMPONENT); e;
       e = icalcomponent_get_next_component(calendar, ICAL_VEVENT_COMPONENT)) {
    icalproperty* start = icalcomponent_get_first_property(e, ICAL_DTSTART_PROPERTY);
    ASSERT_NE(start, nullptr);
    EXPECT_TRUE(icalproperty_get_dtstart(start).is_date);  // all-day
    icalproperty* end = icalcomponent_get_first_property(e, ICAL_DTEND_PROPERTY);
    ASSERT_NE(end, nullptr);
    icaltimetype s = icalproperty_get_dtstart(start), f = icalproperty_get_dtend(end);
    EXPECT_EQ(icaltime_compare_date_only(icaltime_add(s, icaldurationtype_from_int(86400)), f), 0);
    icalproperty* stamp = icalcomponent_get_first_property(e, ICAL_DTSTAMP_PROPERTY);
    ASSERT_NE(stamp, nullptr);
    EXPECT_STREQ(icaltime_as_ical_string(icalproperty_get_dtstamp(stamp)), "20190826T000000Z");
    std::string uid = icalcomponent_get_uid(e);
    EXPECT_TRUE(events.emplace(uid, DateOf(start)).second) << "repeated uid " << uid;
  }
  icalcomponent_free(calendar);
  EXPECT_EQ(events, (std::map<std::string, std::string>{
                        {"start@landskap", "2019-08-26"},
                        {"fixed-folkeregisteret@landskap", "2019-09-02"},
                        {"fixed-matrikkelen@landskap", "2019-09-09"},
                        {"finish@landskap", "2019-10-12"},
                        {"deadline@landskap", "2019-10-01"},
                    }));
  // Deterministic: the same plan gives the same bytes.
  EXPECT_EQ(r.out, RunCli(With(kPlan, {"--format", "ics"})).out);
}

TEST(PlanExportTest, MermaidLinesAreWellFormedAndMatchThePlan) {
  auto r = RunCli(With(kPlan, {"--format", "mermaid"}));
  ASSERT_EQ(r.code, 0) << r.err;
  std::istringstream in(r.out);
  std::string line;
  ASSERT_TRUE(std::getline(in, line));
  EXPECT_EQ(line, "gantt");
  const std::regex title(R"(    title [^:#;]+)"), format(R"(    dateFormat YYYY-MM-DD)"),
      axis(R"(    axisFormat %d\.%m)"), excludes(R"(    excludes weekends(, \d{4}-\d\d-\d\d)*)"),
      section(R"(    section (Wave \d+|Deadline))"), after(R"(    %% (t\d+) after((?: t\d+)+))"),
      task(
          // A system's name starts with U+200B (so that Mermaid never reads it as a keyword).
          "    (?:\u200B)?"
          R"(([^:#;]+) :((?:milestone, )?(?:crit, )?)(t\d+|deadline), (\d{4}-\d\d-\d\d), (\d+)d)");
  std::map<std::string, std::string> id_of_task;  // t1 -> system id
  std::map<std::string, std::set<std::string>> before;
  std::map<std::string, std::smatch> tasks;
  std::vector<std::string> lines;
  while (std::getline(in, line)) lines.push_back(line);
  int sections = 0;
  for (const std::string& l : lines) {
    std::smatch m;
    if (std::regex_match(l, m, task)) {
      if (m[3] == "deadline") {
        EXPECT_EQ(m[2], "milestone, ");
        EXPECT_EQ(m[4], "2019-10-01");
        continue;
      }
      std::string id = IdOf(m[1]);
      id_of_task[m[3]] = id;
      SCOPED_TRACE(id);
      ASSERT_TRUE(kByHand.count(id));
      const Expected& want = kByHand.at(id);
      EXPECT_EQ(m[4], want.start);
      EXPECT_EQ(std::stoi(m[5]), want.days);
      EXPECT_EQ(m[2].str().find("crit") != std::string::npos, want.critical);
    } else if (std::regex_match(l, m, after)) {
      std::istringstream ids(m[2]);
      for (std::string t; ids >> t;) before[m[1]].insert(t);
    } else if (std::regex_match(l, m, section)) {
      ++sections;
    } else {
      EXPECT_TRUE(std::regex_match(l, title) || std::regex_match(l, format) ||
                  std::regex_match(l, axis) || std::regex_match(l, excludes))
          << "unexpected line: " << l;
    }
  }
  EXPECT_EQ(id_of_task.size(), kByHand.size());
  EXPECT_EQ(sections, 6);  // waves 1-5 and the deadline
  for (const auto& [t, id] : id_of_task) {
    std::set<std::string> names;
    for (const std::string& p : before[t]) names.insert(id_of_task.at(p));
    EXPECT_EQ(names, kBefore.at(id)) << id;
  }
}

// With --workdays the chart leaves out weekends, as the plan does, and starts each task on the
// plan's date.
TEST(PlanExportTest, MermaidExcludesWeekendsWithWorkdays) {
  auto r = RunCli(With(WorkingDays(), {"--workdays", "--format", "mermaid"}));
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("\n    excludes weekends\n"), std::string::npos) << r.out;
  json j = json::parse(RunCli(With(WorkingDays(), {"--workdays", "--format", "json"})).out);
  for (const json& t : j["tasks"]) {
    const std::string id = t["id"];
    // The task's line: "    NAME (id) :..., tN, DATE, Nd", or "    id :..." without a name.
    const std::regex task("\n    [^\n]*" + std::regex_replace(id, std::regex(R"([.])"), R"(\.)") +
                          "\\)? :[^\n]*, " + t["start_date"].get<std::string>() + ", " +
                          std::to_string(t["duration"].get<int>()) + "d\n");
    EXPECT_TRUE(std::regex_search(r.out, task)) << id;
  }
}

// Names Mermaid cannot take (':' '#' ';' and line breaks) are cleaned; the id stays readable,
// after the zero-width space that keeps Mermaid from reading a name as a keyword.
TEST(PlanExportTest, MermaidCleansNames) {
  std::string dir = testing::TempDir();
  std::string path = dir + "/names.json";
  std::ofstream(path) << R"({"format": "landskap/1", "systems": [
    {"id": "a", "name": "Sak: arkiv #1; ny\nlinje", "cutover": {"fixed_date": "2019-09-02"}}]})";
  auto r = RunCli({"plan", path, "--all", "--format", "mermaid"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("    \u200BSak arkiv 1 ny linje (a) :crit, t1, 2019-09-02, 5d\n"),
            std::string::npos)
      << r.out;
}

// -o picks the export from the file's ending; a plan without dates cannot be exported.
TEST(PlanExportTest, OutputEndingPicksTheFormatAndDatesAreRequired) {
  std::string dir = testing::TempDir();
  for (auto [name, start] :
       {std::pair{"plan.xml", "<?xml"}, {"plan.ics", "BEGIN:VCALENDAR"}, {"plan.mmd", "gantt\n"}}) {
    auto r = RunCli(With(kPlan, {"-o", dir + "/" + name}));
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(testing::ReadFile(dir + "/" + name).rfind(start, 0), 0u) << name;
  }
  std::string path = dir + "/undated.json";
  std::ofstream(path) << R"({"format": "landskap/1", "systems": [{"id": "a"}, {"id": "b"}],
    "integrations": [{"from": "a", "to": "b"}]})";
  for (std::string format : {"msproject", "ics", "mermaid"}) {
    auto r = RunCli({"plan", path, "--all", "--format", format, "-o", dir + "/out"});
    EXPECT_EQ(r.code, 2) << format;
    EXPECT_NE(r.err.find("--start DATE"), std::string::npos) << r.err;
    EXPECT_FALSE(std::filesystem::exists(dir + "/out"));
  }
  // With --start the same plan exports.
  EXPECT_EQ(RunCli({"plan", path, "--all", "--start", "2020-01-06", "--format", "ics"}).code, 0);
}

}  // namespace
}  // namespace landskap
