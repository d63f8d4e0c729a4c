// The sheets of --format xlsx. Headers are Norwegian (the users' language in Excel); values are
// the data as the file has them (ids, criticality and reason words as in the JSON and CSV).
#include "cli/format_xlsx.h"

#include "cli/xlsx.h"

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

std::optional<std::string> FormatImpactXlsx(const Landscape& l, const ImpactResult& r,
                                            std::string* error) {
  XlsxSheet systems{"Berørte systemer",
                    {"ID", "Navn", "Eier", "Kritikalitet", "Avstand", "Årsak", "Sti", "Via"},
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
  XlsxSheet integrations{
      "Integrasjoner", {"ID", "Fra", "Til", "Bærer", "Protokoll", "Kritikalitet"}, {}};
  for (IntegrationIndex i : r.integrations) {
    const Integration& in = l.integrations[i];
    integrations.rows.push_back({Text(in.id), Text(l.systems[in.from].id),
                                 Text(l.systems[in.to].id), Text(KeyList(l, in.carries)),
                                 Text(in.protocol), Text(CriticalityName(in.criticality))});
  }
  return TablesToXlsx({systems, integrations}, error);
}

std::optional<std::string> FormatPlanXlsx(const Landscape& l, const Plan& plan,
                                          std::string* error) {
  XlsxSheet tasks{
      "Plan",
      {"ID", "Navn", "Leverandør", "Eier", "Bølge", "Pakke", "Varighet (dager)", "Anslått",
       "Tidligste start", "Tidligste slutt", "Seneste start", "Seneste slutt", "Slakk", "Kritisk",
       "Startdato", "Sluttdato", "Dager forsinket"},
      {}};
  for (const PlanTask& t : plan.tasks) {
    const System& s = l.systems[t.system];
    tasks.rows.push_back({Text(s.id), Text(s.name), Text(s.vendor), Text(s.owner), Number(t.wave),
                          t.bundle >= 0 ? Number(t.bundle + 1) : XlsxValue{}, Number(t.duration),
                          Text(t.estimated ? "ja" : "nei"), Number(t.es), Number(t.ef),
                          Number(t.ls), Number(t.lf), Number(t.slack),
                          Text(t.critical ? "ja" : "nei"), Date(t.start_date), Date(t.finish_date),
                          Number(t.days_late)});
  }
  XlsxSheet waves{"Bølger", {"Bølge", "Antall systemer", "Systemer"}, {}};
  for (const PlanWave& w : plan.waves) {
    std::string ids;
    for (SystemIndex s : w.systems) ids += (ids.empty() ? "" : ", ") + l.systems[s].id;
    waves.rows.push_back({Number(w.wave), Number(static_cast<double>(w.task_count)), Text(ids)});
  }
  XlsxSheet bundles{"Pakker", {"Pakke", "Systemer", "Syklus"}, {}};
  for (size_t b = 0; b < plan.bundles.size(); ++b) {
    std::string ids, cycle;
    for (SystemIndex s : plan.bundles[b].systems)
      ids += (ids.empty() ? "" : ", ") + l.systems[s].id;
    for (SystemIndex s : plan.bundles[b].cycle)
      cycle += (cycle.empty() ? "" : " > ") + l.systems[s].id;
    bundles.rows.push_back({Number(static_cast<double>(b + 1)), Text(ids), Text(cycle)});
  }
  return TablesToXlsx({tasks, waves, bundles}, error);
}

std::optional<std::string> FormatStatsXlsx(const Landscape& l, const LandscapeStats& stats,
                                           std::string* error) {
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
      error);
}

}  // namespace landskap::cli
