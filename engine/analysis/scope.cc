// The "Scoped to a reform" rule of PRODUCT.md, precomputed per system.
#include "engine/analysis/scope.h"

#include <algorithm>

namespace landskap {

ReformScope::ReformScope(const Landscape& landscape, std::vector<std::string> changing,
                         std::vector<std::string> receiving)
    : scoped_(true), changing_(std::move(changing)) {
  std::sort(changing_.begin(), changing_.end());
  changing_.erase(std::unique(changing_.begin(), changing_.end()), changing_.end());
  receiving.insert(receiving.end(), changing_.begin(), changing_.end());
  std::sort(receiving.begin(), receiving.end());
  in_scope_.resize(landscape.systems.size());
  changing_owner_.resize(landscape.systems.size());
  for (SystemIndex s = 0; s < landscape.systems.size(); ++s) {
    const std::string& owner = landscape.systems[s].owner;
    bool local = IsKommunenummer(owner);
    bool changes = local && std::binary_search(receiving.begin(), receiving.end(), owner);
    changing_owner_[s] = changes;
    in_scope_[s] = !local || changes;
  }
}

ReformScope ReformScope::ForKey(const Landscape& landscape, std::optional<KeyIndex> key,
                                const std::vector<std::string>& owners) {
  if (!owners.empty()) return ReformScope(landscape, owners);
  if (!key) return ReformScope();
  std::vector<std::string> changing, receiving;
  for (const Change& c : landscape.changes) {
    if (c.key == *key && c.from != c.to) {
      changing.push_back(c.from);
      receiving.push_back(c.to);
    }
  }
  if (changing.empty()) return ReformScope();
  return ReformScope(landscape, std::move(changing), std::move(receiving));
}

}  // namespace landskap
