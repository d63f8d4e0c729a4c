// landskap stats FILE: what is in a landscape, counted.
#include "engine/analysis/stats.h"

#include <nlohmann/json.hpp>
#include <ostream>

#include "cli/commands.h"
#include "cli/formats/json_stream.h"
#include "cli/formats/table.h"
#include "cli/formats/xlsx_tables.h"
#include "engine/model/municipality.h"
#include "engine/model/text.h"

namespace landskap::cli {
namespace {

std::string CountTable(const std::string& title, const std::map<std::string, size_t>& counts) {
  TextTable table({title, "systems"});
  table.AlignRight(1);
  for (const auto& [name, n] : counts) table.AddRow({name, std::to_string(n)});
  return table.Render();
}

// With --top 0 this lists every system: its rows are made as they are written.
void WriteDegreeTable(const Landscape& landscape, const std::string& title,
                      const std::vector<DegreeEntry>& entries, const Sink& sink) {
  WriteTable({{"system", "name", title},
              {2},
              entries.size(),
              [&](size_t i) {
                const System& s = landscape.systems[entries[i].system];
                return std::vector<std::string>{s.id, Shorten(s.name, 40),
                                                std::to_string(entries[i].degree)};
              }},
             sink);
}

void WriteText(const Landscape& landscape, const LandscapeStats& stats, const Sink& sink) {
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
  sink(out);
  WriteDegreeTable(landscape, "fan-out", stats.top_fan_out, sink);
  sink("\n");
  WriteDegreeTable(landscape, "fan-in", stats.top_fan_in, sink);
}

// Field by field (cli/formats/json_stream.h), the degree lists entry by entry.
void WriteJson(const Landscape& landscape, const LandscapeStats& stats, const Sink& sink) {
  using nlohmann::ordered_json;
  JsonObjectWriter j(sink);
  j.Field("name", landscape.name);
  j.Field("systems", stats.systems);
  j.Field("integrations", stats.integrations);
  j.Field("changes", stats.changes);
  j.Field("isolated", stats.isolated);
  j.Field("by_kind", stats.by_kind);
  j.Field("by_owner", stats.by_owner);
  j.Field("by_domain", stats.by_domain);
  j.Array("keys", stats.keys.size(), [&](size_t i) {
    const KeyUse& k = stats.keys[i];
    return ordered_json{{"key", k.key}, {"holders", k.holders}, {"carriers", k.carriers}};
  });
  auto degrees = [&](const std::vector<DegreeEntry>& entries) {
    return [&landscape, &entries](size_t i) {
      return ordered_json{{"id", landscape.systems[entries[i].system].id},
                          {"degree", entries[i].degree}};
    };
  };
  j.Array("top_fan_out", stats.top_fan_out.size(), degrees(stats.top_fan_out));
  j.Array("top_fan_in", stats.top_fan_in.size(), degrees(stats.top_fan_in));
  j.End();
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
      return c.WriteWorkbook(
          FormatStatsXlsx(c.landscape, stats, &c.workbook_error, &c.workbook_note));
    return c.WriteStreamed([&](OutputStream& out) {
      Sink sink = [&out](std::string_view text) { out.Write(text); };
      if (c.output.format == Format::kJson)
        WriteJson(c.landscape, stats, sink);
      else
        WriteText(c.landscape, stats, sink);
    });
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
