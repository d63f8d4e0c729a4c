// The streams a command writes to, so tests can run commands in-process and read what they say.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace landskap::cli {

struct Io {
  std::ostream& out;
  std::ostream& err;
};

// Exit codes shared by every subcommand (documented in --help and the README).
constexpr int kExitOk = 0;
constexpr int kExitGate = 1;     // the analysis found what a gate option (--fail-if-...) fails on
constexpr int kExitInvalid = 2;  // bad usage or invalid input

using Args = std::vector<std::string>;

// Runs the landskap command line: args[0] is the subcommand. Returns the exit code.
int Run(const Args& args, Io io);

}  // namespace landskap::cli
