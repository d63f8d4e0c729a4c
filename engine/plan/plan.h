// The cutover plan: which systems are converted in which order, which of them must switch
// together (bundles), in which wave, and which chain of work decides the go-live date
// (critical path method), with calendar dates and lateness against the reform date.
//
// Tasks are the systems a key change affects (the blast radius of engine/analysis/impact.h) or all
// systems. Precedence: an integration from A to B with both in the plan puts A (the provider)
// before B; `cutover.after` adds explicit precedence between tasks (constraints naming systems
// outside the plan are ignored). Systems on a cycle of precedence form a bundle that switches
// together; the condensed graph of bundles and single tasks is a DAG, on which the waves and
// the schedule are computed. Durations are whole days: `cutover.effort_days` rounded up, or
// PlanOptions::default_effort_days when the file has no estimate. Day offsets count from day 0
// (the plan's start); a task occupies days [es, ef) — ef is the first day after its work.
//
// Days are days of the plan's Calendar (engine/plan/calendar.h): working days by default. The
// critical path method gives the schedule without capacity limits (es … lf, slack, critical);
// a serial schedule generation then places the tasks under the capacities of vendors, owners
// and the plan as a whole (start, finish): the plan's dates, lateness and finish follow it.
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

#include "engine/analysis/graph.h"
#include "engine/analysis/impact.h"
#include "engine/model/date.h"
#include "engine/model/diagnostics.h"
#include "engine/plan/calendar.h"

namespace landskap {

inline constexpr double kDefaultEffortDays = 5;
inline constexpr size_t kDefaultMaxCriticalPaths = 20;

struct PlanOptions {
  // true: every system is a task. false: the systems of the impact result given to
  // ComputePlan (the blast radius the caller computed, downstream).
  bool all_systems = false;
  // Duration of a task whose system has no cutover.effort_days.
  double default_effort_days = kDefaultEffortDays;
  // Day 0. nullopt: the earliest fixed date among the tasks; when there is none either, the
  // plan has no calendar (no dates, and a deadline cannot be checked).
  std::optional<DayNumber> start;
  // Every task must finish by this day (its last day of work is on or before it).
  std::optional<DayNumber> deadline;
  // Which days count: working days (Monday to Friday without Norwegian public holidays and
  // closures) by default, or every day.
  Calendar calendar;
  // Most tasks in progress on any day, over the whole plan (a bundle counts as its members);
  // nullopt: no limit.
  std::optional<size_t> capacity;
  // Most tasks of one vendor in progress on any day, for vendors the landscape's "resources"
  // section does not name; systems without a vendor are not limited by it.
  std::optional<size_t> vendor_capacity;
  // Most tasks of one owner in progress on any day, for the owners whose tasks are ours and
  // whom the "resources" section does not name.
  std::optional<size_t> owner_capacity;
  // The owners whose tasks are the plan's own work; nullopt: the changing municipalities of
  // the impact's scope (else of the file's changes) and every intermunicipal system.
  std::optional<std::vector<std::string>> owner_tasks;
  // Most critical paths listed; Plan::critical_paths_cut says when there were more.
  size_t max_critical_paths = kDefaultMaxCriticalPaths;
};

struct PlanTask {
  SystemIndex system = 0;
  // Index into Plan::bundles, or -1 when the task switches on its own.
  int bundle = -1;
  int wave = 0;           // 1-based
  int duration = 0;       // days of the calendar; a bundle's longest member
  bool estimated = true;  // false: duration from default_effort_days, the file has no estimate
  int es = 0, ef = 0, ls = 0, lf = 0;  // earliest/latest start and finish, day offsets
  // ls - es: how many days the task (or its fixed date) can slip before the project does.
  int slack = 0;
  bool critical = false;                 // slack == 0
  std::optional<DayNumber> start_date;   // first day of work, when the plan has a calendar
  std::optional<DayNumber> finish_date;  // last day of work (== start_date for 0 days)
  int days_late = 0;                     // > 0: finishes after the deadline by this many days
  // With capacity limits (the plan's schedule): the task occupies days [start, finish);
  // start_date and finish_date above and days_late follow these. Without limits they equal
  // es and ef.
  int start = 0, finish = 0;
  int effort = 0;  // the system's own days (duration is its bundle's longest member)
  int delay = 0;   // start - es: how much later than without capacity limits
  // Days the task waited after its predecessors were done (and its fixed date had come)
  // because a resource was full, and which (index into Plan::resources, or -1).
  int wait = 0;
  int waiting_for = -1;
  // Not the plan's own work: the owner is not one of Plan::owner_tasks (a national agency, a
  // neighbour). Shown as an external dependency.
  bool external = false;
  // The system has a fixed date (cutover.fixed_date) and the capacity limits moved its start
  // later: start_date is the day it starts, the fixed date stays in the file. Said as a warning
  // by ComputePlan; FixedDateMovedBy says what moved it.
  bool fixed_moved = false;
  // The dates without capacity limits (from es and ef).
  std::optional<DayNumber> unconstrained_start_date, unconstrained_finish_date;
};

// A limited resource of the plan: a vendor, an owner, or all work together (--capacity).
struct PlanResource {
  enum class Of { kVendor, kOwner, kAll };
  Of of = Of::kVendor;
  std::string name;  // empty for kAll
  size_t capacity = 0;
  bool from_file = false;  // the landscape's "resources" section, not an option
  size_t tasks = 0;        // tasks that use it
  int effort = 0;          // their days of work
  size_t waiting = 0;      // tasks that waited for it
  int wait_days = 0;       // and for how many days in total
};

struct PlanBundle {
  std::vector<SystemIndex> systems;  // sorted by id
  // One cycle of precedence that proves the bundle: system ids with first == last.
  std::vector<SystemIndex> cycle;
  // The integration or `after` constraint behind each step of the cycle
  // (size() == cycle.size() - 1); nullopt for an `after` constraint.
  std::vector<std::optional<IntegrationIndex>> cycle_via;
};

struct PlanWave {
  int wave = 0;                      // 1-based
  std::vector<SystemIndex> systems;  // sorted by id
  size_t task_count = 0;             // == systems.size()
  // A bundle larger than a capacity: it takes the whole resource while it runs.
  bool over_capacity = false;
  // The wave's window: the first start and the last finish of its tasks (offsets, dates).
  int start = 0, finish = 0;
  std::optional<DayNumber> start_date, finish_date;
};

// One precedence between two tasks: `from` finishes before `to` starts (exports write it as a
// finish-to-start link).
struct PlanLink {
  SystemIndex from = 0, to = 0;
  std::optional<IntegrationIndex> integration;  // the first integration from `from` to `to`
  bool after = false;                           // also (or only) a cutover.after constraint
};

struct Plan {
  // What the plan covers: every system, or the blast radius of `query` within `scope` (the
  // impact result the plan was made from), so that headings need nothing else.
  bool all_systems = false;
  ImpactQuery query;
  ReformScope scope;
  // Sorted by wave, then earliest start, then id. Members of a bundle share its schedule.
  std::vector<PlanTask> tasks;
  std::vector<PlanWave> waves;
  std::vector<PlanBundle> bundles;  // sorted by their first member's id
  // Chains of critical tasks, each from a task that starts at day 0 or on its fixed date to one
  // that finishes the project, through steps with no gap; bundle members appear in id order.
  std::vector<std::vector<SystemIndex>> critical_paths;
  bool critical_paths_cut = false;  // there were more than PlanOptions::max_critical_paths
  // The project with capacity limits: max finish, in days of the calendar.
  int duration_days = 0;
  bool workdays = false;  // calendar.working_days()
  Calendar calendar;
  double default_effort_days = kDefaultEffortDays;                  // as in PlanOptions
  std::optional<size_t> capacity, vendor_capacity, owner_capacity;  // as in PlanOptions
  std::optional<DayNumber> start;        // day 0, when the plan has a calendar
  std::optional<DayNumber> finish_date;  // last day of work of the project, with capacity limits
  // Without capacity limits (the critical path): max ef, and its last day of work.
  int unconstrained_duration_days = 0;
  std::optional<DayNumber> unconstrained_finish_date;
  // The limited resources, sorted by kind (all, vendor, owner) then name.
  std::vector<PlanResource> resources;
  // The resource tasks waited longest for in total (index into resources), when any waited.
  std::optional<size_t> bottleneck;
  // Tasks that waited for a resource: most days first, then id.
  std::vector<SystemIndex> delayed;
  // The owners whose tasks are ours (sorted), and whether intermunicipal systems are too.
  std::vector<std::string> owner_tasks;
  bool intermunicipal_ours = false;
  std::optional<DayNumber> deadline;
  // Tasks that finish after the deadline: most days late first, then id.
  std::vector<SystemIndex> late;
  size_t precedence_count = 0;  // distinct precedence pairs between tasks
  // Those pairs, by from's id then to's id; pairs inside a bundle included.
  std::vector<PlanLink> links;

