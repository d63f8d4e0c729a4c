// Reading and writing the decisions file of `landskap split` (format landskap-split-decisions/1,
// docs/split.md, datasets/landskap-split-decisions.schema.json). Written by hand like merge's:
// every mistake is an error with its JSON path, all at once, with "did you mean" for field names
// and decision words, so that a typo never decides silently. Whether the systems and successors
// exist is checked against the landscape by SplitLandscape.
#include <algorithm>
#include <nlohmann/json.hpp>

#include "engine/file/json_type.h"
#include "engine/merge/decision_json.h"
#include "engine/merge/split.h"
#include "engine/model/suggest.h"

namespace landskap {
namespace {

using json = nlohmann::json;
using ordered_json = nlohmann::ordered_json;
using namespace decision_json;

constexpr SplitChoice kChoices[] = {SplitChoice::kKeep, SplitChoice::kNewInstance,
                                    SplitChoice::kShared, SplitChoice::kDivide};

const FormatInfo& SplitFormat() {
  static const FormatInfo info{
      kSplitDecisionsFormat,
      "a split decisions file",
      "{\"format\": \"landskap-split-decisions/1\", \"decisions\": [...]}",
      {{"landskap/1",
        "this is a landscape file, not a split decisions file; give the landscape as the FILE "
        "argument and the decisions with --decisions"},
       {"landskap-decisions/1",
        "this is a decisions file of landskap merge (a survivor per domain); landskap split "
        "reads \"landskap-split-decisions/1\", a decision per system (docs/split.md): write one "
        "with --propose"}}};
  return info;
}

// A kommunenummer field ("from", "keeper"); left empty after an error.
void ReadNumber(const json& object, const std::string& path, const char* field, std::string* out,
                Diagnostics* d) {
  if (!ReadText(object, path, field, out, d) || !object.contains(field) || IsNumber(*out)) return;
  d->Error(path + "/" + field,
           std::string(field) + " is a kommunenummer, 4 digits, not '" + *out + "'");
  out->clear();
}

// A list of kommunenummer ("into", "successors").
void ReadNumbers(const json& object, const std::string& path, const char* field,
                 std::vector<std::string>* out, Diagnostics* d) {
  auto it = object.find(field);
  if (it == object.end() || it->is_null()) return;
  std::string at = path + "/" + field;
  if (!it->is_array()) {
    d->Error(at, "'" + std::string(field) + "' is a list of kommunenummer like [\"1580\"], not " +
                     JsonTypeName(*it));
    return;
  }
  for (size_t i = 0; i < it->size(); ++i) {
    const json& value = (*it)[i];
    std::string where = at + "/" + std::to_string(i);
    if (!value.is_string()) {
      d->Error(where, "a kommunenummer is a string of 4 digits, not " + JsonTypeName(value));
      continue;
    }
    std::string number = value.get<std::string>();
    if (!IsNumber(number)) {
      d->Error(where, "a kommunenummer has 4 digits, not '" + number + "'");
      continue;
    }
    if (std::find(out->begin(), out->end(), number) != out->end()) {
      d->Error(where, number + " is listed twice; name each successor once");
      continue;
    }
    out->push_back(number);
  }
}

}  // namespace

const char* SplitChoiceName(SplitChoice choice) {
  switch (choice) {
    case SplitChoice::kKeep:
      return "keep";
    case SplitChoice::kNewInstance:
      return "new-instance";
    case SplitChoice::kShared:
      return "shared";
    case SplitChoice::kDivide:
      return "divide";
  }
  return "keep";
}

std::optional<SplitChoice> SplitChoiceFromName(std::string_view name) {
  for (SplitChoice choice : kChoices)
    if (name == SplitChoiceName(choice)) return choice;
  return std::nullopt;
}

bool ParseSplitDecisionsText(std::string_view text, const std::string& label, SplitDecisions* out,
                             Diagnostics* diagnostics) {
  Diagnostics d(label);
  *out = SplitDecisions{};
  out->file = label;
  json root;
  if (!ParseRoot(text, SplitFormat(), &root, &d)) {
    diagnostics->Append(d);
    return false;
  }
  CheckFields(root, "", {"format", "from", "keeper", "into", "decisions"}, &d);
  CheckFormat(root, SplitFormat(), &d);
  ReadNumber(root, "", "from", &out->from, &d);
  ReadNumber(root, "", "keeper", &out->keeper, &d);
  ReadNumbers(root, "", "into", &out->into, &d);
  auto list = root.find("decisions");
  if (list == root.end()) {
    d.Error("/decisions", "missing the list \"decisions\" (it may be empty: [])");
  } else if (!list->is_array()) {
    d.Error("/decisions", "'decisions' must be an array, not " + JsonTypeName(*list));
  } else {
    std::vector<std::string_view> words;
    for (SplitChoice choice : kChoices) words.push_back(SplitChoiceName(choice));
    std::string word_list = "keep, new-instance, shared or divide";
    for (size_t i = 0; i < list->size(); ++i) {
      const json& item = (*list)[i];
      std::string path = "/decisions/" + std::to_string(i);
      if (!item.is_object()) {
        d.Error(path,
                "a decision is an object like {\"system\": \"alesund.gis\", \"decision\": "
                "\"new-instance\"}, not " +
                    JsonTypeName(item));
        continue;
      }
      CheckFields(item, path, {"system", "decision", "successors", "effort_days", "domain", "note"},
                  &d);
      SplitDecision decision;
      decision.location = path;
      ReadText(item, path, "domain", &decision.domain, &d);
      ReadText(item, path, "note", &decision.note, &d);
      ReadEffort(item, path, &decision.effort_days, &d);
      ReadNumbers(item, path, "successors", &decision.successors, &d);
      bool ok = true;
      auto system = item.find("system");
      if (system == item.end()) {
        d.Error(path + "/system",
                "missing \"system\": the id of the old municipality's system decided on");
        ok = false;
      } else {
        ok &= ReadSystemId(*system, path + "/system", &decision.system, &d);
      }
      auto word = item.find("decision");
      if (word == item.end()) {
        d.Error(path + "/decision", "missing \"decision\": " + word_list);
        ok = false;
      } else if (!word->is_string()) {
        d.Error(path + "/decision",
                "'decision' is one of " + word_list + ", not " + JsonTypeName(*word));
        ok = false;
      } else if (auto choice = SplitChoiceFromName(word->get<std::string>())) {
        decision.choice = *choice;
      } else {
        std::string given = word->get<std::string>();
        d.Error(path + "/decision", "unknown decision '" + given + "'" + DidYouMean(given, words) +
                                        "; a decision is " + word_list);
        ok = false;
      }
      if (ok && decision.choice == SplitChoice::kKeep && !decision.successors.empty())
        d.Error(path + "/successors",
                "keep is for no successor: the keeper keeps the system and the others get "
                "nothing of it; leave out \"successors\", or decide new-instance, shared or "
                "divide for them");
      if (ok) out->decisions.push_back(std::move(decision));
    }
  }
  diagnostics->Append(d);
  return !d.HasErrors();
}

bool ReadSplitDecisionsFile(const std::string& path, SplitDecisions* out,
                            Diagnostics* diagnostics) {
  std::string text, label;
  if (!ReadFileText(path, &text, &label, diagnostics)) return false;
  return ParseSplitDecisionsText(text, label, out, diagnostics);
}

std::string WriteSplitDecisions(const SplitDecisions& decisions) {
  ordered_json root;
  root["format"] = kSplitDecisionsFormat;
  if (!decisions.from.empty()) root["from"] = decisions.from;
  if (!decisions.keeper.empty()) root["keeper"] = decisions.keeper;
  if (!decisions.into.empty()) root["into"] = decisions.into;
  root["decisions"] = ordered_json::array();
  for (const SplitDecision& decision : decisions.decisions) {
    ordered_json item;
    item["system"] = decision.system;
    if (!decision.domain.empty()) item["domain"] = decision.domain;
    item["decision"] = SplitChoiceName(decision.choice);
    if (!decision.successors.empty()) item["successors"] = decision.successors;
    if (decision.effort_days) item["effort_days"] = Number(*decision.effort_days);
    if (!decision.note.empty()) item["note"] = decision.note;
    root["decisions"].push_back(item);
  }
  return root.dump(2, ' ', false, ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace landskap
