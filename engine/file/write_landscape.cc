// The landskap/1 writer. The JSON is written by hand rather than built as a nlohmann DOM, so a
// national landscape streams out without a second copy of it in memory; nlohmann only escapes
// the strings that need it.
#include "engine/file/write_landscape.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <nlohmann/json.hpp>
#include <ostream>
#include <sstream>
#include <vector>

#include "engine/model/reform.h"

namespace landskap {
namespace {

// Writes JSON with the layout of json.dumps(indent=2) in Python and dump(2) in nlohmann, the
// layout most tools produce, so files written by them are often in normal form already.
class JsonWriter {
 public:
  explicit JsonWriter(std::ostream& out) : out_(out) {}

  void BeginObject() { Open('{'); }
  void EndObject() { Close('}'); }
  void BeginArray() { Open('['); }
  void EndArray() { Close(']'); }

  // Starts a member of the current object; its value follows.
  void Field(std::string_view name) {
    NextItem();
    String(name);
    out_ << ": ";
  }
  // Starts an element of the current array.
  void Element() { NextItem(); }

  void String(std::string_view text) {
    if (std::all_of(text.begin(), text.end(), [](char c) {
          auto u = static_cast<unsigned char>(c);
          return u >= 0x20 && u < 0x80 && c != '"' && c != '\\';
        })) {
      out_ << '"' << text << '"';
      return;
    }
    // Control characters, quotes, backslashes and non-ASCII: nlohmann escapes exactly what
    // JSON requires and keeps UTF-8 as it is (ensure_ascii off).
    out_ << nlohmann::json(std::string(text))
                .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  }

  void Raw(std::string_view text) { out_ << text; }

  void StringField(std::string_view name, std::string_view value) {
    Field(name);
    String(value);
  }
  // Text fields are optional: empty text loads the same as an absent field.
  void OptionalString(std::string_view name, std::string_view value) {
    if (!value.empty()) StringField(name, value);
  }

 private:
  void Open(char bracket) {
    out_ << bracket;
    has_items_.push_back(false);
  }
  void Close(char bracket) {
    bool had_items = has_items_.back();
    has_items_.pop_back();
    if (had_items) Newline();
    out_ << bracket;
  }
  void NextItem() {
    if (has_items_.back()) out_ << ',';
    has_items_.back() = true;
    Newline();
  }
  void Newline() {
    out_ << '\n';
    for (size_t i = 0; i < has_items_.size(); ++i) out_ << "  ";
  }

  std::ostream& out_;
  std::vector<bool> has_items_;  // one per open object or array: has it a member yet?
};

// A whole number of days as an integer ("10", not "10.0"); otherwise the shortest text that
// reads back as the same double ("2.5", "0.1").
std::string FormatDays(double days) {
  if (days == std::floor(days) && std::fabs(days) < 1e15)
    return std::to_string(static_cast<long long>(days));
  char buffer[64];
  auto result = std::to_chars(buffer, buffer + sizeof buffer, days);
  return std::string(buffer, result.ptr);
}

class LandscapeWriter {
 public:
  LandscapeWriter(const Landscape& landscape, std::ostream& out)
      : l_(landscape), json_(out), rank_(RankKeys(landscape)) {}

  void Write() {
    json_.BeginObject();
    json_.OptionalString("format", l_.format);
    json_.OptionalString("name", l_.name);
    WriteKeys();
    WriteChanges();
    WriteResources();
    if (!l_.systems.empty()) {
      json_.Field("systems");
      json_.BeginArray();
      for (const System& s : l_.systems) WriteSystem(s);
      json_.EndArray();
    }
    if (!l_.integrations.empty()) {
      json_.Field("integrations");
      json_.BeginArray();
      for (const Integration& i : l_.integrations) WriteIntegration(i);
      json_.EndArray();
    }
    json_.EndObject();
    json_.Raw("\n");
  }

 private:
  // The place of each key (by KeyIndex) in the order lists are written in: declared keys as the
  // file declares them, then undeclared keys by id. Key indices themselves follow first use,
  // which depends on where "keys" and "integrations" stand in the file; this order does not,
  // so writing a written file again gives the same bytes.
  static std::vector<uint32_t> RankKeys(const Landscape& l) {
    std::vector<KeyIndex> order(l.keys.size());
    for (KeyIndex k = 0; k < order.size(); ++k) order[k] = k;
    std::sort(order.begin(), order.end(), [&l](KeyIndex a, KeyIndex b) {
      const KeyDefinition& x = l.keys[a];
      const KeyDefinition& y = l.keys[b];
      if (x.declared != y.declared) return x.declared;
      if (x.declared && x.declared_position != y.declared_position)
        return x.declared_position < y.declared_position;
      return x.id < y.id;
    });
    std::vector<uint32_t> rank(order.size());
    for (uint32_t r = 0; r < order.size(); ++r) rank[order[r]] = r;
    return rank;
  }

