// The rules every plan must keep, checked from the plan's own output and the landscape alone
// (not from the planner's internals): precedence and fixed dates hold with and without the
// capacity limits, no resource is over its capacity on any day, waves start in time order, and
// the finish with capacity limits is never earlier than the critical path's. The unit tests
// and the fuzz bodies run it on every plan they make.
#pragma once

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "engine/model/landscape.h"
#include "engine/plan/plan.h"

namespace landskap::plan_check {

inline std::vector<std::string> PlanProblems(const Landscape& l, const Plan& plan) {
  std::vector<std::string> problems;
  auto fail = [&](const std::string& what) {
    if (problems.size() < 20) problems.push_back(what);
  };
  auto id = [&](SystemIndex s) { return l.systems[s].id; };
  auto pair = [&](SystemIndex from, SystemIndex to, const std::string& why) {
    const PlanTask* a = plan.Find(from);
    const PlanTask* b = plan.Find(to);
    if (!a || !b || from == to) return;
    if (a->bundle >= 0 && a->bundle == b->bundle) {
      if (a->es != b->es || a->start != b->start) fail(why + ": bundle members start apart");
      return;
    }
    if (a->ef > b->es) fail(why + ": without limits " + id(to) + " starts before " + id(from));
    if (a->finish > b->start) fail(why + ": with limits " + id(to) + " starts before " + id(from));
    if (a->wave >= b->wave) fail(why + ": " + id(to) + " is not in a later wave");
  };
  for (const Integration& e : l.integrations) pair(e.from, e.to, "integration " + e.id);
  for (SystemIndex s = 0; s < l.systems.size(); ++s)
    for (SystemIndex before : l.systems[s].cutover.after)
      pair(before, s, id(s) + " after " + id(before));

  int finish = 0, unconstrained = 0;
  for (const PlanTask& t : plan.tasks) {
    const std::string& name = id(t.system);
    if (t.finish != t.start + t.duration) fail(name + ": finish != start + duration");
    if (t.start < t.es) fail(name + ": starts earlier with capacity limits than without");
    if (t.delay != t.start - t.es) fail(name + ": delay != start - es");
    if (t.wait < 0 || t.wait > t.delay) fail(name + ": waited more than it was delayed");
    if ((t.wait > 0) != (t.waiting_for >= 0)) fail(name + ": a wait names its resource");
    if (t.ef != t.es + t.duration || t.slack != t.ls - t.es || t.slack < 0)
      fail(name + ": critical path arithmetic");
    const auto& fixed = l.systems[t.system].cutover.fixed_date;
    if (fixed && plan.start) {
      int offset = plan.calendar.Offset(*plan.start, *fixed);
      // A bundle starts on its members' common fixed date.
      if (t.es != offset) fail(name + ": does not start on its fixed date without limits");
      if (t.start < offset) fail(name + ": starts before its fixed date");
    }
    if (t.start_date && !plan.calendar.IsWorkingDay(*t.start_date))
      fail(name + ": starts on a closed day");
    if (t.finish_date && !plan.calendar.IsWorkingDay(*t.finish_date))
      fail(name + ": finishes on a closed day");
    finish = std::max(finish, t.finish);
    unconstrained = std::max(unconstrained, t.ef);
  }
  if (plan.duration_days != finish) fail("duration_days is not the last finish");
  if (plan.unconstrained_duration_days != unconstrained)
    fail("unconstrained_duration_days is not the last ef");
  if (plan.duration_days < plan.unconstrained_duration_days)
    fail("the finish with capacity limits is earlier than without");
  if (plan.finish_date && plan.unconstrained_finish_date &&
      *plan.finish_date < *plan.unconstrained_finish_date)
    fail("finish_date is earlier than unconstrained_finish_date");
  for (size_t w = 1; w < plan.waves.size(); ++w)
    if (plan.waves[w].start < plan.waves[w - 1].start)
      fail("wave " + std::to_string(w + 1) + " starts before wave " + std::to_string(w));

  // Capacities: the file's entries and the options decide which resources are limited.
  std::map<std::pair<int, std::string>, size_t> file;
  for (const ResourceCapacity& r : l.resources)
    file[{r.of == ResourceCapacity::Of::kVendor ? 1 : 2, r.name}] = r.capacity;
  std::map<std::pair<int, std::string>, size_t> expected;
  for (const PlanTask& t : plan.tasks) {
    const System& s = l.systems[t.system];
    // --capacity is our staff: external tasks never use it (as with --owner-capacity).
    if (plan.capacity && !t.external) expected[{0, ""}] = *plan.capacity;
    if (!s.vendor.empty()) {
      if (auto it = file.find({1, s.vendor}); it != file.end())
        expected[it->first] = it->second;
      else if (plan.vendor_capacity)
        expected[{1, s.vendor}] = *plan.vendor_capacity;
    }
    if (!s.owner.empty()) {
      if (auto it = file.find({2, s.owner}); it != file.end())
        expected[it->first] = it->second;
      else if (plan.owner_capacity && !t.external)
        expected[{2, s.owner}] = *plan.owner_capacity;
    }
  }
  std::map<std::pair<int, std::string>, size_t> listed;
  for (const PlanResource& r : plan.resources)
    listed[{r.of == PlanResource::Of::kAll      ? 0
            : r.of == PlanResource::Of::kVendor ? 1
                                                : 2,
            r.name}] = r.capacity;
  if (listed != expected) fail("the limited resources are not those of the file and options");
  for (const auto& [key, capacity] : expected) {
    // Tasks that switch together are one piece of work: their demand is the number of members
    // that use the resource, at most its capacity.
    std::map<int, std::pair<int, size_t>> pieces;  // bundle or -1-index -> (task index, count)
    for (size_t i = 0; i < plan.tasks.size(); ++i) {
      const PlanTask& t = plan.tasks[i];
      const System& s = l.systems[t.system];
      bool uses = (key.first == 0 && !t.external) || (key.first == 1 && s.vendor == key.second) ||
                  (key.first == 2 && s.owner == key.second);
      if (!uses) continue;
      int piece = t.bundle >= 0 ? t.bundle : -1 - static_cast<int>(i);
      auto& [task, count] = pieces[piece];
      task = static_cast<int>(i);
      ++count;
    }
    std::map<int, size_t> used;
    for (const auto& [piece, value] : pieces) {
      const PlanTask& t = plan.tasks[value.first];
      for (int day = t.start; day < t.finish; ++day) used[day] += std::min(value.second, capacity);
    }
    for (const auto& [day, count] : used)
      if (count > capacity) {
        fail("resource " + key.second + " holds " + std::to_string(count) + " tasks on day " +
             std::to_string(day) + ", capacity " + std::to_string(capacity));
        break;
      }
  }
  return problems;
}

}  // namespace landskap::plan_check
