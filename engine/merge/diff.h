// What changed between two versions of a landscape (before/after a workshop, 2019 vs 2020, a
// hand-merged file vs `landskap merge`): systems and integrations added, removed and changed
// field by field, matched by id, with renames suggested when a removed and an added system
// look alike (the rule is in docs/merge.md, "Diff").
#pragma once

#include <string>
#include <vector>

#include "engine/model/landscape.h"

namespace landskap {

struct FieldChange {
  std::string field;  // "owner", "keys", "cutover.effort_days", "carries" ...
  std::string before, after;
};

struct ChangedItem {
  std::string id;
  std::vector<FieldChange> fields;  // in the order of the format's tables
};

struct RenameSuggestion {
  std::string removed, added;  // system ids
  std::string reason;          // what they have in common
};

struct LandscapeDiff {
  std::vector<FieldChange> landscape;                       // "name", "changes"
  std::vector<std::string> systems_added, systems_removed;  // sorted ids
  std::vector<ChangedItem> systems_changed;                 // by id
  std::vector<std::string> integrations_added, integrations_removed;
  std::vector<ChangedItem> integrations_changed;
  std::vector<RenameSuggestion> renames;  // by removed id
  // What the rename rule left out, when a group of systems was too large to compare pair by pair
  // (docs/merge.md, "Renames").
  std::vector<std::string> notes;

  bool Empty() const {
    return landscape.empty() && systems_added.empty() && systems_removed.empty() &&
           systems_changed.empty() && integrations_added.empty() && integrations_removed.empty() &&
           integrations_changed.empty();
  }
};

LandscapeDiff DiffLandscapes(const Landscape& before, const Landscape& after);

// The values a diff shows for a system's or integration's fields, shared with the formatters:
// key lists sorted by id and joined with ", ".
std::string KeyList(const Landscape& landscape, const std::vector<KeyIndex>& keys);

}  // namespace landskap
