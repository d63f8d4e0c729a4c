// The model: systems, integrations, keys and kommunenummer changes of one landscape file.
// Ids are strings at the edges of the program and indices inside it: they are interned once
// at load time, and every analysis works on SystemIndex / IntegrationIndex / KeyIndex.
#pragma once

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "engine/model/date.h"

namespace landskap {

using SystemIndex = uint32_t;
using IntegrationIndex = uint32_t;
using KeyIndex = uint32_t;

enum class Kind { kUnspecified, kNational, kMunicipal, kIntermunicipal, kVendor };
// Ordered so that a larger value is more critical; kUnspecified ranks below low.
enum class Criticality { kUnspecified, kLow, kMedium, kHigh, kCritical };

// "" for kUnspecified, otherwise the file's spelling ("national", "high" ...).
std::string_view KindName(Kind kind);
std::string_view CriticalityName(Criticality c);
std::optional<Kind> ParseKind(std::string_view text);
std::optional<Criticality> ParseCriticality(std::string_view text);

struct Cutover {
  std::optional<double> effort_days;  // nullopt: not estimated (plans use a documented default)
  std::vector<SystemIndex> after;     // explicit precedence: these finish before this starts
  std::optional<DayNumber> fixed_date;
};

struct System {
  std::string id;
  std::string name;
  Kind kind = Kind::kUnspecified;
  std::string owner;  // a kommunenummer for municipal systems, an organisation otherwise
  std::string vendor;
  std::string product;
  std::string domain;
  std::vector<KeyIndex> keys;  // keys the system holds (stores or uses), sorted, unique
  Criticality criticality = Criticality::kUnspecified;
  Cutover cutover;
  // Where the facts about this system come from, in words: a public page for a catalogue
  // entry, the element of an Archi model it was imported from. Optional.
  std::string source;

  // The name when given, else the id: what people read.
  const std::string& Label() const { return name.empty() ? id : name; }
};

struct Integration {
  // From the file, or "FROM:TO" (with "+2", "+3" ... on repeats) when absent: made of id
  // characters, so a file written back with these ids loads again.
  std::string id;
  // True when the file gave no id and AddIntegration made one. The writer leaves such ids out,
  // so that formatting a file does not add ids its author never wrote.
  bool id_generated = false;
  SystemIndex from = 0;           // provides the data
  SystemIndex to = 0;             // consumes the data
  std::vector<KeyIndex> carries;  // sorted, unique
  std::string protocol;
  Criticality criticality = Criticality::kUnspecified;
  // Where this integration comes from, in words: e.g. the Archi relationships and the
  // interfaces and services an imported chain went through. Optional.
  std::string source;

  bool Carries(KeyIndex key) const;
};

struct KeyDefinition {
  std::string id;
  std::string description;
  bool declared = false;  // listed in the file's "keys"; otherwise only used by systems
  // The place in the file's "keys" list when declared. Key indices follow first use, not
  // declaration (systems are read while the file streams in), so the writer needs this to
  // keep the author's order of the list.
  uint32_t declared_position = 0;
};

// The four kinds of reform (engine/model/reform.h): a renumbering or a merger moves all of
// `from` to `to` (a whole change); a split or a border adjustment moves part of it.
enum class ReformKind { kRenumbering, kMerger, kSplit, kBorderAdjustment };

// One value of a key that changes on a date, e.g. kommunenummer 1246 -> 4626 on 2020-01-01.
struct Change {
  KeyIndex key = 0;
  std::string from;
  std::string to;
  std::optional<DayNumber> effective;
  // What the file says the change is ("kind"); nullopt: the reform's description infers it.
  std::optional<ReformKind> kind;

  bool partial() const {
    return kind == ReformKind::kSplit || kind == ReformKind::kBorderAdjustment;
  }
};

// How many tasks of one vendor (its people) or one owner (e.g. a municipality's own IT staff)
// can be in progress on any working day of a cutover plan: the file's "resources" section.
struct ResourceCapacity {
  enum class Of { kVendor, kOwner };
  Of of = Of::kVendor;
  std::string name;  // the vendor or owner exactly as systems spell it
  uint32_t capacity = 1;
};

// Lets the id maps be searched with a string_view, without building a std::string per lookup.
struct IdHash {
  using is_transparent = void;
  size_t operator()(std::string_view id) const { return std::hash<std::string_view>{}(id); }
};
template <typename Index>
using IdMap = std::unordered_map<std::string, Index, IdHash, std::equal_to<>>;

// The index from id to position used for systems and integrations: an open-addressing table of
// (position, hash) pairs; the ids themselves stay in the elements. A national file has a
// million integrations: a node-based map would copy each id once more and allocate a node for
// it (about 110 bytes an id), and its lookups walk chains that miss the cache.
class IdIndex {
 public:
  // `id_of(position)` gives the id of an element; the table keeps only positions.
  template <typename IdOf>
  std::optional<uint32_t> Find(std::string_view id, IdOf id_of) const {
    if (slots_.empty()) return std::nullopt;
    size_t hash = IdHash{}(id);
    for (size_t i = hash & mask_;; i = (i + 1) & mask_) {
      const Slot& slot = slots_[i];
      if (slot.position == kEmpty) return std::nullopt;
      if (slot.hash == static_cast<uint32_t>(hash) && id_of(slot.position) == id)
        return slot.position;
    }
  }
  // Adds `position` under `id` unless the id is there; returns false when it was.
  template <typename IdOf>
  bool Insert(std::string_view id, uint32_t position, IdOf id_of) {
    if ((size_ + 1) * 2 > slots_.size()) Grow(std::max<size_t>(16, slots_.size() * 2), id_of);
    size_t hash = IdHash{}(id);
    for (size_t i = hash & mask_;; i = (i + 1) & mask_) {
      Slot& slot = slots_[i];
      if (slot.position == kEmpty) {
        slot = {position, static_cast<uint32_t>(hash)};
        ++size_;
        return true;
      }
      if (slot.hash == static_cast<uint32_t>(hash) && id_of(slot.position) == id) return false;
    }
  }
  // Makes room for `count` ids in all, so that a table filled in one go is not rebuilt.
  template <typename IdOf>
  void Reserve(size_t count, IdOf id_of) {
    size_t want = 16;
    while (want < count * 2) want *= 2;
    if (want > slots_.size()) Grow(want, id_of);
  }
  size_t size() const { return size_; }

