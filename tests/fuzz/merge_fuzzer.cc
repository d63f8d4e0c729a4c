// libFuzzer target for `landskap merge` (several landscapes and a decisions file): the body
// is FuzzMerge in fuzz_bodies.cc (shared with the regression test); see tests/fuzz/README.md.
#include <cstddef>
#include <cstdint>

#include "tests/fuzz/fuzz_bodies.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  landskap::fuzz::FuzzMerge(data, size);
  return 0;
}
