// The cutover plan in steps: pick the tasks, collect precedence pairs, find bundles with
// Boost's strong_components, condense them into a DAG ordered by Boost's topological_sort,
// run the critical path method over that order (the schedule without capacity limits), place
// the tasks under the capacities by serial schedule generation (the plan's dates), group the
// DAG into waves by precedence generations, and enumerate the zero-slack chains. Tasks are numbered
// by their rank in id order, and the condensed nodes by their first member, so every tie is broken
// by id without comparing strings.
#include "engine/plan/planner.h"

namespace landskap {

namespace planning {

bool Planner::Run() {
  size_t errors_before = errors_before_ = diags_->ErrorCount();
  *plan_ = Plan{};
  plan_->all_systems = options_.all_systems || impact_ == nullptr;
  if (impact_ && !options_.all_systems) {
    plan_->query = impact_->query;
    plan_->scope = impact_->scope;
  }
  plan_->calendar = options_.calendar;
  plan_->workdays = options_.calendar.working_days();
  plan_->deadline = options_.deadline;
  plan_->default_effort_days = options_.default_effort_days;
  plan_->capacity = options_.capacity;
  plan_->vendor_capacity = options_.vendor_capacity;
  plan_->owner_capacity = options_.owner_capacity;
  SelectTasks();
  Ownership();
  CollectPrecedence();
  FindBundles();
  CheckAfterCycles();
  ProveBundles();
  Durations();
  if (!Dates()) return false;
  Condense();
  Forward();
  Backward();
  if (!too_long_) Schedule();
  Waves();
  CriticalPaths();
  Assemble();
  return diags_->ErrorCount() == errors_before;
}

}  // namespace planning

bool IsOwnTask(const Landscape& landscape, SystemIndex system,
               const std::vector<std::string>& owners, bool intermunicipal_ours) {
  const System& s = landscape.systems[system];
  if (intermunicipal_ours && s.kind == Kind::kIntermunicipal) return true;
  return std::binary_search(owners.begin(), owners.end(), s.owner);
}

std::string FixedDateMovedBy(const Plan& plan, const PlanTask& task) {
  if (task.waiting_for < 0) return "the capacity limits on what comes before it";
  const PlanResource& r = plan.resources[task.waiting_for];
  const std::string what = r.of == PlanResource::Of::kVendor  ? "vendor " + r.name
                           : r.of == PlanResource::Of::kOwner ? "owner " + r.name
                                                              : "";
  if (r.from_file) return "the \"resources\" section (" + what + ")";
  switch (r.of) {
    case PlanResource::Of::kVendor:
      return "--vendor-capacity (" + what + ")";
    case PlanResource::Of::kOwner:
      return "--owner-capacity (" + what + ")";
    case PlanResource::Of::kAll:
      break;
  }
  return "--capacity";
}

bool ComputePlan(const Graph& graph, const PlanOptions& options, const ImpactResult* impact,
                 Plan* plan, Diagnostics* diagnostics) {
  return planning::Planner(graph, options, impact, plan, diagnostics).Run();
}

}  // namespace landskap
