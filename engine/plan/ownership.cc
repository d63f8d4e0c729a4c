// Whose tasks are the plan's own work: the changing municipalities' and intermunicipal systems,
// or the owners given with --owner-tasks. Capacity limits apply to these only.
#include "engine/plan/planner.h"

namespace landskap::planning {

// Which tasks are the plan's own work: those of the owners given (--owner-tasks), else of
// the changing municipalities (old numbers and the new one) and every intermunicipal system. When
// no owner is known (a landscape without changes), every task is ours: there is nothing to tell
// apart.
void Planner::Ownership() {
  std::vector<std::string> owners;
  bool intermunicipal = false;
  if (options_.owner_tasks) {
    owners = *options_.owner_tasks;
  } else {
    intermunicipal = true;
    if (impact_ && !options_.all_systems && impact_->scope.scoped()) {
      owners = impact_->scope.changing();
    } else {
      for (const Change& c : landscape_.changes) owners.push_back(c.from);
    }
    // The new number is theirs too: after `landskap merge` the survivors and the conversion
    // tasks belong to it (4626), and they are the merger's own work.
    if (!owners.empty())
      for (const Change& c : landscape_.changes)
        if (std::find(owners.begin(), owners.end(), c.from) != owners.end()) owners.push_back(c.to);
  }
  std::sort(owners.begin(), owners.end());
  owners.erase(std::unique(owners.begin(), owners.end()), owners.end());
  plan_->owner_tasks = owners;
  plan_->intermunicipal_ours = intermunicipal;
  ours_.assign(sys_.size(), 1);
  if (owners.empty() && !options_.owner_tasks) return;
  for (Local t = 0; t < sys_.size(); ++t)
    ours_[t] = IsOwnTask(landscape_, sys_[t], owners, intermunicipal);
}

}  // namespace landskap::planning
