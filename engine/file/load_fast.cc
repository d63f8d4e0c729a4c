// The fast path of the landscape loader (see load_fast.h). It must build exactly the model the
// precise loader builds for the same clean file: the same key indices (first use while reading
// systems, then integrations, then the declared list, then changes), the same generated
// integration ids, the same sorted key and `after` lists. Anything the precise loader would
// report, even as a warning, makes it give up instead, so it never has to word a message.
// Systems taken from the national catalogue (LoadOptions::use_catalogue) are added at the same
// moments as there: an integration's "from", then its "to", before its "carries"; cutover
// "after" once the systems and integrations are read. Where the file's field order would make
// that differ, it gives up.
#include "engine/file/load_fast.h"

#include <simdjson.h>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "engine/file/catalogue.h"
#include "engine/file/load.h"
#include "engine/model/municipality.h"
#include "engine/model/reform.h"

namespace landskap {
namespace {

namespace od = simdjson::ondemand;

// Gives up on the file: the precise loader will say why.
#define FAST_TRY(expression)         \
  do {                               \
    if (!(expression)) return false; \
  } while (false)

// True when the value is null (consumed); false otherwise, with nothing consumed.
bool IsNull(od::value& value) {
  bool is_null = false;
  if (value.is_null().get(is_null)) return false;
  return is_null;
}

// The text of strings without going through simdjson's string buffer (which would grow by
// every string of the file, ~100 MB for a national one): a view into the file when the string
// has no escapes, which is nearly always, else unescaped into a small buffer of our own.
class Strings {
 public:
  explicit Strings(const od::parser& parser) : parser_(parser) {}

  // Valid until the next call.
  bool Get(od::value& value, std::string_view* out) {
    od::raw_json_string raw;
    if (value.get_raw_json_string().get(raw)) return false;
    return Text(raw, out);
  }
  bool Text(od::raw_json_string raw, std::string_view* out) {
    const char* begin = raw.raw();
    const char* end = begin;
    // The closing quote is there: simdjson's first stage paired every quote of the file.
    while (*end != '"' && *end != '\\') ++end;
    if (*end == '"') {
      *out = std::string_view(begin, static_cast<size_t>(end - begin));
      return true;
    }
    while (*end != '"') end += *end == '\\' ? 2 : 1;
    buffer_.resize(static_cast<size_t>(end - begin) + simdjson::SIMDJSON_PADDING);
    uint8_t* dst = buffer_.data();
    return !parser_.unescape(raw, dst).get(*out);
  }

 private:
  const od::parser& parser_;
  std::vector<uint8_t> buffer_;
};

class FastReader {
 public:
  FastReader(const od::parser& parser, Landscape* landscape, const LoadOptions& options)
      : strings_(parser), landscape_(*landscape), options_(options) {}

  bool Read(od::document& doc) {
    od::object root;
    FAST_TRY(!doc.get_object().get(root));
    uint32_t seen = 0;
    for (auto field_result : root) {
      od::field field;
      FAST_TRY(!std::move(field_result).get(field));
      std::string_view name;
      FAST_TRY(strings_.Text(field.key(), &name));
      static constexpr std::string_view kNames[] = {
          "format", "name", "keys", "systems", "integrations", "changes", "resources"};
      size_t which = std::find(std::begin(kNames), std::end(kNames), name) - std::begin(kNames);
      FAST_TRY(which < std::size(kNames) && !(seen & (1u << which)));
      seen |= 1u << which;
      od::value value = field.value();
      switch (which) {
        case 0: {
          std::string format;
          FAST_TRY(OptionalString(value, &format));
          FAST_TRY(format.empty() || format == "landskap/1");
          landscape_.format = format;
          break;
        }
        case 1:
          FAST_TRY(OptionalString(value, &landscape_.name));
          break;
        case 2:
          FAST_TRY(ReadKeys(value));
          break;
        case 3:
          FAST_TRY(ReadSystems(value));
          break;
        case 4:
          // The precise loader keeps integrations that come before the systems for the end;
          // that order is rare enough to leave to it.
          FAST_TRY(systems_read_ || IsNull(value));
          if (systems_read_) FAST_TRY(ReadIntegrations(value));
          break;
        case 5:
          FAST_TRY(ReadChanges(value));
          break;
        default:
          FAST_TRY(ReadResources(value));
          break;
      }
    }
    // Anything after the object (a second object, stray text) is a syntax error.
    FAST_TRY(doc.current_location().error() == simdjson::OUT_OF_BOUNDS);
    return Finish();
  }

