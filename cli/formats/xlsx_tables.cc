// The sheets of --format xlsx. Sheet names, headers and the words in the cells of impact and
// plan are in --lang (bokmål by default, English with --lang en, through po/nb.po): a
// coordinator hands the workbook on, and "kritisk" reads as the sheet does. stats' are
// Norwegian. Ids, names and owners are as the file has them.
#include "cli/formats/xlsx_tables.h"

#include <map>

#include "cli/formats/xlsx_writer.h"
#include "engine/model/municipality.h"
#include "viz/i18n.h"

namespace landskap::cli {

std::vector<std::string> Words(viz::Language lang, std::initializer_list<const char*> english);

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

// Criticality and reason in words of the sheet's language (the JSON and CSV keep the codes).
std::string CriticalityWord(Criticality c, viz::Language lang) {
  std::string_view name = CriticalityName(c);
  return name.empty() ? "" : viz::Tr(lang, std::string(name).c_str());
}
std::string ReasonWord(Reason r, viz::Language lang) {
  switch (r) {
    case Reason::kSource:
      return viz::Tr(lang, "the system that changes");
    case Reason::kHoldsKey:
      return viz::Tr(lang, "holds the key");
    case Reason::kReceivesKey:
      return viz::Tr(lang, "receives the key");
    case Reason::kDependsOn:
      return viz::Tr(lang, "depends on an affected system");
    case Reason::kProvider:
      return viz::Tr(lang, "provides data to an affected system");
  }
  return std::string(ReasonName(r));
}

// "owner 1246 Fjell", "vendor Visma", "all work (--capacity)", in the sheet's language.
std::string ResourceWords(const PlanResource& r, viz::Language lang) {
  switch (r.of) {
    case PlanResource::Of::kVendor:
      return viz::Fill(viz::Tr(lang, "vendor {name}"), {{"name", r.name}});
    case PlanResource::Of::kOwner:
      return viz::Fill(viz::Tr(lang, "owner {name}"), {{"name", OwnerLabel(r.name)}});
    case PlanResource::Of::kAll:
      break;
  }
  return viz::Tr(lang, "all work (--capacity)");
}

// A day offset of the plan as a date, or as "day N" (counted from 1) without a calendar;
// `last`: the offset is the first day after the work, and the cell shows the last day of it.
XlsxValue PlanDay(const Plan& plan, int offset, int first, bool last) {
  if (last) offset = std::max(first, offset - 1);
  if (plan.start) return XlsxDate{plan.calendar.Date(*plan.start, offset)};
  return Number(offset + 1);
}

// The first sheet: what a reader of the workbook asks first. Rows of what, value, and the
// number of systems where one belongs.
XlsxSheet PlanSummary(const Landscape& l, const Plan& plan, viz::Language lang) {
  using viz::Tr;
  XlsxSheet sheet{Tr(lang, "Summary"), Words(lang, {"What", "Value", "Systems"}), {}};
  auto row = [&](const char* what, XlsxValue value, XlsxValue systems = {}) {
    sheet.rows.push_back({Text(Tr(lang, what)), std::move(value), std::move(systems)});
  };
  auto count = [](size_t n) { return Number(static_cast<double>(n)); };
  const std::string yes = Tr(lang, "yes"), no = Tr(lang, "no");
  row("Start", Date(plan.start));
  row("Finish without capacity limits", Date(plan.unconstrained_finish_date));
  row(plan.workdays ? "Working days without capacity limits" : "Days without capacity limits",
      Number(plan.unconstrained_duration_days));
  row("Finish with capacity limits", Date(plan.finish_date));
  row(plan.workdays ? "Working days with capacity limits" : "Days with capacity limits",
      Number(plan.duration_days));
  if (plan.deadline) {
    row("Deadline", Date(plan.deadline));
    row("Deadline met", Text(plan.late.empty() ? yes : no));
    row("Systems finishing after the deadline", count(plan.late.size()), count(plan.late.size()));
    int late = plan.late.empty() ? 0 : plan.Find(plan.late.front())->days_late;
    row(plan.workdays ? "Late by (working days)" : "Late by (days)", Number(late));
  }
  if (plan.bottleneck) {
    const PlanResource& r = plan.resources[*plan.bottleneck];
    row("Bottleneck", Text(ResourceWords(r, lang)), count(r.waiting));
    row(plan.workdays ? "Working days waited for the bottleneck" : "Days waited for the bottleneck",
        Number(r.wait_days));
  } else {
    row("Bottleneck",
        Text(Tr(lang, plan.resources.empty() ? "no capacity limits" : "none: no system waited")));
  }
  size_t external = 0, moved = 0;
  for (const PlanTask& t : plan.tasks) {
    external += t.external ? 1 : 0;
    moved += t.fixed_moved ? 1 : 0;
  }
  row("Our systems", count(plan.tasks.size() - external));
  row("External dependencies", count(external));
  row("Fixed dates moved by capacity", count(moved));
  // Effort by owner, then by vendor: most days first, then name (as in the plan's tables).
  for (bool by_vendor : {false, true}) {
    std::map<std::string, std::pair<int, size_t>> sums;  // name -> days, systems
    for (const PlanTask& t : plan.tasks) {
      const System& s = l.systems[t.system];
      auto& sum = sums[by_vendor ? s.vendor : s.owner];
      sum.first += t.effort;
      ++sum.second;
    }
    std::vector<std::pair<std::string, std::pair<int, size_t>>> rows(sums.begin(), sums.end());
    std::stable_sort(rows.begin(), rows.end(),
                     [](const auto& a, const auto& b) { return a.second.first > b.second.first; });
    for (const auto& [name, sum] : rows) {
      std::string what =
          name.empty() ? Tr(lang, by_vendor ? "Effort of systems without a vendor (days of work)"
                                            : "Effort of systems without an owner (days of work)")
                       : viz::Fill(Tr(lang, by_vendor ? "Effort of vendor {name} (days of work)"
                                                      : "Effort of owner {name} (days of work)"),
                                   {{"name", by_vendor ? name : OwnerLabel(name)}});
      sheet.rows.push_back({Text(what), Number(sum.first), count(sum.second)});
    }
  }
  return sheet;
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
                            Text(CriticalityWord(s.criticality, lang)), Number(a.distance),
                            Text(ReasonWord(a.reason, lang)), Text(path), Text(via)});
  }
  XlsxSheet integrations{viz::Tr(lang, "Integrations"),
                         Words(lang, {"ID", "From", "To", "Carries", "Protocol", "Criticality"}),
                         {}};
  for (IntegrationIndex i : r.integrations) {
    const Integration& in = l.integrations[i];
    integrations.rows.push_back({Text(in.id), Text(l.systems[in.from].id),
                                 Text(l.systems[in.to].id), Text(KeyList(l, in.carries)),
                                 Text(in.protocol), Text(CriticalityWord(in.criticality, lang))});
  }
  return TablesToXlsx({systems, integrations}, error, note);
}

