// Reads the compiled catalogue (a GNU .mo file embedded as the asset "nb.mo") once into a
// map; the .mo format is gettext's: a header, then tables of (length, offset) pairs for the
// original and the translated strings. Plural entries hold "one\0many" → "form0\0form1".
#include "viz/i18n.h"

#include <cstdint>
#include <cstring>

#include "engine/model/text.h"
#include "viz/report.h"

namespace landskap::viz {
namespace {

uint32_t Read32(std::string_view data, size_t at, bool swap) {
  if (at + 4 > data.size()) return 0;
  uint32_t v;
  std::memcpy(&v, data.data() + at, 4);
  if (swap) v = __builtin_bswap32(v);
  return v;
}

// Parses a .mo file; an empty map when it is not one (the texts then stay English, which the
// tests of the catalogue would catch).
std::map<std::string, std::string> ParseMo(std::string_view mo) {
  std::map<std::string, std::string> out;
  if (mo.size() < 28) return out;
  uint32_t magic = Read32(mo, 0, false);
  bool swap;
  if (magic == 0x950412deu)
    swap = false;
  else if (magic == 0xde120495u)
    swap = true;
  else
    return out;
  uint32_t count = Read32(mo, 8, swap);
  uint32_t originals = Read32(mo, 12, swap);
  uint32_t translations = Read32(mo, 16, swap);
  for (uint32_t i = 0; i < count; ++i) {
    uint32_t ol = Read32(mo, originals + 8 * i, swap), oo = Read32(mo, originals + 8 * i + 4, swap);
    uint32_t tl = Read32(mo, translations + 8 * i, swap);
    uint32_t to = Read32(mo, translations + 8 * i + 4, swap);
    if (size_t(oo) + ol > mo.size() || size_t(to) + tl > mo.size()) break;
    if (ol == 0) continue;  // the header entry
    out.emplace(std::string(mo.substr(oo, ol)), std::string(mo.substr(to, tl)));
  }
  return out;
}

const std::map<std::string, std::string>& Bokmal() {
  static const std::map<std::string, std::string> catalogue = [] {
    const auto& assets = EmbeddedAssets();
    auto it = assets.find("nb.mo");
    return it == assets.end() ? std::map<std::string, std::string>() : ParseMo(it->second);
  }();
  return catalogue;
}

}  // namespace

std::optional<Language> ParseLanguage(std::string_view text) {
  std::string t = AsciiLower(text);
  if (t == "nb" || t == "no" || t == "nob" || t == "nb_no" || t == "nb-no" || t == "bokmål" ||
      t == "bokmal" || t == "norsk")
    return Language::kBokmal;
  if (t == "en" || t.rfind("en_", 0) == 0 || t.rfind("en-", 0) == 0 || t == "english")
    return Language::kEnglish;
  return std::nullopt;
}

std::string_view LanguageCode(Language language) {
  return language == Language::kBokmal ? "nb" : "en";
}

const std::map<std::string, std::string>& Catalogue(Language language) {
  static const std::map<std::string, std::string> none;
  return language == Language::kBokmal ? Bokmal() : none;
}

std::string Tr(Language language, std::string_view english) {
  if (language == Language::kEnglish) return std::string(english);
  const auto& catalogue = Bokmal();
  auto it = catalogue.find(std::string(english));
  return it == catalogue.end() || it->second.empty() ? std::string(english) : it->second;
}

std::string TrN(Language language, std::string_view one, std::string_view many, long long n) {
  bool plural = n != 1;
  if (language == Language::kEnglish) return std::string(plural ? many : one);
  std::string key = std::string(one) + '\0' + std::string(many);
  const auto& catalogue = Bokmal();
  auto it = catalogue.find(key);
  if (it == catalogue.end()) return std::string(plural ? many : one);
  size_t nul = it->second.find('\0');
  if (nul == std::string::npos) return it->second;
  return plural ? it->second.substr(nul + 1) : it->second.substr(0, nul);
}

std::string Fill(std::string_view pattern,
                 std::initializer_list<std::pair<std::string_view, std::string>> values) {
  std::string out;
  size_t at = 0;
  while (at < pattern.size()) {
    size_t open = pattern.find('{', at);
    size_t close = open == std::string_view::npos ? open : pattern.find('}', open);
    if (close == std::string_view::npos) break;
    std::string_view name = pattern.substr(open + 1, close - open - 1);
    const std::string* value = nullptr;
    for (const auto& [n, v] : values)
      if (n == name) value = &v;
    out.append(pattern.substr(at, open - at));
    if (value)
      out += *value;
    else
      out.append(pattern.substr(open, close - open + 1));
    at = close + 1;
  }
  out.append(pattern.substr(std::min(at, pattern.size())));
  return out;
}

std::string Count(Language language, long long n, std::string_view one, std::string_view many) {
  return Fill(TrN(language, one, many, n), {{"n", std::to_string(n)}});
}

std::string MonthShort(Language language, int month) {
  static constexpr std::string_view kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                 "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  if (month < 1 || month > 12) return "";
  return Tr(language, kMonths[month - 1]);
}

std::string LongDate(Language language, DayNumber day) {
  std::string iso = FormatDate(day);  // YYYY-MM-DD
  int month = std::stoi(iso.substr(5, 2));
  int dom = std::stoi(iso.substr(8, 2));
  // The pattern is translated as a whole: bokmål writes "1. okt. 2019".
  return Fill(Tr(language, "{day} {month} {year}"), {{"day", std::to_string(dom)},
                                                     {"month", MonthShort(language, month)},
                                                     {"year", iso.substr(0, 4)}});
}

}  // namespace landskap::viz
