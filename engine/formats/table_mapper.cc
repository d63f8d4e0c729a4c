// Inventory tables → Landscape. Two passes over the systems (explicit ids first, so that an id
// made from a name never takes an id a later row gives), then the references: "Etter" lists and
// the integrations' Fra/Til, by id or by name, with systems from an offered list (the
// template's national systems) taken in when they are named.
#include "engine/formats/table_mapper.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <iterator>
#include <map>
#include <set>
#include <unordered_map>

#include "engine/file/catalogue.h"
#include "engine/file/load.h"
#include "engine/formats/key_words.h"
#include "engine/model/suggest.h"
#include "engine/model/text.h"

namespace landskap {
namespace {

// The ASCII a Latin letter folds to, or "" for anything that is not a letter or digit.
std::string_view FoldCodePoint(char32_t cp) {
  static const char* const kLatin1[64] = {
      "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i",  "i",   // C0-CF
      "d", "n", "o", "o", "o", "o", "o",  "",  "o", "u", "u", "u", "u", "y", "th", "ss",  // D0-DF
      "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i",  "i",   // E0-EF
      "d", "n", "o", "o", "o", "o", "o",  "",  "o", "u", "u", "u", "u", "y", "th", "y"};  // F0-FF
  static const char kDigits[] = "0123456789";
  static const char kLower[] = "abcdefghijklmnopqrstuvwxyz";
  if (cp >= '0' && cp <= '9') return std::string_view(kDigits + (cp - '0'), 1);
  if (cp >= 'a' && cp <= 'z') return std::string_view(kLower + (cp - 'a'), 1);
  if (cp >= 'A' && cp <= 'Z') return std::string_view(kLower + (cp - 'A'), 1);
  if (cp >= 0xC0 && cp <= 0xFF) return kLatin1[cp - 0xC0];
  switch (cp) {  // Latin Extended-A letters seen in Nordic and Sami names
    case 0x0101:
    case 0x0103:
    case 0x0105:
    case 0x0100:
    case 0x0102:
    case 0x0104:
      return "a";
    case 0x010D:
    case 0x010C:
    case 0x0107:
    case 0x0106:
      return "c";
    case 0x0111:
    case 0x0110:
      return "d";
    case 0x0113:
    case 0x0112:
    case 0x0119:
    case 0x0118:
    case 0x011B:
    case 0x011A:
      return "e";
    case 0x014B:
    case 0x014A:
    case 0x0144:
    case 0x0143:
    case 0x0148:
    case 0x0147:
      return "n";
    case 0x0161:
    case 0x0160:
    case 0x015B:
    case 0x015A:
      return "s";
    case 0x0167:
    case 0x0166:
      return "t";
    case 0x017E:
    case 0x017D:
    case 0x017A:
    case 0x0179:
    case 0x017C:
    case 0x017B:
      return "z";
    case 0x0153:
    case 0x0152:
      return "oe";
    default:
      return "";
  }
}

std::vector<std::string> SplitList(std::string_view text) {
  std::vector<std::string> out;
  size_t start = 0;
  for (size_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || text[i] == ',' || text[i] == ';' || text[i] == '\n') {
      std::string part = Trim(text.substr(start, i - start));
      if (!part.empty()) out.push_back(std::move(part));
      start = i + 1;
    }
  }
  return out;
}

enum Field {
  kId,
  kName,
  kKind,
  kOwner,
  kVendor,
  kProduct,
  kDomain,
  kKeys,
  kCriticality,
  kEffort,
  kAfter,
  kFixed,
  kFrom,
  kTo,
  kCarries,
  kProtocol,
  kSource,
  kFieldCount
};

struct FieldInfo {
  Field field;
  const char* header;                    // as the template writes it (Norwegian)
  std::vector<std::string_view> folded;  // header spellings, folded
};

const std::vector<FieldInfo>& Fields() {
  static const std::vector<FieldInfo> fields = {
      {kId, "ID", {"id"}},
      {kName, "System", {"system", "navn", "name"}},
      {kKind, "Type", {"type", "kind"}},
      {kOwner, "Eier", {"eier", "owner"}},
      {kVendor, "Leverandør", {"leverandor", "vendor"}},
      {kProduct, "Produkt", {"produkt", "product"}},
      {kDomain, "Domene", {"domene", "fagomrade", "domain"}},
      {kKeys, "Nøkler", {"nokler", "keys"}},
      {kCriticality, "Kritikalitet", {"kritikalitet", "criticality"}},
      {kEffort, "Innsats (dager)", {"innsatsdager", "effortdays"}},
      {kAfter, "Etter", {"etter", "after"}},
      {kFixed, "Fast dato", {"fastdato", "fixeddate"}},
      {kFrom, "Fra", {"fra", "from"}},
      {kTo, "Til", {"til", "to"}},
      {kCarries, "Bærer", {"baerer", "barer", "carries"}},
      {kProtocol, "Protokoll", {"protokoll", "protocol"}},
      {kSource, "Kilde", {"kilde", "source"}},
  };
  return fields;
}

constexpr std::array<Field, 13> kSystemFields = {kId,      kName,   kKind,  kOwner,       kVendor,
                                                 kProduct, kDomain, kKeys,  kCriticality, kEffort,
                                                 kAfter,   kFixed,  kSource};
constexpr std::array<Field, 7> kIntegrationFields = {kId,       kFrom,        kTo,    kCarries,
                                                     kProtocol, kCriticality, kSource};

std::optional<Field> MatchHeader(std::string_view text, TableRole role) {
  std::string folded = FoldForMatch(text);
  if (folded.empty()) return std::nullopt;
  for (const FieldInfo& f : Fields()) {
    bool allowed =
        role == TableRole::kSystems
            ? std::find(kSystemFields.begin(), kSystemFields.end(), f.field) != kSystemFields.end()
            : std::find(kIntegrationFields.begin(), kIntegrationFields.end(), f.field) !=
                  kIntegrationFields.end();
    if (!allowed) continue;
    for (std::string_view s : f.folded)
      if (s == folded) return f.field;
  }
  return std::nullopt;
}

const char* HeaderName(Field field) {
  for (const FieldInfo& f : Fields())
    if (f.field == field) return f.header;
  return "";
}

// The header row: among the first rows, the one that names the most known columns.
constexpr size_t kHeaderSearchRows = 10;

struct Header {
  size_t row = 0;
  std::array<std::optional<size_t>, kFieldCount> column;  // field → column index
  size_t matched = 0;
};

Header FindHeader(const Table& table, TableRole role) {
  Header best;
  for (size_t r = 0; r < table.rows.size() && r < kHeaderSearchRows; ++r) {
    Header h;
    h.row = r;
    for (const TableCell& cell : table.rows[r].cells) {
      std::optional<Field> f = MatchHeader(cell.text, role);
      if (!f || h.column[*f]) continue;
      h.column[*f] = cell.index;
      ++h.matched;
    }
    if (h.matched > best.matched) best = h;
  }
  return best;
}

bool RowEmpty(const TableRow& row) {
  for (const TableCell& c : row.cells)
    if (!Trim(c.text).empty()) return false;
  return true;
}

std::optional<Kind> ParseKindCell(std::string_view text) {
  static const std::map<std::string, Kind, std::less<>> kinds = {
      {"nasjonal", Kind::kNational},
      {"national", Kind::kNational},
      {"kommunal", Kind::kMunicipal},
      {"municipal", Kind::kMunicipal},
      {"interkommunal", Kind::kIntermunicipal},
      {"intermunicipal", Kind::kIntermunicipal},
      {"leverandor", Kind::kVendor},
      {"vendor", Kind::kVendor}};
  auto it = kinds.find(FoldForMatch(text));
  if (it == kinds.end()) return std::nullopt;
  return it->second;
}

std::optional<Criticality> ParseCriticalityCell(std::string_view text) {
  static const std::map<std::string, Criticality, std::less<>> levels = {
      {"lav", Criticality::kLow},          {"low", Criticality::kLow},
      {"middels", Criticality::kMedium},   {"medium", Criticality::kMedium},
      {"hoy", Criticality::kHigh},         {"high", Criticality::kHigh},
      {"kritisk", Criticality::kCritical}, {"critical", Criticality::kCritical}};
  auto it = levels.find(FoldForMatch(text));
  if (it == levels.end()) return std::nullopt;
  return it->second;
}

// One mapping run: the state shared by the systems, the offered list and the integrations.
// The id of the catalogue system `text` names: its id as written, or its id or name with case
// and accents ignored ("Altinn", "ks svarut"). Names two entries share pick none.
std::optional<std::string> CatalogueId(const std::string& text, const std::string& folded) {
  static const std::unordered_map<std::string, std::string> by_folded = [] {
    std::unordered_map<std::string, std::string> out;
    std::set<std::string> shared;
    for (const System& s : Catalogue().systems)
      for (const std::string* t : {&s.id, &s.name}) {
        std::string f = FoldForMatch(*t);
        if (f.empty()) continue;
        auto [it, fresh] = out.emplace(f, s.id);
        if (!fresh && it->second != s.id) shared.insert(f);
      }
    for (const std::string& f : shared) out.erase(f);
    return out;
  }();
  if (Catalogue().FindSystem(text)) return text;
  if (auto it = by_folded.find(folded); !folded.empty() && it != by_folded.end()) return it->second;
  return std::nullopt;
}

class Mapper {
 public:
  Mapper(Landscape* landscape, ImportReport* report, Diagnostics* diagnostics)
      : landscape_(landscape), report_(report), out_(diagnostics) {
    for (SystemIndex i = 0; i < landscape_->systems.size(); ++i) IndexSystem(i);
  }

