// Waves: precedence generations of the condensed DAG.
#include "engine/plan/planner.h"

namespace landskap::planning {

// Precedence generations: wave 1 holds the nodes without predecessors, and every other node
// the wave after the latest wave of its predecessors. Since each node of wave k+1 starts
// after a predecessor of wave k finishes, no wave starts before the one before it.
void Planner::Waves() {
  size_t nodes = members_.size();
  wave_.assign(nodes, 0);
  int waves = 0;
  for (Node v : order_) {
    int wave = 1;
    for (size_t i = pred_.Begin(v); i < pred_.End(v); ++i)
      wave = std::max(wave, wave_[links_[pred_.items[i]].from] + 1);
    wave_[v] = wave;
    waves = std::max(waves, wave);
  }
  plan_->waves.resize(waves);
  for (int w = 0; w < waves; ++w) plan_->waves[w].wave = w + 1;
  std::vector<char> seen(waves, 0);
  for (Node n = 0; n < nodes; ++n) {
    PlanWave& out = plan_->waves[wave_[n] - 1];
    for (Local t : members_[n]) out.systems.push_back(sys_[t]);
    if (!capped_.empty() && capped_[n]) out.over_capacity = true;
    int first = start_.empty() ? es_[n] : start_[n];
    int last = start_.empty() ? ef_[n] : finish_[n];
    if (!seen[wave_[n] - 1]) {
      out.start = first;
      out.finish = last;
      seen[wave_[n] - 1] = 1;
    }
    out.start = std::min(out.start, first);
    out.finish = std::max(out.finish, last);
  }
  for (PlanWave& out : plan_->waves) {
    std::sort(out.systems.begin(), out.systems.end(),
              [&](SystemIndex a, SystemIndex b) { return local_[a] < local_[b]; });
    out.task_count = out.systems.size();
    if (day0_) {
      out.start_date = Cal().Date(*day0_, out.start);
      out.finish_date = Cal().Date(*day0_, std::max(out.start, out.finish - 1));
    }
  }
}

}  // namespace landskap::planning
