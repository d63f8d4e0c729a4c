// The Archi mapping shared by every Archi reader: application components (and, by option, nodes
// and system software) become systems; relationships that move data become integrations in the
// direction of the data; chains through interfaces, services and data objects collapse into one
// integration that keeps the elements in between in its `source`. See docs/import.md.
#include "engine/formats/archi_model.h"

#include <algorithm>
#include <deque>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>

#include "engine/file/load.h"
#include "engine/formats/table_mapper.h"
#include "engine/model/municipality.h"
#include "engine/model/text.h"

namespace landskap {
namespace {

// The longest chain of interfaces, services and data objects between two systems that still
// counts as one integration. Longer chains in real models are usually layered views of the same
// thing, not data passing through.
constexpr int kMaxIntermediates = 3;

// A group of interfaces, services and data objects joined to each other is a hub (an ESB, an
// integration platform) when more than this many systems lead into it and more than this many
// relationships lead out of it: as chains it would make an integration between every pair of
// systems around it (quadratic), so it becomes one system instead (docs/import.md, "Hubs").
// Below the threshold a group makes at most 16 integrations per relationship around it.
constexpr size_t kHubSide = 16;

enum class Field {
  kNone,
  kKeys,
  kCarries,
  kOwner,
  kVendor,
  kProduct,
  kDomain,
  kCriticality,
  kKind,
  kProtocol,
  kKommunenummer,
  kId,     // "landskap id": the id landskap gave it (written by `landskap export archimate`)
  kSource  // "Source": where the fact comes from (written by the export too)
};

// Lowercase ASCII letters and digits only: "Leverandør" → "leverandor", "Fag-område" →
// "fagomrade". Property names and enumerated values are compared in this form.
std::string Folded(std::string_view text) { return FoldForMatch(text); }

// "1 relationship", "2 relationships": the report is read by people.
std::string Counted(size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

std::optional<Field> FieldByName(std::string_view name) {
  static const std::map<std::string, Field> fields = {{"keys", Field::kKeys},
                                                      {"carries", Field::kCarries},
                                                      {"owner", Field::kOwner},
                                                      {"vendor", Field::kVendor},
                                                      {"product", Field::kProduct},
                                                      {"domain", Field::kDomain},
                                                      {"criticality", Field::kCriticality},
                                                      {"kind", Field::kKind},
                                                      {"protocol", Field::kProtocol},
                                                      {"kommunenummer", Field::kKommunenummer}};
  auto it = fields.find(Folded(name));
  if (it == fields.end()) return std::nullopt;
  return it->second;
}

// Property names → fields: the built-in Norwegian and English names, then the user's map.
class PropertyNames {
 public:
  PropertyNames(const ImportOptions& options, Diagnostics* diagnostics) {
    static const std::pair<const char*, Field> builtin[] = {
        {"kommunenummer", Field::kKommunenummer},
        {"kommunenr", Field::kKommunenummer},
        {"knr", Field::kKommunenummer},
        {"municipalitynumber", Field::kKommunenummer},
        {"eier", Field::kOwner},
        {"owner", Field::kOwner},
        {"systemeier", Field::kOwner},
        {"systemowner", Field::kOwner},
        {"leverandor", Field::kVendor},
        {"vendor", Field::kVendor},
        {"supplier", Field::kVendor},
        {"produkt", Field::kProduct},
        {"product", Field::kProduct},
        {"domene", Field::kDomain},
        {"fagomrade", Field::kDomain},
        {"domain", Field::kDomain},
        {"kritikalitet", Field::kCriticality},
        {"criticality", Field::kCriticality},
        {"nokler", Field::kKeys},
        {"nokkel", Field::kKeys},
        {"keys", Field::kKeys},
        {"baerer", Field::kCarries},
        {"carries", Field::kCarries},
        {"protokoll", Field::kProtocol},
        {"protocol", Field::kProtocol},
        {"kind", Field::kKind},
        {"systemtype", Field::kKind},
        {"type", Field::kKind},
        {"landskapid", Field::kId},
        {"source", Field::kSource},
        {"kilde", Field::kSource}};
    for (const auto& [name, field] : builtin) names_[name] = field;
    for (const auto& [property, field_name] : options.property_map) {
      std::optional<Field> field = FieldByName(field_name);
      if (!field || Folded(property).empty()) {
        diagnostics->Error("property map",
                           "'" + VisibleText(property) + "=" + VisibleText(field_name) +
                               "': a property can become keys, carries, owner, vendor, product, "
                               "domain, criticality, kind, protocol or kommunenummer");
        continue;
      }
      names_[Folded(property)] = *field;
    }
  }
  Field Of(std::string_view property) const {
    auto it = names_.find(Folded(property));
    return it == names_.end() ? Field::kNone : it->second;
  }

 private:
  std::map<std::string, Field> names_;
};

std::vector<std::string> SplitList(std::string_view text) {
  std::vector<std::string> out;
  std::string item;
  for (char c : text) {
    if (c == ',' || c == ';' || c == '\n') {
      if (std::string t = Trim(item); !t.empty()) out.push_back(t);
      item.clear();
    } else {
      item += c;
    }
  }
  if (std::string t = Trim(item); !t.empty()) out.push_back(t);
  return out;
}

bool IsYes(std::string_view value) {
  std::string v = Folded(value);
  return v == "ja" || v == "yes" || v == "true" || v == "x" || v == "1" || v == "sann" ||
         v == "j" || v == "y";
}

std::optional<Criticality> CriticalityFromText(std::string_view text) {
  std::string v = Folded(text);
  if (v == "lav" || v == "low") return Criticality::kLow;
  if (v == "middels" || v == "medium" || v == "moderat" || v == "moderate")
    return Criticality::kMedium;
  if (v == "hoy" || v == "high") return Criticality::kHigh;
  if (v == "kritisk" || v == "critical" || v == "svaertkritisk") return Criticality::kCritical;
  return std::nullopt;
}

std::optional<Kind> KindFromText(std::string_view text) {
  std::string v = Folded(text);
  if (v == "nasjonal" || v == "national" || v == "statlig") return Kind::kNational;
  if (v == "kommunal" || v == "municipal") return Kind::kMunicipal;
  if (v == "interkommunal" || v == "intermunicipal") return Kind::kIntermunicipal;
  if (v == "leverandor" || v == "vendor") return Kind::kVendor;
  return std::nullopt;
}

// A name that stands for "not filled in yet": "?", "", "TBD", "xxx", "Ukjent", or the name
// Archi gives a new element ("Application Component").
bool IsPlaceholderName(std::string_view name, std::string_view type) {
  std::string folded = Folded(name);
  if (folded.empty()) return true;
  if (std::all_of(folded.begin(), folded.end(), [](char c) { return c == 'x'; })) return true;
  static const std::set<std::string> placeholders = {
      "tbd",        "tba",     "todo",   "ukjent",      "unknown", "placeholder", "plassholder",
      "dummy",      "test",    "navn",   "name",        "noname",  "ny",          "new",
      "newelement", "element", "system", "ikkeavklart", "uavklart"};
  if (placeholders.count(folded)) return true;
  return folded == Folded(type);
}

std::string Quoted(std::string_view text) { return "'" + VisibleText(text) + "'"; }

// What the mapping takes from one element's or relationship's properties.
struct Facts {
  std::string owner, vendor, product, domain, protocol, id, source;
  std::optional<Criticality> criticality;
  std::optional<Kind> kind;
  std::vector<std::string> keys;     // held (elements) or carried (relationships)
  std::vector<std::string> carries;  // carried (relationships, interfaces, services)
};

class Mapper {
 public:
  Mapper(const ArchiModel& model, const std::string& label, const ImportOptions& options,
         Landscape* landscape, ImportReport* report, Diagnostics* diagnostics)
      : model_(model),
        label_(label),
        options_(options),
        file_(std::filesystem::path(label).filename().string()),
        names_(options, diagnostics),
        landscape_(landscape),
        report_(report) {}

  bool Run() {
    IndexElements();
    size_t systems_before = landscape_->systems.size();
    TakeSystems();
    BuildDataEdges();
    used_.assign(model_.relationships.size(), false);
    TakeHubs();
    size_t integrations = CollapseChains();
    size_t systems = landscape_->systems.size() - systems_before;
    report_->taken["systems"] += systems;
    report_->taken["integrations"] += integrations;
    report_->notes.push_back(
        label_ + ": " + Counted(model_.elements.size(), "element", "elements") + " (" +
        Counted(model_.CountElements("ApplicationComponent"), "application component",
                "application components") +
        ") and " + Counted(model_.relationships.size(), "relationship", "relationships") +
        " read; " + Counted(systems, "system", "systems") + " and " +
        Counted(integrations, "integration", "integrations") + " taken");
    NoteUnused();
    return systems > 0;
  }

 private:
  bool IsSystemType(std::string_view type) const {
    if (type == "ApplicationComponent") return true;
    return options_.include_nodes && (type == "Node" || type == "SystemSoftware");
  }
  bool IsIntermediateType(std::string_view type) const {
    if (type == "ApplicationInterface" || type == "ApplicationService" || type == "DataObject")
      return true;
    return options_.include_nodes &&
           (type == "TechnologyInterface" || type == "TechnologyService" || type == "Artifact");
  }

  void Skip(const std::string& place, std::string what, std::string reason) {
    report_->skipped.push_back({place, std::move(what), std::move(reason)});
  }

  std::string Describe(const ArchiElement& e) const {
    return e.type + " " + Quoted(e.name) + " (" + VisibleText(e.id) + ")";
  }
  std::string Describe(const ArchiRelationship& r) const {
    std::string text = r.type.empty() ? std::string("relationship") : r.type;
    if (!Trim(r.name).empty()) text += " " + Quoted(Trim(r.name));
    return text + " (" + VisibleText(r.id) + ")";
  }

  void IndexElements() {
    std::unordered_map<std::string, size_t> relationship_ids;
    for (size_t i = 0; i < model_.elements.size(); ++i) {
      const ArchiElement& e = model_.elements[i];
      if (e.id.empty()) {
        Skip(e.place, Describe(e), "it has no identifier, so no relationship can reach it");
        continue;
      }
      auto [it, fresh] = element_by_id_.emplace(e.id, i);
      if (!fresh)
        Skip(e.place, Describe(e),
             "its identifier is used before by " + Describe(model_.elements[it->second]) + " at " +
                 model_.elements[it->second].place + "; only the first is used");
    }
    for (const ArchiRelationship& r : model_.relationships) relationship_ids_.insert(r.id);
  }

  Facts ReadFacts(const std::vector<ArchiProperty>& properties, const std::string& place,
                  const std::string& what) {
    Facts facts;
    for (const ArchiProperty& p : properties) {
      std::string value = Trim(p.value);
      auto bad = [&](const std::string& expected) {
        Skip(place, what + ": property " + Quoted(p.key) + " = " + Quoted(value),
             "expected " + expected + "; the property is left out");
      };
      switch (names_.Of(p.key)) {
        case Field::kNone:
          break;
        case Field::kOwner:
          facts.owner = value;
          break;
        case Field::kVendor:
          facts.vendor = value;
          break;
        case Field::kProduct:
          facts.product = value;
          break;
        case Field::kDomain:
          facts.domain = value;
          break;
        case Field::kProtocol:
          facts.protocol = value;
          break;
        case Field::kId:
          if (IsWellFormedId(value))
            facts.id = value;
          else if (!value.empty())
            bad("an id without spaces, like 'fjell.sak-arkiv'");
          break;
        case Field::kSource:
          facts.source = value;
          break;
        case Field::kCriticality:
          if (value.empty()) break;
          if (auto c = CriticalityFromText(value))
            facts.criticality = c;
          else
            bad("lav, middels, høy or kritisk (low, medium, high, critical)");
          break;
        case Field::kKind:
          if (value.empty()) break;
          if (auto k = KindFromText(value))
            facts.kind = k;
          else if (Folded(p.key) != "type")  // "Type" is often used for other things
            bad("nasjonal, kommunal, interkommunal or leverandør");
          break;
        case Field::kKeys:
        case Field::kCarries: {
          auto& list = names_.Of(p.key) == Field::kKeys ? facts.keys : facts.carries;
          for (const std::string& key : SplitList(value)) {
            if (IsWellFormedId(key))
              list.push_back(key);
            else
              Skip(place, what + ": key " + Quoted(key),
                   "a key is a name without spaces, like 'kommunenummer' or 'fnr'");
          }
          break;
        }
        case Field::kKommunenummer:
          // "4626": the municipality that owns it (and it holds kommunenummer); "ja": it holds
          // or carries kommunenummer; "nei" or empty: nothing.
          if (IsKommunenummer(value)) {
            if (facts.owner.empty()) facts.owner = value;
            facts.keys.push_back("kommunenummer");
          } else if (IsYes(value)) {
            facts.keys.push_back("kommunenummer");
          }
          break;
      }
    }
    return facts;
  }

  std::string LandskapId(const std::vector<ArchiProperty>& properties) const {
    for (const ArchiProperty& p : properties)
      if (names_.Of(p.key) == Field::kId) return Trim(p.value);
    return "";
  }

  // What the properties say of a system; the keys it carries are keys it holds.
  void TakeFacts(const Facts& facts, System* system) {
    system->owner = facts.owner;
    system->vendor = facts.vendor;
    system->product = facts.product;
    system->domain = facts.domain;
    if (facts.kind) system->kind = *facts.kind;
    if (facts.criticality) system->criticality = *facts.criticality;
    std::vector<std::string> keys = facts.keys;
    keys.insert(keys.end(), facts.carries.begin(), facts.carries.end());
    system->keys = Intern(keys);
  }

  std::vector<KeyIndex> Intern(const std::vector<std::string>& keys) {
    std::vector<KeyIndex> out;
    for (const std::string& k : keys) out.push_back(landscape_->InternKey(k));
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
  }

  std::string FreeSystemId(const std::string& base) {
    std::string id = base;
    // The next number to try per base, so that many names cut to one base stay linear.
    int& n = next_number_[base];
    n = std::max(n, 2);
    for (; landscape_->FindSystem(id) || !IsWellFormedId(id); ++n) {
      id = base.substr(0, 190) + "-" + std::to_string(n);
      if (n > 100000000) break;  // cannot happen: ids are unique long before
    }
    return id;
  }

  void TakeSystems() {
    std::map<std::string, size_t> first_by_name;  // type|folded name → element index
    for (size_t i = 0; i < model_.elements.size(); ++i) {
      const ArchiElement& e = model_.elements[i];
      if (!IsSystemType(e.type) || e.id.empty() || element_by_id_.at(e.id) != i) continue;
      std::string name = Trim(e.name);
      if (IsPlaceholderName(name, e.type)) {
        Skip(e.place, Describe(e),
             name.empty() ? "it has no name" : "its name looks like a placeholder, not a system");
        skipped_elements_[e.id] =
            "was skipped (" + std::string(name.empty() ? "no name" : "placeholder name") + ")";
        continue;
      }
      std::string folded_name = e.type + "|" + Folded(name);
      if (auto [it, fresh] = first_by_name.emplace(folded_name, i); !fresh) {
        const ArchiElement& first = model_.elements[it->second];
        system_of_element_[e.id] = system_of_element_.at(first.id);
        Skip(e.place, Describe(e),
             "same name as " + Describe(first) + " at " + first.place +
                 "; taken as that system (its relationships too)");
        continue;
      }
      Facts facts = ReadFacts(e.properties, e.place, Describe(e));
      System system;
      std::string base = IdWordsFromName(name);
      if (base.empty()) base = "archi-" + IdWordsFromName(e.id);
      if (base == "archi-") base = "archi-system";
      // The id landskap gave it, when the model came from `landskap export archimate`.
      system.id = !facts.id.empty() && !landscape_->FindSystem(facts.id)
                      ? facts.id
                      : FreeSystemId(base.substr(0, 200));
      system.name = name;
      TakeFacts(facts, &system);
      system.source = facts.source.empty() ? file_ + ": " + e.type + " " + e.id : facts.source;
      auto index = landscape_->AddSystem(std::move(system));
      system_of_element_[e.id] = *index;
    }
  }

  struct Edge {
    size_t to;            // element index
    size_t relationship;  // index into model_.relationships
  };

  void AddEdge(size_t from, size_t to, size_t r) { out_[from].push_back({to, r}); }

  void BuildDataEdges() {
    out_.assign(model_.elements.size(), {});
    for (size_t r = 0; r < model_.relationships.size(); ++r) {
      const ArchiRelationship& rel = model_.relationships[r];
      std::string what = Describe(rel);
      if (rel.source.empty() || rel.target.empty()) {
        Skip(rel.place, what, rel.source.empty() ? "it has no source" : "it has no target");
        continue;
      }
      auto source = element_by_id_.find(rel.source);
      auto target = element_by_id_.find(rel.target);
      bool source_is_rel = relationship_ids_.count(rel.source) > 0;
      bool target_is_rel = relationship_ids_.count(rel.target) > 0;
      if (source == element_by_id_.end() || target == element_by_id_.end()) {
        if ((source != element_by_id_.end() || source_is_rel) &&
            (target != element_by_id_.end() || target_is_rel))
          continue;  // attached to a relationship (ArchiMate 3 allows it): not data
        const std::string& missing =
            source == element_by_id_.end() && !source_is_rel ? rel.source : rel.target;
        Skip(rel.place, what,
             "dangling: " + std::string(&missing == &rel.source ? "its source " : "its target ") +
                 Quoted(missing) + " is not an element of the model");
        continue;
      }
      size_t s = source->second, t = target->second;
      const ArchiElement& se = model_.elements[s];
      const ArchiElement& te = model_.elements[t];
      const std::string& type = rel.type;
      bool data = type == "Flow" || type == "Serving" || type == "Triggering" ||
                  type == "Realization" || type == "Access";
      bool structural = (type == "Composition" || type == "Aggregation" || type == "Assignment") &&
                        IsSystemType(se.type) &&
                        (te.type == "ApplicationInterface" ||
                         (options_.include_nodes && te.type == "TechnologyInterface"));
      bool both_systems = system_of_element_.count(se.id) && system_of_element_.count(te.id);
      if (!data && !structural) {
        if (both_systems)
          Skip(rel.place, what,
               "between two systems, but a relationship of type " +
                   (type.empty() ? std::string("(none)") : type) +
                   " does not say which way data goes; draw a flow, serving or triggering "
                   "relationship");
        continue;
      }
      if (data) {
        for (const std::string* end : {&se.id, &te.id}) {
          if (auto it = skipped_elements_.find(*end); it != skipped_elements_.end()) {
            Skip(rel.place, what,
                 std::string(end == &se.id ? "its source " : "its target ") +
                     Describe(end == &se.id ? se : te) + " " + it->second);
            data = false;
            break;
          }
        }
        if (!data) continue;
      }
      if (both_systems && system_of_element_.at(se.id) == system_of_element_.at(te.id)) {
        Skip(rel.place, what,
             "from a system to itself" + std::string(se.id == te.id ? "" : " (same name)"));
        continue;
      }
      if (type == "Access") {
        // The accessor reads from or writes to the object: data goes the way of the write.
        if (rel.access == ArchiAccess::kRead) {
          AddEdge(t, s, r);
        } else if (rel.access == ArchiAccess::kReadWrite) {
          AddEdge(s, t, r);
          AddEdge(t, s, r);
        } else {
          AddEdge(s, t, r);
        }
      } else {
        AddEdge(s, t, r);
      }
    }
  }

  // Groups of intermediates (joined by data edges either way) that are hubs become one system
  // each, named after the element of the group with the most relationships; every element of
  // the group then stands for that system, so the chains end there: one integration from each
  // system that leads into the hub and one to each it leads to.
  void TakeHubs() {
    const size_t n = model_.elements.size();
    auto intermediate = [&](size_t e) {
      return IsIntermediateType(model_.elements[e].type) &&
             !system_of_element_.count(model_.elements[e].id);
    };
    std::vector<size_t> parent(n);
    for (size_t i = 0; i < n; ++i) parent[i] = i;
    auto root = [&](size_t x) {
      while (parent[x] != x) x = parent[x] = parent[parent[x]];
      return x;
    };
    std::vector<size_t> degree(n, 0);
    for (size_t u = 0; u < n; ++u)
      for (const Edge& edge : out_[u]) {
        ++degree[u];
        ++degree[edge.to];
        if (intermediate(u) && intermediate(edge.to)) parent[root(u)] = root(edge.to);
      }
    struct Group {
      std::set<SystemIndex> in, out;  // systems leading into it, and it leads to
      size_t out_edges = 0;           // relationships leading out of its elements
    };
    std::map<size_t, Group> groups;  // by root element, so hubs are taken in model order
    for (size_t u = 0; u < n; ++u) {
      if (intermediate(u)) {
        Group& g = groups[root(u)];
        g.out_edges += out_[u].size();
        for (const Edge& edge : out_[u])
          if (auto t = system_of_element_.find(model_.elements[edge.to].id);
              t != system_of_element_.end())
            g.out.insert(t->second);
        continue;
      }
      auto s = system_of_element_.find(model_.elements[u].id);
      if (s == system_of_element_.end()) continue;
      for (const Edge& edge : out_[u])
        if (intermediate(edge.to)) groups[root(edge.to)].in.insert(s->second);
    }
    std::map<size_t, std::vector<size_t>> members;
    for (const auto& [group_root, g] : groups)
      if (g.in.size() > kHubSide && g.out_edges > kHubSide) members[group_root];
    if (members.empty()) return;
    for (size_t u = 0; u < n; ++u)
      if (intermediate(u))
        if (auto m = members.find(root(u)); m != members.end()) m->second.push_back(u);
    for (const auto& [group_root, elements] : members) {
      const Group& g = groups.at(group_root);
      size_t hub = elements.front();
      for (size_t e : elements)
        if (degree[e] > degree[hub]) hub = e;
      const ArchiElement& e = model_.elements[hub];
      Facts facts = ReadFacts(e.properties, e.place, Describe(e));
      System system;
      std::string name = Trim(e.name);
      if (name.empty()) name = e.type + " " + e.id;
      std::string base = IdWordsFromName(name);
      if (base.empty()) base = "archi-hub";
      system.id = FreeSystemId(base.substr(0, 200));
      system.name = name;
      TakeFacts(facts, &system);
      system.source = file_ + ": " + e.type + " " + e.id;
      SystemIndex index = *landscape_->AddSystem(std::move(system));
      for (size_t member : elements) {
        system_of_element_[model_.elements[member].id] = index;
        // Relationships inside the hub are part of it.
        for (const Edge& edge : out_[member])
          if (root(edge.to) == group_root) used_[edge.relationship] = true;
      }
      report_->notes.push_back(
          label_ + ": " + Describe(e) +
          (elements.size() > 1
               ? " and " + Counted(elements.size() - 1, "element", "elements") + " joined to it"
               : std::string()) +
          (elements.size() > 1 ? " lead" : " leads") + " from " +
          Counted(g.in.size(), "system", "systems") + " to " +
          Counted(g.out.size(), "system", "systems") +
          ": taken as a hub, a system of its own with one integration from and to each of "
          "them, not one between every pair (docs/import.md, \"Hubs\")");
    }
  }

  // One integration per ordered pair of systems: the direct relationships between them when
  // there are any, else the shortest chain through interfaces, services and data objects.
  size_t CollapseChains() {
    size_t taken = 0;
    // Elements merged by name are one system: search from all of them at once.
    std::map<SystemIndex, std::vector<size_t>> starts;
    for (size_t s = 0; s < model_.elements.size(); ++s) {
      const ArchiElement& e = model_.elements[s];
      auto it = system_of_element_.find(e.id);
      if (it != system_of_element_.end() && !e.id.empty() && element_by_id_.at(e.id) == s)
        starts[it->second].push_back(s);
    }
    for (const auto& [system, start_elements] : starts) {
      const SystemIndex from = system;
      std::set<size_t> start_set(start_elements.begin(), start_elements.end());
      // Paths found from this start, per target system, in the order found.
      std::map<SystemIndex, std::vector<std::vector<size_t>>> direct;  // relationships
      std::map<SystemIndex, std::pair<std::vector<size_t>, std::vector<size_t>>> chains;
      std::vector<SystemIndex> order;
      std::unordered_map<size_t, std::pair<size_t, size_t>> pred;  // element → (prev, rel)
      std::unordered_map<size_t, int> depth;
      std::deque<size_t> queue(start_elements.begin(), start_elements.end());
      for (size_t s : start_elements) depth[s] = 0;
      while (!queue.empty()) {
        size_t u = queue.front();
        queue.pop_front();
        for (const Edge& edge : out_[u]) {
          const ArchiElement& v = model_.elements[edge.to];
          auto to = system_of_element_.find(v.id);
          if (to != system_of_element_.end()) {
            if (to->second == from) continue;
            bool seen = direct.count(to->second) || chains.count(to->second);
            if (start_set.count(u)) {
              if (!seen) order.push_back(to->second);
              direct[to->second].push_back({edge.relationship});
            } else if (!seen) {
              order.push_back(to->second);
              std::vector<size_t> rels = {edge.relationship}, between;
              for (size_t w = u; !start_set.count(w); w = pred[w].first) {
                rels.push_back(pred[w].second);
                between.push_back(w);
              }
              std::reverse(rels.begin(), rels.end());
              std::reverse(between.begin(), between.end());
              chains[to->second] = {rels, between};
            }
            continue;
          }
          if (!IsIntermediateType(v.type) || depth.count(edge.to)) continue;
          if (depth[u] + 1 > kMaxIntermediates) continue;
          depth[edge.to] = depth[u] + 1;
          pred[edge.to] = {u, edge.relationship};
          queue.push_back(edge.to);
        }
      }
      for (SystemIndex to : order) {
        if (auto d = direct.find(to); d != direct.end()) {
          // Relationships between the same two systems are one integration, unless they
          // carry different "landskap id"s (a file written by `landskap export archimate`
          // with two integrations between the same systems).
          std::map<std::string, std::vector<size_t>> groups;
          std::vector<std::string> group_order;
          for (const auto& path : d->second) {
            std::string id = LandskapId(model_.relationships[path[0]].properties);
            if (groups[id].empty()) group_order.push_back(id);
            groups[id].push_back(path[0]);
          }
          for (const std::string& id : group_order) {
            AddIntegration(from, to, groups[id], {});
            ++taken;
          }
        } else {
          AddIntegration(from, to, chains[to].first, chains[to].second);
          ++taken;
        }
      }
    }
    // In the order of the model's relationships (the first of each integration), so that a
    // file written by `landskap export archimate` comes back in its own order.
    std::stable_sort(pending_.begin(), pending_.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    for (auto& [first, integration] : pending_) {
      // A "landskap id" given twice, or already taken by another source: make one up.
      if (!integration.id.empty() && landscape_->FindIntegration(integration.id))
        integration.id.clear();
      landscape_->AddIntegration(std::move(integration));
    }
    return taken;
  }

  void AddIntegration(SystemIndex from, SystemIndex to, const std::vector<size_t>& rels,
                      const std::vector<size_t>& between) {
    Integration integration;
    integration.from = from;
    integration.to = to;
    std::vector<std::string> carries;
    std::optional<Criticality> criticality;
    std::string id, given_source;
    auto take = [&](const Facts& facts) {
      if (id.empty()) id = facts.id;
      if (given_source.empty()) given_source = facts.source;
      carries.insert(carries.end(), facts.keys.begin(), facts.keys.end());
      carries.insert(carries.end(), facts.carries.begin(), facts.carries.end());
      if (integration.protocol.empty()) integration.protocol = facts.protocol;
      if (facts.criticality && (!criticality || *facts.criticality > *criticality))
        criticality = facts.criticality;
    };
    std::string source = file_ + ": ";
    if (between.empty()) {
      // Several relationships straight between the same two systems: one integration.
      for (size_t i = 0; i < rels.size(); ++i) {
        const ArchiRelationship& r = model_.relationships[rels[i]];
        used_[rels[i]] = true;
        take(ReadFacts(r.properties, r.place, Describe(r)));
        source += (i ? "; " : "") + Describe(r);
      }
    } else {
      for (size_t i = 0; i < rels.size(); ++i) {
        const ArchiRelationship& r = model_.relationships[rels[i]];
        used_[rels[i]] = true;
        take(ReadFacts(r.properties, r.place, Describe(r)));
        source += Describe(r);
        if (i < between.size()) {
          const ArchiElement& e = model_.elements[between[i]];
          take(ReadFacts(e.properties, e.place, Describe(e)));
          source += " → " + Describe(e) + " → ";
        }
      }
    }
    integration.carries = Intern(carries);
    if (criticality) integration.criticality = *criticality;
    integration.source = given_source.empty() ? source : given_source;
    integration.id = id;
    size_t first = *std::min_element(rels.begin(), rels.end());
    pending_.push_back({first, std::move(integration)});
  }

  void NoteUnused() {
    std::map<std::string, size_t> by_type;
    size_t unused = 0;
    for (size_t r = 0; r < model_.relationships.size(); ++r) {
      if (used_[r]) continue;
      ++unused;
      ++by_type[model_.relationships[r].type.empty() ? "untyped" : model_.relationships[r].type];
    }
    if (unused == 0) return;
    std::string text = label_ + ": " + Counted(unused, "relationship", "relationships") +
                       " became no integration (they do not lead from one system "
                       "to another):";
    bool first = true;
    for (const auto& [type, n] : by_type) {
      text += (first ? " " : ", ") + type + " " + std::to_string(n);
      first = false;
    }
    report_->notes.push_back(text);
  }

  const ArchiModel& model_;
  const std::string& label_;
  const ImportOptions& options_;
  std::string file_;  // the source's file name, for `source` fields (no machine's folders)
  PropertyNames names_;
  Landscape* landscape_;
  ImportReport* report_;
  std::unordered_map<std::string, size_t> element_by_id_;  // the first element with the id
  std::set<std::string> relationship_ids_;
  std::unordered_map<std::string, SystemIndex> system_of_element_;
  std::unordered_map<std::string, std::string> skipped_elements_;  // id → why, for messages
  std::vector<std::vector<Edge>> out_;
  std::vector<bool> used_;
  std::vector<std::pair<size_t, Integration>> pending_;  // first relationship, integration
  std::unordered_map<std::string, int> next_number_;     // FreeSystemId's next suffix per base
};

}  // namespace

size_t ArchiModel::CountElements(std::string_view type) const {
  return std::count_if(elements.begin(), elements.end(),
                       [&](const ArchiElement& e) { return e.type == type; });
}

std::string NormaliseArchiType(std::string_view type) {
  if (size_t colon = type.rfind(':'); colon != std::string_view::npos)
    type.remove_prefix(colon + 1);
  std::string t(Trim(type));
  static const std::string_view suffix = "Relationship";
  if (t.size() > suffix.size() && t.compare(t.size() - suffix.size(), suffix.size(), suffix) == 0)
    t.erase(t.size() - suffix.size());
  if (t == "UsedBy") return "Serving";           // ArchiMate 2 "used by" is ArchiMate 3 serving
  if (t == "Realisation") return "Realization";  // exchange format 2.1 spells it so
  if (t == "Specialisation") return "Specialization";
  // ArchiMate 2's infrastructure layer is ArchiMate 3's technology layer (--nodes reads both).
  if (t == "InfrastructureService") return "TechnologyService";
  if (t == "InfrastructureInterface") return "TechnologyInterface";
  if (t == "InfrastructureFunction") return "TechnologyFunction";
  return t;
}

bool IsArchiRelationshipType(std::string_view type) {
  static const std::set<std::string, std::less<>> types = {
      "Access",    "Aggregation", "Assignment", "Association",    "Composition", "Flow",
      "Influence", "Realization", "Serving",    "Specialization", "Triggering"};
  return types.count(type) > 0;
}

bool MapArchiModel(const ArchiModel& model, const std::string& label, const ImportOptions& options,
                   Landscape* landscape, ImportReport* report, Diagnostics* diagnostics) {
  return Mapper(model, label, options, landscape, report, diagnostics).Run();
}

LineIndex::LineIndex(std::string_view text) : size_(text.size()) {
  starts_.push_back(0);
  for (size_t i = 0; i < text.size(); ++i)
    if (text[i] == '\n') starts_.push_back(i + 1);
}

std::string LineIndex::At(size_t offset) const {
  offset = std::min(offset, size_);
  size_t line = std::upper_bound(starts_.begin(), starts_.end(), offset) - starts_.begin();
  return std::to_string(line) + ":" + std::to_string(offset - starts_[line - 1] + 1);
}

}  // namespace landskap
