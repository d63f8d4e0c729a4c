// Formatting blast-radius results. The table answers "what breaks and why" in a terminal;
// the Markdown says the same in a workshop document, in --lang (bokmål by default); JSON
// carries the full evidence for other tools.
#include "cli/formats/impact.h"

#include <map>
#include <nlohmann/json.hpp>

#include "cli/formats/heading.h"
#include "cli/formats/json_stream.h"
#include "engine/model/municipality.h"
#include "engine/model/text.h"
#include "engine/results/result_json.h"
#include "viz/i18n.h"
#include "viz/reform_words.h"

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

// What each split asks of its successors (SplitNeeds), as a heading and lines for people: the
// systems each successor needs of its own and the integrations it needs for its own number.
struct SplitSection {
  std::string heading;
  std::vector<std::string> lines;
};

std::vector<SplitSection> SplitSections(const Landscape& landscape, const ImpactResult& r,
                                        viz::Language lang) {
  using viz::Fill;
  using viz::Tr;
  std::vector<SplitSection> out;
  for (const SplitNeeds& s : r.splits) {
    std::vector<std::string> successors;
    for (const std::string& n : s.successors) successors.push_back(OwnerLabel(n));
    SplitSection section;
    section.heading =
        Fill(Tr(lang, "What the split of {from} asks of {successors}"),
             {{"from", OwnerLabel(s.from)}, {"successors", viz::JoinWithAnd(lang, successors)}});
    if (s.systems.empty() && s.integrations.empty()) {
      // After `landskap split` the old number owns nothing: the division is already decided.
      section.lines.push_back(
          Fill(Tr(lang,
                  "{from} owns no systems in this file: they are already divided between the "
                  "successors (landskap split)"),
               {{"from", OwnerLabel(s.from)}}));
      out.push_back(std::move(section));
      continue;
    }
    std::string systems;
    for (SystemIndex i : s.systems)
      systems += (systems.empty() ? "" : ", ") + landscape.systems[i].id;
    section.lines.push_back(Fill(
        Tr(lang,
           "Each needs these {systems} as its own (kept and renumbered, or a new instance), "
           "as a shared service, or as a divided copy of its data (landskap split decides "
           "it): {list}"),
        {{"systems",
          viz::Count(lang, static_cast<long long>(s.systems.size()), "{n} system", "{n} systems")},
         {"list", systems.empty() ? "-" : systems}}));
    std::string integrations;
    for (IntegrationIndex i : s.integrations) {
      const Integration& in = landscape.integrations[i];
      integrations += (integrations.empty() ? "" : ", ") + landscape.systems[in.from].id +
                      " \u2192 " + landscape.systems[in.to].id;
    }
    section.lines.push_back(
        Fill(Tr(lang,
                "Each needs these {integrations} with national registers, shared services and "
                "neighbours for its own number: {list}"),
             {{"integrations", viz::Count(lang, static_cast<long long>(s.integrations.size()),
                                          "{n} integration", "{n} integrations")},
              {"list", integrations.empty() ? "-" : integrations}}));
    out.push_back(std::move(section));
  }
  return out;
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
  for (const SplitSection& section : SplitSections(landscape, r, viz::Language::kEnglish)) {
    out += "\n" + VisibleText(section.heading) + ":\n";
    for (const std::string& line : section.lines) out += "- " + VisibleText(line) + "\n";
  }
  sink(out);
}