std::optional<std::string> FormatPlanXlsx(const Landscape& l, const Plan& plan, viz::Language lang,
                                          std::string* error, std::string* note) {
  const std::string yes = viz::Tr(lang, "yes"), no = viz::Tr(lang, "no");
  XlsxSheet tasks{viz::Tr(lang, "Plan"),
                  Words(lang, {"ID",
                               "Name",
                               "Vendor",
                               "Owner",
                               "Work",
                               "Wave",
                               "Bundle",
                               "Duration (days)",
                               "Estimated",
                               "Earliest start",
                               "Earliest finish",
                               "Latest start",
                               "Latest finish",
                               "Slack",
                               "Critical",
                               "Start date",
                               "Finish date",
                               "Days late",
                               "Waited for",
                               "Days waited",
                               "Fixed date",
                               "Fixed date moved by capacity",
                               "Moved by"}),
                  {}};
  for (const PlanTask& t : plan.tasks) {
    const System& s = l.systems[t.system];
    const auto& fixed = s.cutover.fixed_date;
    std::string waited_for =
        t.wait > 0 && t.waiting_for >= 0 ? ResourceWords(plan.resources[t.waiting_for], lang) : "";
    std::string moved_by;
    if (t.fixed_moved)
      moved_by = t.waiting_for >= 0 ? ResourceWords(plan.resources[t.waiting_for], lang)
                                    : viz::Tr(lang, "the capacity limits on what comes before it");
    tasks.rows.push_back({Text(s.id),
                          Text(s.name),
                          Text(s.vendor),
                          Text(s.owner),
                          Text(viz::Tr(lang, t.external ? "external" : "ours")),
                          Number(t.wave),
                          t.bundle >= 0 ? Number(t.bundle + 1) : XlsxValue{},
                          Number(t.duration),
                          Text(t.estimated ? yes : no),
                          PlanDay(plan, t.es, t.es, false),
                          PlanDay(plan, t.ef, t.es, true),
                          PlanDay(plan, t.ls, t.ls, false),
                          PlanDay(plan, t.lf, t.ls, true),
                          Number(t.slack),
                          Text(t.critical ? yes : no),
                          Date(t.start_date),
                          Date(t.finish_date),
                          Number(t.days_late),
                          Text(waited_for),
                          Number(t.wait),
                          Date(fixed),
                          fixed ? Text(t.fixed_moved ? yes : no) : XlsxValue{},
                          Text(moved_by)});
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
  return TablesToXlsx({PlanSummary(l, plan, lang), tasks, waves, bundles}, error, note);
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
