// Resource levelling: the capacity limits (total, per vendor, per owner, and the file's own
// resources) and serial schedule generation, which gives the plan its dates.
#include "engine/plan/planner.h"

namespace landskap::planning {

// The limited resources, and each node's demand on them: one per member that uses the
// resource, at most the capacity (a bundle larger than that takes the whole resource).
void Planner::Resources() {
  std::map<std::pair<PlanResource::Of, std::string>, uint32_t> file;
  for (const ResourceCapacity& r : landscape_.resources)
    file[{r.of == ResourceCapacity::Of::kVendor ? PlanResource::Of::kVendor
                                                : PlanResource::Of::kOwner,
          r.name}] = r.capacity;
  std::set<std::string> our_owners;
  for (Local t = 0; t < sys_.size(); ++t)
    if (ours_[t]) our_owners.insert(landscape_.systems[sys_[t]].owner);
  // (kind, name) -> capacity and whether it comes from the file; ordered as resources are.
  std::map<std::pair<PlanResource::Of, std::string>, std::pair<size_t, bool>> limits;
  auto limit = [&](PlanResource::Of of, const std::string& name,
                   std::optional<size_t> option) -> bool {
    auto key = std::pair{of, name};
    if (limits.count(key)) return true;
    if (auto it = file.find(key); it != file.end()) {
      limits[key] = {it->second, true};
      return true;
    }
    if (!option) return false;
    limits[key] = {*option, false};
    return true;
  };
  std::vector<std::vector<std::pair<std::pair<PlanResource::Of, std::string>, int>>> uses(
      members_.size());
  for (Node n = 0; n < members_.size(); ++n) {
    auto use = [&](PlanResource::Of of, const std::string& name) {
      auto key = std::pair{of, name};
      for (auto& [k, count] : uses[n])
        if (k == key) {
          ++count;
          return;
        }
      uses[n].push_back({key, 1});
    };
    for (Local t : members_[n]) {
      const System& s = landscape_.systems[sys_[t]];
      // --capacity is our staff: external tasks (other owners' systems) are other owners'
      // work, as with --owner-capacity.
      if (ours_[t] && limit(PlanResource::Of::kAll, "", options_.capacity))
        use(PlanResource::Of::kAll, "");
      if (!s.vendor.empty() && limit(PlanResource::Of::kVendor, s.vendor, options_.vendor_capacity))
        use(PlanResource::Of::kVendor, s.vendor);
      if (!s.owner.empty() &&
          limit(PlanResource::Of::kOwner, s.owner,
                our_owners.count(s.owner) ? options_.owner_capacity : std::nullopt))
        use(PlanResource::Of::kOwner, s.owner);
    }
  }
  std::map<std::pair<PlanResource::Of, std::string>, uint32_t> index;
  for (const auto& [key, value] : limits) {
    index[key] = static_cast<uint32_t>(plan_->resources.size());
    PlanResource r;
    r.of = key.first;
    r.name = key.second;
    r.capacity = value.first;
    r.from_file = value.second;
    plan_->resources.push_back(r);
    Profile profile;
    profile.capacity = static_cast<int>(std::min<size_t>(value.first, 1000000000));
    profiles_.push_back(std::move(profile));
  }
  needs_.assign(members_.size(), {});
  capped_.assign(members_.size(), 0);
  for (Node n = 0; n < members_.size(); ++n) {
    for (const auto& [key, count] : uses[n]) {
      uint32_t r = index.at(key);
      int demand = std::min(count, profiles_[r].capacity);
      if (demand < count) capped_[n] = 1;
      needs_[n].push_back({r, demand});
      plan_->resources[r].tasks += static_cast<size_t>(count);
    }
  }
}

// Serial schedule generation: repeatedly take, among the nodes whose predecessors are all
// placed, the one with the least latest start (without capacity limits), then the first id,
// and place it on the first day on or after its predecessors' finish (and its fixed date)
// when every resource it uses has room for it on each of its days.
void Planner::Schedule() {
  Resources();
  size_t nodes = members_.size();
  start_.assign(nodes, 0);
  finish_.assign(nodes, 0);
  wait_.assign(nodes, 0);
  waiting_for_.assign(nodes, -1);
  auto later = [&](Node a, Node b) {
    if (ls_[a] != ls_[b]) return ls_[a] > ls_[b];
    return a > b;
  };
  std::vector<Node> heap;
  std::vector<size_t> waiting(nodes);
  for (Node n = 0; n < nodes; ++n) {
    waiting[n] = pred_.End(n) - pred_.Begin(n);
    if (waiting[n] == 0) heap.push_back(n);
  }
  std::make_heap(heap.begin(), heap.end(), later);
  while (!heap.empty()) {
    std::pop_heap(heap.begin(), heap.end(), later);
    Node v = heap.back();
    heap.pop_back();
    int ready = fixed_[v].value_or(0);
    for (size_t i = pred_.Begin(v); i < pred_.End(v); ++i)
      ready = std::max(ready, finish_[links_[pred_.items[i]].from]);
    int day = ready, days = duration_[v];
    if (days > 0 && !needs_[v].empty()) {
      // The resource that alone keeps the task waiting longest is the one it waits for.
      int longest = ready;
      for (const auto& [r, demand] : needs_[v]) {
        int fit = profiles_[r].EarliestFit(demand, ready, days);
        if (fit > longest) {
          longest = fit;
          waiting_for_[v] = static_cast<int>(r);
        }
        if (fit > kMaxPlanDays) break;
      }
      for (bool moved = true; moved && day <= kMaxPlanDays;) {
        moved = false;
        for (const auto& [r, demand] : needs_[v]) {
          int fit = profiles_[r].EarliestFit(demand, day, days);
          if (fit > day) {
            day = fit;
            moved = true;
          }
        }
      }
      if (day > kMaxPlanDays - days) {
        if (!too_long_)
          diags_->Error(CutoverPath(members_[v][0], "effort_days"),
                        "with the capacity limits the plan would run longer than " +
                            std::to_string(kMaxPlanDays) + " days by the time " +
                            Id(members_[v][0]) +
                            " is done; check the capacities and the effort_days values");
        too_long_ = true;
        return;
      }
      for (const auto& [r, demand] : needs_[v]) profiles_[r].Reserve(demand, day, days);
    }
    start_[v] = day;
    finish_[v] = day + days;
    wait_[v] = day - ready;
    if (wait_[v] == 0) waiting_for_[v] = -1;
    plan_->duration_days = std::max(plan_->duration_days, finish_[v]);
    for (size_t i = succ_.Begin(v); i < succ_.End(v); ++i) {
      Node w = links_[succ_.items[i]].to;
      if (--waiting[w] == 0) {
        heap.push_back(w);
        std::push_heap(heap.begin(), heap.end(), later);
      }
    }
  }
  for (Node n = 0; n < nodes; ++n) {
    if (waiting_for_[n] < 0) continue;
    PlanResource& r = plan_->resources[waiting_for_[n]];
    r.waiting += members_[n].size();
    r.wait_days += wait_[n] * static_cast<int>(members_[n].size());
  }
  for (size_t r = 0; r < plan_->resources.size(); ++r) {
    const PlanResource& x = plan_->resources[r];
    if (x.wait_days == 0) continue;
    if (!plan_->bottleneck || x.wait_days > plan_->resources[*plan_->bottleneck].wait_days ||
        (x.wait_days == plan_->resources[*plan_->bottleneck].wait_days &&
         x.waiting > plan_->resources[*plan_->bottleneck].waiting))
      plan_->bottleneck = r;
  }
}

}  // namespace landskap::planning
