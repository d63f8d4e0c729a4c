// Writing a JSON document piece by piece in exactly the bytes nlohmann's ordered_json::dump(2)
// gives for the whole document (then EscapeJsonControls, as every JSON answer gets), so that an
// answer with 200 000 elements is never held in memory as one tree. Each top-level field, and
// each element of a top-level array, is dumped on its own and indented to its place. The shape
// itself is defined once, in engine/results/result_json.h, for this writer and the page alike.
#pragma once

#include <cstddef>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "cli/formats/table.h"
#include "engine/model/text.h"
#include "engine/results/result_json.h"

namespace landskap::cli {

class JsonObjectWriter : public JsonFields {
 public:
  explicit JsonObjectWriter(const Sink& sink) : sink_(sink) {}

  void Field(std::string_view name, const nlohmann::ordered_json& value) override {
    Open(name);
    // DEL and C1 controls escaped too: this may be printed to a terminal.
    sink_(EscapeJsonControls(Indented(value.dump(2), 2)));
  }

  // A field whose value is an array of `count` elements, `element(i)` made one at a time.
  void Array(std::string_view name, size_t count,
             const std::function<nlohmann::ordered_json(size_t)>& element) override {
    Open(name);
    if (count == 0) {
      sink_("[]");
      return;
    }
    sink_("[\n");
    for (size_t i = 0; i < count; ++i) {
      sink_(EscapeJsonControls("    " + Indented(element(i).dump(2), 4)));
      sink_(i + 1 < count ? ",\n" : "\n");
    }
    sink_("  ]");
  }

  // Closes the document (an empty one is "{}", as nlohmann writes it).
  void End() { sink_(fields_ == 0 ? "{}\n" : "\n}\n"); }

 private:
  void Open(std::string_view name) {
    sink_(std::string(fields_++ == 0 ? "{\n" : ",\n") + "  " +
          nlohmann::ordered_json(std::string(name)).dump() + ": ");
  }

  // `text` placed `depth` spaces deeper. JSON strings hold no raw line breaks.
  static std::string Indented(const std::string& text, size_t depth) {
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    const std::string pad(depth, ' ');
    for (char c : text) {
      out += c;
      if (c == '\n') out += pad;
    }
    return out;
  }

  const Sink& sink_;
  size_t fields_ = 0;
};

}  // namespace landskap::cli
