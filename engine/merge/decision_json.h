// The pieces shared by the readers and writers of the decisions files that coordinators edit by
// hand (`merge`'s landskap-decisions/1, `split`'s landskap-split-decisions/1): the document's
// root with its format, fields checked against the known ones with "did you mean", typed
// fields, system ids and efforts, each mistake an error with its JSON path.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/model/diagnostics.h"

namespace landskap::decision_json {

// What a decisions format is, for the messages about a file that is not one.
struct FormatInfo {
  std::string_view format;  // "landskap-decisions/1"
  std::string_view what;    // "a decisions file"
  std::string_view shape;   // {"format": "landskap-decisions/1", "decisions": [...]}
  // Other formats people mistake for this one, each with what to say about it.
  std::vector<std::pair<std::string_view, std::string_view>> others;
};

// Parses `text` as a JSON object: a syntax error is reported at its line:column, a root that is
// not an object at the whole file; false after either.
bool ParseRoot(std::string_view text, const FormatInfo& info, nlohmann::json* root, Diagnostics* d);
// Reports at /format a missing "format", one of `info.others`, or an unknown one.
void CheckFormat(const nlohmann::json& root, const FormatInfo& info, Diagnostics* d);

// Reports fields outside `known`, with the closest known name.
void CheckFields(const nlohmann::json& object, const std::string& path,
                 const std::vector<std::string_view>& known, Diagnostics* d);

// An optional string field; false (after an error) when it is there and not a string.
bool ReadText(const nlohmann::json& object, const std::string& path, const char* field,
              std::string* out, Diagnostics* d);

// A system id: a string the landscape format accepts as an id.
bool ReadSystemId(const nlohmann::json& value, const std::string& path, std::string* out,
                  Diagnostics* d);

// The optional field "effort_days": a number of days from 0 to 100000.
void ReadEffort(const nlohmann::json& object, const std::string& path, std::optional<double>* out,
                Diagnostics* d);

// True for a kommunenummer: four digits.
bool IsNumber(const std::string& text);

// Whole numbers as integers (10, not 10.0), as in landscape files.
nlohmann::ordered_json Number(double value);

// Reads a decisions file (through ReadInput, at most 64 MB) into `text`; false after reporting
// why not.
bool ReadFileText(const std::string& path, std::string* text, std::string* label,
                  Diagnostics* diagnostics);

}  // namespace landskap::decision_json
