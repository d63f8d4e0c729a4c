// Reading and writing the decisions file of `landskap merge` (format landskap-decisions/1,
// docs/merge.md, datasets/landskap-decisions.schema.json). Small files written by hand: every
// mistake is an error with its JSON path, all at once, so that a typo never decides silently.
#include <cmath>
#include <nlohmann/json.hpp>

#include "engine/file/input.h"
#include "engine/file/json_type.h"
#include "engine/file/load.h"
#include "engine/merge/merge.h"
#include "engine/model/suggest.h"

namespace landskap {
namespace {

using json = nlohmann::json;
using ordered_json = nlohmann::ordered_json;

// Reports fields outside `known`, with the closest known name.
void CheckFields(const json& object, const std::string& path,
                 const std::vector<std::string_view>& known, Diagnostics* d) {
  for (const auto& [name, value] : object.items()) {
    bool found = false;
    for (std::string_view k : known) found |= (k == name);
    if (!found)
      d->Error(
          path + "/" + name, "unknown field '" + name + "'" + DidYouMean(name, known) +
                                 "; the fields here are " + [&] {
                                   std::string list;
                                   for (std::string_view k : known)
                                     list += (list.empty() ? "" : ", ") + std::string(k);
                                   return list;
                                 }());
  }
}

bool ReadText(const json& object, const std::string& path, const char* field, std::string* out,
              Diagnostics* d) {
  auto it = object.find(field);
  if (it == object.end() || it->is_null()) return true;
  if (!it->is_string()) {
    d->Error(path + "/" + field,
             "'" + std::string(field) + "' must be a string, not " + JsonTypeName(*it));
    return false;
  }
  *out = it->get<std::string>();
  return true;
}

bool ReadSystemId(const json& value, const std::string& path, std::string* out, Diagnostics* d) {
  if (!value.is_string()) {
    d->Error(path, "a system id must be a string, not " + JsonTypeName(value));
    return false;
  }
  *out = value.get<std::string>();
  if (!IsWellFormedId(*out)) {
    d->Error(path, "'" + *out +
                       "' is not a system id: 1 to 200 letters, digits and . _ - : / @ +, "
                       "without spaces");
    return false;
  }
  return true;
}

void ReadEffort(const json& object, const std::string& path, std::optional<double>* out,
                Diagnostics* d) {
  auto it = object.find("effort_days");
  if (it == object.end() || it->is_null()) return;
  if (!it->is_number()) {
    d->Error(path + "/effort_days", "effort_days is a number of days, not " + JsonTypeName(*it));
    return;
  }
  double days = it->get<double>();
  if (!std::isfinite(days) || days < 0 || days > 100000) {
    d->Error(path + "/effort_days", "effort_days must be from 0 to 100000 days");
    return;
  }
  *out = days;
}

std::pair<size_t, size_t> LineColumn(std::string_view text, size_t byte) {
  size_t line = 1, column = 1;
  for (size_t i = 0; i < byte && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++column;
    }
  }
  return {line, column};
}

// Whole numbers as integers (10, not 10.0), as in landscape files.
ordered_json Number(double value) {
  if (value == std::floor(value) && std::fabs(value) < 1e15)
    return ordered_json(static_cast<int64_t>(value));
  return ordered_json(value);
}

}  // namespace

