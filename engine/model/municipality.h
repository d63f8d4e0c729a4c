// Municipality names by kommunenummer, 2019-2024, from SSB's classification of municipalities
// (datasets/kommunenavn.csv, written by datasets/tools/make_kommunenavn.py and embedded in the
// binary), so that outputs say "1246 Fjell" and "4626 Øygarden" instead of bare numbers.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace landskap {

// True for a 4-digit kommunenummer such as "1246".
bool IsKommunenummer(std::string_view text);

// The data files embedded at build time (cmake/embed_assets.cmake): file name → bytes.
const std::map<std::string, std::string_view>& EmbeddedData();

// The name of municipality `number` in `year` (2019-2024), or, without a year, in the latest of
// those years in which the number was in use: "1246" → "Fjell", "5001" in 2020 → "Trondheim".
// nullopt for a number not in use (in that year), and for anything that is not 4 digits.
std::optional<std::string> MunicipalityName(std::string_view number,
                                            std::optional<int> year = std::nullopt);

// "1246 Fjell" for a known kommunenummer; anything else (an organisation, an unknown number)
// unchanged. For owner columns, headings and picture labels.
std::string OwnerLabel(std::string_view owner);

}  // namespace landskap