  void ReadSystems(const Table& table, bool offered);
  void ResolveAfter();
  void ReadIntegrations(const Table& table);
  void Finish();

 private:
  struct Pending {
    const Table* table = nullptr;
    size_t row = 0;
    System system;
    bool id_given = false;
    size_t id_column = 0, name_column = 0;
    std::vector<std::pair<std::string, std::string>> after;  // text, place
    std::vector<std::string> keys;                           // interned when the system is taken
  };

  void Error(const Table& table, std::string place, std::string message) {
    Diagnostics d(table.file);
    d.Error(std::move(place), std::move(message));
    out_->Append(d);
    ok_ = false;
  }
  std::string Cell(const Table& table, size_t row, std::optional<size_t> column) const {
    const TableCell* cell = column ? table.rows[row].Find(*column) : nullptr;
    return cell ? Trim(cell->text) : "";
  }
  std::string Place(const Table& table, size_t row, std::optional<size_t> column) const {
    return table.Place(row, column.value_or(0));
  }
  std::optional<Header> HeaderOf(const Table& table, TableRole role);
  std::vector<std::string> ReadKeys(const Table& table, size_t row, std::optional<size_t> column);
  // The criticality cell into *out when it is filled in; false (with the error) when it is not a
  // level landskap knows.
  bool ReadCriticality(const Table& table, size_t row, std::optional<size_t> column,
                       Criticality* out);
  void NoteEmptyRows(const Table& table, size_t empty) {
    if (empty > 0)
      report_->notes.push_back(table.name + ": " + std::to_string(empty) +
                               (empty == 1 ? " empty row" : " empty rows") + " passed over");
  }
  void Intern(const std::vector<std::string>& names, std::vector<KeyIndex>* keys);
  void IndexSystem(SystemIndex i);
  std::optional<SystemIndex> Resolve(const std::string& text, const Table& table,
                                     const std::string& place);
  // Moves the pending system into the landscape (its `after` and place stay for ResolveAfter).
  SystemIndex Add(Pending& pending);
  // Rows of `table` without an ID that name the same system (the same name, owner, vendor and
  // product) are an error naming both rows, and the later one is left out; rows of the same name
  // that differ in one of those columns are two systems, and a note says which column tells
  // them apart.
  void FindTwiceListed(const Table& table, const Header& header);

