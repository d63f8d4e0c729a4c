// Helpers shared by the tests: landscapes from inline JSON, and running the CLI in-process.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "engine/model/diagnostics.h"
#include "engine/model/landscape.h"

namespace landskap::testing {

// Loads inline JSON; fails the test (with the diagnostics) when it has errors.
Landscape Parse(const std::string& json);
// Loads inline JSON and returns the diagnostics (errors expected).
Diagnostics ParseErrors(const std::string& json, Landscape* landscape = nullptr);

struct CliResult {
  int code = 0;
  std::string out;
  std::string err;
};
// Runs `landskap ARGS...` in-process.
CliResult RunCli(const std::vector<std::string>& args);
// Runs the real binary through the shell; `args` is appended as is (already quoted).
CliResult RunBinary(const std::string& args);

std::string SourcePath(const std::string& relative);
// The public reference data (not part of the project): RELATIVE under $LANDSKAP_REFERENCE when
// that is set, else under ../shared/reference beside the source folder (the main checkout) or two
// levels up (a worktree under wt/); the first spelling when neither is there, so that messages
// name a path.
std::string ReferencePath(const std::string& relative);
// True in CI (.ci/run exports LANDSKAP_CI=1): a test whose input is missing fails there instead
// of skipping, so that a CI run never passes on a test that did not run.
bool InCi();
std::string ReadFile(const std::string& path);
// The golden switch. Unset, returns false: compare `actual` with tests/golden/NAME. With
// LANDSKAP_UPDATE_GOLDEN=1 (and not in CI) rewrites the file and fails the test, so that an
// update never passes unseen: review the diff, then run again without the variable. Any other
// value, or the variable in CI, fails the test naming the variable and rewrites nothing.
// Returns true when the file was rewritten (the caller stops comparing).
bool UpdateGolden(const std::string& name, const std::string& actual);

// A fresh, empty temporary folder for this test.
std::string TempDir();

}  // namespace landskap::testing

// Leaves the test because `why` (a std::string naming what is missing) is missing: a skip on a
// developer's machine, a failure in CI (LANDSKAP_CI=1). Returns from the test function.
#define LANDSKAP_SKIP_UNLESS_CI(why)                                                           \
  do {                                                                                         \
    const std::string landskap_why_ = (why);                                                   \
    if (::landskap::testing::InCi())                                                           \
      GTEST_FAIL() << landskap_why_ << " (LANDSKAP_CI=1: in CI a test that cannot run fails)"; \
    GTEST_SKIP() << landskap_why_;                                                             \
  } while (0)