void WriteImpactMarkdown(const Landscape& landscape, const ImpactResult& r, viz::Language lang,
                         const Sink& sink) {
  using viz::Fill;
  using viz::Tr;
  std::string out = "## " + Tr(lang, "Blast radius") + "\n\n";
  std::string heading = ImpactHeading(landscape, r, lang);
  for (size_t at = 0, end; (end = heading.find('\n', at)) != std::string::npos; at = end + 1)
    out += "- " + MarkdownText(heading.substr(at, end - at)) + "\n";
  out += "\n### " + Tr(lang, "Affected systems, most critical first") + "\n\n";
  sink(out);
  // Rows made as they are written: a national answer is 200 000 systems. Criticality words
  // are translated; reasons stay the words of the JSON and CSV (holds-key, receives-key, ...).
  RowSource systems{{Tr(lang, "criticality"), Tr(lang, "dist"), Tr(lang, "reason"),
                     Tr(lang, "system"), Tr(lang, "name"), Tr(lang, "owner"), Tr(lang, "evidence")},
                    {1},
                    r.affected.size(),
                    [&landscape, &r, lang](size_t i) {
                      const AffectedSystem& a = r.affected[i];
                      const System& s = landscape.systems[a.system];
                      std::string criticality(CriticalityName(s.criticality));
                      return std::vector<std::string>{
                          criticality.empty() ? "-" : Tr(lang, criticality),
                          std::to_string(a.distance),
                          std::string(ReasonName(a.reason)),
                          s.id,
                          s.name,
                          OwnerLabel(s.owner),
                          EvidenceLine(landscape, a, 120)};
                    }};
  if (r.affected.empty())
    sink(Tr(lang, "(none)") + "\n");
  else
    WriteMarkdownTable(systems, sink);

  out = "\n### " + Tr(lang, "Affected integrations") + "\n\n";
  if (r.query.key)
    out += "_" +
           Fill(Tr(lang, "They carry {key} into an affected system: reconfigure and test them."),
                {{"key", MarkdownText(landscape.keys[*r.query.key].id)}}) +
           "_\n\n";
  sink(out);
  RowSource integrations{{Tr(lang, "integration"), Tr(lang, "from"), Tr(lang, "to"),
                          Tr(lang, "carries"), Tr(lang, "protocol")},
                         {},
                         r.integrations.size(),
                         [&landscape, &r](size_t i) {
                           const Integration& in = landscape.integrations[r.integrations[i]];
                           return std::vector<std::string>{
                               in.id, landscape.systems[in.from].id, landscape.systems[in.to].id,
                               KeyList(landscape, in.carries), in.protocol};
                         }};
  if (r.integrations.empty())
    sink(Tr(lang, "(none)") + "\n");
  else
    WriteMarkdownTable(integrations, sink);

  out = "\n### " + Tr(lang, "Summary") + "\n\n";
  std::string reasons;
  for (const auto& [reason, n] : ImpactByReason(r))
    reasons += (reasons.empty() ? "" : ", ") + std::to_string(n) + " " + reason;
  out += "- " +
         Fill(Tr(lang, "{systems} and {integrations} affected"),
              {{"systems", viz::Count(lang, static_cast<long long>(r.affected.size()), "{n} system",
                                      "{n} systems")},
               {"integrations", viz::Count(lang, static_cast<long long>(r.integrations.size()),
                                           "{n} integration", "{n} integrations")}}) +
         (reasons.empty() ? "" : " (" + reasons + ")") + ".\n";
  std::string municipalities;
  size_t shared = 0;
  for (const auto& [owner, n] : ImpactByOwner(landscape, r)) {
    if (IsKommunenummer(owner))
      municipalities +=
          (municipalities.empty() ? "" : ", ") + OwnerLabel(owner) + ": " + std::to_string(n);
    else
      shared += n;
  }
  out += "- " +
         Fill(Tr(lang, "By municipality: {list}; shared systems: {n}"),
              {{"list", municipalities.empty() ? "-" : municipalities},
               {"n", std::to_string(shared)}}) +
         "\n";
  for (const SplitSection& section : SplitSections(landscape, r, lang)) {
    out += "\n### " + VisibleText(section.heading) + "\n\n";
    for (const std::string& line : section.lines) out += "- " + VisibleText(line) + "\n";
  }
  sink(out);
}

std::string FormatImpactMarkdown(const Landscape& landscape, const ImpactResult& r,
                                 viz::Language language) {
  std::string out;
  WriteImpactMarkdown(landscape, r, language, [&out](std::string_view text) { out += text; });
  return out;
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
