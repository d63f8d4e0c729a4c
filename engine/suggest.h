// "Did you mean ...?": the closest known name to a misspelt one.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace landskap {

// The candidate with the smallest edit distance to `wrong`, if that distance is small enough
// to be a plausible typo (at most a third of the word, and at most 3 edits). Ties go to the
// alphabetically first candidate, so the suggestion is deterministic.
std::optional<std::string> ClosestMatch(std::string_view wrong,
                                        const std::vector<std::string_view>& candidates);

// " (did you mean 'x'?)" or "".
std::string DidYouMean(std::string_view wrong, const std::vector<std::string_view>& candidates);

}  // namespace landskap
