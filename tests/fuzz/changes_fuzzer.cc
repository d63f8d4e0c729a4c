// libFuzzer target for the kommunenummer change tables (CSV, `--changes TABLE.csv`). The body is
// in fuzz_bodies.cc (shared with the regression test); see tests/fuzz/README.md.
#include <cstddef>
#include <cstdint>

#include "tests/fuzz/fuzz_bodies.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  landskap::fuzz::FuzzChanges(data, size);
  return 0;
}
