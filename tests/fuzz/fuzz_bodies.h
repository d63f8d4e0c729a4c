// The bodies of the fuzz targets, shared by the libFuzzer binaries (tests/fuzz/*_fuzzer.cc) and
// the regression test (tests/fuzz_regression_test.cc), so that every input the fuzzers once
// found is replayed through exactly the same code in the normal and the ASan builds.
#pragma once

#include <cstddef>
#include <cstdint>

namespace landskap::fuzz {

// Loads the bytes as a landscape file; when it loads without errors, builds the graph and runs
// impact (by key, and from system 0 in both directions) and the cutover plan (all systems, and
// by key) on it. Formats every diagnostic. Aborts when a documented invariant of a result does
// not hold, so that the fuzzer reports it as a crash.
void FuzzLoad(const uint8_t* data, size_t size);

// Reads the bytes as a kommunenummer change table.
void FuzzChanges(const uint8_t* data, size_t size);

// Reads the bytes as a split decisions file (landskap split --decisions); when it reads, writes it
// and reads it again (the same file), then splits a small Ålesund-like landscape with it. Aborts
// when a split that succeeds leaves a system with the old number or does not load again.
void FuzzSplitDecisions(const uint8_t* data, size_t size);

// Imports the bytes as an Excel workbook (landskap import, engine/formats/xlsx_reader.h); when that
// succeeds, writes the landscape and loads it again, as the command does.
void FuzzXlsx(const uint8_t* data, size_t size);

// Imports the bytes as CSV inventory files (engine/formats/inventory_csv.h): a form feed (\f)
// splits them into two files, so that a pair of systems and integrations is reached too.
// Windows-1252 is converted as the command does.
void FuzzCsv(const uint8_t* data, size_t size);

// Reads the bytes as an ArchiMate model (exchange 3.x or 2.1, native .archimate, a zip holding
// model.xml) and maps it to systems and integrations with and without nodes. Aborts when the
// landscape it makes does not write and load again as a valid landskap/1 file.
void FuzzArchiXml(const uint8_t* data, size_t size);

// Reads the bytes as Archi's three CSV files, elements, relations and properties, separated by
// form feeds (\f), then the same checks as FuzzArchiXml.
void FuzzArchiCsv(const uint8_t* data, size_t size);

// Merges several small landscapes (engine/merge/merge.h): form feeds (\f) split the bytes into
// parts; the first part that mentions "landskap-decisions" is the decisions file, the others
// (up to four) are the municipalities' landscapes. Aborts unless a merge that succeeds gives a
// landscape that loads again through the precise loader without errors, whose integrations
// join systems that exist, with no id twice, whose summary counts what it holds, and whose
// plan of all systems has no cycle in the cutover order that merge did not warn about.
void FuzzMerge(const uint8_t* data, size_t size);

// Diffs two landscapes (engine/merge/diff.h), split by a form feed: the diff of each with
// itself is empty, and the lists of the diff agree with a recount by id (added, removed,
// changed, renames pairing a removed with an added system once).
void FuzzDiff(const uint8_t* data, size_t size);

// Reads the bytes as a decisions file of `landskap merge`; what reads without errors is
// written and read again to the same decisions.
void FuzzDecisions(const uint8_t* data, size_t size);

// Reads the bytes as a list of closed days (`plan --closed`: CSV, or iCalendar when it starts with
// BEGIN:VCALENDAR). Aborts unless: the parser returns true exactly when it reports no error;
// every closure runs from its first day to its last (from <= to); the closures written again
// as iCalendar read back as the same closures; and a calendar with them agrees with itself
// (the next working day is a working day, Date inverts Offset) on the days around them.
void FuzzClosures(const uint8_t* data, size_t size);

}  // namespace landskap::fuzz
