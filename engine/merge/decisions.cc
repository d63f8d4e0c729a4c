// Reading and writing the decisions file of `landskap merge` (format landskap-decisions/1,
// docs/merge.md, datasets/landskap-decisions.schema.json). Small files written by hand: every
// mistake is an error with its JSON path, all at once, so that a typo never decides silently.
#include <nlohmann/json.hpp>

#include "engine/file/json_type.h"
#include "engine/merge/decision_json.h"
#include "engine/merge/merge.h"

namespace landskap {
namespace {

using json = nlohmann::json;
using ordered_json = nlohmann::ordered_json;
using namespace decision_json;

const FormatInfo& MergeFormat() {
  static const FormatInfo info{
      kDecisionsFormat,
      "a decisions file",
      "{\"format\": \"landskap-decisions/1\", \"decisions\": [...]}",
      {{"landskap/1",
        "this is a landscape file, not a decisions file; give landscapes as FILE arguments and "
        "decisions with --decisions"},
       {"landskap-split-decisions/1",
        "this is a decisions file of landskap split (one decision per system of a municipality "
        "that is split); landskap merge reads \"landskap-decisions/1\", a survivor per domain "
        "(docs/merge.md): write one with --propose"}}};
  return info;
}

}  // namespace

bool ParseDecisionsText(std::string_view text, const std::string& label, MergeDecisions* out,
                        Diagnostics* diagnostics) {
  Diagnostics d(label);
  *out = MergeDecisions{};
  out->file = label;
  json root;
  if (!ParseRoot(text, MergeFormat(), &root, &d)) {
    diagnostics->Append(d);
    return false;
  }
  CheckFields(root, "", {"format", "into", "decisions"}, &d);
  CheckFormat(root, MergeFormat(), &d);
  if (ReadText(root, "", "into", &out->into, &d) && root.contains("into") && !IsNumber(out->into))
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

std::string MergeDecisions::CellOf(const std::string& path) const {
  for (std::string p = path; !p.empty();) {
    if (auto it = cells.find(p); it != cells.end()) return it->second;
    size_t slash = p.rfind('/');
    if (slash == std::string::npos) break;
    p.resize(slash);
  }
  return path;
}

bool ReadDecisionsFile(const std::string& path, MergeDecisions* out, Diagnostics* diagnostics) {
  std::string text, label;
  if (!ReadFileText(path, &text, &label, diagnostics)) return false;
  return ParseDecisionsText(text, label, out, diagnostics);
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
