// Edit distance that only computes what can still matter: the common prefix and suffix are
// skipped, only the diagonal band of width 2*limit+1 is filled, and a row that exceeds the
// limit ends the comparison. Suggesting among 200 000 long ids stays cheap.
#include "engine/model/suggest.h"

#include <algorithm>
#include <cstdlib>

namespace landskap {
namespace {

// Levenshtein distance, or limit+1 as soon as it must exceed `limit`. Adds the characters
// compared and the table cells filled to `*work`. `row` is scratch space reused across calls.
size_t BoundedDistance(std::string_view a, std::string_view b, size_t limit,
                       std::vector<size_t>& row, size_t* work) {
  size_t diff = a.size() > b.size() ? a.size() - b.size() : b.size() - a.size();
  if (diff > limit) return limit + 1;
  // A common prefix or suffix does not change the distance; ids often share long ones
  // ("oygarden.helse.", ".prod").
  size_t prefix = 0;
  while (prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix]) ++prefix;
  a.remove_prefix(prefix);
  b.remove_prefix(prefix);
  size_t suffix = 0;
  while (suffix < a.size() && suffix < b.size() &&
         a[a.size() - 1 - suffix] == b[b.size() - 1 - suffix])
    ++suffix;
  a.remove_suffix(suffix);
  b.remove_suffix(suffix);
  *work += prefix + suffix;
  if (a.empty() || b.empty()) return std::max(a.size(), b.size());

  // Cells more than `limit` off the diagonal are above the limit; they hold `over`.
  const size_t over = limit + 1;
  row.assign(b.size() + 1, over);
  for (size_t j = 0; j <= std::min(b.size(), limit); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t lo = i > limit ? i - limit : 1;  // first column of the band
    size_t hi = std::min(b.size(), i + limit);
    size_t diag = row[lo - 1];  // the cell up and to the left
    size_t left;                // the cell to the left, in this row
    if (lo == 1) {
      left = i <= limit ? i : over;
      row[0] = left;
    } else {
      left = over;
      row[lo - 1] = over;  // left the band: must not be read as a real distance below
    }
    size_t row_min = left;
    for (size_t j = lo; j <= hi; ++j) {
      size_t up = row[j];
      size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      size_t value = std::min({up + 1, left + 1, diag + cost, over});
      diag = up;
      row[j] = value;
      left = value;
      row_min = std::min(row_min, value);
    }
    *work += hi - lo + 1;
    if (row_min > limit) return over;
  }
  return row[b.size()];
}

}  // namespace

std::optional<std::string> ClosestMatch(std::string_view wrong,
                                        const std::vector<std::string_view>& candidates,
                                        SuggestionBudget* budget) {
  if (budget && budget->Spent()) return std::nullopt;
  size_t limit = std::min<size_t>(3, std::max<size_t>(1, wrong.size() / 3));
  std::optional<std::string_view> best;
  size_t best_distance = limit + 1;
  std::vector<size_t> row;
  for (std::string_view candidate : candidates) {
    size_t work = 1;
    size_t d = BoundedDistance(wrong, candidate, std::min(limit, best_distance), row, &work);
    // An answer found with part of the candidates unseen could be worse than the real one.
    if (budget && !budget->Spend(work)) return std::nullopt;
    if (d < best_distance || (d == best_distance && best && d <= limit && candidate < *best)) {
      best_distance = d;
      best = candidate;
    }
  }
  // Replacing every letter of a short word is no typo ("b" is not a misspelt "a").
  if (!best || best_distance > limit || best_distance >= wrong.size()) return std::nullopt;
  return std::string(*best);
}

std::string DidYouMean(std::string_view wrong, const std::vector<std::string_view>& candidates,
                       SuggestionBudget* budget) {
  auto match = ClosestMatch(wrong, candidates, budget);
  return match ? " (did you mean '" + *match + "'?)" : "";
}

}  // namespace landskap
