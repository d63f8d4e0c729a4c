// Formatting weak points. The table is read in a meeting: each section says in one sentence what
// its measure means and shows the top of its ranking. JSON and CSV carry the same rankings with
// the raw numbers (docs/hotspots.md documents every field).
#include "cli/formats/hotspots.h"

#include <cstdio>
#include <nlohmann/json.hpp>

#include "engine/model/text.h"

namespace landskap::cli {
namespace {

using ordered_json = nlohmann::ordered_json;

size_t Shown(size_t total, const HotspotsView& view) {
  return view.top == 0 ? total : std::min(total, view.top);
}

std::string MoreNote(size_t shown, size_t total) {
  if (shown >= total) return "";
  return "(top " + std::to_string(shown) + " of " + std::to_string(total) +
         "; --top 0 shows all)\n";
}

std::string Fixed(double value, int decimals) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
  return buffer;
}

// The score as a share of the routes between all ordered pairs of other systems.
double Share(double score, size_t n) {
  if (n < 3) return 0.0;
  return score / (static_cast<double>(n - 1) * static_cast<double>(n - 2));
}

const std::string& Id(const Landscape& landscape, SystemIndex s) { return landscape.systems[s].id; }

std::string Chain(const Landscape& landscape, const std::vector<SystemIndex>& systems) {
  std::string out;
  for (SystemIndex s : systems) out += (out.empty() ? "" : " → ") + Id(landscape, s);
  return out;
}

// The systems of the dominator section: one with --from, else the ranked routes.
std::vector<SystemIndex> RouteSystems(const HotspotsResult& r, const HotspotsView& view) {
  if (view.from) {
    if (r.dominators->Reaches(*view.from)) return {*view.from};
    return {};
  }
  return r.routes;
}

std::string BetweennessMethod(const HotspotsResult& r, size_t n) {
  const BetweennessResult& b = r.betweenness;
  if (b.exact)
    return "Exact: shortest routes from every one of the " + std::to_string(n) + " systems.\n";
  return "Sampled: shortest routes from " + std::to_string(b.sources) + " of " + std::to_string(n) +
         " systems chosen at random (seed " + std::to_string(b.seed) + "), scaled by " +
         std::to_string(n) + "/" + std::to_string(b.sources) +
         ".\nAn estimate: the order at the top holds well, the scores themselves only roughly.\n";
}

std::string DominatorTable(const Landscape& landscape, const HotspotsResult& r,
                           const HotspotsView& view) {
  const DominatorResult& d = *r.dominators;
  const std::string& target = Id(landscape, d.target);
  std::string out = "\nEvery route to " + target + " passes through (dominators): " +
                    Count(d.reaching, "system has", "systems have") + " a route to " + target +
                    " along the data flow.\n";
  if (view.from) {
    const std::string& from = Id(landscape, *view.from);
    if (!d.Reaches(*view.from)) return out + from + " has no route to " + target + ".\n";
    std::vector<SystemIndex> through = d.Through(*view.from);
    if (through.empty())
      return out + "No single system lies on every route from " + from + " to " + target + ".\n";
    return out + "Every route from " + from + " to " + target + " goes through " +
           Chain(landscape, through) + ".\n";
  }
  out += "Systems that others depend on to reach " + target +
         ": 'dependents' counts the systems whose\nevery route to " + target +
         " passes through it.\n";
  TextTable ranking({"system", "name", "dependents"});
  ranking.AlignRight(2);
  const size_t shown = Shown(r.by_dependents.size(), view);
  for (size_t i = 0; i < shown; ++i) {
    SystemIndex s = r.by_dependents[i];
    ranking.AddRow({Id(landscape, s), Shorten(landscape.systems[s].name, 32),
                    std::to_string(d.dependents[s])});
  }
  out +=
      ranking.RowCount() ? ranking.Render() + MoreNote(shown, r.by_dependents.size()) : "(none)\n";

  out += "\nSingle points of failure on the way to " + target +
         ": every route from the system to " + target + "\ngoes through these, nearest first.\n";
  TextTable routes({"system", "criticality", "every route goes through"});
  size_t total = 0, free = 0;
  for (SystemIndex s : r.routes) {
    std::vector<SystemIndex> through = d.Through(s);
    if (through.empty()) {
      ++free;
      continue;
    }
    ++total;
    if (view.top != 0 && routes.RowCount() >= view.top) continue;
    std::string criticality(CriticalityName(landscape.systems[s].criticality));
    routes.AddRow({Id(landscape, s), criticality.empty() ? "-" : criticality,
                   Shorten(Chain(landscape, through), 80)});
  }
  out += routes.RowCount() ? routes.Render() + MoreNote(routes.RowCount(), total) : "(none)\n";
  out += Count(free, "other system reaches ", "other systems reach ") + target +
         " with no single system on every route.\n";
  return out;
}

std::string OutageSentence(const Landscape& landscape, const OutageReach& o) {
  const System& s = landscape.systems[o.system];
  std::string who = s.id + (s.name.empty() ? "" : " (" + Shorten(s.name, 40) + ")");
  return "If " + who + " fails, " + Count(o.reached, "system loses", "systems lose") + " data, " +
         std::to_string(o.critical) + " of them critical.";
}

std::string OutageMethod(const OutageResult& o) {
  if (o.exact)
    return "Exact: every system's downstream systems counted (" +
           Count(o.systems, "system", "systems") + ").\n";
  return "Estimated, then counted exactly: " + std::to_string(o.systems) +
         " systems are too many to count what each one breaks,\nso an estimate picked the " +
         Count(o.searched, "system", "systems") +
         " that break the most, and those were counted exactly.\nA system whose estimate fell "
         "below them may be missing from the list.\n";
}

std::string OutageTable(const Landscape& landscape, const HotspotsResult& r,
                        const HotspotsView& view) {
  const OutageResult& o = r.outage;
  std::string out =
      "\nWhat an outage breaks: the systems downstream of each system along the data flow lose\n"
      "data when it fails, directly or through others. 'lose data' counts them, 'critical' how\n"
      "many of them are critical, and 'weight' adds them up by criticality (critical 8, high 4,\n"
      "medium 2, low or unspecified 1); the ranking follows the weight.\n" +
      OutageMethod(o);
  if (o.ranking.empty()) return out + "(none: no system provides data to another)\n";
  out += OutageSentence(landscape, o.ranking.front()) + "\n";
  TextTable table({"system", "name", "owner", "lose data", "critical", "weight"});
  for (size_t c = 3; c < 6; ++c) table.AlignRight(c);
  const size_t shown = Shown(o.ranking.size(), view);
  for (size_t i = 0; i < shown; ++i) {
    const OutageReach& x = o.ranking[i];
    const System& s = landscape.systems[x.system];
    table.AddRow({s.id, Shorten(s.name, 32), Shorten(s.owner, 16), std::to_string(x.reached),
                  std::to_string(x.critical), std::to_string(x.weight)});
  }
  return out + table.Render() + MoreNote(shown, o.ranking.size());
}

}  // namespace

