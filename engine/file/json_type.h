// What kind of JSON value a file holds where another was expected, in the words every message
// about a JSON file uses: "'name' must be a string, not an array".
#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace landskap {

// "null", "a boolean", "a number", "a string", "an array", "an object".
std::string JsonTypeName(const nlohmann::json& value);

}  // namespace landskap