 private:
  // Calls `each(number, value)` for every field, `number` being the field's place in `names`;
  // false (give up) on a syntax error, a field seen twice, or when `each` returns false. An
  // unknown field is a warning in the precise loader, so it gives up on that too.
  template <typename Each>
  bool ForEach(od::value value, std::initializer_list<std::string_view> names, Each each) {
    od::object object;
    if (value.get_object().get(object)) return false;
    uint32_t seen = 0;
    for (auto field_result : object) {
      od::field field;
      if (std::move(field_result).get(field)) return false;
      std::string_view name;
      if (!strings_.Text(field.key(), &name)) return false;
      uint32_t bit = 0, i = 0;
      for (std::string_view known : names) {
        if (known == name) {
          bit = 1u << i;
          break;
        }
        ++i;
      }
      if (bit == 0 || (seen & bit)) return false;
      seen |= bit;
      if (!each(i, field.value())) return false;
    }
    return true;
  }

  // A string or null (left as it is). False on any other type.
  bool OptionalString(od::value value, std::string* out) {
    if (IsNull(value)) return true;
    std::string_view text;
    if (!strings_.Get(value, &text)) return false;
    out->assign(text);
    return true;
  }

  // A required, well-formed id.
  bool Id(od::value value, std::string* out) {
    std::string_view text;
    if (!strings_.Get(value, &text) || !IsWellFormedId(text)) return false;
    out->assign(text);
    return true;
  }

  template <typename Enum>
  bool OptionalEnum(od::value value, std::optional<Enum> (*parse)(std::string_view), Enum* out) {
    if (IsNull(value)) return true;
    std::string_view text;
    if (!strings_.Get(value, &text)) return false;
    auto parsed = parse(text);
    if (!parsed) return false;
    *out = *parsed;
    return true;
  }

  // The declared keys are applied after systems and integrations, as the precise loader does,
  // so key indices follow the same order.
  bool ReadKeys(od::value value) {
    if (IsNull(value)) return true;
    od::array array;
    FAST_TRY(!value.get_array().get(array));
    for (auto item_result : array) {
      od::value item;
      FAST_TRY(!item_result.get(item));
      od::json_type type;
      FAST_TRY(!item.type().get(type));
      std::pair<std::string, std::string> key;
      if (type == od::json_type::string) {
        FAST_TRY(Id(item, &key.first));
      } else {
        bool has_id = false;
        FAST_TRY(ForEach(item, {"id", "description"}, [&](uint32_t i, od::value v) {
          if (i == 0) return has_id = Id(v, &key.first);
          return OptionalString(v, &key.second);
        }));
        FAST_TRY(has_id);
      }
      for (const auto& earlier : declared_) FAST_TRY(earlier.first != key.first);
      declared_.push_back(std::move(key));
    }
    return true;
  }

  // An id list (keys, carries): well-formed strings, interned in the order written, then
  // sorted and made unique.
  bool KeyList(od::value value, std::vector<KeyIndex>* out) {
    if (IsNull(value)) return true;
    od::array array;
    FAST_TRY(!value.get_array().get(array));
    for (auto item_result : array) {
      od::value item;
      FAST_TRY(!item_result.get(item));
      std::string_view text;
      FAST_TRY(strings_.Get(item, &text));
      FAST_TRY(IsWellFormedId(text));
      out->push_back(Intern(text));
    }
    std::sort(out->begin(), out->end());
    out->erase(std::unique(out->begin(), out->end()), out->end());
    return true;
  }

  KeyIndex Intern(std::string_view id) {
    KeyIndex key = landscape_.InternKey(id);
    if (used_.size() <= key) used_.resize(key + 1, false);
    used_[key] = true;
    return key;
  }