std::string FormatHotspotsTable(const Landscape& landscape, const HotspotsResult& r,
                                const HotspotsView& view) {
  const size_t n = landscape.systems.size();
  std::string out = "Weak points of " +
                    VisibleText(landscape.name.empty() ? view.file : landscape.name) + ": " +
                    Count(n, "system", "systems") + ", " +
                    Count(landscape.integrations.size(), "integration", "integrations") + ", " +
                    Count(r.cuts.components, "connected group", "connected groups") + ".\n";

  out += OutageTable(landscape, r, view);

  out +=
      "\nSingle points of failure: if one of these systems fails, the systems around it lose\n"
      "every integration between them (this view ignores the direction of the data; in graph\n"
      "theory: articulation points). 'cut off' counts the systems outside the largest remaining\n"
      "part; 'parts' how many pieces its group falls into.\n";
  TextTable points({"system", "name", "owner", "cut off", "parts"});
  points.AlignRight(3);
  points.AlignRight(4);
  const auto& aps = r.cuts.articulation_points;
  size_t shown = Shown(aps.size(), view);
  for (size_t i = 0; i < shown; ++i) {
    const System& s = landscape.systems[aps[i].system];
    points.AddRow({s.id, Shorten(s.name, 32), Shorten(s.owner, 16), std::to_string(aps[i].cut_off),
                   std::to_string(aps[i].pieces)});
  }
  out += points.RowCount() ? points.Render() + MoreNote(shown, aps.size())
                           : "(none: no single system holds the landscape together)\n";

  out +=
      "\nThe only link: integrations that are the only connection between two parts of the\n"
      "landscape (bridges); if one stops, the parts are cut apart. 'cut off' counts the systems\n"
      "on the smaller side.\n";
  TextTable bridges({"integration", "from", "to", "cut off"});
  bridges.AlignRight(3);
  shown = Shown(r.cuts.bridges.size(), view);
  for (size_t i = 0; i < shown; ++i) {
    const Integration& e = landscape.integrations[r.cuts.bridges[i].integration];
    bridges.AddRow({Shorten(e.id, 40), Id(landscape, e.from), Id(landscape, e.to),
                    std::to_string(r.cuts.bridges[i].cut_off)});
  }
  out +=
      bridges.RowCount() ? bridges.Render() + MoreNote(shown, r.cuts.bridges.size()) : "(none)\n";

  out +=
      "\nRoutes pass through: systems that many of the shortest routes between other systems pass\n"
      "through (brokers; betweenness). When they fail or change, much data that is not their own\n"
      "must find another way. 'routes through' adds up, over every pair of other systems, the\n"
      "share of their shortest routes through the system; 'share' divides it by the pairs.\n" +
      BetweennessMethod(r, n);
  TextTable brokers({"system", "name", "routes through", "share"});
  brokers.AlignRight(2);
  brokers.AlignRight(3);
  shown = Shown(n, view);
  const int decimals = r.betweenness.exact ? 1 : 0;  // an estimate has no meaningful fraction
  for (size_t i = 0; i < shown; ++i) {
    SystemIndex s = r.by_betweenness[i];
    double score = r.betweenness.score[s];
    if (score <= 0) break;
    brokers.AddRow({Id(landscape, s), Shorten(landscape.systems[s].name, 32),
                    Fixed(score, decimals), Fixed(100.0 * Share(score, n), 2) + " %"});
  }
  size_t positive = 0;
  for (double score : r.betweenness.score) positive += score > 0 ? 1 : 0;
  out += brokers.RowCount() ? brokers.Render() + MoreNote(brokers.RowCount(), positive)
                            : "(none: no system lies between two others)\n";

  out +=
      "\nMost integrations (fan-in/fan-out): integrations a system receives and provides, and the\n"
      "distinct systems behind them.\n";
  TextTable fan({"system", "name", "fan-in", "fan-out", "providers", "consumers"});
  for (size_t c = 2; c < 6; ++c) fan.AlignRight(c);
  shown = Shown(r.fan.size(), view);
  for (size_t i = 0; i < shown; ++i) {
    const Fan& f = r.fan[i];
    if (f.fan_in + f.fan_out == 0) break;
    fan.AddRow({Id(landscape, f.system), Shorten(landscape.systems[f.system].name, 32),
                std::to_string(f.fan_in), std::to_string(f.fan_out), std::to_string(f.providers),
                std::to_string(f.consumers)});
  }
  size_t connected = 0;
  for (const Fan& f : r.fan) connected += f.fan_in + f.fan_out > 0 ? 1 : 0;
  out += fan.RowCount() ? fan.Render() + MoreNote(fan.RowCount(), connected) : "(none)\n";

  if (r.dominators) out += DominatorTable(landscape, r, view);
  return out;
}

