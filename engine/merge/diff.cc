// Field-by-field comparison of two landscapes by id, and the rename rule (docs/merge.md).
#include "engine/merge/diff.h"

#include <algorithm>
#include <map>
#include <sstream>
#include <string_view>
#include <tuple>
#include <unordered_map>

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
// Both already lower-case. The distance is at least the difference in length, so texts of very
// different lengths are not close without computing it.
bool Similar(const std::string& x, const std::string& y, size_t* distance) {
  size_t longer = std::max(x.size(), y.size()), shorter = std::min(x.size(), y.size());
  if (longer == 0 || (longer - shorter) * 3 > longer) return false;
  *distance = EditDistance(x, y);
  return *distance * 3 <= longer;
}

// Renames: a removed and an added system of the same kind, owner, vendor, product and domain
// (with a vendor or a product, so that two bare systems do not match by accident) whose names,
// or ids, are close. Closest pairs first, each system in one pair at most.
//
// Only systems with the same key can pair, so they are compared bucket by bucket, and the
// closest-first rule never looks across buckets: the pairs are those of comparing everything.
// Comparing every pair of a bucket costs removed × added edit distances, though, which a
// re-import (every id new, one product) makes quadratic. A bucket over kMaxBucketPairs pairs or
// kMaxBucketCells characters compared (or once the whole diff has compared kMaxDiffCells) gets
// the linear rule instead: equal names (case ignored) pair in id order, which is what the
// closest-first rule does with them, and the note says what was not compared.
constexpr size_t kMaxBucketPairs = 250000;
constexpr size_t kMaxBucketCells = 50000000;
constexpr size_t kMaxDiffCells = 500000000;

struct RenameSide {
  const System* system;
  std::string name, id;  // lower-case
};

void SuggestRenames(const Landscape& before, const Landscape& after, LandscapeDiff* d) {
  using Key =
      std::tuple<Kind, std::string_view, std::string_view, std::string_view, std::string_view>;
  auto key_of = [](const System& s) { return Key{s.kind, s.owner, s.vendor, s.product, s.domain}; };
  struct Bucket {
    std::vector<RenameSide> removed, added;
  };
  std::map<Key, Bucket> buckets;
  for (const std::string& r : d->systems_removed) {
    const System& x = before.systems[*before.FindSystem(r)];
    if (x.vendor.empty() && x.product.empty()) continue;
    buckets[key_of(x)].removed.push_back({&x, AsciiLower(x.name), AsciiLower(x.id)});
  }
  for (const std::string& n : d->systems_added) {
    const System& y = after.systems[*after.FindSystem(n)];
    if (y.vendor.empty() && y.product.empty()) continue;
    auto it = buckets.find(key_of(y));
    if (it != buckets.end()) it->second.added.push_back({&y, AsciiLower(y.name), AsciiLower(y.id)});
  }
  auto reason = [](const System& x, bool names, bool same_name) {
    std::string common =
        "same " + std::string(x.product.empty() ? "vendor " + x.vendor : "product " + x.product);
    if (!x.owner.empty()) common += ", owner " + x.owner;
    if (!x.domain.empty()) common += ", domain " + x.domain;
    return common + (names ? (same_name ? "; same name" : "; similar name") : "; similar id");
  };
  size_t diff_cells = 0;
  for (auto& [key, b] : buckets) {
    if (b.added.empty()) continue;
    auto by_id = [](const RenameSide& p, const RenameSide& q) {
      return p.system->id < q.system->id;
    };
    std::sort(b.removed.begin(), b.removed.end(), by_id);
    std::sort(b.added.begin(), b.added.end(), by_id);
    size_t name_r = 0, name_a = 0, id_r = 0, id_a = 0;
    for (const RenameSide& x : b.removed) name_r += x.name.size(), id_r += x.id.size() + 1;
    for (const RenameSide& y : b.added) name_a += y.name.size(), id_a += y.id.size() + 1;
    size_t cells = name_r * name_a + id_r * id_a;  // what comparing every pair costs
    size_t pairs = b.removed.size() * b.added.size();
    if (pairs <= kMaxBucketPairs && cells <= kMaxBucketCells &&
        diff_cells + cells <= kMaxDiffCells) {
      diff_cells += cells;
      struct Candidate {
        size_t distance;
        uint32_t removed, added;
        bool names;
      };
      std::vector<Candidate> candidates;
      for (uint32_t i = 0; i < b.removed.size(); ++i) {
        for (uint32_t j = 0; j < b.added.size(); ++j) {
          const RenameSide &x = b.removed[i], &y = b.added[j];
          size_t by_name = 0, by_id = 0;
          bool names = !x.name.empty() && !y.name.empty() && Similar(x.name, y.name, &by_name);
          bool ids = !names && Similar(x.id, y.id, &by_id);
          if (names || ids) candidates.push_back({names ? by_name : by_id, i, j, names});
        }
      }
      // Sides are in id order, so (distance, removed, added) is the order of the ids.
      std::sort(candidates.begin(), candidates.end(), [](const Candidate& p, const Candidate& q) {
        return std::tie(p.distance, p.removed, p.added) < std::tie(q.distance, q.removed, q.added);
      });
      std::vector<bool> used_removed(b.removed.size()), used_added(b.added.size());
      for (const Candidate& c : candidates) {
        if (used_removed[c.removed] || used_added[c.added]) continue;
        used_removed[c.removed] = used_added[c.added] = true;
        const System &x = *b.removed[c.removed].system, &y = *b.added[c.added].system;
        d->renames.push_back({x.id, y.id, reason(x, c.names, x.name == y.name)});
      }
      continue;
    }
    // Too many to compare: equal names only, the i-th removed with the i-th added of each name.
    std::unordered_map<std::string_view, std::vector<uint32_t>> added_by_name;
    for (uint32_t j = 0; j < b.added.size(); ++j)
      if (!b.added[j].name.empty()) added_by_name[b.added[j].name].push_back(j);
    std::unordered_map<std::string_view, size_t> taken;
    size_t paired = 0;
    for (const RenameSide& x : b.removed) {
      if (x.name.empty()) continue;
      auto it = added_by_name.find(x.name);
      if (it == added_by_name.end()) continue;
      size_t& next = taken[x.name];
      if (next >= it->second.size()) continue;
      const System& y = *b.added[it->second[next++]].system;
      d->renames.push_back({x.system->id, y.id, reason(*x.system, true, x.system->name == y.name)});
      ++paired;
    }
    const System& x = *b.removed.front().system;
    std::string what = x.product.empty() ? "vendor " + x.vendor : "product " + x.product;
    if (!x.owner.empty()) what += ", owner " + x.owner;
    if (!x.domain.empty()) what += ", domain " + x.domain;
    size_t left = b.removed.size() - paired;
    d->notes.push_back(std::to_string(b.removed.size()) + " removed and " +
                       std::to_string(b.added.size()) + " added systems of " + what +
                       " are too many to compare every pair: only equal names were matched (" +
                       std::to_string(paired) + " possible renames)" +
                       (left == 0 ? std::string()
                                  : "; the other " + std::to_string(left) +
                                        " removed systems were not compared by similar names or "
                                        "ids"));
  }
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

  SuggestRenames(before, after, &d);
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
