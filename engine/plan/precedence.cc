// The plan's tasks (the affected systems, or all) in id order, and the precedence between them:
// an integration inside the plan puts its provider first; cutover.after adds explicit pairs.
#include "engine/plan/planner.h"

namespace landskap::planning {

void Planner::SelectTasks() {
  if (plan_->all_systems) {
    sys_.resize(landscape_.systems.size());
    for (size_t s = 0; s < sys_.size(); ++s) sys_[s] = static_cast<SystemIndex>(s);
  } else {
    for (const AffectedSystem& a : impact_->affected) sys_.push_back(a.system);
  }
  std::sort(sys_.begin(), sys_.end(), [&](SystemIndex a, SystemIndex b) {
    return landscape_.systems[a].id < landscape_.systems[b].id;
  });
  local_.assign(landscape_.systems.size(), kNone);
  for (Local t = 0; t < sys_.size(); ++t) local_[sys_[t]] = t;
}

void Planner::CollectPrecedence() {
  std::vector<Precedence> raw;
  for (IntegrationIndex e = 0; e < landscape_.integrations.size(); ++e) {
    const Integration& integration = landscape_.integrations[e];
    Local from = local_[integration.from], to = local_[integration.to];
    if (from == kNone || to == kNone || from == to) continue;
    raw.push_back({from, to, false, e});
  }
  for (Local t = 0; t < sys_.size(); ++t) {
    for (SystemIndex before : landscape_.systems[sys_[t]].cutover.after) {
      Local from = local_[before];
      // Constraints on systems outside the plan do not order anything inside it.
      if (from == kNone || from == t) continue;
      raw.push_back({from, t, true, std::nullopt});
    }
  }
  std::sort(raw.begin(), raw.end(), [](const Precedence& a, const Precedence& b) {
    if (a.from != b.from) return a.from < b.from;
    if (a.to != b.to) return a.to < b.to;
    return a.integration.value_or(kNone) < b.integration.value_or(kNone);
  });
  for (const Precedence& p : raw) {
    if (!prec_.empty() && prec_.back().from == p.from && prec_.back().to == p.to) {
      prec_.back().after |= p.after;
      if (!prec_.back().integration) prec_.back().integration = p.integration;
      continue;
    }
    prec_.push_back(p);
  }
  out_ = MakeRows(sys_.size(), prec_.size(), [&](size_t i) { return prec_[i].from; });
  plan_->links.reserve(prec_.size());
  for (const Precedence& p : prec_)
    plan_->links.push_back({sys_[p.from], sys_[p.to], p.integration, p.after});
}

const Precedence* Planner::FindPrecedence(Local from, Local to) const {
  for (size_t i = out_.Begin(from); i < out_.End(from); ++i)
    if (prec_[out_.items[i]].to == to) return &prec_[out_.items[i]];
  return nullptr;
}

}  // namespace landskap::planning
