// Bundles: systems in a precedence cycle switch together (Boost's strong_components); each bundle
// is shown with a shortest cycle, and an `after` inside a bundle is an impossible constraint.
#include "engine/plan/planner.h"

namespace landskap::planning {

void Planner::FindBundles() {
  using G = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS>;
  G g(sys_.size());
  for (const Precedence& p : prec_) boost::add_edge(p.from, p.to, g);
  std::vector<uint32_t> component(sys_.size());
  boost::strong_components(
      g, boost::make_iterator_property_map(component.begin(), get(boost::vertex_index, g)));
  // Renumber the components by their first member, which is their smallest Local.
  std::vector<uint32_t> renumber(sys_.size(), kNone);
  node_of_.resize(sys_.size());
  for (Local t = 0; t < sys_.size(); ++t) {
    uint32_t& n = renumber[component[t]];
    if (n == kNone) {
      n = static_cast<uint32_t>(members_.size());
      members_.emplace_back();
    }
    node_of_[t] = n;
    members_[n].push_back(t);
  }
}

// The shortest path from `from` to `to` over precedence inside one node (from == to: the
// shortest cycle through it). Breadth-first over targets in id order, so it is deterministic.
std::vector<Local> Planner::PathWithin(Local from, Local to) {
  Node node = node_of_[from];
  if (parent_.empty()) parent_.assign(sys_.size(), kNone);
  std::vector<Local> queue{from}, touched{from};
  parent_[from] = from;
  Local last = kNone;
  for (size_t head = 0; head < queue.size() && last == kNone; ++head) {
    Local u = queue[head];
    for (size_t i = out_.Begin(u); i < out_.End(u); ++i) {
      Local v = prec_[out_.items[i]].to;
      if (node_of_[v] != node) continue;
      if (v == to) {
        last = u;
        break;
      }
      if (parent_[v] != kNone) continue;
      parent_[v] = u;
      touched.push_back(v);
      queue.push_back(v);
    }
  }
  std::vector<Local> path{to};
  for (Local v = last; v != from; v = parent_[v]) path.push_back(v);
  path.push_back(from);
  std::reverse(path.begin(), path.end());
  for (Local v : touched) parent_[v] = kNone;
  return path;
}

std::string Planner::CycleText(const std::vector<Local>& cycle) const {
  std::string text;
  for (size_t i = 0; i < cycle.size(); ++i) text += (i ? " → " : "") + Id(cycle[i]);
  return text;
}

// Why each step of a cycle is there: "b after a" or "integration ID".
std::string Planner::StepReasons(const std::vector<Local>& cycle) const {
  std::string text;
  for (size_t i = 0; i + 1 < cycle.size(); ++i) {
    const Precedence* p = FindPrecedence(cycle[i], cycle[i + 1]);
    if (i) text += "; ";
    if (p->after)
      text += Id(cycle[i + 1]) + " after " + Id(cycle[i]);
    else
      text += "integration " + landscape_.integrations[*p->integration].id;
  }
  return text;
}

std::string Planner::CutoverPath(Local t, const char* field) const {
  return "/systems/" + std::to_string(sys_[t]) + "/cutover/" + field;
}

// `after` means "finishes before the other starts": it cannot hold between two systems that
// switch together, so an `after` inside a bundle is an impossible constraint.
void Planner::CheckAfterCycles() {
  std::set<std::vector<Local>> reported;
  size_t skipped = 0;
  for (const Precedence& p : prec_) {
    if (!p.after || node_of_[p.from] != node_of_[p.to]) continue;
    // Past the limit, only count: each cycle costs a search through its bundle.
    if (reported.size() >= kMaxCycleErrors) {
      ++skipped;
      continue;
    }
    std::vector<Local> cycle = PathWithin(p.to, p.from);
    cycle.insert(cycle.begin(), p.from);
    // The same cycle seen from another of its `after` steps is one problem, reported once.
    std::vector<Local> canonical(cycle.begin(), cycle.end() - 1);
    std::rotate(canonical.begin(), std::min_element(canonical.begin(), canonical.end()),
                canonical.end());
    if (!reported.insert(canonical).second) continue;
    diags_->Error(CutoverPath(p.to, "after"),
                  "cycle in the cutover order through 'after': " + CycleText(cycle) + " (" +
                      StepReasons(cycle) +
                      "); a system listed in 'after' must finish before this one starts, "
                      "so the circle cannot be cut over in any order");
  }
  if (skipped)
    diags_->Error("", "not listed: " + std::to_string(skipped) +
                          " more 'after' constraints inside systems that switch together");
}

void Planner::ProveBundles() {
  for (Node n = 0; n < members_.size(); ++n) {
    if (members_[n].size() < 2) continue;
    PlanBundle bundle;
    std::vector<Local> cycle = PathWithin(members_[n][0], members_[n][0]);
    for (Local t : members_[n]) bundle.systems.push_back(sys_[t]);
    for (size_t i = 0; i < cycle.size(); ++i) {
      bundle.cycle.push_back(sys_[cycle[i]]);
      if (i + 1 < cycle.size()) {
        const Precedence* p = FindPrecedence(cycle[i], cycle[i + 1]);
        bundle.cycle_via.push_back(p->after ? std::nullopt : p->integration);
      }
    }
    bundle_of_node_.resize(members_.size(), -1);
    bundle_of_node_[n] = static_cast<int>(plan_->bundles.size());
    bundle_cycle_.push_back(std::move(cycle));
    plan_->bundles.push_back(std::move(bundle));
  }
  bundle_of_node_.resize(members_.size(), -1);
}

}  // namespace landskap::planning
