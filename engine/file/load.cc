// Loading landskap/1 files with nlohmann/json: syntax errors become line:column diagnostics,
// everything after parsing is checked field by field and reported with its JSON path.
#include "engine/file/load.h"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <unordered_map>
#include <utility>

#include "engine/file/catalogue.h"
#include "engine/file/input.h"
#include "engine/file/json_type.h"
#include "engine/file/load_fast.h"
#include "engine/model/municipality.h"
#include "engine/model/reform.h"
#include "engine/model/suggest.h"

namespace landskap {
namespace {

using nlohmann::json;

// How the warning about an unknown field begins; IsUnknownFieldWarning recognises it by this.
constexpr std::string_view kUnknownFieldPrefix = "unknown field '";

// Past this many unknown references or keys we stop suggesting: a file with a million broken
// references needs a fix of its generator, not a million hints. What bounds the time is the
// SuggestionBudget (a few long ids can cost more than many short ones).
constexpr size_t kMaxSuggestions = 200;

std::string EscapePointerToken(std::string_view token) {
  std::string out;
  for (char c : token) {
    if (c == '~')
      out += "~0";
    else if (c == '/')
      out += "~1";
    else
      out += c;
  }
  return out;
}

std::string Child(const std::string& path, std::string_view field) {
  return path + "/" + EscapePointerToken(field);
}
std::string Child(const std::string& path, size_t index) {
  return path + "/" + std::to_string(index);
}

// Makes bytes safe to show in a terminal: control bytes become \xNN.
std::string Printable(std::string_view text) {
  std::string out;
  for (unsigned char c : text) {
    if (c < 0x20 || c == 0x7f) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02x", c);
      out += buf;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

// At most about `max` bytes of `text`, cut at a character boundary, with "..." when cut: a key
// of a megabyte would drown its message.
std::string Shortened(std::string_view text, size_t max = 80) {
  if (text.size() <= max) return std::string(text);
  size_t cut = max;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return std::string(text.substr(0, cut)) + "...";
}

// Turns byte offsets, visited in increasing order, into "LINE:COL" (1-based; columns count
// bytes, as in nlohmann's syntax errors).
class LineCounter {
 public:
  explicit LineCounter(std::string_view text) : text_(text) {}
  std::pair<size_t, size_t> At(size_t offset) {
    for (; pos_ < offset && pos_ < text_.size(); ++pos_) {
      if (text_[pos_] == '\n') {
        ++line_;
        line_start_ = pos_ + 1;
      }
    }
    return {line_, offset - line_start_ + 1};
  }
  static std::string Format(std::pair<size_t, size_t> at) {
    return std::to_string(at.first) + ":" + std::to_string(at.second);
  }

 private:
  std::string_view text_;
  size_t pos_ = 0, line_ = 1, line_start_ = 0;
};

// nlohmann's parser callback tells what was parsed but not where. This minimal tokenizer walks
// the text again to find places: it calls on_key(begin, end) for every object key (with its
// quotes) and on_number(begin, end) for every number, in document order, until one returns
// false. It does not validate: it is right for the part of the text the parser accepted.
template <typename OnKey, typename OnNumber>
void ScanTokens(std::string_view text, OnKey on_key, OnNumber on_number) {
  auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  size_t i = 0, n = text.size();
  while (i < n) {
    char c = text[i];
    if (c == '"') {
      size_t begin = i++;
      while (i < n && text[i] != '"') i += text[i] == '\\' ? 2 : 1;
      ++i;  // the closing quote
      size_t next = i;
      while (next < n && is_space(text[next])) ++next;
      if (next < n && text[next] == ':' && !on_key(begin, std::min(i, n))) return;
    } else if (c == '-' || (c >= '0' && c <= '9')) {
      size_t begin = i;
      auto in_number = [](char d) {
        return (d >= '0' && d <= '9') || d == '+' || d == '-' || d == '.' || d == 'e' || d == 'E';
      };
      while (i < n && in_number(text[i])) ++i;
      if (!on_number(begin, i)) return;
    } else {
      ++i;
    }
  }
}

// The keys seen so far in one open object, to find a key that appears twice.
class KeySet {
 public:
  void Clear() {
    small_.clear();
    if (!large_.empty()) large_ = {};  // a cleared map keeps its buckets; clearing those is slow
  }
  // The number of an earlier equal key, or nullopt after recording this one as `ordinal`.
  std::optional<size_t> Insert(const std::string& key, size_t ordinal) {
    if (large_.empty()) {
      for (const auto& [k, o] : small_)
        if (k == key) return o;
      small_.emplace_back(key, ordinal);
      // Objects with many keys (a misused "systems": {...}) must not make this quadratic.
      if (small_.size() > 16) {
        for (auto& [k, o] : small_) large_.emplace(std::move(k), o);
        small_.clear();
      }
      return std::nullopt;
    }
    auto [it, inserted] = large_.emplace(key, ordinal);
    if (inserted) return std::nullopt;
    return it->second;
  }

 private:
  std::vector<std::pair<std::string, size_t>> small_;
  std::unordered_map<std::string, size_t> large_;
};

// Walks the parsed document and fills the landscape, reporting every problem it meets.
class Reader {
 public:
  Reader(std::string_view text, Landscape* landscape, Diagnostics* diagnostics,
         const LoadOptions& options)
      : text_(text),
        landscape_(*landscape),
        main_(*diagnostics),
        diags_(diagnostics),
        options_(options) {}

  size_t SuggestionWork() const { return suggestion_budget_.Used(); }

  // Called by the parser for every event. Elements of the top-level "systems" and
  // "integrations" arrays are read as soon as each is complete and then dropped from the
  // document (return false), so a national file never sits in memory as a whole DOM.
  // Integrations are streamed only once every system is known; earlier ones are kept and read
  // in Finish.
  //
  // A key that appears a second time in an object is dropped (return false), with its value:
  // the first one counts, and a second "systems" array is not streamed into the first.
  bool OnEvent(int depth, json::parse_event_t event, json& parsed) {
    using Event = json::parse_event_t;
    if (event == Event::object_start) {
      // The keys of this object come at depth + 1. Objects inside dropped values get no
      // object_end event, so a level is reset when the next object opens there.
      auto level = static_cast<size_t>(depth) + 1;
      if (open_keys_.size() <= level) open_keys_.resize(level + 1);
      open_keys_[level].Clear();
    } else if (event == Event::key) {
      size_t ordinal = key_count_++;
      const std::string& key = parsed.get_ref<const std::string&>();
      if (auto first = open_keys_[static_cast<size_t>(depth)].Insert(key, ordinal)) {
        duplicate_keys_.push_back({key, *first, ordinal});
        if (depth == 1) section_ = "";  // nothing of a second "systems" is read
        return false;
      }
    }
    if (depth == 1) {
      if (event == Event::key) {
        section_ = parsed.is_string() ? parsed.get<std::string>() : "";
        section_is_array_ = false;
        next_index_ = 0;
      } else if (event == Event::array_start) {
        section_is_array_ = true;
      } else if (event == Event::array_end && section_ == "systems") {
        systems_complete_ = true;
      }
      return true;
    }
    if (depth != 2 || !section_is_array_) return true;
    if (event != Event::object_end && event != Event::array_end && event != Event::value)
      return true;
    if (section_ == "systems") {
      diags_ = &system_diags_;
      ReadSystem(parsed, next_index_++);
      diags_ = &main_;
      return false;
    }
    if (section_ == "integrations" && systems_complete_) {
      diags_ = &integration_diags_;
      ReadIntegration(parsed, next_index_++);
      diags_ = &main_;
      ++integrations_streamed_;
      return false;
    }
    return true;
  }

  // Reads what the stream left in the document: the small top-level fields, and integrations
  // that came before the systems.
  void Finish(const json& root) {
    ReportDuplicateKeys();
    if (!root.is_object()) {
      diags_->Error("",
                    "a landscape file is a JSON object like {\"format\": \"landskap/1\", "
                    "\"systems\": [...], \"integrations\": [...]}, but this file holds " +
                        JsonTypeName(root));
      return;
    }
    CheckFields(root, "",
                {"format", "name", "keys", "systems", "integrations", "changes", "resources"});
    ReadFormat(root);
    ReadString(root, "", "name", &landscape_.name);
    ReadKeys(root);
    ArrayField(root, "", "systems");  // reports a "systems" that is not an array
    main_.Append(system_diags_);
    ResolveCutoverAfter();
    main_.Append(integration_diags_);
    if (const json* integrations = ArrayField(root, "", "integrations")) {
      for (size_t i = 0; i < integrations->size(); ++i)
        ReadIntegration((*integrations)[i], integrations_streamed_ + i);
    }
    landscape_.NameIntegrations();
    ReadChanges(root);
    CheckChanges(
        landscape_, [this](size_t i) { return Child("/changes", change_positions_[i]); }, diags_);
    ReadResources(root);
    CheckUndeclaredKeys();
  }

 private:
  struct DuplicateKey {
    std::string key;
    size_t first;   // the number of the key's first occurrence among all keys of the file
    size_t second;  // and of this one
  };

  // Only now, and only when there are duplicates, is the text scanned again for the places.
  void ReportDuplicateKeys() {
    if (duplicate_keys_.empty()) return;
    std::vector<size_t> wanted;
    for (const DuplicateKey& d : duplicate_keys_) wanted.insert(wanted.end(), {d.first, d.second});
    std::sort(wanted.begin(), wanted.end());
    wanted.erase(std::unique(wanted.begin(), wanted.end()), wanted.end());
    std::map<size_t, std::pair<size_t, size_t>> where;
    LineCounter lines(text_);
    size_t ordinal = 0, next = 0;
    ScanTokens(
        text_,
        [&](size_t offset, size_t) {
          if (ordinal++ == wanted[next]) where[wanted[next++]] = lines.At(offset);
          return next < wanted.size();
        },
        [](size_t, size_t) { return true; });
    for (const DuplicateKey& d : duplicate_keys_) {
      auto first = where.find(d.first), second = where.find(d.second);
      if (first == where.end() || second == where.end()) continue;  // cannot happen
      diags_->Error(LineCounter::Format(second->second),
                    "duplicate field \"" + Printable(Shortened(d.key)) +
                        "\": the same object already has it at line " +
                        std::to_string(first->second.first) + ", column " +
                        std::to_string(first->second.second) +
                        "; a field may appear only once, so merge the two or remove one (only "
                        "the first is read)");
    }
  }

  // Warns about fields this format does not have (usually typos) and suggests the right one.
  void CheckFields(const json& object, const std::string& path,
                   std::initializer_list<std::string_view> known) {
    std::vector<std::string_view> candidates(known.begin(), known.end());
    for (const auto& [field, value] : object.items()) {
      if (std::find(known.begin(), known.end(), field) != known.end()) continue;
      std::string hint = DidYouMean(field, candidates);
      // The path is shown too: a key with a newline must not break the line.
      diags_->Warning(Child(path, Printable(field)),
                      std::string(kUnknownFieldPrefix) + Printable(field) + "' is ignored" +
                          (hint.empty() ? " (known fields: " + Join(known) + ")" : hint));
    }
  }

  static std::string Join(std::initializer_list<std::string_view> words) {
    std::string out;
    for (std::string_view w : words) out += (out.empty() ? "" : ", ") + std::string(w);
    return out;
  }

  void ReadFormat(const json& root) {
    std::string format;
    if (!ReadString(root, "", "format", &format)) return;
    landscape_.format = format;
    if (!format.empty() && format != "landskap/1")
      diags_->Error("/format", "unsupported format '" + Printable(format) +
                                   "'; this version of landskap reads \"landskap/1\"");
  }

  // Reads an optional string field. Returns false when absent or of the wrong type.
  bool ReadString(const json& object, const std::string& path, const char* field,
                  std::string* out) {
    auto it = object.find(field);
    if (it == object.end() || it->is_null()) return false;
    if (!it->is_string()) {
      diags_->Error(Child(path, field),
                    std::string("'") + field + "' must be a string, not " + JsonTypeName(*it));
      return false;
    }
    *out = it->get<std::string>();
    return true;
  }

  // Reads a required, well-formed id field.
  bool ReadId(const json& object, const std::string& path, const char* field, std::string* out,
              std::string_view what) {
    auto it = object.find(field);
    if (it == object.end() || it->is_null()) {
      std::string article = what[0] == 'i' ? "an " : "a ";
      diags_->Error(path, article + std::string(what) + " has no '" + field + "'; every " +
                              std::string(what) + " needs one");
      return false;
    }
    if (!ReadString(object, path, field, out)) return false;
    return CheckId(*out, Child(path, field));
  }

  bool CheckId(const std::string& id, const std::string& path) {
    if (id.empty()) {
      diags_->Error(path, "an id may not be empty");
      return false;
    }
    if (!IsWellFormedId(id)) {
      diags_->Error(path, "malformed id '" + Printable(id) +
                              "': ids are up to 200 letters, digits and . _ - : / @ + "
                              "(no spaces), e.g. 'fjell.sak-arkiv'");
      return false;
    }
    return true;
  }

  const json* ArrayField(const json& object, const std::string& path, const char* field) {
    auto it = object.find(field);
    if (it == object.end() || it->is_null()) return nullptr;
    if (!it->is_array()) {
      diags_->Error(Child(path, field),
                    std::string("'") + field + "' must be an array, not " + JsonTypeName(*it));
      return nullptr;
    }
    return &*it;
  }

  // Reads an optional array of strings; each must be a well-formed id.
  std::vector<std::string> ReadIdList(const json& object, const std::string& path,
                                      const char* field) {
    std::vector<std::string> out;
    const json* array = ArrayField(object, path, field);
    if (!array) return out;
    std::string array_path = Child(path, field);
    for (size_t i = 0; i < array->size(); ++i) {
      const json& item = (*array)[i];
      if (!item.is_string()) {
        diags_->Error(Child(array_path, i), "expected a string, not " + JsonTypeName(item));
        continue;
      }
      std::string value = item.get<std::string>();
      if (CheckId(value, Child(array_path, i))) out.push_back(std::move(value));
    }
    return out;
  }

  std::vector<KeyIndex> ReadKeyList(const json& object, const std::string& path,
                                    const char* field) {
    std::vector<KeyIndex> keys;
    std::string list_path = Child(path, field);
    std::vector<std::string> ids = ReadIdList(object, path, field);
    for (size_t i = 0; i < ids.size(); ++i) {
      KeyIndex key = landscape_.InternKey(ids[i]);
      if (key_first_use_.size() <= key) key_first_use_.resize(key + 1);
      if (key_first_use_[key].empty()) key_first_use_[key] = list_path;
      keys.push_back(key);
    }
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    return keys;
  }

  template <typename Enum>
  Enum ReadEnum(const json& object, const std::string& path, const char* field,
                std::optional<Enum> (*parse)(std::string_view),
                std::initializer_list<std::string_view> names, Enum fallback) {
    std::string text;
    if (!ReadString(object, path, field, &text)) return fallback;
    if (auto value = parse(text)) return *value;
    std::vector<std::string_view> candidates(names.begin(), names.end());
    diags_->Error(Child(path, field), "unknown " + std::string(field) + " '" + Printable(text) +
                                          "'" + DidYouMean(text, candidates) + "; use one of " +
                                          Join(names));
    return fallback;
  }

  void ReadKeys(const json& root) {
    const json* keys = ArrayField(root, "", "keys");
    if (!keys) return;
    std::map<std::string, std::string> first;
    for (size_t i = 0; i < keys->size(); ++i) {
      const json& item = (*keys)[i];
      std::string path = Child("/keys", i);
      std::string id;
      if (item.is_string()) {
        id = item.get<std::string>();
        if (!CheckId(id, path)) continue;
      } else if (item.is_object()) {
        CheckFields(item, path, {"id", "description"});
        if (!ReadId(item, path, "id", &id, "key")) continue;
      } else {
        diags_->Error(path,
                      "a key is an object like {\"id\": \"kommunenummer\", "
                      "\"description\": \"...\"}, not " +
                          JsonTypeName(item));
        continue;
      }
      auto [it, inserted] = first.emplace(id, path);
      if (!inserted) {
        diags_->Error(path, "duplicate key id '" + id + "' (first declared at " + it->second + ")");
        continue;
      }
      KeyIndex key = landscape_.InternKey(id);
      landscape_.keys[key].declared = true;
      landscape_.keys[key].declared_position = static_cast<uint32_t>(first.size() - 1);
      if (item.is_object())
        ReadString(item, path, "description", &landscape_.keys[key].description);
      declared_keys_ = true;
    }
  }

  void ReadSystem(const json& item, size_t i) {
    {
      std::string path = Child("/systems", i);
      if (!item.is_object()) {
        diags_->Error(path, "a system is an object like {\"id\": \"fjell.sak-arkiv\", ...}, not " +
                                JsonTypeName(item));
        return;
      }
      CheckFields(item, path,
                  {"id", "name", "kind", "owner", "vendor", "product", "domain", "keys",
                   "criticality", "cutover", "source"});
      System system;
      if (!ReadId(item, path, "id", &system.id, "system")) return;
      ReadString(item, path, "name", &system.name);
      system.kind =
          ReadEnum<Kind>(item, path, "kind", ParseKind,
                         {"national", "municipal", "intermunicipal", "vendor"}, Kind::kUnspecified);
      ReadString(item, path, "owner", &system.owner);
      ReadString(item, path, "vendor", &system.vendor);
      ReadString(item, path, "product", &system.product);
      ReadString(item, path, "domain", &system.domain);
      system.keys = ReadKeyList(item, path, "keys");
      system.criticality =
          ReadEnum<Criticality>(item, path, "criticality", ParseCriticality,
                                {"low", "medium", "high", "critical"}, Criticality::kUnspecified);
      ReadCutover(item, path, &system.cutover);
      ReadString(item, path, "source", &system.source);
      if (system.kind == Kind::kMunicipal && !system.owner.empty() &&
          !IsKommunenummer(system.owner))
        diags_->Warning(Child(path, "owner"),
                        "the owner of a municipal system should be its kommunenummer (4 digits, "
                        "e.g. \"1246\"), not '" +
                            Printable(system.owner) +
                            "'; reform scope cannot tell which municipality it belongs to");
      std::string id = system.id;
      if (auto previous = landscape_.FindSystem(id)) {
        diags_->Error(Child(path, "id"), "duplicate system id '" + id + "' (first defined at " +
                                             Child("/systems", system_positions_[*previous]) + ")");
        return;
      }
      auto index = landscape_.AddSystem(std::move(system));
      system_positions_.push_back(static_cast<uint32_t>(i));
      // `after` may name systems defined later in the file: resolved once all are read.
      auto cutover = item.find("cutover");
      if (cutover != item.end() && cutover->is_object() && cutover->contains("after"))
        pending_after_.emplace_back(*index, (*cutover)["after"]);
    }
  }

  void ReadCutover(const json& system, const std::string& system_path, Cutover* cutover) {
    auto it = system.find("cutover");
    if (it == system.end() || it->is_null()) return;
    std::string path = Child(system_path, "cutover");
    if (!it->is_object()) {
      diags_->Error(path,
                    "'cutover' must be an object like {\"effort_days\": 10, \"after\": [...], "
                    "\"fixed_date\": \"2019-09-01\"}, not " +
                        JsonTypeName(*it));
      return;
    }
    CheckFields(*it, path, {"effort_days", "after", "fixed_date"});
    auto effort = it->find("effort_days");
    if (effort != it->end() && !effort->is_null()) {
      if (!effort->is_number()) {
        diags_->Error(
            Child(path, "effort_days"),
            "'effort_days' must be a number of working days, not " + JsonTypeName(*effort));
      } else {
        double days = effort->get<double>();
        if (!(days >= 0) || days > 100000)
          diags_->Error(Child(path, "effort_days"),
                        "'effort_days' must be between 0 and 100000, "
                        "not " +
                            effort->dump());
        else
          cutover->effort_days = days;
      }
    }
    std::string date;
    if (ReadString(*it, path, "fixed_date", &date)) {
      if (auto day = ParseDate(date))
        cutover->fixed_date = day;
      else
        diags_->Error(Child(path, "fixed_date"), "'" + Printable(date) +
                                                     "' is not a date; write YYYY-MM-DD, e.g. "
                                                     "\"2019-10-01\"");
    }
    // `after` names systems that may be defined later in the file; resolved in a second pass.
  }

  void ResolveCutoverAfter() {
    for (const auto& [s, after] : pending_after_) {
      std::string path = Child(Child("/systems", system_positions_[s]), "cutover");
      std::string after_path = Child(path, "after");
      if (after.is_null()) continue;
      if (!after.is_array()) {
        diags_->Error(after_path, "'after' must be an array, not " + JsonTypeName(after));
        continue;
      }
      for (size_t i = 0; i < after.size(); ++i) {
        const json& ref = after[i];
        if (!ref.is_string()) {
          diags_->Error(Child(after_path, i),
                        "expected a system id (a string), not " + JsonTypeName(ref));
          continue;
        }
        auto target = ResolveSystem(ref.get<std::string>(), Child(after_path, i));
        if (!target) continue;
        if (*target == s) {
          diags_->Error(Child(after_path, i), "a system cannot come after itself");
          continue;
        }
        landscape_.systems[s].cutover.after.push_back(*target);
      }
      auto& list = landscape_.systems[s].cutover.after;
      std::sort(list.begin(), list.end());
      list.erase(std::unique(list.begin(), list.end()), list.end());
    }
    pending_after_.clear();
  }

  std::optional<SystemIndex> ResolveSystem(const std::string& id, const std::string& path) {
    if (id.empty()) {
      diags_->Error(path, "empty system id; name one of the systems in /systems");
      return std::nullopt;
    }
    if (auto index = landscape_.FindSystem(id)) return index;
    if (options_.use_catalogue) {
      if (auto index = AddCatalogueSystem(id, &landscape_)) {
        // Not in the file: no position there. The cached ids point into the systems, which
        // may just have moved.
        system_positions_.push_back(0);
        system_ids_.clear();
        return index;
      }
    }
    std::string hint;
    if (suggestions_made_++ < kMaxSuggestions) {
      if (system_ids_.empty()) {
        system_ids_ = landscape_.SystemIds();
        if (options_.use_catalogue)
          for (const System& s : Catalogue().systems) system_ids_.push_back(s.id);
      }
      hint = DidYouMean(id, system_ids_, &suggestion_budget_);
    }
    diags_->Error(path, "unknown system '" + Printable(id) + "'" + hint +
                            "; it must be the id of a system in /systems");
    return std::nullopt;
  }

  void ReadIntegration(const json& item, size_t i) {
    {
      std::string path = Child("/integrations", i);
      if (!item.is_object()) {
        diags_->Error(path,
                      "an integration is an object like {\"from\": \"folkeregisteret\", "
                      "\"to\": \"fjell.sak-arkiv\", \"carries\": [\"kommunenummer\"]}, not " +
                          JsonTypeName(item));
        return;
      }
      CheckFields(item, path, {"id", "from", "to", "carries", "protocol", "criticality", "source"});
      Integration integration;
      bool ok = true;
      if (item.contains("id") && !item["id"].is_null())
        ok &= ReadId(item, path, "id", &integration.id, "integration");
      std::string from, to;
      std::optional<SystemIndex> from_index, to_index;
      if (ReadId(item, path, "from", &from, "integration"))
        from_index = ResolveSystem(from, Child(path, "from"));
      if (ReadId(item, path, "to", &to, "integration"))
        to_index = ResolveSystem(to, Child(path, "to"));
      integration.carries = ReadKeyList(item, path, "carries");
      ReadString(item, path, "protocol", &integration.protocol);
      integration.criticality =
          ReadEnum<Criticality>(item, path, "criticality", ParseCriticality,
                                {"low", "medium", "high", "critical"}, Criticality::kUnspecified);
      ReadString(item, path, "source", &integration.source);
      if (!ok || !from_index || !to_index) return;
      if (*from_index == *to_index) {
        diags_->Error(Child(path, "to"),
                      "an integration must connect two different systems, but "
                      "'from' and 'to' are both '" +
                          from + "'");
        return;
      }
      integration.from = *from_index;
      integration.to = *to_index;
      if (integration.id.empty()) {
        // Named in Finish, once every id the file spells out is known (those win).
        landscape_.AddIntegrationNamedLater(std::move(integration));
      } else {
        std::string id = integration.id;
        // Only explicit ids are indexed while reading, so `previous` has this id in the file.
        if (auto previous = landscape_.FindIntegration(id)) {
          diags_->Error(Child(path, "id"),
                        "duplicate integration id '" + id + "' (first defined at " +
                            Child("/integrations", integration_positions_[*previous]) + ")");
          return;
        }
        landscape_.AddIntegration(std::move(integration));
      }
      integration_positions_.push_back(static_cast<uint32_t>(i));
    }
  }

  void ReadChanges(const json& root) {
    const json* changes = ArrayField(root, "", "changes");
    if (!changes) return;
    for (size_t i = 0; i < changes->size(); ++i) {
      const json& item = (*changes)[i];
      std::string path = Child("/changes", i);
      if (!item.is_object()) {
        diags_->Error(path,
                      "a change is an object like {\"key\": \"kommunenummer\", \"from\": "
                      "\"1246\", \"to\": \"4626\", \"effective\": \"2020-01-01\"}, not " +
                          JsonTypeName(item));
        continue;
      }
      CheckFields(item, path, {"key", "from", "to", "effective", "kind"});
      std::string key, from, to, effective, kind;
      bool ok = ReadId(item, path, "key", &key, "change");
      for (const char* field : {"from", "to"}) {
        std::string* out = std::string_view(field) == "from" ? &from : &to;
        if (!item.contains(field) || item[field].is_null()) {
          diags_->Error(path, std::string("a change has no '") + field +
                                  "'; write the old value "
                                  "in 'from' and the new one in 'to'");
          ok = false;
        } else if (!ReadString(item, path, field, out)) {
          ok = false;
        } else if (key == "kommunenummer" && !IsKommunenummer(*out)) {
          diags_->Error(Child(path, field), "'" + Printable(*out) +
                                                "' is not a kommunenummer; write 4 digits, e.g. "
                                                "\"1246\"");
          ok = false;
        }
      }
      Change change;
      if (ReadString(item, path, "effective", &effective)) {
        change.effective = ParseDate(effective);
        if (!change.effective) {
          diags_->Error(Child(path, "effective"), "'" + Printable(effective) +
                                                      "' is not a date; write YYYY-MM-DD, e.g. "
                                                      "\"2020-01-01\"");
          ok = false;
        }
      }
      if (ReadString(item, path, "kind", &kind) && !kind.empty()) {
        change.kind = ReformKindFromName(kind);
        if (!change.kind) {
          std::optional<ReformKind> meant = ParseReformKind(kind);
          diags_->Error(Child(path, "kind"),
                        "'" + Printable(kind) + "' is not a kind of change; " +
                            (meant ? "write \"" + std::string(ReformKindName(*meant)) + "\""
                                   : std::string("write \"renumbering\", \"merger\", \"split\" "
                                                 "or \"border-adjustment\"")));
          ok = false;
        }
      }
      if (!ok) continue;
      change.key = landscape_.InternKey(key);
      if (key_first_use_.size() <= change.key) key_first_use_.resize(change.key + 1);
      if (key_first_use_[change.key].empty()) key_first_use_[change.key] = Child(path, "key");
      change.from = from;
      change.to = to;
      landscape_.changes.push_back(std::move(change));
      change_positions_.push_back(i);
    }
  }

  // "resources": [{"vendor": "Tieto", "capacity": 2}, {"owner": "1246", "capacity": 3}]:
  // how many tasks of a vendor or owner a cutover plan may have in progress on one day.
  void ReadResources(const json& root) {
    const json* resources = ArrayField(root, "", "resources");
    if (!resources) return;
    const char* example =
        "{\"vendor\": \"Tieto\", \"capacity\": 2} or {\"owner\": \"1246\", "
        "\"capacity\": 3}";
    std::map<std::pair<int, std::string>, size_t> first;
    for (size_t i = 0; i < resources->size(); ++i) {
      const json& item = (*resources)[i];
      std::string path = Child("/resources", i);
      if (!item.is_object()) {
        diags_->Error(path, std::string("a resource is an object like ") + example + ", not " +
                                JsonTypeName(item));
        continue;
      }
      CheckFields(item, path, {"vendor", "owner", "capacity"});
      bool has_vendor = item.contains("vendor") && !item["vendor"].is_null();
      bool has_owner = item.contains("owner") && !item["owner"].is_null();
      if (has_vendor == has_owner) {
        diags_->Error(path, std::string(has_vendor ? "a resource names either 'vendor' or "
                                                     "'owner', not both"
                                                   : "a resource has no 'vendor' or 'owner'") +
                                "; write " + example);
        continue;
      }
      ResourceCapacity r;
      r.of = has_vendor ? ResourceCapacity::Of::kVendor : ResourceCapacity::Of::kOwner;
      const char* field = has_vendor ? "vendor" : "owner";
      if (!ReadString(item, path, field, &r.name)) continue;
      if (r.name.empty()) {
        diags_->Error(Child(path, field), std::string("'") + field +
                                              "' may not be empty; write the name as the "
                                              "systems spell it");
        continue;
      }
      auto capacity = item.find("capacity");
      if (capacity == item.end() || capacity->is_null()) {
        diags_->Error(path,
                      "a resource has no 'capacity'; write how many of its tasks can be "
                      "in progress on one working day, e.g. \"capacity\": 2");
        continue;
      }
      bool whole = capacity->is_number_unsigned()
                       ? capacity->get<uint64_t>() >= 1 && capacity->get<uint64_t>() <= 1000000
                   : capacity->is_number_integer()
                       ? capacity->get<int64_t>() >= 1 && capacity->get<int64_t>() <= 1000000
                       : false;
      if (!whole) {
        diags_->Error(Child(path, "capacity"),
                      "'capacity' must be a whole number of tasks from 1 to 1000000, not " +
                          capacity->dump());
        continue;
      }
      r.capacity = capacity->get<uint32_t>();
      auto [it, inserted] = first.emplace(std::pair{static_cast<int>(r.of), r.name}, i);
      if (!inserted) {
        diags_->Error(Child(path, field), std::string("duplicate resource: ") + field + " '" +
                                              Printable(r.name) + "' is already given at " +
                                              Child("/resources", it->second) + "; keep one entry");
        continue;
      }
      landscape_.resources.push_back(std::move(r));
    }
  }

  // When the file declares its keys, a key used but never declared is probably a typo.
  void CheckUndeclaredKeys() {
    if (!declared_keys_) return;
    std::vector<std::string_view> declared;
    for (const KeyDefinition& k : landscape_.keys)
      if (k.declared) declared.push_back(k.id);
    for (KeyIndex k = 0; k < landscape_.keys.size(); ++k) {
      // Keys first used by a catalogue system have no place in the file: not the file's typo.
      if (landscape_.keys[k].declared || k >= key_first_use_.size() || key_first_use_[k].empty())
        continue;
      std::string hint;
      if (suggestions_made_++ < kMaxSuggestions)
        hint = DidYouMean(landscape_.keys[k].id, declared, &suggestion_budget_);
      diags_->Warning(key_first_use_[k],
                      "key '" + landscape_.keys[k].id + "' is not declared in /keys" + hint);
    }
  }

  std::string_view text_;
  Landscape& landscape_;
  Diagnostics& main_;
  // Where diagnostics go now: streamed elements report into their section's collection, which
  // Finish puts in document order (top-level fields, systems, integrations, changes).
  Diagnostics* diags_;
  Diagnostics system_diags_{main_.File()};
  Diagnostics integration_diags_{main_.File()};
  // Position in the file's array, by SystemIndex / IntegrationIndex (rejected elements shift
  // the indices), for messages that point at an earlier definition.
  std::vector<uint32_t> system_positions_;
  std::vector<uint32_t> integration_positions_;
  std::vector<size_t> change_positions_;  // the place in "changes" of each change taken
  std::vector<std::pair<SystemIndex, json>> pending_after_;
  LoadOptions options_;
  std::string section_;  // the top-level field being parsed
  bool section_is_array_ = false;
  bool systems_complete_ = false;
  size_t next_index_ = 0;
  size_t integrations_streamed_ = 0;
  std::vector<std::string> key_first_use_;  // by KeyIndex: where an undeclared key is first used
  std::vector<std::string_view> system_ids_;
  size_t suggestions_made_ = 0;
  SuggestionBudget suggestion_budget_;  // for suggestions among the file's own ids
  std::vector<KeySet> open_keys_;       // by depth: the keys of the object open there
  size_t key_count_ = 0;                // keys parsed so far, in document order
  std::vector<DuplicateKey> duplicate_keys_;
  bool declared_keys_ = false;
};

// nlohmann's message reads "[json.exception.parse_error.101] parse error at line 3, column 14:
// syntax error while parsing ..."; we keep the position and the part after it.
void ReportParseError(const json::parse_error& e, std::string_view text, Diagnostics* diags) {
  std::string what = e.what();
  std::string message = what;
  std::string location;
  size_t at = what.find(" at line ");
  size_t colon = at == std::string::npos ? std::string::npos : what.find(": ", at);
  if (at != std::string::npos && colon != std::string::npos) {
    int line = 0, column = 0;
    if (std::sscanf(what.c_str() + at, " at line %d, column %d", &line, &column) == 2)
      location = std::to_string(line) + ":" + std::to_string(column);
    message = what.substr(colon + 2);
  } else if (size_t bracket = what.find("] "); bracket != std::string::npos) {
    message = what.substr(bracket + 2);
  }
  if (location.empty()) location = "1:1";
  if (text.find('\0') != std::string_view::npos)
    message = "this is a binary file, not a JSON landscape file (" + message + ")";
  else if (text.find_first_not_of(" \t\r\n") == std::string_view::npos)
    message =
        "the file is empty; a landscape file is a JSON object like {\"format\": "
        "\"landskap/1\", \"systems\": [...], \"integrations\": [...]}";
  diags->Error(location, Printable(message));
}

// nlohmann's messages start with a tag like "[json.exception.type_error.302] ", which means
// nothing to the people who read ours.
std::string WithoutExceptionTag(const std::string& message) {
  if (message.rfind("[json.exception.", 0) == 0) {
    size_t end = message.find("] ");
    if (end != std::string::npos) return message.substr(end + 2);
  }
  return message;
}

// What reading one text gave.
struct Outcome {
  Landscape landscape;
  Diagnostics diags;
  LoadWork work;
  bool overflow = false;  // nlohmann stopped at a number too large for a double
  std::optional<std::pair<size_t, size_t>> syntax_error_at;  // line, column
};

Outcome Read(std::string_view text, const std::string& file_label, const LoadOptions& options) {
  Outcome out{Landscape(), Diagnostics(file_label), {}, false, std::nullopt};
  Reader reader(text, &out.landscape, &out.diags, options);
  bool parsed = false;
  try {
    json root = json::parse(text.begin(), text.end(),
                            [&reader](int depth, json::parse_event_t event, json& value) {
                              return reader.OnEvent(depth, event, value);
                            });
    parsed = true;
    reader.Finish(root);
  } catch (const json::parse_error& e) {
    // What the stream read before the broken spot would only confuse: report the syntax error.
    out.diags = Diagnostics(file_label);
    ReportParseError(e, text, &out.diags);
    size_t line = 0, column = 0;
    if (std::sscanf(out.diags.Items()[0].location.c_str(), "%zu:%zu", &line, &column) == 2)
      out.syntax_error_at = std::make_pair(line, column);
  } catch (const json::out_of_range& e) {
    if (!parsed && e.id == 406) {
      out.overflow = true;  // "number overflow parsing '1e400'"
    } else {
      out.diags.Error("", "cannot read the file: " + WithoutExceptionTag(e.what()));
    }
  } catch (const std::exception& e) {
    // The reader checks types before every access; reaching here is a bug, but the user still
    // gets a message with the file name instead of a crash.
    out.diags.Error("", std::string(parsed ? "internal error while reading the file: "
                                           : "cannot read the file as JSON: ") +
                            WithoutExceptionTag(e.what()));
  }
  out.work.id_probes = out.landscape.IdProbes();
  out.work.suggestion_work = reader.SuggestionWork();
  return out;
}

// A number in the text too large for a double.
struct Overflow {
  size_t begin, end;             // byte offsets of the number
  std::pair<size_t, size_t> at;  // line, column
  std::string_view field;        // the key it is the value of, or empty (e.g. in an array)
};

std::vector<Overflow> FindOverflows(std::string_view text) {
  std::vector<Overflow> found;
  LineCounter lines(text);
  size_t key_begin = 0, key_end = 0;
  ScanTokens(
      text,
      [&](size_t begin, size_t end) {
        key_begin = begin;
        key_end = end;
        return true;
      },
      [&](size_t begin, size_t end) {
        // The same conversion as nlohmann's: an integer too long for 64 bits is read as a
        // double too, so 400 digits overflow like 1e400.
        std::string number(text.substr(begin, end - begin));
        if (!std::isinf(std::strtod(number.c_str(), nullptr))) return true;
        std::string_view field;
        size_t colon = text.find_first_not_of(" \t\r\n", key_end);
        if (key_end > key_begin && colon < begin && text[colon] == ':' &&
            text.find_first_not_of(" \t\r\n", colon + 1) == begin)
          field = text.substr(key_begin + 1, key_end - key_begin - 2);
        found.push_back({begin, end, lines.At(begin), field});
        return true;
      });
  return found;
}

std::string OverflowMessage(std::string_view text, const Overflow& o) {
  std::string number = Printable(text.substr(o.begin, std::min<size_t>(o.end - o.begin, 24)));
  if (o.end - o.begin > 24) number += "...";
  bool negative = text[o.begin] == '-';
  std::string message =
      "the number " + number + (negative ? " is too far below zero" : " is too large");
  if (o.field == "effort_days")
    return message + "; effort_days is a number of working days, e.g. 10";
  return message + (negative ? " to be read (numbers go down to about -1.8e308); write a number "
                               "closer to zero"
                             : " to be read (numbers go up to about 1.8e308); write a smaller "
                               "number");
}

// The byte offset of a 1-based line:column.
size_t OffsetOf(std::string_view text, std::pair<size_t, size_t> at) {
  size_t offset = 0;
  for (size_t line = 1; line < at.first && offset < text.size(); ++line) {
    offset = text.find('\n', offset);
    if (offset == std::string_view::npos) return text.size();
    ++offset;
  }
  return std::min(text.size(), offset + at.second - 1);
}

// A syntax error in the copy with blanked numbers quotes what nlohmann last read ("last read:
// '0     x'"), which would show the 0 instead of the number in the file: drop that part then.
void HidePatchedSnippet(std::string_view text, const std::vector<Overflow>& overflows,
                        Outcome* outcome) {
  const Diagnostic& error = outcome->diags.Items()[0];
  const std::string clause = "; last read: '";
  size_t from = error.message.find(clause);
  if (from == std::string::npos) return;
  size_t to = error.message.rfind("'; expected ");
  if (to == std::string::npos || to < from) to = error.message.size() - 1;
  size_t shown = to - from - clause.size();  // at least as long as the bytes it quotes
  size_t end = OffsetOf(text, *outcome->syntax_error_at);
  bool patched = false;
  for (const Overflow& o : overflows) patched |= o.begin < end && o.end + shown > end;
  if (!patched) return;
  std::string message = error.message.substr(0, from) + error.message.substr(to + 1);
  Diagnostics diags(outcome->diags.File());
  diags.Error(error.location, message);
  outcome->diags = diags;
}

// Errors and warnings with a line:column first, in the order of the file, then the others in
// the order they came.
Diagnostics SortedByPosition(const Diagnostics& diags) {
  std::vector<std::pair<std::pair<size_t, size_t>, const Diagnostic*>> items;
  for (const Diagnostic& d : diags.Items()) {
    size_t line = 0, column = 0;
    bool positioned = !d.location.empty() && d.location[0] != '/' &&
                      std::sscanf(d.location.c_str(), "%zu:%zu", &line, &column) == 2;
    items.push_back(
        {positioned ? std::make_pair(line, column) : std::make_pair(SIZE_MAX, SIZE_MAX), &d});
  }
  std::stable_sort(items.begin(), items.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  Diagnostics sorted(diags.File());
  for (const auto& [at, d] : items) {
    if (d->severity == Severity::kError)
      sorted.Error(d->location, d->message);
    else
      sorted.Warning(d->location, d->message);
  }
  return sorted;
}

}  // namespace

bool IsUnknownFieldWarning(const Diagnostic& d) {
  return d.severity == Severity::kWarning && d.message.starts_with(kUnknownFieldPrefix);
}

bool IsWellFormedId(std::string_view id) {
  if (id.empty() || id.size() > 200) return false;
  for (unsigned char c : id) {
    if (c >= 0x80) continue;  // letters of other scripts (æøå, sámi) arrive as UTF-8
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) continue;
    if (std::strchr("._-:/@+", c) && c != '\0') continue;
    return false;
  }
  return true;
}

namespace {

// The fast pass first; only a file it gives up on is read again by the precise loader, which
// reports everything.
bool LoadText(std::string_view text, size_t capacity, const std::string& file_label,
              Landscape* landscape, Diagnostics* diagnostics, LoadWork* work,
              const LoadOptions& options) {
  {
    Landscape fast;
    if (LoadLandscapeFast(text, capacity, &fast, options)) {
      if (work) *work = LoadWork{fast.IdProbes(), 0, true};
      *landscape = std::move(fast);
      return true;
    }
  }
  return LoadLandscapeTextPrecise(text, file_label, landscape, diagnostics, work, options);
}

}  // namespace

bool LoadLandscapeText(std::string_view text, const std::string& file_label, Landscape* landscape,
                       Diagnostics* diagnostics, LoadWork* work, const LoadOptions& options) {
  return LoadText(text, text.size(), file_label, landscape, diagnostics, work, options);
}

bool LoadLandscapeTextPrecise(std::string_view text, const std::string& file_label,
                              Landscape* landscape, Diagnostics* diagnostics, LoadWork* work,
                              const LoadOptions& options) {
  Outcome result = Read(text, file_label, options);
  if (result.overflow) {
    // nlohmann stops at the first number too large for a double, without its place. Find all
    // of them, and read a copy where each is 0 (padded, so every place stays where it was) to
    // report every other problem of the file as well.
    std::vector<Overflow> overflows = FindOverflows(text);
    std::string patched(text);
    for (const Overflow& o : overflows) {
      patched[o.begin] = '0';
      std::fill(patched.begin() + static_cast<std::ptrdiff_t>(o.begin) + 1,
                patched.begin() + static_cast<std::ptrdiff_t>(o.end), ' ');
    }
    Outcome rest = Read(patched, file_label, options);
    if (rest.syntax_error_at) HidePatchedSnippet(text, overflows, &rest);
    Diagnostics merged(file_label);
    for (const Overflow& o : overflows) {
      // Past a syntax error the scan may have read garbage as numbers.
      if (rest.syntax_error_at && o.at >= *rest.syntax_error_at) continue;
      merged.Error(LineCounter::Format(o.at), OverflowMessage(text, o));
    }
    if (overflows.empty() || rest.overflow)  // FindOverflows and nlohmann disagree: a bug
      merged.Error("", "a number in the file is too large to be read; write a smaller number");
    merged.Append(rest.diags);
    rest.diags = SortedByPosition(merged);
    result = std::move(rest);
  }
  if (work) *work = result.work;
  bool ok = !result.diags.HasErrors();
  if (ok) *landscape = std::move(result.landscape);
  diagnostics->Append(result.diags);
  return ok;
}

bool LoadLandscapeFile(const std::string& path, Landscape* landscape, Diagnostics* diagnostics,
                       const LoadOptions& options) {
  InputRules rules;
  rules.what = "a landscape file";
  InputText input;
  if (!ReadInput(path, rules, &input, diagnostics)) return false;
  // ReadInput leaves room after the text, so the fast pass reads it without a copy.
  return LoadText(input.text, input.text.capacity(), input.label, landscape, diagnostics, nullptr,
                  options);
}

}  // namespace landskap
