// Grouping change rows into the steps of a reform, and the contradictions between rows.
#include "engine/model/reform.h"

#include <algorithm>
#include <map>
#include <set>

#include "engine/model/municipality.h"
#include "engine/model/text.h"

namespace landskap {
namespace {

void SortUnique(std::vector<std::string>* v) {
  std::sort(v->begin(), v->end());
  v->erase(std::unique(v->begin(), v->end()), v->end());
}

bool Whole(const std::optional<ReformKind>& kind) {
  return kind == ReformKind::kRenumbering || kind == ReformKind::kMerger;
}

// The changes of `key` that change something, by index.
std::vector<size_t> Rows(const Landscape& landscape, KeyIndex key) {
  std::vector<size_t> rows;
  for (size_t i = 0; i < landscape.changes.size(); ++i) {
    const Change& c = landscape.changes[i];
    if (c.key == key && c.from != c.to) rows.push_back(i);
  }
  return rows;
}

// Each row's kind as the reform reads it: what the file says, else a split when its old number
// goes to several new ones (not counting border adjustments), else a whole change (renumbering
// or merger, told apart when the rows are grouped).
std::vector<ReformKind> RowKinds(const Landscape& landscape, const std::vector<size_t>& rows) {
  std::map<std::string, std::set<std::string>> targets;
  std::set<std::string> said_split;
  for (size_t i : rows) {
    const Change& c = landscape.changes[i];
    if (c.kind != ReformKind::kBorderAdjustment) targets[c.from].insert(c.to);
    if (c.kind == ReformKind::kSplit) said_split.insert(c.from);
  }
  std::vector<ReformKind> kinds;
  for (size_t i : rows) {
    const Change& c = landscape.changes[i];
    if (c.kind) {
      kinds.push_back(*c.kind);
    } else if (targets[c.from].size() > 1 || said_split.count(c.from)) {
      kinds.push_back(ReformKind::kSplit);
    } else {
      kinds.push_back(ReformKind::kRenumbering);  // whole; a merger when grouped with others
    }
  }
  return kinds;
}

// Whether municipality `number` existed before `effective`: in the register for the year
// before, or, without a date, as the owner of a system while no change of the key moves it.
bool ExistedBefore(const Landscape& landscape, const std::string& number,
                   const std::optional<DayNumber>& effective,
                   const std::set<std::string>& changing) {
  if (effective) {
    int year = YearOf(*effective) - 1;
    if (year >= 2019 && year <= 2024) return MunicipalityName(number, year).has_value();
  }
  if (changing.count(number)) return false;
  return std::any_of(landscape.systems.begin(), landscape.systems.end(),
                     [&](const System& s) { return s.owner == number; });
}

}  // namespace

const char* ReformKindName(ReformKind kind) {
  switch (kind) {
    case ReformKind::kRenumbering:
      return "renumbering";
    case ReformKind::kMerger:
      return "merger";
    case ReformKind::kSplit:
      return "split";
    case ReformKind::kBorderAdjustment:
      return "border-adjustment";
  }
  return "renumbering";
}

std::optional<ReformKind> ReformKindFromName(std::string_view name) {
  for (ReformKind kind : {ReformKind::kRenumbering, ReformKind::kMerger, ReformKind::kSplit,
                          ReformKind::kBorderAdjustment})
    if (name == ReformKindName(kind)) return kind;
  return std::nullopt;
}

std::optional<ReformKind> ParseReformKind(std::string_view word) {
  std::string w = AsciiLower(Trim(word));
  if (w == "renumbering" || w == "nytt nummer" || w == "nytt kommunenummer" || w == "nummer" ||
      w == "new number" || w == "omnummerering")
    return ReformKind::kRenumbering;
  if (w == "merger" || w == "sammenslåing" || w == "sammenslaing" || w == "sammenslått" ||
      w == "slått sammen" || w == "merge")
    return ReformKind::kMerger;
  if (w == "split" || w == "deling" || w == "kommunedeling" || w == "delt" || w == "splittet" ||
      w == "splittes")
    return ReformKind::kSplit;
  if (w == "border-adjustment" || w == "border adjustment" || w == "border" ||
      w == "grensejustering" || w == "grenseendring")
    return ReformKind::kBorderAdjustment;
  return std::nullopt;
}

std::vector<ReformStep> DescribeReform(const Landscape& landscape, KeyIndex key) {
  std::vector<size_t> rows = Rows(landscape, key);
  std::vector<ReformKind> kinds = RowKinds(landscape, rows);
  std::set<std::string> changing;
  for (size_t i : rows) changing.insert(landscape.changes[i].from);

  auto earliest = [](std::optional<DayNumber>& into, const std::optional<DayNumber>& day) {
    if (day && (!into || *day < *into)) into = day;
  };
  std::map<std::string, ReformStep> splits;  // by old number
  std::map<std::pair<std::string, std::string>, ReformStep> borders;
  std::map<std::string, ReformStep> wholes;  // by new number
  std::map<std::string, bool> said_merger;
  for (size_t r = 0; r < rows.size(); ++r) {
    const Change& c = landscape.changes[rows[r]];
    ReformStep* step = nullptr;
    if (kinds[r] == ReformKind::kSplit) {
      step = &splits[c.from];
      step->kind = ReformKind::kSplit;
      step->from = {c.from};
      step->to.push_back(c.to);
    } else if (kinds[r] == ReformKind::kBorderAdjustment) {
      step = &borders[{c.from, c.to}];
      step->kind = ReformKind::kBorderAdjustment;
      step->from = {c.from};
      step->to = {c.to};
    } else {
      step = &wholes[c.to];
      step->from.push_back(c.from);
      step->to = {c.to};
      if (kinds[r] == ReformKind::kMerger) said_merger[c.to] = true;
    }
    earliest(step->effective, c.effective);
  }
  // Parts of split municipalities that go into a merger's new municipality.
  std::map<std::string, std::vector<std::string>> parts;
  for (auto& [from, step] : splits) {
    SortUnique(&step.to);
    for (const std::string& t : step.to) parts[t].push_back(from);
  }
  std::vector<ReformStep> steps;
  for (auto& [to, step] : wholes) {
    SortUnique(&step.from);
    auto p = parts.find(to);
    if (p != parts.end()) step.parts_from = p->second;
    SortUnique(&step.parts_from);
    bool merger = step.from.size() > 1 || !step.parts_from.empty() || said_merger[to] ||
                  ExistedBefore(landscape, to, step.effective, changing);
    step.kind = merger ? ReformKind::kMerger : ReformKind::kRenumbering;
    steps.push_back(std::move(step));
  }
  for (auto& [from, step] : splits) steps.push_back(std::move(step));
  for (auto& [pair, step] : borders) steps.push_back(std::move(step));
  std::stable_sort(steps.begin(), steps.end(), [](const ReformStep& a, const ReformStep& b) {
    return std::tie(a.from.front(), a.to.front()) < std::tie(b.from.front(), b.to.front());
  });
  return steps;
}

std::vector<std::string> ChangingMunicipalities(const Landscape& landscape, KeyIndex key) {
  std::vector<std::string> out;
  for (size_t i : Rows(landscape, key)) {
    const Change& c = landscape.changes[i];
    out.push_back(c.from);
    if (c.kind == ReformKind::kBorderAdjustment) out.push_back(c.to);
  }
  SortUnique(&out);
  return out;
}

std::vector<std::string> ReceivingMunicipalities(const Landscape& landscape, KeyIndex key) {
  std::vector<std::string> out;
  for (size_t i : Rows(landscape, key)) out.push_back(landscape.changes[i].to);
  SortUnique(&out);
  return out;
}

std::vector<std::string> PredecessorsOf(const Landscape& landscape, KeyIndex key,
                                        const std::string& number) {
  std::vector<std::string> out;
  for (size_t i : Rows(landscape, key))
    if (landscape.changes[i].to == number) out.push_back(landscape.changes[i].from);
  SortUnique(&out);
  return out;
}

bool CheckChanges(const Landscape& landscape, const std::function<std::string(size_t)>& where,
                  Diagnostics* diagnostics) {
  size_t errors_before = diagnostics->ErrorCount();
  std::map<std::pair<KeyIndex, std::string>, std::vector<size_t>> by_from;
  std::map<std::tuple<KeyIndex, std::string, std::string>, size_t> seen;
  for (size_t i = 0; i < landscape.changes.size(); ++i) {
    const Change& c = landscape.changes[i];
    if (c.from == c.to) continue;
    by_from[{c.key, c.from}].push_back(i);
    auto [it, added] = seen.emplace(std::make_tuple(c.key, c.from, c.to), i);
    if (!added)
      diagnostics->Warning(where(i), "the same change of " + c.from + " to " + c.to + " as at " +
                                         where(it->second) + "; one is enough");
  }
  for (const auto& [key_from, indices] : by_from) {
    const std::string& from = key_from.second;
    std::set<std::string> targets;
    bool split = false, border = false;
    for (size_t i : indices) {
      const Change& c = landscape.changes[i];
      if (c.kind != ReformKind::kBorderAdjustment) targets.insert(c.to);
      if (c.kind == ReformKind::kSplit) {
        split = true;
      }
      border |= c.kind == ReformKind::kBorderAdjustment;
    }
    for (size_t i : indices) {
      const Change& c = landscape.changes[i];
      if (Whole(c.kind) && targets.size() > 1) {
        std::string others;
        for (size_t j : indices)
          if (j != i && landscape.changes[j].to != c.to &&
              landscape.changes[j].kind != ReformKind::kBorderAdjustment)
            others +=
                (others.empty() ? "" : ", ") + landscape.changes[j].to + " (" + where(j) + ")";
        diagnostics->Error(
            where(i), std::string("this change moves all of ") + from + " to " + c.to + " (a " +
                          ReformKindName(*c.kind) + "), but " + from + " also goes to " + others +
                          "; a municipality that goes to several is split: give each of its "
                          "changes the kind split, or correct the number");
      }
    }
    // Read as a split too: several targets without a word that says otherwise.
    bool whole_said = std::any_of(indices.begin(), indices.end(),
                                  [&](size_t i) { return Whole(landscape.changes[i].kind); });
    if (split && targets.size() < 2) {
      diagnostics->Error(where(indices.front()),
                         "a split has at least two successors, but " + from + " goes only to " +
                             *targets.begin() +
                             "; all of a municipality moving is a renumbering or a merger, part "
                             "of it moving to a neighbour is a border-adjustment");
    }
    if ((split || (targets.size() > 1 && !whole_said)) && border) {
      for (size_t i : indices) {
        if (landscape.changes[i].kind != ReformKind::kBorderAdjustment) continue;
        diagnostics->Error(where(i), "a border adjustment keeps " + from +
                                         ", but other changes split it (it ceases); write the "
                                         "part that moves to " +
                                         landscape.changes[i].to +
                                         " as one of the split's successors");
      }
    }
  }
  return diagnostics->ErrorCount() == errors_before;
}

}  // namespace landskap
