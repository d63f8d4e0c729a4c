// The body of the decisions-workbook fuzz target (decisions_workbook_fuzzer.cc), shared with the
// regression test (tests/fuzz_regression_test.cc) like the bodies in fuzz_bodies.h.
#pragma once

#include <cstddef>
#include <cstdint>

namespace landskap::fuzz {

// Reads the bytes as a workbook of merge decisions (`merge --decisions forslag.xlsx`,
// ParseDecisionsWorkbook) and formats every diagnostic; each names the file, and a location
// that is not a JSON path or line:column names a cell of the sheet Beslutninger or Om. On
// success the decisions written as JSON read back as the same decisions. Aborts otherwise.
void FuzzDecisionsWorkbook(const uint8_t* data, size_t size);

}  // namespace landskap::fuzz
