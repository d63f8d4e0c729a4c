// libFuzzer target for the landscape loader: a landskap/1 file in, and on what loads, the graph,
// the blast radius and the cutover plan. The body is in fuzz_bodies.cc (shared with the
// regression test); see tests/fuzz/README.md.
#include <cstddef>
#include <cstdint>

#include "tests/fuzz/fuzz_bodies.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  landskap::fuzz::FuzzLoad(data, size);
  return 0;
}