bool ParseDecisionsText(std::string_view text, const std::string& label, MergeDecisions* out,
                        Diagnostics* diagnostics) {
  Diagnostics d(label);
  *out = MergeDecisions{};
  out->file = label;
  json root;
  try {
    root = json::parse(text.begin(), text.end());
  } catch (const json::parse_error& e) {
    size_t byte = e.byte > 0 ? e.byte - 1 : 0;
    auto [line, column] = LineColumn(text, byte);
    d.Error(std::to_string(line) + ":" + std::to_string(column),
            "this is not valid JSON here; a decisions file is JSON like "
            "{\"format\": \"landskap-decisions/1\", \"decisions\": [...]}");
    diagnostics->Append(d);
    return false;
  } catch (const json::out_of_range& e) {
    // "number overflow parsing '1e400'": a number too large for a double, which nlohmann
    // reports without a position; the first place the number appears is where it is.
    std::string what = e.what(), number;
    size_t open = what.find("parsing '");
    if (open != std::string::npos) {
      size_t close = what.find('\'', open + 9);
      number = what.substr(open + 9, close == std::string::npos ? close : close - open - 9);
    }
    size_t at = number.empty() ? std::string_view::npos : text.find(number);
    auto [line, column] = LineColumn(text, at == std::string_view::npos ? 0 : at);
    d.Error(at == std::string_view::npos ? "" : std::to_string(line) + ":" + std::to_string(column),
            "the number " + (number.size() > 24 ? number.substr(0, 24) + "..." : number) +
                " is too large to be read (numbers go up to about 1.8e308); effort_days is a "
                "number of days, e.g. 10");
    diagnostics->Append(d);
    return false;
  }
  if (!root.is_object()) {
    d.Error("",
            "a decisions file is a JSON object {\"format\": \"landskap-decisions/1\", "
            "\"decisions\": [...]}, not " +
                JsonTypeName(root));
    diagnostics->Append(d);
    return false;
  }
  CheckFields(root, "", {"format", "into", "decisions"}, &d);
  std::string format;
  ReadText(root, "", "format", &format, &d);
  if (!root.contains("format")) {
    d.Error("/format", "missing \"format\": \"landskap-decisions/1\"");
  } else if (format == "landskap/1") {
    d.Error("/format",
            "this is a landscape file, not a decisions file; give landscapes as "
            "FILE arguments and decisions with --decisions");
  } else if (format != kDecisionsFormat && root["format"].is_string()) {
    d.Error("/format", "unknown format '" + format + "'; a decisions file says \"format\": \"" +
                           std::string(kDecisionsFormat) + "\"");
  }
  if (ReadText(root, "", "into", &out->into, &d) && root.contains("into") &&
      (out->into.size() != 4 || out->into.find_first_not_of("0123456789") != std::string::npos))
    d.Error("/into", "into is the new kommunenummer, 4 digits, not '" + out->into + "'");
  auto list = root.find("decisions");
  if (list == root.end()) {
    d.Error("/decisions", "missing the list \"decisions\" (it may be empty: [])");
  } else if (!list->is_array()) {
    d.Error("/decisions", "'decisions' must be an array, not " + JsonTypeName(*list));
  } else {
    for (size_t i = 0; i < list->size(); ++i) {
      const json& item = (*list)[i];
      std::string path = "/decisions/" + std::to_string(i);
      if (!item.is_object()) {
        d.Error(path,
                "a decision is an object like {\"domain\": \"okonomi\", \"survivor\": "
                "\"fjell.okonomi\", \"retire\": [\"sund.okonomi\"]}, not " +
                    JsonTypeName(item));
        continue;
      }
      CheckFields(item, path, {"domain", "survivor", "retire", "effort_days", "note"}, &d);
      MergeDecision decision;
      decision.location = path;
      ReadText(item, path, "domain", &decision.domain, &d);
      ReadText(item, path, "note", &decision.note, &d);
      ReadEffort(item, path, &decision.effort_days, &d);
      auto survivor = item.find("survivor");
      if (survivor == item.end()) {
        d.Error(path + "/survivor", "missing \"survivor\": the id of the system that stays");
      } else {
        ReadSystemId(*survivor, path + "/survivor", &decision.survivor, &d);
      }
      auto retire = item.find("retire");
      if (retire != item.end() && !retire->is_null()) {
        if (!retire->is_array()) {
          d.Error(path + "/retire",
                  "'retire' must be an array of system ids, not " + JsonTypeName(*retire));
        } else {
          for (size_t r = 0; r < retire->size(); ++r) {
            const json& entry = (*retire)[r];
            RetireDecision rd;
            rd.location = path + "/retire/" + std::to_string(r);
            if (entry.is_object()) {
              CheckFields(entry, rd.location, {"system", "effort_days"}, &d);
              auto system = entry.find("system");
              if (system == entry.end()) {
                d.Error(rd.location + "/system",
                        "missing \"system\": the id of the system "
                        "that is retired");
                continue;
              }
              if (!ReadSystemId(*system, rd.location + "/system", &rd.system, &d)) continue;
              ReadEffort(entry, rd.location, &rd.effort_days, &d);
            } else if (!ReadSystemId(entry, rd.location, &rd.system, &d)) {
              continue;
            }
            decision.retire.push_back(std::move(rd));
          }
        }
      }
      out->decisions.push_back(std::move(decision));
    }
  }
  diagnostics->Append(d);
  return !d.HasErrors();
}

bool ReadDecisionsFile(const std::string& path, MergeDecisions* out, Diagnostics* diagnostics) {
  InputRules rules;
  rules.what = "a decisions file";
  rules.max_bytes = size_t{64} << 20;
  InputText input;
  Diagnostics d(path);
  if (!ReadInput(path, rules, &input, &d)) {
    diagnostics->Append(d);
    return false;
  }
  return ParseDecisionsText(input.text, input.label, out, diagnostics);
}

std::string WriteDecisions(const MergeDecisions& decisions) {
  ordered_json root;
  root["format"] = kDecisionsFormat;
  if (!decisions.into.empty()) root["into"] = decisions.into;
  root["decisions"] = ordered_json::array();
  for (const MergeDecision& decision : decisions.decisions) {
    ordered_json item;
    if (!decision.domain.empty()) item["domain"] = decision.domain;
    item["survivor"] = decision.survivor;
    item["retire"] = ordered_json::array();
    for (const RetireDecision& r : decision.retire) {
      if (r.effort_days) {
        ordered_json entry;
        entry["system"] = r.system;
        entry["effort_days"] = Number(*r.effort_days);
        item["retire"].push_back(entry);
      } else {
        item["retire"].push_back(r.system);
      }
    }
    if (decision.effort_days) item["effort_days"] = Number(*decision.effort_days);
    if (!decision.note.empty()) item["note"] = decision.note;
    root["decisions"].push_back(item);
  }
  return root.dump(2, ' ', false, ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace landskap
