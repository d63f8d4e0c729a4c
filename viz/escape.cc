// The one loop behind every escaping function of viz/.
#include "viz/escape.h"

namespace landskap::viz {

std::string ReplaceChars(std::string_view text,
                         std::initializer_list<std::pair<char, std::string_view>> table) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    const std::pair<char, std::string_view>* hit = nullptr;
    for (const auto& entry : table)
      if (entry.first == c) hit = &entry;
    if (hit)
      out += hit->second;
    else
      out += c;
  }
  return out;
}

}  // namespace landskap::viz
