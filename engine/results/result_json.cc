// The JSON shape of results, one per result, shared by `--format json` and the workshop page,
// so a script that reads `landskap impact --format json` reads the page's data the same way.
// Systems and integrations appear by id, as everywhere users see them.
#include "engine/results/result_json.h"

#include "engine/model/municipality.h"

namespace landskap {
namespace {

// Builds the whole object, for the page.
class WholeObject : public JsonFields {
 public:
  void Field(std::string_view name, const ordered_json& value) override {
    object[std::string(name)] = value;
  }
  void Array(std::string_view name, size_t count,
             const std::function<ordered_json(size_t)>& element) override {
    ordered_json array = ordered_json::array();
    for (size_t i = 0; i < count; ++i) array.push_back(element(i));
    object[std::string(name)] = std::move(array);
  }
  ordered_json object;
};

}  // namespace

std::map<std::string, size_t> ImpactByOwner(const Landscape& landscape, const ImpactResult& r) {
  std::map<std::string, size_t> counts;
  for (const AffectedSystem& a : r.affected) {
    const std::string& owner = landscape.systems[a.system].owner;
    ++counts[owner.empty() ? "(no owner)" : owner];
  }
  return counts;
}

std::map<std::string, size_t> ImpactByReason(const ImpactResult& r) {
  std::map<std::string, size_t> counts;
  for (const AffectedSystem& a : r.affected) ++counts[std::string(ReasonName(a.reason))];
  return counts;
}

ordered_json ScopeJson(const ReformScope& scope) {
  static const char* const kBasis[] = {"none", "changes", "owners"};
  ordered_json out = {{"scoped", scope.scoped()},
                      {"changing", scope.changing()},
                      {"basis", kBasis[static_cast<int>(scope.basis())]}};
  ordered_json reform = ordered_json::array();
  for (const ReformStep& step : scope.reform()) {
    ordered_json item = {{"kind", ReformKindName(step.kind)}, {"from", step.from}, {"to", step.to}};
    if (!step.parts_from.empty()) item["parts_from"] = step.parts_from;
    if (step.effective) item["effective"] = FormatDate(*step.effective);
    reform.push_back(std::move(item));
  }
  out["reform"] = std::move(reform);
  return out;
}

void ImpactJsonFields(const Landscape& landscape, const ImpactResult& r, const std::string& file,
                      JsonFields& out) {
  const ImpactQuery& q = r.query;
  ordered_json query;
  query["file"] = file;
  query["key"] = q.key ? ordered_json(landscape.keys[*q.key].id) : ordered_json(nullptr);
  query["systems"] = ordered_json::array();
  for (SystemIndex s : q.sources) query["systems"].push_back(landscape.systems[s].id);
  query["direction"] = DirectionName(q.direction);
  query["depth"] = q.max_depth ? ordered_json(*q.max_depth) : ordered_json(nullptr);
  query["through_all"] = q.through_all;
  query["owners"] = q.owners;
  out.Field("query", query);

  out.Array("affected", r.affected.size(), [&](size_t n) {
    const AffectedSystem& a = r.affected[n];
    const System& s = landscape.systems[a.system];
    ordered_json item;
    item["id"] = s.id;
    item["name"] = s.name;
    item["owner"] = s.owner;
    if (auto name = MunicipalityName(s.owner)) item["owner_name"] = *name;
    std::string_view criticality = CriticalityName(s.criticality);
    item["criticality"] = criticality.empty() ? ordered_json(nullptr) : ordered_json(criticality);
    item["distance"] = a.distance;
    item["reason"] = ReasonName(a.reason);
    ordered_json path = ordered_json::array(), via = ordered_json::array();
    for (SystemIndex p : a.path) path.push_back(landscape.systems[p].id);
    for (IntegrationIndex e : a.via) via.push_back(landscape.integrations[e].id);
    item["path"] = std::move(path);
    item["via"] = std::move(via);
    return item;
  });

  out.Array("integrations", r.integrations.size(), [&](size_t n) {
    const Integration& i = landscape.integrations[r.integrations[n]];
    ordered_json carries = ordered_json::array();
    for (KeyIndex k : i.carries) carries.push_back(landscape.keys[k].id);
    return ordered_json{{"id", i.id},
                        {"from", landscape.systems[i.from].id},
                        {"to", landscape.systems[i.to].id},
                        {"carries", std::move(carries)},
                        {"protocol", i.protocol}};
  });

  ordered_json summary;
  summary["affected"] = r.affected.size();
  summary["integrations"] = r.integrations.size();
  summary["seeds"] = r.seed_count;
  summary["by_reason"] = ImpactByReason(r);
  summary["by_owner"] = ImpactByOwner(landscape, r);
  std::map<std::string, size_t> by_criticality;
  for (const AffectedSystem& a : r.affected) {
    std::string_view c = CriticalityName(landscape.systems[a.system].criticality);
    ++by_criticality[c.empty() ? "unspecified" : std::string(c)];
  }
  summary["by_criticality"] = by_criticality;
  summary["scope"] = ScopeJson(r.scope);
  out.Field("summary", summary);
  // What each successor of a split needs (engine/analysis/impact.h, SplitNeeds).
  ordered_json splits = ordered_json::array();
  for (const SplitNeeds& s : r.splits) {
    ordered_json systems = ordered_json::array(), integrations = ordered_json::array();
    for (SystemIndex i : s.systems) systems.push_back(landscape.systems[i].id);
    for (IntegrationIndex i : s.integrations) integrations.push_back(landscape.integrations[i].id);
    splits.push_back({{"from", s.from},
                      {"successors", s.successors},
                      {"systems", std::move(systems)},
                      {"integrations", std::move(integrations)}});
  }
  out.Field("splits", std::move(splits));
}

ordered_json ImpactJson(const Landscape& landscape, const ImpactResult& r,
                        const std::string& file) {
  WholeObject whole;
  ImpactJsonFields(landscape, r, file, whole);
  return std::move(whole.object);
}

void PlanJsonFields(const Landscape& l, const Plan& plan, const std::string& file,
                    JsonFields& out) {
  auto date = [](const std::optional<DayNumber>& d) {
    return d ? ordered_json(FormatDate(*d)) : ordered_json(nullptr);
  };
  auto ids = [&](const std::vector<SystemIndex>& systems) {
    ordered_json out = ordered_json::array();
    for (SystemIndex s : systems) out.push_back(l.systems[s].id);
    return out;
  };
  out.Field("file", file);
  out.Field("duration_days", plan.duration_days);
  out.Field("workdays", plan.workdays);
  out.Field("start", date(plan.start));
  out.Field("finish_date", date(plan.finish_date));
  out.Field("deadline", date(plan.deadline));
  out.Field("default_effort_days", plan.default_effort_days);
  out.Field("precedence_count", plan.precedence_count);
  out.Field("capacity", plan.capacity ? ordered_json(*plan.capacity) : ordered_json(nullptr));
  out.Field("vendor_capacity",
            plan.vendor_capacity ? ordered_json(*plan.vendor_capacity) : ordered_json(nullptr));
  out.Field("owner_capacity",
            plan.owner_capacity ? ordered_json(*plan.owner_capacity) : ordered_json(nullptr));
  out.Field("unconstrained_duration_days", plan.unconstrained_duration_days);
  out.Field("unconstrained_finish_date", date(plan.unconstrained_finish_date));

  ordered_json calendar;
  calendar["kind"] = plan.calendar.working_days() ? "working-days" : "all-days";
  ordered_json closures = ordered_json::array();
  for (const Closure& c : plan.calendar.closures())
    closures.push_back(
        {{"from", FormatDate(c.from)}, {"to", FormatDate(c.to)}, {"label", c.label}});
  calendar["closures"] = std::move(closures);
  // The closed days the plan spans (from its start to its last finish or the deadline).
  ordered_json closed = ordered_json::array();
  if (plan.start && plan.finish_date && plan.unconstrained_finish_date) {
    DayNumber last = std::max(*plan.finish_date, *plan.unconstrained_finish_date);
    if (plan.deadline) last = std::max(last, *plan.deadline);
    for (const ClosedDay& d : plan.calendar.ClosedBetween(*plan.start, last))
      closed.push_back({{"date", FormatDate(d.day)}, {"name", d.name}});
    calendar["working_days"] = plan.calendar.Offset(*plan.start, last + 1);
    calendar["through"] = FormatDate(last);
  }
  calendar["closed_days"] = std::move(closed);
  out.Field("calendar", std::move(calendar));

  auto resource = [&](int r) {
    if (r < 0) return ordered_json(nullptr);
    const PlanResource& x = plan.resources[r];
    const char* of = x.of == PlanResource::Of::kVendor  ? "vendor"
                     : x.of == PlanResource::Of::kOwner ? "owner"
                                                        : "all";
    return ordered_json({{"of", of}, {"name", x.name}});
  };
  ordered_json resources = ordered_json::array();
  for (size_t r = 0; r < plan.resources.size(); ++r) {
    const PlanResource& x = plan.resources[r];
    ordered_json item = resource(static_cast<int>(r));
    item["capacity"] = x.capacity;
    item["from_file"] = x.from_file;
    item["systems"] = x.tasks;
    item["effort_days"] = x.effort;
    item["waiting"] = x.waiting;
    item["wait_days"] = x.wait_days;
    resources.push_back(std::move(item));
  }
  out.Field("resources", std::move(resources));
  out.Field("bottleneck",
            plan.bottleneck ? resource(static_cast<int>(*plan.bottleneck)) : ordered_json(nullptr));
  out.Field("owner_tasks", plan.owner_tasks);
  out.Field("intermunicipal_ours", plan.intermunicipal_ours);

  out.Array("tasks", plan.tasks.size(), [&](size_t n) {
    const PlanTask& t = plan.tasks[n];
    const System& s = l.systems[t.system];
    ordered_json item;
    item["id"] = s.id;
    item["name"] = s.name;
    item["vendor"] = s.vendor;
    item["owner"] = s.owner;
    if (auto name = MunicipalityName(s.owner)) item["owner_name"] = *name;
    item["bundle"] = t.bundle >= 0 ? ordered_json(t.bundle + 1) : ordered_json(nullptr);
    item["wave"] = t.wave;
    item["duration"] = t.duration;
    item["estimated"] = t.estimated;
    item["es"] = t.es;
    item["ef"] = t.ef;
    item["ls"] = t.ls;
    item["lf"] = t.lf;
    item["slack"] = t.slack;
    item["critical"] = t.critical;
    item["fixed_date"] = date(s.cutover.fixed_date);
    item["fixed_date_moved"] = t.fixed_moved;
    item["start_date"] = date(t.start_date);
    item["finish_date"] = date(t.finish_date);
    item["days_late"] = t.days_late;
    item["external"] = t.external;
    item["effort"] = t.effort;
    item["start"] = t.start;
    item["finish"] = t.finish;
    item["unconstrained_start_date"] = date(t.unconstrained_start_date);
    item["unconstrained_finish_date"] = date(t.unconstrained_finish_date);
    item["delay_days"] = t.delay;
    item["wait_days"] = t.wait;
    item["waiting_for"] = resource(t.waiting_for);
    return item;
  });

  out.Array("waves", plan.waves.size(), [&](size_t n) {
    const PlanWave& w = plan.waves[n];
    return ordered_json{{"wave", w.wave},
                        {"systems", ids(w.systems)},
                        {"over_capacity", w.over_capacity},
                        {"start", w.start},
                        {"finish", w.finish},
                        {"start_date", date(w.start_date)},
                        {"finish_date", date(w.finish_date)}};
  });

  out.Array("bundles", plan.bundles.size(), [&](size_t i) {
    const PlanBundle& b = plan.bundles[i];
    ordered_json via = ordered_json::array();
    for (const auto& e : b.cycle_via)
      via.push_back(e ? ordered_json(l.integrations[*e].id) : ordered_json("after"));
    return ordered_json{{"bundle", i + 1},
                        {"systems", ids(b.systems)},
                        {"cycle", ids(b.cycle)},
                        {"via", std::move(via)}};
  });

  out.Array("critical_paths", plan.critical_paths.size(),
            [&](size_t i) { return ids(plan.critical_paths[i]); });
  out.Field("critical_paths_cut", plan.critical_paths_cut);

  out.Array("late", plan.late.size(), [&](size_t i) {
    SystemIndex s = plan.late[i];
    const PlanTask& t = *plan.Find(s);
    return ordered_json{
        {"id", l.systems[s].id}, {"finish_date", date(t.finish_date)}, {"days_late", t.days_late}};
  });

  out.Array("delays", plan.delayed.size(), [&](size_t i) {
    SystemIndex s = plan.delayed[i];
    const PlanTask& t = *plan.Find(s);
    return ordered_json{{"id", l.systems[s].id},
                        {"wait_days", t.wait},
                        {"delay_days", t.delay},
                        {"waiting_for", resource(t.waiting_for)}};
  });

  // Days of work per owner and per vendor ("" for none), ours and external.
  std::map<std::string, std::pair<int, int>> by_owner, by_vendor;
  for (const PlanTask& t : plan.tasks) {
    const System& s = l.systems[t.system];
    (t.external ? by_owner[s.owner].second : by_owner[s.owner].first) += t.effort;
    (t.external ? by_vendor[s.vendor].second : by_vendor[s.vendor].first) += t.effort;
  }
  auto effort = [](const std::map<std::string, std::pair<int, int>>& sums) {
    ordered_json per_name = ordered_json::object();
    for (const auto& [name, days] : sums)
      per_name[name] = {{"ours", days.first}, {"external", days.second}};
    return per_name;
  };
  out.Field("effort_by_owner", effort(by_owner));
  out.Field("effort_by_vendor", effort(by_vendor));
  // Who the plan takes as changing: the reform of the impact it plans (none with --all).
  out.Field("scope", ScopeJson(plan.scope));
}

ordered_json PlanJson(const Landscape& l, const Plan& plan, const std::string& file) {
  WholeObject whole;
  PlanJsonFields(l, plan, file, whole);
  return std::move(whole.object);
}

}  // namespace landskap