  Landscape* landscape_;
  ImportReport* report_;
  Diagnostics* out_;
  bool ok_ = true;
  std::vector<Pending> systems_;  // read, not yet added
  std::vector<Pending> offered_;
  std::vector<bool> offered_taken_;
  std::vector<std::pair<SystemIndex, size_t>> added_;  // landscape index, index in systems_
  std::unordered_map<std::string, std::vector<SystemIndex>> by_folded_;
  // The offered systems by exact id and by folded id or name, built on first use.
  std::unordered_map<std::string, size_t> offered_by_id_;
  std::unordered_map<std::string, size_t> offered_by_folded_;
  bool offered_indexed_ = false;
  // Every id and name seen, for "did you mean": kept as they grow, not rebuilt per unknown
  // name (a deque does not move its strings, so the views stay valid).
  std::deque<std::string> name_store_;
  std::vector<std::string_view> names_;
  void AddName(const std::string& name) {
    if (name.empty()) return;
    name_store_.push_back(name);
    names_.push_back(name_store_.back());
  }
  std::set<KeyIndex> keys_used_;
  // "written\x1fread as" → the first place and how many cells: told once in the report.
  std::map<std::string, std::pair<std::string, size_t>> renamed_keys_;
  size_t systems_taken_ = 0, integrations_taken_ = 0, unpicked_ = 0;
  std::vector<std::string> picked_;
  std::vector<std::string> from_catalogue_;  // ids taken from the national catalogue
  SuggestionBudget budget_;
};

std::optional<Header> Mapper::HeaderOf(const Table& table, TableRole role) {
  Header h = FindHeader(table, role);
  std::string where =
      table.kind == Table::Kind::kSheet ? "the sheet '" + table.name + "'" : table.name;
  bool has_needed = role == TableRole::kSystems ? (h.column[kName] || h.column[kId])
                                                : (h.column[kFrom] && h.column[kTo]);
  if (!has_needed) {
    std::string seen;
    if (!table.rows.empty())
      for (const TableCell& c : table.rows[h.row].cells)
        if (!Trim(c.text).empty()) seen += (seen.empty() ? "'" : ", '") + Trim(c.text) + "'";
    std::string want =
        role == TableRole::kSystems
            ? "a column 'System' (or 'Navn', 'Name') or 'ID'"
            : (!h.column[kFrom] ? "a column 'Fra' (or 'From')" : "a column 'Til' (or 'To')");
    Error(table, table.rows.empty() ? "" : table.Place(h.row, 0),
          where + " has no header row with " + want +
              (seen.empty() ? std::string(" (it is empty)") : "; its first row has " + seen));
    return std::nullopt;
  }
  // Columns landskap does not read are told, so a misspelt header does not go unnoticed.
  std::array<bool, kFieldCount> seen{};
  for (const TableCell& cell : table.rows[h.row].cells) {
    size_t c = cell.index;
    std::string text = Trim(cell.text);
    if (text.empty()) continue;
    std::optional<Field> f = MatchHeader(text, role);
    if (f && !seen[*f]) {
      seen[*f] = true;
      continue;
    }
    std::string reason =
        f ? std::string("a second '") + HeaderName(*f) + "' column; only the first is read"
          : "not a column landskap reads";
    report_->skipped.push_back({table.ReportPlace(h.row, c), "column '" + text + "'", reason});
  }
  return h;
}

std::vector<std::string> Mapper::ReadKeys(const Table& table, size_t row,
                                          std::optional<size_t> column) {
  std::vector<std::string> names;
  for (std::string& k : SplitList(Cell(table, row, column))) {
    // One vocabulary (engine/formats/key_words.h): gnr/bnr is gnr-bnr, fødselsnummer is fnr,
    // and "fnr/kommunenummer" or "gnr/bnr og kommunenummer" is two keys.
    std::vector<std::string> keys = KeysOfItem(k);
    if (!std::all_of(keys.begin(), keys.end(), IsWellFormedId)) {
      Error(table, Place(table, row, column),
            "'" + VisibleText(k) +
                "' is not a key name: a key is one word of letters, digits and . _ - : / @ + "
                "(e.g. kommunenummer); separate several with , or ;");
      continue;
    }
    if (keys.size() > 1) {
      std::string list;
      for (size_t i = 0; i < keys.size(); ++i)
        list += (i == 0 ? "" : i + 1 == keys.size() ? " and " : ", ") + keys[i];
      Diagnostics d(table.file);
      d.Warning(Place(table, row, column), "'" + VisibleText(k) + "' is read as " +
                                               std::to_string(keys.size()) + " keys, " + list +
                                               "; separate keys with a comma");
      out_->Append(d);
    } else if (keys.front() != k) {
      auto [it, first] = renamed_keys_.try_emplace(k + "\x1f" + keys.front(),
                                                   table.ReportPlace(row, column.value_or(0)), 0);
      ++it->second.second;
      (void)first;
    }
    for (std::string& key : keys) names.push_back(std::move(key));
  }
  return names;
}

void Mapper::Intern(const std::vector<std::string>& names, std::vector<KeyIndex>* keys) {
  for (const std::string& k : names) {
    KeyIndex key = landscape_->InternKey(k);
    keys->push_back(key);
    keys_used_.insert(key);
  }
  std::sort(keys->begin(), keys->end());
  keys->erase(std::unique(keys->begin(), keys->end()), keys->end());
}

bool Mapper::ReadCriticality(const Table& table, size_t row, std::optional<size_t> column,
                             Criticality* out) {
  std::string k = Cell(table, row, column);
  if (k.empty()) return true;
  if (auto c = ParseCriticalityCell(k)) {
    *out = *c;
    return true;
  }
  Error(table, Place(table, row, column),
        "unknown criticality '" + VisibleText(k) +
            "'; write lav, middels, høy or kritisk (or low, medium, high, critical)");
  return false;
}

void Mapper::ReadSystems(const Table& table, bool offered) {
  std::optional<Header> header = HeaderOf(table, TableRole::kSystems);
  if (!header) return;
  const auto& col = header->column;
  size_t empty = table.empty_rows_at_end;
  for (size_t r = header->row + 1; r < table.rows.size(); ++r) {
    empty += table.rows[r].empty_before;
    if (RowEmpty(table.rows[r])) {
      ++empty;
      continue;
    }
    Pending p;
    p.table = &table;
    p.row = r;
    p.id_column = col[kId].value_or(col[kName].value_or(0));
    p.name_column = col[kName].value_or(p.id_column);
    System& s = p.system;
    s.id = Cell(table, r, col[kId]);
    s.name = Cell(table, r, col[kName]);
    p.id_given = !s.id.empty();
    if (s.id.empty() && s.name.empty()) {
      Error(table, Place(table, r, col[kName] ? col[kName] : col[kId]),
            "this row has no system name; fill it in, or delete the row");
      continue;
    }
    if (p.id_given && !IsWellFormedId(s.id)) {
      Error(table, Place(table, r, col[kId]),
            "'" + VisibleText(s.id) +
                "' is not an id: an id is one word of letters, digits and . _ - : / @ + (e.g. "
                "fjell.sak-arkiv); leave the cell empty to have one made from the name");
      continue;
    }
    if (std::string k = Cell(table, r, col[kKind]); !k.empty()) {
      if (auto kind = ParseKindCell(k))
        s.kind = *kind;
      else
        Error(table, Place(table, r, col[kKind]),
              "unknown type '" + VisibleText(k) +
                  "'; write kommunal, interkommunal, nasjonal or leverandør (or municipal, "
                  "intermunicipal, national, vendor)");
    }
    s.owner = Cell(table, r, col[kOwner]);
    // Excel drops the leading zero of a kommunenummer typed as a number (0301 → 301).
    if (const TableCell* owner = col[kOwner] ? table.rows[r].Find(*col[kOwner]) : nullptr) {
      const TableCell& c = *owner;
      if (c.number && c.value >= 1 && c.value < 1000 && c.value == std::floor(c.value)) {
        s.owner = std::string(4 - s.owner.size(), '0') + s.owner;
      }
    }
    s.vendor = Cell(table, r, col[kVendor]);
    s.product = Cell(table, r, col[kProduct]);
    s.domain = Cell(table, r, col[kDomain]);
    s.source = Cell(table, r, col[kSource]);
    p.keys = ReadKeys(table, r, col[kKeys]);
    ReadCriticality(table, r, col[kCriticality], &s.criticality);
    if (const TableCell* effort = col[kEffort] ? table.rows[r].Find(*col[kEffort]) : nullptr) {
      const TableCell& c = *effort;
      std::string text = Trim(c.text);
      if (!text.empty()) {
        double days = c.value;
        bool read = c.number;
        if (!read) {
          std::replace(text.begin(), text.end(), ',', '.');
          char* end = nullptr;
          days = std::strtod(text.c_str(), &end);
          read = end != text.c_str() && *end == '\0';
        }
        if (!read || !std::isfinite(days) || days < 0)
          Error(table, Place(table, r, col[kEffort]),
                "'" + VisibleText(Trim(c.text)) +
                    "' is not a number of working days; write a number such as 10 or 2,5");
        else
          s.cutover.effort_days = days;
      }
    }
    if (const TableCell* fixed = col[kFixed] ? table.rows[r].Find(*col[kFixed]) : nullptr) {
      const TableCell& c = *fixed;
      if (!Trim(c.text).empty()) {
        if (auto day = CellDate(c, table.date1904))
          s.cutover.fixed_date = day;
        else
          Error(table, Place(table, r, col[kFixed]),
                "'" + VisibleText(Trim(c.text)) +
                    "' is not a date; write it as 2020-01-01 or 01.01.2020");
      }
    }
    for (std::string& a : SplitList(Cell(table, r, col[kAfter])))
      p.after.emplace_back(std::move(a), Place(table, r, col[kAfter]));
    (offered ? offered_ : systems_).push_back(std::move(p));
  }
  NoteEmptyRows(table, empty);
  if (offered) {
    offered_taken_.resize(offered_.size(), false);
    return;
  }
  FindTwiceListed(table, *header);
  // Ids: the given ones first, so that an id made from a name never takes one a later row
  // gives; made ones get -2, -3 ... in row order, which keeps them stable.
  std::set<std::string> taken;
  for (const System& s : landscape_->systems) taken.insert(s.id);
  for (const Pending& p : systems_)
    if (p.id_given) taken.insert(p.system.id);
  for (Pending& p : systems_) {
    if (p.id_given || !p.system.id.empty()) continue;
    std::string base = IdFromName(p.system.name);
    std::string id = base;
    for (int n = 2; taken.count(id); ++n) id = base + "-" + std::to_string(n);
    taken.insert(id);
    p.system.id = id;
  }
  std::map<std::string, std::string> first_place;
  for (size_t i = 0; i < systems_.size(); ++i) {
    Pending& p = systems_[i];
    if (p.table != &table) continue;
    std::string place = p.table->Place(p.row, p.id_given ? p.id_column : p.name_column);
    if (landscape_->FindSystem(p.system.id)) {
      auto it = first_place.find(p.system.id);
      Error(*p.table, place,
            "the id '" + p.system.id + "' is used twice" +
                (it != first_place.end() ? " (first at " + it->second + ")"
                                         : " (an earlier source has it)") +
                "; give each system its own id");
      continue;
    }
    first_place[p.system.id] = place;
    SystemIndex index = Add(p);
    added_.emplace_back(index, i);
  }
}

void Mapper::FindTwiceListed(const Table& table, const Header& header) {
  const auto& col = header.column;
  // The columns that make two rows of one name two systems, with the header the user wrote.
  const Field telling[] = {kOwner, kVendor, kProduct};
  std::map<std::string, size_t> first;  // folded name → index in systems_ of its first row
  std::vector<Pending> kept;
  kept.reserve(systems_.size());
  for (size_t i = 0; i < systems_.size(); ++i) {
    Pending& p = systems_[i];
    std::string folded = FoldForMatch(p.system.name);
    if (p.table != &table || p.id_given || folded.empty()) {
      kept.push_back(std::move(p));
      continue;
    }
    auto [it, is_first] = first.emplace(folded, kept.size());
    if (is_first) {
      kept.push_back(std::move(p));
      continue;
    }
    const Pending& earlier = kept[it->second];
    std::string here = table.Place(p.row, p.name_column);
    std::string there = table.Place(earlier.row, earlier.name_column);
    std::string differs;
    for (Field f : telling) {
      auto field_of = [f](const System& s) -> const std::string& {
        return f == kOwner ? s.owner : f == kVendor ? s.vendor : s.product;
      };
      const std::string &a = field_of(earlier.system), &b = field_of(p.system);
      if (a == b) continue;
      std::string header_text = Cell(table, header.row, col[f]);
      differs = "'" + header_text + "' differs: " + (a.empty() ? "(empty)" : "'" + a + "'") +
                " and " + (b.empty() ? "(empty)" : "'" + b + "'");
      break;
    }
    if (differs.empty()) {
      std::string owner =
          earlier.system.owner.empty() ? "" : " (owner " + earlier.system.owner + ")";
      Error(table, here,
            "'" + VisibleText(p.system.name) + "'" + owner + " is listed twice, at " + there +
                " and here; delete one of the rows, or, when they are two systems, give each its "
                "own ID (or tell them apart by Eier, Leverandør or Produkt)");
      continue;  // left out: the rest of the sheet is still checked
    }
    report_->notes.push_back(here + ": '" + p.system.name + "' is taken as a second system next " +
                             "to " + there + " (" + differs + ")");
    kept.push_back(std::move(p));
  }
  systems_ = std::move(kept);
}

SystemIndex Mapper::Add(Pending& pending) {
  Intern(pending.keys, &pending.system.keys);
  std::string id = pending.system.id;  // later tables' id rules look at the ids taken
  SystemIndex index = *landscape_->AddSystem(std::move(pending.system));
  pending.system = System{};
  pending.system.id = std::move(id);
  IndexSystem(index);
  return index;
}

void Mapper::IndexSystem(SystemIndex i) {
  const System& s = landscape_->systems[i];
  for (const std::string* text : {&s.id, &s.name}) {
    std::string folded = FoldForMatch(*text);
    if (folded.empty()) continue;
    std::vector<SystemIndex>& list = by_folded_[folded];
    if (std::find(list.begin(), list.end(), i) == list.end()) list.push_back(i);
  }
  AddName(s.id);
  AddName(s.name);
}

std::optional<SystemIndex> Mapper::Resolve(const std::string& text, const Table& table,
                                           const std::string& place) {
  if (auto i = landscape_->FindSystem(text)) return i;
  std::string folded = FoldForMatch(text);
  if (!folded.empty()) {
    if (auto it = by_folded_.find(folded); it != by_folded_.end()) {
      if (it->second.size() == 1) return it->second.front();
      std::string ids;
      for (SystemIndex i : it->second) ids += (ids.empty() ? "" : ", ") + landscape_->systems[i].id;
      Error(table, place,
            "'" + VisibleText(text) + "' fits several systems (" + ids +
                "); name the one you mean by its id");
      return std::nullopt;
    }
  }
  // A system from the offered list (the template's national systems), taken in on first use.
  if (!offered_indexed_) {
    offered_indexed_ = true;
    for (size_t i = 0; i < offered_.size(); ++i) {
      const System& s = offered_[i].system;
      offered_by_id_.emplace(s.id, i);
      for (const std::string* t : {&s.id, &s.name})
        if (std::string f = FoldForMatch(*t); !f.empty()) offered_by_folded_.emplace(f, i);
      AddName(s.id);
      AddName(s.name);
    }
  }
  std::optional<size_t> pick;
  if (auto it = offered_by_id_.find(text); it != offered_by_id_.end()) pick = it->second;
  if (auto it = offered_by_folded_.find(folded);
      !pick && !folded.empty() && it != offered_by_folded_.end())
    pick = it->second;
  if (pick && !offered_taken_[*pick]) {
    Pending p = offered_[*pick];
    if (p.system.id.empty()) p.system.id = IdFromName(p.system.name);
    if (auto existing = landscape_->FindSystem(p.system.id)) return existing;
    offered_taken_[*pick] = true;
    picked_.push_back(p.system.id);
    return Add(p);
  }
  // A national system the tables name without defining it: the built-in catalogue's.
  if (std::optional<std::string> id = CatalogueId(text, folded)) {
    if (auto existing = landscape_->FindSystem(*id)) return existing;
    if (std::optional<SystemIndex> added = AddCatalogueSystem(*id, landscape_)) {
      IndexSystem(*added);
      from_catalogue_.push_back(*id);
      return added;
    }
  }
  Error(table, place,
        "unknown system '" + VisibleText(text) + "'" + DidYouMean(text, names_, &budget_));
  return std::nullopt;
}

void Mapper::ResolveAfter() {
  for (auto& [index, pending] : added_) {
    Pending& p = systems_[pending];
    std::vector<SystemIndex> after;
    for (const auto& [text, place] : p.after) {
      std::optional<SystemIndex> a = Resolve(text, *p.table, place);
      if (!a) continue;
      if (*a == index) {
        Error(*p.table, place, "a system cannot wait for itself ('" + VisibleText(text) + "')");
        continue;
      }
      if (std::find(after.begin(), after.end(), *a) == after.end()) after.push_back(*a);
    }
    landscape_->systems[index].cutover.after = std::move(after);
  }
  systems_taken_ += added_.size();
  added_.clear();
}

void Mapper::ReadIntegrations(const Table& table) {
  std::optional<Header> header = HeaderOf(table, TableRole::kIntegrations);
  if (!header) return;
  const auto& col = header->column;
  size_t empty = table.empty_rows_at_end;
  for (size_t r = header->row + 1; r < table.rows.size(); ++r) {
    empty += table.rows[r].empty_before;
    if (RowEmpty(table.rows[r])) {
      ++empty;
      continue;
    }
    Integration in;
    std::string from = Cell(table, r, col[kFrom]), to = Cell(table, r, col[kTo]);
    bool row_ok = true;
    if (from.empty()) {
      Error(table, Place(table, r, col[kFrom]),
            "this integration has no 'Fra' (the system that provides the data); fill it in, or "
            "delete the row");
      row_ok = false;
    }
    if (to.empty()) {
      Error(table, Place(table, r, col[kTo]),
            "this integration has no 'Til' (the system that receives the data); fill it in, or "
            "delete the row");
      row_ok = false;
    }
    std::optional<SystemIndex> f, t;
    if (!from.empty()) f = Resolve(from, table, Place(table, r, col[kFrom]));
    if (!to.empty()) t = Resolve(to, table, Place(table, r, col[kTo]));
    if (!f || !t) row_ok = false;
    if (row_ok && *f == *t) {
      Error(table, Place(table, r, col[kTo]),
            "an integration from '" + VisibleText(from) +
                "' to itself; 'Til' should name another "
                "system");
      row_ok = false;
    }
    in.id = Cell(table, r, col[kId]);
    if (!in.id.empty() && !IsWellFormedId(in.id)) {
      Error(table, Place(table, r, col[kId]),
            "'" + VisibleText(in.id) +
                "' is not an id: one word of letters, digits and . _ - : / @ +; or leave it empty");
      row_ok = false;
    }
    Intern(ReadKeys(table, r, col[kCarries]), &in.carries);
    in.protocol = Cell(table, r, col[kProtocol]);
    in.source = Cell(table, r, col[kSource]);
    if (!ReadCriticality(table, r, col[kCriticality], &in.criticality)) row_ok = false;
    if (!row_ok) continue;
    in.from = *f;
    in.to = *t;
    std::string id = in.id;
    if (!landscape_->AddIntegration(std::move(in))) {
      Error(table, Place(table, r, col[kId]),
            "the integration id '" + id +
                "' is used twice; give each its own id or leave it "
                "empty");
      continue;
    }
    ++integrations_taken_;
  }
  NoteEmptyRows(table, empty);
}

void Mapper::Finish() {
  for (const auto& [pair, where] : renamed_keys_) {
    size_t cut = pair.find('\x1f');
    report_->notes.push_back(
        "The key '" + pair.substr(0, cut) + "' is read as " + pair.substr(cut + 1) +
        ", the national catalogue's name (" + where.first +
        (where.second > 1 ? " and " + std::to_string(where.second - 1) + " more cells"
                          : std::string()) +
        ")");
  }
  report_->taken["systems"] += systems_taken_;
  report_->taken["integrations"] += integrations_taken_;
  if (!keys_used_.empty()) report_->taken["keys"] += keys_used_.size();
  if (!picked_.empty()) {
    std::string list;
    for (const std::string& id : picked_) list += (list.empty() ? "" : ", ") + id;
    report_->taken["systems from the list of national systems"] += picked_.size();
    report_->notes.push_back(
        "Taken from the list of national systems because the tables name "
        "them: " +
        list);
  }
  if (!from_catalogue_.empty()) {
    std::string list;
    for (const std::string& id : from_catalogue_) list += (list.empty() ? "" : ", ") + id;
    report_->taken["systems from the national catalogue"] += from_catalogue_.size();
    report_->notes.push_back("Taken from the national catalogue because the tables name them: " +
                             list);
  }
  for (size_t i = 0; i < offered_.size(); ++i)
    if (!offered_taken_[i]) ++unpicked_;
  if (unpicked_ > 0)
    report_->notes.push_back(std::to_string(unpicked_) +
                             " national systems in the list were not named by any row and were "
                             "left out (as intended: only those used are taken)");
}

}  // namespace

