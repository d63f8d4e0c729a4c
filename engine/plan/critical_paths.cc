// Critical paths: the chains of zero-slack tasks from a start to the finish.
#include "engine/plan/planner.h"

namespace landskap::planning {

bool Planner::Tight(const Link& link) const {
  return Slack(link.from) == 0 && Slack(link.to) == 0 && ef_[link.from] == es_[link.to];
}

void Planner::CriticalPaths() {
  size_t nodes = members_.size();
  // reaches_end[v]: v is critical and a chain of tight links leads from it to the project's end.
  std::vector<char> reaches_end(nodes, 0), has_next(nodes, 0), has_tight_pred(nodes, 0);
  for (auto it = order_.rbegin(); it != order_.rend(); ++it) {
    Node v = *it;
    if (Slack(v) != 0) continue;
    for (size_t i = succ_.Begin(v); i < succ_.End(v); ++i) {
      const Link& link = links_[succ_.items[i]];
      if (Tight(link) && reaches_end[link.to]) has_next[v] = 1;
    }
    reaches_end[v] = has_next[v] || ef_[v] == plan_->unconstrained_duration_days;
  }
  for (const Link& link : links_)
    if (Tight(link)) has_tight_pred[link.to] = 1;
  size_t wanted = options_.max_critical_paths;
  for (Node start = 0; start < nodes; ++start) {
    if (!reaches_end[start] || has_tight_pred[start]) continue;
    // Depth first, without recursion: the chains can be as long as the plan.
    std::vector<std::pair<Node, size_t>> stack{{start, succ_.Begin(start)}};
    while (!stack.empty()) {
      auto& [v, next] = stack.back();
      if (!has_next[v] && next == succ_.Begin(v)) {
        if (plan_->critical_paths.size() == wanted) {
          plan_->critical_paths_cut = true;
          return;
        }
        std::vector<SystemIndex> path;
        for (const auto& frame : stack)
          for (Local t : members_[frame.first]) path.push_back(sys_[t]);
        plan_->critical_paths.push_back(std::move(path));
        next = succ_.End(v);
      }
      Node child = kNone;
      while (next < succ_.End(v) && child == kNone) {
        const Link& link = links_[succ_.items[next++]];
        if (Tight(link) && reaches_end[link.to]) child = link.to;
      }
      if (child == kNone)
        stack.pop_back();
      else
        stack.push_back({child, succ_.Begin(child)});
    }
  }
}

}  // namespace landskap::planning
