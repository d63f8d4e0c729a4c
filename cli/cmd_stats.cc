// landskap stats FILE: what is in a landscape, counted.
#include <nlohmann/json.hpp>
#include <ostream>

#include "cli/commands.h"
#include "cli/format.h"
#include "cli/format_xlsx.h"
#include "engine/municipality.h"
#include "engine/stats.h"
#include "engine/text.h"

namespace landskap::cli {
namespace {

std::string CountTable(const std::string& title, const std::map<std::string, size_t>& counts) {
  TextTable table({title, "systems"});
  table.AlignRight(1);
  for (const auto& [name, n] : counts) table.AddRow({name, std::to_string(n)});
  return table.Render();
}

std::string DegreeTable(const Landscape& landscape, const std::string& title,
                        const std::vector<DegreeEntry>& entries) {
  TextTable table({"system", "name", title});
  table.AlignRight(2);
  for (const DegreeEntry& e : entries) {
    const System& s = landscape.systems[e.system];
    table.AddRow({s.id, Shorten(s.name, 40), std::to_string(e.degree)});
  }
  return table.Render();
}

std::string FormatText(const Landscape& landscape, const LandscapeStats& stats) {
  std::string out;
  if (!landscape.name.empty()) out += VisibleText(landscape.name) + "\n";
  out += Count(stats.systems, "system", "systems") + ", " +
         Count(stats.integrations, "integration", "integrations") + ", " +
         Count(stats.changes, "number change", "number changes") + ", " +
         Count(stats.isolated, "system without integrations", "systems without integrations") +
         "\n\n";
  out += CountTable("kind", stats.by_kind) + "\n";
  // Owners that are kommunenummer with their names ("4626 Øygarden"); the number first keeps
  // the order.
  std::map<std::string, size_t> by_owner;
  for (const auto& [owner, n] : stats.by_owner) by_owner[OwnerLabel(owner)] += n;
  out += CountTable("owner", by_owner) + "\n";
  out += CountTable("domain", stats.by_domain) + "\n";
  TextTable keys({"key", "held by systems", "carried by integrations"});
  keys.AlignRight(1);
  keys.AlignRight(2);
  for (const KeyUse& k : stats.keys)
    keys.AddRow({k.key, std::to_string(k.holders), std::to_string(k.carriers)});
  out += keys.Render() + "\n";
  out +=
      "Most consumed from (fan-in is the integrations a system receives; fan-out those it "
      "provides):\n";
  out += DegreeTable(landscape, "fan-out", stats.top_fan_out) + "\n";
  out += DegreeTable(landscape, "fan-in", stats.top_fan_in);
  return out;
}

std::string FormatJson(const Landscape& landscape, const LandscapeStats& stats) {
  nlohmann::ordered_json j;
  j["name"] = landscape.name;
  j["systems"] = stats.systems;
  j["integrations"] = stats.integrations;
  j["changes"] = stats.changes;
  j["isolated"] = stats.isolated;
  j["by_kind"] = stats.by_kind;
  j["by_owner"] = stats.by_owner;
  j["by_domain"] = stats.by_domain;
  j["keys"] = nlohmann::ordered_json::array();
  for (const KeyUse& k : stats.keys)
    j["keys"].push_back({{"key", k.key}, {"holders", k.holders}, {"carriers", k.carriers}});
  auto degrees = [&](const std::vector<DegreeEntry>& entries) {
    auto list = nlohmann::ordered_json::array();
    for (const DegreeEntry& e : entries)
      list.push_back({{"id", landscape.systems[e.system].id}, {"degree", e.degree}});
    return list;
  };
  j["top_fan_out"] = degrees(stats.top_fan_out);
  j["top_fan_in"] = degrees(stats.top_fan_in);
  return EscapeJsonControls(j.dump(2)) + "\n";
}

}  // namespace

namespace {

class Stats : public CommandBody {
 public:
  int Run(Context& c) override {
    // --top 0 lists every system, as in hotspots.
    size_t top = c.ranking.top == 0 ? SIZE_MAX : c.ranking.top;
    LandscapeStats stats = ComputeStats(c.graph(), top);
    if (c.output.format == Format::kXlsx)
      return c.WriteWorkbook(FormatStatsXlsx(c.landscape, stats, &c.workbook_error));
    return c.Write(c.output.format == Format::kJson ? FormatJson(c.landscape, stats)
                                                    : FormatText(c.landscape, stats));
  }
};

}  // namespace

Command StatsCommand() {
  return {"stats",
          "count systems and integrations by kind, owner, domain and key",
          {"landskap stats FILE [--top N] [--format table|json|xlsx] [-o OUT]",
           "Counts the systems of a landscape by kind, owner and domain, shows how many\n"
           "systems hold and integrations carry each key, and lists the systems with the\n"
           "most integrations in (fan-in) and out (fan-out).",
           "  landskap stats datasets/oygarden-2020.json --top 5"},
          kGroupRanking | kGroupOutput,
          0,
          {Format::kTable, Format::kJson, Format::kXlsx},
          10,
          Inputs::kOneLandscape,
          [] { return std::make_unique<Stats>(); }};
}

}  // namespace landskap::cli
