// The merge itself (see engine/merge/merge.h and docs/merge.md for the rules): union of the files,
// counterpart groups and proposals, decisions applied, integrations re-pointed, conversion
// tasks added. Works on ids (strings) until the end, because every input file numbers its
// systems and keys differently.
#include "engine/merge/merge.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <sstream>
#include <tuple>
#include <unordered_map>

#include "engine/file/write_landscape.h"
#include "engine/merge/after_cycles.h"
#include "engine/merge/ids.h"
#include "engine/model/municipality.h"
#include "engine/model/suggest.h"

namespace landskap {
namespace {

struct SystemRecord {
  System system;  // keys and cutover.after empty: they are below as ids
  std::vector<std::string> keys, after;
  std::vector<std::pair<size_t, std::string>> after_given;  // (file, id): who said which `after`
  size_t file = 0;
  size_t files = 1;  // in how many inputs it appears
};

struct IntegrationRecord {
  Integration integration;  // from, to and carries empty: they are below as ids
  std::string from, to;
  std::vector<std::string> carries;
  size_t file = 0;
  std::vector<size_t> files;  // the files that give it with these ends
};

// Cycles in the merged cutover order, listed (the rest counted).
constexpr size_t kMaxCycleErrors = 20;
// The loader's longest id (IsWellFormedId); conversion task ids are kept within it.
constexpr size_t kMaxIdBytes = 200;

// "conversion.<id>", shortened to the loader's limit (at a character boundary) when the retired
// id is long; `suffix` ("+2" ...) makes it unique.
std::string ConversionId(const std::string& retired, const std::string& suffix) {
  const std::string prefix = "conversion.";
  std::string id = retired;
  size_t room = kMaxIdBytes - prefix.size() - suffix.size();
  if (id.size() > room) {
    size_t cut = room;
    while (cut > 0 && (static_cast<unsigned char>(id[cut]) & 0xC0) == 0x80) --cut;
    id.resize(cut);
  }
  return prefix + id + suffix;
}

std::string Joined(std::vector<std::string> items, bool sort = true) {
  if (sort) std::sort(items.begin(), items.end());
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

std::string Days(double days) {
  std::ostringstream out;
  out << days;
  return out.str();
}

std::string CutoverText(const Cutover& c) {
  std::string out;
  if (c.effort_days) out += "effort_days " + Days(*c.effort_days);
  if (c.fixed_date)
    out += std::string(out.empty() ? "" : ", ") + "fixed_date " + FormatDate(*c.fixed_date);
  return out;
}

std::vector<std::string> Union(std::vector<std::string> a, const std::vector<std::string>& b) {
  a.insert(a.end(), b.begin(), b.end());
  std::sort(a.begin(), a.end());
  a.erase(std::unique(a.begin(), a.end()), a.end());
  return a;
}

class Conflicts {
 public:
  explicit Conflicts(std::vector<MergeConflict>* out) : out_(out) {}
  // Records that `file` says `value` where `first_file` said `first`.
  void Note(const std::string& what, const std::string& id, const std::string& field,
            const std::string& first_file, const std::string& first, const std::string& file,
            const std::string& value, const std::string& resolution) {
    if (first == value) return;
    auto key = std::make_tuple(what, id, field);
    auto [it, inserted] = index_.emplace(key, out_->size());
    if (inserted) out_->push_back({what, id, field, {{first_file, first}}, resolution});
    (*out_)[it->second].values.emplace_back(file, value);
  }

 private:
  std::vector<MergeConflict>* out_;
  std::map<std::tuple<std::string, std::string, std::string>, size_t> index_;
};

// Where a step of a cycle in the merged cutover order comes from: an `after` or an integration
// of one file, with the ids that file gives (which re-pointing may have changed).
struct StepOrigin {
  size_t file = 0;
  bool after = false;  // `to` lists `from` in its cutover.after; else an integration from -> to
  std::string from, to, integration;
  bool repointed = false;  // an end was retired into the survivor the merged step names
};

// Checks the merged landscape's cutover order the way `plan` will (engine/merge/after_cycles.h)
// and says where each cycle comes from: decisions that re-pointed an `after` or an integration
// (an error in the decisions file, naming each retirement's JSON path), files whose constraints
// together go round (an error), or one file that already went round on its own (a warning: plan
// refuses that file too). Returns false when it reported an error.
template <typename SurvivorOf>
bool CheckCutoverOrder(const std::vector<MergeInput>& inputs,
                       const std::vector<SystemRecord>& systems, const IdMap<size_t>& system_at,
                       const std::vector<IntegrationRecord>& integrations,
                       const std::map<std::string, std::string>& retired_where,
                       const SurvivorOf& survivor_of, const Landscape& merged,
                       std::vector<Diagnostics>* file_diags, Diagnostics* decision_diags) {
  AfterCycles found = FindAfterCycles(merged, kMaxCycleErrors);
  if (found.cycles.empty()) return true;
  using Step = std::pair<std::string, std::string>;  // merged ids, from -> to
  std::map<Step, std::vector<StepOrigin>> origins;
  for (const auto& cycle : found.cycles)
    for (size_t i = 0; i + 1 < cycle.size(); ++i)
      origins[{merged.systems[cycle[i]].id, merged.systems[cycle[i + 1]].id}];
  for (auto& [step, list] : origins) {
    auto at = system_at.find(step.second);
    if (at == system_at.end()) continue;
    for (const auto& [file, before] : systems[at->second].after_given)
      if (survivor_of(before) == step.first)
        list.push_back({file, true, before, step.second, "", before != step.first});
  }
  for (const IntegrationRecord& r : integrations) {
    auto it = origins.find({survivor_of(r.from), survivor_of(r.to)});
    if (it == origins.end()) continue;
    bool repointed = survivor_of(r.from) != r.from || survivor_of(r.to) != r.to;
    for (size_t file : r.files)
      it->second.push_back({file, false, r.from, r.to, r.integration.id, repointed});
  }
  // A step is explained by what holds without the decisions first, then by `after`s, then by
  // the first file.
  for (auto& [step, list] : origins)
    std::stable_sort(list.begin(), list.end(), [](const StepOrigin& a, const StepOrigin& b) {
      return std::make_tuple(a.repointed, !a.after, a.file) <
             std::make_tuple(b.repointed, !b.after, b.file);
    });

  auto retirement = [&](const std::string& old, const std::string& survivor) {
    return retired_where.at(old) + " retires " + old + " into " + survivor;
  };
  auto path_in_file = [&](const StepOrigin& o) {
    const Landscape& l = *inputs[o.file].landscape;
    if (o.after) return "/systems/" + std::to_string(*l.FindSystem(o.to)) + "/cutover/after";
    return "/integrations/" + std::to_string(*l.FindIntegration(o.integration));
  };
  bool errors = false;
  Diagnostics* last = nullptr;
  for (const auto& cycle : found.cycles) {
    std::string chain, steps;
    std::vector<const StepOrigin*> chosen;
    std::set<size_t> common;  // files that give every step as it is
    std::set<std::string> decisions;
    for (size_t i = 0; i + 1 < cycle.size(); ++i) {
      const std::string& u = merged.systems[cycle[i]].id;
      const std::string& v = merged.systems[cycle[i + 1]].id;
      chain += (i ? " → " : "") + u;
      const std::vector<StepOrigin>& list = origins[{u, v}];
      std::set<size_t> here;
      for (const StepOrigin& o : list)
        if (!o.repointed) here.insert(o.file);
      if (i == 0) {
        common = here;
      } else {
        std::set<size_t> both;
        for (size_t f : common)
          if (here.count(f)) both.insert(f);
        common = std::move(both);
      }
      if (list.empty()) continue;  // not reached: every merged step comes from a file
      const StepOrigin& o = list.front();
      chosen.push_back(&o);
      const std::string& file = inputs[o.file].label;
      std::string text =
          o.after ? v + " after " + u : "integration " + o.integration + " " + u + " → " + v;
      if (!o.repointed) {
        text += " (" + file + ")";
      } else {
        text +=
            ": " + file + " has " + (o.after ? o.to + " after " + o.from : o.from + " → " + o.to);
        for (const std::string* end : {&o.from, &o.to})
          if (survivor_of(*end) != *end) {
            text += ", and " + retirement(*end, survivor_of(*end));
            decisions.insert(retired_where.at(*end));
          }
      }
      steps += (steps.empty() ? "" : "; ") + text;
    }
    chain += " → " + merged.systems[cycle.back()].id;
    const std::string plan_says =
        "; 'landskap plan' could not order the merged landscape (a system listed in 'after' must "
        "be done before the other starts)";
    if (!decisions.empty()) {
      std::string where;
      for (const std::string& d : decisions) where += (where.empty() ? "" : ", ") + d;
      decision_diags->Error(*decisions.begin(),
                            "these decisions make a cycle in the cutover order: " + chain + " (" +
                                steps + ")" + plan_says +
                                ". Retire in the other direction, or remove one of these "
                                "'after' (the retirements: " +
                                where + ")");
      errors = true;
      last = decision_diags;
    } else if (!common.empty()) {
      size_t f = *common.begin();
      const StepOrigin* first_after = nullptr;
      for (const StepOrigin& o :
           origins[{merged.systems[cycle[0]].id, merged.systems[cycle[1]].id}])
        if (!first_after && o.file == f && !o.repointed && o.after) first_after = &o;
      (*file_diags)[f].Warning(first_after ? path_in_file(*first_after) : "",
                               "cycle in the cutover order, already in this file: " + chain + " (" +
                                   steps + ")" + plan_says +
                                   ", nor this file; remove one of these 'after' here");
      last = &(*file_diags)[f];
    } else if (!chosen.empty()) {
      const StepOrigin* latest = chosen.front();
      for (const StepOrigin* o : chosen)
        if (o->file > latest->file) latest = o;
      (*file_diags)[latest->file].Error(
          path_in_file(*latest), "the files together make a cycle in the cutover order: " + chain +
                                     " (" + steps + ")" + plan_says +
                                     ". Remove one of these 'after', or make the files agree");
      errors = true;
      last = &(*file_diags)[latest->file];
    }
  }
  if (found.more > 0 && last) {
    std::string text = "not listed: " + std::to_string(found.more) +
                       " more 'after' constraints inside cycles of the cutover order";
    if (errors)
      last->Error("", text);
    else
      last->Warning("", text);
  }
  return !errors;
}

}  // namespace

bool MergeLandscapes(const std::vector<MergeInput>& inputs, const MergeOptions& options,
                     Landscape* merged, MergeSummary* summary, Diagnostics* diagnostics) {
  *merged = Landscape{};
  *summary = MergeSummary{};
  summary->into = options.into;
  std::vector<Diagnostics> file_diags;
  for (const MergeInput& input : inputs) file_diags.emplace_back(input.label);
  auto finish = [&](Diagnostics* extra) {
    for (const Diagnostics& d : file_diags) diagnostics->Append(d);
    if (extra) diagnostics->Append(*extra);
    return !diagnostics->HasErrors();
  };
  const std::string& into = options.into;

  // Which municipality each file describes: the kommunenummer that owns most of its systems.
  std::vector<std::string> number(inputs.size());
  for (size_t f = 0; f < inputs.size(); ++f) {
    std::map<std::string, size_t> owners;
    for (const System& s : inputs[f].landscape->systems)
      if (IsKommunenummer(s.owner)) ++owners[s.owner];
    size_t best = 0;
    std::vector<std::string> tied;
    for (const auto& [owner, count] : owners) {
      if (count > best) {
        best = count;
        tied = {owner};
      } else if (count == best) {
        tied.push_back(owner);
      }
    }
    if (tied.empty()) {
      file_diags[f].Error("",
                          "no system in this file is owned by a kommunenummer, so merge "
                          "cannot tell which municipality it describes; give the "
                          "municipality's own systems \"owner\": \"1246\" (its number)");
    } else if (tied.size() > 1) {
      file_diags[f].Error("", "cannot tell which municipality this file describes: " +
                                  Joined(tied) + " own " + std::to_string(best) +
                                  " systems each; a file describes one municipality, which owns "
                                  "more of its systems than any neighbour does");
    } else {
      number[f] = tied.front();
    }
    summary->municipalities.emplace_back(inputs[f].label, number[f]);
  }
  // The same file given twice (by another path, or a copy) would count one municipality twice.
  // Compared as written by landskap, so a reformatted copy is the same file too.
  std::unordered_map<size_t, std::vector<size_t>> by_content;
  std::vector<std::string> canonical(inputs.size());
  for (size_t f = 0; f < inputs.size(); ++f) {
    std::string text = WriteLandscape(*inputs[f].landscape);
    auto& same_hash = by_content[std::hash<std::string>()(text)];
    canonical[f] = std::move(text);
    for (size_t g : same_hash) {
      if (canonical[g] != canonical[f]) continue;
      file_diags[f].Error("", "this is the same landscape as " + inputs[g].label +
                                  " (the same file, or a copy of it, given twice); give each "
                                  "municipality's file once");
      break;
    }
    same_hash.push_back(f);
  }
  canonical.clear();
  std::map<std::string, size_t> first_with_number;
  for (size_t f = 0; f < inputs.size(); ++f) {
    if (number[f].empty() || file_diags[f].HasErrors()) continue;
    auto [it, inserted] = first_with_number.emplace(number[f], f);
    if (!inserted)
      file_diags[f].Warning("", "describes " + number[f] + ", like " + inputs[it->second].label +
                                    "; merge takes the systems of both files as one "
                                    "municipality's (no counterparts between them)");
  }
  if (std::any_of(number.begin(), number.end(), [](const std::string& n) { return n.empty(); }) ||
      std::any_of(file_diags.begin(), file_diags.end(),
                  [](const Diagnostics& d) { return d.HasErrors(); }))
    return finish(nullptr);
  std::set<std::string> merging(number.begin(), number.end());
  auto is_merging = [&](const std::string& owner) { return merging.count(owner) > 0; };

  // The union of systems: the first file that has an id gives its fields; the others' different
  // values are listed as conflicts. Keys and cutover.after are sets, so they are united.
  std::vector<SystemRecord> systems;
  IdMap<size_t> system_at;
  Conflicts conflicts(&summary->conflicts);
  for (size_t f = 0; f < inputs.size(); ++f) {
    const Landscape& l = *inputs[f].landscape;
    summary->systems_in += l.systems.size();
    for (size_t i = 0; i < l.systems.size(); ++i) {
      const System& s = l.systems[i];
      SystemRecord rec;
      rec.system = s;
      rec.system.keys.clear();
      rec.system.cutover.after.clear();
      for (KeyIndex k : s.keys) rec.keys.push_back(l.keys[k].id);
      for (SystemIndex a : s.cutover.after) rec.after.push_back(l.systems[a].id);
      std::sort(rec.keys.begin(), rec.keys.end());
      std::sort(rec.after.begin(), rec.after.end());
      for (const std::string& a : rec.after) rec.after_given.emplace_back(f, a);
      rec.file = f;
      auto [it, inserted] = system_at.emplace(s.id, systems.size());
      if (inserted) {
        systems.push_back(std::move(rec));
        continue;
      }
      SystemRecord& first = systems[it->second];
      const std::string& first_file = inputs[first.file].label;
      const std::string& file = inputs[f].label;
      const std::string& other = first.system.owner;
      if (other != s.owner && is_merging(other) && is_merging(s.owner)) {
        file_diags[f].Error("/systems/" + std::to_string(i) + "/id",
                            "'" + s.id + "' is a system of " + s.owner + " here and of " + other +
                                " in " + first_file +
                                "; the municipalities' own systems need different ids (e.g. "
                                "with the municipality as prefix: fjell." +
                                s.id + ")");
        continue;
      }
      // A municipality's own system under the id another file gives a vendor's, national or
      // shared system: merging them would hand the municipality's integrations to the other
      // system without a word (docs/merge.md, "Shared systems").
      if (other != s.owner && !other.empty() && !s.owner.empty() &&
          (is_merging(other) || is_merging(s.owner))) {
        const std::string& own = is_merging(s.owner) ? s.owner : other;
        const std::string& own_file = is_merging(s.owner) ? file : first_file;
        file_diags[f].Error(
            "/systems/" + std::to_string(i) + "/id",
            "'" + s.id + "' is " + (is_merging(s.owner) ? "a system of " : "owned by ") + s.owner +
                " here, but " + (is_merging(other) ? "a system of " : "owned by ") + other +
                " in " + first_file + "; one id cannot name both, so merge would join " +
                "two different systems. Give " + own + "'s own system another id in " + own_file +
                " (e.g. with the municipality's name as prefix, as in fjell." + s.id + ")");
        continue;
      }
      if (first.file != f) ++first.files;
      const System& a = first.system;
      auto note = [&](const char* field, const std::string& x, const std::string& y,
                      const std::string& resolution = "the first file's value") {
        conflicts.Note("system", s.id, field, first_file, x, file, y, resolution);
      };
      note("name", a.name, s.name);
      note("kind", std::string(KindName(a.kind)), std::string(KindName(s.kind)));
      note("owner", a.owner, s.owner);
      note("vendor", a.vendor, s.vendor);
      note("product", a.product, s.product);
      note("domain", a.domain, s.domain);
      note("criticality", std::string(CriticalityName(a.criticality)),
           std::string(CriticalityName(s.criticality)));
      note("cutover", CutoverText(a.cutover), CutoverText(s.cutover));
      note("keys", Joined(first.keys), Joined(rec.keys), "all keys of both");
      note("cutover.after", Joined(first.after), Joined(rec.after), "all systems of both");
      first.keys = Union(first.keys, rec.keys);
      first.after = Union(first.after, rec.after);
      first.after_given.insert(first.after_given.end(), rec.after_given.begin(),
                               rec.after_given.end());
    }
  }
  for (const SystemRecord& r : systems) summary->shared_systems += r.files > 1;

  // The union of integrations, by id (ids the loader made up are "FROM:TO", which matches the
  // same pair in every file).
  std::vector<IntegrationRecord> integrations;
  IdMap<size_t> integration_at;
  for (size_t f = 0; f < inputs.size(); ++f) {
    const Landscape& l = *inputs[f].landscape;
    summary->integrations_in += l.integrations.size();
    for (const Integration& in : l.integrations) {
      IntegrationRecord rec;
      rec.integration = in;
      rec.integration.carries.clear();
      rec.from = l.systems[in.from].id;
      rec.to = l.systems[in.to].id;
      for (KeyIndex k : in.carries) rec.carries.push_back(l.keys[k].id);
      std::sort(rec.carries.begin(), rec.carries.end());
      rec.file = f;
      rec.files = {f};
      auto [it, inserted] = integration_at.emplace(in.id, integrations.size());
      if (inserted) {
        integrations.push_back(std::move(rec));
        continue;
      }
      IntegrationRecord& first = integrations[it->second];
      if (first.from == rec.from && first.to == rec.to && first.files.back() != f)
        first.files.push_back(f);
      const std::string& first_file = inputs[first.file].label;
      auto note = [&](const char* field, const std::string& x, const std::string& y,
                      const std::string& resolution = "the first file's value") {
        conflicts.Note("integration", in.id, field, first_file, x, inputs[f].label, y, resolution);
      };
      note("from", first.from, rec.from);
      note("to", first.to, rec.to);
      note("protocol", first.integration.protocol, in.protocol);
      note("criticality", std::string(CriticalityName(first.integration.criticality)),
           std::string(CriticalityName(in.criticality)));
      note("carries", Joined(first.carries), Joined(rec.carries), "all keys of both");
      first.carries = Union(first.carries, rec.carries);
    }
  }

  // Counterpart groups and the proposal for each (docs/merge.md, "Proposals").
  std::map<std::string, size_t> municipality_size;  // integrations touching its own systems
  std::map<std::string, size_t> degree;
  for (const IntegrationRecord& r : integrations) {
    ++degree[r.from];
    ++degree[r.to];
    std::set<std::string> owners;
    for (const std::string* end : {&r.from, &r.to}) {
      const std::string& owner = systems[system_at.find(*end)->second].system.owner;
      if (is_merging(owner)) owners.insert(owner);
    }
    for (const std::string& owner : owners) ++municipality_size[owner];
  }
  std::map<std::string, std::vector<size_t>> by_domain;
  for (size_t i = 0; i < systems.size(); ++i) {
    const System& s = systems[i].system;
    if (is_merging(s.owner) && !s.domain.empty()) by_domain[s.domain].push_back(i);
  }
  std::vector<MergeGroup> groups;
  for (const auto& [domain, members] : by_domain) {
    std::map<std::string, size_t> per_municipality;
    for (size_t i : members) ++per_municipality[systems[i].system.owner];
    bool one_each = std::all_of(per_municipality.begin(), per_municipality.end(),
                                [](const auto& p) { return p.second == 1; });
    std::map<std::string, std::vector<size_t>> split;
    for (size_t i : members) {
      const std::string& id = systems[i].system.id;
      size_t dot = id.find('.');
      split[one_each ? "" : dot == std::string::npos ? id : id.substr(dot + 1)].push_back(i);
    }
    for (const auto& [function, group_members] : split) {
      std::set<std::string> municipalities;
      for (size_t i : group_members) municipalities.insert(systems[i].system.owner);
      if (municipalities.size() < 2) continue;
      MergeGroup g;
      g.domain = domain;
      g.function = function;
      std::map<std::string, std::set<std::string>> users;  // product -> municipalities
      for (size_t i : group_members) {
        g.systems.push_back(systems[i].system.id);
        if (!systems[i].system.product.empty())
          users[systems[i].system.product].insert(systems[i].system.owner);
      }
      std::sort(g.systems.begin(), g.systems.end());
      size_t most = 0;
      for (const auto& [product, who] : users) most = std::max(most, who.size());
      std::vector<size_t> candidates;
      std::string product_reason;
      for (size_t i : group_members) {
        const std::string& product = systems[i].system.product;
        if (most < 2 || (!product.empty() && users[product].size() == most))
          candidates.push_back(i);
      }
      size_t pick = candidates.front();
      auto better = [&](size_t a, size_t b) {
        const System& x = systems[a].system;
        const System& y = systems[b].system;
        if (municipality_size[x.owner] != municipality_size[y.owner])
          return municipality_size[x.owner] > municipality_size[y.owner];
        if (degree[x.id] != degree[y.id]) return degree[x.id] > degree[y.id];
        return x.id < y.id;
      };
      for (size_t i : candidates)
        if (better(i, pick)) pick = i;
      const System& chosen = systems[pick].system;
      g.survivor = chosen.id;
      for (const std::string& id : g.systems)
        if (id != g.survivor) g.retired.push_back(id);
      std::string largest =
          chosen.owner + " (" + std::to_string(municipality_size[chosen.owner]) + " integrations)";
      if (most >= 2) {
        g.reason = chosen.product + " is used by " + std::to_string(most) + " of " +
                   std::to_string(municipalities.size()) + " municipalities";
        bool several = std::count_if(candidates.begin(), candidates.end(), [&](size_t i) {
                         return systems[i].system.owner != chosen.owner;
                       }) > 0;
        if (several) g.reason += "; of those, the largest municipality is " + largest;
      } else {
        g.reason = "no product is shared; the largest municipality is " + largest;
      }
      groups.push_back(std::move(g));
    }
  }

  // Decisions: checked against the union, then applied.
  Diagnostics decision_diags(options.decisions ? options.decisions->file : "");
  struct Retirement {
    std::string survivor;
    double effort = kDefaultConversionDays;
    std::string effort_from;
  };
  std::map<std::string, Retirement> retired;         // retired id -> survivor
  std::map<std::string, std::string> retired_where;  // retired id -> JSON path
  std::map<std::string, std::string> survivor_where;
  std::set<std::string> named;  // every system a decision names
  std::vector<std::string_view> all_ids;
  SuggestionBudget suggestion_budget;
  auto check_system = [&](const std::string& id, const std::string& path, const char* role) {
    auto it = system_at.find(id);
    if (it == system_at.end()) {
      // The ids once, and a bounded search: a decisions file full of unknown ids stays linear.
      if (all_ids.empty())
        for (const SystemRecord& r : systems) all_ids.push_back(r.system.id);
      decision_diags.Error(path, "unknown system '" + id + "'" +
                                     DidYouMean(id, all_ids, &suggestion_budget) +
                                     " (not in any of the files merged)");
      return false;
    }
    const System& s = systems[it->second].system;
    if (!is_merging(s.owner)) {
      decision_diags.Error(
          path, "'" + id + "' is owned by " + (s.owner.empty() ? std::string("no one") : s.owner) +
                    ", not by a merging municipality (" + Joined({merging.begin(), merging.end()}) +
                    "); only their "
                    "own systems can " +
                    role);
      return false;
    }
    return true;
  };
  if (options.decisions) {
    const MergeDecisions& ds = *options.decisions;
    if (!ds.into.empty() && ds.into != into)
      decision_diags.Error("/into", "these decisions are for " + ds.into + ", but --into is " +
                                        into + "; correct one of them");
    for (const MergeDecision& d : ds.decisions) {
      if (d.survivor.empty()) continue;
      bool survivor_ok = check_system(d.survivor, d.location + "/survivor", "survive");
      if (survivor_ok) {
        auto [it, inserted] = survivor_where.emplace(d.survivor, d.location + "/survivor");
        if (!inserted && it->second != d.location + "/survivor")
          decision_diags.Error(d.location + "/survivor",
                               "'" + d.survivor + "' is already the survivor at " + it->second +
                                   "; put all of its retirements in one decision");
        named.insert(d.survivor);
        const System& s = systems[system_at.find(d.survivor)->second].system;
        if (!d.domain.empty() && d.domain != s.domain)
          decision_diags.Warning(d.location + "/domain", "the decision is for domain '" + d.domain +
                                                             "', but '" + d.survivor +
                                                             "' is in domain '" + s.domain + "'");
      }
      for (const RetireDecision& r : d.retire) {
        if (!check_system(r.system, r.location, "be retired")) continue;
        if (r.system == d.survivor) {
          decision_diags.Error(r.location, "'" + r.system +
                                               "' is this decision's survivor; a "
                                               "system cannot retire into itself");
          continue;
        }
        auto [it, inserted] = retired_where.emplace(r.system, r.location);
        if (!inserted) {
          decision_diags.Error(r.location, "'" + r.system + "' is already retired at " +
                                               it->second + "; retire each system once");
          continue;
        }
        named.insert(r.system);
        if (!survivor_ok) continue;
        Retirement ret;
        ret.survivor = d.survivor;
        const System& old = systems[system_at.find(r.system)->second].system;
        if (r.effort_days) {
          ret.effort = *r.effort_days;
          ret.effort_from = "retire entry";
        } else if (d.effort_days) {
          ret.effort = *d.effort_days;
          ret.effort_from = "decision";
        } else if (old.cutover.effort_days) {
          ret.effort = *old.cutover.effort_days;
          ret.effort_from = "retired system's cutover";
        } else {
          ret.effort_from = "default";
        }
        retired[r.system] = ret;
      }
    }
    for (const auto& [id, path] : retired_where) {
      auto it = survivor_where.find(id);
      if (it != survivor_where.end())
        decision_diags.Error(path, "'" + id + "' survives at " + it->second +
                                       " and is retired here; decide one of them");
    }
    for (const MergeDecision& d : ds.decisions) {
      if (!survivor_where.count(d.survivor) || d.survivor.empty()) continue;
      MergeGroup g;
      g.domain =
          d.domain.empty() ? systems[system_at.find(d.survivor)->second].system.domain : d.domain;
      g.survivor = d.survivor;
      g.systems.push_back(d.survivor);
      for (const RetireDecision& r : d.retire) {
        auto it = retired.find(r.system);
        if (it != retired.end() && it->second.survivor == d.survivor) {
          g.retired.push_back(r.system);
          g.systems.push_back(r.system);
        }
      }
      std::sort(g.systems.begin(), g.systems.end());
      std::sort(g.retired.begin(), g.retired.end());
      g.decided = true;
      g.reason = d.note;
      summary->decided.push_back(std::move(g));
    }
    std::stable_sort(summary->decided.begin(), summary->decided.end(),
                     [](const MergeGroup& a, const MergeGroup& b) { return a.domain < b.domain; });
  }
  if (decision_diags.HasErrors()) return finish(&decision_diags);

  std::set<std::string> undecided;
  for (MergeGroup& g : groups) {
    bool any_named = std::any_of(g.systems.begin(), g.systems.end(),
                                 [&](const std::string& id) { return named.count(id) > 0; });
    if (!any_named) summary->proposals.push_back(g);
    for (const std::string& id : g.systems)
      if (!named.count(id)) undecided.insert(id);
  }
  summary->undecided.assign(undecided.begin(), undecided.end());
  auto survivor_of = [&](const std::string& id) -> const std::string& {
    auto it = retired.find(id);
    return it == retired.end() ? id : it->second.survivor;
  };

  // The merged landscape.
  merged->format = "landskap/1";
  if (!options.name.empty()) {
    merged->name = options.name;
  } else {
    std::vector<std::string> names;
    for (const MergeInput& input : inputs)
      names.push_back(input.landscape->name.empty() ? input.label : input.landscape->name);
    merged->name = "Merger into " + into + " of " + Joined(names, false);
  }
  // Declared keys, in the order the files declare them.
  uint32_t declared = 0;
  std::map<std::string, std::pair<std::string, std::string>> key_description;  // id -> file, text
  for (size_t f = 0; f < inputs.size(); ++f) {
    const Landscape& l = *inputs[f].landscape;
    std::vector<const KeyDefinition*> keys;
    for (const KeyDefinition& k : l.keys)
      if (k.declared) keys.push_back(&k);
    std::sort(keys.begin(), keys.end(), [](const KeyDefinition* a, const KeyDefinition* b) {
      return a->declared_position < b->declared_position;
    });
    for (const KeyDefinition* k : keys) {
      auto it = key_description.find(k->id);
      if (it != key_description.end()) {
        conflicts.Note("key", k->id, "description", it->second.first, it->second.second,
                       inputs[f].label, k->description, "the first file's value");
        continue;
      }
      key_description[k->id] = {inputs[f].label, k->description};
      KeyIndex key = merged->InternKey(k->id);
      merged->keys[key].declared = true;
      merged->keys[key].declared_position = declared++;
      merged->keys[key].description = k->description;
    }
  }
  KeyIndex merger_key = merged->InternKey(options.key);
  if (declared > 0 && !merged->keys[merger_key].declared) {
    merged->keys[merger_key].declared = true;
    merged->keys[merger_key].declared_position = declared++;
    merged->keys[merger_key].description = "Kommunenummer: 4 digits.";
  }
  // Changes: those of the files, then the merger's.
  std::set<std::tuple<KeyIndex, std::string, std::string>> changes_given;
  auto add_change = [&](const std::string& key, const std::string& from, const std::string& to,
                        std::optional<DayNumber> effective, std::optional<ReformKind> kind) {
    KeyIndex k = merged->InternKey(key);
    if (!changes_given.emplace(k, from, to).second) return;
    merged->changes.push_back({k, from, to, effective, kind});
  };
  for (const MergeInput& input : inputs)
    for (const Change& c : input.landscape->changes)
      add_change(input.landscape->keys[c.key].id, c.from, c.to, c.effective, c.kind);
  // The merger's own changes: whole, several into one (the reform's reading says merger).
  for (const std::string& n : number)
    if (n != into) add_change(options.key, n, into, options.effective, std::nullopt);

  // Systems: retired ones leave, the merging municipalities' others belong to the new number,
  // except undecided counterparts, which keep their old owner until a decision names them.
  std::vector<std::vector<std::string>> after_ids;
  for (const SystemRecord& r : systems) {
    if (retired.count(r.system.id)) continue;
    System s = r.system;
    if (is_merging(s.owner) && !undecided.count(s.id)) s.owner = into;
    for (const std::string& k : r.keys) s.keys.push_back(merged->InternKey(k));
    std::sort(s.keys.begin(), s.keys.end());
    merged->AddSystem(std::move(s));
    std::vector<std::string> after;
    for (const std::string& a : r.after)
      if (survivor_of(a) != r.system.id) after.push_back(survivor_of(a));
    after_ids.push_back(Union({}, after));
  }
  // A conversion task per retirement (docs/merge.md, "Conversion tasks"). Adding a task grows
  // merged->systems, so nothing may hold a reference into it across AddSystem: the survivor is
  // looked up by index each time and its fields copied.
  merged->systems.reserve(merged->systems.size() + retired.size());
  std::map<std::string, int> next_suffix;
  for (const SystemRecord& r : systems) {
    auto it = retired.find(r.system.id);
    if (it == retired.end()) continue;
    const System& old = r.system;  // in `systems`, which does not change here
    SystemIndex survivor_index = *merged->FindSystem(it->second.survivor);
    const std::string survivor_id = merged->systems[survivor_index].id;
    const std::string survivor_label = merged->systems[survivor_index].Label();
    const std::string survivor_vendor = merged->systems[survivor_index].vendor;
    const std::string survivor_domain = merged->systems[survivor_index].domain;
    System task;
    task.id = ConversionId(old.id, "");
    // Long ids cut to the same prefix share a base: each base counts on from its last "+N".
    int& n = next_suffix.try_emplace(task.id, 2).first->second;
    while (merged->FindSystem(task.id) || system_at.count(task.id))
      task.id = ConversionId(old.id, "+" + std::to_string(n++));
    task.name = "Data conversion: " + old.Label() + " → " + survivor_label;
    task.kind = Kind::kMunicipal;
    task.owner = into;
    task.vendor = survivor_vendor;
    task.product = "data conversion";
    task.domain = survivor_domain;
    std::vector<std::string> keys = Union(r.keys, {options.key});
    for (const std::string& k : keys) task.keys.push_back(merged->InternKey(k));
    std::sort(task.keys.begin(), task.keys.end());
    task.criticality = old.criticality;
    task.cutover.effort_days = it->second.effort;
    MergeConversion c{task.id,
                      old.id,
                      survivor_id,
                      survivor_vendor,
                      survivor_domain,
                      it->second.effort,
                      it->second.effort_from};
    summary->conversions.push_back(c);
    merged->AddSystem(std::move(task));
    after_ids.push_back({survivor_id});
  }
  for (SystemIndex s = 0; s < merged->systems.size(); ++s) {
    std::vector<SystemIndex>& after = merged->systems[s].cutover.after;
    for (const std::string& id : after_ids[s]) after.push_back(*merged->FindSystem(id));
    std::sort(after.begin(), after.end());
  }

  // Integrations: the untouched ones first, then those of retired systems, re-pointed to the
  // survivor and joined with an integration the survivor already has between the same ends.
  std::map<std::pair<SystemIndex, SystemIndex>, IntegrationIndex> by_pair;
  auto carries_of = [&](const IntegrationRecord& r) {
    std::vector<KeyIndex> keys;
    for (const std::string& k : r.carries) keys.push_back(merged->InternKey(k));
    std::sort(keys.begin(), keys.end());
    return keys;
  };
  for (const IntegrationRecord& r : integrations) {
    if (retired.count(r.from) || retired.count(r.to)) continue;
    Integration in = r.integration;
    in.from = *merged->FindSystem(r.from);
    in.to = *merged->FindSystem(r.to);
    in.carries = carries_of(r);
    IntegrationIndex index = *merged->AddIntegration(in);
    by_pair.emplace(std::make_pair(in.from, in.to), index);
  }
  // The survivor's counterpart of a re-pointed integration: one between the same ends (after
  // re-pointing) whose end on the retired side was the survivor itself all along (when both
  // ends were retired, either end). Without one, the re-pointed integration is work: an
  // interface the survivor has never had.
  std::set<std::pair<std::string, std::string>> from_stays, to_stays;
  for (const IntegrationRecord& x : integrations) {
    auto pair = std::make_pair(survivor_of(x.from), survivor_of(x.to));
    if (!retired.count(x.from)) from_stays.insert(pair);
    if (!retired.count(x.to)) to_stays.insert(pair);
  }
  // Ids made from the new ends are given once every kept id is in (AddIntegrationNamedLater), so
  // that a made-up "FROM:TO" never takes an id a later integration already has.
  std::vector<std::pair<size_t, IntegrationIndex>> merged_index;  // repointed entry, integration
  for (const IntegrationRecord& r : integrations) {
    if (!retired.count(r.from) && !retired.count(r.to)) continue;
    MergeRepoint p;
    p.integration = r.integration.id;
    p.from_before = r.from;
    p.to_before = r.to;
    p.from_after = survivor_of(r.from);
    p.to_after = survivor_of(r.to);
    if (p.from_after == p.to_after) {
      p.outcome = MergeRepoint::Outcome::kDropped;
      summary->repointed.push_back(std::move(p));
      continue;
    }
    SystemIndex from = *merged->FindSystem(p.from_after);
    SystemIndex to = *merged->FindSystem(p.to_after);
    auto pair = std::make_pair(p.from_after, p.to_after);
    bool from_retired = retired.count(r.from) > 0, to_retired = retired.count(r.to) > 0;
    bool counterpart = from_retired && to_retired ? from_stays.count(pair) || to_stays.count(pair)
                       : from_retired             ? from_stays.count(pair) > 0
                                                  : to_stays.count(pair) > 0;
    auto existing = by_pair.find({from, to});
    IntegrationIndex index;
    if (existing != by_pair.end()) {
      index = existing->second;
      Integration& in = merged->integrations[index];
      std::vector<KeyIndex> keys = carries_of(r);
      keys.insert(keys.end(), in.carries.begin(), in.carries.end());
      std::sort(keys.begin(), keys.end());
      keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
      in.carries = keys;
      in.criticality = std::max(in.criticality, r.integration.criticality);
    } else {
      Integration in = r.integration;
      in.from = from;
      in.to = to;
      in.carries = carries_of(r);
      if (in.id_generated || IdSpellsEnds(in.id, r.from, r.to)) {
        index = merged->AddIntegrationNamedLater(in);
        // Written with its new id unless the old one was made up too (or the new one would be
        // longer than an id may be; the loader then makes the same one up).
        merged->integrations[index].id_generated = r.integration.id_generated;
      } else {
        index = *merged->AddIntegration(in);
      }
      by_pair.emplace(std::make_pair(from, to), index);
    }
    p.outcome = counterpart ? MergeRepoint::Outcome::kJoined : MergeRepoint::Outcome::kNew;
    p.orphaned_consumer = !counterpart && retired.count(r.from) > 0;
    merged_index.emplace_back(summary->repointed.size(), index);
    summary->repointed.push_back(std::move(p));
  }
  merged->NameIntegrations();
  for (Integration& in : merged->integrations)
    if (!in.id_generated && in.id.size() > kMaxIdBytes) in.id_generated = true;
  for (const auto& [entry, index] : merged_index)
    summary->repointed[entry].merged_id = merged->integrations[index].id;

  CheckCutoverOrder(inputs, systems, system_at, integrations, retired_where, survivor_of, *merged,
                    &file_diags, &decision_diags);

  summary->systems_out = merged->systems.size();
  summary->integrations_out = merged->integrations.size();
  std::map<std::string, double> by_vendor;
  for (const MergeConversion& c : summary->conversions) by_vendor[c.vendor] += c.effort_days;
  summary->effort_by_vendor.assign(by_vendor.begin(), by_vendor.end());
  return finish(&decision_diags);
}

MergeDecisions ProposalAsDecisions(const MergeSummary& summary, const MergeDecisions* given) {
  MergeDecisions out;
  out.into = summary.into;
  if (given) out.decisions = given->decisions;
  for (const MergeGroup& g : summary.proposals) {
    MergeDecision d;
    d.domain = g.domain;
    d.survivor = g.survivor;
    for (const std::string& id : g.retired) d.retire.push_back({id, std::nullopt, ""});
    d.note = "proposed: " + g.reason;
    out.decisions.push_back(std::move(d));
  }
  return out;
}

}  // namespace landskap
