// The key vocabulary: the national catalogue's key names, folded, and the aliases people write.
// Unknown names are kept as written: a municipality may have keys of its own.
#include "engine/formats/key_words.h"

#include <initializer_list>
#include <unordered_map>

#include "engine/file/catalogue.h"
#include "engine/formats/table_mapper.h"
#include "engine/model/text.h"

namespace landskap {
namespace {

// Folded spelling → the catalogue's name.
const std::unordered_map<std::string, std::string>& Vocabulary() {
  static const std::unordered_map<std::string, std::string> words = [] {
    std::unordered_map<std::string, std::string> w;
    for (const KeyDefinition& k : Catalogue().keys) w[FoldForMatch(k.id)] = k.id;
    const std::pair<const char*, const char*> aliases[] = {
        {"kommunenr", "kommunenummer"},
        {"knr", "kommunenummer"},
        {"fodselsnummer", "fnr"},
        {"personnummer", "fnr"},
        {"personidentifikator", "fnr"},
        {"dnummer", "dnr"},
        {"organisasjonsnummer", "orgnr"},
        {"orgnummer", "orgnr"},
        {"matrikkelnummer", "gnr-bnr"},
        {"gardsogbruksnummer", "gnr-bnr"},
        {"gardsnummerbruksnummer", "gnr-bnr"},
        {"bygningsnummer", "bygningsnr"},
        {"saksnummer", "saksnr"},
        {"adresser", "adresse"},
    };
    for (const auto& [alias, key] : aliases)
      if (w.count(FoldForMatch(key))) w.emplace(alias, key);
    return w;
  }();
  return words;
}

// Only a name written as one word (no spaces) is looked up: "kommune nummer" stays an error
// for the reader, not a key it guessed.
const std::string* Known(std::string_view written) {
  if (written.empty() || written.find_first_of(" \t\n") != std::string_view::npos) return nullptr;
  const auto& words = Vocabulary();
  auto it = words.find(FoldForMatch(written));
  return it == words.end() ? nullptr : &it->second;
}

// `text` cut at each of `separators`, the parts trimmed.
std::vector<std::string> Cut(std::string_view text,
                             std::initializer_list<std::string_view> separators) {
  std::vector<std::string> parts;
  size_t start = 0, i = 0;
  while (i < text.size()) {
    size_t cut = 0;
    for (std::string_view s : separators)
      if (text.substr(i, s.size()) == s) cut = s.size();
    if (cut == 0) {
      ++i;
      continue;
    }
    parts.push_back(Trim(text.substr(start, i - start)));
    i += cut;
    start = i;
  }
  parts.push_back(Trim(text.substr(start)));
  return parts;
}

}  // namespace

std::string CanonicalKey(std::string_view written) {
  const std::string* known = Known(written);
  return known ? *known : std::string(written);
}

std::vector<std::string> KeysOfItem(std::string_view item) {
  if (const std::string* known = Known(item)) return {*known};
  // "gnr/bnr og kommunenummer": first the words, then '/' inside a part that is not a key.
  std::vector<std::string> keys;
  for (const std::string& part : Cut(item, {" og ", " and "})) {
    if (const std::string* known = Known(part)) {
      keys.push_back(*known);
      continue;
    }
    for (const std::string& piece : Cut(part, {"/"})) {
      const std::string* known_piece = Known(piece);
      if (!known_piece) return {CanonicalKey(item)};
      keys.push_back(*known_piece);
    }
  }
  if (keys.size() < 2) return {CanonicalKey(item)};
  return keys;
}

}  // namespace landskap
