// The national landscape generator. Shape, chosen to resemble the real picture:
// - municipalities with real-looking kommunenummer (county numbers of 2024, counted as then);
// - in each, systems across ~30 domains, the first of each domain its main system; a local
//   integration platform; fag systems that deliver to sak/arkiv and økonomi;
// - national registers that only provide (Folkeregisteret, Matrikkelen ...) and national
//   services that only receive (KOSTRA, a-ordningen, SvarUT ...), so that no cycle spans the
//   country; intermunicipal systems shared by neighbours; vendor platforms;
// - integrations inside a municipality run along its "flow order" (registers, fag systems,
//   økonomi, sak/arkiv), with a few short back-edges that make small bundles (cycles);
// - a few integrations cross into the next municipality, so the reform scope rule has work.
// A splitmix64 stream per municipality keeps output identical across machines and lets one
// part change without reshuffling the rest.
#include "synth/synth.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <ostream>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "engine/model/date.h"

namespace landskap {
namespace {

// Keys as bits, in the order they are written.
enum : uint8_t { kKn = 1, kFnr = 2, kOrgnr = 4, kGnr = 8 };
constexpr std::array<std::string_view, 4> kKeyIds = {"kommunenummer", "fnr", "orgnr", "gnr-bnr"};
constexpr std::array<std::string_view, 4> kKeyDescriptions = {
    "4-digit municipality number; the first two digits are the county number",
    "11-digit national identity number (fødselsnummer or d-nummer)",
    "9-digit organisation number in Enhetsregisteret",
    "cadastral unit (gårdsnummer/bruksnummer); its full number begins with the kommunenummer"};

struct Product {
  std::string_view vendor;
  std::string_view product;
};

struct Domain {
  std::string_view id;
  std::string_view label;
  int weight;  // share of a municipality's systems
  uint8_t keys;
  std::string_view criticality;  // of the main system
  double effort_days;            // of the main system
  std::vector<Product> products;
};

// In flow order: data mostly flows from earlier domains to later ones. The integration
// platform is first (index 0 is every municipality's hub); økonomi and sak/arkiv are last.
const std::vector<Domain>& Domains() {
  static const std::vector<Domain> domains = {
      {"integrasjonsplattform",
       "Integrasjonsplattform",
       1,
       kKn | kFnr | kOrgnr | kGnr,
       "critical",
       15,
       {{"Visma", "Visma Integration Platform"},
        {"Microsoft", "BizTalk Server"},
        {"Acos", "Acos Integrasjonsplattform"}}},
      {"identitet",
       "Identitetsforvaltning",
       1,
       kFnr,
       "high",
       5,
       {{"Microsoft", "Entra ID"}, {"Tietoevry", "Tieto IDM"}}},
      {"kart-gis",
       "Kart og GIS",
       3,
       kKn | kGnr,
       "medium",
       10,
       {{"Norkart", "Kommunekart"},
        {"Geodata", "ArcGIS Enterprise"},
        {"Norconsult", "ISY WinMap"}}},
      {"matrikkelforing",
       "Matrikkelføring",
       1,
       kKn | kGnr | kFnr | kOrgnr,
       "high",
       8,
       {{"Norkart", "Matrikkelklient"}, {"Norconsult", "ISY Matrikkel"}}},
      {"plan",
       "Arealplan",
       2,
       kKn | kGnr,
       "medium",
       6,
       {{"Norkart", "Arealplaner"}, {"Norconsult", "ISY Planregister"}}},
      {"byggesak",
       "Byggesak",
       2,
       kKn | kGnr | kFnr | kOrgnr,
       "high",
       8,
       {{"Acos", "WebSak Byggesak"},
        {"Tietoevry", "Public 360 Plan og bygg"},
        {"Norkart", "eByggesak"}}},
      {"landbruk",
       "Landbruk",
       1,
       kKn | kGnr | kOrgnr,
       "low",
       3,
       {{"Norkart", "Landbruk"}, {"Geodata", "Landbruksmodul"}}},
      {"vann-avlop",
       "Vann og avløp",
       3,
       kKn | kGnr | kFnr,
       "high",
       8,
       {{"Powel", "Gemini VA"}, {"Norkart", "Komtek VA"}}},
      {"renovasjon",
       "Renovasjon",
       1,
       kGnr | kFnr | kKn,
       "medium",
       4,
       {{"Norkart", "Komtek Renovasjon"}, {"Norconsult", "ISY Renovasjon"}}},
      {"brann-feiing",
       "Brann og feiing",
       1,
       kGnr | kKn,
       "medium",
       3,
       {{"Norkart", "Komtek Feiing"}, {"Brannloggen", "Brannloggen"}}},
      {"eiendomsskatt",
       "Eiendomsskatt",
       1,
       kKn | kGnr | kFnr | kOrgnr,
       "high",
       6,
       {{"Norkart", "Komtek Eiendomsskatt"}, {"Tietoevry", "Tieto Eiendomsskatt"}}},
      {"innbyggerportal",
       "Innbyggerportal",
       2,
       kFnr | kKn,
       "medium",
       5,
       {{"Acos", "Acos Interact"}, {"KS", "Fiks Minside"}, {"Sikri", "Elements Innsyn"}}},
      {"booking",
       "Booking av lokaler",
       1,
       kFnr,
       "low",
       2,
       {{"Bookup", "Bookup"}, {"Aktiv Kommune", "Aktiv Kommune"}}},
      {"bibliotek",
       "Bibliotek",
       1,
       kFnr,
       "low",
       3,
       {{"Bibliotek-Systemer", "Bibliofil"}, {"Axiell", "Quria"}, {"Tidemann", "Mikromarc"}}},
      {"kulturskole",
       "Kulturskole",
       1,
       kFnr,
       "low",
       2,
       {{"SpeedAdmin", "SpeedAdmin"}, {"Visma", "Visma InSchool Kulturskole"}}},
      {"barnehage",
       "Barnehage",
       3,
       kFnr | kKn,
       "high",
       6,
       {{"Visma", "Visma Flyt Barnehage"},
        {"Tietoevry", "Tieto Oppvekst Barnehage"},
        {"IST", "IST Barnehage"}}},
      {"skole",
       "Skole",
       6,
       kFnr | kKn | kOrgnr,
       "high",
       8,
       {{"Visma", "Visma Flyt Skole"}, {"Vigilo", "Vigilo"}, {"IST", "IST Everyday"}}},
      {"ppt",
       "PP-tjeneste",
       1,
       kFnr,
       "medium",
       3,
       {{"Visma", "Visma Flyt PPT"}, {"Tietoevry", "Tieto PPT"}}},
      {"helsestasjon",
       "Helsestasjon",
       2,
       kFnr,
       "high",
       4,
       {{"Visma", "HsPro"}, {"Tietoevry", "Gerica Helsestasjon"}}},
      {"helse-omsorg",
       "Helse og omsorg",
       10,
       kFnr | kKn,
       "critical",
       12,
       {{"Visma", "Visma Profil"}, {"Tietoevry", "Gerica"}, {"DIPS", "DIPS Front"}}},
      {"velferdsteknologi",
       "Velferdsteknologi",
       3,
       kFnr,
       "high",
       3,
       {{"Imatis", "Imatis Visit"}, {"Safemate", "Safemate"}, {"Evondos", "Evondos"}}},
      {"legetjeneste",
       "Legetjeneste",
       2,
       kFnr,
       "critical",
       6,
       {{"CGM", "CGM Allmenn"}, {"Infodoc", "Infodoc Plenario"}, {"WebMed", "WebMed EPJ"}}},
      {"barnevern",
       "Barnevern",
       2,
       kFnr | kKn,
       "high",
       6,
       {{"Visma", "Visma Familia"}, {"Modulus", "Modulus Barn"}}},
      {"nav-sosial",
       "NAV-kontor og sosialtjeneste",
       2,
       kFnr | kKn,
       "high",
       6,
       {{"Visma", "Visma Socio"}, {"Tietoevry", "Tieto Velferd"}}},
      {"kvalitet-avvik",
       "Kvalitet og avvik",
       2,
       kOrgnr,
       "low",
       2,
       {{"Compilo", "Compilo"}, {"Landax", "Landax"}, {"EQS", "EQS"}}},
      {"politisk",
       "Politisk saksbehandling",
       1,
       kKn,
       "medium",
       3,
       {{"Acos", "Politikerportal"}, {"Sikri", "Elements Politikk"}, {"Opengov", "Opengov"}}},
      {"lonn-hr",
       "Lønn og HR",
       2,
       kFnr | kOrgnr | kKn,
       "high",
       12,
       {{"Visma", "Visma Enterprise HRM"}, {"Unit4", "Unit4 ERP Lønn"}, {"Sympa", "Sympa HR"}}},
      {"gebyr-fakturering",
       "Gebyr og fakturering",
       1,
       kGnr | kFnr | kOrgnr | kKn,
       "high",
       6,
       {{"Norkart", "Komtek Gebyr"}, {"Visma", "Visma Fakturering"}}},
      {"okonomiplan",
       "Økonomiplan og budsjett",
       1,
       kKn,
       "medium",
       4,
       {{"Framsikt", "Framsikt"}, {"Unit4", "Unit4 Budsjett"}}},
      {"okonomi",
       "Økonomi",
       3,
       kKn | kOrgnr | kFnr,
       "high",
       15,
       {{"Visma", "Visma Enterprise"}, {"Unit4", "Unit4 ERP"}, {"Xledger", "Xledger"}}},
      {"sak-arkiv",
       "Sak/arkiv",
       3,
       kKn | kFnr | kOrgnr | kGnr,
       "high",
       20,
       {{"Tietoevry", "Public 360"}, {"Acos", "Acos WebSak"}, {"Sikri", "Elements"}}},
  };
  return domains;
}

// Vendors that run a hosting platform serving their product in many municipalities.
constexpr std::array<std::string_view, 8> kPlatformVendors = {
    "Visma", "Tietoevry", "Norkart", "Acos", "Sikri", "Unit4", "Powel", "Norconsult"};

struct National {
  std::string_view id;
  std::string_view name;
  std::string_view owner;
  uint8_t keys;
  bool provides;  // true: only provides to municipalities; false: only receives from them
  std::vector<std::string_view> domains;
  std::string_view protocol;
  std::string_view criticality;
  double effort_days;
  int fixed_days_before_reform;  // 0: no fixed date
};

const std::vector<National>& Nationals() {
  static const std::vector<National> nationals = {
      {"folkeregisteret",
       "Folkeregisteret",
       "Skatteetaten",
       kFnr | kKn,
       true,
       {"identitet", "innbyggerportal", "bibliotek", "kulturskole", "barnehage", "skole", "ppt",
        "helsestasjon", "helse-omsorg", "velferdsteknologi", "barnevern", "nav-sosial", "lonn-hr",
        "sak-arkiv"},
       "REST",
       "critical",
       20,
       121},
      {"enhetsregisteret",
       "Enhetsregisteret",
       "Brønnøysundregistrene",
       kOrgnr | kKn,
       true,
       {"landbruk", "byggesak", "eiendomsskatt", "gebyr-fakturering", "okonomi", "sak-arkiv"},
       "REST",
       "high",
       10,
       107},
      {"matrikkelen",
       "Matrikkelen",
       "Kartverket",
       kGnr | kKn | kFnr | kOrgnr,
       true,
       {"kart-gis", "matrikkelforing", "plan", "byggesak", "landbruk", "vann-avlop", "renovasjon",
        "brann-feiing", "eiendomsskatt", "gebyr-fakturering"},
       "SOAP",
       "critical",
       25,
       92},
      {"altinn",
       "Altinn",
       "Digitaliseringsdirektoratet",
       kOrgnr | kFnr | kKn,
       true,
       {"byggesak", "landbruk", "lonn-hr", "okonomi", "sak-arkiv"},
       "REST",
       "high",
       10,
       61},
      {"id-porten",
       "ID-porten",
       "Digitaliseringsdirektoratet",
       kFnr,
       true,
       {"innbyggerportal", "booking", "barnehage", "skole"},
       "OIDC",
       "high",
       3,
       0},
      {"krr",
       "Kontakt- og reservasjonsregisteret",
       "Digitaliseringsdirektoratet",
       kFnr,
       true,
       {"innbyggerportal", "helse-omsorg", "barnehage", "skole", "sak-arkiv"},
       "REST",
       "medium",
       3,
       0},
      {"ks-fiks-svarinn",
       "KS SvarInn",
       "KS",
       kKn | kOrgnr | kFnr,
       true,
       {"sak-arkiv"},
       "Fiks IO",
       "high",
       5,
       0},
      {"nav",
       "NAV fagsystemer",
       "NAV",
       kFnr | kKn,
       true,
       {"nav-sosial", "lonn-hr"},
       "REST",
       "high",
       10,
       0},
      {"husbanken",
       "Husbanken (bostøtte, startlån)",
       "Husbanken",
       kFnr | kKn,
       true,
       {"nav-sosial", "okonomi"},
       "SFTP",
       "medium",
       4,
       0},
      {"helsenett-meldingsutveksling",
       "Norsk helsenett meldingsutveksling",
       "Norsk helsenett",
       kFnr,
       true,
       {"helse-omsorg", "helsestasjon", "legetjeneste"},
       "ebXML",
       "critical",
       6,
       0},
      {"kjernejournal",
       "Kjernejournal",
       "Norsk helsenett",
       kFnr,
       true,
       {"helse-omsorg", "legetjeneste"},
       "SOAP",
       "high",
       3,
       0},
      {"e-resept",
       "E-resept (Reseptformidleren)",
       "Direktoratet for e-helse",
       kFnr,
       true,
       {"helse-omsorg", "legetjeneste"},
       "SOAP",
       "critical",
       3,
       0},
      {"udir",
       "Utdanningsdirektoratet (prøver og eksamen)",
       "Utdanningsdirektoratet",
       kFnr | kOrgnr,
       true,
       {"skole"},
       "REST",
       "medium",
       3,
       0},
      {"feide",
       "Feide",
       "Sikt",
       kFnr | kOrgnr,
       true,
       {"skole", "bibliotek", "kulturskole"},
       "SAML",
       "high",
       3,
       0},
      {"fellestjenester-bygg",
       "Fellestjenester BYGG",
       "Direktoratet for byggkvalitet",
       kGnr | kOrgnr | kKn,
       true,
       {"byggesak"},
       "REST",
       "medium",
       4,
       0},
      {"geonorge",
       "Geonorge (Det offentlige kartgrunnlaget)",
       "Kartverket",
       kKn | kGnr,
       true,
       {"kart-gis", "plan"},
       "WMS",
       "medium",
       3,
       0},
      {"ks-fiks-svarut",
       "KS SvarUT",
       "KS",
       kKn | kOrgnr | kFnr,
       false,
       {"sak-arkiv", "byggesak", "barnevern"},
       "Fiks IO",
       "high",
       5,
       0},
      {"digital-postkasse",
       "Digital postkasse til innbyggere",
       "Digitaliseringsdirektoratet",
       kFnr,
       false,
       {"sak-arkiv", "innbyggerportal"},
       "REST",
       "medium",
       2,
       0},
      {"eformidling",
       "eFormidling",
       "Digitaliseringsdirektoratet",
       kOrgnr | kKn,
       false,
       {"sak-arkiv"},
       "REST",
       "medium",
       3,
       0},
      {"kostra-ssb",
       "KOSTRA-rapportering (SSB)",
       "Statistisk sentralbyrå",
       kKn | kOrgnr,
       false,
       {"okonomi", "okonomiplan", "barnehage", "skole", "helse-omsorg", "barnevern", "nav-sosial",
        "vann-avlop", "byggesak"},
       "file",
       "high",
       5,
       0},
      {"a-ordningen",
       "A-ordningen (a-melding)",
       "Skatteetaten",
       kFnr | kOrgnr | kKn,
       false,
       {"lonn-hr"},
       "REST",
       "critical",
       5,
       0},
      {"iplos-kpr",
       "IPLOS og Kommunalt pasient- og brukerregister",
       "Helsedirektoratet",
       kFnr | kKn,
       false,
       {"helse-omsorg"},
       "file",
       "medium",
       3,
       0},
      {"gsi",
       "Grunnskolens informasjonssystem (GSI)",
       "Utdanningsdirektoratet",
       kOrgnr | kKn,
       false,
       {"skole"},
       "file",
       "low",
       2,
       0},
      {"basil",
       "Barnehage-basil",
       "Utdanningsdirektoratet",
       kOrgnr | kKn,
       false,
       {"barnehage"},
       "file",
       "low",
       2,
       0},
      {"statsforvalteren",
       "Statsforvalteren (tilsyn og rapportering)",
       "Statsforvalteren",
       kKn,
       false,
       {"barnevern", "sak-arkiv"},
       "SFTP",
       "medium",
       2,
       0},
  };
  return nationals;
}

struct County {
  int number;
  std::string_view name;
  std::string_view slug;
  int municipalities;  // in 2024
};

constexpr std::array<County, 15> kCounties = {{{3, "Oslo", "oslo", 1},
                                               {11, "Rogaland", "rogaland", 23},
                                               {15, "Møre og Romsdal", "more-og-romsdal", 26},
                                               {18, "Nordland", "nordland", 41},
                                               {31, "Østfold", "ostfold", 12},
                                               {32, "Akershus", "akershus", 21},
                                               {33, "Buskerud", "buskerud", 18},
                                               {34, "Innlandet", "innlandet", 46},
                                               {39, "Vestfold", "vestfold", 6},
                                               {40, "Telemark", "telemark", 17},
                                               {42, "Agder", "agder", 25},
                                               {46, "Vestland", "vestland", 43},
                                               {50, "Trøndelag", "trondelag", 38},
                                               {55, "Troms", "troms", 21},
                                               {56, "Finnmark", "finnmark", 18}}};

constexpr int kMaxMunicipalities = 700;
constexpr int kMaxSystemsPerMunicipality = 20000;
constexpr int kCrossBorderPerMunicipality = 5;

// splitmix64: tiny, fast, and the same numbers on every platform (unlike the standard
// library's distributions).
class Rng {
 public:
  Rng(uint64_t seed, uint64_t stream, uint64_t index) {
    state_ = seed * 0x9e3779b97f4a7c15ULL ^ (stream + 1) * 0xc2b2ae3d27d4eb4fULL ^
             (index + 1) * 0x165667b19e3779f9ULL;
    Next();
  }
  uint64_t Next() {
    uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  // Uniform in [0, n); n > 0.
  uint32_t Below(uint32_t n) { return static_cast<uint32_t>(((Next() >> 32) * n) >> 32); }
  double Unit() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }
  bool Chance(double p) { return Unit() < p; }

