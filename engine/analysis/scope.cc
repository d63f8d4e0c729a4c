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
  if (!owners.empty()) {
    ReformScope scope(landscape, owners);
    scope.basis_ = Basis::kOwners;
    return scope;
  }
  if (!key) return ReformScope();
  std::vector<std::string> changing = ChangingMunicipalities(landscape, *key);
  if (changing.empty()) return ReformScope();
  ReformScope scope(landscape, std::move(changing), ReceivingMunicipalities(landscape, *key));
  scope.basis_ = Basis::kChanges;
  scope.reform_ = DescribeReform(landscape, *key);
  return scope;
}

}  // namespace landskap
