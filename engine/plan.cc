// The cutover plan in steps: pick the tasks, collect precedence pairs, find bundles with
// Boost's strong_components, condense them into a DAG ordered by Boost's topological_sort,
// run the critical path method over that order (the schedule without capacity limits), place
// the tasks under the capacities by serial schedule generation (the plan's dates), group the
// DAG into waves by precedence generations, and enumerate the zero-slack chains. Tasks are numbered
// by their rank in id order, and the condensed nodes by their first member, so every tie is broken
// by id without comparing strings.
#include "engine/plan.h"

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

namespace landskap {
namespace {

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

  bool Run() {
    size_t errors_before = diags_->ErrorCount();
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

 private:
  // A precedence between two nodes of the condensed DAG.
  struct Link {
    Node from = 0, to = 0;
    uint32_t precedence = 0;  // index into prec_ of the representative pair
  };

  // --- Tasks and precedence -------------------------------------------------------------

  void SelectTasks() {
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

  // Which tasks are the plan's own work: those of the owners given (--owner-tasks), else of
  // the changing municipalities (old numbers and the new one) and every intermunicipal system. When no owner is known (a
  // landscape without changes), every task is ours: there is nothing to tell apart.
  void Ownership() {
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
          if (std::find(owners.begin(), owners.end(), c.from) != owners.end())
            owners.push_back(c.to);
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

  void CollectPrecedence() {
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

  const Precedence* FindPrecedence(Local from, Local to) const {
    for (size_t i = out_.Begin(from); i < out_.End(from); ++i)
      if (prec_[out_.items[i]].to == to) return &prec_[out_.items[i]];
    return nullptr;
  }

  // --- Bundles ------------------------------------------------------------------------------

  void FindBundles() {
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
  std::vector<Local> PathWithin(Local from, Local to) {
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

  const std::string& Id(Local t) const { return landscape_.systems[sys_[t]].id; }

  std::string CycleText(const std::vector<Local>& cycle) const {
    std::string text;
    for (size_t i = 0; i < cycle.size(); ++i) text += (i ? " → " : "") + Id(cycle[i]);
    return text;
  }

  // Why each step of a cycle is there: "b after a" or "integration ID".
  std::string StepReasons(const std::vector<Local>& cycle) const {
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

  std::string CutoverPath(Local t, const char* field) const {
    return "/systems/" + std::to_string(sys_[t]) + "/cutover/" + field;
  }

  // `after` means "finishes before the other starts": it cannot hold between two systems that
  // switch together, so an `after` inside a bundle is an impossible constraint.
  void CheckAfterCycles() {
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

  void ProveBundles() {
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

  // --- Durations and the calendar -------------------------------------------------------------

  int TaskDuration(Local t) const {
    const auto& effort = landscape_.systems[sys_[t]].cutover.effort_days;
    return static_cast<int>(std::ceil(effort.value_or(options_.default_effort_days)));
  }

  void Durations() {
    duration_.assign(members_.size(), 0);
    for (Node n = 0; n < members_.size(); ++n)
      for (Local t : members_[n]) duration_[n] = std::max(duration_[n], TaskDuration(t));
  }

  // Day 0, and each node's fixed start offset. False when there is no way to a calendar.
  bool Dates() {
    std::optional<DayNumber> earliest;
    for (SystemIndex s : sys_) {
      const auto& fixed = landscape_.systems[s].cutover.fixed_date;
      if (fixed && (!earliest || *fixed < *earliest)) earliest = fixed;
    }
    day0_ = options_.start ? options_.start : earliest;
    plan_->start = day0_;
    if (options_.deadline && !day0_) {
      diags_->Error("", "a deadline needs a calendar: give the plan's first day with --start DATE");
      return false;
    }
    fixed_.assign(members_.size(), std::nullopt);
    fixed_member_.assign(members_.size(), kNone);
    for (Node n = 0; n < members_.size(); ++n) {
      for (Local t : members_[n]) {
        const auto& fixed = landscape_.systems[sys_[t]].cutover.fixed_date;
        if (!fixed) continue;
        int offset = Cal().Offset(*day0_, *fixed);
        if (offset < 0) {
          diags_->Error(CutoverPath(t, "fixed_date"),
                        Id(t) + " is fixed to start on " + FormatDate(*fixed) +
                            ", before the plan starts on " + FormatDate(*day0_) +
                            " (--start); give an earlier --start");
          offset = 0;
        }
        if (fixed_member_[n] == kNone) {
          fixed_[n] = offset;
          fixed_member_[n] = t;
        } else if (*landscape_.systems[sys_[fixed_member_[n]]].cutover.fixed_date != *fixed) {
          Local first = fixed_member_[n];
          diags_->Error(CutoverPath(t, "fixed_date"),
                        Id(t) + " is fixed to start on " + FormatDate(*fixed) + " and " +
                            Id(first) + " on " +
                            FormatDate(*landscape_.systems[sys_[first]].cutover.fixed_date) +
                            ", but they must switch together: " +
                            CycleText(bundle_cycle_[bundle_of_node_[n]]));
        }
      }
    }
    return true;
  }

  const Calendar& Cal() const { return options_.calendar; }

  std::string DateText(int offset) const { return FormatDate(Cal().Date(*day0_, offset)); }

  // --- The condensed DAG and the critical path method ------------------------------------------

  void Condense() {
    for (size_t i = 0; i < prec_.size(); ++i) {
      Node a = node_of_[prec_[i].from], b = node_of_[prec_[i].to];
      if (a != b) links_.push_back({a, b, static_cast<uint32_t>(i)});
    }
    // Sorted by (from, to, from's id, to's id): the first link of each pair is the
    // representative precedence, the one named in messages.
    std::sort(links_.begin(), links_.end(), [](const Link& x, const Link& y) {
      if (x.from != y.from) return x.from < y.from;
      if (x.to != y.to) return x.to < y.to;
      return x.precedence < y.precedence;
    });
    links_.erase(
        std::unique(links_.begin(), links_.end(),
                    [](const Link& x, const Link& y) { return x.from == y.from && x.to == y.to; }),
        links_.end());
    size_t nodes = members_.size();
    succ_ = MakeRows(nodes, links_.size(), [&](size_t i) { return links_[i].from; });
    pred_ = MakeRows(nodes, links_.size(), [&](size_t i) { return links_[i].to; });
    using G = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS>;
    G g(nodes);
    for (const Link& link : links_) boost::add_edge(link.from, link.to, g);
    // topological_sort writes the reverse order. The condensation of strong components has no
    // cycle, so not_a_dag cannot happen here.
    order_.reserve(nodes);
    boost::topological_sort(g, std::back_inserter(order_));
    std::reverse(order_.begin(), order_.end());
  }

  void Forward() {
    es_.assign(members_.size(), 0);
    ef_.assign(members_.size(), 0);
    for (Node v : order_) {
      int es = 0;
      uint32_t driver = kNone;  // the link from the predecessor that finishes last
      for (size_t i = pred_.Begin(v); i < pred_.End(v); ++i) {
        const Link& link = links_[pred_.items[i]];
        if (ef_[link.from] > es) {
          es = ef_[link.from];
          driver = pred_.items[i];
        }
      }
      if (fixed_[v]) {
        if (es > *fixed_[v]) FixedDateConflict(v, driver);
        es = *fixed_[v];
      }
      es_[v] = es;
      if (es > kMaxPlanDays - duration_[v]) {
        // Only absurd estimates get here (the loader allows 100 000 days per system); stop the
        // day counts before they overflow.
        if (!too_long_)
          diags_->Error(CutoverPath(members_[v][0], "effort_days"),
                        "the plan would run longer than " + std::to_string(kMaxPlanDays) +
                            " days by the time " + Id(members_[v][0]) +
                            " is done; check the effort_days values");
        too_long_ = true;
        ef_[v] = es;
      } else {
        ef_[v] = es + duration_[v];
      }
      plan_->unconstrained_duration_days = std::max(plan_->unconstrained_duration_days, ef_[v]);
    }
  }

  // The chain of predecessors that makes node `v` finish when it does, each one finishing the
  // day the next starts, back to one that starts on day 0 or on its fixed date.
  std::vector<Local> DrivingChain(Node v, Local last) const {
    std::vector<Local> chain{last};
    while (es_[v] > 0 && !(fixed_[v] && *fixed_[v] == es_[v])) {
      uint32_t found = kNone;
      for (size_t i = pred_.Begin(v); i < pred_.End(v) && found == kNone; ++i)
        if (ef_[links_[pred_.items[i]].from] == es_[v]) found = pred_.items[i];
      if (found == kNone) break;
      const Precedence& p = prec_[links_[found].precedence];
      if (p.to != chain.back()) chain.push_back(p.to);
      chain.push_back(p.from);
      v = links_[found].from;
    }
    std::reverse(chain.begin(), chain.end());
    return chain;
  }

  void FixedDateConflict(Node v, uint32_t driver) {
    const Link& link = links_[driver];
    const Precedence& p = prec_[link.precedence];
    Local fixed = fixed_member_[v];
    std::string because = p.after ? Id(p.to) + " is after it"
                                  : "integration " + landscape_.integrations[*p.integration].id;
    std::string message =
        Id(fixed) + " cannot start on its fixed date " +
        FormatDate(*landscape_.systems[sys_[fixed]].cutover.fixed_date) + ": it must come after " +
        Id(p.from) + " (" + because + "), which finishes on " +
        DateText(std::max(es_[link.from], ef_[link.from] - 1)) + " at the earliest";
    std::vector<Local> chain = DrivingChain(link.from, p.from);
    if (chain.size() > 1) message += " (chain: " + CycleText(chain) + ")";
    if (p.to != fixed) message += "; " + Id(fixed) + " switches together with " + Id(p.to);
    diags_->Error(CutoverPath(fixed, "fixed_date"), message);
  }

  void Backward() {
    size_t nodes = members_.size();
    ls_.assign(nodes, 0);
    lf_.assign(nodes, 0);
    tail_.assign(nodes, 0);
    for (auto it = order_.rbegin(); it != order_.rend(); ++it) {
      Node v = *it;
      int lf = plan_->unconstrained_duration_days, tail = 0;
      for (size_t i = succ_.Begin(v); i < succ_.End(v); ++i) {
        Node w = links_[succ_.items[i]].to;
        // What comes before a fixed date must be done by that date, not merely by the latest
        // start that the rest of the plan would allow.
        lf = std::min(lf, fixed_[w] ? es_[w] : ls_[w]);
        tail = std::max(tail, tail_[w]);
      }
      // The slack of a fixed task itself says how long its date could slip (a register late
      // with its test environment) before the go-live moves.
      lf_[v] = lf;
      ls_[v] = lf - duration_[v];
      tail_[v] = tail + duration_[v];
    }
  }

  int Slack(Node v) const { return ls_[v] - es_[v]; }

  // --- The schedule with capacity limits -------------------------------------------------------

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

  // The limited resources, and each node's demand on them: one per member that uses the
  // resource, at most the capacity (a bundle larger than that takes the whole resource).
  void Resources() {
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
        if (limit(PlanResource::Of::kAll, "", options_.capacity)) use(PlanResource::Of::kAll, "");
        if (!s.vendor.empty() &&
            limit(PlanResource::Of::kVendor, s.vendor, options_.vendor_capacity))
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
  void Schedule() {
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

  // --- Waves ------------------------------------------------------------------------------------

  // Precedence generations: wave 1 holds the nodes without predecessors, and every other node
  // the wave after the latest wave of its predecessors. Since each node of wave k+1 starts
  // after a predecessor of wave k finishes, no wave starts before the one before it.
  void Waves() {
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

  // --- Critical paths -------------------------------------------------------------------------

  bool Tight(const Link& link) const {
    return Slack(link.from) == 0 && Slack(link.to) == 0 && ef_[link.from] == es_[link.to];
  }

  void CriticalPaths() {
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

  // --- The result -----------------------------------------------------------------------------

  void Assemble() {
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
        if (day0_) {
          task.start_date = Cal().Date(*day0_, task.start);
          task.finish_date = Cal().Date(*day0_, std::max(task.start, task.finish - 1));
          task.unconstrained_start_date = Cal().Date(*day0_, task.es);
          task.unconstrained_finish_date = Cal().Date(*day0_, std::max(task.es, task.ef - 1));
        }
        // A task of 0 days still happens on its start day.
        if (limit) task.days_late = std::max(0, std::max(task.finish, task.start + 1) - *limit);
        plan_->tasks.push_back(task);
      }
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

}  // namespace

bool IsOwnTask(const Landscape& landscape, SystemIndex system,
               const std::vector<std::string>& owners, bool intermunicipal_ours) {
  const System& s = landscape.systems[system];
  if (intermunicipal_ours && s.kind == Kind::kIntermunicipal) return true;
  return std::binary_search(owners.begin(), owners.end(), s.owner);
}

bool ComputePlan(const Graph& graph, const PlanOptions& options, const ImpactResult* impact,
                 Plan* plan, Diagnostics* diagnostics) {
  return Planner(graph, options, impact, plan, diagnostics).Run();
}

}  // namespace landskap
