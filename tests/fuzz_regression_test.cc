// Replays the fuzzers' seed corpora and every input that once crashed them (tests/fuzz/corpus,
// tests/fuzz/regressions) through the fuzz bodies, so those inputs stay tested in the ci and
// asan builds, which have no libFuzzer. A crash names the file on stderr just before it.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "engine/file/load.h"
#include "tests/fuzz/fuzz_bodies.h"
#include "tests/test_support.h"

namespace landskap {
namespace {

namespace fs = std::filesystem;
using Body = void (*)(const uint8_t*, size_t);

// Runs every regular file under `relative` (recursively, in name order) through `body`;
// returns how many there were. A missing folder has none.
size_t Replay(const std::string& relative, Body body) {
  fs::path dir = testing::SourcePath(relative);
  if (!fs::exists(dir)) return 0;
  std::vector<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(dir))
    if (entry.is_regular_file() && entry.path().filename() != "README.md")
      files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  for (const fs::path& file : files) {
    std::fprintf(stderr, "replaying %s\n", file.c_str());
    std::string bytes = testing::ReadFile(file.string());
    body(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
  }
  return files.size();
}

TEST(FuzzRegression, LoadSeedCorpus) {
  EXPECT_GT(Replay("tests/fuzz/corpus/load", fuzz::FuzzLoad), 0u);
}

TEST(FuzzRegression, ChangesSeedCorpus) {
  EXPECT_GT(Replay("tests/fuzz/corpus/changes", fuzz::FuzzChanges), 0u);
}

TEST(FuzzRegression, XlsxSeedCorpus) {
  EXPECT_GT(Replay("tests/fuzz/corpus/xlsx", fuzz::FuzzXlsx), 0u);
}

TEST(FuzzRegression, CsvSeedCorpus) {
  EXPECT_GT(Replay("tests/fuzz/corpus/csv", fuzz::FuzzCsv), 0u);
}

TEST(FuzzRegression, SplitDecisionsSeedCorpus) {
  EXPECT_GT(Replay("tests/fuzz/corpus/split_decisions", fuzz::FuzzSplitDecisions), 0u);
}

TEST(FuzzRegression, SplitDecisionsFindings) {
  Replay("tests/fuzz/regressions/split_decisions", fuzz::FuzzSplitDecisions);
}

TEST(FuzzRegression, XlsxFindings) { Replay("tests/fuzz/regressions/xlsx", fuzz::FuzzXlsx); }

TEST(FuzzRegression, CsvFindings) { Replay("tests/fuzz/regressions/csv", fuzz::FuzzCsv); }

TEST(FuzzRegression, ArchiXmlSeedCorpus) {
  EXPECT_GT(Replay("tests/fuzz/corpus/archi_xml", fuzz::FuzzArchiXml), 0u);
}

TEST(FuzzRegression, ArchiCsvSeedCorpus) {
  EXPECT_GT(Replay("tests/fuzz/corpus/archi_csv", fuzz::FuzzArchiCsv), 0u);
}

TEST(FuzzRegression, ArchiXmlFindings) {
  Replay("tests/fuzz/regressions/archi_xml", fuzz::FuzzArchiXml);
}

TEST(FuzzRegression, ArchiCsvFindings) {
  Replay("tests/fuzz/regressions/archi_csv", fuzz::FuzzArchiCsv);
}

TEST(FuzzRegression, LoadFindings) { Replay("tests/fuzz/regressions/load", fuzz::FuzzLoad); }

TEST(FuzzRegression, ChangesFindings) {
  Replay("tests/fuzz/regressions/changes", fuzz::FuzzChanges);
}

// The bundled datasets load, so the load body runs impact and plan and checks their invariants
// on real landscapes too.
TEST(FuzzRegression, BodiesRunOnTheBundledDatasets) {
  for (const char* file : {"datasets/tiny.json", "datasets/oygarden-2020.json"}) {
    std::string bytes = testing::ReadFile(testing::SourcePath(file));
    Landscape landscape;
    Diagnostics diagnostics(file);
    ASSERT_TRUE(LoadLandscapeText(bytes, file, &landscape, &diagnostics)) << file;
    fuzz::FuzzLoad(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
  }
}

}  // namespace
}  // namespace landskap
