// Formatting the cutover plan. The table and Markdown answer a coordinator's questions in order:
// how long, is the deadline met, what happens in which wave, what switches together, which
// chain decides the date, and what is late. CSV and JSON carry one record per task.
#include "cli/format_plan.h"

#include <cctype>
#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "cli/json_stream.h"
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

// A task's first and last day: a date with a calendar, else "day N" counted from 1.
std::string Start(const PlanTask& t) {
  return t.start_date ? FormatDate(*t.start_date) : "day " + std::to_string(t.es + 1);
}
std::string Finish(const PlanTask& t) {
  return t.finish_date ? FormatDate(*t.finish_date)
                       : "day " + std::to_string(std::max(t.es, t.ef - 1) + 1);
}

std::string Join(const Landscape& l, const std::vector<SystemIndex>& systems,
                 const std::string& separator) {
  std::string out;
  for (size_t i = 0; i < systems.size(); ++i)
    out += (i ? separator : "") + l.systems[systems[i]].id;
  return out;
}

std::string Note(const Landscape& l, const PlanTask& t) {
  std::vector<std::string> notes;
  if (t.critical) notes.push_back("critical");
  if (t.bundle >= 0) notes.push_back("bundle " + std::to_string(t.bundle + 1));
  if (l.systems[t.system].cutover.fixed_date) notes.push_back("fixed date");
  if (!t.estimated) notes.push_back("no estimate");
  if (t.days_late > 0) notes.push_back("late by " + std::to_string(t.days_late));
  std::string out;
  for (const std::string& n : notes) out += (out.empty() ? "" : ", ") + n;
  return out;
}

// The summary lines at the top, shared by the table and Markdown.
std::vector<std::string> Summary(const Landscape&, const Plan& plan, const PlanHeading& h) {
  std::vector<std::string> lines;
  lines.push_back("Cutover plan for " + h.tasks + ".");
  if (!h.scope.empty()) lines.push_back(h.scope);
  std::string schedule = "Duration: " + Days(plan.duration_days, plan.workdays);
  if (plan.start && !plan.tasks.empty())
    schedule += ", from " + FormatDate(*plan.start) + " to " + FormatDate(*plan.finish_date);
  else if (!plan.start)
    schedule += " (no calendar: give --start DATE for dates)";
  if (plan.workdays) schedule += "; weekends skipped";
  lines.push_back(schedule + ".");
  if (plan.deadline && plan.start) {
    std::string line = "Deadline " + FormatDate(*plan.deadline) + ": ";
    if (plan.late.empty()) {
      int limit = DateToOffset(*plan.start, *plan.deadline + 1, plan.workdays);
      line += "met, " + Days(limit - plan.duration_days, plan.workdays) + " to spare.";
    } else {
      line += Count(plan.late.size(), "system finishes", "systems finish") + " late, by up to " +
              Days(plan.Find(plan.late.front())->days_late, plan.workdays) + ".";
    }
    lines.push_back(line);
  }
  size_t unestimated = 0;
  for (const PlanTask& t : plan.tasks) unestimated += t.estimated ? 0 : 1;
  std::string effort = "Effort from cutover.effort_days";
  if (unestimated)
    effort += ", and " + Number(plan.default_effort_days) +
              (plan.default_effort_days == 1 ? " day" : " days") + " (--default-effort) for " +
              Count(unestimated, "system", "systems") + " without an estimate";
  lines.push_back(effort + ".");
  if (plan.capacity || plan.vendor_capacity) {
    std::string limits = "Waves: at most ";
    if (plan.capacity) limits += Count(*plan.capacity, "system", "systems") + " each";
    if (plan.capacity && plan.vendor_capacity) limits += ", and at most ";
    if (plan.vendor_capacity)
      limits += Count(*plan.vendor_capacity, "system", "systems") + " of one vendor" +
                (plan.capacity ? "" : " each");
    lines.push_back(limits + "; most critical first.");
  }
  lines.push_back("Order: " + Count(plan.precedence_count, "precedence pair", "precedence pairs") +
                  " (an integration converts the provider before the consumer; "
                  "cutover.after adds more).");
  return lines;
}

TextTable WaveTable(const Landscape& l, const Plan& plan) {
  TextTable table({"wave", "system", "vendor", "days", "start", "finish", "slack", "note"});
  table.AlignRight(0);
  table.AlignRight(3);
  table.AlignRight(6);
  for (const PlanTask& t : plan.tasks) {
    const System& s = l.systems[t.system];
    table.AddRow({std::to_string(t.wave), s.id, s.vendor.empty() ? "-" : Shorten(s.vendor, 24),
                  std::to_string(t.duration), Start(t), Finish(t), std::to_string(t.slack),
                  Note(l, t)});
  }
  return table;
}

