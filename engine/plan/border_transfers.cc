// Data-transfer tasks of border adjustments, added to the landscape before it is planned.
#include "engine/plan/border_transfers.h"

#include <algorithm>
#include <map>
#include <set>

namespace landskap {

bool IsRecordKey(std::string_view key) {
  static const std::set<std::string, std::less<>> kRecordKeys = {
      "adresse",    "address", "gnr-bnr", "gnr/bnr",       "matrikkelnummer",
      "bygningsnr", "fnr",     "dnr",     "fodselsnummer", "fødselsnummer"};
  return kRecordKeys.count(key) > 0;
}

std::vector<std::string> AddBorderTransfers(Landscape* landscape, KeyIndex key) {
  std::set<std::pair<std::string, std::string>> borders;
  for (const Change& c : landscape->changes)
    if (c.key == key && c.kind == ReformKind::kBorderAdjustment && c.from != c.to)
      borders.insert({c.from, c.to});
  auto holds_records = [&](const System& s, std::vector<KeyIndex>* records) {
    if (std::find(s.keys.begin(), s.keys.end(), key) == s.keys.end()) return false;
    for (KeyIndex k : s.keys)
      if (IsRecordKey(landscape->keys[k].id)) records->push_back(k);
    return !records->empty();
  };
  std::vector<std::string> added;
  for (const auto& [giver, receiver] : borders) {
    // Systems by domain on each side; sorted by id so the tasks come in a stable order.
    std::map<std::string, std::vector<SystemIndex>> giving, receiving;
    for (SystemIndex s = 0; s < landscape->systems.size(); ++s) {
      const System& sys = landscape->systems[s];
      std::vector<KeyIndex> records;
      if (sys.domain.empty() || !holds_records(sys, &records)) continue;
      if (sys.owner == giver) giving[sys.domain].push_back(s);
      if (sys.owner == receiver) receiving[sys.domain].push_back(s);
    }
    for (const auto& [domain, from_list] : giving) {
      auto to_list = receiving.find(domain);
      if (to_list == receiving.end()) continue;
      for (SystemIndex a : from_list) {
        for (SystemIndex b : to_list->second) {
          // Copies: adding a system may move the vector.
          System from = landscape->systems[a], to = landscape->systems[b];
          std::string id = "transfer." + from.id + "+" + to.id;
          if (landscape->FindSystem(id)) continue;
          std::vector<KeyIndex> shared;
          for (KeyIndex k : from.keys)
            if (k == key || (IsRecordKey(landscape->keys[k].id) &&
                             std::find(to.keys.begin(), to.keys.end(), k) != to.keys.end()))
              shared.push_back(k);
          std::sort(shared.begin(), shared.end());
          System task;
          task.id = id;
          task.name = "Data transfer (border adjustment): " + from.Label() + " → " + to.Label();
          task.kind = Kind::kMunicipal;
          task.owner = receiver;
          task.vendor = to.vendor;
          task.product = to.product;
          task.domain = domain;
          task.keys = shared;
          task.criticality = std::max(from.criticality, to.criticality);
          task.cutover.after = {a, b};
          std::sort(task.cutover.after.begin(), task.cutover.after.end());
          if (!landscape->AddSystem(std::move(task))) continue;
          added.push_back(id);
        }
      }
    }
  }
  std::sort(added.begin(), added.end());
  return added;
}

}  // namespace landskap