  bool ReadSystems(od::value value) {
    if (IsNull(value)) return true;
    od::array array;
    FAST_TRY(!value.get_array().get(array));
    size_t count = 0;
    FAST_TRY(!array.count_elements().get(count));
    landscape_.Reserve(landscape_.systems.size() + count, landscape_.integrations.size());
    for (auto item_result : array) {
      od::value item;
      FAST_TRY(!item_result.get(item));
      FAST_TRY(ReadSystem(item));
    }
    // Only an array of systems lets integrations stream in after it (as in the precise loader).
    systems_read_ = true;
    return true;
  }

  bool ReadSystem(od::value item) {
    System system;
    bool has_id = false;
    std::vector<std::string> after;
    bool has_after = false;
    FAST_TRY(ForEach(item,
                     {"id", "name", "kind", "owner", "vendor", "product", "domain", "keys",
                      "criticality", "cutover", "source"},
                     [&](uint32_t i, od::value v) {
                       switch (i) {
                         case 0:
                           return has_id = Id(v, &system.id);
                         case 1:
                           return OptionalString(v, &system.name);
                         case 2:
                           return OptionalEnum<Kind>(v, ParseKind, &system.kind);
                         case 3:
                           return OptionalString(v, &system.owner);
                         case 4:
                           return OptionalString(v, &system.vendor);
                         case 5:
                           return OptionalString(v, &system.product);
                         case 6:
                           return OptionalString(v, &system.domain);
                         case 7:
                           return KeyList(v, &system.keys);
                         case 8:
                           return OptionalEnum<Criticality>(v, ParseCriticality,
                                                            &system.criticality);
                         case 9:
                           return ReadCutover(v, &system.cutover, &after, &has_after);
                         default:
                           return OptionalString(v, &system.source);
                       }
                     }));
    FAST_TRY(has_id);
    // The precise loader warns about a municipal system owned by something else.
    FAST_TRY(system.kind != Kind::kMunicipal || system.owner.empty() ||
             IsKommunenummer(system.owner));
    auto index = landscape_.AddSystem(std::move(system));
    FAST_TRY(index.has_value());
    if (has_after) pending_after_.emplace_back(*index, std::move(after));
    return true;
  }

  bool ReadCutover(od::value value, Cutover* cutover, std::vector<std::string>* after,
                   bool* has_after) {
    if (IsNull(value)) return true;
    return ForEach(value, {"effort_days", "after", "fixed_date"}, [&](uint32_t i, od::value v) {
      if (i == 0) {
        if (IsNull(v)) return true;
        double days = 0;
        if (v.get_double().get(days)) return false;
        if (!(days >= 0) || days > 100000) return false;
        cutover->effort_days = days;
        return true;
      }
      if (i == 1) {
        if (IsNull(v)) return true;
        od::array array;
        if (v.get_array().get(array)) return false;
        *has_after = true;
        for (auto ref_result : array) {
          od::value ref;
          std::string_view id;
          if (ref_result.get(ref) || !strings_.Get(ref, &id) || id.empty()) return false;
          after->emplace_back(id);
        }
        return true;
      }
      if (IsNull(v)) return true;
      std::string_view date;
      if (!strings_.Get(v, &date)) return false;
      auto day = ParseDate(date);
      if (!day) return false;
      cutover->fixed_date = day;
      return true;
    });
  }

  bool ReadIntegrations(od::value value) {
    od::array array;
    FAST_TRY(!value.get_array().get(array));
    // Counting first (a skim over the structure) lets the table of a million integrations be
    // allocated once instead of grown, copied and rehashed.
    size_t count = 0;
    FAST_TRY(!array.count_elements().get(count));
    landscape_.Reserve(landscape_.systems.size(), landscape_.integrations.size() + count);
    for (auto item_result : array) {
      od::value item;
      FAST_TRY(!item_result.get(item));
      FAST_TRY(ReadIntegration(item));
    }
    return true;
  }

  // A system the file defines, or (with the catalogue) one to be looked up once the
  // integration's other end is known: `pending` receives its id.
  bool SystemRef(od::value v, std::optional<SystemIndex>* found, std::string* pending) {
    std::string_view id;
    if (!strings_.Get(v, &id) || !IsWellFormedId(id)) return false;
    *found = landscape_.FindSystem(id);
    if (*found) return true;
    if (!options_.use_catalogue) return false;
    pending->assign(id);
    return true;
  }