 private:
  static constexpr uint32_t kEmpty = UINT32_MAX;
  struct Slot {
    uint32_t position = kEmpty;
    uint32_t hash = 0;  // the low bits of the id's hash, to skip most string comparisons
  };
  template <typename IdOf>
  void Grow(size_t slots, IdOf id_of) {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(slots, Slot{});
    mask_ = slots - 1;
    for (const Slot& s : old) {
      if (s.position == kEmpty) continue;
      size_t hash = IdHash{}(id_of(s.position));
      size_t i = hash & mask_;
      while (slots_[i].position != kEmpty) i = (i + 1) & mask_;
      slots_[i] = s;
    }
  }
  std::vector<Slot> slots_;
  size_t mask_ = 0;
  size_t size_ = 0;
};

class Landscape {
 public:
  std::string format;
  std::string name;
  std::vector<KeyDefinition> keys;
  std::vector<System> systems;
  std::vector<Integration> integrations;
  std::vector<Change> changes;
  std::vector<ResourceCapacity> resources;  // in file order
  // Ids of the systems the loader took from the national catalogue (engine/file/catalogue.h)
  // because the file names them without defining them, in the order they were taken.
  std::vector<std::string> catalogue_used;

  std::optional<SystemIndex> FindSystem(std::string_view id) const;
  std::optional<KeyIndex> FindKey(std::string_view id) const;
  std::optional<IntegrationIndex> FindIntegration(std::string_view id) const;

  // Adds a system and indexes its id; returns nullopt when the id is taken.
  std::optional<SystemIndex> AddSystem(System system);
  // Returns the key's index, adding an undeclared key when it is new.
  KeyIndex InternKey(std::string_view id);
  // Adds an integration; an empty id gets "FROM:TO", made unique with "+N", and id_generated.
  // Returns nullopt when an explicit id is taken.
  std::optional<IntegrationIndex> AddIntegration(Integration integration);
  // For loaders: adds an integration whose id is empty and stays empty until
  // NameIntegrations(). A file may spell out "a:b" after an integration a -> b without an id;
  // the id the file gives must win over the one landskap would make up.
  IntegrationIndex AddIntegrationNamedLater(Integration integration);
  // Gives each integration added by AddIntegrationNamedLater, in the order they were added,
  // "FROM:TO" or "FROM:TO+N" with the smallest N >= 2 that no other integration has.
  void NameIntegrations();
  // Id lookups spent so far making ids up. Tests check that it grows linearly with the number
  // of integrations (unit tests never time anything).
  size_t IdProbes() const { return id_probes_; }

  // Makes room for this many systems and integrations in all (a loader that counted first).
  void Reserve(size_t system_count, size_t integration_count);

  // All system ids, for did-you-mean suggestions.
  std::vector<std::string_view> SystemIds() const;

 private:
  IdIndex system_by_id_;
  IdMap<KeyIndex> key_by_id_;
  IdIndex integration_by_id_;
  auto SystemId() const {
    return [this](uint32_t i) -> std::string_view { return systems[i].id; };
  }
  auto IntegrationId() const {
    return [this](uint32_t i) -> std::string_view { return integrations[i].id; };
  }

  // Gives integrations[index] the id "FROM:TO", or "FROM:TO+N" with the smallest free N >= 2,
  // and indexes it.
  void NameIntegration(IntegrationIndex index);
  // For each "FROM:TO" already taken, the next "+N" to try. Counting on from the last N given
  // instead of from 2 keeps 40 000 integrations between the same two systems linear (each N is
  // looked at once). Only repeated pairs get an entry, so a national file stays small.
  IdMap<uint32_t> next_suffix_;
  std::vector<IntegrationIndex> unnamed_;  // added by AddIntegrationNamedLater, not yet named
  size_t id_probes_ = 0;
};

}  // namespace landskap
