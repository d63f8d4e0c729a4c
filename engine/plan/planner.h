// The planner's working state, shared by the steps of the plan (one file each in engine/plan/):
// tasks and precedence, ownership, bundles, the critical path method, levelling under capacity
// limits, waves, critical paths and the assembled result. Private to engine/plan/.
#pragma once

#include <algorithm>
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/strong_components.hpp>
#include <boost/graph/topological_sort.hpp>
#include <cmath>
#include <iterator>
#include <map>
#include <set>
#include <string>
#include <unordered_map>

#include "engine/plan/plan.h"

namespace landskap::planning {

using Local = uint32_t;  // a task: its rank among the tasks in system id order
using Node = uint32_t;   // a condensed node: a bundle or a single task
constexpr uint32_t kNone = UINT32_MAX;
constexpr size_t kMaxCycleErrors = 50;
// About 2 700 years: longer plans are typing errors in effort_days, and day counts stay far
// from overflowing int and DayNumber.
constexpr int kMaxPlanDays = 1000000;

// `from` finishes before `to` starts, because of an integration, a cutover.after, or both.
struct Precedence {
  Local from = 0, to = 0;
  bool after = false;
  std::optional<IntegrationIndex> integration;  // the first integration from `from` to `to`
};

// Edges out of (or into) each vertex in compressed rows.
struct Rows {
  std::vector<uint32_t> offsets;
  std::vector<uint32_t> items;
  size_t Begin(uint32_t v) const { return offsets[v]; }
  size_t End(uint32_t v) const { return offsets[v + 1]; }
};

template <typename Key>
Rows MakeRows(size_t vertices, size_t count, Key key) {
  Rows rows;
  rows.offsets.assign(vertices + 1, 0);
  for (size_t i = 0; i < count; ++i) ++rows.offsets[key(i) + 1];
  for (size_t v = 0; v < vertices; ++v) rows.offsets[v + 1] += rows.offsets[v];
  rows.items.resize(count);
  std::vector<uint32_t> fill(rows.offsets.begin(), rows.offsets.end() - 1);
  for (size_t i = 0; i < count; ++i) rows.items[fill[key(i)]++] = static_cast<uint32_t>(i);
  return rows;
}

class Planner {
 public:
  Planner(const Graph& graph, const PlanOptions& options, const ImpactResult* impact, Plan* plan,
          Diagnostics* diagnostics)
      : landscape_(graph.landscape()),
        options_(options),
        impact_(impact),
        plan_(plan),
        diags_(diagnostics) {}

  bool Run();

 private:
  // A precedence between two nodes of the condensed DAG.
  struct Link {
    Node from = 0, to = 0;
    uint32_t precedence = 0;  // index into prec_ of the representative pair
  };

  // --- Tasks and precedence (precedence.cc, ownership.cc)

  void SelectTasks();
  void Ownership();
  void CollectPrecedence();
  const Precedence* FindPrecedence(Local from, Local to) const;

  // --- Bundles (bundles.cc)

  void FindBundles();
  std::vector<Local> PathWithin(Local from, Local to);
  const std::string& Id(Local t) const { return landscape_.systems[sys_[t]].id; }
  std::string CycleText(const std::vector<Local>& cycle) const;
  std::string StepReasons(const std::vector<Local>& cycle) const;
  std::string CutoverPath(Local t, const char* field) const;
  void CheckAfterCycles();
  void ProveBundles();

  // --- Durations and the calendar (cpm.cc)

  int TaskDuration(Local t) const;
  void Durations();
  bool Dates();
  const Calendar& Cal() const { return options_.calendar; }
  std::string DateText(int offset) const { return FormatDate(Cal().Date(*day0_, offset)); }

  // --- The condensed DAG and the critical path method (cpm.cc)

  void Condense();
  void Forward();
  std::vector<Local> DrivingChain(Node v, Local last) const;
  void FixedDateConflict(Node v, uint32_t driver);
  void Backward();
  int Slack(Node v) const { return ls_[v] - es_[v]; }

  // --- The schedule with capacity limits (levelling.cc)

  // How many tasks of one resource are in progress on each day, and, to skip full stretches at
  // once, for each day the next day that may not be full (a union-find over full days).
  struct Profile {
    int capacity = 0;
    std::vector<int> used, next;

    void Grow(size_t days) {
      while (used.size() < days) {
        next.push_back(static_cast<int>(used.size()));
        used.push_back(0);
      }
    }
    int NotFull(int day) {
      Grow(static_cast<size_t>(day) + 1);
      int root = day;
      while (next[root] != root) {
        root = next[root];
        Grow(static_cast<size_t>(root) + 1);
      }
      while (next[day] != root) {
        int n = next[day];
        next[day] = root;
        day = n;
      }
      return root;
    }
    // The first day from `day` on where `demand` more fit for `days` days in a row.
    int EarliestFit(int demand, int day, int days) {
      for (;;) {
        day = NotFull(day);
        Grow(static_cast<size_t>(day) + days);
        bool fits = true;
        for (int k = day; k < day + days && fits; ++k) {
          if (used[k] + demand > capacity) {
            fits = false;
            day = k + 1;
          }
        }
        if (fits) return day;
      }
    }
    void Reserve(int demand, int day, int days) {
      Grow(static_cast<size_t>(day) + days + 1);
      for (int k = day; k < day + days; ++k) {
        used[k] += demand;
        if (used[k] >= capacity) next[k] = k + 1;
      }
    }
  };
  void Resources();
  void Schedule();

  // --- Waves (waves.cc)

  void Waves();

  // --- Critical paths (critical_paths.cc)

  bool Tight(const Link& link) const;
  void CriticalPaths();

  // --- The result (assemble.cc)

  void Assemble();
  const Landscape& landscape_;
  const PlanOptions& options_;
  const ImpactResult* impact_;
  Plan* plan_;
  Diagnostics* diags_;

  std::vector<SystemIndex> sys_;  // Local -> system
  std::vector<Local> local_;      // system -> Local, or kNone
  std::vector<Precedence> prec_;  // sorted by (from, to), unique
  Rows out_;                      // precedence out of each task
  std::vector<Local> parent_;     // scratch for PathWithin

  std::vector<Node> node_of_;                // Local -> Node
  std::vector<std::vector<Local>> members_;  // Node -> its tasks in id order
  std::vector<int> bundle_of_node_;          // Node -> index into plan_->bundles, or -1
  std::vector<std::vector<Local>> bundle_cycle_;
  std::vector<int> duration_;
  std::optional<DayNumber> day0_;
  std::vector<std::optional<int>> fixed_;  // Node -> fixed start offset
  std::vector<Local> fixed_member_;        // Node -> the member whose fixed date counts
  bool too_long_ = false;
  size_t errors_before_ = 0;  // the diagnostics' errors when Run began

  std::vector<Link> links_;  // between nodes, sorted by (from, to), unique
  Rows succ_, pred_;
  std::vector<Node> order_;  // topological
  std::vector<int> es_, ef_, ls_, lf_, tail_, wave_;
  std::vector<char> ours_;  // Local -> the plan's own work
  // The schedule with capacity limits.
  std::vector<Profile> profiles_;                             // by index into plan_->resources
  std::vector<std::vector<std::pair<uint32_t, int>>> needs_;  // Node -> (resource, demand)
  std::vector<char> capped_;  // Node -> demands more of a resource than its capacity
  std::vector<int> start_, finish_, wait_, waiting_for_;
};

}  // namespace landskap::planning
