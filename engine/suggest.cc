// Edit distance with an early cut-off, so that suggesting among 200 000 ids stays fast.
#include "engine/suggest.h"

#include <algorithm>
#include <cstdlib>

namespace landskap {
namespace {

// Levenshtein distance, or limit+1 as soon as it must exceed `limit`.
size_t BoundedDistance(std::string_view a, std::string_view b, size_t limit) {
  size_t diff = a.size() > b.size() ? a.size() - b.size() : b.size() - a.size();
  if (diff > limit) return limit + 1;
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t prev_diag = row[0];
    row[0] = i;
    size_t row_min = row[0];
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t old = row[j];
      size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, prev_diag + cost});
      prev_diag = old;
      row_min = std::min(row_min, row[j]);
    }
    if (row_min > limit) return limit + 1;
  }
  return row[b.size()];
}

}  // namespace

std::optional<std::string> ClosestMatch(std::string_view wrong,
                                        const std::vector<std::string_view>& candidates) {
  size_t limit = std::min<size_t>(3, std::max<size_t>(1, wrong.size() / 3));
  std::optional<std::string_view> best;
  size_t best_distance = limit + 1;
  for (std::string_view candidate : candidates) {
    size_t d = BoundedDistance(wrong, candidate, std::min(limit, best_distance));
    if (d < best_distance || (d == best_distance && best && d <= limit && candidate < *best)) {
      best_distance = d;
      best = candidate;
    }
  }
  // Replacing every letter of a short word is no typo ("b" is not a misspelt "a").
  if (!best || best_distance > limit || best_distance >= wrong.size()) return std::nullopt;
  return std::string(*best);
}

std::string DidYouMean(std::string_view wrong, const std::vector<std::string_view>& candidates) {
  auto match = ClosestMatch(wrong, candidates);
  return match ? " (did you mean '" + *match + "'?)" : "";
}

}  // namespace landskap
