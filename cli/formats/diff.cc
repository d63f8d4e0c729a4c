// Formatting a landscape diff (cli/formats/diff.h).
#include "cli/formats/diff.h"

#include <nlohmann/json.hpp>

#include "cli/formats/table.h"
#include "engine/model/text.h"

namespace landskap::cli {
namespace {

std::string Headline(const LandscapeDiff& d, const std::string& before, const std::string& after) {
  if (d.Empty()) return "No differences between " + before + " and " + after + ".";
  return before + " → " + after + ": systems " + std::to_string(d.systems_added.size()) +
         " added, " + std::to_string(d.systems_removed.size()) + " removed, " +
         std::to_string(d.systems_changed.size()) + " changed; integrations " +
         std::to_string(d.integrations_added.size()) + " added, " +
         std::to_string(d.integrations_removed.size()) + " removed, " +
         std::to_string(d.integrations_changed.size()) + " changed; " +
         Count(d.renames.size(), "possible rename", "possible renames") + ".";
}

// Rows: change, what, id, field, before, after.
std::vector<std::vector<std::string>> Rows(const LandscapeDiff& d) {
  std::vector<std::vector<std::string>> rows;
  for (const FieldChange& f : d.landscape)
    rows.push_back({"changed", "landscape", "", f.field, f.before, f.after});
  for (const std::string& id : d.systems_added) rows.push_back({"added", "system", id, "", "", ""});
  for (const std::string& id : d.systems_removed)
    rows.push_back({"removed", "system", id, "", "", ""});
  for (const ChangedItem& item : d.systems_changed)
    for (const FieldChange& f : item.fields)
      rows.push_back({"changed", "system", item.id, f.field, f.before, f.after});
  for (const RenameSuggestion& r : d.renames)
    rows.push_back({"renamed?", "system", r.added, "id", r.removed, r.added});
  for (const std::string& id : d.integrations_added)
    rows.push_back({"added", "integration", id, "", "", ""});
  for (const std::string& id : d.integrations_removed)
    rows.push_back({"removed", "integration", id, "", "", ""});
  for (const ChangedItem& item : d.integrations_changed)
    for (const FieldChange& f : item.fields)
      rows.push_back({"changed", "integration", item.id, f.field, f.before, f.after});
  return rows;
}

nlohmann::ordered_json Json(const LandscapeDiff& d, const std::string& before,
                            const std::string& after) {
  using J = nlohmann::ordered_json;
  auto changed = [](const std::vector<ChangedItem>& items) {
    J out = J::array();
    for (const ChangedItem& item : items) {
      J fields = J::array();
      for (const FieldChange& f : item.fields)
        fields.push_back({{"field", f.field}, {"before", f.before}, {"after", f.after}});
      out.push_back({{"id", item.id}, {"fields", fields}});
    }
    return out;
  };
  J j;
  j["before"] = before;
  j["after"] = after;
  j["identical"] = d.Empty();
  J landscape = J::array();
  for (const FieldChange& f : d.landscape)
    landscape.push_back({{"field", f.field}, {"before", f.before}, {"after", f.after}});
  j["landscape"] = landscape;
  j["systems"] = {{"added", d.systems_added},
                  {"removed", d.systems_removed},
                  {"changed", changed(d.systems_changed)}};
  J renames = J::array();
  for (const RenameSuggestion& r : d.renames)
    renames.push_back({{"removed", r.removed}, {"added", r.added}, {"reason", r.reason}});
  j["systems"]["renamed"] = renames;
  if (!d.notes.empty()) j["systems"]["rename_notes"] = d.notes;
  j["integrations"] = {{"added", d.integrations_added},
                       {"removed", d.integrations_removed},
                       {"changed", changed(d.integrations_changed)}};
  return j;
}

}  // namespace

std::string FormatDiff(const LandscapeDiff& d, const std::string& before, const std::string& after,
                       Format format) {
  if (format == Format::kJson)
    return Json(d, before, after)
               .dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) +
           "\n";
  std::vector<std::string> header = {"change", "what", "id", "field", "before", "after"};
  if (format == Format::kCsv) {
    std::string out = CsvRow(header);
    for (const auto& row : Rows(d)) out += CsvRow(row);
    return out;
  }
  bool markdown = format == Format::kMarkdown;
  std::string out = markdown ? "# " + MarkdownText(Headline(d, before, after)) + "\n"
                             : VisibleText(Headline(d, before, after)) + "\n";
  if (d.Empty()) return out;
  for (const std::string& note : d.notes)
    out += (markdown ? "\n" : "") + VisibleText("Note: " + note) + "\n";
  if (!d.renames.empty()) {
    out += markdown ? "\n## Possible renames\n\n" : "\nPossible renames (removed → added)\n";
    TextTable renames({"removed", "added", "why"});
    for (const RenameSuggestion& r : d.renames) renames.AddRow({r.removed, r.added, r.reason});
    out += markdown ? renames.RenderMarkdown() : renames.Render();
  }
  out += markdown ? "\n## Changes\n\n" : "\n";
  TextTable table(header);
  for (const auto& row : Rows(d)) table.AddRow(row);
  out += markdown ? table.RenderMarkdown() : table.Render();
  return out;
}

}  // namespace landskap::cli