std::vector<std::string> OverfullWaves(const Plan& plan) {
  std::vector<std::string> lines;
  for (const PlanWave& w : plan.waves)
    if (w.over_capacity)
      lines.push_back("Wave " + std::to_string(w.wave) +
                      " holds a bundle larger than the capacity: it cannot be split.");
  return lines;
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

TextTable LateTable(const Landscape& l, const Plan& plan) {
  TextTable table(
      {"system", "vendor", "finish", plan.workdays ? "working days late" : "days late"});
  table.AlignRight(3);
  for (SystemIndex s : plan.late) {
    const PlanTask& t = *plan.Find(s);
    table.AddRow({l.systems[s].id, l.systems[s].vendor.empty() ? "-" : l.systems[s].vendor,
                  Finish(t), std::to_string(t.days_late)});
  }
  return table;
}

const char* kWavesNote =
    "a wave starts when the waves of everything it depends on are done; dates follow "
    "precedence and effort, not the wave capacity";
const char* kBundlesNote = "systems on a cycle of integrations switch together";
const char* kCriticalNote = "no slack: a day lost here is a day lost for the go-live";

// A note as a sentence of its own: "_Systems on a cycle ... together._".
std::string Sentence(const char* note) {
  std::string text(note);
  text[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(text[0])));
  return "_" + text + "._\n\n";
}

}  // namespace

std::string FormatPlanTable(const Landscape& l, const Plan& plan, const PlanHeading& heading) {
  std::string out;
  for (const std::string& line : Summary(l, plan, heading)) out += line + "\n";
  out += "\nWaves (" + std::string(kWavesNote) + "):\n";
  TextTable waves = WaveTable(l, plan);
  out += waves.RowCount() ? waves.Render() : "(no tasks)\n";
  for (const std::string& line : OverfullWaves(plan)) out += line + "\n";
  if (!plan.bundles.empty()) {
    out += "\nBundles (" + std::string(kBundlesNote) + "):\n";
    for (size_t i = 0; i < plan.bundles.size(); ++i) out += "  " + BundleLine(l, plan, i) + "\n";
  }
  if (!plan.critical_paths.empty()) {
    out += "\nCritical " + std::string(plan.critical_paths.size() == 1 ? "path" : "paths") + " (" +
           kCriticalNote + "):\n";
    for (const auto& path : plan.critical_paths) out += "  " + Join(l, path, " → ") + "\n";
    if (plan.critical_paths_cut) out += "  " + CutNote(plan) + "\n";
  }
  if (!plan.late.empty()) {
    out += "\nLate (finish after the deadline " + FormatDate(*plan.deadline) + "):\n";
    out += LateTable(l, plan).Render();
  }
  return out;
}

std::string FormatPlanMarkdown(const Landscape& l, const Plan& plan, const PlanHeading& heading) {
  std::string out = "## Cutover plan\n\n";
  for (const std::string& line : Summary(l, plan, heading)) out += "- " + line + "\n";
  out += "\n### Waves\n\n" + Sentence(kWavesNote);
  TextTable waves = WaveTable(l, plan);
  out += waves.RowCount() ? waves.RenderMarkdown() : "(no tasks)\n";
  for (const std::string& line : OverfullWaves(plan)) out += "\n" + line + "\n";
  if (!plan.bundles.empty()) {
    out += "\n### Bundles\n\n" + Sentence(kBundlesNote);
    for (size_t i = 0; i < plan.bundles.size(); ++i) out += "- " + BundleLine(l, plan, i) + "\n";
  }
  if (!plan.critical_paths.empty()) {
    out += "\n### Critical " + std::string(plan.critical_paths.size() == 1 ? "path" : "paths") +
           "\n\n" + Sentence(kCriticalNote);
    for (const auto& path : plan.critical_paths) out += "- " + Join(l, path, " → ") + "\n";
    if (plan.critical_paths_cut) out += "\n" + CutNote(plan) + "\n";
  }
  if (!plan.late.empty()) {
    out += "\n### Late\n\n_Finish after the deadline " + FormatDate(*plan.deadline) + "._\n\n";
    out += LateTable(l, plan).RenderMarkdown();
  }
  return out;
}

