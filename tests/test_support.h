// Helpers shared by the tests: landscapes from inline JSON, and running the CLI in-process.
#pragma once

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
std::string ReadFile(const std::string& path);
// A fresh, empty temporary folder for this test.
std::string TempDir();

}  // namespace landskap::testing
