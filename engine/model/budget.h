// The memory budget every reader keeps to. The rule (docs/limits.md): no input makes a command
// use more than ten times its size plus 64 MB, however the input is shaped. What a reader builds
// and keeps from an input (cells, rows, copied strings, records) may take seven times the input
// plus 32 MB; the rest of the rule is for the input itself, the program and the parsing that
// comes and goes. A reader charges what it keeps and stops with an error naming the place when
// the budget is spent, instead of growing until the machine gives up.
#pragma once

#include <cstddef>
#include <string>

namespace landskap {

class MemoryBudget {
 public:
  static constexpr size_t kBase = size_t{32} << 20;
  static constexpr size_t kFactor = 7;

  // For an input of `input_bytes` (for a zip: its parts unpacked).
  explicit MemoryBudget(size_t input_bytes) : limit_(kBase + kFactor * input_bytes) {}

  // More input read (a workbook's parts as they are unpacked): the limit grows with it.
  void AddInput(size_t input_bytes) { limit_ += kFactor * input_bytes; }
  // Counts `bytes` as used; false once the total is past the limit (and from then on).
  bool Charge(size_t bytes) {
    used_ += bytes;
    return used_ <= limit_;
  }
  // Gives back what was charged for something freed again.
  void Release(size_t bytes) { used_ -= bytes < used_ ? bytes : used_; }
  // What a string's text costs beyond the object itself (short strings live inside it).
  static size_t HeapBytes(const std::string& text) {
    return text.capacity() > 15 ? text.capacity() + 1 : 0;
  }
  bool Spent() const { return used_ > limit_; }
  size_t used() const { return used_; }
  size_t limit() const { return limit_; }
  // "64 MB", for messages.
  static std::string Megabytes(size_t bytes) {
    return std::to_string((bytes + (size_t{1} << 20) - 1) >> 20) + " MB";
  }

 private:
  size_t limit_;
  size_t used_ = 0;
};

}  // namespace landskap
