// The words on the wall in the reader's language: pictures, the workshop page and the markdown
// and spreadsheet reports speak Norwegian (bokmål) by default and English with --lang en.
// Texts are written in English in the code (the gettext msgid) and translated through the
// catalogue po/nb.po, which the build compiles with gettext's msgfmt into a .mo file and embeds
// into the binary (no installed files, so the program works from the build folder).
// Terminal messages (errors, --help) stay English.
#pragma once

#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "engine/model/date.h"

namespace landskap::viz {

enum class Language { kBokmal, kEnglish };

// "nb", "no", "nb_NO", "nob", "bokmål" → bokmål; "en" and "en_*" → English; else nullopt.
std::optional<Language> ParseLanguage(std::string_view text);
// "nb" or "en", for <html lang> and the page's data.
std::string_view LanguageCode(Language language);

// `english` in `language`: the catalogue's translation, or `english` itself when the language
// is English or the catalogue has no translation for it.
std::string Tr(Language language, std::string_view english);
// The singular or plural form for `n` (gettext's ngettext; bokmål and English both use
// n != 1 for the plural).
std::string TrN(Language language, std::string_view one, std::string_view many, long long n);
// Replaces "{name}" in `pattern` with the values given; unknown names stay as they are.
std::string Fill(std::string_view pattern,
                 std::initializer_list<std::pair<std::string_view, std::string>> values);
// "{n} systems" with the right number form: TrN, then {n} filled in.
std::string Count(Language language, long long n, std::string_view one, std::string_view many);

// A date as people write it: "1. okt. 2019" in bokmål, "1 Oct 2019" in English.
std::string LongDate(Language language, DayNumber day);
// The month's short name ("okt.", "Oct"), 1-based month.
std::string MonthShort(Language language, int month);

// Every translation of the catalogue for `language` (msgid → msgstr), for the page's script;
// empty for English.
const std::map<std::string, std::string>& Catalogue(Language language);

}  // namespace landskap::viz