std::string FormatHotspotsJson(const Landscape& landscape, const HotspotsResult& r,
                               const HotspotsView& view) {
  const size_t n = landscape.systems.size();
  ordered_json j;
  ordered_json query;
  query["file"] = view.file;
  query["top"] = view.top;
  query["towards"] =
      r.dominators ? ordered_json(Id(landscape, r.dominators->target)) : ordered_json(nullptr);
  query["from"] = view.from ? ordered_json(Id(landscape, *view.from)) : ordered_json(nullptr);
  j["query"] = std::move(query);
  j["summary"] = {{"systems", n},
                  {"integrations", landscape.integrations.size()},
                  {"connected_groups", r.cuts.components},
                  {"articulation_points", r.cuts.articulation_points.size()},
                  {"bridges", r.cuts.bridges.size()}};

  ordered_json outage;
  outage["exact"] = r.outage.exact;
  outage["systems"] = n;
  outage["counted"] = r.outage.searched;
  outage["weights"] = {{"critical", CriticalityWeight(Criticality::kCritical)},
                       {"high", CriticalityWeight(Criticality::kHigh)},
                       {"medium", CriticalityWeight(Criticality::kMedium)},
                       {"low", CriticalityWeight(Criticality::kLow)},
                       {"unspecified", CriticalityWeight(Criticality::kUnspecified)}};
  ordered_json breaks = ordered_json::array();
  for (size_t i = 0; i < Shown(r.outage.ranking.size(), view); ++i) {
    const OutageReach& x = r.outage.ranking[i];
    breaks.push_back({{"id", Id(landscape, x.system)},
                      {"name", landscape.systems[x.system].name},
                      {"lose_data", x.reached},
                      {"critical", x.critical},
                      {"weight", x.weight}});
  }
  outage["ranking"] = std::move(breaks);
  j["outage"] = std::move(outage);

  ordered_json points = ordered_json::array();
  const auto& aps = r.cuts.articulation_points;
  for (size_t i = 0; i < Shown(aps.size(), view); ++i) {
    const System& s = landscape.systems[aps[i].system];
    points.push_back(
        {{"id", s.id}, {"name", s.name}, {"cut_off", aps[i].cut_off}, {"parts", aps[i].pieces}});
  }
  j["articulation_points"] = std::move(points);

  ordered_json bridges = ordered_json::array();
  for (size_t i = 0; i < Shown(r.cuts.bridges.size(), view); ++i) {
    const Integration& e = landscape.integrations[r.cuts.bridges[i].integration];
    bridges.push_back({{"id", e.id},
                       {"from", Id(landscape, e.from)},
                       {"to", Id(landscape, e.to)},
                       {"cut_off", r.cuts.bridges[i].cut_off}});
  }
  j["bridges"] = std::move(bridges);

  ordered_json betweenness;
  betweenness["exact"] = r.betweenness.exact;
  betweenness["samples"] = r.betweenness.sources;
  betweenness["seed"] =
      r.betweenness.exact ? ordered_json(nullptr) : ordered_json(r.betweenness.seed);
  betweenness["systems"] = n;
  ordered_json ranking = ordered_json::array();
  for (size_t i = 0; i < Shown(n, view); ++i) {
    SystemIndex s = r.by_betweenness[i];
    double score = r.betweenness.score[s];
    ranking.push_back({{"id", Id(landscape, s)}, {"score", score}, {"share", Share(score, n)}});
  }
  betweenness["ranking"] = std::move(ranking);
  j["betweenness"] = std::move(betweenness);

  ordered_json fan = ordered_json::array();
  for (size_t i = 0; i < Shown(r.fan.size(), view); ++i) {
    const Fan& f = r.fan[i];
    fan.push_back({{"id", Id(landscape, f.system)},
                   {"fan_in", f.fan_in},
                   {"fan_out", f.fan_out},
                   {"providers", f.providers},
                   {"consumers", f.consumers}});
  }
  j["fan"] = std::move(fan);

  if (r.dominators) {
    const DominatorResult& d = *r.dominators;
    ordered_json dominators;
    dominators["towards"] = Id(landscape, d.target);
    dominators["reaching"] = d.reaching;
    ordered_json ranking = ordered_json::array();
    for (size_t i = 0; i < Shown(r.by_dependents.size(), view); ++i) {
      SystemIndex s = r.by_dependents[i];
      ranking.push_back({{"id", Id(landscape, s)}, {"dependents", d.dependents[s]}});
    }
    dominators["ranking"] = std::move(ranking);
    if (view.from) {
      dominators["from"] = Id(landscape, *view.from);
      dominators["reaches"] = d.Reaches(*view.from);
    }
    ordered_json routes = ordered_json::array();
    std::vector<SystemIndex> systems = RouteSystems(r, view);
    for (size_t i = 0; i < Shown(systems.size(), view); ++i) {
      SystemIndex s = systems[i];
      ordered_json through = ordered_json::array();
      for (SystemIndex t : d.Through(s)) through.push_back(Id(landscape, t));
      routes.push_back(
          {{"id", Id(landscape, s)}, {"next", Id(landscape, d.next[s])}, {"through", through}});
    }
    dominators["routes"] = std::move(routes);
    j["dominators"] = std::move(dominators);
  }
  // Exact strings, but DEL and C1 controls escaped too: this may be printed to a terminal.
  return EscapeJsonControls(j.dump(2)) + "\n";
}

