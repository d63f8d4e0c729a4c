// Writing the cutover plan for MS Project (MSPDI XML), calendars (iCalendar with libical) and
// Markdown documents (Mermaid gantt). All three take their dates from the plan itself and their
// non-working days from the plan's calendar (Calendar::Date), so they follow the plan's
// calendar, whatever it counts as a working day, and state the same finish as `landskap plan`.
#include "cli/formats/plan_export.h"

#include <libical/ical.h>

#include <algorithm>
#include <cstdio>
#include <set>
#include <tuple>

#include "cli/formats/table.h"
#include "engine/model/text.h"

namespace landskap::cli {
namespace {

// Text with XML's special characters escaped, after every character XML 1.0 cannot hold (C0
// controls but tab, line feed and carriage return, U+FFFE, U+FFFF, bytes that are not UTF-8)
// became U+FFFD (XmlCharacters, engine/model/text.h).
std::string Xml(std::string_view raw) {
  const std::string text = XmlCharacters(raw);
  std::string out;
  out.reserve(text.size());
  for (char ch : text) {
    switch (ch) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      default:
        out += ch;
    }
  }
  return out;
}

std::string Element(const std::string& name, const std::string& value) {
  return "<" + name + ">" + value + "</" + name + ">";
}

// "Name (id)", or the id when the system has no name.
std::string TaskName(const System& s) {
  return s.name.empty() || s.name == s.id ? s.id : s.name + " (" + s.id + ")";
}

// The last day the exports show: the plan's finish or the deadline, whichever is later.
DayNumber LastDay(const Plan& plan) {
  DayNumber last = plan.finish_date.value_or(*plan.start);
  if (plan.deadline) last = std::max(last, *plan.deadline);
  return last;
}

// The Monday-to-Friday dates from the plan's start to `last` on which no work can fall: those
// no day offset maps to. Empty when every day counts (no --workdays).
std::vector<DayNumber> ClosedWeekdays(const Plan& plan, DayNumber last) {
  std::vector<DayNumber> closed;
  if (!plan.workdays) return closed;
  const DayNumber first = *plan.start;
  std::set<DayNumber> open;
  for (int offset = 0;; ++offset) {
    DayNumber day = plan.calendar.Date(first, offset);
    if (day > last) break;
    open.insert(day);
  }
  for (DayNumber day = first; day <= last; ++day)
    if (Weekday(day) < 5 && !open.count(day)) closed.push_back(day);
  return closed;
}

// Runs of consecutive days, as (first, last) pairs.
std::vector<std::pair<DayNumber, DayNumber>> Runs(const std::vector<DayNumber>& days) {
  std::vector<std::pair<DayNumber, DayNumber>> runs;
  for (DayNumber d : days) {
    if (!runs.empty() && runs.back().second + 1 == d)
      runs.back().second = d;
    else
      runs.emplace_back(d, d);
  }
  return runs;
}

// The task's notes for people reading the project file.
std::string Notes(const Plan& plan, const System& s, const PlanTask& t) {
  std::string notes = s.id;
  if (!s.owner.empty()) notes += "; owner " + s.owner;
  if (!s.vendor.empty()) notes += "; vendor " + s.vendor;
  notes += "; wave " + std::to_string(t.wave);
  if (t.bundle >= 0)
    notes += "; bundle " + std::to_string(t.bundle + 1) + " (switches together with others)";
  if (!t.estimated) notes += "; no estimate in the file (default effort)";
  if (s.cutover.fixed_date && t.fixed_moved && t.start_date)
    notes += "; fixed start date " + FormatDate(*s.cutover.fixed_date) + " moved to " +
             FormatDate(*t.start_date) + " by " + FixedDateMovedBy(plan, t);
  else if (s.cutover.fixed_date)
    notes += "; fixed start date";
  if (t.days_late > 0) notes += "; late by " + std::to_string(t.days_late);
  return notes;
}

std::string Duration(int days) { return "PT" + std::to_string(8 * days) + "H0M0S"; }
std::string Morning(DayNumber day) { return FormatDate(day) + "T08:00:00"; }
std::string Evening(DayNumber day) { return FormatDate(day) + "T17:00:00"; }

// The schedule's offsets as dates at the start (08:00) or the end (17:00) of a working day.
std::string StartAt(const Plan& plan, int offset) {
  return Morning(plan.calendar.Date(*plan.start, offset));
}
std::string FinishAt(const Plan& plan, int ef, int es) {
  if (ef <= es) return StartAt(plan, es);
  return Evening(plan.calendar.Date(*plan.start, ef - 1));
}

std::string WorkingTimes() {
  return "<WorkingTimes><WorkingTime><FromTime>08:00:00</FromTime><ToTime>12:00:00</ToTime>"
         "</WorkingTime><WorkingTime><FromTime>13:00:00</FromTime><ToTime>17:00:00</ToTime>"
         "</WorkingTime></WorkingTimes>";
}

// Year, month and day of a day number.
std::tuple<int, int, int> Ymd(DayNumber day) {
  int y = 0, m = 0, d = 0;
  std::sscanf(FormatDate(day).c_str(), "%d-%d-%d", &y, &m, &d);
  return {y, m, d};
}

// Mermaid's gantt parser splits a task line at ':' and ',' and reads '#' and ';' as the start
// of a comment or an entity: they become spaces, as do line breaks and other control
// characters (shown as \xNN elsewhere, here they would only be noise), and runs of spaces
// shrink. '%' becomes the full-width ％: Mermaid's lexer reads any character followed by '%' as
// the start of a comment to the end of the line ("5% rabatt" would vanish).
std::string MermaidText(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size();) {
    char32_t cp;
    const size_t len = DecodeUtf8(text, i, &cp);
    const std::string_view piece = text.substr(i, len);
    i += len;
    if (cp == '%') {
      out += "\uFF05";
      continue;
    }
    if (cp >= 0x110000) {  // a byte that is not UTF-8
      out += "\uFFFD";
      continue;
    }
    const bool space =
        cp == ':' || cp == '#' || cp == ';' || cp == ',' || cp == ' ' || IsControlCodePoint(cp);
    if (!space) {
      out += piece;
    } else if (!out.empty() && out.back() != ' ') {
      out += ' ';
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out.empty() ? "-" : out;
}

// A task's name at the start of its line. Mermaid's lexer tries its keywords before the task
// text, case-insensitively, at the start of the line: "Call center", "Click & Collect",
// "Gantt-verktøy" or "2020-01-01 migrering" break the whole chart, "Section for plan og bygg",
// "Title …", "Includes …" or "dateFormat …" turn the task into a setting. A ZERO WIDTH SPACE
// first (invisible, not whitespace to the lexer, and no keyword starts with it) leaves only the
// task rule to match, whatever keywords a later Mermaid adds; MermaidText has removed the ':'
// that would end the task text and the '%' that would start a comment.
std::string MermaidTaskName(std::string_view name) { return "\u200B" + MermaidText(name); }

// Text for an iCalendar property. RFC 5545's TEXT has no room for control characters (all C0
// but tab, and DEL), which libical passes through: they are shown as \xNN, as in every output
// for people, and so is a byte that is not UTF-8. A line break stays in a description (libical
// writes it as \n) and is a space in a one-line summary. libical escapes , ; and \ itself.
std::string IcsText(std::string_view text, LineBreaks breaks = LineBreaks::kToSpace) {
  return VisibleText(text, breaks);
}

// Each task's predecessors for a tool that schedules again: finish-to-start links between
// tasks, none inside a bundle (its members switch together), and a bundle member gets every
// link into its bundle, so that all members keep the bundle's start. Sorted by id, unique.
std::vector<std::vector<SystemIndex>> Predecessors(const Landscape& l, const Plan& plan) {
  std::vector<std::vector<SystemIndex>> before(l.systems.size());
  for (const PlanLink& link : plan.links) {
    const PlanTask* a = plan.Find(link.from);
    const PlanTask* b = plan.Find(link.to);
    if (!a || !b || (a->bundle >= 0 && a->bundle == b->bundle)) continue;
    if (b->bundle < 0) {
      before[link.to].push_back(link.from);
      continue;
    }
    for (SystemIndex member : plan.bundles[b->bundle].systems) before[member].push_back(link.from);
  }
  for (auto& list : before) {
    std::sort(list.begin(), list.end(),
              [&](SystemIndex x, SystemIndex y) { return l.systems[x].id < l.systems[y].id; });
    list.erase(std::unique(list.begin(), list.end()), list.end());
  }
  return before;
}

}  // namespace

std::string ExportNeedsDates(const Plan& plan) {
  if (!plan.start)
    return "exports need dates, and this plan has none: give the plan's first day with --start "
           "DATE (or fixed dates in the file's cutover fields)";
  // libical writes no date after the year 3000 (it prints 00000000), and a day after the last
  // one ends each event: the exports stop at 2999, which no real plan reaches.
  const DayNumber last = LastDay(plan);
  if (std::get<0>(Ymd(last)) > 2999)
    return "the plan's dates run to " + FormatDate(last) +
           ", and calendars and project tools hold dates up to 2999-12-31; check the fixed "
           "dates, --start and --deadline";
  return "";
}

std::string FormatPlanMsProject(const Landscape& l, const Plan& plan, const PlanHeading& heading) {
  const DayNumber last = LastDay(plan);
  const DayNumber first = plan.calendar.Date(*plan.start, 0);
  const std::string title = "Cutover plan for " + heading.tasks;
  std::string x = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
  x += "<Project xmlns=\"http://schemas.microsoft.com/project\">\n";
  x += "  " + Element("SaveVersion", "14") + "\n";
  x += "  " + Element("Name", Xml(l.name.empty() ? "landskap plan" : l.name)) + "\n";
  x += "  " + Element("Title", Xml(title)) + "\n";
  x += "  " + Element("ScheduleFromStart", "1") + "\n";
  x += "  " + Element("StartDate", Morning(first)) + "\n";
  x += "  " +
       Element("FinishDate",
               plan.tasks.empty() ? Morning(first) : FinishAt(plan, plan.duration_days, 0)) +
       "\n";
  x += "  " + Element("CalendarUID", "1") + "\n";
  x += "  " + Element("DefaultStartTime", "08:00:00") + "\n";
  x += "  " + Element("DefaultFinishTime", "17:00:00") + "\n";
  x += "  " + Element("MinutesPerDay", "480") + "\n";
  x += "  " + Element("MinutesPerWeek", plan.workdays ? "2400" : "3360") + "\n";
  x += "  " + Element("DaysPerMonth", plan.workdays ? "20" : "30") + "\n";

  // The calendar: Monday to Friday (every day without --workdays), 8 hours a day, and each
  // closed weekday as an exception.
  x += "  <Calendars>\n    <Calendar>\n";
  x += "      " + Element("UID", "1") + Element("Name", plan.workdays ? "Standard" : "Every day") +
       Element("IsBaseCalendar", "1") + Element("BaseCalendarUID", "-1") + "\n";
  x += "      <WeekDays>\n";
  for (int type = 1; type <= 7; ++type) {  // 1 = Sunday ... 7 = Saturday
    const bool working = !plan.workdays || (type >= 2 && type <= 6);
    x += "        <WeekDay>" + Element("DayType", std::to_string(type)) +
         Element("DayWorking", working ? "1" : "0") + (working ? WorkingTimes() : "") +
         "</WeekDay>\n";
  }
  for (const auto& [from, to] : Runs(ClosedWeekdays(plan, last)))
    x += "        <WeekDay>" + Element("DayType", "0") + Element("DayWorking", "0") +
         "<TimePeriod>" + Element("FromDate", FormatDate(from) + "T00:00:00") +
         Element("ToDate", FormatDate(to) + "T23:59:00") + "</TimePeriod></WeekDay>\n";
  x += "      </WeekDays>\n    </Calendar>\n  </Calendars>\n";

  // Tasks: UID 0 is the project summary; the systems follow in plan order.
  std::vector<int> uid(l.systems.size(), 0);
  for (size_t i = 0; i < plan.tasks.size(); ++i)
    uid[plan.tasks[i].system] = static_cast<int>(i) + 1;
  const std::vector<std::vector<SystemIndex>> predecessors = Predecessors(l, plan);
  x += "  <Tasks>\n";
  x += "    <Task>" + Element("UID", "0") + Element("ID", "0") + Element("Name", Xml(title)) +
       Element("Type", "1") + Element("IsNull", "0") + Element("OutlineNumber", "0") +
       Element("OutlineLevel", "0") + Element("Start", Morning(first)) +
       Element("Finish",
               plan.tasks.empty() ? Morning(first) : FinishAt(plan, plan.duration_days, 0)) +
       Element("Duration", Duration(plan.duration_days)) + Element("DurationFormat", "7") +
       Element("Milestone", "0") + Element("Summary", "1") + Element("Critical", "1") + "</Task>\n";
  for (size_t i = 0; i < plan.tasks.size(); ++i) {
    const PlanTask& t = plan.tasks[i];
    const System& s = l.systems[t.system];
    const std::string n = std::to_string(i + 1);
    x += "    <Task>" + Element("UID", n) + Element("ID", n) + Element("Name", Xml(TaskName(s))) +
         Element("Type", "1") + Element("IsNull", "0") + Element("WBS", n) +
         Element("OutlineNumber", n) + Element("OutlineLevel", "1") + Element("Priority", "500") +
         Element("Start", StartAt(plan, t.start)) +
         Element("Finish", FinishAt(plan, t.finish, t.start)) +
         Element("Duration", Duration(t.duration)) + Element("DurationFormat", "7") +
         Element("Estimated", t.estimated ? "0" : "1") +
         Element("Milestone", t.duration == 0 ? "1" : "0") + Element("Summary", "0") +
         Element("Critical", t.critical ? "1" : "0") + Element("EarlyStart", StartAt(plan, t.es)) +
         Element("EarlyFinish", FinishAt(plan, t.ef, t.es)) +
         Element("LateStart", StartAt(plan, t.ls)) +
         Element("LateFinish", FinishAt(plan, t.lf, t.ls));
    if (s.cutover.fixed_date)
      x += Element("ConstraintType", "2") + Element("ConstraintDate", StartAt(plan, t.start));
    else
      x += Element("ConstraintType", "0");
    if (plan.deadline) x += Element("Deadline", Evening(*plan.deadline));
    x += Element("Notes", Xml(Notes(plan, s, t)));
    for (SystemIndex p : predecessors[t.system])
      x += "<PredecessorLink>" + Element("PredecessorUID", std::to_string(uid[p])) +
           Element("Type", "1") + Element("CrossProject", "0") + Element("LinkLag", "0") +
           Element("LagFormat", "7") + "</PredecessorLink>";
    x += "</Task>\n";
  }
  if (plan.deadline) {
    const std::string n = std::to_string(plan.tasks.size() + 1);
    x += "    <Task>" + Element("UID", n) + Element("ID", n) +
         Element("Name", "Deadline " + FormatDate(*plan.deadline) + ": every system switched") +
         Element("Type", "1") + Element("IsNull", "0") + Element("WBS", n) +
         Element("OutlineNumber", n) + Element("OutlineLevel", "1") + Element("Priority", "1000") +
         Element("Start", Evening(*plan.deadline)) + Element("Finish", Evening(*plan.deadline)) +
         Element("Duration", Duration(0)) + Element("DurationFormat", "7") +
         Element("Milestone", "1") + Element("Summary", "0") + Element("Critical", "0") +
         Element("ConstraintType", "2") + Element("ConstraintDate", Evening(*plan.deadline)) +
         Element("Notes", plan.late.empty()
                              ? "met"
                              : std::to_string(plan.late.size()) + " systems finish after it") +
         "</Task>\n";
  }
  x += "  </Tasks>\n</Project>\n";
  return x;
}

std::string FormatPlanIcs(const Landscape& l, const Plan& plan, const PlanHeading& heading) {
  struct Event {
    DayNumber day;
    std::string uid, summary, description;
  };
  std::vector<Event> events;
  const DayNumber first = plan.calendar.Date(*plan.start, 0);
  events.push_back({first, "start@landskap", "Cutover starts",
                    "First day of the cutover plan for " + heading.tasks + "."});
  for (const PlanTask& t : plan.tasks) {
    const System& s = l.systems[t.system];
    const std::string state = std::string(t.critical ? "critical" : "not critical") + ", slack " +
                              std::to_string(t.slack) +
                              (plan.workdays ? " working days" : " days") +
                              (t.days_late > 0 ? ", late by " + std::to_string(t.days_late) : "");
    // The event is on the day the task starts; when the capacity limits moved it from its
    // fixed date, the text says so rather than calling this day the fixed date.
    if (s.cutover.fixed_date && t.fixed_moved)
      events.push_back({*t.start_date, "fixed-" + s.id + "@landskap", "Fixed start: " + TaskName(s),
                        s.id + " starts on " + FormatDate(*t.start_date) +
                            ", not on its fixed date (cutover.fixed_date " +
                            FormatDate(*s.cutover.fixed_date) + "): moved by " +
                            FixedDateMovedBy(plan, t) + "; " + state + "."});
    else if (s.cutover.fixed_date)
      events.push_back({*t.start_date, "fixed-" + s.id + "@landskap", "Fixed start: " + TaskName(s),
                        s.id + " starts on its fixed date (cutover.fixed_date " +
                            FormatDate(*s.cutover.fixed_date) + "); " + state + "."});
    if (t.duration == 0)
      events.push_back({*t.start_date, "milestone-" + s.id + "@landskap",
                        "Milestone: " + TaskName(s),
                        s.id + " switches (no working days of its own); " + state + "."});
  }
  if (plan.finish_date)
    events.push_back({*plan.finish_date, "finish@landskap", "Last day of cutover work",
                      "The plan's last day of work (" + std::to_string(plan.duration_days) +
                          (plan.workdays ? " working days" : " days") + ")."});
  if (plan.deadline)
    events.push_back({*plan.deadline, "deadline@landskap", "Deadline: every system switched",
                      plan.late.empty() ? std::string("The plan meets the deadline.")
                                        : std::to_string(plan.late.size()) +
                                              " systems finish after the deadline."});
  std::sort(events.begin(), events.end(), [](const Event& a, const Event& b) {
    return std::tie(a.day, a.uid) < std::tie(b.day, b.uid);
  });

  icaltimezone* utc = icaltimezone_get_utc_timezone();
  auto date = [](DayNumber day) {
    auto [y, m, d] = Ymd(day);
    icaltimetype t = icaltime_null_date();
    t.year = y;
    t.month = m;
    t.day = d;
    return t;
  };
  // DTSTAMP must be a UTC date-time: the plan's start at midnight, the same on every run.
  icaltimetype stamp = icaltime_null_time();
  {
    auto [y, m, d] = Ymd(*plan.start);
    stamp.year = y;
    stamp.month = m;
    stamp.day = d;
    stamp = icaltime_set_timezone(&stamp, utc);
  }
  icalcomponent* calendar = icalcomponent_new_vcalendar();
  icalcomponent_add_property(calendar, icalproperty_new_version("2.0"));
  icalcomponent_add_property(calendar, icalproperty_new_prodid("-//landskap//cutover plan//EN"));
  icalcomponent_add_property(calendar, icalproperty_new_calscale("GREGORIAN"));
  icalproperty* name = icalproperty_new_x(IcsText("Cutover plan for " + heading.tasks).c_str());
  icalproperty_set_x_name(name, "X-WR-CALNAME");
  icalcomponent_add_property(calendar, name);
  for (const Event& e : events) {
    icalcomponent* event = icalcomponent_new_vevent();
    icalcomponent_add_property(event, icalproperty_new_uid(IcsText(e.uid).c_str()));
    icalcomponent_add_property(event, icalproperty_new_dtstamp(stamp));
    icalcomponent_add_property(event, icalproperty_new_dtstart(date(e.day)));
    icalcomponent_add_property(event, icalproperty_new_dtend(date(e.day + 1)));
    icalcomponent_add_property(event, icalproperty_new_summary(IcsText(e.summary).c_str()));
    icalcomponent_add_property(
        event, icalproperty_new_description(IcsText(e.description, LineBreaks::kKeep).c_str()));
    icalcomponent_add_property(event, icalproperty_new_transp(ICAL_TRANSP_TRANSPARENT));
    icalcomponent_add_component(calendar, event);
  }
  char* text = icalcomponent_as_ical_string_r(calendar);
  std::string out = text ? text : "";
  free(text);
  icalcomponent_free(calendar);
  return out;
}

std::string FormatPlanMermaid(const Landscape& l, const Plan& plan, const PlanHeading& heading) {
  std::string out = "gantt\n";
  out += "    title " + MermaidText("Cutover plan for " + heading.tasks) + "\n";
  out += "    dateFormat YYYY-MM-DD\n";
  out += "    axisFormat %d.%m\n";
  if (plan.workdays) {
    std::string excludes = "weekends";
    for (DayNumber day : ClosedWeekdays(plan, LastDay(plan))) excludes += ", " + FormatDate(day);
    out += "    excludes " + excludes + "\n";
  }
  std::vector<std::string> task_id(l.systems.size());
  for (size_t i = 0; i < plan.tasks.size(); ++i)
    task_id[plan.tasks[i].system] = "t" + std::to_string(i + 1);
  const std::vector<std::vector<SystemIndex>> predecessors = Predecessors(l, plan);
  int wave = 0;
  for (const PlanTask& t : plan.tasks) {
    if (t.wave != wave) {
      wave = t.wave;
      out += "    section Wave " + std::to_string(wave) + "\n";
    }
    const System& s = l.systems[t.system];
    if (!predecessors[t.system].empty()) {
      std::string after;
      for (SystemIndex p : predecessors[t.system]) after += " " + task_id[p];
      out += "    %% " + task_id[t.system] + " after" + after + "\n";
    }
    if (s.cutover.fixed_date && t.fixed_moved)
      out += "    %% " + task_id[t.system] + " fixed date " + FormatDate(*s.cutover.fixed_date) +
             " moved to " + FormatDate(*t.start_date) + " by " +
             MermaidText(FixedDateMovedBy(plan, t)) + "\n";
    std::string tags;
    if (t.duration == 0) tags += "milestone, ";
    if (t.critical) tags += "crit, ";
    out += "    " + MermaidTaskName(TaskName(s)) + " :" + tags + task_id[t.system] + ", " +
           FormatDate(*t.start_date) + ", " + std::to_string(t.duration) + "d\n";
  }
  if (plan.deadline) {
    out += "    section Deadline\n";
    out += "    Deadline " + FormatDate(*plan.deadline) + " :milestone, deadline, " +
           FormatDate(*plan.deadline) + ", 0d\n";
  }
  return out;
}

}  // namespace landskap::cli
