// Character replacement for the text that goes into Graphviz attributes and HTML: each kind
// of escaping is one table, so they cannot drift apart in how they walk the text.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

namespace landskap::viz {

// Replaces each character found in `table` by its replacement ("" drops it); others stay.
std::string ReplaceChars(std::string_view text,
                         std::initializer_list<std::pair<char, std::string_view>> table);

}  // namespace landskap::viz