std::string FormatHotspotsCsv(const Landscape& landscape, const HotspotsResult& r,
                              const HotspotsView& view) {
  const size_t n = landscape.systems.size();
  std::vector<size_t> cut_off(n, 0), bridges(n, 0);
  std::vector<bool> articulation(n, false);
  for (const ArticulationPoint& a : r.cuts.articulation_points) {
    articulation[a.system] = true;
    cut_off[a.system] = a.cut_off;
  }
  for (const Bridge& b : r.cuts.bridges) {
    ++bridges[landscape.integrations[b.integration].from];
    ++bridges[landscape.integrations[b.integration].to];
  }
  std::vector<const Fan*> fan(n, nullptr);
  for (const Fan& f : r.fan) fan[f.system] = &f;
  std::vector<const OutageReach*> outage(n, nullptr);
  for (const OutageReach& o : r.outage.ranking) outage[o.system] = &o;
  // A system missing from the ranking breaks nothing, unless the reach was only estimated.
  const std::string nothing = r.outage.exact ? "0" : "";

  std::vector<std::string> header = {"id",      "name",      "owner",    "betweenness",
                                     "share",   "cut_off",   "bridges",  "fan_in",
                                     "fan_out", "providers", "consumers"};
  if (r.dominators) {
    const std::string& target = Id(landscape, r.dominators->target);
    header.push_back("dependents_towards_" + target);
    header.push_back("route_to_" + target + "_through");
  }
  // Added after the columns that were there before, so that positions stay.
  for (const char* column : {"outage_lose_data", "outage_critical", "outage_weight"})
    header.push_back(column);
  std::string out = CsvRow(header);
  for (size_t i = 0; i < Shown(n, view); ++i) {
    SystemIndex s = r.by_betweenness[i];
    const System& system = landscape.systems[s];
    const Fan& f = *fan[s];
    double score = r.betweenness.score[s];
    std::vector<std::string> row = {system.id,
                                    system.name,
                                    system.owner,
                                    Fixed(score, 6),
                                    Fixed(Share(score, n), 8),
                                    articulation[s] ? std::to_string(cut_off[s]) : "",
                                    std::to_string(bridges[s]),
                                    std::to_string(f.fan_in),
                                    std::to_string(f.fan_out),
                                    std::to_string(f.providers),
                                    std::to_string(f.consumers)};
    if (r.dominators) {
      const DominatorResult& d = *r.dominators;
      row.push_back(d.Reaches(s) || s == d.target ? std::to_string(d.dependents[s]) : "");
      std::string through;
      for (SystemIndex t : d.Through(s))
        through += (through.empty() ? "" : " > ") + Id(landscape, t);
      row.push_back(through);
    }
    row.push_back(outage[s] ? std::to_string(outage[s]->reached) : nothing);
    row.push_back(outage[s] ? std::to_string(outage[s]->critical) : nothing);
    row.push_back(outage[s] ? std::to_string(outage[s]->weight) : nothing);
    out += CsvRow(row);
  }
  return out;
}

}  // namespace landskap::cli
