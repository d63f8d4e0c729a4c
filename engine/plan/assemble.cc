// The result: tasks, bundles, waves and critical paths put into the Plan the formatters and the
// exports read.
#include "engine/plan/planner.h"

namespace landskap::planning {

void Planner::Assemble() {
  if (start_.empty()) {  // no schedule with capacities (the plan is too long anyway)
    start_ = es_;
    finish_ = ef_;
    wait_.assign(members_.size(), 0);
    waiting_for_.assign(members_.size(), -1);
    plan_->duration_days = plan_->unconstrained_duration_days;
  }
  std::optional<int> limit;  // the first offset after the deadline
  if (options_.deadline && day0_) limit = Cal().Offset(*day0_, *options_.deadline + 1);
  if (day0_ && !members_.empty()) {
    plan_->finish_date = Cal().Date(*day0_, std::max(0, plan_->duration_days - 1));
    plan_->unconstrained_finish_date =
        Cal().Date(*day0_, std::max(0, plan_->unconstrained_duration_days - 1));
  }
  std::vector<std::pair<Local, size_t>> fixed_moved;  // (task, index into plan_->tasks)
  for (Node n = 0; n < members_.size(); ++n) {
    for (Local t : members_[n]) {
      PlanTask task;
      task.system = sys_[t];
      task.bundle = bundle_of_node_[n];
      task.wave = wave_[n];
      task.duration = duration_[n];
      task.effort = TaskDuration(t);
      task.estimated = landscape_.systems[sys_[t]].cutover.effort_days.has_value();
      task.es = es_[n];
      task.ef = ef_[n];
      task.ls = ls_[n];
      task.lf = lf_[n];
      task.slack = Slack(n);
      task.critical = task.slack == 0;
      task.start = start_[n];
      task.finish = finish_[n];
      task.delay = start_[n] - es_[n];
      task.wait = wait_[n];
      task.waiting_for = waiting_for_[n];
      task.external = !ours_[t];
      task.fixed_moved =
          fixed_[n] && landscape_.systems[sys_[t]].cutover.fixed_date && start_[n] > *fixed_[n];
      if (day0_) {
        task.start_date = Cal().Date(*day0_, task.start);
        task.finish_date = Cal().Date(*day0_, std::max(task.start, task.finish - 1));
        task.unconstrained_start_date = Cal().Date(*day0_, task.es);
        task.unconstrained_finish_date = Cal().Date(*day0_, std::max(task.es, task.ef - 1));
      }
      // A task of 0 days still happens on its start day.
      if (limit) task.days_late = std::max(0, std::max(task.finish, task.start + 1) - *limit);
      if (task.fixed_moved && day0_) fixed_moved.push_back({t, plan_->tasks.size()});
      plan_->tasks.push_back(task);
    }
  }
  // A fixed date the capacity limits moved is said, in the order of the file's ids: every
  // export shows the day the task starts, and the coordinator must know it is not the date
  // written in the file.
  // When the constraints cannot be met, the error about the fixed date says it all.
  if (diags_->ErrorCount() != errors_before_) fixed_moved.clear();
  std::sort(fixed_moved.begin(), fixed_moved.end());
  for (const auto& [t, i] : fixed_moved) {
    const PlanTask& task = plan_->tasks[i];
    const System& s = landscape_.systems[sys_[t]];
    diags_->Warning(CutoverPath(t, "fixed_date"),
                    s.Label() + ": fixed date " + FormatDate(*s.cutover.fixed_date) + " moved to " +
                        FormatDate(*task.start_date) + " by " + FixedDateMovedBy(*plan_, task));
  }
  for (Node n = 0; n < members_.size() && !needs_.empty(); ++n)
    for (const auto& [r, demand] : needs_[n]) {
      (void)demand;
      for (Local t : members_[n]) {
        const System& s = landscape_.systems[sys_[t]];
        const PlanResource& res = plan_->resources[r];
        bool member_uses = res.of == PlanResource::Of::kAll ||
                           (res.of == PlanResource::Of::kVendor && s.vendor == res.name) ||
                           (res.of == PlanResource::Of::kOwner && s.owner == res.name);
        if (member_uses) plan_->resources[r].effort += TaskDuration(t);
      }
    }
  std::sort(plan_->tasks.begin(), plan_->tasks.end(), [&](const PlanTask& a, const PlanTask& b) {
    if (a.wave != b.wave) return a.wave < b.wave;
    if (a.start != b.start) return a.start < b.start;
    return local_[a.system] < local_[b.system];
  });
  plan_->task_of_system.assign(landscape_.systems.size(), -1);
  for (size_t i = 0; i < plan_->tasks.size(); ++i) {
    plan_->task_of_system[plan_->tasks[i].system] = static_cast<int>(i);
    if (plan_->tasks[i].days_late > 0) plan_->late.push_back(plan_->tasks[i].system);
    if (plan_->tasks[i].wait > 0) plan_->delayed.push_back(plan_->tasks[i].system);
  }
  std::sort(plan_->late.begin(), plan_->late.end(), [&](SystemIndex a, SystemIndex b) {
    int la = plan_->Find(a)->days_late, lb = plan_->Find(b)->days_late;
    if (la != lb) return la > lb;
    return local_[a] < local_[b];
  });
  std::sort(plan_->delayed.begin(), plan_->delayed.end(), [&](SystemIndex a, SystemIndex b) {
    int wa = plan_->Find(a)->wait, wb = plan_->Find(b)->wait;
    if (wa != wb) return wa > wb;
    return local_[a] < local_[b];
  });
  plan_->precedence_count = prec_.size();
}

}  // namespace landskap::planning
