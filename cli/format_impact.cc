// Formatting blast-radius results. The table answers "what breaks and why" in a terminal;
// JSON carries the full evidence for other tools.
#include "cli/format_impact.h"

#include <map>
#include <nlohmann/json.hpp>

#include "cli/format_heading.h"
#include "cli/json_stream.h"
#include "engine/municipality.h"
#include "engine/result_json.h"
#include "engine/text.h"

namespace landskap::cli {
namespace {

using ordered_json = nlohmann::ordered_json;

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

void WriteImpactTable(const Landscape& landscape, const ImpactResult& r, const Sink& sink) {
  sink(ImpactHeading(landscape, r) + "\n");
  // Two passes over the rows (measure, then write) instead of holding 200 000 rows of text.
  auto system_row = [&](const AffectedSystem& a) {
    const System& s = landscape.systems[a.system];
    std::string criticality(CriticalityName(s.criticality));
    return std::vector<std::string>{criticality.empty() ? "-" : criticality,
                                    std::to_string(a.distance),
                                    std::string(ReasonName(a.reason)),
                                    s.id,
                                    Shorten(s.name, 32),
                                    Shorten(OwnerLabel(s.owner), 24),
                                    EvidenceLine(landscape, a, 60)};
  };
  TableWriter systems({"criticality", "dist", "reason", "system", "name", "owner", "evidence"},
                      {1});
  for (const AffectedSystem& a : r.affected) systems.Measure(system_row(a));
  sink("Affected systems, most critical first:\n");
  if (r.affected.empty()) {
    sink("(none)\n");
  } else {
    sink(systems.Header());
    for (const AffectedSystem& a : r.affected) sink(systems.Line(system_row(a)));
  }

  std::string title = "\nAffected integrations";
  if (r.query.key)
    title += " (carry " + landscape.keys[*r.query.key].id +
             " into an affected system: reconfigure and test them)";
  sink(title + ":\n");
  auto integration_row = [&](IntegrationIndex e) {
    const Integration& i = landscape.integrations[e];
    return std::vector<std::string>{i.id, landscape.systems[i.from].id, landscape.systems[i.to].id,
                                    Shorten(KeyList(landscape, i.carries), 40), i.protocol};
  };
  TableWriter integrations({"integration", "from", "to", "carries", "protocol"});
  for (IntegrationIndex e : r.integrations) integrations.Measure(integration_row(e));
  if (r.integrations.empty()) {
    sink("(none)\n");
  } else {
    sink(integrations.Header());
    for (IntegrationIndex e : r.integrations) sink(integrations.Line(integration_row(e)));
  }

  std::string out = "\nSummary: " + Count(r.affected.size(), "system", "systems") + " and " +
                    Count(r.integrations.size(), "integration", "integrations") + " affected";
  std::string reasons;
  for (const auto& [reason, n] : ImpactByReason(r))
    reasons += (reasons.empty() ? "" : ", ") + std::to_string(n) + " " + reason;
  if (!reasons.empty()) out += " (" + reasons + ")";
  out += ".\n";
  // Municipalities one by one; shared systems (national, intermunicipal, vendors) as one count,
  // so the line stays readable in a terminal. The JSON has every owner.
  std::string municipalities;
  size_t shared = 0;
  for (const auto& [owner, n] : ImpactByOwner(landscape, r)) {
    if (IsKommunenummer(owner))
      municipalities +=
          (municipalities.empty() ? "" : ", ") + OwnerLabel(owner) + ": " + std::to_string(n);
    else
      shared += n;
  }
  out += "By municipality: " + (municipalities.empty() ? "-" : municipalities) +
         "; shared systems: " + std::to_string(shared) + "\n";
  sink(out);
}

std::string FormatImpactTable(const Landscape& landscape, const ImpactResult& r) {
  std::string out;
  WriteImpactTable(landscape, r, [&out](std::string_view text) { out += text; });
  return out;
}

void WriteImpactJson(const Landscape& landscape, const ImpactResult& r, const std::string& file,
                     const Sink& sink) {
  JsonObjectWriter j(sink);
  ImpactJsonFields(landscape, r, file, j);
  j.End();
}

std::string FormatImpactJson(const Landscape& landscape, const ImpactResult& r,
                             const std::string& file) {
  std::string out;
  WriteImpactJson(landscape, r, file, [&out](std::string_view text) { out += text; });
  return out;
}

void WriteImpactCsv(const Landscape& landscape, const ImpactResult& r, const Sink& sink) {
  sink(CsvRow({"id", "name", "owner", "criticality", "distance", "reason", "path", "via"}));
  for (const AffectedSystem& a : r.affected) {
    const System& s = landscape.systems[a.system];
    std::string path, via;
    for (SystemIndex p : a.path) path += (path.empty() ? "" : " > ") + landscape.systems[p].id;
    for (IntegrationIndex e : a.via)
      via += (via.empty() ? "" : " > ") + landscape.integrations[e].id;
    sink(CsvRow({s.id, s.name, s.owner, std::string(CriticalityName(s.criticality)),
                 std::to_string(a.distance), std::string(ReasonName(a.reason)), path, via}));
  }
}

std::string FormatImpactCsv(const Landscape& landscape, const ImpactResult& r) {
  std::string out;
  WriteImpactCsv(landscape, r, [&out](std::string_view text) { out += text; });
  return out;
}

}  // namespace landskap::cli
