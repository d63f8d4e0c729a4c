// The split itself (see engine/merge/split.h and docs/split.md for the rules): the proposal per
// system, the decisions checked and laid over it, then the result: the old municipality's
// systems renumbered to the keeper (or shared), new instances with their integrations rebuilt,
// agreement and extraction tasks, and the changes. Works on a copy of the input and on indices;
// new systems are copied from the input, never from the result, so that no reference into the
// result's systems is held while it grows.
#include "engine/merge/split.h"

#include <algorithm>
#include <map>
#include <set>

#include "engine/merge/ids.h"
#include "engine/model/municipality.h"
#include "engine/model/reform.h"
#include "engine/model/suggest.h"

namespace landskap {
namespace {

constexpr size_t kNone = static_cast<size_t>(-1);

std::string Joined(const std::vector<std::string>& items, const std::string& separator = ", ") {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : separator) + item;
  return out;
}

bool Contains(const std::vector<std::string>& list, const std::string& item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

// One decision or proposal about one system, as it is applied.
struct Entry {
  SplitOutcome outcome;
  std::string location;  // in the decisions file; "" for a proposal
};

// "Sak/arkiv (Ålesund)" → "Sak/arkiv (Haram)"; a name without the old municipality's name gets
// the successor's after it.
std::string InstanceName(const std::string& name, const std::string& from, const std::string& to) {
  if (name.empty()) return name;
  std::string to_name = MunicipalityName(to).value_or(to);
  std::optional<std::string> from_name = MunicipalityName(from);
  std::string old_suffix = " (" + from_name.value_or(from) + ")";
  if (name.size() > old_suffix.size() &&
      name.compare(name.size() - old_suffix.size(), old_suffix.size(), old_suffix) == 0)
    return name.substr(0, name.size() - old_suffix.size()) + " (" + to_name + ")";
  return name + " (" + to_name + ")";
}

}  // namespace

bool SplitLandscape(const Landscape& input, const SplitOptions& options, Landscape* out,
                    SplitSummary* summary, Diagnostics* diagnostics) {
  *out = Landscape{};
  *summary = SplitSummary{};
  Diagnostics file_diags(options.label);
  Diagnostics decision_diags(options.decisions ? options.decisions->file : "");
  auto finish = [&] {
    diagnostics->Append(file_diags);
    diagnostics->Append(decision_diags);
    return !file_diags.HasErrors() && !decision_diags.HasErrors();
  };
  const std::string& from = options.from;
  const std::string& keeper = options.keeper;
  std::vector<std::string> into = options.into;
  std::sort(into.begin(), into.end());
  summary->from = from;
  summary->keeper = keeper;
  summary->into = into;

  // The options (the command line checks them too; the engine does not trust its callers).
  if (!IsKommunenummer(from))
    file_diags.Error("", "the old number must be 4 digits, not '" + from + "'");
  if (std::adjacent_find(into.begin(), into.end()) != into.end())
    file_diags.Error("", "a successor is named twice: " + Joined(into));
  if (into.size() < 2)
    file_diags.Error("", "a split has at least two successors, not " + std::to_string(into.size()));
  for (const std::string& n : into) {
    if (!IsKommunenummer(n)) file_diags.Error("", "a successor is 4 digits, not '" + n + "'");
    if (n == from)
      file_diags.Error("", from +
                               " is both the old number and a successor; a municipality that "
                               "keeps its number and gives away a part is a border adjustment");
  }
  if (!Contains(into, keeper))
    file_diags.Error(
        "", "the keeper '" + keeper + "' is not one of the successors (" + Joined(into) + ")");
  if (file_diags.HasErrors()) return finish();
  std::vector<std::string> others;  // every successor but the keeper, sorted
  for (const std::string& n : into)
    if (n != keeper) others.push_back(n);

  // The old municipality's systems, in input order.
  std::vector<SystemIndex> old;
  std::vector<size_t> old_pos(input.systems.size(), kNone);
  for (SystemIndex s = 0; s < input.systems.size(); ++s) {
    if (input.systems[s].owner != from) continue;
    old_pos[s] = old.size();
    old.push_back(s);
  }
  if (old.empty()) {
    std::set<std::string> owners;
    for (const System& s : input.systems)
      if (IsKommunenummer(s.owner)) owners.insert(s.owner);
    file_diags.Error("", "no system is owned by " + OwnerLabel(from) +
                             ", so there is nothing to split; the old municipality's systems "
                             "have \"owner\": \"" +
                             from + "\"" +
                             (owners.empty() ? std::string(" (no system here is owned by a "
                                                           "kommunenummer)")
                                             : " (the municipalities here: " +
                                                   Joined({owners.begin(), owners.end()}) + ")"));
    return finish();
  }

  // The file's changes of the old number must be this split.
  std::optional<KeyIndex> input_key = input.FindKey(options.key);
  std::optional<DayNumber> file_effective;
  std::set<std::string> file_targets;
  if (input_key) {
    for (size_t i = 0; i < input.changes.size(); ++i) {
      const Change& c = input.changes[i];
      if (c.key != *input_key || c.from != from || c.to == from) continue;
      std::string where = "/changes/" + std::to_string(i);
      if (!Contains(into, c.to)) {
        file_diags.Error(where, from + " goes to " + c.to +
                                    " here, which is not one of the "
                                    "successors (" +
                                    Joined(into) +
                                    "); name every successor with --into, or correct the file");
        continue;
      }
      if (c.kind && *c.kind != ReformKind::kSplit) {
        file_diags.Error(where, std::string("this change says ") + ReformKindName(*c.kind) +
                                    ", but " + from + " is split between " + Joined(into) +
                                    "; give it the kind split, or leave the kind out");
        continue;
      }
      if (options.effective && c.effective && *c.effective != *options.effective) {
        file_diags.Error(where, "this change takes effect on " + FormatDate(*c.effective) +
                                    ", but --effective says " + FormatDate(*options.effective) +
                                    "; leave out --effective, or correct the file");
        continue;
      }
      file_targets.insert(c.to);
      if (c.effective && (!file_effective || *c.effective < *file_effective))
        file_effective = c.effective;
    }
  }
  if (file_diags.HasErrors()) return finish();

  // The successors' own systems (those they had before the split) by domain, for divide: their
  // ids, sorted.
  std::map<std::pair<std::string, std::string>, std::vector<std::string>> own_by_domain;
  for (const System& sys : input.systems)
    if (!sys.domain.empty() && Contains(into, sys.owner))
      own_by_domain[{sys.owner, sys.domain}].push_back(sys.id);
  for (auto& [where, ids] : own_by_domain) std::sort(ids.begin(), ids.end());
  const std::vector<std::string> no_ids;
  auto own_ids = [&](const std::string& number,
                     const std::string& domain) -> const std::vector<std::string>& {
    auto it = own_by_domain.find({number, domain});
    return it == own_by_domain.end() ? no_ids : it->second;
  };

  // The proposal (docs/split.md, "The proposal"): the keeper keeps everything; a successor with
  // a system of its own in the domain gets its part of the data divided into it; the others
  // get a new instance in the domains every municipality must have, and share the rest.
  std::vector<std::vector<Entry>> entries(old.size());
  for (size_t o = 0; o < old.size(); ++o) {
    const System& sys = input.systems[old[o]];
    std::vector<std::string> with_own, without_own;
    for (const std::string& n : others)
      (sys.domain.empty() || own_ids(n, sys.domain).empty() ? without_own : with_own).push_back(n);
    auto propose = [&](SplitChoice choice, std::vector<std::string> successors,
                       std::string reason) {
      Entry e;
      e.outcome.system = sys.id;
      e.outcome.domain = sys.domain;
      e.outcome.choice = choice;
      e.outcome.successors = std::move(successors);
      e.outcome.reason = std::move(reason);
      entries[o].push_back(std::move(e));
    };
    if (!with_own.empty()) {
      std::string reason;
      for (const std::string& n : with_own)
        reason += (reason.empty() ? "" : "; ") + OwnerLabel(n) + " has its own " + sys.domain +
                  " system (" + Joined(own_ids(n, sys.domain)) + ")";
      propose(SplitChoice::kDivide, with_own, reason);
    }
    if (without_own.empty()) continue;
    if (const EssentialDomain* essential = FindEssentialDomain(sys.domain)) {
      propose(
          SplitChoice::kNewInstance, without_own,
          sys.domain + " is a domain every municipality must have: " + std::string(essential->why));
    } else {
      propose(SplitChoice::kShared, without_own,
              sys.domain.empty()
                  ? std::string("it has no domain; what is not in a domain every municipality "
                                "must have is shared")
                  : sys.domain +
                        " is not a domain every municipality must have a system of its own for, "
                        "so the successors share it");
    }
  }

  // The decisions, checked, replace the proposal of every system they name.
  if (options.decisions) {
    const SplitDecisions& ds = *options.decisions;
    if (!ds.from.empty() && ds.from != from)
      decision_diags.Error("/from", "these decisions are for the split of " + ds.from +
                                        ", but this is the split of " + from +
                                        " (--from); correct one of them");
    if (!ds.keeper.empty() && ds.keeper != keeper)
      decision_diags.Error("/keeper", "these decisions were written for " + ds.keeper +
                                          " as the keeper, but the keeper is " + keeper +
                                          " (--keeper); correct one of them");
    if (!ds.into.empty()) {
      std::vector<std::string> given = ds.into;
      std::sort(given.begin(), given.end());
      if (given != into)
        decision_diags.Error("/into", "these decisions are for the successors " + Joined(given) +
                                          ", but the successors are " + Joined(into) +
                                          " (--into); correct one of them");
    }
    std::vector<std::string_view> old_ids;
    for (SystemIndex s : old) old_ids.push_back(input.systems[s].id);
    std::vector<std::string_view> other_names(others.begin(), others.end());
    SuggestionBudget budget;  // one for the file: many unknown ids stay linear
    std::vector<std::vector<Entry>> decided(old.size());
    // Per system: where it is kept or shared, and where each successor is decided.
    std::vector<std::string> kept_at(old.size()), shared_at(old.size());
    std::vector<std::map<std::string, std::string>> successor_at(old.size());
    for (const SplitDecision& d : ds.decisions) {
      auto s = input.FindSystem(d.system);
      if (!s) {
        decision_diags.Error(d.location + "/system",
                             "unknown system '" + d.system + "'" +
                                 DidYouMean(d.system, old_ids, &budget) +
                                 "; the systems to decide on are those owned by " + from);
        continue;
      }
      size_t o = old_pos[*s];
      if (o == kNone) {
        const std::string& owner = input.systems[*s].owner;
        decision_diags.Error(d.location + "/system",
                             "'" + d.system + "' is owned by " +
                                 (owner.empty() ? std::string("no one") : OwnerLabel(owner)) +
                                 ", not by " + OwnerLabel(from) +
                                 "; only the old municipality's own systems are split");
        continue;
      }
      const System& sys = input.systems[*s];
      bool ok = true;
      for (size_t i = 0; i < d.successors.size(); ++i) {
        const std::string& n = d.successors[i];
        std::string where = d.location + "/successors/" + std::to_string(i);
        if (n == keeper) {
          decision_diags.Error(where, n +
                                          " is the keeper, which keeps the system anyway; "
                                          "successors names the others (" +
                                          Joined(others) + ")");
          ok = false;
        } else if (!Contains(others, n)) {
          decision_diags.Error(
              where, n + " is not a successor of " + from + DidYouMean(n, other_names, &budget) +
                         "; the successors besides the keeper are " + Joined(others));
          ok = false;
        }
      }
      if (!ok) continue;
      if (!d.domain.empty() && d.domain != sys.domain)
        decision_diags.Warning(d.location + "/domain", "the decision says domain '" + d.domain +
                                                           "', but '" + d.system +
                                                           "' is in domain '" + sys.domain + "'");
      if (d.choice == SplitChoice::kKeep && d.effort_days)
        decision_diags.Warning(d.location + "/effort_days",
                               "keep adds no task, so its effort_days are not used");
      std::vector<std::string> successors = d.successors;
      if (successors.empty() && d.choice != SplitChoice::kKeep) successors = others;
      std::sort(successors.begin(), successors.end());
      std::string taken;
      if (d.choice == SplitChoice::kKeep && !decided[o].empty()) {
        taken = "'" + d.system + "' is already decided at " + decided[o].front().location +
                "; keep means the others get nothing of it, so it is the system's only decision";
      } else if (!kept_at[o].empty()) {
        taken = "'" + d.system + "' is kept at " + kept_at[o] +
                " (the others get nothing of it); decide it once";
      } else if (d.choice == SplitChoice::kShared && !shared_at[o].empty()) {
        taken = "'" + d.system + "' is already shared at " + shared_at[o] +
                "; name everyone who shares it in one decision";
      } else {
        for (const std::string& n : successors) {
          auto it = successor_at[o].find(n);
          if (it == successor_at[o].end()) continue;
          taken = "'" + d.system + "' is already decided for " + n + " at " + it->second +
                  "; decide each successor once";
          break;
        }
      }
      if (!taken.empty()) {
        decision_diags.Error(d.location, taken);
        continue;
      }
      if (d.choice == SplitChoice::kKeep) kept_at[o] = d.location;
      if (d.choice == SplitChoice::kShared) shared_at[o] = d.location;
      for (const std::string& n : successors) successor_at[o][n] = d.location;
      Entry e;
      e.outcome.system = sys.id;
      e.outcome.domain = sys.domain;
      e.outcome.choice = d.choice;
      e.outcome.successors = successors;
      e.outcome.decided = true;
      e.outcome.reason = d.note;
      e.outcome.effort_days = d.effort_days;
      e.outcome.given_domain = d.domain;
      e.location = d.location;
      decided[o].push_back(std::move(e));
    }
    for (size_t o = 0; o < old.size(); ++o)
      if (!decided[o].empty()) entries[o] = std::move(decided[o]);
  }
  // Mistakes in the decisions do not stop here: those found below are reported with them.
  auto diags_for = [&](const Entry& e) -> Diagnostics& {
    return e.outcome.decided ? decision_diags : file_diags;
  };

  // The ids of the new instances: "<successor's prefix>.<the id after its first dot>".
  std::set<std::string> taken_ids;
  for (const System& s : input.systems) taken_ids.insert(s.id);
  auto unique_id = [&](const std::string& base) {
    std::string id = base;
    for (int n = 2; taken_ids.count(id); ++n) id = base + "+" + std::to_string(n);
    taken_ids.insert(id);
    return id;
  };
  auto too_long = [&](const Entry& e, const std::string& id, const std::string& what) {
    if (id.size() <= 200) return false;
    diags_for(e).Error(e.location, "the id of " + what + " of '" + e.outcome.system +
                                       "' would be longer than 200 characters; give '" +
                                       e.outcome.system + "' a shorter id");
    return true;
  };
  // instance[o][n]: the id of successor n's new instance of old[o].
  std::vector<std::map<std::string, std::string>> instance(old.size());
  for (size_t o = 0; o < old.size(); ++o) {
    const std::string& id = input.systems[old[o]].id;
    size_t dot = id.find('.');
    std::string suffix = dot == std::string::npos ? id : id.substr(dot + 1);
    for (const Entry& e : entries[o]) {
      if (e.outcome.choice != SplitChoice::kNewInstance) continue;
      for (const std::string& n : e.outcome.successors) {
        std::string new_id = unique_id(SuccessorPrefix(n) + "." + suffix);
        if (!too_long(e, new_id, OwnerLabel(n) + "'s new instance")) instance[o][n] = new_id;
      }
    }
  }
  // The receiving system of each divide: the successor's system in the domain (its own, or a
  // new instance of another of the old systems), the one with the same product first, then the
  // smallest id.
  std::vector<std::map<std::string, std::string>> receiver(old.size());
  std::map<std::pair<std::string, std::string>, std::vector<std::string>> instances_by_domain;
  std::map<std::string, std::string> instance_product;  // an instance's product: its original's
  for (size_t o = 0; o < old.size(); ++o) {
    for (const auto& [n, id] : instance[o]) {
      instances_by_domain[{n, input.systems[old[o]].domain}].push_back(id);
      instance_product[id] = input.systems[old[o]].product;
    }
  }
  for (size_t o = 0; o < old.size(); ++o) {
    const System& sys = input.systems[old[o]];
    for (const Entry& e : entries[o]) {
      if (e.outcome.choice != SplitChoice::kDivide) continue;
      for (const std::string& n : e.outcome.successors) {
        std::vector<std::string> candidates = own_ids(n, sys.domain);
        if (sys.domain.empty()) candidates.clear();
        auto made = instances_by_domain.find({n, sys.domain});
        if (!sys.domain.empty() && made != instances_by_domain.end())
          candidates.insert(candidates.end(), made->second.begin(), made->second.end());
        if (candidates.empty()) {
          diags_for(e).Error(
              e.location, sys.domain.empty()
                              ? "'" + sys.id + "' has no domain, so " + OwnerLabel(n) +
                                    " has no system to receive its part of the data; give '" +
                                    sys.id + "' a domain, or decide new-instance or shared for " + n
                              : OwnerLabel(n) + " has no system of its own in domain '" +
                                    sys.domain + "' to receive its part of '" + sys.id +
                                    "'; decide new-instance (" + n + " gets its own " + sys.domain +
                                    " system) or shared instead");
          continue;
        }
        std::sort(candidates.begin(), candidates.end());
        auto product_of = [&](const std::string& id) -> const std::string& {
          if (auto s = input.FindSystem(id)) return input.systems[*s].product;
          return instance_product.at(id);
        };
        std::string pick = candidates.front();
        for (const std::string& c : candidates) {
          if (!sys.product.empty() && product_of(c) == sys.product) {
            pick = c;
            break;
          }
        }
        receiver[o][n] = pick;
      }
    }
  }
  if (file_diags.HasErrors() || decision_diags.HasErrors()) return finish();

  // The result: a copy of the input, changed in place.
  *out = input;
  if (!options.name.empty()) out->name = options.name;
  KeyIndex key = out->InternKey(options.key);
  bool any_declared = std::any_of(out->keys.begin(), out->keys.end(),
                                  [](const KeyDefinition& k) { return k.declared; });
  if (any_declared && !out->keys[key].declared) {
    uint32_t next = 0;
    for (const KeyDefinition& k : out->keys)
      if (k.declared) next = std::max(next, k.declared_position + 1);
    out->keys[key].declared = true;
    out->keys[key].declared_position = next;
    out->keys[key].description = "Kommunenummer: 4 digits.";
  }
  auto with_key = [&](std::vector<KeyIndex> keys) {
    keys.push_back(key);
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    return keys;
  };
  auto effort = [&](const Entry& e, const System& sys, double fallback, bool system_counts,
                    std::string* from_what) {
    if (e.outcome.effort_days) {
      *from_what = "decision";
      return *e.outcome.effort_days;
    }
    if (system_counts && sys.cutover.effort_days) {
      *from_what = "system's cutover";
      return *sys.cutover.effort_days;
    }
    *from_what = "default";
    return fallback;
  };

  // Owners: the keeper, or everyone who shares it.
  std::vector<std::vector<std::string>> sharers(old.size());
  for (size_t o = 0; o < old.size(); ++o) {
    System& sys = out->systems[old[o]];
    sys.owner = keeper;
    for (const Entry& e : entries[o]) {
      if (e.outcome.choice != SplitChoice::kShared) continue;
      sharers[o] = e.outcome.successors;
      sharers[o].push_back(keeper);
      std::sort(sharers[o].begin(), sharers[o].end());
      sys.owner = Joined(sharers[o], "+");
      sys.kind = Kind::kIntermunicipal;
    }
  }
  // New instances (each its own establishment task), then agreements, then extractions, each in
  // the order of the old systems and the successors.
  std::vector<SplitTask> tasks;
  std::vector<std::map<std::string, SystemIndex>> instance_index(old.size());
  for (size_t o = 0; o < old.size(); ++o) {
    const System& original = input.systems[old[o]];
    for (const Entry& e : entries[o]) {
      if (e.outcome.choice != SplitChoice::kNewInstance) continue;
      for (const std::string& n : e.outcome.successors) {
        SplitTask t;
        t.kind = SplitTask::Kind::kEstablishment;
        t.task = instance[o][n];
        t.system = original.id;
        t.successor = n;
        t.vendor = original.vendor;
        t.domain = original.domain;
        t.effort_days = effort(e, original, kDefaultEstablishmentDays, true, &t.effort_from);
        System made = original;
        made.id = t.task;
        made.name = InstanceName(original.name, from, n);
        made.kind = Kind::kMunicipal;
        made.owner = n;
        made.keys = with_key(original.keys);
        made.cutover = Cutover{};
        made.cutover.effort_days = t.effort_days;
        made.source.clear();
        auto index = out->AddSystem(std::move(made));
        if (!index) continue;  // cannot happen: the id was made unique above
        instance_index[o][n] = *index;
        tasks.push_back(std::move(t));
      }
    }
  }
  for (size_t o = 0; o < old.size(); ++o) {
    const System& original = input.systems[old[o]];
    for (const Entry& e : entries[o]) {
      if (e.outcome.choice != SplitChoice::kShared) continue;
      SplitTask t;
      t.kind = SplitTask::Kind::kAgreement;
      t.task = unique_id("agreement." + original.id);
      if (too_long(e, t.task, "the agreement task")) continue;
      t.system = original.id;
      t.successor = keeper;
      t.domain = original.domain;
      t.effort_days = effort(e, original, kDefaultAgreementDays, false, &t.effort_from);
      std::vector<std::string> parties;
      for (const std::string& n : sharers[o]) parties.push_back(OwnerLabel(n));
      System task;
      task.id = t.task;
      task.name = "Agreement on sharing " + original.Label() + " (" + Joined(parties) + ")";
      task.kind = Kind::kMunicipal;
      task.owner = keeper;
      task.product = "intermunicipal agreement";
      task.domain = original.domain;
      task.keys = {key};
      task.criticality = original.criticality;
      task.cutover.effort_days = t.effort_days;
      auto index = out->AddSystem(std::move(task));
      if (!index) continue;
      // The shared system changes hands once the agreement is in place.
      std::vector<SystemIndex>& after = out->systems[old[o]].cutover.after;
      after.push_back(*index);
      std::sort(after.begin(), after.end());
      tasks.push_back(std::move(t));
    }
  }
  for (size_t o = 0; o < old.size(); ++o) {
    const System& original = input.systems[old[o]];
    for (const Entry& e : entries[o]) {
      if (e.outcome.choice != SplitChoice::kDivide) continue;
      for (const std::string& n : e.outcome.successors) {
        auto to = out->FindSystem(receiver[o][n]);
        if (!to) continue;  // cannot happen: receivers are systems of the input or instances
        SplitTask t;
        t.kind = SplitTask::Kind::kExtraction;
        t.task = unique_id("extraction." + original.id + "." + n);
        if (too_long(e, t.task, "the extraction task")) continue;
        t.system = original.id;
        t.successor = n;
        t.receiver = receiver[o][n];
        // Copies of what is needed from the receiver: AddSystem below may move the systems.
        std::string receiver_label = out->systems[*to].Label();
        t.vendor = out->systems[*to].vendor;
        t.domain = original.domain;
        t.effort_days = effort(e, original, kDefaultEstablishmentDays, true, &t.effort_from);
        System task;
        task.id = t.task;
        task.name = "Data extraction: " + OwnerLabel(n) + "'s part of " + original.Label() + " → " +
                    receiver_label;
        task.kind = Kind::kMunicipal;
        task.owner = n;
        task.vendor = t.vendor;
        task.product = "data extraction";
        task.domain = original.domain;
        task.keys = with_key(original.keys);
        task.criticality = original.criticality;
        task.cutover.effort_days = t.effort_days;
        task.cutover.after = {*to};  // the receiving system must exist first
        if (!out->AddSystem(std::move(task))) continue;
        tasks.push_back(std::move(t));
      }
    }
  }
  if (file_diags.HasErrors() || decision_diags.HasErrors()) return finish();
  // A new instance waits for what its original waits for, each an instance of the same
  // successor where there is one.
  for (size_t o = 0; o < old.size(); ++o) {
    for (const auto& [n, index] : instance_index[o]) {
      std::vector<SystemIndex> after;
      for (SystemIndex a : input.systems[old[o]].cutover.after) {
        size_t p = old_pos[a];
        SystemIndex mapped = a;
        if (p != kNone) {
          auto made = instance_index[p].find(n);
          if (made != instance_index[p].end()) mapped = made->second;
        }
        after.push_back(mapped);
      }
      std::sort(after.begin(), after.end());
      after.erase(std::unique(after.begin(), after.end()), after.end());
      out->systems[index].cutover.after = std::move(after);
    }
  }

  // Integrations of the new instances: each integration of an original is rebuilt for the
  // successor when its other end serves the successor too (a system outside the old
  // municipality, one it shares, or its own instance of another old system).
  for (const std::string& n : others) {
    auto end_for = [&](SystemIndex s, bool* is_instance) -> std::optional<SystemIndex> {
      *is_instance = false;
      size_t o = old_pos[s];
      if (o == kNone) return s;
      auto made = instance_index[o].find(n);
      if (made != instance_index[o].end()) {
        *is_instance = true;
        return made->second;
      }
      if (Contains(sharers[o], n)) return s;
      return std::nullopt;
    };
    for (IntegrationIndex i = 0; i < input.integrations.size(); ++i) {
      const Integration& in = input.integrations[i];
      bool from_made = false, to_made = false;
      std::optional<SystemIndex> a = end_for(in.from, &from_made);
      std::optional<SystemIndex> b = end_for(in.to, &to_made);
      if (!from_made && !to_made) continue;
      SplitIntegration r;
      r.integration = in.id;
      r.successor = n;
      if (!a || !b) {
        r.from = input.systems[in.from].id;
        r.to = input.systems[in.to].id;
        r.missing = a ? r.to : r.from;
        summary->without_counterpart.push_back(std::move(r));
        continue;
      }
      Integration made = in;
      made.from = *a;
      made.to = *b;
      bool renamed = in.id_generated ||
                     IdSpellsEnds(in.id, input.systems[in.from].id, input.systems[in.to].id);
      made.id = renamed ? "" : in.id + "@" + n;
      if (!made.id.empty() && out->FindIntegration(made.id)) made.id.clear();
      bool generated = made.id.empty();
      made.id_generated = false;
      auto index = out->AddIntegration(std::move(made));
      if (!index) continue;  // cannot happen: a taken id was cleared above
      if (generated) out->integrations[*index].id_generated = in.id_generated;
      r.from = out->systems[*a].id;
      r.to = out->systems[*b].id;
      r.id = out->integrations[*index].id;
      summary->rebuilt.push_back(std::move(r));
    }
  }

  // Changes: the file's, the ones without a date given --effective, and a split row for every
  // successor the file lacks.
  std::optional<DayNumber> effective = options.effective ? options.effective : file_effective;
  for (Change& c : out->changes)
    if (c.key == key && c.from == from && Contains(into, c.to) && !c.effective)
      c.effective = options.effective;
  for (const std::string& n : into)
    if (!file_targets.count(n))
      out->changes.push_back({key, from, n, effective, ReformKind::kSplit});

  // The summary.
  summary->systems_in = input.systems.size();
  summary->systems_out = out->systems.size();
  summary->integrations_in = input.integrations.size();
  summary->integrations_out = out->integrations.size();
  summary->old_systems = old.size();
  for (const auto& list : entries)
    for (const Entry& e : list) summary->outcomes.push_back(e.outcome);
  std::stable_sort(
      summary->outcomes.begin(), summary->outcomes.end(),
      [](const SplitOutcome& a, const SplitOutcome& b) { return a.system < b.system; });
  std::sort(tasks.begin(), tasks.end(),
            [](const SplitTask& a, const SplitTask& b) { return a.task < b.task; });
  std::set<std::string> task_ids;
  for (const SplitTask& t : tasks)
    if (t.kind != SplitTask::Kind::kEstablishment) task_ids.insert(t.task);
  std::map<std::string, double> all_vendors;
  for (const std::string& n : into) {
    SuccessorSummary s;
    s.number = n;
    s.keeper = n == keeper;
    for (const System& sys : out->systems)
      s.own_systems += sys.owner == n && !task_ids.count(sys.id);
    for (size_t o = 0; o < old.size(); ++o) s.shared_systems += Contains(sharers[o], n);
    std::map<std::string, double> vendors;
    for (const SplitTask& t : tasks) {
      if (t.successor != n) continue;
      s.new_instances += t.kind == SplitTask::Kind::kEstablishment;
      s.extractions += t.kind == SplitTask::Kind::kExtraction;
      s.agreements += t.kind == SplitTask::Kind::kAgreement;
      s.effort_days += t.effort_days;
      vendors[t.vendor] += t.effort_days;
      all_vendors[t.vendor] += t.effort_days;
    }
    for (const SplitIntegration& r : summary->rebuilt) s.rebuilt += r.successor == n;
    for (const SplitIntegration& r : summary->without_counterpart)
      s.without_counterpart += r.successor == n;
    s.effort_by_vendor.assign(vendors.begin(), vendors.end());
    summary->successors.push_back(std::move(s));
  }
  summary->effort_by_vendor.assign(all_vendors.begin(), all_vendors.end());
  summary->tasks = std::move(tasks);
  return finish();
}

SplitDecisions SplitAsDecisions(const SplitSummary& summary) {
  SplitDecisions out;
  out.from = summary.from;
  out.keeper = summary.keeper;
  out.into = summary.into;
  std::vector<std::string> others;
  for (const std::string& n : summary.into)
    if (n != summary.keeper) others.push_back(n);
  for (const SplitOutcome& o : summary.outcomes) {
    SplitDecision d;
    d.system = o.system;
    d.choice = o.choice;
    if (o.successors != others) d.successors = o.successors;
    d.effort_days = o.effort_days;
    d.domain = o.decided ? o.given_domain : o.domain;
    d.note = o.decided ? o.reason : "proposed: " + o.reason;
    out.decisions.push_back(std::move(d));
  }
  return out;
}

}  // namespace landskap
