// libFuzzer target for the workbook of `landskap merge --decisions forslag.xlsx`: the body is
// FuzzDecisionsWorkbook in decisions_workbook_body.cc; see tests/fuzz/README.md.
#include <cstddef>
#include <cstdint>

#include "tests/fuzz/decisions_workbook_body.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  landskap::fuzz::FuzzDecisionsWorkbook(data, size);
  return 0;
}
