// libFuzzer target for the split decisions file (`landskap split --decisions`). The body is in
// fuzz_bodies.cc (shared with the regression test); see tests/fuzz/README.md.
#include <cstddef>
#include <cstdint>

#include "tests/fuzz/fuzz_bodies.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  landskap::fuzz::FuzzSplitDecisions(data, size);
  return 0;
}
