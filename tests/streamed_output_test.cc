// Streamed output (issue 11): stats and plan write their table, Markdown, CSV and JSON as they
// make them, through the output layer's OutputStream. The golden files here were written by the
// last build that made these answers whole in memory, so these tests say the bytes did not
// change, on stdout and through -o's atomic rename alike. LANDSKAP_UPDATE_GOLDEN=1 rewrites them
// (and fails, to be run again after review): for a change of what is said, never to make a change
// of the writer pass. tests/golden_check_test.cc checks their numbers by hand.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "cli/formats/table.h"
#include "tests/test_support.h"

namespace landskap {
namespace {

using testing::ReadFile;
using testing::RunCli;
using testing::SourcePath;

// Relative, from the source folder: the JSON answers name the file as given.
const std::string kControl = "tests/data/control_chars.json";
const std::string kHostile = "tests/data/hostile.json";

// Runs the command to stdout and with -o FILE (the streamed file, renamed into place), and
// compares both with tests/golden/NAME.
void ExpectStreamedGolden(const std::string& name, std::vector<std::string> args) {
  std::filesystem::current_path(SourcePath("."));
  std::string golden = SourcePath("tests/golden/" + name);
  auto r = RunCli(args);
  ASSERT_EQ(r.code, 0) << r.err;
  if (testing::UpdateGolden(name, r.out)) return;
  std::string expected = ReadFile(golden);
  EXPECT_EQ(r.out, expected) << name << " on stdout";

  std::string folder = testing::TempDir() + "/streamed_" + name;
  std::filesystem::remove_all(folder);
  std::filesystem::create_directories(folder);
  // The format comes from --format; the file's ending says the same.
  std::string path = folder + "/" + name;
  args.insert(args.end(), {"-o", path});
  auto to_file = RunCli(args);
  ASSERT_EQ(to_file.code, 0) << to_file.err;
  EXPECT_EQ(to_file.out, "");
  EXPECT_EQ(ReadFile(path), expected) << name << " through -o";
  size_t files = 0;
  for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(folder)) ++files;
  EXPECT_EQ(files, 1u) << "no temporary file is left beside " << path;
}

TEST(StreamedOutput, StatsTableAndJsonAreTheBytesOfBefore) {
  ExpectStreamedGolden("stats_control_chars_all.txt",
                       {"stats", kControl, "--top", "0", "--format", "table"});
  ExpectStreamedGolden("stats_control_chars_all.json",
                       {"stats", kControl, "--top", "0", "--format", "json"});
}

TEST(StreamedOutput, PlanFormatsAreTheBytesOfBefore) {
  const std::vector<std::string> plan = {
      "plan",       kControl,     "--all",      "--start",
      "2019-08-01", "--deadline", "2019-12-01", "--vendor-capacity",
      "2"};
  for (auto [name, format] : std::vector<std::pair<std::string, std::string>>{
           {"plan_control_chars_capacity.txt", "table"},
           {"plan_control_chars_capacity.md", "markdown"},
           {"plan_control_chars_capacity.csv", "csv"},
           {"plan_control_chars_capacity.json", "json"}}) {
    std::vector<std::string> args = plan;
    args.insert(args.end(), {"--format", format});
    if (format == "markdown") args.insert(args.end(), {"--lang", "en"});  // the golden is English
    ExpectStreamedGolden(name, args);
  }
}

// With --capacity 1: the sections with rows of their own (waiting for capacity, late).
TEST(StreamedOutput, PlanWithWaitsAndLateSystemsIsTheBytesOfBefore) {
  const std::vector<std::string> plan = {"plan",       kHostile,     "--all",
                                         "--start",    "2019-08-01", "--deadline",
                                         "2019-09-01", "--capacity", "1"};
  for (auto [name, format] : std::vector<std::pair<std::string, std::string>>{
           {"plan_hostile_capacity.txt", "table"}, {"plan_hostile_capacity.md", "markdown"}}) {
    std::vector<std::string> args = plan;
    args.insert(args.end(), {"--format", format});
    if (format == "markdown") args.insert(args.end(), {"--lang", "en"});  // the golden is English
    ExpectStreamedGolden(name, args);
  }
}

// A table of rows made on demand: the text table measures every row before writing any, so it
// makes each row twice; Markdown needs no widths and makes each once. Neither keeps them.
TEST(StreamedOutput, RowSourceTablesByHand) {
  size_t made = 0;
  cli::RowSource rows{
      {"system", "n"}, {1}, 3, [&made](size_t i) {
        ++made;
        return std::vector<std::string>{std::string(i + 1, 'a'), std::to_string(i * 50)};
      }};
  std::string text;
  std::vector<std::string> pieces;
  cli::WriteTable(rows, [&](std::string_view piece) {
    text += piece;
    pieces.emplace_back(piece);
  });
  EXPECT_EQ(text,
            "system    n\n"
            "------  ---\n"
            "a         0\n"
            "aa       50\n"
            "aaa     100\n");
  EXPECT_EQ(made, 6u);
  EXPECT_EQ(pieces.size(), 4u) << "the header, then one piece a row";

  made = 0;
  std::string markdown;
  cli::WriteMarkdownTable(rows, [&](std::string_view piece) { markdown += piece; });
  EXPECT_EQ(markdown,
            "| system | n |\n"
            "| --- | ---: |\n"
            "| a | 0 |\n"
            "| aa | 50 |\n"
            "| aaa | 100 |\n");
  EXPECT_EQ(made, 3u);
}

}  // namespace
}  // namespace landskap