  // A system from the catalogue, or the one an earlier lookup of the same id added.
  std::optional<SystemIndex> CatalogueSystem(const std::string& id) {
    if (auto index = landscape_.FindSystem(id)) return index;
    return AddCatalogueSystem(id, &landscape_);
  }

  bool ReadIntegration(od::value item) {
    Integration integration;
    std::optional<SystemIndex> from, to;
    std::string pending_from, pending_to;
    bool seen_from = false, seen_to = false, carries_read = false;
    // The precise loader looks up "from", then "to", then interns "carries": catalogue systems
    // (which intern their keys) are added in that order, or the file is left to it.
    auto resolve = [&]() {
      if (pending_from.empty() && pending_to.empty()) return true;
      if (!seen_from || !seen_to) return false;
      if (!pending_from.empty()) {
        from = CatalogueSystem(pending_from);
        pending_from.clear();
      }
      if (!pending_to.empty()) {
        to = CatalogueSystem(pending_to);
        pending_to.clear();
      }
      return from.has_value() && to.has_value();
    };
    FAST_TRY(ForEach(item, {"id", "from", "to", "carries", "protocol", "criticality", "source"},
                     [&](uint32_t i, od::value v) {
                       switch (i) {
                         case 0:
                           return IsNull(v) || Id(v, &integration.id);
                         case 1:
                           seen_from = true;
                           // After "carries", a catalogue lookup would come too late.
                           return SystemRef(v, &from, &pending_from) && !(carries_read && !from);
                         case 2:
                           seen_to = true;
                           return SystemRef(v, &to, &pending_to) && !(carries_read && !to);
                         case 3:
                           carries_read = true;
                           return resolve() && KeyList(v, &integration.carries);
                         case 4:
                           return OptionalString(v, &integration.protocol);
                         case 5:
                           return OptionalEnum<Criticality>(v, ParseCriticality,
                                                            &integration.criticality);
                         default:
                           return OptionalString(v, &integration.source);
                       }
                     }));
    FAST_TRY(resolve());
    FAST_TRY(from && to && *from != *to);
    integration.from = *from;
    integration.to = *to;
    if (integration.id.empty()) {
      landscape_.AddIntegrationNamedLater(std::move(integration));
    } else {
      FAST_TRY(!landscape_.FindIntegration(integration.id));
      landscape_.AddIntegration(std::move(integration));
    }
    return true;
  }

  bool ReadChanges(od::value value) {
    if (IsNull(value)) return true;
    od::array array;
    FAST_TRY(!value.get_array().get(array));
    for (auto item_result : array) {
      od::value item;
      FAST_TRY(!item_result.get(item));
      std::string key, from, to;
      std::optional<std::string> effective, kind;
      bool has_key = false, has_from = false, has_to = false;
      FAST_TRY(
          ForEach(item, {"key", "from", "to", "effective", "kind"}, [&](uint32_t i, od::value v) {
            switch (i) {
              case 0:
                return has_key = Id(v, &key);
              case 1:
                if (IsNull(v)) return false;
                return has_from = OptionalString(v, &from);
              case 2:
                if (IsNull(v)) return false;
                return has_to = OptionalString(v, &to);
              case 3:
                if (IsNull(v)) return true;
                effective.emplace();
                return OptionalString(v, &*effective);
              default:
                if (IsNull(v)) return true;
                kind.emplace();
                return OptionalString(v, &*kind);
            }
          }));
      FAST_TRY(has_key && has_from && has_to);
      if (key == "kommunenummer") FAST_TRY(IsKommunenummer(from) && IsKommunenummer(to));
      Change change;
      // An absent or null date is none; any string must be a date ("" is not).
      if (effective) {
        change.effective = ParseDate(*effective);
        FAST_TRY(change.effective.has_value());
      }
      if (kind) {
        change.kind = ReformKindFromName(*kind);
        FAST_TRY(change.kind.has_value());
      }
      change.from = std::move(from);
      change.to = std::move(to);
      pending_changes_.push_back({std::move(key), std::move(change)});
    }
    return true;
  }