std::string Table::Place(size_t row, size_t column) const {
  if (kind == Kind::kSheet)
    return SheetPlace(name, row < rows.size() ? rows[row].line : row + 1, column);
  if (row >= rows.size()) return std::to_string(row + 1) + ":1";
  const TableRow& r = rows[row];
  if (const TableCell* cell = r.Find(column); cell && cell->line > 0)
    return std::to_string(cell->line) + ":" + std::to_string(cell->column);
  // An empty field is not kept, but it has no characters: field k begins k - j columns after
  // the end of the last kept field j before it (one separator each), or at column k + 1 of the
  // row's line. A column past the row's last field is placed where that field ends.
  bool past_end = r.fields > 0 && column >= r.fields;
  size_t k = past_end ? r.fields - 1 : column;
  auto before = std::lower_bound(r.cells.begin(), r.cells.end(), k,
                                 [](const TableCell& c, size_t i) { return c.index < i; });
  if (before != r.cells.end() && before->index == k && before->line > 0)
    return std::to_string(before->end_line) + ":" + std::to_string(before->end_column);
  if (before == r.cells.begin()) return std::to_string(r.line) + ":" + std::to_string(k + 1);
  const TableCell& j = *std::prev(before);
  return std::to_string(j.end_line) + ":" + std::to_string(j.end_column + (k - j.index));
}

