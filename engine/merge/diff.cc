// Field-by-field comparison of two landscapes by id, and the rename rule (docs/merge.md).
#include "engine/merge/diff.h"

#include <algorithm>
#include <set>
#include <sstream>
#include <tuple>

#include "engine/model/text.h"

namespace landskap {
namespace {

std::string Number(double value) {
  std::ostringstream out;
  out.precision(15);
  out << value;
  return out.str();
}

std::string SystemList(const Landscape& l, const std::vector<SystemIndex>& systems) {
  std::vector<std::string> ids;
  for (SystemIndex s : systems) ids.push_back(l.systems[s].id);
  std::sort(ids.begin(), ids.end());
  std::string out;
  for (const std::string& id : ids) out += (out.empty() ? "" : ", ") + id;
  return out;
}

std::string ChangeList(const Landscape& l) {
  std::vector<std::string> items;
  for (const Change& c : l.changes)
    items.push_back(l.keys[c.key].id + " " + c.from + "→" + c.to +
                    (c.effective ? " " + FormatDate(*c.effective) : ""));
  std::sort(items.begin(), items.end());
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : "; ") + item;
  return out;
}

void Compare(std::vector<FieldChange>* out, const char* field, const std::string& before,
             const std::string& after) {
  if (before != after) out->push_back({field, before, after});
}

// Levenshtein distance over bytes; names are short.
size_t EditDistance(const std::string& a, const std::string& b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] != b[j - 1])});
      diagonal = up;
    }
  }
  return row[b.size()];
}

// Close when at most a third of the longer text differs (and at least one character is shared).
bool Similar(const std::string& a, const std::string& b, size_t* distance) {
  std::string x = AsciiLower(a), y = AsciiLower(b);
  *distance = EditDistance(x, y);
  size_t longer = std::max(x.size(), y.size());
  return longer > 0 && *distance * 3 <= longer;
}

}  // namespace

std::string KeyList(const Landscape& landscape, const std::vector<KeyIndex>& keys) {
  std::vector<std::string> ids;
  for (KeyIndex k : keys) ids.push_back(landscape.keys[k].id);
  std::sort(ids.begin(), ids.end());
  std::string out;
  for (const std::string& id : ids) out += (out.empty() ? "" : ", ") + id;
  return out;
}

