// libFuzzer target for the plan's exports (MS Project XML, iCalendar, Mermaid) written from
// fuzzed landscapes. The body is in plan_exports_body.cc (shared with the regression test); the
// exporters are cli/formats/plan_export.cc, compiled into the fuzz build on their own.
#include <cstddef>
#include <cstdint>

#include "tests/fuzz/plan_exports_body.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  landskap::fuzz::FuzzPlanExports(data, size);
  return 0;
}