const TableCell* TableRow::Find(size_t column) const {
  auto it = std::lower_bound(cells.begin(), cells.end(), column,
                             [](const TableCell& c, size_t i) { return c.index < i; });
  return it != cells.end() && it->index == column ? &*it : nullptr;
}

TableCell* TableRow::Find(size_t column) {
  return const_cast<TableCell*>(static_cast<const TableRow*>(this)->Find(column));
}

const std::string& TableRow::Text(size_t column) const {
  static const std::string kEmpty;
  const TableCell* cell = Find(column);
  return cell ? cell->text : kEmpty;
}

std::string SheetPlace(const std::string& sheet, size_t line, size_t column) {
  bool plain = !sheet.empty();
  for (unsigned char c : sheet)
    if (!(std::isalnum(c) || c == '_' || c >= 0x80)) plain = false;
  std::string quoted = plain ? sheet : "'" + sheet + "'";
  return quoted + "!" + ColumnLetters(column) + std::to_string(line);
}

std::string ColumnLetters(size_t column) {
  std::string out;
  ++column;
  while (column > 0) {
    size_t rem = (column - 1) % 26;
    out.insert(out.begin(), static_cast<char>('A' + rem));
    column = (column - 1) / 26;
  }
  return out;
}

TableRole GuessRole(const Table& table) {
  Header i = FindHeader(table, TableRole::kIntegrations);
  if (i.column[kFrom] && i.column[kTo]) return TableRole::kIntegrations;
  Header s = FindHeader(table, TableRole::kSystems);
  if (s.column[kName] || s.column[kId]) return TableRole::kSystems;
  return TableRole::kNone;
}

