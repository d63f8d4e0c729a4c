// Formatting the split summary (cli/formats/split.h). The table and the Markdown show the same
// sections; JSON has the same and the effort by vendor per successor as lists.
#include "cli/formats/split.h"

#include <map>
#include <nlohmann/json.hpp>

#include "cli/formats/sections.h"
#include "cli/formats/table.h"
#include "engine/model/municipality.h"

namespace landskap::cli {
namespace {

std::string Joined(const std::vector<std::string>& items, const std::string& last = " and ") {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i)
    out += (i == 0 ? "" : i + 1 == items.size() ? last : ", ") + items[i];
  return out;
}

std::vector<std::string> Labels(const std::vector<std::string>& numbers) {
  std::vector<std::string> out;
  for (const std::string& n : numbers) out.push_back(OwnerLabel(n));
  return out;
}

const char* TaskKindName(SplitTask::Kind kind) {
  switch (kind) {
    case SplitTask::Kind::kEstablishment:
      return "establishment";
    case SplitTask::Kind::kAgreement:
      return "agreement";
    case SplitTask::Kind::kExtraction:
      return "extraction";
  }
  return "";
}

std::string Headline(const SplitSummary& s) {
  size_t counts[4] = {0, 0, 0, 0};
  for (const SplitOutcome& o : s.outcomes) ++counts[static_cast<int>(o.choice)];
  return "Split of " + OwnerLabel(s.from) + " into " + Joined(Labels(s.into)) + " (" +
         OwnerLabel(s.keeper) +
         " keeps the administration): " + Count(s.old_systems, "system", "systems") + " of " +
         s.from + " (decisions: " + std::to_string(counts[static_cast<int>(SplitChoice::kKeep)]) +
         " keep, " + std::to_string(counts[static_cast<int>(SplitChoice::kNewInstance)]) +
         " new-instance, " + std::to_string(counts[static_cast<int>(SplitChoice::kShared)]) +
         " shared, " + std::to_string(counts[static_cast<int>(SplitChoice::kDivide)]) +
         " divide); " + Count(s.systems_in, "system", "systems") + " became " +
         std::to_string(s.systems_out) + ", " +
         Count(s.integrations_in, "integration", "integrations") + " became " +
         std::to_string(s.integrations_out) + ".";
}

std::vector<SummarySection> Sections(const SplitSummary& s) {
  std::vector<SummarySection> out;
  {
    double total = 0;
    for (const SuccessorSummary& n : s.successors) total += n.effort_days;
    SummarySection sec{
        "Successors",
        "Own systems: those the successor owns afterwards (the tasks not counted); shared: the "
        "old systems it shares. " +
            FormatDays(total) +
            " days of work in all (plan them with 'landskap plan SPLIT --key kommunenummer').",
        TextTable({"successor", "own systems", "shared", "new instances", "extraction tasks",
                   "agreement tasks", "days", "integrations rebuilt", "without counterpart"})};
    for (size_t c = 1; c <= 8; ++c) sec.table.AlignRight(c);
    for (const SuccessorSummary& n : s.successors)
      sec.table.AddRow({OwnerLabel(n.number) + (n.keeper ? " (keeper)" : ""),
                        std::to_string(n.own_systems), std::to_string(n.shared_systems),
                        std::to_string(n.new_instances), std::to_string(n.extractions),
                        std::to_string(n.agreements), FormatDays(n.effort_days),
                        std::to_string(n.rebuilt), std::to_string(n.without_counterpart)});
    out.push_back(std::move(sec));
  }
  {
    size_t proposed = 0;
    for (const SplitOutcome& o : s.outcomes) proposed += !o.decided;
    SummarySection sec{
        "Decisions by system",
        proposed == 0 ? "Every system is decided by the decisions file."
                      : std::to_string(proposed) +
                            " of them proposed. Rule: the keeper keeps everything; a successor "
                            "with a system of its own in the domain gets its data divided into "
                            "it; the others get a new instance in the domains every "
                            "municipality must have and share the rest. Write them as a "
                            "decisions file with --propose FILE, edit it, and split again with "
                            "--decisions FILE.",
        TextTable({"system", "domain", "decision", "for", "decided", "why"})};
    for (const SplitOutcome& o : s.outcomes)
      sec.table.AddRow({o.system, o.domain, SplitChoiceName(o.choice), Joined(o.successors, ", "),
                        o.decided ? "yes" : "proposed", o.reason});
    out.push_back(std::move(sec));
  }
  {
    double total = 0;
    for (const SplitTask& t : s.tasks) total += t.effort_days;
    SummarySection sec{
        "Tasks",
        Count(s.tasks.size(), "task", "tasks") + ", " + FormatDays(total) +
            " days in all: a new instance is its own establishment task; an agreement comes "
            "before its shared system changes hands, an extraction after its receiving system.",
        TextTable(
            {"task", "kind", "from system", "for", "receiver", "vendor", "days", "effort from"})};
    sec.table.AlignRight(6);
    for (const SplitTask& t : s.tasks)
      sec.table.AddRow({t.task, TaskKindName(t.kind), t.system, t.successor, t.receiver, t.vendor,
                        FormatDays(t.effort_days), t.effort_from});
    out.push_back(std::move(sec));
  }
  {
    SummarySection sec{"Rebuilt integrations",
                       Count(s.rebuilt.size(), "integration", "integrations") +
                           " of the old systems rebuilt for the new instances (with national "
                           "registers, shared services, neighbours and each other).",
                       TextTable({"for", "integration", "from", "to", "id"})};
    for (const SplitIntegration& r : s.rebuilt)
      sec.table.AddRow({r.successor, r.integration, r.from, r.to, r.id});
    out.push_back(std::move(sec));
  }
  {
    SummarySection sec{
        "Integrations without a counterpart",
        s.without_counterpart.empty()
            ? "None: every integration of a system with a new instance has a counterpart."
            : Count(s.without_counterpart.size(), "integration", "integrations") +
                  " of a system with a new instance lead to a system the successor gets no "
                  "instance or share of: decide that system for it, or build the interface to "
                  "another system.",
        TextTable({"for", "integration", "from", "to", "no counterpart of"})};
    for (const SplitIntegration& r : s.without_counterpart)
      sec.table.AddRow({r.successor, r.integration, r.from, r.to, r.missing});
    out.push_back(std::move(sec));
  }
  {
    SummarySection sec{"Effort by successor and vendor", "",
                       TextTable({"successor", "vendor", "tasks", "days"})};
    sec.table.AlignRight(2);
    sec.table.AlignRight(3);
    std::map<std::pair<std::string, std::string>, size_t> tasks;  // (successor, vendor)
    for (const SplitTask& t : s.tasks) ++tasks[{t.successor, t.vendor}];
    for (const SuccessorSummary& n : s.successors)
      for (const auto& [vendor, days] : n.effort_by_vendor)
        sec.table.AddRow({OwnerLabel(n.number), vendor.empty() ? "(no vendor)" : vendor,
                          std::to_string(tasks[{n.number, vendor}]), FormatDays(days)});
    out.push_back(std::move(sec));
  }
  return out;
}

nlohmann::ordered_json Json(const SplitSummary& s) {
  using J = nlohmann::ordered_json;
  J j;
  j["from"] = s.from;
  j["into"] = s.into;
  j["keeper"] = s.keeper;
  j["systems_in"] = s.systems_in;
  j["systems_out"] = s.systems_out;
  j["integrations_in"] = s.integrations_in;
  j["integrations_out"] = s.integrations_out;
  j["old_systems"] = s.old_systems;
  auto vendors = [](const std::vector<std::pair<std::string, double>>& list) {
    J out = J::array();
    for (const auto& [vendor, days] : list)
      out.push_back({{"vendor", vendor}, {"effort_days", days}});
    return out;
  };
  j["successors"] = J::array();
  for (const SuccessorSummary& n : s.successors)
    j["successors"].push_back({{"number", n.number},
                               {"keeper", n.keeper},
                               {"own_systems", n.own_systems},
                               {"shared_systems", n.shared_systems},
                               {"new_instances", n.new_instances},
                               {"extractions", n.extractions},
                               {"agreements", n.agreements},
                               {"effort_days", n.effort_days},
                               {"rebuilt_integrations", n.rebuilt},
                               {"without_counterpart", n.without_counterpart},
                               {"effort_by_vendor", vendors(n.effort_by_vendor)}});
  j["decisions"] = J::array();
  for (const SplitOutcome& o : s.outcomes)
    j["decisions"].push_back({{"system", o.system},
                              {"domain", o.domain},
                              {"decision", SplitChoiceName(o.choice)},
                              {"successors", o.successors},
                              {"decided", o.decided},
                              {"reason", o.reason}});
  j["tasks"] = J::array();
  for (const SplitTask& t : s.tasks)
    j["tasks"].push_back({{"task", t.task},
                          {"kind", TaskKindName(t.kind)},
                          {"system", t.system},
                          {"successor", t.successor},
                          {"receiver", t.receiver},
                          {"vendor", t.vendor},
                          {"domain", t.domain},
                          {"effort_days", t.effort_days},
                          {"effort_from", t.effort_from}});
  auto integrations = [](const std::vector<SplitIntegration>& list) {
    J out = J::array();
    for (const SplitIntegration& r : list) {
      J item = {{"successor", r.successor},
                {"integration", r.integration},
                {"from", r.from},
                {"to", r.to}};
      if (r.missing.empty())
        item["id"] = r.id;
      else
        item["missing"] = r.missing;
      out.push_back(item);
    }
    return out;
  };
  j["rebuilt"] = integrations(s.rebuilt);
  j["without_counterpart"] = integrations(s.without_counterpart);
  j["effort_by_vendor"] = vendors(s.effort_by_vendor);
  return j;
}

}  // namespace

std::string FormatSplitSummary(const SplitSummary& summary, Format format) {
  if (format == Format::kJson)
    return Json(summary).dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) +
           "\n";
  return RenderSummary(Headline(summary), Sections(summary), format == Format::kMarkdown);
}

}  // namespace landskap::cli
