// Test helpers: inline landscapes, in-process and real-binary CLI runs.
#include "tests/test_support.h"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli/io.h"
#include "engine/file/load.h"

namespace landskap::testing {

Landscape Parse(const std::string& json) {
  Landscape landscape;
  Diagnostics diagnostics("inline.json");
  bool ok = LoadLandscapeText(json, "inline.json", &landscape, &diagnostics);
  std::string all;
  for (const Diagnostic& d : diagnostics.Items()) all += FormatDiagnostic(d) + "\n";
  EXPECT_TRUE(ok) << all;
  return landscape;
}

Diagnostics ParseErrors(const std::string& json, Landscape* landscape) {
  Landscape local;
  Diagnostics diagnostics("inline.json");
  LoadLandscapeText(json, "inline.json", landscape ? landscape : &local, &diagnostics);
  return diagnostics;
}

CliResult RunCli(const std::vector<std::string>& args) {
  std::ostringstream out, err;
  CliResult result;
  result.code = cli::Run(args, {out, err});
  result.out = out.str();
  result.err = err.str();
  return result;
}

CliResult RunBinary(const std::string& args) {
  // Not TempDir(): that empties the test's own folder, which may hold the input files.
  static int run = 0;
  std::string dir = (std::filesystem::temp_directory_path() /
                     ("landskap-run-" + std::to_string(getpid()) + "-" + std::to_string(++run)))
                        .string();
  std::filesystem::create_directories(dir);
  std::string command =
      std::string(LANDSKAP_BINARY) + " " + args + " >" + dir + "/out 2>" + dir + "/err </dev/null";
  CliResult result;
  int status = std::system(command.c_str());
  result.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  result.out = ReadFile(dir + "/out");
  result.err = ReadFile(dir + "/err");
  std::filesystem::remove_all(dir);
  return result;
}

std::string SourcePath(const std::string& relative) {
  return std::string(LANDSKAP_SOURCE_DIR) + "/" + relative;
}

std::string ReferencePath(const std::string& relative) {
  if (const char* folder = std::getenv("LANDSKAP_REFERENCE")) return folder + ("/" + relative);
  for (const char* base : {"../shared/reference/", "../../shared/reference/"}) {
    std::string path = SourcePath(base + relative);
    if (std::filesystem::exists(path)) return path;
  }
  return SourcePath("../shared/reference/" + relative);
}

bool InCi() {
  const char* ci = std::getenv("LANDSKAP_CI");
  return ci && std::string(ci) == "1";
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

bool UpdateGolden(const std::string& name, const std::string& actual) {
  const char* value = std::getenv("LANDSKAP_UPDATE_GOLDEN");
  if (!value) return false;
  if (std::string(value) != "1") {
    ADD_FAILURE() << "LANDSKAP_UPDATE_GOLDEN='" << value
                  << "': only LANDSKAP_UPDATE_GOLDEN=1 rewrites tests/golden/" << name
                  << "; unset the variable to compare";
    return false;
  }
  if (InCi()) {
    ADD_FAILURE()
        << "LANDSKAP_UPDATE_GOLDEN=1 in CI (LANDSKAP_CI=1): CI never rewrites tests/golden/" << name
        << "; unset the variable";
    return false;
  }
  std::ofstream(SourcePath("tests/golden/" + name), std::ios::binary) << actual;
  ADD_FAILURE() << "updated tests/golden/" << name
                << "; review the diff and run again without LANDSKAP_UPDATE_GOLDEN";
  return true;
}

std::string TempDir() {
  const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
  std::string name = info ? std::string(info->test_suite_name()) + "." + info->name() : "test";
  for (char& c : name)
    if (c == '/') c = '_';
  std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("landskap-test-" + std::to_string(getpid())) / name;
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir.string();
}

}  // namespace landskap::testing
