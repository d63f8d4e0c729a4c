// Formatting blast-radius results. The table answers "what breaks and why" in a terminal;
// JSON carries the full evidence for other tools.
#include "cli/format_impact.h"

#include <map>
#include <nlohmann/json.hpp>

#include "cli/format_heading.h"
#include "engine/municipality.h"
#include "engine/text.h"

namespace landskap::cli {
namespace {

using ordered_json = nlohmann::ordered_json;

std::map<std::string, size_t> ByOwner(const Landscape& landscape, const ImpactResult& r) {
  std::map<std::string, size_t> counts;
  for (const AffectedSystem& a : r.affected) {
    const std::string& owner = landscape.systems[a.system].owner;
    ++counts[owner.empty() ? "(no owner)" : owner];
  }
  return counts;
}

std::map<std::string, size_t> ByReason(const ImpactResult& r) {
  std::map<std::string, size_t> counts;
  for (const AffectedSystem& a : r.affected) ++counts[std::string(ReasonName(a.reason))];
  return counts;
}

std::string KeyList(const Landscape& landscape, const std::vector<KeyIndex>& keys) {
  std::string out;
  for (KeyIndex k : keys) out += (out.empty() ? "" : ",") + landscape.keys[k].id;
  return out;
}

}  // namespace

std::string EvidenceLine(const Landscape& landscape, const AffectedSystem& a, size_t width) {
  if (a.path.size() <= 1) return "-";
  // Upstream paths run against the data flow; the arrow shows the flow's real direction.
  const std::string arrow = a.reason == Reason::kProvider ? " ← " : " → ";
  std::vector<std::string> ids;
  for (SystemIndex s : a.path) ids.push_back(landscape.systems[s].id);
  auto join = [&](const std::vector<std::string>& parts) {
    std::string out;
    for (size_t i = 0; i < parts.size(); ++i) out += (i ? arrow : "") + parts[i];
    return out;
  };
  std::string full = join(ids);
  if (DisplayWidth(full) <= width || ids.size() <= 2) return Shorten(full, width);
  // Keep the seed and the last hops; the middle becomes "…".
  for (size_t tail = ids.size() - 2; tail >= 1; --tail) {
    std::vector<std::string> parts = {ids.front(), "…"};
    parts.insert(parts.end(), ids.end() - static_cast<long>(tail), ids.end());
    std::string line = join(parts);
    if (DisplayWidth(line) <= width || tail == 1) return Shorten(line, width);
  }
  return Shorten(full, width);
}

std::string FormatImpactTable(const Landscape& landscape, const ImpactResult& r) {
  std::string out = ImpactHeading(landscape, r) + "\n";
  TextTable systems({"criticality", "dist", "reason", "system", "name", "owner", "evidence"});
  systems.AlignRight(1);
  for (const AffectedSystem& a : r.affected) {
    const System& s = landscape.systems[a.system];
    std::string criticality(CriticalityName(s.criticality));
    systems.AddRow({criticality.empty() ? "-" : criticality, std::to_string(a.distance),
                    std::string(ReasonName(a.reason)), s.id, Shorten(s.name, 32),
                    Shorten(OwnerLabel(s.owner), 24), EvidenceLine(landscape, a, 60)});
  }
  out += "Affected systems, most critical first:\n";
  out += systems.RowCount() ? systems.Render() : "(none)\n";

  out += "\nAffected integrations";
  if (r.query.key)
    out += " (carry " + landscape.keys[*r.query.key].id +
           " into an affected system: reconfigure and test them)";
  out += ":\n";
  TextTable integrations({"integration", "from", "to", "carries", "protocol"});
  for (IntegrationIndex e : r.integrations) {
    const Integration& i = landscape.integrations[e];
    integrations.AddRow({i.id, landscape.systems[i.from].id, landscape.systems[i.to].id,
                         Shorten(KeyList(landscape, i.carries), 40), i.protocol});
  }
  out += integrations.RowCount() ? integrations.Render() : "(none)\n";

  out += "\nSummary: " + Count(r.affected.size(), "system", "systems") + " and " +
         Count(r.integrations.size(), "integration", "integrations") + " affected";
  std::string reasons;
  for (const auto& [reason, n] : ByReason(r))
    reasons += (reasons.empty() ? "" : ", ") + std::to_string(n) + " " + reason;
  if (!reasons.empty()) out += " (" + reasons + ")";
  out += ".\n";
  // Municipalities one by one; shared systems (national, intermunicipal, vendors) as one count,
  // so the line stays readable in a terminal. The JSON has every owner.
  std::string municipalities;
  size_t shared = 0;
  for (const auto& [owner, n] : ByOwner(landscape, r)) {
    if (IsKommunenummer(owner))
      municipalities +=
          (municipalities.empty() ? "" : ", ") + OwnerLabel(owner) + ": " + std::to_string(n);
    else
      shared += n;
  }
  out += "By municipality: " + (municipalities.empty() ? "-" : municipalities) +
         "; shared systems: " + std::to_string(shared) + "\n";
  return out;
}

std::string FormatImpactJson(const Landscape& landscape, const ImpactResult& r,
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
  summary["by_reason"] = ByReason(r);
  summary["by_owner"] = ByOwner(landscape, r);
  std::map<std::string, size_t> by_criticality;
  for (const AffectedSystem& a : r.affected) {
    std::string_view c = CriticalityName(landscape.systems[a.system].criticality);
    ++by_criticality[c.empty() ? "unspecified" : std::string(c)];
  }
  summary["by_criticality"] = by_criticality;
  summary["scope"] = {{"scoped", r.scope.scoped()}, {"changing", r.scope.changing()}};
  j["summary"] = std::move(summary);
  // Exact strings, but DEL and C1 controls escaped too: this may be printed to a terminal.
  return EscapeJsonControls(j.dump(2)) + "\n";
}

std::string FormatImpactCsv(const Landscape& landscape, const ImpactResult& r) {
  std::string out =
      CsvRow({"id", "name", "owner", "criticality", "distance", "reason", "path", "via"});
  for (const AffectedSystem& a : r.affected) {
    const System& s = landscape.systems[a.system];
    std::string path, via;
    for (SystemIndex p : a.path) path += (path.empty() ? "" : " > ") + landscape.systems[p].id;
    for (IntegrationIndex e : a.via)
      via += (via.empty() ? "" : " > ") + landscape.integrations[e].id;
    out += CsvRow({s.id, s.name, s.owner, std::string(CriticalityName(s.criticality)),
                   std::to_string(a.distance), std::string(ReasonName(a.reason)), path, via});
  }
  return out;
}

}  // namespace landskap::cli