  // "resources": [{"vendor": "Tieto", "capacity": 2}, {"owner": "1246", "capacity": 3}]. A null
  // inside, a capacity that is not a whole number from 1 to 1000000, or the same vendor or
  // owner twice is left to the precise loader.
  bool ReadResources(od::value value) {
    if (IsNull(value)) return true;
    od::array array;
    FAST_TRY(!value.get_array().get(array));
    for (auto item_result : array) {
      od::value item;
      FAST_TRY(!item_result.get(item));
      ResourceCapacity r;
      bool has_name = false, has_capacity = false;
      FAST_TRY(ForEach(item, {"vendor", "owner", "capacity"}, [&](uint32_t i, od::value v) {
        if (i < 2) {
          if (has_name) return false;  // both vendor and owner
          std::string_view name;
          if (!strings_.Get(v, &name) || name.empty()) return false;
          r.of = i == 0 ? ResourceCapacity::Of::kVendor : ResourceCapacity::Of::kOwner;
          r.name.assign(name);
          return has_name = true;
        }
        int64_t capacity = 0;
        if (v.get_int64().get(capacity) || capacity < 1 || capacity > 1000000) return false;
        r.capacity = static_cast<uint32_t>(capacity);
        return has_capacity = true;
      }));
      FAST_TRY(has_name && has_capacity);
      FAST_TRY(resource_names_.emplace(static_cast<int>(r.of), r.name).second);
      landscape_.resources.push_back(std::move(r));
    }
    return true;
  }

  bool Finish() {
    for (size_t position = 0; position < declared_.size(); ++position) {
      KeyIndex key = landscape_.InternKey(declared_[position].first);
      landscape_.keys[key].declared = true;
      landscape_.keys[key].declared_position = static_cast<uint32_t>(position);
      landscape_.keys[key].description = std::move(declared_[position].second);
    }
    for (auto& [s, after] : pending_after_) {
      for (const std::string& id : after) {
        auto target = landscape_.FindSystem(id);
        if (!target && options_.use_catalogue) target = AddCatalogueSystem(id, &landscape_);
        FAST_TRY(target && *target != s);
        // Adding a catalogue system may move the systems: no reference is kept across it.
        landscape_.systems[s].cutover.after.push_back(*target);
      }
      auto& list = landscape_.systems[s].cutover.after;
      std::sort(list.begin(), list.end());
      list.erase(std::unique(list.begin(), list.end()), list.end());
    }
    landscape_.NameIntegrations();
    for (auto& [key, change] : pending_changes_) {
      change.key = Intern(key);
      landscape_.changes.push_back(std::move(change));
    }
    // Contradicting or repeated changes are the precise loader's to report.
    Diagnostics reform;
    FAST_TRY(CheckChanges(
        landscape_, [](size_t) { return std::string(); }, &reform));
    FAST_TRY(reform.Items().empty());
    // With declared keys, one used but not declared is a warning of the precise loader.
    if (!declared_.empty())
      for (KeyIndex k = 0; k < used_.size(); ++k)
        FAST_TRY(!used_[k] || landscape_.keys[k].declared);
    return true;
  }

  Strings strings_;
  Landscape& landscape_;
  const LoadOptions& options_;
  bool systems_read_ = false;
  std::vector<std::pair<std::string, std::string>> declared_;  // id, description
  std::vector<bool> used_;  // by KeyIndex: used by a system, an integration or a change
  std::vector<std::pair<SystemIndex, std::vector<std::string>>> pending_after_;
  std::vector<std::pair<std::string, Change>> pending_changes_;
  std::set<std::pair<int, std::string>> resource_names_;  // (of, name) seen in "resources"
};

}  // namespace

bool LoadLandscapeFast(std::string_view text, size_t capacity, Landscape* landscape,
                       const LoadOptions& options) {
  od::parser parser;
  simdjson::padded_string copy;
  simdjson::padded_string_view view;
  if (capacity >= text.size() + simdjson::SIMDJSON_PADDING) {
    view = simdjson::padded_string_view(text.data(), text.size(), capacity);
  } else {
    copy = simdjson::padded_string(text.data(), text.size());
    view = copy;
  }
  od::document doc;
  if (parser.iterate(view).get(doc)) return false;
  FastReader reader(parser, landscape, options);
  return reader.Read(doc);
}

}  // namespace landskap
