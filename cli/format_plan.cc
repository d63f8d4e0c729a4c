// Formatting the cutover plan. The table and Markdown answer a coordinator's questions in order:
// how long, is the deadline met, what happens in which wave, what switches together, which
// chain decides the date, and what is late. CSV and JSON carry one record per task.
#include "cli/format_plan.h"

#include <cctype>
#include <cmath>
#include <cstdio>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>

#include "cli/json_stream.h"
#include "engine/municipality.h"
#include "engine/result_json.h"
#include "engine/text.h"

namespace landskap::cli {
namespace {

using ordered_json = nlohmann::ordered_json;

std::string Days(int n, bool workdays) {
  std::string unit = workdays ? " working day" : " day";
  return std::to_string(n) + unit + (n == 1 ? "" : "s");
}

std::string Number(double value) {
  if (value == std::floor(value)) return std::to_string(static_cast<long long>(value));
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", value);
  return buf;
}

// An owner as people read it, "1246 Fjell" for a municipality: every table, note and summary
// line goes through here.
std::string OwnerText(const std::string& owner) { return owner.empty() ? "-" : OwnerLabel(owner); }

// "vendor Visma", "owner 1246", "all work".
std::string ResourceText(const PlanResource& r) {
  switch (r.of) {
    case PlanResource::Of::kVendor:
      return "vendor " + r.name;
    case PlanResource::Of::kOwner:
      return "owner " + OwnerText(r.name);
    case PlanResource::Of::kAll:
      break;
  }
  return "all work (--capacity)";
}

// A task's first and last day: a date with a calendar, else "day N" counted from 1.
std::string Start(const PlanTask& t) {
  return t.start_date ? FormatDate(*t.start_date) : "day " + std::to_string(t.start + 1);
}
std::string Finish(const PlanTask& t) {
  return t.finish_date ? FormatDate(*t.finish_date)
                       : "day " + std::to_string(std::max(t.start, t.finish - 1) + 1);
}
std::string OffsetText(const Plan& plan, int offset, bool last) {
  if (last) offset = std::max(0, offset - 1);
  return plan.start ? FormatDate(plan.calendar.Date(*plan.start, offset))
                    : "day " + std::to_string(offset + 1);
}

std::string Join(const Landscape& l, const std::vector<SystemIndex>& systems,
                 const std::string& separator) {
  std::string out;
  for (size_t i = 0; i < systems.size(); ++i)
    out += (i ? separator : "") + l.systems[systems[i]].id;
  return out;
}

std::string Note(const Landscape& l, const Plan& plan, const PlanTask& t) {
  std::vector<std::string> notes;
  if (t.critical) notes.push_back("critical");
  if (t.bundle >= 0) notes.push_back("bundle " + std::to_string(t.bundle + 1));
  if (l.systems[t.system].cutover.fixed_date) notes.push_back("fixed date");
  if (!t.estimated) notes.push_back("no estimate");
  if (t.wait > 0 && t.waiting_for >= 0)
    notes.push_back("waited " + std::to_string(t.wait) + " for " +
                    ResourceText(plan.resources[t.waiting_for]));  // a cell: VisibleText there
  if (t.days_late > 0) notes.push_back("late by " + std::to_string(t.days_late));
  std::string out;
  for (const std::string& n : notes) out += (out.empty() ? "" : ", ") + n;
  return out;
}

bool HasLimits(const Plan& plan) { return !plan.resources.empty(); }

std::string OursPhrase(const Plan& plan) {
  std::string owners;
  for (const std::string& o : plan.owner_tasks)
    owners += (owners.empty() ? "" : ", ") + OwnerText(o);
  if (owners.empty()) return plan.intermunicipal_ours ? "the intermunicipal systems" : "no owner";
  return owners + (plan.intermunicipal_ours ? " and the intermunicipal systems" : "");
}

size_t ExternalCount(const Plan& plan) {
  size_t n = 0;
  for (const PlanTask& t : plan.tasks) n += t.external ? 1 : 0;
  return n;
}

// The summary lines at the top, shared by the table and Markdown.
std::vector<std::string> Summary(const Landscape&, const Plan& plan, const PlanHeading& h) {
  std::vector<std::string> lines;
  bool wd = plan.workdays;
  lines.push_back("Cutover plan for " + h.tasks + ".");
  if (!h.scope.empty()) lines.push_back(h.scope);
  std::string calendar = wd ? "Calendar: working days (Monday to Friday without Norwegian public "
                              "holidays"
                            : "Calendar: every day counts (--calendar all-days";
  if (!plan.calendar.closures().empty())
    calendar +=
        ", and " + Count(plan.calendar.closures().size(), "closure", "closures") + " from --closed";
  calendar += ")";
  if (plan.start && !plan.tasks.empty()) {
    DayNumber last = std::max(*plan.finish_date, *plan.unconstrained_finish_date);
    if (plan.deadline) last = std::max(last, *plan.deadline);
    std::vector<ClosedDay> closed = plan.calendar.ClosedBetween(*plan.start, last);
    int open = plan.calendar.Offset(*plan.start, last + 1);
    calendar +=
        "; from " + FormatDate(*plan.start) + " to " + FormatDate(last) + ": " + Days(open, wd);
    if (closed.empty()) {
      calendar += wd ? ", no public holiday on a weekday" : "";
    } else {
      calendar += ", " + std::to_string(closed.size()) + " closed (";
      for (size_t i = 0; i < closed.size(); ++i)
        calendar += (i ? ", " : "") + FormatDate(closed[i].day) + " " + closed[i].name;
      calendar += ")";
    }
  }
  lines.push_back(calendar + ".");
  auto span = [&](int days, const std::optional<DayNumber>& finish) {
    std::string text = Days(days, wd);
    if (plan.start && !plan.tasks.empty())
      text += ", from " + FormatDate(*plan.start) + " to " + FormatDate(*finish);
    return text;
  };
  std::string no_calendar = plan.start ? "" : " (no calendar: give --start DATE for dates)";
  if (!HasLimits(plan)) {
    lines.push_back("Duration: " + span(plan.duration_days, plan.finish_date) +
                    (plan.start ? " (" : " (no calendar: give --start DATE for dates; ") +
                    "no capacity limits: give --vendor-capacity, --owner-capacity or a "
                    "\"resources\" section for them).");
  } else {
    lines.push_back("Without capacity limits (the critical path): " +
                    span(plan.unconstrained_duration_days, plan.unconstrained_finish_date) +
                    no_calendar + ".");
    std::string with = "With capacity limits: " + span(plan.duration_days, plan.finish_date);
    if (plan.bottleneck) {
      const PlanResource& r = plan.resources[*plan.bottleneck];
      with += "; bottleneck: " + VisibleText(ResourceText(r)) + " (" + std::to_string(r.capacity) +
              " at a time): " + Count(r.waiting, "system", "systems") + " waited " +
              Days(r.wait_days, wd) + " for it in all";
    } else {
      with += "; no system waited for a resource";
    }
    lines.push_back(with + ".");
  }
  if (plan.deadline && plan.start) {
    std::string line = "Deadline " + FormatDate(*plan.deadline) +
                       (HasLimits(plan) ? " (with the capacity limits): " : ": ");
    if (plan.late.empty()) {
      int limit = plan.calendar.Offset(*plan.start, *plan.deadline + 1);
      line += "met, " + Days(limit - plan.duration_days, wd) + " to spare.";
    } else {
      line += Count(plan.late.size(), "system finishes", "systems finish") + " late, by up to " +
              Days(plan.Find(plan.late.front())->days_late, wd) + ".";
    }
    lines.push_back(line);
  }
  size_t external = ExternalCount(plan);
  if (plan.owner_tasks.empty() && plan.intermunicipal_ours && external == 0)
    lines.push_back(
        "Our work: every system (the file names no changing municipality; "
        "--owner-tasks tells ours from external dependencies).");
  else
    lines.push_back("Our work: " + Count(plan.tasks.size() - external, "system", "systems") +
                    " of " + VisibleText(OursPhrase(plan)) + " (--owner-tasks); " +
                    Count(external, "external dependency", "external dependencies") +
                    " (other owners' systems the plan waits on).");
  size_t unestimated = 0;
  for (const PlanTask& t : plan.tasks) unestimated += t.estimated ? 0 : 1;
  std::string effort = "Effort from cutover.effort_days";
  if (unestimated)
    effort += ", and " + Number(plan.default_effort_days) +
              (plan.default_effort_days == 1 ? " day" : " days") + " (--default-effort) for " +
              Count(unestimated, "system", "systems") + " without an estimate";
  lines.push_back(effort + ".");
  lines.push_back("Order: " + Count(plan.precedence_count, "precedence pair", "precedence pairs") +
                  " (an integration converts the provider before the consumer; "
                  "cutover.after adds more).");
  return lines;
}

// A table of rows kept as text (the small ones: per owner, vendor, resource).
RowSource Kept(std::vector<std::string> header, std::vector<size_t> right,
               std::vector<std::vector<std::string>> rows) {
  auto kept = std::make_shared<const std::vector<std::vector<std::string>>>(std::move(rows));
  return {std::move(header), std::move(right), kept->size(),
          [kept](size_t i) { return (*kept)[i]; }};
}

// Tasks are the bulk of a plan: their rows are made when written, from the task's index.
RowSource TaskTable(const Landscape& l, const Plan& plan, bool external) {
  auto tasks = std::make_shared<std::vector<size_t>>();
  for (size_t i = 0; i < plan.tasks.size(); ++i)
    if (plan.tasks[i].external == external) tasks->push_back(i);
  return {{"wave", "system", "name", "owner", "vendor", "days", "start", "finish", "slack", "note"},
          {0, 5, 8},
          tasks->size(),
          [&l, &plan, tasks](size_t i) {
            const PlanTask& t = plan.tasks[(*tasks)[i]];
            const System& s = l.systems[t.system];
            return std::vector<std::string>{std::to_string(t.wave),
                                            s.id,
                                            Shorten(s.name, 32),
                                            Shorten(OwnerText(s.owner), 24),
                                            s.vendor.empty() ? "-" : Shorten(s.vendor, 24),
                                            std::to_string(t.duration),
                                            Start(t),
                                            Finish(t),
                                            std::to_string(t.slack),
                                            Note(l, plan, t)};
          }};
}

std::vector<std::string> WaveLines(const Plan& plan) {
  std::vector<std::string> lines;
  for (const PlanWave& w : plan.waves) {
    std::string line = "wave " + std::to_string(w.wave) + ": " + OffsetText(plan, w.start, false) +
                       " to " + OffsetText(plan, std::max(w.finish, w.start + 1), true) + ", " +
                       Count(w.task_count, "system", "systems");
    if (w.over_capacity) line += " (holds a bundle larger than a capacity: it takes all of it)";
    lines.push_back(line);
  }
  return lines;
}

// "waiting on Skatteetaten's A-ordningen (skatteetaten.a-ordningen), ready 2019-10-15, for 4
// of our systems", for each external task that some task of ours comes after.
std::vector<std::string> WaitingOnLines(const Landscape& l, const Plan& plan) {
  std::map<SystemIndex, std::set<SystemIndex>> needed;
  auto add = [&](SystemIndex from, SystemIndex to) {
    const PlanTask* a = plan.Find(from);
    const PlanTask* b = plan.Find(to);
    if (a && b && a->external && !b->external) needed[from].insert(to);
  };
  for (const Integration& e : l.integrations) add(e.from, e.to);
  for (SystemIndex s = 0; s < l.systems.size(); ++s)
    for (SystemIndex before : l.systems[s].cutover.after) add(before, s);
  std::vector<SystemIndex> order;
  for (const auto& [s, users] : needed) order.push_back(s);
  std::sort(order.begin(), order.end(), [&](SystemIndex a, SystemIndex b) {
    const PlanTask *x = plan.Find(a), *y = plan.Find(b);
    if (x->finish != y->finish) return x->finish < y->finish;
    return l.systems[a].id < l.systems[b].id;
  });
  std::vector<std::string> lines;
  for (SystemIndex s : order) {
    const System& sys = l.systems[s];
    lines.push_back(VisibleText("waiting on " + OwnerText(sys.owner) + "'s " + sys.Label() + " (" +
                                sys.id + "), ready " + Finish(*plan.Find(s)) + ", for " +
                                std::to_string(needed[s].size()) + " of our systems"));
  }
  return lines;
}

RowSource DelayTable(const Landscape& l, const Plan& plan) {
  return {{"system", "owner", "waited", "for", "later than without limits"},
          {2, 4},
          plan.delayed.size(),
          [&l, &plan](size_t i) {
            SystemIndex s = plan.delayed[i];
            const PlanTask& t = *plan.Find(s);
            return std::vector<std::string>{
                l.systems[s].id, OwnerText(l.systems[s].owner), std::to_string(t.wait),
                ResourceText(plan.resources[t.waiting_for]), std::to_string(t.delay)};
          }};
}

RowSource ResourceTable(const Plan& plan) {
  std::vector<std::vector<std::string>> rows;
  for (const PlanResource& r : plan.resources) {
    const char* by = r.from_file                         ? "file"
                     : r.of == PlanResource::Of::kVendor ? "--vendor-capacity"
                     : r.of == PlanResource::Of::kOwner  ? "--owner-capacity"
                                                         : "--capacity";
    rows.push_back({ResourceText(r), std::to_string(r.capacity), by, std::to_string(r.tasks),
                    std::to_string(r.effort), std::to_string(r.waiting),
                    std::to_string(r.wait_days)});
  }
  return Kept(
      {"resource", "capacity", "set by", "systems", "days of work", "waited", "days waited"},
      {1, 3, 4, 5, 6}, std::move(rows));
}

// Effort per owner or per vendor: systems and days of work, ours and external apart.
RowSource EffortTable(const Landscape& l, const Plan& plan, bool by_vendor) {
  struct Sum {
    size_t systems = 0;
    int days = 0;
    bool ours = false, external = false;
  };
  std::map<std::string, Sum> sums;
  for (const PlanTask& t : plan.tasks) {
    const System& s = l.systems[t.system];
    Sum& sum = sums[by_vendor ? s.vendor : s.owner];
    ++sum.systems;
    sum.days += t.effort;
    (t.external ? sum.external : sum.ours) = true;
  }
  std::vector<std::pair<std::string, Sum>> rows(sums.begin(), sums.end());
  std::stable_sort(rows.begin(), rows.end(),
                   [](const auto& a, const auto& b) { return a.second.days > b.second.days; });
  std::vector<std::vector<std::string>> cells;
  for (const auto& [name, sum] : rows)
    cells.push_back({by_vendor ? (name.empty() ? "-" : name) : OwnerText(name),
                     sum.ours && sum.external ? "ours and external"
                     : sum.ours               ? "ours"
                                              : "external",
                     std::to_string(sum.systems), std::to_string(sum.days)});
  return Kept({by_vendor ? "vendor" : "owner", "work", "systems", "days of work"}, {2, 3},
              std::move(cells));
}

std::string BundleLine(const Landscape& l, const Plan& plan, size_t i) {
  const PlanBundle& b = plan.bundles[i];
  return "bundle " + std::to_string(i + 1) + ": " + Join(l, b.systems, ", ") +
         " (cycle: " + Join(l, b.cycle, " → ") + ")";
}

std::string CutNote(const Plan& plan) {
  return "(only the first " + std::to_string(plan.critical_paths.size()) +
         " critical paths are listed)";
}

RowSource LateTable(const Landscape& l, const Plan& plan) {
  return {
      {"system", "owner", "vendor", "finish", plan.workdays ? "working days late" : "days late"},
      {4},
      plan.late.size(),
      [&l, &plan](size_t i) {
        SystemIndex s = plan.late[i];
        const PlanTask& t = *plan.Find(s);
        return std::vector<std::string>{l.systems[s].id, OwnerText(l.systems[s].owner),
                                        l.systems[s].vendor.empty() ? "-" : l.systems[s].vendor,
                                        Finish(t), std::to_string(t.days_late)};
      }};
}

const char* kWavesNote =
    "wave 1 holds the systems that wait for no other; a system goes in the wave after its "
    "latest predecessor's. Each wave runs from its first start to its last finish";
const char* kTasksNote =
    "dates with the capacity limits; slack and critical are those of the critical path, "
    "without them";
const char* kExternalNote =
    "other owners' systems: not the plan's work, but our systems wait for them";
const char* kDelayNote =
    "systems that waited, after their predecessors were done, for a resource that was full";
const char* kResourceNote = "at most this many systems in progress on one working day";
const char* kBundlesNote = "systems on a cycle of integrations switch together";
const char* kCriticalNote = "no slack: a day lost here is a day lost for the go-live";

// A note as a sentence of its own: "_Systems on a cycle ... together._".
std::string Sentence(const char* note) {
  std::string text(note);
  text[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(text[0])));
  return "_" + text + "._\n\n";
}

// The document in sections, each a title, a note, and its body: lines or a table (whose rows
// are made as they are written).
struct Section {
  std::string title;
  const char* note = nullptr;
  std::vector<std::string> lines;
  std::optional<RowSource> table;
};

std::vector<Section> Sections(const Landscape& l, const Plan& plan) {
  std::vector<Section> out;
  out.push_back({"Waves", kWavesNote, WaveLines(plan), std::nullopt});
  size_t external = ExternalCount(plan);
  out.push_back({external ? "Our systems" : "Systems", kTasksNote, {}, TaskTable(l, plan, false)});
  if (external) {
    Section s{"External dependencies", kExternalNote, WaitingOnLines(l, plan),
              TaskTable(l, plan, true)};
    out.push_back(std::move(s));
  }
  if (HasLimits(plan)) {
    out.push_back({"Capacity", kResourceNote, {}, ResourceTable(plan)});
    if (!plan.delayed.empty())
      out.push_back({"Waiting for capacity", kDelayNote, {}, DelayTable(l, plan)});
  }
  out.push_back({"Effort per owner", nullptr, {}, EffortTable(l, plan, false)});
  out.push_back({"Effort per vendor", nullptr, {}, EffortTable(l, plan, true)});
  if (!plan.bundles.empty()) {
    Section s{"Bundles", kBundlesNote, {}, std::nullopt};
    for (size_t i = 0; i < plan.bundles.size(); ++i) s.lines.push_back(BundleLine(l, plan, i));
    out.push_back(std::move(s));
  }
  if (!plan.critical_paths.empty()) {
    Section s{plan.critical_paths.size() == 1 ? "Critical path" : "Critical paths",
              kCriticalNote,
              {},
              std::nullopt};
    for (const auto& path : plan.critical_paths) s.lines.push_back(Join(l, path, " → "));
    if (plan.critical_paths_cut) s.lines.push_back(CutNote(plan));
    out.push_back(std::move(s));
  }
  if (!plan.late.empty()) {
    std::string note = "finish after the deadline " + FormatDate(*plan.deadline);
    Section s{"Late", nullptr, {}, LateTable(l, plan)};
    s.title = "Late (" + note + ")";
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace

void WritePlanTable(const Landscape& l, const Plan& plan, const PlanHeading& heading,
                    const Sink& sink) {
  std::string out;
  for (const std::string& line : Summary(l, plan, heading)) out += line + "\n";
  sink(out);
  for (const Section& s : Sections(l, plan)) {
    out = "\n" + s.title + (s.note ? " (" + std::string(s.note) + ")" : "") + ":\n";
    for (const std::string& line : s.lines) out += "  " + line + "\n";
    sink(out);
    if (!s.table) continue;
    if (s.table->count)
      WriteTable(*s.table, sink);
    else
      sink("(none)\n");
  }
}

void WritePlanMarkdown(const Landscape& l, const Plan& plan, const PlanHeading& heading,
                       const Sink& sink) {
  std::string out = "## Cutover plan\n\n";
  for (const std::string& line : Summary(l, plan, heading)) out += "- " + line + "\n";
  sink(out);
  for (const Section& s : Sections(l, plan)) {
    out = "\n### " + s.title + "\n\n";
    if (s.note) out += Sentence(s.note);
    for (const std::string& line : s.lines) out += "- " + line + "\n";
    if (!s.lines.empty() && s.table) out += "\n";
    sink(out);
    if (!s.table) continue;
    if (s.table->count)
      WriteMarkdownTable(*s.table, sink);
    else
      sink("(none)\n");
  }
}

void WritePlanCsv(const Landscape& l, const Plan& plan, const Sink& sink) {
  sink(CsvRow({"id",
               "name",
               "vendor",
               "owner",
               "wave",
               "bundle",
               "duration",
               "estimated",
               "es",
               "ef",
               "ls",
               "lf",
               "slack",
               "critical",
               "start_date",
               "finish_date",
               "days_late",
               "external",
               "unconstrained_start_date",
               "unconstrained_finish_date",
               "delay_days",
               "wait_days",
               "waiting_for"}));
  for (const PlanTask& t : plan.tasks) {
    const System& s = l.systems[t.system];
    sink(CsvRow({s.id,
                 s.name,
                 s.vendor,
                 s.owner,
                 std::to_string(t.wave),
                 t.bundle >= 0 ? std::to_string(t.bundle + 1) : "",
                 std::to_string(t.duration),
                 t.estimated ? "yes" : "no",
                 std::to_string(t.es),
                 std::to_string(t.ef),
                 std::to_string(t.ls),
                 std::to_string(t.lf),
                 std::to_string(t.slack),
                 t.critical ? "yes" : "no",
                 t.start_date ? FormatDate(*t.start_date) : "",
                 t.finish_date ? FormatDate(*t.finish_date) : "",
                 std::to_string(t.days_late),
                 t.external ? "yes" : "no",
                 t.unconstrained_start_date ? FormatDate(*t.unconstrained_start_date) : "",
                 t.unconstrained_finish_date ? FormatDate(*t.unconstrained_finish_date) : "",
                 std::to_string(t.delay),
                 std::to_string(t.wait),
                 t.waiting_for >= 0 ? ResourceText(plan.resources[t.waiting_for]) : ""}));
  }
}

namespace {

std::string Collected(const std::function<void(const Sink&)>& write) {
  std::string out;
  write([&out](std::string_view text) { out += text; });
  return out;
}

}  // namespace

std::string FormatPlanTable(const Landscape& l, const Plan& plan, const PlanHeading& heading) {
  return Collected([&](const Sink& sink) { WritePlanTable(l, plan, heading, sink); });
}

std::string FormatPlanMarkdown(const Landscape& l, const Plan& plan, const PlanHeading& heading) {
  return Collected([&](const Sink& sink) { WritePlanMarkdown(l, plan, heading, sink); });
}

std::string FormatPlanCsv(const Landscape& l, const Plan& plan) {
  return Collected([&](const Sink& sink) { WritePlanCsv(l, plan, sink); });
}

void WritePlanJson(const Landscape& l, const Plan& plan, const std::string& file,
                   const Sink& sink) {
  // Field by field and task by task: a national plan is 200 000 tasks.
  JsonObjectWriter j(sink);
  PlanJsonFields(l, plan, file, j);
  j.End();
}

std::string FormatPlanJson(const Landscape& l, const Plan& plan, const std::string& file) {
  return Collected([&](const Sink& sink) { WritePlanJson(l, plan, file, sink); });
}

}  // namespace landskap::cli
