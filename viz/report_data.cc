// The data the workshop page carries: the landscape (systems and integrations, with their
// connections as indices so the page's JavaScript walks them like the engine does), the
// engine's answers for a key change and the plan in the same JSON shapes as `--format json`
// (by id), and the escaping that lets it sit inside a script element.
#include <nlohmann/json.hpp>

#include "engine/model/municipality.h"
#include "engine/model/text.h"
#include "engine/results/result_json.h"
#include "viz/reform_words.h"
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
  ordered_json j = {{"id", s.id},
                    {"name", s.name},
                    {"kind", KindName(s.kind)},
                    {"owner", s.owner},
                    {"vendor", s.vendor},
                    {"product", s.product},
                    {"domain", s.domain},
                    {"criticality", CriticalityName(s.criticality)},
                    {"keys", KeyIds(landscape, s.keys)}};
  // "Fjell" for owner 1246, so the page can show and search municipality names.
  if (auto name = MunicipalityName(s.owner)) j["owner_name"] = *name;
  return j;
}

ordered_json IntegrationJson(const Landscape& landscape, const Integration& i) {
  return {{"id", i.id},
          {"from", i.from},
          {"to", i.to},
          {"carries", KeyIds(landscape, i.carries)},
          {"protocol", i.protocol},
          {"criticality", CriticalityName(i.criticality)}};
}

}  // namespace

std::string ReportDataJson(const Graph& graph, const ReportOptions& options) {
  const Landscape& landscape = graph.landscape();
  ordered_json j;
  j["format"] = "landskap-report/1";
  j["title"] = options.title;
  j["name"] = landscape.name;
  j["file"] = options.source_file;
  // The page's own words: the language and the catalogue's translations (msgid → msgstr,
  // without the plural forms, which the page does not use); empty for English.
  j["lang"] = LanguageCode(options.language);
  ordered_json messages = ordered_json::object();
  for (const auto& [english, translated] : Catalogue(options.language))
    if (english.find('\0') == std::string::npos && !translated.empty())
      messages[english] = translated;
  j["messages"] = std::move(messages);
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
  // The overview's groups in the order of its SVG's "g<N>", with their systems by index, and
  // whether the page opens on it (kOverviewFirstAbove).
  Overview overview =
      CollapseLandscape(graph, ReportOverviewBy(options.cluster), {}, nullptr, options.language);
  ordered_json groups = ordered_json::array();
  for (const OverviewGroup& g : overview.groups)
    groups.push_back({{"key", g.key}, {"label", g.label}, {"systems", g.systems}});
  j["overview"] = {
      {"by", CollapseName(overview.by)},
      {"groups", std::move(groups)},
      {"first", landscape.systems.size() > kOverviewFirstAbove && overview.groups.size() >= 2}};
  // The same shapes as `landskap impact|plan --format json` (engine/results/result_json.h), with
  // the page's own heading and errors beside the plan.
  j["impact"] = options.impact ? ImpactJson(landscape, *options.impact, options.source_file)
                               : ordered_json(nullptr);
  // The Scope line in the page's language, written where every other Scope line is
  // (viz/reform_words.h), so that the page names the reform as the terminal does.
  if (options.impact) {
    std::optional<std::string> key;
    if (options.impact->query.key) key = landscape.keys[*options.impact->query.key].id;
    j["impact_scope_text"] = ScopeText(options.impact->scope, key, options.language);
  }
  if (options.plan) {
    j["plan"] = PlanJson(landscape, *options.plan, options.source_file);
    j["plan"]["tasks_phrase"] = options.plan_tasks;
    j["plan"]["errors"] = ordered_json::array();
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
