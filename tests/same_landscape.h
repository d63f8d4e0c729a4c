// Field-by-field equality of two landscapes, for round-trip tests of the writer. Keys and
// systems are compared through their ids, not their indices: key indices follow first use in
// the file, so two files that say the same can number their keys differently.
#pragma once

#include <algorithm>
#include <string>
#include <vector>

#include "engine/model/landscape.h"

namespace landskap::testing {

namespace same_landscape_detail {

inline std::vector<std::string> KeyIds(const Landscape& l, const std::vector<KeyIndex>& keys) {
  std::vector<std::string> ids;
  for (KeyIndex k : keys) ids.push_back(l.keys[k].id);
  std::sort(ids.begin(), ids.end());
  return ids;
}

inline std::vector<std::string> SystemIds(const Landscape& l,
                                          const std::vector<SystemIndex>& systems) {
  std::vector<std::string> ids;
  for (SystemIndex s : systems) ids.push_back(l.systems[s].id);
  return ids;
}

inline std::string Show(const std::vector<std::string>& ids) {
  std::string out = "[";
  for (const std::string& id : ids) out += (out.size() > 1 ? ", " : "") + id;
  return out + "]";
}

inline std::string Show(const std::optional<double>& d) {
  return d ? std::to_string(*d) : "(none)";
}

inline std::string Show(const std::optional<DayNumber>& d) { return d ? FormatDate(*d) : "(none)"; }

inline std::string Show(const std::string& s) { return "'" + s + "'"; }
inline std::string Show(bool b) { return b ? "true" : "false"; }

}  // namespace same_landscape_detail

// True when `a` and `b` hold the same content; otherwise `first_difference` (when given) says
// where they first differ, e.g. "/systems/3 (fjell.gis) name: 'GIS' vs 'Kart'". Systems,
// integrations and changes are compared in order (the writer keeps it); keys by id, with their
// declaration, description and declared order.
inline bool SameLandscape(const Landscape& a, const Landscape& b,
                          std::string* first_difference = nullptr) {
  using namespace same_landscape_detail;
  std::string difference;
  auto differ = [&](const std::string& where, const auto& x, const auto& y) {
    if (x == y) return false;
    difference = where + ": " + Show(x) + " vs " + Show(y);
    return true;
  };
  auto result = [&]() {
    if (first_difference) *first_difference = difference;
    return difference.empty();
  };

  if (differ("format", a.format, b.format) || differ("name", a.name, b.name)) return result();

  // Keys: the same ids, each declared (and in the same declared order) or not in both.
  auto declared = [](const Landscape& l) {
    std::vector<std::pair<uint32_t, std::string>> order;
    for (const KeyDefinition& k : l.keys)
      if (k.declared) order.emplace_back(k.declared_position, k.id);
    std::sort(order.begin(), order.end());
    std::vector<std::string> ids;
    for (auto& [position, id] : order) ids.push_back(id);
    return ids;
  };
  auto all_keys = [](const Landscape& l) {
    std::vector<std::string> ids;
    for (const KeyDefinition& k : l.keys) ids.push_back(k.id);
    std::sort(ids.begin(), ids.end());
    return ids;
  };
  if (differ("keys (all)", all_keys(a), all_keys(b)) ||
      differ("keys (declared, in order)", declared(a), declared(b)))
    return result();
  for (const KeyDefinition& k : a.keys) {
    auto other = b.FindKey(k.id);
    if (!other) return differ("key " + k.id + " found by id", true, false), result();
    if (differ("key " + k.id + " description", k.description, b.keys[*other].description))
      return result();
  }

  if (differ("number of changes", std::to_string(a.changes.size()),
             std::to_string(b.changes.size())))
    return result();
  for (size_t i = 0; i < a.changes.size(); ++i) {
    const Change& x = a.changes[i];
    const Change& y = b.changes[i];
    std::string at = "/changes/" + std::to_string(i);
    if (differ(at + " key", a.keys[x.key].id, b.keys[y.key].id) ||
        differ(at + " from", x.from, y.from) || differ(at + " to", x.to, y.to) ||
        differ(at + " effective", x.effective, y.effective))
      return result();
  }

  if (differ("number of systems", std::to_string(a.systems.size()),
             std::to_string(b.systems.size())))
    return result();
  for (size_t i = 0; i < a.systems.size(); ++i) {
    const System& x = a.systems[i];
    const System& y = b.systems[i];
    std::string at = "/systems/" + std::to_string(i) + " (" + x.id + ")";
    if (differ(at + " id", x.id, y.id) || differ(at + " name", x.name, y.name) ||
        differ(at + " kind", std::string(KindName(x.kind)), std::string(KindName(y.kind))) ||
        differ(at + " owner", x.owner, y.owner) || differ(at + " vendor", x.vendor, y.vendor) ||
        differ(at + " product", x.product, y.product) ||
        differ(at + " domain", x.domain, y.domain) ||
        differ(at + " keys", KeyIds(a, x.keys), KeyIds(b, y.keys)) ||
        differ(at + " criticality", std::string(CriticalityName(x.criticality)),
               std::string(CriticalityName(y.criticality))) ||
        differ(at + " cutover.effort_days", x.cutover.effort_days, y.cutover.effort_days) ||
        differ(at + " cutover.after", SystemIds(a, x.cutover.after),
               SystemIds(b, y.cutover.after)) ||
        differ(at + " cutover.fixed_date", x.cutover.fixed_date, y.cutover.fixed_date) ||
        differ(at + " source", x.source, y.source))
      return result();
    if (b.FindSystem(x.id) != std::optional<SystemIndex>(static_cast<SystemIndex>(i)))
      return differ(at + " found by id", true, false), result();
  }

  if (differ("number of integrations", std::to_string(a.integrations.size()),
             std::to_string(b.integrations.size())))
    return result();
  for (size_t i = 0; i < a.integrations.size(); ++i) {
    const Integration& x = a.integrations[i];
    const Integration& y = b.integrations[i];
    std::string at = "/integrations/" + std::to_string(i) + " (" + x.id + ")";
    if (differ(at + " id", x.id, y.id) ||
        differ(at + " id_generated", x.id_generated, y.id_generated) ||
        differ(at + " from", a.systems[x.from].id, b.systems[y.from].id) ||
        differ(at + " to", a.systems[x.to].id, b.systems[y.to].id) ||
        differ(at + " carries", KeyIds(a, x.carries), KeyIds(b, y.carries)) ||
        differ(at + " protocol", x.protocol, y.protocol) ||
        differ(at + " criticality", std::string(CriticalityName(x.criticality)),
               std::string(CriticalityName(y.criticality))) ||
        differ(at + " source", x.source, y.source))
      return result();
    if (b.FindIntegration(x.id) !=
        std::optional<IntegrationIndex>(static_cast<IntegrationIndex>(i)))
      return differ(at + " found by id", true, false), result();
  }
  return result();
}

}  // namespace landskap::testing
