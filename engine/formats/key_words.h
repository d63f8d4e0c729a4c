// One vocabulary of key names for what people write in a Nøkler or Bærer cell: the national
// catalogue's names (datasets/catalogue.json: kommunenummer, fnr, gnr-bnr …) and the other ways
// people write them (fødselsnummer, gnr/bnr, organisasjonsnummer …), so that one key is one key
// whatever the spelling; and a cell part holding two keys ("fnr/kommunenummer", "fnr og dnr")
// split into both.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace landskap {

// The catalogue's name of the key `written` names (case, accents and punctuation ignored:
// "Gnr/Bnr" and "gnr-bnr" are gnr-bnr, "Fødselsnummer" is fnr), or `written` itself when the
// vocabulary does not know it.
std::string CanonicalKey(std::string_view written);

// The keys one list item names: itself (in the vocabulary's spelling) when it is one key, or
// each part when it joins known keys with '/' or " og " / " and " ("fnr/kommunenummer" →
// fnr, kommunenummer). A joined item whose parts are not all known keys stays one key.
std::vector<std::string> KeysOfItem(std::string_view item);

}  // namespace landskap
