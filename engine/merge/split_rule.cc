// The stated parts of a split that are not the split itself: the domains every municipality must
// have a system of its own for (the proposal's rule, docs/split.md), which successor keeps the
// administration by default, and the prefix of a new instance's id.
#include <algorithm>

#include "engine/merge/split.h"
#include "engine/model/municipality.h"

namespace landskap {

const std::vector<EssentialDomain>& DomainsEveryMunicipalityMustHave() {
  // Each is a duty of every municipality by law, with records that belong to the municipality
  // under its own number, so a successor cannot simply use the keeper's system. Sorted.
  static const std::vector<EssentialDomain> domains = {
      {"barnehage",
       "barnehageloven: every municipality offers places to the children entitled to one and "
       "runs the admission of its own children"},
      {"barnevern",
       "barnevernsloven: every municipality has a child welfare service of its own, with its "
       "own case records"},
      {"byggesak",
       "plan- og bygningsloven: the municipality is the building authority; applications are "
       "decided and archived by each municipality"},
      {"folkeregister",
       "every municipality gets its residents from Folkeregisteret by its own number, and its "
       "other registers of people are fed from that copy"},
      {"gis",
       "plan- og bygningsloven and matrikkellova: the municipality keeps the map base and is "
       "the local matrikkel authority for its own properties (gnr/bnr)"},
      {"helse-omsorg",
       "helse- og omsorgstjenesteloven: every municipality provides health and care services "
       "to its residents and keeps their patient records"},
      {"lonn",
       "every municipality is an employer of its own: salaries and the a-melding under its own "
       "organisasjonsnummer"},
      {"nav-sosial",
       "NAV-loven and sosialtjenesteloven: a NAV office in every municipality, with the social "
       "services' own case records"},
      {"okonomi",
       "kommuneloven: every municipality has its own budget, accounts and annual report, "
       "audited and reported to KOSTRA under its own number"},
      {"sak-arkiv",
       "arkivlova and offentleglova: every municipality keeps its own archive and public "
       "journal"},
      {"skole",
       "opplæringslova: every municipality runs primary and lower secondary school for the "
       "children who live in it"},
  };
  return domains;
}

const EssentialDomain* FindEssentialDomain(std::string_view domain) {
  const auto& domains = DomainsEveryMunicipalityMustHave();
  auto it = std::lower_bound(
      domains.begin(), domains.end(), domain,
      [](const EssentialDomain& d, std::string_view name) { return d.domain < name; });
  return it != domains.end() && it->domain == domain ? &*it : nullptr;
}

std::optional<std::string> KeeperByName(const std::string& from,
                                        const std::vector<std::string>& successors) {
  std::optional<std::string> name = MunicipalityName(from);
  if (!name) return std::nullopt;
  std::optional<std::string> keeper;
  for (const std::string& s : successors) {
    if (MunicipalityName(s) != name) continue;
    if (keeper && *keeper != s) return std::nullopt;
    keeper = s;
  }
  return keeper;
}

std::string SuccessorPrefix(const std::string& number) {
  std::optional<std::string> name = MunicipalityName(number);
  if (!name) return number;
  // Names in several languages ("Porsanger - Porsáŋgu - Porsanki"): the first.
  std::string_view text = *name;
  if (size_t dash = text.find(" - "); dash != std::string_view::npos) text = text.substr(0, dash);
  std::string out;
  auto separate = [&] {
    if (!out.empty() && out.back() != '-') out += '-';
  };
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      out += static_cast<char>(c);
    } else if (c >= 'A' && c <= 'Z') {
      out += static_cast<char>(c - 'A' + 'a');
    } else if (c == 0xC3 && i + 1 < text.size()) {
      unsigned char next = static_cast<unsigned char>(text[i + 1]);
      if (next == 0xA6 || next == 0x86) {  // æ Æ
        out += "ae";
        ++i;
      } else if (next == 0xB8 || next == 0x98) {  // ø Ø
        out += 'o';
        ++i;
      } else if (next == 0xA5 || next == 0x85) {  // å Å
        out += 'a';
        ++i;
      } else {
        out += text.substr(i, 2);  // other letters stay as they are: ids take UTF-8
        ++i;
      }
    } else if (c >= 0x80) {
      out += static_cast<char>(c);
    } else {
      separate();
    }
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out.empty() ? number : out;
}

}  // namespace landskap