LandscapeDiff DiffLandscapes(const Landscape& before, const Landscape& after) {
  LandscapeDiff d;
  Compare(&d.landscape, "name", before.name, after.name);
  Compare(&d.landscape, "changes", ChangeList(before), ChangeList(after));

  for (const System& b : before.systems) {
    auto index = after.FindSystem(b.id);
    if (!index) {
      d.systems_removed.push_back(b.id);
      continue;
    }
    const System& a = after.systems[*index];
    ChangedItem item{b.id, {}};
    auto& f = item.fields;
    Compare(&f, "name", b.name, a.name);
    Compare(&f, "kind", std::string(KindName(b.kind)), std::string(KindName(a.kind)));
    Compare(&f, "owner", b.owner, a.owner);
    Compare(&f, "vendor", b.vendor, a.vendor);
    Compare(&f, "product", b.product, a.product);
    Compare(&f, "domain", b.domain, a.domain);
    Compare(&f, "keys", KeyList(before, b.keys), KeyList(after, a.keys));
    Compare(&f, "criticality", std::string(CriticalityName(b.criticality)),
            std::string(CriticalityName(a.criticality)));
    Compare(&f, "cutover.effort_days", b.cutover.effort_days ? Number(*b.cutover.effort_days) : "",
            a.cutover.effort_days ? Number(*a.cutover.effort_days) : "");
    Compare(&f, "cutover.after", SystemList(before, b.cutover.after),
            SystemList(after, a.cutover.after));
    Compare(&f, "cutover.fixed_date", b.cutover.fixed_date ? FormatDate(*b.cutover.fixed_date) : "",
            a.cutover.fixed_date ? FormatDate(*a.cutover.fixed_date) : "");
    if (!f.empty()) d.systems_changed.push_back(std::move(item));
  }
  for (const System& a : after.systems)
    if (!before.FindSystem(a.id)) d.systems_added.push_back(a.id);

  for (const Integration& b : before.integrations) {
    auto index = after.FindIntegration(b.id);
    if (!index) {
      d.integrations_removed.push_back(b.id);
      continue;
    }
    const Integration& a = after.integrations[*index];
    ChangedItem item{b.id, {}};
    auto& f = item.fields;
    Compare(&f, "from", before.systems[b.from].id, after.systems[a.from].id);
    Compare(&f, "to", before.systems[b.to].id, after.systems[a.to].id);
    Compare(&f, "carries", KeyList(before, b.carries), KeyList(after, a.carries));
    Compare(&f, "protocol", b.protocol, a.protocol);
    Compare(&f, "criticality", std::string(CriticalityName(b.criticality)),
            std::string(CriticalityName(a.criticality)));
    if (!f.empty()) d.integrations_changed.push_back(std::move(item));
  }
  for (const Integration& a : after.integrations)
    if (!before.FindIntegration(a.id)) d.integrations_added.push_back(a.id);

  // Renames: a removed and an added system of the same kind, owner, vendor, product and domain
  // (with a vendor or a product, so that two bare systems do not match by accident) whose
  // names, or ids, are close. Closest pairs first, each system in one pair at most.
  struct Candidate {
    size_t distance;
    std::string removed, added, reason;
  };
  std::vector<Candidate> candidates;
  for (const std::string& r : d.systems_removed) {
    const System& x = before.systems[*before.FindSystem(r)];
    for (const std::string& n : d.systems_added) {
      const System& y = after.systems[*after.FindSystem(n)];
      if (x.kind != y.kind || x.owner != y.owner || x.vendor != y.vendor ||
          x.product != y.product || x.domain != y.domain)
        continue;
      if (x.vendor.empty() && x.product.empty()) continue;
      size_t by_name = 0, by_id = 0;
      bool names = !x.name.empty() && !y.name.empty() && Similar(x.name, y.name, &by_name);
      bool ids = Similar(x.id, y.id, &by_id);
      if (!names && !ids) continue;
      std::string common =
          "same " + std::string(x.product.empty() ? "vendor " + x.vendor : "product " + x.product);
      if (!x.owner.empty()) common += ", owner " + x.owner;
      if (!x.domain.empty()) common += ", domain " + x.domain;
      common += names ? (x.name == y.name ? "; same name" : "; similar name") : "; similar id";
      candidates.push_back({names ? by_name : by_id, r, n, common});
    }
  }
  std::sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
    return std::tie(a.distance, a.removed, a.added) < std::tie(b.distance, b.removed, b.added);
  });
  std::set<std::string> used;
  for (const Candidate& c : candidates) {
    if (used.count("-" + c.removed) || used.count("+" + c.added)) continue;
    used.insert("-" + c.removed);
    used.insert("+" + c.added);
    d.renames.push_back({c.removed, c.added, c.reason});
  }
  std::sort(
      d.renames.begin(), d.renames.end(),
      [](const RenameSuggestion& a, const RenameSuggestion& b) { return a.removed < b.removed; });
  std::sort(d.systems_added.begin(), d.systems_added.end());
  std::sort(d.systems_removed.begin(), d.systems_removed.end());
  std::sort(d.systems_changed.begin(), d.systems_changed.end(),
            [](const ChangedItem& a, const ChangedItem& b) { return a.id < b.id; });
  std::sort(d.integrations_added.begin(), d.integrations_added.end());
  std::sort(d.integrations_removed.begin(), d.integrations_removed.end());
  std::sort(d.integrations_changed.begin(), d.integrations_changed.end(),
            [](const ChangedItem& a, const ChangedItem& b) { return a.id < b.id; });
  return d;
}

}  // namespace landskap
