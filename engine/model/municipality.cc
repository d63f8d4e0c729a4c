// Reads the embedded table of municipality names once, on first use.
#include "engine/model/municipality.h"

#include <algorithm>
#include <vector>

namespace landskap {

bool IsKommunenummer(std::string_view text) {
  return text.size() == 4 &&
         std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

namespace {

struct Span {
  int first = 0, last = 0;
  std::string name;
};

const std::map<std::string, std::vector<Span>, std::less<>>& Table() {
  static const auto table = [] {
    std::map<std::string, std::vector<Span>, std::less<>> out;
    auto it = EmbeddedData().find("kommunenavn.csv");
    if (it == EmbeddedData().end()) return out;
    std::string_view text = it->second;
    while (!text.empty()) {
      size_t end = text.find('\n');
      std::string_view line = text.substr(0, end);
      text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
      if (line.empty() || line[0] == '#') continue;
      // number;name;first_year;last_year
      size_t a = line.find(';'), b = line.find(';', a + 1), c = line.find(';', b + 1);
      if (c == std::string_view::npos) continue;
      Span span;
      span.name = std::string(line.substr(a + 1, b - a - 1));
      span.first = std::stoi(std::string(line.substr(b + 1, c - b - 1)));
      span.last = std::stoi(std::string(line.substr(c + 1)));
      out[std::string(line.substr(0, a))].push_back(std::move(span));
    }
    return out;
  }();
  return table;
}

}  // namespace

std::optional<std::string> MunicipalityName(std::string_view number, std::optional<int> year) {
  if (number.size() != 4 ||
      !std::all_of(number.begin(), number.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return std::nullopt;
  auto it = Table().find(number);
  if (it == Table().end()) return std::nullopt;
  const Span* best = nullptr;
  for (const Span& span : it->second) {
    if (year) {
      if (*year >= span.first && *year <= span.last) return span.name;
    } else if (!best || span.last > best->last) {
      best = &span;
    }
  }
  if (best) return best->name;
  return std::nullopt;
}

std::string OwnerLabel(std::string_view owner) {
  if (auto name = MunicipalityName(owner)) return std::string(owner) + " " + *name;
  return std::string(owner);
}

}  // namespace landskap
