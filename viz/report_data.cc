// The data the workshop page carries: the landscape (systems and integrations, with their
// connections as indices so the page's JavaScript walks them like the engine does), the
// engine's answer for a key change, and the escaping that lets it sit inside a script element.
#include <nlohmann/json.hpp>

#include "engine/text.h"
#include "viz/report.h"

namespace landskap::viz {
namespace {

using ordered_json = nlohmann::ordered_json;

ordered_json KeyIds(const Landscape& landscape, const std::vector<KeyIndex>& keys) {
  ordered_json ids = ordered_json::array();
  for (KeyIndex k : keys) ids.push_back(landscape.keys[k].id);
  return ids;
}

ordered_json SystemJson(const Landscape& landscape, const System& s) {
  return {{"id", s.id},
          {"name", s.name},
          {"kind", KindName(s.kind)},
          {"owner", s.owner},
          {"vendor", s.vendor},
          {"product", s.product},
          {"domain", s.domain},
          {"criticality", CriticalityName(s.criticality)},
          {"keys", KeyIds(landscape, s.keys)}};
}

ordered_json IntegrationJson(const Landscape& landscape, const Integration& i) {
  return {{"id", i.id},
          {"from", i.from},
          {"to", i.to},
          {"carries", KeyIds(landscape, i.carries)},
          {"protocol", i.protocol},
          {"criticality", CriticalityName(i.criticality)}};
}

ordered_json ImpactJson(const Landscape& landscape, const ImpactResult& r) {
  ordered_json j;
  j["key"] = r.query.key ? ordered_json(landscape.keys[*r.query.key].id) : ordered_json(nullptr);
  j["through_all"] = r.query.through_all;
  j["scope"] = {{"scoped", r.scope.scoped()}, {"changing", r.scope.changing()}};
  j["seeds"] = r.seed_count;
  ordered_json affected = ordered_json::array();
  for (const AffectedSystem& a : r.affected) {
    affected.push_back({{"system", a.system},
                        {"distance", a.distance},
                        {"reason", ReasonName(a.reason)},
                        {"path", a.path},
                        {"via", a.via}});
  }
  j["affected"] = std::move(affected);
  j["integrations"] = r.integrations;
  return j;
}

ordered_json Date(const std::optional<DayNumber>& day) {
  return day ? ordered_json(FormatDate(*day)) : ordered_json(nullptr);
}

ordered_json PlanJson(const Plan& plan, const std::string& tasks_phrase) {
  ordered_json j;
  j["tasks_phrase"] = tasks_phrase;
  j["duration_days"] = plan.duration_days;
  j["workdays"] = plan.workdays;
  j["start"] = Date(plan.start);
  j["finish_date"] = Date(plan.finish_date);
  j["deadline"] = Date(plan.deadline);
  ordered_json tasks = ordered_json::array();
  for (const PlanTask& t : plan.tasks) {
    tasks.push_back({{"system", t.system},
                     {"bundle", t.bundle},
                     {"wave", t.wave},
                     {"duration", t.duration},
                     {"estimated", t.estimated},
                     {"es", t.es},
                     {"ef", t.ef},
                     {"ls", t.ls},
                     {"lf", t.lf},
                     {"slack", t.slack},
                     {"critical", t.critical},
                     {"start_date", Date(t.start_date)},
                     {"finish_date", Date(t.finish_date)},
                     {"days_late", t.days_late}});
  }
  j["tasks"] = std::move(tasks);
  ordered_json waves = ordered_json::array();
  for (const PlanWave& w : plan.waves)
    waves.push_back({{"wave", w.wave}, {"systems", w.systems}, {"over_capacity", w.over_capacity}});
  j["waves"] = std::move(waves);
  ordered_json bundles = ordered_json::array();
  for (const PlanBundle& b : plan.bundles)
    bundles.push_back({{"systems", b.systems}, {"cycle", b.cycle}});
  j["bundles"] = std::move(bundles);
  j["critical_paths"] = plan.critical_paths;
  j["critical_paths_cut"] = plan.critical_paths_cut;
  j["late"] = plan.late;
  j["errors"] = ordered_json::array();
  return j;
}

}  // namespace

std::string ReportDataJson(const Graph& graph, const ReportOptions& options) {
  const Landscape& landscape = graph.landscape();
  ordered_json j;
  j["format"] = "landskap-report/1";
  j["title"] = options.title;
  j["name"] = landscape.name;
  j["file"] = options.source_file;
  ordered_json keys = ordered_json::array();
  for (const KeyDefinition& k : landscape.keys)
    keys.push_back({{"id", k.id}, {"description", k.description}});
  j["keys"] = std::move(keys);
  ordered_json systems = ordered_json::array();
  for (const System& s : landscape.systems) systems.push_back(SystemJson(landscape, s));
  j["systems"] = std::move(systems);
  ordered_json integrations = ordered_json::array();
  for (const Integration& i : landscape.integrations)
    integrations.push_back(IntegrationJson(landscape, i));
  j["integrations"] = std::move(integrations);
  j["impact"] = options.impact ? ImpactJson(landscape, *options.impact) : ordered_json(nullptr);
  if (options.plan) {
    j["plan"] = PlanJson(*options.plan, options.plan_tasks);
  } else if (!options.plan_errors.empty()) {
    j["plan"] = {{"tasks_phrase", options.plan_tasks}, {"errors", options.plan_errors}};
  } else {
    j["plan"] = nullptr;
  }
  // The loader accepts only valid UTF-8; replacing (not throwing) keeps a hand-built landscape
  // from ending the program.
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string EscapeJsonForScript(std::string_view json) {
  // DEL, C1 controls, the line/paragraph separators and U+FFFE/U+FFFF as \uXXXX first: the
  // HTML parser reports them as errors in a page, and the separators end a line in old JS.
  std::string controls_escaped = EscapeJsonControls(json);
  std::string out;
  out.reserve(controls_escaped.size() + controls_escaped.size() / 16);
  for (char c : controls_escaped) {
    // In JSON these characters occur only inside strings, where \uXXXX means the same.
    if (c == '<') {
      out += "\\u003c";
    } else if (c == '>') {
      out += "\\u003e";
    } else if (c == '&') {
      out += "\\u0026";
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace landskap::viz