  // The task of a system, or nullptr when the system is not in the plan.
  const PlanTask* Find(SystemIndex system) const {
    return system < task_of_system.size() && task_of_system[system] >= 0
               ? &tasks[task_of_system[system]]
               : nullptr;
  }
  std::vector<int> task_of_system;  // index into tasks, or -1; size == landscape systems
};

// Computes the plan. Returns false and fills `diagnostics` (errors with the JSON path of the
// offending cutover field, e.g. /systems/12/cutover/fixed_date) when the constraints cannot be
// met: `after` constraints on a cycle, a fixed date earlier than a predecessor's finish, a fixed
// date before the start, or bundle members fixed to different dates.
// Without options.all_systems the tasks are the affected systems of `impact`, which must then
// be given (the plan does not compute the blast radius again).
bool ComputePlan(const Graph& graph, const PlanOptions& options, const ImpactResult* impact,
                 Plan* plan, Diagnostics* diagnostics);

// What moved a task's fixed date (PlanTask::fixed_moved), in English: "--capacity",
// "--vendor-capacity (vendor Visma)", "the \"resources\" section (owner 1246)", or "the capacity
// limits on what comes before it" when the task itself did not wait for a resource.
std::string FixedDateMovedBy(const Plan& plan, const PlanTask& task);

// Whether a task of `system` is the plan's own work for these owners (Plan::owner_tasks and
// Plan::intermunicipal_ours); `owners` sorted.
bool IsOwnTask(const Landscape& landscape, SystemIndex system,
               const std::vector<std::string>& owners, bool intermunicipal_ours);

}  // namespace landskap
