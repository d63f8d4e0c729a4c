// The reform a landscape's changes describe, in the four kinds Norway has: a new number alone
// (renumbering), a merger (several become one), a split (one ceases and its area goes to several)
// and a border adjustment (part of one moves to a neighbour; both keep their numbers). A change
// row is whole (all of `from` becomes `to`) or partial (part of `from` goes to `to`); the steps
// here group the rows into what people call the reform, whatever order the rows come in.
// docs/reform.md explains the model with the 2020 and 2024 cases.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/model/diagnostics.h"
#include "engine/model/landscape.h"

namespace landskap {

// "renumbering", "merger", "split", "border-adjustment": the words of the JSON answers.
const char* ReformKindName(ReformKind kind);
// The kind by its name above, exactly (the landscape file's "kind"); nullopt for anything else.
std::optional<ReformKind> ReformKindFromName(std::string_view name);
// The kind named by a word people write: the names above, and Norwegian ("nytt nummer",
// "sammenslåing", "deling", "grensejustering") as the workbook's Endringer sheet says them.
std::optional<ReformKind> ParseReformKind(std::string_view word);

struct ReformStep {
  ReformKind kind = ReformKind::kRenumbering;
  // Sorted. A merger has several `from` (the municipalities that merge as a whole) and one `to`;
  // a split one `from` and several `to`; a renumbering and a border adjustment one of each.
  std::vector<std::string> from;
  std::vector<std::string> to;
  // A merger's new municipality may take parts of split ones too (1806 Narvik in 2020 took part
  // of 1850 Tysfjord): those old numbers, sorted.
  std::vector<std::string> parts_from;
  std::optional<DayNumber> effective;  // the earliest of its rows
};

// The steps of the reform of `key`, sorted by the first old number. Rows whose kind the file
// does not give are read as whole changes, unless one old number goes to several new ones: that
// is a split. A whole change into a number that another whole change also goes to, or into a
// number that existed before (by the municipality register, or because a system of the
// landscape is owned by it while its own number is not changing), is a merger.
std::vector<ReformStep> DescribeReform(const Landscape& landscape, KeyIndex key);

// The municipalities whose data changes hands in the reform of `key`: every old number, and the
// receiving side of a border adjustment (its addresses and properties change municipality too).
// Sorted, unique.
std::vector<std::string> ChangingMunicipalities(const Landscape& landscape, KeyIndex key);
// Every new number (the targets of all changes of `key`). Sorted, unique.
std::vector<std::string> ReceivingMunicipalities(const Landscape& landscape, KeyIndex key);

// The old numbers whose changes of `key` lead to `number` (for "--owner 1580": 1580 owns
// nothing yet, it is the new number of 1507). Sorted, unique.
std::vector<std::string> PredecessorsOf(const Landscape& landscape, KeyIndex key,
                                        const std::string& number);

// Errors for changes that contradict each other: a whole change of a number to several new
// numbers ("kind" says whole but the number goes to two places), a split with one successor, a
// split and a border adjustment of the same number (a split ends the municipality, a border
// adjustment keeps it), the same change twice. `where(i)` names the place of changes[i] in the
// file (a JSON path, a line). Returns false when it reported an error.
bool CheckChanges(const Landscape& landscape, const std::function<std::string(size_t)>& where,
                  Diagnostics* diagnostics);

}  // namespace landskap
