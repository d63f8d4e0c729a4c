// The JSON shape of results, one per result, shared by `--format json` and the workshop page,
// so a script that reads `landskap impact --format json` reads the page's data the same way.
// Systems and integrations appear by id, as everywhere users see them.
#include "engine/result_json.h"


namespace landskap {

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

ordered_json ImpactJson(const Landscape& landscape, const ImpactResult& r,
                        const std::string& file) {
  const ImpactQuery& q = r.query;
  ordered_json j;
  ordered_json query;
  query["file"] = file;
  query["key"] = q.key ? ordered_json(landscape.keys[*q.key].id) : ordered_json(nullptr);
  query["systems"] = ordered_json::array();
  for (SystemIndex s : q.sources) query["systems"].push_back(landscape.systems[s].id);
  query["direction"] = DirectionName(q.direction);
  query["depth"] = q.max_depth ? ordered_json(*q.max_depth) : ordered_json(nullptr);
  query["through_all"] = q.through_all;
  query["owners"] = q.owners;
  j["query"] = query;

  ordered_json affected = ordered_json::array();
  for (const AffectedSystem& a : r.affected) {
    const System& s = landscape.systems[a.system];
    ordered_json item;
    item["id"] = s.id;
    item["name"] = s.name;
    item["owner"] = s.owner;
    std::string_view criticality = CriticalityName(s.criticality);
    item["criticality"] = criticality.empty() ? ordered_json(nullptr) : ordered_json(criticality);
    item["distance"] = a.distance;
    item["reason"] = ReasonName(a.reason);
    ordered_json path = ordered_json::array(), via = ordered_json::array();
    for (SystemIndex p : a.path) path.push_back(landscape.systems[p].id);
    for (IntegrationIndex e : a.via) via.push_back(landscape.integrations[e].id);
    item["path"] = std::move(path);
    item["via"] = std::move(via);
    affected.push_back(std::move(item));
  }
  j["affected"] = std::move(affected);

  ordered_json integrations = ordered_json::array();
  for (IntegrationIndex e : r.integrations) {
    const Integration& i = landscape.integrations[e];
    ordered_json carries = ordered_json::array();
    for (KeyIndex k : i.carries) carries.push_back(landscape.keys[k].id);
    integrations.push_back({{"id", i.id},
                            {"from", landscape.systems[i.from].id},
                            {"to", landscape.systems[i.to].id},
                            {"carries", std::move(carries)},
                            {"protocol", i.protocol}});
  }
  j["integrations"] = std::move(integrations);

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
  summary["scope"] = {{"scoped", r.scope.scoped()}, {"changing", r.scope.changing()}};
  j["summary"] = std::move(summary);
  return j;
}

ordered_json PlanJson(const Landscape& l, const Plan& plan, const std::string& file) {
  auto date = [](const std::optional<DayNumber>& d) {
    return d ? ordered_json(FormatDate(*d)) : ordered_json(nullptr);
  };
  auto ids = [&](const std::vector<SystemIndex>& systems) {
    ordered_json out = ordered_json::array();
    for (SystemIndex s : systems) out.push_back(l.systems[s].id);
    return out;
  };
  ordered_json j;
  j["file"] = file;
  j["duration_days"] = plan.duration_days;
  j["workdays"] = plan.workdays;
  j["start"] = date(plan.start);
  j["finish_date"] = date(plan.finish_date);
  j["deadline"] = date(plan.deadline);
  j["default_effort_days"] = plan.default_effort_days;
  j["precedence_count"] = plan.precedence_count;
  j["capacity"] = plan.capacity ? ordered_json(*plan.capacity) : ordered_json(nullptr);
  j["vendor_capacity"] =
      plan.vendor_capacity ? ordered_json(*plan.vendor_capacity) : ordered_json(nullptr);

  ordered_json tasks = ordered_json::array();
  for (const PlanTask& t : plan.tasks) {
    const System& s = l.systems[t.system];
    ordered_json item;
    item["id"] = s.id;
    item["name"] = s.name;
    item["vendor"] = s.vendor;
    item["owner"] = s.owner;
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
    item["start_date"] = date(t.start_date);
    item["finish_date"] = date(t.finish_date);
    item["days_late"] = t.days_late;
    tasks.push_back(std::move(item));
  }
  j["tasks"] = std::move(tasks);

  ordered_json waves = ordered_json::array();
  for (const PlanWave& w : plan.waves)
    waves.push_back(
        {{"wave", w.wave}, {"systems", ids(w.systems)}, {"over_capacity", w.over_capacity}});
  j["waves"] = std::move(waves);

  ordered_json bundles = ordered_json::array();
  for (size_t i = 0; i < plan.bundles.size(); ++i) {
    const PlanBundle& b = plan.bundles[i];
    ordered_json via = ordered_json::array();
    for (const auto& e : b.cycle_via)
      via.push_back(e ? ordered_json(l.integrations[*e].id) : ordered_json("after"));
    bundles.push_back({{"bundle", i + 1},
                       {"systems", ids(b.systems)},
                       {"cycle", ids(b.cycle)},
                       {"via", std::move(via)}});
  }
  j["bundles"] = std::move(bundles);

  ordered_json paths = ordered_json::array();
  for (const auto& path : plan.critical_paths) paths.push_back(ids(path));
  j["critical_paths"] = std::move(paths);
  j["critical_paths_cut"] = plan.critical_paths_cut;

  ordered_json late = ordered_json::array();
  for (SystemIndex s : plan.late) {
    const PlanTask& t = *plan.Find(s);
    late.push_back({{"id", l.systems[s].id},
                    {"finish_date", date(t.finish_date)},
                    {"days_late", t.days_late}});
  }
  j["late"] = std::move(late);
  return j;
}

}  // namespace landskap
