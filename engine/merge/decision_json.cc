// The shared pieces of the decisions files' readers (engine/merge/decision_json.h).
#include "engine/merge/decision_json.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "engine/file/input.h"
#include "engine/file/json_type.h"
#include "engine/file/load.h"
#include "engine/model/suggest.h"

namespace landskap::decision_json {
namespace {

using json = nlohmann::json;

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

// A number in the text too large for a double, outside strings.
struct TooLarge {
  size_t begin, end;
  bool effort;  // the value of "effort_days"
};

std::vector<TooLarge> FindTooLarge(std::string_view text) {
  std::vector<TooLarge> found;
  std::string_view last_string;
  for (size_t i = 0; i < text.size();) {
    char c = text[i];
    if (c == '"') {
      size_t j = i + 1;
      while (j < text.size() && text[j] != '"') j += text[j] == '\\' ? 2 : 1;
      last_string = text.substr(i + 1, std::min(j, text.size()) - i - 1);
      i = j + 1;
    } else if (c == '-' || (c >= '0' && c <= '9')) {
      size_t j = text.find_first_not_of("+-0123456789.eE", i);
      if (j == std::string_view::npos) j = text.size();
      // The same conversion as nlohmann's: an integer too long for 64 bits is read as a double.
      std::string number(text.substr(i, j - i));
      if (std::isinf(std::strtod(number.c_str(), nullptr)))
        found.push_back({i, j, last_string == "effort_days"});
      i = j;
    } else {
      ++i;
    }
  }
  return found;
}

}  // namespace

bool ParseRoot(std::string_view text, const FormatInfo& info, json* root, Diagnostics* d) {
  // nlohmann stops at the first number too large for a double (out_of_range, without its
  // place): then every such number is reported where it is, and a copy with each blanked to 0
  // (padded, so places stay) is read for the file's other mistakes.
  std::string patched;
  std::string_view source = text;
  for (int attempt = 0; attempt < 2; ++attempt) {
    try {
      *root = json::parse(source.begin(), source.end());
      break;
    } catch (const json::parse_error& e) {
      size_t byte = e.byte > 0 ? e.byte - 1 : 0;
      auto [line, column] = LineColumn(text, byte);
      d->Error(std::to_string(line) + ":" + std::to_string(column),
               "this is not valid JSON here; " + std::string(info.what) + " is JSON like " +
                   std::string(info.shape));
      return false;
    } catch (const json::out_of_range&) {
      std::vector<TooLarge> numbers = attempt == 0 ? FindTooLarge(text) : std::vector<TooLarge>{};
      if (numbers.empty()) {  // the scan and nlohmann disagree: say so without a place
        d->Error("", "a number in the file is too large to be read; write a smaller number");
        return false;
      }
      patched = std::string(text);
      for (const TooLarge& n : numbers) {
        auto [line, column] = LineColumn(text, n.begin);
        std::string number(text.substr(n.begin, std::min<size_t>(n.end - n.begin, 24)));
        if (n.end - n.begin > 24) number += "...";
        bool negative = text[n.begin] == '-';
        d->Error(std::to_string(line) + ":" + std::to_string(column),
                 "the number " + number + (negative ? " is too far below zero" : " is too large") +
                     (n.effort ? "; effort_days is a number of working days, e.g. 10"
                               : " to be read; write a smaller number"));
        patched[n.begin] = '0';
        std::fill(patched.begin() + static_cast<std::ptrdiff_t>(n.begin) + 1,
                  patched.begin() + static_cast<std::ptrdiff_t>(n.end), ' ');
      }
      source = patched;
    }
  }
  if (!root->is_object()) {
    d->Error("", std::string(info.what) + " is a JSON object " + std::string(info.shape) +
                     ", not " + JsonTypeName(*root));
    return false;
  }
  return true;
}

void CheckFormat(const json& root, const FormatInfo& info, Diagnostics* d) {
  std::string format;
  ReadText(root, "", "format", &format, d);
  if (!root.contains("format")) {
    d->Error("/format", "missing \"format\": \"" + std::string(info.format) + "\"");
    return;
  }
  if (!root["format"].is_string() || format == info.format) return;
  for (const auto& [other, message] : info.others) {
    if (format == other) {
      d->Error("/format", std::string(message));
      return;
    }
  }
  d->Error("/format", "unknown format '" + format + "'; " + std::string(info.what) +
                          " says \"format\": \"" + std::string(info.format) + "\"");
}

void CheckFields(const json& object, const std::string& path,
                 const std::vector<std::string_view>& known, Diagnostics* d) {
  for (const auto& [name, value] : object.items()) {
    bool found = false;
    for (std::string_view k : known) found |= (k == name);
    if (found) continue;
    std::string list;
    for (std::string_view k : known) list += (list.empty() ? "" : ", ") + std::string(k);
    d->Error(path + "/" + name, "unknown field '" + name + "'" + DidYouMean(name, known) +
                                    "; the fields here are " + list);
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

bool IsNumber(const std::string& text) {
  return text.size() == 4 && text.find_first_not_of("0123456789") == std::string::npos;
}

nlohmann::ordered_json Number(double value) {
  if (value == std::floor(value) && std::fabs(value) < 1e15)
    return nlohmann::ordered_json(static_cast<int64_t>(value));
  return nlohmann::ordered_json(value);
}

bool ReadFileText(const std::string& path, std::string* text, std::string* label,
                  Diagnostics* diagnostics) {
  InputRules rules;
  rules.what = "a decisions file";
  rules.max_bytes = size_t{64} << 20;
  InputText input;
  Diagnostics d(path);
  if (!ReadInput(path, rules, &input, &d)) {
    diagnostics->Append(d);
    return false;
  }
  *text = std::move(input.text);
  *label = std::move(input.label);
  return true;
}

}  // namespace landskap::decision_json
