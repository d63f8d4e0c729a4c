// The critical path method over the condensed DAG (Boost's topological_sort): durations, the
// calendar's day 0 and fixed dates, earliest and latest start and finish, slack, and the chain
// that makes a fixed date impossible.
#include "engine/plan/planner.h"

namespace landskap::planning {

int Planner::TaskDuration(Local t) const {
  const auto& effort = landscape_.systems[sys_[t]].cutover.effort_days;
  return static_cast<int>(std::ceil(effort.value_or(options_.default_effort_days)));
}

void Planner::Durations() {
  duration_.assign(members_.size(), 0);
  for (Node n = 0; n < members_.size(); ++n)
    for (Local t : members_[n]) duration_[n] = std::max(duration_[n], TaskDuration(t));
}

// Day 0, and each node's fixed start offset. False when there is no way to a calendar.
bool Planner::Dates() {
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
  // A day closed by --closed moves what starts on it to the next working day: said, so that a
  // closure typed wrong cannot push a date by years unnoticed (all closures together close at
  // most kMaxClosedDays, which bounds the move).
  auto closed_by = [&](DayNumber day) {
    const Closure* c = Cal().ClosureOn(day);
    if (!c) return std::string();
    return " (" + (c->place.empty() ? std::string("--closed") : c->place) +
           (c->label.empty() ? std::string() : " '" + c->label + "'") + ", " + FormatDate(c->from) +
           " to " + FormatDate(c->to) + ")";
  };
  if (options_.start && Cal().ClosureOn(*options_.start))
    diags_->Warning("", "the plan's first day " + FormatDate(*options_.start) +
                            " (--start) is closed by --closed" + closed_by(*options_.start) +
                            "; the work starts on the next working day, " +
                            FormatDate(Cal().NextWorkingDay(*options_.start)));
  fixed_.assign(members_.size(), std::nullopt);
  fixed_member_.assign(members_.size(), kNone);
  for (Node n = 0; n < members_.size(); ++n) {
    for (Local t : members_[n]) {
      const auto& fixed = landscape_.systems[sys_[t]].cutover.fixed_date;
      if (!fixed) continue;
      int offset = Cal().Offset(*day0_, *fixed);
      if (Cal().ClosureOn(*fixed))
        diags_->Warning(CutoverPath(t, "fixed_date"),
                        Id(t) + " is fixed to start on " + FormatDate(*fixed) +
                            ", a day closed by --closed" + closed_by(*fixed) +
                            "; it starts on the next working day, " +
                            FormatDate(Cal().NextWorkingDay(*fixed)));
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
        diags_->Error(
            CutoverPath(t, "fixed_date"),
            Id(t) + " is fixed to start on " + FormatDate(*fixed) + " and " + Id(first) + " on " +
                FormatDate(*landscape_.systems[sys_[first]].cutover.fixed_date) +
                ", but they must switch together: " + CycleText(bundle_cycle_[bundle_of_node_[n]]));
      }
    }
  }
  return true;
}

void Planner::Condense() {
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

void Planner::Forward() {
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
std::vector<Local> Planner::DrivingChain(Node v, Local last) const {
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

void Planner::FixedDateConflict(Node v, uint32_t driver) {
  const Link& link = links_[driver];
  const Precedence& p = prec_[link.precedence];
  Local fixed = fixed_member_[v];
  std::string because = p.after ? Id(p.to) + " is after it"
                                : "integration " + landscape_.integrations[*p.integration].id;
  std::string message = Id(fixed) + " cannot start on its fixed date " +
                        FormatDate(*landscape_.systems[sys_[fixed]].cutover.fixed_date) +
                        ": it must come after " + Id(p.from) + " (" + because +
                        "), which finishes on " +
                        DateText(std::max(es_[link.from], ef_[link.from] - 1)) + " at the earliest";
  std::vector<Local> chain = DrivingChain(link.from, p.from);
  if (chain.size() > 1) message += " (chain: " + CycleText(chain) + ")";
  if (p.to != fixed) message += "; " + Id(fixed) + " switches together with " + Id(p.to);
  // Without --start the plan begins on the earliest fixed date, which is often what makes the
  // date impossible: the work before it really begins earlier.
  if (!options_.start && day0_)
    message += ". No --start was given, so the plan begins on the earliest fixed date, " +
               FormatDate(*day0_) +
               "; when the work begins earlier, give that day with --start (e.g. --start " +
               FormatDate(*day0_ - 90) + ")";
  diags_->Error(CutoverPath(fixed, "fixed_date"), message);
}

void Planner::Backward() {
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

}  // namespace landskap::planning