 private:
  uint64_t state_;
};

enum Stream : uint64_t {
  kStreamMerge,
  kStreamGroups,
  kStreamSystems,
  kStreamEdges,
  kStreamShared,
};

// Buffered JSON text for a std::ostream: appends to a string and writes in large chunks.
class JsonOut {
 public:
  explicit JsonOut(std::ostream& out) : out_(out) { buf_.reserve(kChunk + 4096); }
  ~JsonOut() { Flush(); }
  JsonOut& Raw(std::string_view text) {
    buf_.append(text);
    if (buf_.size() >= kChunk) Flush();
    return *this;
  }
  JsonOut& Str(std::string_view text) {
    buf_ += '"';
    for (char c : text) {
      if (c == '"' || c == '\\') {
        buf_ += '\\';
        buf_ += c;
      } else if (static_cast<unsigned char>(c) < 0x20) {
        char esc[8];
        std::snprintf(esc, sizeof esc, "\\u%04x", c);
        buf_ += esc;
      } else {
        buf_ += c;
      }
    }
    buf_ += '"';
    return *this;
  }
  // "name": "value"
  JsonOut& Field(std::string_view name, std::string_view value) {
    Str(name).Raw(": ");
    return Str(value);
  }
  JsonOut& Number(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%g", value);
    return Raw(text);
  }
  JsonOut& Keys(uint8_t keys) {
    buf_ += '[';
    bool first = true;
    for (size_t k = 0; k < kKeyIds.size(); ++k) {
      if (!(keys & (1u << k))) continue;
      if (!first) buf_ += ", ";
      first = false;
      Str(kKeyIds[k]);
    }
    buf_ += ']';
    return *this;
  }
  void Flush() {
    out_.write(buf_.data(), static_cast<std::streamsize>(buf_.size()));
    buf_.clear();
  }

