// The sheets of --format xlsx. Sheet names and headers of impact and plan are in --lang
// (bokmål by default, English with --lang en, through po/nb.po); stats' are Norwegian. Values
// are the data as the file has them (ids, criticality and reason words as in the JSON and CSV).
#include "cli/formats/xlsx_tables.h"

#include "cli/formats/xlsx_writer.h"
#include "viz/i18n.h"

namespace landskap::cli {
namespace {

XlsxValue Text(std::string_view s) {
  if (s.empty()) return std::monostate{};
  return std::string(s);
}
XlsxValue Number(double n) { return n; }
XlsxValue Date(const std::optional<DayNumber>& d) {
  if (!d) return std::monostate{};
  return XlsxDate{*d};
}

std::string KeyList(const Landscape& l, const std::vector<KeyIndex>& keys) {
  std::string out;
  for (KeyIndex k : keys) out += (out.empty() ? "" : ", ") + l.keys[k].id;
  return out;
}

}  // namespace

// Each text in `lang`: the catalogue's translation, English the msgid.
std::vector<std::string> Words(viz::Language lang, std::initializer_list<const char*> english) {
  std::vector<std::string> out;
  for (const char* e : english) out.push_back(viz::Tr(lang, e));
  return out;
}

std::optional<std::string> FormatImpactXlsx(const Landscape& l, const ImpactResult& r,
                                            viz::Language lang, std::string* error,
                                            std::string* note) {
  XlsxSheet systems{
      viz::Tr(lang, "Affected systems"),
      Words(lang, {"ID", "Name", "Owner", "Criticality", "Distance", "Reason", "Path", "Via"}),
      {}};
  for (const AffectedSystem& a : r.affected) {
    const System& s = l.systems[a.system];
    std::string path, via;
    for (SystemIndex p : a.path) path += (path.empty() ? "" : " > ") + l.systems[p].id;
    for (IntegrationIndex e : a.via) via += (via.empty() ? "" : " > ") + l.integrations[e].id;
    systems.rows.push_back({Text(s.id), Text(s.name), Text(s.owner),
                            Text(CriticalityName(s.criticality)), Number(a.distance),
                            Text(ReasonName(a.reason)), Text(path), Text(via)});
  }
  XlsxSheet integrations{viz::Tr(lang, "Integrations"),
                         Words(lang, {"ID", "From", "To", "Carries", "Protocol", "Criticality"}),
                         {}};
  for (IntegrationIndex i : r.integrations) {
    const Integration& in = l.integrations[i];
    integrations.rows.push_back({Text(in.id), Text(l.systems[in.from].id),
                                 Text(l.systems[in.to].id), Text(KeyList(l, in.carries)),
                                 Text(in.protocol), Text(CriticalityName(in.criticality))});
  }
  return TablesToXlsx({systems, integrations}, error, note);
}

std::optional<std::string> FormatPlanXlsx(const Landscape& l, const Plan& plan, viz::Language lang,
                                          std::string* error, std::string* note) {
  const std::string yes = viz::Tr(lang, "yes"), no = viz::Tr(lang, "no");
  XlsxSheet tasks{
      viz::Tr(lang, "Plan"),
      Words(lang, {"ID", "Name", "Vendor", "Owner", "Wave", "Bundle", "Duration (days)",
                   "Estimated", "Earliest start", "Earliest finish", "Latest start",
                   "Latest finish", "Slack", "Critical", "Start date", "Finish date", "Days late"}),
      {}};
  for (const PlanTask& t : plan.tasks) {
    const System& s = l.systems[t.system];
    tasks.rows.push_back({Text(s.id), Text(s.name), Text(s.vendor), Text(s.owner), Number(t.wave),
                          t.bundle >= 0 ? Number(t.bundle + 1) : XlsxValue{}, Number(t.duration),
                          Text(t.estimated ? yes : no), Number(t.es), Number(t.ef), Number(t.ls),
                          Number(t.lf), Number(t.slack), Text(t.critical ? yes : no),
                          Date(t.start_date), Date(t.finish_date), Number(t.days_late)});
  }
  XlsxSheet waves{
      viz::Tr(lang, "Waves"), Words(lang, {"Wave", "Number of systems", "Systems"}), {}};
  for (const PlanWave& w : plan.waves) {
    std::string ids;
    for (SystemIndex s : w.systems) ids += (ids.empty() ? "" : ", ") + l.systems[s].id;
    waves.rows.push_back({Number(w.wave), Number(static_cast<double>(w.task_count)), Text(ids)});
  }
  XlsxSheet bundles{viz::Tr(lang, "Bundles"), Words(lang, {"Bundle", "Systems", "Cycle"}), {}};
  for (size_t b = 0; b < plan.bundles.size(); ++b) {
    std::string ids, cycle;
    for (SystemIndex s : plan.bundles[b].systems)
      ids += (ids.empty() ? "" : ", ") + l.systems[s].id;
    for (SystemIndex s : plan.bundles[b].cycle)
      cycle += (cycle.empty() ? "" : " > ") + l.systems[s].id;
    bundles.rows.push_back({Number(static_cast<double>(b + 1)), Text(ids), Text(cycle)});
  }
  return TablesToXlsx({tasks, waves, bundles}, error, note);
}

std::optional<std::string> FormatStatsXlsx(const Landscape& l, const LandscapeStats& stats,
                                           std::string* error, std::string* note) {
  XlsxSheet summary{"Oversikt", {"Hva", "Antall"}, {}};
  summary.rows = {
      {Text("Systemer"), Number(static_cast<double>(stats.systems))},
      {Text("Integrasjoner"), Number(static_cast<double>(stats.integrations))},
      {Text("Nummerendringer"), Number(static_cast<double>(stats.changes))},
      {Text("Systemer uten integrasjoner"), Number(static_cast<double>(stats.isolated))}};
  auto counts = [](const char* name, const char* header, const std::map<std::string, size_t>& by) {
    XlsxSheet sheet{name, {header, "Systemer"}, {}};
    for (const auto& [what, n] : by)
      sheet.rows.push_back({Text(what), Number(static_cast<double>(n))});
    return sheet;
  };
  XlsxSheet keys{"Nøkler", {"Nøkkel", "Systemer som har den", "Integrasjoner som bærer den"}, {}};
  for (const KeyUse& k : stats.keys)
    keys.rows.push_back({Text(k.key), Number(static_cast<double>(k.holders)),
                         Number(static_cast<double>(k.carriers))});
  auto degrees = [&](const char* name, const char* header, const std::vector<DegreeEntry>& list) {
    XlsxSheet sheet{name, {"ID", "Navn", header}, {}};
    for (const DegreeEntry& e : list)
      sheet.rows.push_back({Text(l.systems[e.system].id), Text(l.systems[e.system].name),
                            Number(static_cast<double>(e.degree))});
    return sheet;
  };
  return TablesToXlsx(
      {summary, counts("Type", "Type", stats.by_kind), counts("Eier", "Eier", stats.by_owner),
       counts("Domene", "Domene", stats.by_domain), keys,
       degrees("Gir mest data", "Utgående integrasjoner", stats.top_fan_out),
       degrees("Får mest data", "Inngående integrasjoner", stats.top_fan_in)},
      error, note);
}

}  // namespace landskap::cli
