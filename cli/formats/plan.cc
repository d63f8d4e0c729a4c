// Formatting the cutover plan. The table and Markdown answer a coordinator's questions in order:
// how long, is the deadline met, what happens in which wave, what switches together, which
// chain decides the date, and what is late. CSV and JSON carry one record per task.
#include "cli/formats/plan.h"

#include <cctype>
#include <cmath>
#include <cstdio>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>

#include "cli/formats/json_stream.h"
#include "cli/formats/table.h"
#include "engine/model/municipality.h"
#include "engine/model/text.h"
#include "engine/results/result_json.h"
#include "viz/i18n.h"

namespace landskap::cli {
namespace {

// The words of the table, CSV and JSON stay English; the Markdown document is in the --lang
// language. Every fixed text goes through the catalogue (po/nb.po); English is the msgid.
using viz::Fill;
using viz::Language;
using viz::Tr;
constexpr Language kEn = Language::kEnglish;

std::string N(size_t n) { return std::to_string(n); }

using ordered_json = nlohmann::ordered_json;

std::string Days(int n, bool workdays, Language lang) {
  return workdays ? viz::Count(lang, n, "{n} working day", "{n} working days")
                  : viz::Count(lang, n, "{n} day", "{n} days");
}
std::string Systems(size_t n, Language lang) {
  return viz::Count(lang, static_cast<long long>(n), "{n} system", "{n} systems");
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
std::string ResourceText(const PlanResource& r, Language lang = kEn) {
  switch (r.of) {
    case PlanResource::Of::kVendor:
      return Fill(Tr(lang, "vendor {name}"), {{"name", r.name}});
    case PlanResource::Of::kOwner:
      return Fill(Tr(lang, "owner {name}"), {{"name", OwnerText(r.name)}});
    case PlanResource::Of::kAll:
      break;
  }
  return Tr(lang, "all work (--capacity)");
}

// What moved a task's fixed date: the resource it waited for ("all work (--capacity)",
// "vendor Visma"), or what came before it.
std::string MovedBy(const Plan& plan, const PlanTask& t, Language lang) {
  if (t.waiting_for < 0) return Tr(lang, "the capacity limits on what comes before it");
  return ResourceText(plan.resources[t.waiting_for], lang);
}

// A task's first and last day: a date with a calendar, else "day N" counted from 1.
std::string DayN(int n, Language lang) {
  return Fill(Tr(lang, "day {n}"), {{"n", std::to_string(n)}});
}
std::string Start(const PlanTask& t, Language lang) {
  return t.start_date ? FormatDate(*t.start_date) : DayN(t.start + 1, lang);
}
std::string Finish(const PlanTask& t, Language lang) {
  return t.finish_date ? FormatDate(*t.finish_date)
                       : DayN(std::max(t.start, t.finish - 1) + 1, lang);
}
std::string OffsetText(const Plan& plan, int offset, bool last, Language lang) {
  if (last) offset = std::max(0, offset - 1);
  return plan.start ? FormatDate(plan.calendar.Date(*plan.start, offset)) : DayN(offset + 1, lang);
}

std::string Join(const Landscape& l, const std::vector<SystemIndex>& systems,
                 const std::string& separator) {
  std::string out;
  for (size_t i = 0; i < systems.size(); ++i)
    out += (i ? separator : "") + l.systems[systems[i]].id;
  return out;
}

std::string Note(const Landscape& l, const Plan& plan, const PlanTask& t, Language lang) {
  std::vector<std::string> notes;
  if (t.critical) notes.push_back(Tr(lang, "critical"));
  if (t.bundle >= 0) notes.push_back(Fill(Tr(lang, "bundle {n}"), {{"n", N(t.bundle + 1)}}));
  if (const auto& fixed = l.systems[t.system].cutover.fixed_date; fixed && t.fixed_moved)
    notes.push_back(Fill(Tr(lang, "fixed date {date} moved by {cause}"),
                         {{"date", FormatDate(*fixed)}, {"cause", MovedBy(plan, t, lang)}}));
  else if (fixed)
    notes.push_back(Tr(lang, "fixed date"));
  if (!t.estimated) notes.push_back(Tr(lang, "no estimate"));
  if (t.wait > 0 && t.waiting_for >= 0)  // a cell: VisibleText there
    notes.push_back(
        Fill(Tr(lang, "waited {n} for {resource}"),
             {{"n", N(t.wait)}, {"resource", ResourceText(plan.resources[t.waiting_for], lang)}}));
  if (t.days_late > 0) notes.push_back(Fill(Tr(lang, "late by {n}"), {{"n", N(t.days_late)}}));
  std::string out;
  for (const std::string& n : notes) out += (out.empty() ? "" : ", ") + n;
  return out;
}

bool HasLimits(const Plan& plan) { return !plan.resources.empty(); }

std::string OursPhrase(const Plan& plan, Language lang) {
  std::string owners;
  for (const std::string& o : plan.owner_tasks)
    owners += (owners.empty() ? "" : ", ") + OwnerText(o);
  if (owners.empty())
    return Tr(lang, plan.intermunicipal_ours ? "the intermunicipal systems" : "no owner");
  return owners + (plan.intermunicipal_ours ? Tr(lang, " and the intermunicipal systems") : "");
}

size_t ExternalCount(const Plan& plan) {
  size_t n = 0;
  for (const PlanTask& t : plan.tasks) n += t.external ? 1 : 0;
  return n;
}

// The summary lines at the top, shared by the table and Markdown.
std::vector<std::string> Summary(const Landscape&, const Plan& plan, const PlanHeading& h,
                                 Language lang) {
  std::vector<std::string> lines;
  bool wd = plan.workdays;
  auto days = [&](int n) { return Days(n, wd, lang); };
  lines.push_back(Fill(Tr(lang, "Cutover plan for {tasks}."), {{"tasks", h.tasks}}));
  if (!h.scope.empty()) lines.push_back(h.scope);
  std::string calendar =
      wd ? Tr(lang, "Calendar: working days (Monday to Friday without Norwegian public holidays")
         : Tr(lang, "Calendar: every day counts (--calendar all-days");
  if (!plan.calendar.closures().empty())
    calendar += Fill(Tr(lang, ", and {closures} from --closed"),
                     {{"closures", viz::Count(lang, plan.calendar.closures().size(), "{n} closure",
                                              "{n} closures")}});
  calendar += ")";
  if (plan.start && !plan.tasks.empty()) {
    DayNumber last = std::max(*plan.finish_date, *plan.unconstrained_finish_date);
    if (plan.deadline) last = std::max(last, *plan.deadline);
    std::vector<ClosedDay> closed = plan.calendar.ClosedBetween(*plan.start, last);
    int open = plan.calendar.Offset(*plan.start, last + 1);
    calendar += Fill(
        Tr(lang, "; from {start} to {finish}: {days}"),
        {{"start", FormatDate(*plan.start)}, {"finish", FormatDate(last)}, {"days", days(open)}});
    if (closed.empty()) {
      calendar += wd ? Tr(lang, ", no public holiday on a weekday") : "";
    } else {
      // The first closed days by name, then how many more: the line stays a line however
      // long the plan or the closures are (all of them are in the JSON answer).
      constexpr size_t kListed = 20;
      std::string list;
      for (size_t i = 0; i < closed.size() && i < kListed; ++i)
        list += (i ? ", " : "") + FormatDate(closed[i].day) + " " + Shorten(closed[i].name, 60);
      if (closed.size() > kListed)
        list += Fill(Tr(lang, " and {n} more"), {{"n", N(closed.size() - kListed)}});
      calendar +=
          Fill(Tr(lang, ", {n} closed ({list})"), {{"n", N(closed.size())}, {"list", list}});
    }
  }
  lines.push_back(calendar + ".");
  auto span = [&](int n, const std::optional<DayNumber>& finish) {
    std::string text = days(n);
    if (plan.start && !plan.tasks.empty())
      text += Fill(Tr(lang, ", from {start} to {finish}"),
                   {{"start", FormatDate(*plan.start)}, {"finish", FormatDate(*finish)}});
    return text;
  };
  std::string no_calendar =
      plan.start ? "" : Tr(lang, " (no calendar: give --start DATE for dates)");
  if (!HasLimits(plan)) {
    lines.push_back(
        Fill(Tr(lang, plan.start ? "Duration: {span} (no capacity limits: give "
                                   "--vendor-capacity, --owner-capacity or a \"resources\" "
                                   "section for them)."
                                 : "Duration: {span} (no calendar: give --start DATE for "
                                   "dates; no capacity limits: give --vendor-capacity, "
                                   "--owner-capacity or a \"resources\" section for them)."),
             {{"span", span(plan.duration_days, plan.finish_date)}}));
  } else {
    lines.push_back(
        Fill(Tr(lang, "Without capacity limits (the critical path): {span}"),
             {{"span", span(plan.unconstrained_duration_days, plan.unconstrained_finish_date)}}) +
        no_calendar + ".");
    std::string with = Fill(Tr(lang, "With capacity limits: {span}"),
                            {{"span", span(plan.duration_days, plan.finish_date)}});
    if (plan.bottleneck) {
      const PlanResource& r = plan.resources[*plan.bottleneck];
      with += Fill(Tr(lang,
                      "; bottleneck: {resource} ({n} at a time): {systems} waited {days} "
                      "for it in all"),
                   {{"resource", VisibleText(ResourceText(r, lang))},
                    {"n", N(r.capacity)},
                    {"systems", Systems(r.waiting, lang)},
                    {"days", days(r.wait_days)}});
    } else {
      with += Tr(lang, "; no system waited for a resource");
    }
    lines.push_back(with + ".");
  }
  if (plan.deadline && plan.start) {
    std::string line =
        Fill(Tr(lang, HasLimits(plan) ? "Deadline {date} (with the capacity limits): "
                                      : "Deadline {date}: "),
             {{"date", FormatDate(*plan.deadline)}});
    if (plan.late.empty()) {
      int limit = plan.calendar.Offset(*plan.start, *plan.deadline + 1);
      line += Fill(Tr(lang, "met, {days} to spare."), {{"days", days(limit - plan.duration_days)}});
    } else {
      line += Fill(Tr(lang, "{systems} late, by up to {days}."),
                   {{"systems", viz::Count(lang, plan.late.size(), "{n} system finishes",
                                           "{n} systems finish")},
                    {"days", days(plan.Find(plan.late.front())->days_late)}});
    }
    lines.push_back(line);
  }
  size_t external = ExternalCount(plan);
  if (plan.owner_tasks.empty() && plan.intermunicipal_ours && external == 0)
    lines.push_back(Tr(lang,
                       "Our work: every system (the file names no changing municipality; "
                       "--owner-tasks tells ours from external dependencies)."));
  else
    lines.push_back(Fill(
        Tr(lang,
           "Our work: {systems} of {ours} (--owner-tasks); {external} (other owners' "
           "systems the plan waits on)."),
        {{"systems", Systems(plan.tasks.size() - external, lang)},
         {"ours", VisibleText(OursPhrase(plan, lang))},
         {"external",
          viz::Count(lang, external, "{n} external dependency", "{n} external dependencies")}}));
  size_t unestimated = 0;
  for (const PlanTask& t : plan.tasks) unestimated += t.estimated ? 0 : 1;
  std::string effort = Tr(lang, "Effort from cutover.effort_days");
  if (unestimated)
    effort +=
        Fill(Tr(lang, plan.default_effort_days == 1
                          ? ", and {n} day (--default-effort) for {systems} without an "
                            "estimate"
                          : ", and {n} days (--default-effort) for {systems} without an "
                            "estimate"),
             {{"n", Number(plan.default_effort_days)}, {"systems", Systems(unestimated, lang)}});
  lines.push_back(effort + ".");
  lines.push_back(Fill(Tr(lang,
                          "Order: {pairs} (an integration converts the provider before the "
                          "consumer; cutover.after adds more)."),
                       {{"pairs", viz::Count(lang, plan.precedence_count, "{n} precedence pair",
                                             "{n} precedence pairs")}}));
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
RowSource TaskTable(const Landscape& l, const Plan& plan, bool external, Language lang) {
  auto tasks = std::make_shared<std::vector<size_t>>();
  for (size_t i = 0; i < plan.tasks.size(); ++i)
    if (plan.tasks[i].external == external) tasks->push_back(i);
  return {{Tr(lang, "wave"), Tr(lang, "system"), Tr(lang, "name"), Tr(lang, "owner"),
           Tr(lang, "vendor"), Tr(lang, "days"), Tr(lang, "start"), Tr(lang, "finish"),
           Tr(lang, "slack"), Tr(lang, "note")},
          {0, 5, 8},
          tasks->size(),
          [&l, &plan, tasks, lang](size_t i) {
            const PlanTask& t = plan.tasks[(*tasks)[i]];
            const System& s = l.systems[t.system];
            return std::vector<std::string>{std::to_string(t.wave),
                                            s.id,
                                            Shorten(s.name, 32),
                                            Shorten(OwnerText(s.owner), 24),
                                            s.vendor.empty() ? "-" : Shorten(s.vendor, 24),
                                            std::to_string(t.duration),
                                            Start(t, lang),
                                            Finish(t, lang),
                                            std::to_string(t.slack),
                                            Note(l, plan, t, lang)};
          }};
}

std::vector<std::string> WaveLines(const Plan& plan, Language lang) {
  std::vector<std::string> lines;
  for (const PlanWave& w : plan.waves) {
    std::string line =
        Fill(Tr(lang, "wave {n}: {start} to {finish}, {systems}"),
             {{"n", N(w.wave)},
              {"start", OffsetText(plan, w.start, false, lang)},
              {"finish", OffsetText(plan, std::max(w.finish, w.start + 1), true, lang)},
              {"systems", Systems(w.task_count, lang)}});
    if (w.over_capacity)
      line += Tr(lang, " (holds a bundle larger than a capacity: it takes all of it)");
    lines.push_back(line);
  }
  return lines;
}

// "waiting on Skatteetaten's A-ordningen (skatteetaten.a-ordningen), ready 2019-10-15, for 4
// of our systems", for each external task that some task of ours comes after.
std::vector<std::string> WaitingOnLines(const Landscape& l, const Plan& plan, Language lang) {
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
    lines.push_back(VisibleText(
        Fill(Tr(lang, "waiting on {owner}'s {system} ({id}), ready {date}, for {n} of our systems"),
             {{"owner", OwnerText(sys.owner)},
              {"system", sys.Label()},
              {"id", sys.id},
              {"date", Finish(*plan.Find(s), lang)},
              {"n", N(needed[s].size())}})));
  }
  return lines;
}

RowSource DelayTable(const Landscape& l, const Plan& plan, Language lang) {
  return {{Tr(lang, "system"), Tr(lang, "owner"), Tr(lang, "waited"), Tr(lang, "for"),
           Tr(lang, "later than without limits")},
          {2, 4},
          plan.delayed.size(),
          [&l, &plan, lang](size_t i) {
            SystemIndex s = plan.delayed[i];
            const PlanTask& t = *plan.Find(s);
            return std::vector<std::string>{
                l.systems[s].id, OwnerText(l.systems[s].owner), std::to_string(t.wait),
                ResourceText(plan.resources[t.waiting_for], lang), std::to_string(t.delay)};
          }};
}

RowSource ResourceTable(const Plan& plan, Language lang) {
  std::vector<std::vector<std::string>> rows;
  for (const PlanResource& r : plan.resources) {
    std::string by = r.from_file                         ? Tr(lang, "file")
                     : r.of == PlanResource::Of::kVendor ? "--vendor-capacity"
                     : r.of == PlanResource::Of::kOwner  ? "--owner-capacity"
                                                         : "--capacity";
    rows.push_back({ResourceText(r, lang), std::to_string(r.capacity), by, std::to_string(r.tasks),
                    std::to_string(r.effort), std::to_string(r.waiting),
                    std::to_string(r.wait_days)});
  }
  return Kept({Tr(lang, "resource"), Tr(lang, "capacity"), Tr(lang, "set by"), Tr(lang, "systems"),
               Tr(lang, "days of work"), Tr(lang, "waited"), Tr(lang, "days waited")},
              {1, 3, 4, 5, 6}, std::move(rows));
}

// Effort per owner or per vendor: systems and days of work, ours and external apart.
RowSource EffortTable(const Landscape& l, const Plan& plan, bool by_vendor, Language lang) {
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
                     Tr(lang, sum.ours && sum.external ? "ours and external"
                              : sum.ours               ? "ours"
                                                       : "external"),
                     std::to_string(sum.systems), std::to_string(sum.days)});
  return Kept({Tr(lang, by_vendor ? "vendor" : "owner"), Tr(lang, "work"), Tr(lang, "systems"),
               Tr(lang, "days of work")},
              {2, 3}, std::move(cells));
}

std::string BundleLine(const Landscape& l, const Plan& plan, size_t i, Language lang) {
  const PlanBundle& b = plan.bundles[i];
  return Fill(
      Tr(lang, "bundle {n}: {systems} (cycle: {cycle})"),
      {{"n", N(i + 1)}, {"systems", Join(l, b.systems, ", ")}, {"cycle", Join(l, b.cycle, " → ")}});
}

std::string CutNote(const Plan& plan, Language lang) {
  return Fill(Tr(lang, "(only the first {n} critical paths are listed)"),
              {{"n", N(plan.critical_paths.size())}});
}

RowSource LateTable(const Landscape& l, const Plan& plan, Language lang) {
  return {{Tr(lang, "system"), Tr(lang, "owner"), Tr(lang, "vendor"), Tr(lang, "finish"),
           Tr(lang, plan.workdays ? "working days late" : "days late")},
          {4},
          plan.late.size(),
          [&l, &plan, lang](size_t i) {
            SystemIndex s = plan.late[i];
            const PlanTask& t = *plan.Find(s);
            return std::vector<std::string>{l.systems[s].id, OwnerText(l.systems[s].owner),
                                            l.systems[s].vendor.empty() ? "-" : l.systems[s].vendor,
                                            Finish(t, lang), std::to_string(t.days_late)};
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

// A note as a sentence of its own: "_Systems on a cycle ... together._". Every note starts
// with an ASCII letter in both languages.
std::string Sentence(const std::string& note) {
  std::string text(note);
  text[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(text[0])));
  return "_" + text + "._\n\n";
}

// The document in sections, each a title, a note, and its body: lines or a table (whose rows
// are made as they are written).
struct Section {
  std::string title;
  std::string note;  // "" for none
  std::vector<std::string> lines;
  std::optional<RowSource> table;
};

std::vector<Section> Sections(const Landscape& l, const Plan& plan, Language lang) {
  std::vector<Section> out;
  auto note = [lang](const char* english) { return Tr(lang, english); };
  out.push_back({Tr(lang, "Waves"), note(kWavesNote), WaveLines(plan, lang), std::nullopt});
  size_t external = ExternalCount(plan);
  out.push_back({Tr(lang, external ? "Our systems" : "Systems"),
                 note(kTasksNote),
                 {},
                 TaskTable(l, plan, false, lang)});
  if (external) {
    Section s{Tr(lang, "External dependencies"), note(kExternalNote), WaitingOnLines(l, plan, lang),
              TaskTable(l, plan, true, lang)};
    out.push_back(std::move(s));
  }
  if (HasLimits(plan)) {
    out.push_back({Tr(lang, "Capacity"), note(kResourceNote), {}, ResourceTable(plan, lang)});
    if (!plan.delayed.empty())
      out.push_back(
          {Tr(lang, "Waiting for capacity"), note(kDelayNote), {}, DelayTable(l, plan, lang)});
  }
  out.push_back({Tr(lang, "Effort per owner"), "", {}, EffortTable(l, plan, false, lang)});
  out.push_back({Tr(lang, "Effort per vendor"), "", {}, EffortTable(l, plan, true, lang)});
  if (!plan.bundles.empty()) {
    Section s{Tr(lang, "Bundles"), note(kBundlesNote), {}, std::nullopt};
    for (size_t i = 0; i < plan.bundles.size(); ++i)
      s.lines.push_back(BundleLine(l, plan, i, lang));
    out.push_back(std::move(s));
  }
  if (!plan.critical_paths.empty()) {
    Section s{Tr(lang, plan.critical_paths.size() == 1 ? "Critical path" : "Critical paths"),
              note(kCriticalNote),
              {},
              std::nullopt};
    for (const auto& path : plan.critical_paths) s.lines.push_back(Join(l, path, " → "));
    if (plan.critical_paths_cut) s.lines.push_back(CutNote(plan, lang));
    out.push_back(std::move(s));
  }
  if (!plan.late.empty()) {
    Section s{Fill(Tr(lang, "Late (finish after the deadline {date})"),
                   {{"date", FormatDate(*plan.deadline)}}),
              "",
              {},
              LateTable(l, plan, lang)};
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace

void WritePlanTable(const Landscape& l, const Plan& plan, const PlanHeading& heading,
                    const Sink& sink) {
  std::string out;
  for (const std::string& line : Summary(l, plan, heading, kEn)) out += line + "\n";
  sink(out);
  for (const Section& s : Sections(l, plan, kEn)) {
    out = "\n" + s.title + (s.note.empty() ? "" : " (" + s.note + ")") + ":\n";
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
                       viz::Language lang, const Sink& sink) {
  std::string out = "## " + Tr(lang, "Cutover plan") + "\n\n";
  for (const std::string& line : Summary(l, plan, heading, lang))
    out += "- " + MarkdownText(line) + "\n";
  sink(out);
  for (const Section& s : Sections(l, plan, lang)) {
    out = "\n### " + s.title + "\n\n";
    if (!s.note.empty()) out += Sentence(s.note);
    for (const std::string& line : s.lines) out += "- " + MarkdownText(line) + "\n";
    if (!s.lines.empty() && s.table) out += "\n";
    sink(out);
    if (!s.table) continue;
    if (s.table->count)
      WriteMarkdownTable(*s.table, sink);
    else
      sink(Tr(lang, "(none)") + "\n");
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

std::string FormatPlanMarkdown(const Landscape& l, const Plan& plan, const PlanHeading& heading,
                               viz::Language lang) {
  return Collected([&](const Sink& sink) { WritePlanMarkdown(l, plan, heading, lang, sink); });
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
