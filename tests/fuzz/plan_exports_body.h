// The body of the plan-exports fuzz target (plan_exports_fuzzer.cc), shared with the regression
// test (tests/fuzz_regression_test.cc) like the bodies in fuzz_bodies.h.
#pragma once

#include <cstddef>
#include <cstdint>

namespace landskap::fuzz {

// Loads the bytes as a landscape file; when it loads and plans (all systems, from a start date,
// calendar, deadline and capacities picked from the input's hash), writes the plan as MS
// Project XML, iCalendar and a Mermaid gantt block and reads each back with a parser that is
// not landskap's writer: pugixml for the XML (well-formed, only XML 1.0 characters, one task per
// planned system), libical for the calendar (every event has SUMMARY and DTSTART, as many events
// as the plan has dates to show, no control character), Mermaid's line rules
// (tests/mermaid_gantt_lexer.h) for the gantt block (every task line lexes as one task, every
// other line as the setting it is). Aborts when one of these does not hold.
void FuzzPlanExports(const uint8_t* data, size_t size);

}  // namespace landskap::fuzz
