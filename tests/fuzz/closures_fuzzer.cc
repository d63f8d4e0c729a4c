// libFuzzer target for the closed days of `plan --closed` (CSV and iCalendar). The body is in
// fuzz_bodies.cc (shared with the regression test); see tests/fuzz/README.md.
#include <cstddef>
#include <cstdint>

#include "tests/fuzz/fuzz_bodies.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  landskap::fuzz::FuzzClosures(data, size);
  return 0;
}