  void WriteKeys() {
    std::vector<KeyIndex> declared;
    for (KeyIndex k = 0; k < l_.keys.size(); ++k)
      if (l_.keys[k].declared) declared.push_back(k);
    if (declared.empty()) return;
    SortByRank(&declared);
    json_.Field("keys");
    json_.BeginArray();
    for (KeyIndex k : declared) {
      json_.Element();
      json_.BeginObject();
      json_.StringField("id", l_.keys[k].id);
      json_.OptionalString("description", l_.keys[k].description);
      json_.EndObject();
    }
    json_.EndArray();
  }

  void WriteChanges() {
    if (l_.changes.empty()) return;
    json_.Field("changes");
    json_.BeginArray();
    for (const Change& c : l_.changes) {
      json_.Element();
      json_.BeginObject();
      json_.StringField("key", l_.keys[c.key].id);
      // Required even when empty: a change without "from" or "to" does not load.
      json_.StringField("from", c.from);
      json_.StringField("to", c.to);
      if (c.effective) json_.StringField("effective", FormatDate(*c.effective));
      if (c.kind) json_.StringField("kind", ReformKindName(*c.kind));
      json_.EndObject();
    }
    json_.EndArray();
  }

  void WriteResources() {
    if (l_.resources.empty()) return;
    json_.Field("resources");
    json_.BeginArray();
    for (const ResourceCapacity& r : l_.resources) {
      json_.Element();
      json_.BeginObject();
      json_.StringField(r.of == ResourceCapacity::Of::kVendor ? "vendor" : "owner", r.name);
      json_.Field("capacity");
      json_.Raw(std::to_string(r.capacity));
      json_.EndObject();
    }
    json_.EndArray();
  }

  void WriteSystem(const System& s) {
    json_.Element();
    json_.BeginObject();
    json_.StringField("id", s.id);
    json_.OptionalString("name", s.name);
    json_.OptionalString("kind", KindName(s.kind));
    json_.OptionalString("owner", s.owner);
    json_.OptionalString("vendor", s.vendor);
    json_.OptionalString("product", s.product);
    json_.OptionalString("domain", s.domain);
    WriteKeyList("keys", s.keys);
    json_.OptionalString("criticality", CriticalityName(s.criticality));
    WriteCutover(s.cutover);
    json_.OptionalString("source", s.source);
    json_.EndObject();
  }

  void WriteCutover(const Cutover& c) {
    // A NaN or infinite effort cannot come from a file (it is not JSON); treat it as absent.
    bool effort = c.effort_days && std::isfinite(*c.effort_days);
    if (!effort && c.after.empty() && !c.fixed_date) return;
    json_.Field("cutover");
    json_.BeginObject();
    if (effort) {
      json_.Field("effort_days");
      json_.Raw(FormatDays(*c.effort_days));
    }
    if (!c.after.empty()) {
      // Sorted by SystemIndex in the model, which is the order of systems in the file.
      json_.Field("after");
      json_.BeginArray();
      for (SystemIndex s : c.after) {
        json_.Element();
        json_.String(l_.systems[s].id);
      }
      json_.EndArray();
    }
    if (c.fixed_date) json_.StringField("fixed_date", FormatDate(*c.fixed_date));
    json_.EndObject();
  }

  void WriteIntegration(const Integration& i) {
    json_.Element();
    json_.BeginObject();
    if (!i.id_generated) json_.StringField("id", i.id);
    json_.StringField("from", l_.systems[i.from].id);
    json_.StringField("to", l_.systems[i.to].id);
    WriteKeyList("carries", i.carries);
    json_.OptionalString("protocol", i.protocol);
    json_.OptionalString("criticality", CriticalityName(i.criticality));
    json_.OptionalString("source", i.source);
    json_.EndObject();
  }

  void WriteKeyList(std::string_view field, const std::vector<KeyIndex>& keys) {
    if (keys.empty()) return;
    std::vector<KeyIndex> sorted = keys;
    SortByRank(&sorted);
    json_.Field(field);
    json_.BeginArray();
    for (KeyIndex k : sorted) {
      json_.Element();
      json_.String(l_.keys[k].id);
    }
    json_.EndArray();
  }

  void SortByRank(std::vector<KeyIndex>* keys) const {
    std::sort(keys->begin(), keys->end(),
              [this](KeyIndex a, KeyIndex b) { return rank_[a] < rank_[b]; });
  }

  const Landscape& l_;
  JsonWriter json_;
  std::vector<uint32_t> rank_;  // by KeyIndex
};

}  // namespace

void WriteLandscape(const Landscape& landscape, std::ostream& out) {
  LandscapeWriter(landscape, out).Write();
}

std::string WriteLandscape(const Landscape& landscape) {
  std::ostringstream out;
  WriteLandscape(landscape, out);
  return std::move(out).str();
}

}  // namespace landskap
