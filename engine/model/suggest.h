// "Did you mean ...?": the closest known name to a misspelt one, at a bounded cost.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace landskap {

// The edit-distance work all suggestions of one load may spend, in units of one candidate
// looked at or one character or cell compared (about 0.1 s in all). One suggestion among the
// 200 000 ids of a national file needs a few million; unbounded, 10 000 misspelt keys among
// 10 000 declared ones needed a hundred million, 200 references among long, similar ids
// billions.
inline constexpr size_t kSuggestionWorkPerLoad = 100'000'000;

// Shared by the suggestions of one load. Once spent, the remaining messages come without a
// suggestion: they are still reported, only without "did you mean".
class SuggestionBudget {
 public:
  explicit SuggestionBudget(size_t limit = kSuggestionWorkPerLoad) : limit_(limit) {}
  size_t Used() const { return used_; }
  bool Spent() const { return used_ >= limit_; }
  // Records work; false once the budget is spent.
  bool Spend(size_t units) {
    used_ += units;
    return used_ < limit_;
  }

 private:
  size_t limit_;
  size_t used_ = 0;
};

// The candidate with the smallest edit distance to `wrong`, if that distance is small enough
// to be a plausible typo (at most a third of the word, and at most 3 edits). Ties go to the
// alphabetically first candidate, so the suggestion is deterministic. With a `budget`, the
// search gives up (nullopt) when the budget runs out before it has looked at every candidate.
std::optional<std::string> ClosestMatch(std::string_view wrong,
                                        const std::vector<std::string_view>& candidates,
                                        SuggestionBudget* budget = nullptr);

// " (did you mean 'x'?)" or "".
std::string DidYouMean(std::string_view wrong, const std::vector<std::string_view>& candidates,
                       SuggestionBudget* budget = nullptr);

}  // namespace landskap
