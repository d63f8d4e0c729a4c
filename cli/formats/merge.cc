// Formatting the merge summary (cli/formats/merge.h). The table and the Markdown show the same
// sections; JSON has every re-pointed integration, the others list only those that need work
// (new for the survivor) and count the joined and dropped ones.
#include "cli/formats/merge.h"

#include <nlohmann/json.hpp>

#include "cli/formats/sections.h"
#include "cli/formats/table.h"

namespace landskap::cli {
namespace {

std::string Joined(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

std::string OutcomeName(MergeRepoint::Outcome o) {
  switch (o) {
    case MergeRepoint::Outcome::kNew:
      return "new";
    case MergeRepoint::Outcome::kJoined:
      return "joined";
    case MergeRepoint::Outcome::kDropped:
      return "dropped";
  }
  return "";
}

double ConversionDays(const MergeSummary& s, const MergeGroup& g) {
  double days = 0;
  for (const MergeConversion& c : s.conversions)
    if (c.survivor == g.survivor) days += c.effort_days;
  return days;
}

using Section = SummarySection;

std::vector<Section> Sections(const MergeSummary& s) {
  std::vector<Section> out;
  {
    Section sec{"Municipalities", "", TextTable({"file", "kommunenummer"})};
    for (const auto& [file, number] : s.municipalities) sec.table.AddRow({file, number});
    out.push_back(std::move(sec));
  }
  {
    Section sec{"Survivors and retirements by domain (decided)",
                s.decided.empty() ? "No decisions were given." : "",
                TextTable({"domain", "survivor", "retired", "conversion days", "note"})};
    sec.table.AlignRight(3);
    for (const MergeGroup& g : s.decided)
      sec.table.AddRow(
          {g.domain, g.survivor, Joined(g.retired), FormatDays(ConversionDays(s, g)), g.reason});
    out.push_back(std::move(sec));
  }
  {
    Section sec{"Proposals (no decision names these yet)",
                s.proposals.empty()
                    ? "None: every group of counterparts is decided."
                    : "Rule: the product most of the municipalities already use, then the "
                      "system of the municipality with the most integrations. Write them as a "
                      "decisions file with --propose FILE, edit it, and merge again with "
                      "--decisions FILE.",
                TextTable({"domain", "function", "survivor", "would retire", "why"})};
    for (const MergeGroup& g : s.proposals)
      sec.table.AddRow({g.domain, g.function, g.survivor, Joined(g.retired), g.reason});
    out.push_back(std::move(sec));
  }
  if (!s.undecided.empty()) {
    Section sec{"Undecided systems (kept, with their old owner)", "", TextTable({"system"})};
    for (const std::string& id : s.undecided) sec.table.AddRow({id});
    out.push_back(std::move(sec));
  }
  {
    size_t joined = 0, dropped = 0, added = 0, orphaned = 0;
    for (const MergeRepoint& p : s.repointed) {
      joined += p.outcome == MergeRepoint::Outcome::kJoined;
      dropped += p.outcome == MergeRepoint::Outcome::kDropped;
      added += p.outcome == MergeRepoint::Outcome::kNew;
      orphaned += p.orphaned_consumer;
    }
    Section sec{"Re-pointed integrations",
                Count(s.repointed.size(), "integration", "integrations") +
                    " of retired systems: " + std::to_string(joined) +
                    " joined an integration the survivor already has, " + std::to_string(dropped) +
                    " dropped (between a retired system and its "
                    "survivor), " +
                    std::to_string(added) + " new for the survivor (to build), of which " +
                    std::to_string(orphaned) +
                    " feed an orphaned consumer (a system only the retired one fed).",
                TextTable({"integration", "before", "after", "merged id", "orphaned consumer"})};
    for (const MergeRepoint& p : s.repointed) {
      if (p.outcome != MergeRepoint::Outcome::kNew) continue;
      sec.table.AddRow({p.integration, p.from_before + " → " + p.to_before,
                        p.from_after + " → " + p.to_after, p.merged_id,
                        p.orphaned_consumer ? p.to_after : ""});
    }
    out.push_back(std::move(sec));
  }
  {
    double total = 0;
    for (const auto& [vendor, days] : s.effort_by_vendor) total += days;
    Section sec{"Conversion tasks",
                Count(s.conversions.size(), "task", "tasks") + ", " + FormatDays(total) +
                    " days in all; each starts after its survivor's cutover (plan them with "
                    "'landskap plan MERGED --key kommunenummer').",
                TextTable({"task", "retired", "survivor", "vendor", "days", "effort from"})};
    sec.table.AlignRight(4);
    for (const MergeConversion& c : s.conversions)
      sec.table.AddRow(
          {c.task, c.retired, c.survivor, c.vendor, FormatDays(c.effort_days), c.effort_from});
    out.push_back(std::move(sec));
  }
  {
    Section sec{"Conversion effort by vendor", "", TextTable({"vendor", "tasks", "days"})};
    sec.table.AlignRight(1);
    sec.table.AlignRight(2);
    for (const auto& [vendor, days] : s.effort_by_vendor) {
      size_t tasks = 0;
      for (const MergeConversion& c : s.conversions) tasks += c.vendor == vendor;
      sec.table.AddRow(
          {vendor.empty() ? "(no vendor)" : vendor, std::to_string(tasks), FormatDays(days)});
    }
    out.push_back(std::move(sec));
  }
  {
    Section sec{"Conflicts between the files",
                s.conflicts.empty() ? "None: shared systems and integrations agree." : "",
                TextTable({"what", "id", "field", "values", "merged file holds"})};
    for (const MergeConflict& c : s.conflicts) {
      std::string values;
      for (const auto& [file, value] : c.values)
        values += (values.empty() ? "" : "; ") + file + ": " + (value.empty() ? "(none)" : value);
      sec.table.AddRow({c.what, c.id, c.field, values, c.resolution});
    }
    out.push_back(std::move(sec));
  }
  return out;
}

std::string Headline(const MergeSummary& s, const std::string& name) {
  return "Merger into " + s.into + (name.empty() ? "" : " (" + name + ")") + ": " +
         Count(s.systems_in, "system", "systems") + " in " +
         Count(s.municipalities.size(), "file", "files") + " (" + std::to_string(s.shared_systems) +
         " shared) became " + std::to_string(s.systems_out) + ", of them " +
         Count(s.conversions.size(), "conversion task", "conversion tasks") + "; " +
         Count(s.integrations_in, "integration", "integrations") + " became " +
         std::to_string(s.integrations_out) + ".";
}

nlohmann::ordered_json Json(const MergeSummary& s, const std::string& name) {
  using J = nlohmann::ordered_json;
  J j;
  j["into"] = s.into;
  j["name"] = name;
  j["municipalities"] = J::array();
  for (const auto& [file, number] : s.municipalities)
    j["municipalities"].push_back({{"file", file}, {"kommunenummer", number}});
  j["systems_in"] = s.systems_in;
  j["systems_out"] = s.systems_out;
  j["shared_systems"] = s.shared_systems;
  j["integrations_in"] = s.integrations_in;
  j["integrations_out"] = s.integrations_out;
  auto groups = [&](const std::vector<MergeGroup>& list) {
    J out = J::array();
    for (const MergeGroup& g : list)
      out.push_back({{"domain", g.domain},
                     {"function", g.function},
                     {"survivor", g.survivor},
                     {"retired", g.retired},
                     {"systems", g.systems},
                     {"decided", g.decided},
                     {"reason", g.reason}});
    return out;
  };
  j["decided"] = groups(s.decided);
  j["proposals"] = groups(s.proposals);
  j["undecided"] = s.undecided;
  j["repointed"] = J::array();
  for (const MergeRepoint& p : s.repointed)
    j["repointed"].push_back({{"integration", p.integration},
                              {"from_before", p.from_before},
                              {"to_before", p.to_before},
                              {"from_after", p.from_after},
                              {"to_after", p.to_after},
                              {"outcome", OutcomeName(p.outcome)},
                              {"orphaned_consumer", p.orphaned_consumer},
                              {"merged_id", p.merged_id}});
  j["conversions"] = J::array();
  for (const MergeConversion& c : s.conversions)
    j["conversions"].push_back({{"task", c.task},
                                {"retired", c.retired},
                                {"survivor", c.survivor},
                                {"vendor", c.vendor},
                                {"domain", c.domain},
                                {"effort_days", c.effort_days},
                                {"effort_from", c.effort_from}});
  j["effort_by_vendor"] = J::array();
  for (const auto& [vendor, days] : s.effort_by_vendor)
    j["effort_by_vendor"].push_back({{"vendor", vendor}, {"effort_days", days}});
  j["conflicts"] = J::array();
  for (const MergeConflict& c : s.conflicts) {
    J values = J::array();
    for (const auto& [file, value] : c.values) values.push_back({{"file", file}, {"value", value}});
    j["conflicts"].push_back({{"what", c.what},
                              {"id", c.id},
                              {"field", c.field},
                              {"values", values},
                              {"resolution", c.resolution}});
  }
  return j;
}

}  // namespace

std::string FormatMergeSummary(const MergeSummary& summary, const std::string& name,
                               Format format) {
  if (format == Format::kJson)
    return Json(summary, name)
               .dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) +
           "\n";
  return RenderSummary(Headline(summary, name), Sections(summary), format == Format::kMarkdown);
}

}  // namespace landskap::cli