std::string FormatPlanCsv(const Landscape& l, const Plan& plan) {
  std::string out =
      CsvRow({"id", "name", "vendor", "owner", "wave", "bundle", "duration", "estimated", "es",
              "ef", "ls", "lf", "slack", "critical", "start_date", "finish_date", "days_late"});
  for (const PlanTask& t : plan.tasks) {
    const System& s = l.systems[t.system];
    out += CsvRow({s.id, s.name, s.vendor, s.owner, std::to_string(t.wave),
                   t.bundle >= 0 ? std::to_string(t.bundle + 1) : "", std::to_string(t.duration),
                   t.estimated ? "yes" : "no", std::to_string(t.es), std::to_string(t.ef),
                   std::to_string(t.ls), std::to_string(t.lf), std::to_string(t.slack),
                   t.critical ? "yes" : "no", t.start_date ? FormatDate(*t.start_date) : "",
                   t.finish_date ? FormatDate(*t.finish_date) : "", std::to_string(t.days_late)});
  }
  return out;
}

void WritePlanJson(const Landscape& l, const Plan& plan, const std::string& file,
                   const Sink& sink) {
  auto date = [](const std::optional<DayNumber>& d) {
    return d ? ordered_json(FormatDate(*d)) : ordered_json(nullptr);
  };
  auto ids = [&](const std::vector<SystemIndex>& systems) {
    ordered_json out = ordered_json::array();
    for (SystemIndex s : systems) out.push_back(l.systems[s].id);
    return out;
  };
  // Field by field and task by task (JsonObjectWriter): a national plan is 200 000 tasks.
  JsonObjectWriter j(sink);
  j.Field("file", file);
  j.Field("duration_days", plan.duration_days);
  j.Field("workdays", plan.workdays);
  j.Field("start", date(plan.start));
  j.Field("finish_date", date(plan.finish_date));
  j.Field("deadline", date(plan.deadline));
  j.Field("default_effort_days", plan.default_effort_days);
  j.Field("precedence_count", plan.precedence_count);
  j.Field("capacity", plan.capacity ? ordered_json(*plan.capacity) : ordered_json(nullptr));
  j.Field("vendor_capacity",
          plan.vendor_capacity ? ordered_json(*plan.vendor_capacity) : ordered_json(nullptr));

  j.ArrayField("tasks", plan.tasks.size(), [&](size_t n) {
    const PlanTask& t = plan.tasks[n];
    const System& s = l.systems[t.system];
    ordered_json item;
    item["id"] = s.id;
    item["name"] = s.name;
    item["vendor"] = s.vendor;
    item["owner"] = s.owner;
    item["bundle"] = t.bundle >= 0 ? ordered_json(t.bundle + 1) : ordered_json(nullptr);
    item["wave"] = t.wave;
    item["duration"] = t.duration;
    item["estimated"] = t.estimated;
    item["es"] = t.es;
    item["ef"] = t.ef;
    item["ls"] = t.ls;
    item["lf"] = t.lf;
    item["slack"] = t.slack;
    item["critical"] = t.critical;
    item["fixed_date"] = date(s.cutover.fixed_date);
    item["start_date"] = date(t.start_date);
    item["finish_date"] = date(t.finish_date);
    item["days_late"] = t.days_late;
    return item;
  });

  j.ArrayField("waves", plan.waves.size(), [&](size_t n) {
    const PlanWave& w = plan.waves[n];
    return ordered_json{
        {"wave", w.wave}, {"systems", ids(w.systems)}, {"over_capacity", w.over_capacity}};
  });

  j.ArrayField("bundles", plan.bundles.size(), [&](size_t i) {
    const PlanBundle& b = plan.bundles[i];
    ordered_json via = ordered_json::array();
    for (const auto& e : b.cycle_via)
      via.push_back(e ? ordered_json(l.integrations[*e].id) : ordered_json("after"));
    return ordered_json{{"bundle", i + 1},
                        {"systems", ids(b.systems)},
                        {"cycle", ids(b.cycle)},
                        {"via", std::move(via)}};
  });

  j.ArrayField("critical_paths", plan.critical_paths.size(),
               [&](size_t i) { return ids(plan.critical_paths[i]); });
  j.Field("critical_paths_cut", plan.critical_paths_cut);

  j.ArrayField("late", plan.late.size(), [&](size_t i) {
    SystemIndex s = plan.late[i];
    const PlanTask& t = *plan.Find(s);
    return ordered_json{
        {"id", l.systems[s].id}, {"finish_date", date(t.finish_date)}, {"days_late", t.days_late}};
  });
  j.End();
}

std::string FormatPlanJson(const Landscape& l, const Plan& plan, const std::string& file) {
  std::string out;
  WritePlanJson(l, plan, file, [&out](std::string_view text) { out += text; });
  return out;
}

}  // namespace landskap::cli