 private:
  static constexpr size_t kChunk = 1 << 20;
  std::ostream& out_;
  std::string buf_;
};

struct Municipality {
  int county = 0;  // index into kCounties
  std::string number;
  std::string prefix;  // "k1246."
  int group = -1;      // intermunicipal group, -1: none
  bool changing = false;
};

struct Group {
  std::vector<int> members;  // municipality indices
  std::string slug;          // "vestland-3"
  std::string owner;         // "Interkommunalt samarbeid Vestland 3"
};

// One kind of intermunicipal system a group of neighbours shares.
struct SharedKind {
  std::string_view suffix;
  std::string_view label;
  uint8_t keys;
  bool provides;                                 // to members; otherwise receives from them
  std::vector<std::string_view> member_domains;  // the members' main systems it connects to
  std::vector<std::string_view> fed_by;          // national registers feeding it (providers only)
  std::string_view criticality;
};

const std::vector<SharedKind>& SharedKinds() {
  static const std::vector<SharedKind> kinds = {
      {"integrasjon",
       "IKT-samarbeid integrasjonsplattform",
       kKn | kFnr | kOrgnr | kGnr,
       true,
       {"integrasjonsplattform"},
       {"folkeregisteret", "enhetsregisteret", "matrikkelen"},
       "critical"},
      {"legevakt",
       "Interkommunal legevakt",
       kFnr | kKn,
       true,
       {"helse-omsorg", "legetjeneste"},
       {"helsenett-meldingsutveksling", "folkeregisteret"},
       "critical"},
      {"brann-110", "110-sentral", kGnr | kKn, true, {"brann-feiing"}, {"matrikkelen"}, "critical"},
      {"arkivdepot",
       "Interkommunalt arkivdepot (IKA)",
       kKn | kFnr | kOrgnr | kGnr,
       false,
       {"sak-arkiv"},
       {},
       "medium"},
      {"revisjon", "Kommunerevisjon", kKn | kOrgnr, false, {"okonomi"}, {}, "medium"},
      {"renovasjon",
       "Interkommunalt renovasjonsselskap",
       kGnr | kFnr | kKn,
       false,
       {"renovasjon", "gebyr-fakturering"},
       {},
       "medium"},
  };
  return kinds;
}

int DomainIndex(std::string_view id) {
  const auto& domains = Domains();
  for (size_t d = 0; d < domains.size(); ++d)
    if (domains[d].id == id) return static_cast<int>(d);
  return -1;
}

int PlatformIndex(std::string_view vendor) {
  for (size_t v = 0; v < kPlatformVendors.size(); ++v)
    if (kPlatformVendors[v] == vendor) return static_cast<int>(v);
  return -1;
}

std::string Slug(std::string_view vendor) {
  std::string out;
  for (char c : vendor) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
      out += c;
    else if (c >= 'A' && c <= 'Z')
      out += static_cast<char>(c - 'A' + 'a');
    else if (!out.empty() && out.back() != '-')
      out += '-';
  }
  return out;
}

std::string FourDigits(int number) {
  char text[16];
  std::snprintf(text, sizeof text, "%04d", number);
  return text;
}

// The same local layout in every municipality: how many systems each domain gets, in flow
// order. The integration platform, økonomi and sak/arkiv always get at least one.
struct Layout {
  std::vector<int> domain;          // by local index
  std::vector<int> variant;         // 0: the domain's main system
  std::vector<int> first;           // by domain: local index of the main system, -1: none
  std::vector<std::string> suffix;  // by local index: "helse-omsorg-4"
};

Layout MakeLayout(int systems) {
  const auto& domains = Domains();
  const size_t n = domains.size();
  std::vector<int> count(n, 0);
  const int required[] = {DomainIndex("integrasjonsplattform"), DomainIndex("okonomi"),
                          DomainIndex("sak-arkiv")};
  for (int d : required) count[static_cast<size_t>(d)] = 1;
  int rest = systems - 3;
  int total_weight = 0;
  for (const Domain& d : domains) total_weight += d.weight;
  std::vector<std::pair<double, size_t>> remainders;
  int given = 0;
  for (size_t d = 0; d < n; ++d) {
    double share = static_cast<double>(rest) * domains[d].weight / total_weight;
    int whole = static_cast<int>(std::floor(share));
    count[d] += whole;
    given += whole;
    remainders.emplace_back(share - whole, d);
  }
  // Largest remainder first; ties by domain order.
  std::stable_sort(remainders.begin(), remainders.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  for (size_t i = 0; given < rest; ++i, ++given) ++count[remainders[i % n].second];

  Layout layout;
  layout.first.assign(n, -1);
  for (size_t d = 0; d < n; ++d) {
    for (int v = 0; v < count[d]; ++v) {
      if (v == 0) layout.first[d] = static_cast<int>(layout.domain.size());
      layout.domain.push_back(static_cast<int>(d));
      layout.variant.push_back(v);
      std::string suffix(domains[d].id);
      if (v > 0) suffix += "-" + std::to_string(v + 1);
      layout.suffix.push_back(std::move(suffix));
    }
  }
  return layout;
}

std::vector<Municipality> MakeMunicipalities(int count) {
  std::vector<int> used(kCounties.size(), 0);
  std::vector<std::pair<int, int>> order;  // (county, sequence number)
  for (size_t c = 0; c < kCounties.size(); ++c)
    for (int i = 1; i <= kCounties[c].municipalities; ++i) order.emplace_back(c, i);
  // Beyond the real 356, more municipalities are added county by county (Oslo stays one).
  for (int extra = 0; static_cast<int>(order.size()) < count; ++extra) {
    size_t c = 1 + static_cast<size_t>(extra) % (kCounties.size() - 1);
    order.emplace_back(c, kCounties[c].municipalities + 1 + extra / 14);
  }
  order.resize(static_cast<size_t>(count));
  // Counties in number order, municipalities in sequence order within them, so neighbours in
  // the list are neighbours on the map.
  std::stable_sort(order.begin(), order.end());
  std::vector<Municipality> out;
  for (auto [c, i] : order) {
    Municipality m;
    m.county = c;
    m.number = FourDigits(kCounties[static_cast<size_t>(c)].number * 100 + (c == 0 ? 1 : i));
    m.prefix = "k" + m.number + ".";
    out.push_back(std::move(m));
  }
  return out;
}

struct ChangeEntry {
  std::string from, to;
};

// Picks groups of 2-4 neighbouring municipalities in the same county that merge into a new
// number (a free number at the top of the county's range, as new municipalities got in 2020).
std::vector<ChangeEntry> MakeMergers(std::vector<Municipality>* municipalities, int merging,
                                     uint64_t seed) {
  std::vector<ChangeEntry> changes;
  auto& ms = *municipalities;
  const int n = static_cast<int>(ms.size());
  std::vector<std::unordered_set<int>> taken(kCounties.size());
  for (const Municipality& m : ms) taken[static_cast<size_t>(m.county)].insert(std::stoi(m.number));
  auto feasible = [&](int start, int size) {
    if (start + size > n) return false;
    for (int i = start; i < start + size; ++i)
      if (ms[static_cast<size_t>(i)].changing || ms[static_cast<size_t>(i)].county == 0 ||
          ms[static_cast<size_t>(i)].county != ms[static_cast<size_t>(start)].county)
        return false;
    return true;
  };
  auto merge = [&](int start, int size) {
    size_t county = static_cast<size_t>(ms[static_cast<size_t>(start)].county);
    int base = kCounties[county].number * 100;
    int number = base + 99;
    while (number > base && taken[county].count(number)) --number;
    if (number == base) return false;
    taken[county].insert(number);
    for (int i = start; i < start + size; ++i) {
      ms[static_cast<size_t>(i)].changing = true;
      changes.push_back({ms[static_cast<size_t>(i)].number, FourDigits(number)});
    }
    return true;
  };
  Rng rng(seed, kStreamMerge, 0);
  int left = merging;
  for (int attempt = 0; left > 0 && attempt < 20000; ++attempt) {
    int size = std::min(left, 2 + static_cast<int>(rng.Below(3)));
    int start = static_cast<int>(rng.Below(static_cast<uint32_t>(n)));
    if (feasible(start, size) && merge(start, size)) left -= size;
  }
  // Crowded cases (most municipalities merging): take what is left in list order.
  for (int size = std::min(left, 2); left > 0 && size >= 1; --size)
    for (int start = 0; start < n && left > 0; ++start)
      if (size <= left && feasible(start, size) && merge(start, size)) left -= size;
  return changes;
}

// Neighbours within a county form intermunicipal groups of 4-7 (a last small rest joins none
// when it is a single municipality).
std::vector<Group> MakeGroups(std::vector<Municipality>* municipalities, uint64_t seed) {
  std::vector<Group> groups;
  auto& ms = *municipalities;
  Rng rng(seed, kStreamGroups, 0);
  std::vector<int> per_county(kCounties.size(), 0);
  size_t i = 0;
  while (i < ms.size()) {
    size_t end = i;
    while (end < ms.size() && ms[end].county == ms[i].county) ++end;
    while (i < end) {
      size_t size = std::min<size_t>(4 + rng.Below(4), end - i);
      if (size >= 2) {
        Group g;
        size_t county = static_cast<size_t>(ms[i].county);
        int k = ++per_county[county];
        g.slug = std::string(kCounties[county].slug) + "-" + std::to_string(k);
        g.owner = "Interkommunalt samarbeid " + std::string(kCounties[county].name) + " " +
                  std::to_string(k);
        for (size_t j = i; j < i + size; ++j) {
          g.members.push_back(static_cast<int>(j));
          ms[j].group = static_cast<int>(groups.size());
        }
        groups.push_back(std::move(g));
      }
      i += size;
    }
  }
  return groups;
}

class Generator {
 public:
  Generator(const SynthOptions& options, std::ostream& out)
      : options_(options),
        json_(out),
        layout_(MakeLayout(options.systems_per_municipality)),
        spm_(static_cast<size_t>(options.systems_per_municipality)) {
    municipalities_ = MakeMunicipalities(options.municipalities);
    changes_ = MakeMergers(&municipalities_, options.merging, options.seed);
    groups_ = MakeGroups(&municipalities_, options.seed);
    reform_day_ = *ParseDate(options.reform_date);
    const auto& domains = Domains();
    for (const National& n : Nationals()) {
      std::vector<char> mask(domains.size(), 0);
      for (std::string_view d : n.domains) mask[static_cast<size_t>(DomainIndex(d))] = 1;
      national_domains_.push_back(std::move(mask));
    }
  }

  SynthSummary Run() {
    json_.Raw("{\n");
    json_.Field("format", "landskap/1").Raw(",\n");
    json_
        .Field("name", "Synthetic national landscape: " + std::to_string(options_.municipalities) +
                           " municipalities x " +
                           std::to_string(options_.systems_per_municipality) + " systems, seed " +
                           std::to_string(options_.seed))
        .Raw(",\n");
    json_.Str("keys").Raw(": [\n");
    for (size_t k = 0; k < kKeyIds.size(); ++k) {
      json_.Raw("  {").Field("id", kKeyIds[k]).Raw(", ");
      json_.Field("description", kKeyDescriptions[k]).Raw(k + 1 < kKeyIds.size() ? "},\n" : "}\n");
    }
    json_.Raw("],\n");
    json_.Str("systems").Raw(": [\n");
    WriteNationalSystems();
    WriteVendorSystems();
    WriteSharedSystems();
    WriteMunicipalSystems();
    json_.Raw("\n],\n");
    json_.Str("integrations").Raw(": [\n");
    for (size_t m = 0; m < municipalities_.size(); ++m) WriteMunicipalIntegrations(m);
    for (size_t g = 0; g < groups_.size(); ++g) WriteSharedIntegrations(g);
    json_.Raw("\n]");
    if (!changes_.empty()) {
      json_.Raw(",\n").Str("changes").Raw(": [\n");
      for (size_t i = 0; i < changes_.size(); ++i) {
        json_.Raw(i ? ",\n  {" : "  {").Field("key", "kommunenummer").Raw(", ");
        json_.Field("from", changes_[i].from).Raw(", ").Field("to", changes_[i].to).Raw(", ");
        json_.Field("effective", options_.reform_date).Raw("}");
      }
      json_.Raw("\n]");
      summary_.changes = changes_.size();
    }
    json_.Raw("\n}\n");
    json_.Flush();
    return summary_;
  }

 private:
  // Starts one system object: id, name, kind, owner (the caller adds the rest and "}").
  void BeginSystem(std::string_view id, std::string_view name, std::string_view kind,
                   std::string_view owner) {
    json_.Raw(summary_.systems++ ? ",\n  {" : "  {");
    json_.Field("id", id).Raw(", ").Field("name", name).Raw(", ").Field("kind", kind).Raw(", ");
    json_.Field("owner", owner);
  }

  void WriteNationalSystems() {
    for (const National& n : Nationals()) {
      BeginSystem(n.id, n.name, "national", n.owner);
      json_.Raw(", ").Str("keys").Raw(": ").Keys(n.keys).Raw(", ");
      json_.Field("criticality", n.criticality).Raw(", ").Str("cutover").Raw(": {");
      json_.Str("effort_days").Raw(": ").Number(n.effort_days);
      if (n.fixed_days_before_reform > 0)
        json_.Raw(", ").Field("fixed_date", FormatDate(reform_day_ - n.fixed_days_before_reform));
      json_.Raw("}}");
      ++summary_.national_systems;
    }
  }

  void WriteVendorSystems() {
    for (std::string_view vendor : kPlatformVendors) {
      vendor_ids_.push_back("vendor." + Slug(vendor));
      BeginSystem(vendor_ids_.back(), std::string(vendor) + " driftsplattform (SaaS)", "vendor",
                  vendor);
      json_.Raw(", ").Field("vendor", vendor).Raw(", ").Field("criticality", "high").Raw("}");
      ++summary_.vendor_systems;
    }
  }

  void WriteSharedSystems() {
    for (const Group& g : groups_) {
      for (const SharedKind& kind : SharedKinds()) {
        BeginSystem("iks." + g.slug + "." + std::string(kind.suffix),
                    std::string(kind.label) + " (" + g.owner + ")", "intermunicipal", g.owner);
        json_.Raw(", ").Field("domain", kind.suffix).Raw(", ");
        json_.Str("keys").Raw(": ").Keys(kind.keys).Raw(", ");
        json_.Field("criticality", kind.criticality).Raw(", ").Str("cutover").Raw(": {");
        json_.Str("effort_days").Raw(": ").Number(5).Raw("}}");
        ++summary_.intermunicipal_systems;
      }
    }
  }

  void WriteMunicipalSystems() {
    const auto& domains = Domains();
    static constexpr std::array<std::string_view, 3> kVariantCriticality = {"low", "medium",
                                                                            "high"};
    keys_.resize(municipalities_.size() * spm_);
    product_.resize(municipalities_.size() * spm_);
    for (size_t m = 0; m < municipalities_.size(); ++m) {
      const Municipality& mun = municipalities_[m];
      Rng rng(options_.seed, kStreamSystems, m);
      // Each municipality picks one product per domain for its main system.
      std::vector<uint8_t> main_product(domains.size());
      for (size_t d = 0; d < domains.size(); ++d)
        main_product[d] =
            static_cast<uint8_t>(rng.Below(static_cast<uint32_t>(domains[d].products.size())));
      for (size_t local = 0; local < spm_; ++local) {
        const Domain& domain = domains[static_cast<size_t>(layout_.domain[local])];
        const bool main = layout_.variant[local] == 0;
        uint8_t keys = domain.keys;
        uint8_t product = main_product[static_cast<size_t>(layout_.domain[local])];
        std::string_view criticality = domain.criticality;
        double effort = domain.effort_days;
        if (!main) {
          // Modules and smaller fag systems keep some of the domain's keys; fewer of them
          // store the kommunenummer.
          keys = 0;
          for (uint8_t bit : {kKn, kFnr, kOrgnr, kGnr})
            if ((domain.keys & bit) && rng.Chance(bit == kKn ? 0.45 : 0.7)) keys |= bit;
          if (rng.Chance(0.4))
            product =
                static_cast<uint8_t>(rng.Below(static_cast<uint32_t>(domain.products.size())));
          uint32_t c = rng.Below(20);
          criticality = kVariantCriticality[c < 8 ? 0 : c < 17 ? 1 : 2];
          effort = 0.5 * (1 + rng.Below(10));
        }
        keys_[m * spm_ + local] = keys;
        product_[m * spm_ + local] = product;
        const Product& p = domain.products[product];
        std::string name(domain.label);
        if (!main) name += " " + std::to_string(layout_.variant[local] + 1);
        name += " (" + mun.number + ")";
        BeginSystem(mun.prefix + layout_.suffix[local], name, "municipal", mun.number);
        json_.Raw(", ").Field("vendor", p.vendor).Raw(", ").Field("product", p.product);
        json_.Raw(", ").Field("domain", domain.id).Raw(", ").Str("keys").Raw(": ").Keys(keys);
        json_.Raw(", ").Field("criticality", criticality).Raw(", ").Str("cutover").Raw(": {");
        json_.Str("effort_days").Raw(": ").Number(effort);
        // Main systems that store people wait for Folkeregisteret's new numbers in test.
        if (main && (keys & kFnr) && (keys & kKn) && rng.Chance(0.3))
          json_.Raw(", ").Str("after").Raw(": [").Str("folkeregisteret").Raw("]");
        json_.Raw("}}");
        ++summary_.municipal_systems;
      }
    }
  }

  // Writes one integration; callers keep (from, to) pairs unique where it matters.
  void Edge(std::string_view from, std::string_view to, uint8_t carries, std::string_view protocol,
            std::string_view criticality = {}) {
    json_.Raw(summary_.integrations++ ? ",\n  {" : "  {");
    json_.Field("from", from).Raw(", ").Field("to", to).Raw(", ").Str("carries").Raw(": ");
    json_.Keys(carries).Raw(", ").Field("protocol", protocol);
    if (!criticality.empty()) json_.Raw(", ").Field("criticality", criticality);
    json_.Raw("}");
  }

  std::string Id(size_t m, size_t local) const {
    return municipalities_[m].prefix + layout_.suffix[local];
  }
  uint8_t Keys(size_t m, size_t local) const { return keys_[m * spm_ + local]; }

  // What an integration carries: the keys both ends hold; now and then without the
  // kommunenummer (the interface does not transport it), and now and then with it although the
  // consumer is not listed as holding it (inventories are incomplete: the number arrives in an
  // address or a case reference and is stored without anyone writing it down).
  static uint8_t Carried(uint8_t from_keys, uint8_t to_keys, Rng* rng) {
    uint8_t carries = from_keys & to_keys;
    if ((from_keys & kKn) && !(to_keys & kKn)) {
      if (rng->Chance(0.25)) carries |= kKn;
    } else if ((carries & kKn) && rng->Chance(0.2)) {
      carries &= static_cast<uint8_t>(~kKn);
    }
    return carries;
  }

  void WriteMunicipalIntegrations(size_t m) {
    static constexpr std::array<std::string_view, 8> kProtocols = {
        "REST", "REST", "REST", "SOAP", "SFTP", "database", "file", "message queue"};
    const auto& domains = Domains();
    const auto& nationals = Nationals();
    Rng rng(options_.seed, kStreamEdges, m);
    std::unordered_set<uint64_t> pairs;
    const size_t start = summary_.integrations;
    const size_t target = static_cast<size_t>(
        std::llround(static_cast<double>(spm_) * options_.integrations_per_system));
    auto local_edge = [&](size_t u, size_t v) {
      if (u == v || !pairs.insert(u << 32 | v).second) return false;
      Edge(Id(m, u), Id(m, v), Carried(Keys(m, u), Keys(m, v), &rng),
           kProtocols[rng.Below(kProtocols.size())]);
      return true;
    };
    const size_t hub = 0;
    const size_t archive = static_cast<size_t>(layout_.first[DomainIndex("sak-arkiv")]);
    const size_t economy = static_cast<size_t>(layout_.first[DomainIndex("okonomi")]);
    // The hub distributes register data; fag systems deliver to archive and economy.
    for (size_t local = 1; local < spm_; ++local) {
      if (rng.Chance(0.35)) local_edge(hub, local);
      if (local < archive && rng.Chance(0.3)) local_edge(local, archive);
      if (local < economy && rng.Chance(0.08)) local_edge(local, economy);
    }
    // National registers feed the hub and, directly, many systems of their domains; national
    // services receive reports from the main systems of theirs.
    for (size_t n = 0; n < nationals.size(); ++n) {
      const National& nat = nationals[n];
      if (nat.provides)
        Edge(nat.id, Id(m, hub), nat.keys & Keys(m, hub), nat.protocol, nat.criticality);
      for (size_t local = 1; local < spm_; ++local) {
        if (!national_domains_[n][static_cast<size_t>(layout_.domain[local])]) continue;
        const bool main = layout_.variant[local] == 0;
        if (nat.provides && rng.Chance(main ? 0.9 : 0.15))
          Edge(nat.id, Id(m, local), Carried(nat.keys, Keys(m, local), &rng), nat.protocol,
               nat.criticality);
        else if (!nat.provides && rng.Chance(main ? 1.0 : 0.03))
          Edge(Id(m, local), nat.id, Carried(Keys(m, local), nat.keys, &rng), nat.protocol,
               nat.criticality);
      }
    }
    // Vendor platforms push configuration and updates to some of their product's instances.
    for (size_t local = 0; local < spm_; ++local) {
      const Domain& domain = domains[static_cast<size_t>(layout_.domain[local])];
      int platform = PlatformIndex(domain.products[product_[m * spm_ + local]].vendor);
      if (platform >= 0 && rng.Chance(0.2))
        Edge(vendor_ids_[static_cast<size_t>(platform)], Id(m, local), 0, "REST");
    }
    // A few integrations cross into the next municipality (shared services between
    // neighbours: property data, case documents, invoices); the sender's own kommunenummer
    // often goes along. They run from the first third of the sender's flow order (registers,
    // property, fag systems) into the last third of the neighbour's (økonomi, sak/arkiv ...)
    // and always in list order, so they never close a cycle and never chain the whole country
    // into one long path of precedence.
    if (m + 1 < municipalities_.size()) {
      const uint32_t third = static_cast<uint32_t>(std::max<size_t>(1, spm_ / 3));
      for (int i = 0; i < kCrossBorderPerMunicipality; ++i) {
        // Shared services start mostly from systems that know whose data they hold.
        size_t u = rng.Below(third);
        for (int tries = 0; tries < 4 && !(Keys(m, u) & kKn); ++tries) u = rng.Below(third);
        size_t v = spm_ - 1 - rng.Below(third);
        uint8_t carries = Carried(Keys(m, u), Keys(m + 1, v), &rng);
        if ((Keys(m, u) & kKn) && rng.Chance(0.5)) carries |= kKn;
        Edge(Id(m, u), Id(m + 1, v), carries, kProtocols[rng.Below(kProtocols.size())]);
      }
    }
    // The rest: integrations between the municipality's own systems, mostly to a nearby
    // system in flow order (same or next domain), sometimes further; one in 200 goes back a
    // short way and so closes a small cycle.
    const size_t n = spm_;
    for (size_t attempts = 0; summary_.integrations - start < target && attempts < 50 * target;
         ++attempts) {
      if (n < 2) break;
      size_t u = rng.Below(static_cast<uint32_t>(n - 1));
      size_t v = rng.Chance(0.6) ? u + 1 + rng.Below(12)
                                 : u + 1 + rng.Below(static_cast<uint32_t>(n - 1 - u));
      if (v >= n) continue;
      if (v - u <= 6 && rng.Chance(0.005)) std::swap(u, v);
      local_edge(u, v);
    }
  }

  void WriteSharedIntegrations(size_t g) {
    const Group& group = groups_[g];
    Rng rng(options_.seed, kStreamShared, g);
    for (const SharedKind& kind : SharedKinds()) {
      std::string id = "iks." + group.slug + "." + std::string(kind.suffix);
      for (std::string_view national : kind.fed_by) {
        for (const National& nat : Nationals())
          if (nat.id == national) Edge(nat.id, id, nat.keys & kind.keys, nat.protocol, "high");
      }
      for (int member : group.members) {
        size_t m = static_cast<size_t>(member);
        for (std::string_view domain : kind.member_domains) {
          int local = layout_.first[DomainIndex(domain)];
          if (local < 0) continue;
          uint8_t carries = Carried(kind.keys, Keys(m, static_cast<size_t>(local)), &rng);
          if (kind.provides)
            Edge(id, Id(m, static_cast<size_t>(local)), carries, "REST", kind.criticality);
          else
            Edge(Id(m, static_cast<size_t>(local)), id, carries, "SFTP", kind.criticality);
        }
      }
    }
  }

  const SynthOptions& options_;
  JsonOut json_;
  Layout layout_;
  size_t spm_;
  std::vector<Municipality> municipalities_;
  std::vector<ChangeEntry> changes_;
  std::vector<Group> groups_;
  std::vector<std::vector<char>> national_domains_;  // by national: domain mask
  std::vector<uint8_t> keys_;                        // by m * spm + local
  std::vector<uint8_t> product_;                     // by m * spm + local
  std::vector<std::string> vendor_ids_;              // by platform vendor
  DayNumber reform_day_ = 0;
  SynthSummary summary_;
};

}  // namespace

std::string CheckSynthOptions(const SynthOptions& options) {
  if (options.municipalities < 1 || options.municipalities > kMaxMunicipalities)
    return "the number of municipalities must be between 1 and " +
           std::to_string(kMaxMunicipalities);
  if (options.systems_per_municipality < 3 ||
      options.systems_per_municipality > kMaxSystemsPerMunicipality)
    return "systems per municipality must be between 3 (integration platform, økonomi, "
           "sak/arkiv) and " +
           std::to_string(kMaxSystemsPerMunicipality);
  if (!(options.integrations_per_system >= 0) || options.integrations_per_system > 100)
    return "integrations per system must be between 0 and 100";
  if (options.merging < 0 || options.merging > options.municipalities)
    return "the number of merging municipalities must be between 0 and the number of "
           "municipalities";
  if (!ParseDate(options.reform_date))
    return "'" + options.reform_date + "' is not a date; write YYYY-MM-DD, e.g. 2020-01-01";
  return "";
}

SynthSummary WriteSyntheticLandscape(const SynthOptions& options, std::ostream& out) {
  return Generator(options, out).Run();
}

}  // namespace landskap
