// Reform scope: which kommunenummer values change, and so which systems a key change can reach.
// A system owned by a kommunenummer holds that municipality's data only; any other owner
// (a national agency, an intermunicipal company, a vendor, or none) makes it shared.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/model/landscape.h"
#include "engine/model/municipality.h"
#include "engine/model/reform.h"

namespace landskap {

class ReformScope {
 public:
  // What the scope was taken from, so that every answer can say what it assumed.
  enum class Basis {
    kNone,     // no changes and no --owner: every holder of the key is treated as changing
    kChanges,  // the reform of the file's changes (or a change table's)
    kOwners,   // the municipalities named with --owner
  };

  // Unscoped: every system is in scope and every integration passes a change on.
  ReformScope() = default;
  // Scoped to the municipalities whose numbers are in `changing` (kommunenummer values).
  // `receiving` are the numbers they change to: after a merger the new municipality's systems
  // (the survivors and conversion tasks `landskap merge` writes) hold the old numbers' data, so
  // they count as changing owners too; changing() still lists only the numbers that go.
  ReformScope(const Landscape& landscape, std::vector<std::string> changing,
              std::vector<std::string> receiving = {});

  // The changing municipalities of the reform the file's change list describes for `key` (every
  // old number, and the receiving side of a border adjustment), or `owners` when the user names
  // them by hand (--owner), which takes precedence.
  static ReformScope ForKey(const Landscape& landscape, std::optional<KeyIndex> key,
                            const std::vector<std::string>& owners);

  bool scoped() const { return scoped_; }
  Basis basis() const { return basis_; }
  // Sorted, unique.
  const std::vector<std::string>& changing() const { return changing_; }
  // With Basis::kChanges: the reform's steps (engine/model/reform.h), whatever order its rows
  // came in.
  const std::vector<ReformStep>& reform() const { return reform_; }

  // Shared, or owned by a changing municipality.
  bool InScope(SystemIndex s) const { return !scoped_ || in_scope_[s]; }
  // Owned by a changing municipality: it sends its own changed numbers across the border.
  bool OwnedByChanging(SystemIndex s) const { return !scoped_ || changing_owner_[s]; }
  // Whether an affected `from` passes the change on to `to` over an integration.
  bool Passes(SystemIndex from, SystemIndex to) const {
    return !scoped_ || in_scope_[to] || changing_owner_[from];
  }

 private:
  bool scoped_ = false;
  Basis basis_ = Basis::kNone;
  std::vector<std::string> changing_;
  std::vector<ReformStep> reform_;
  std::vector<char> in_scope_;
  std::vector<char> changing_owner_;
};

}  // namespace landskap