std::string FoldForMatch(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size();) {
    char32_t cp;
    i += DecodeUtf8(text, i, &cp);
    out += FoldCodePoint(cp);
  }
  return out;
}

std::string IdWordsFromName(std::string_view name) {
  std::string out;
  bool dash = false;
  for (size_t i = 0; i < name.size();) {
    char32_t cp;
    i += DecodeUtf8(name, i, &cp);
    std::string_view f = FoldCodePoint(cp);
    if (f.empty()) {
      dash = !out.empty();
      continue;
    }
    if (dash) out += '-';
    dash = false;
    out += f;
    if (out.size() >= 150) break;
  }
  return out;
}

std::string IdFromName(std::string_view name) {
  std::string id = IdWordsFromName(name);
  return id.empty() ? "system" : id;
}

std::optional<DayNumber> CellDate(const TableCell& cell, bool date1904) {
  if (cell.number) {
    double v = cell.value;
    if (!std::isfinite(v) || v < 1 || v > 2958465 || v != std::floor(v)) return std::nullopt;
    long serial = static_cast<long>(v);
    // 1904 system: day 0 is 1904-01-01 (-24107). 1900 system: day 1 is 1900-01-01, and Excel
    // counts a 29 February 1900 that never was (serial 60), so from serial 61 on day 0 is
    // 1899-12-30 (-25569), before it 1899-12-31.
    if (date1904) return static_cast<DayNumber>(-24107 + serial);
    if (serial == 60) return std::nullopt;
    return static_cast<DayNumber>((serial > 60 ? -25569 : -25568) + serial);
  }
  std::string text = Trim(cell.text);
  if (auto d = ParseDate(text)) return d;
  // DD.MM.YYYY (also D.M.YYYY), as Norwegian Excel writes a date into CSV.
  int day = 0, month = 0, year = 0;
  size_t i = 0;
  auto number = [&](int* out, size_t min, size_t max) {
    size_t start = i;
    while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i])) && i - start < max)
      *out = *out * 10 + (text[i++] - '0');
    return i - start >= min;
  };
  if (!number(&day, 1, 2) || i >= text.size() || text[i++] != '.') return std::nullopt;
  if (!number(&month, 1, 2) || i >= text.size() || text[i++] != '.') return std::nullopt;
  if (!number(&year, 4, 4) || i != text.size()) return std::nullopt;
  char iso[16];
  std::snprintf(iso, sizeof iso, "%04d-%02d-%02d", year, month, day);
  return ParseDate(iso);
}

bool MapInventory(const InventoryTables& tables, Landscape* landscape, ImportReport* report,
                  Diagnostics* diagnostics) {
  Mapper m(landscape, report, diagnostics);
  for (const Table* t : tables.offered) m.ReadSystems(*t, true);
  for (const Table* t : tables.systems) m.ReadSystems(*t, false);
  m.ResolveAfter();
  for (const Table* t : tables.integrations) m.ReadIntegrations(*t);
  m.Finish();
  return !diagnostics->HasErrors();
}

}  // namespace landskap
