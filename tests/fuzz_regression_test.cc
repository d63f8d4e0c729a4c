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
#include "engine/formats/change_table.h"
#include "engine/formats/inventory_csv.h"
#include "engine/formats/xlsx_reader.h"
#include "engine/model/diagnostics.h"
#include "tests/fuzz/decisions_workbook_body.h"
#include "tests/fuzz/fuzz_bodies.h"
#include "tests/fuzz/plan_exports_body.h"
#include "tests/test_support.h"

namespace landskap {
namespace {

namespace fs = std::filesystem;
using Body = void (*)(const uint8_t*, size_t);

// Runs every regular file under `relative` (recursively, in name order) through `body`. A
// folder that is missing or holds no input fails the test: a replay of nothing tests nothing.
void Replay(const std::string& relative, Body body) {
  fs::path dir = testing::SourcePath(relative);
  if (!fs::is_directory(dir)) {
    ADD_FAILURE() << relative << " is missing: the replay has no inputs (tests/fuzz/README.md)";
    return;
  }
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
  EXPECT_GT(files.size(), 0u) << relative << " holds no input: the replay tested nothing";
}

TEST(FuzzRegression, LoadSeedCorpus) { Replay("tests/fuzz/corpus/load", fuzz::FuzzLoad); }

TEST(FuzzRegression, ChangesSeedCorpus) { Replay("tests/fuzz/corpus/changes", fuzz::FuzzChanges); }

TEST(FuzzRegression, XlsxSeedCorpus) { Replay("tests/fuzz/corpus/xlsx", fuzz::FuzzXlsx); }

TEST(FuzzRegression, CsvSeedCorpus) { Replay("tests/fuzz/corpus/csv", fuzz::FuzzCsv); }

TEST(FuzzRegression, SplitDecisionsSeedCorpus) {
  Replay("tests/fuzz/corpus/split_decisions", fuzz::FuzzSplitDecisions);
}

TEST(FuzzRegression, SplitDecisionsFindings) {
  Replay("tests/fuzz/regressions/split_decisions", fuzz::FuzzSplitDecisions);
}

TEST(FuzzRegression, DecisionsWorkbookSeedCorpus) {
  Replay("tests/fuzz/corpus/decisions_workbook", fuzz::FuzzDecisionsWorkbook);
}

TEST(FuzzRegression, XlsxFindings) { Replay("tests/fuzz/regressions/xlsx", fuzz::FuzzXlsx); }

TEST(FuzzRegression, CsvFindings) { Replay("tests/fuzz/regressions/csv", fuzz::FuzzCsv); }

TEST(FuzzRegression, ArchiXmlSeedCorpus) {
  Replay("tests/fuzz/corpus/archi_xml", fuzz::FuzzArchiXml);
}

TEST(FuzzRegression, ArchiCsvSeedCorpus) {
  Replay("tests/fuzz/corpus/archi_csv", fuzz::FuzzArchiCsv);
}

TEST(FuzzRegression, ArchiXmlFindings) {
  Replay("tests/fuzz/regressions/archi_xml", fuzz::FuzzArchiXml);
}

TEST(FuzzRegression, ArchiCsvFindings) {
  Replay("tests/fuzz/regressions/archi_csv", fuzz::FuzzArchiCsv);
}

TEST(FuzzRegression, ClosuresSeedCorpus) {
  Replay("tests/fuzz/corpus/closures", fuzz::FuzzClosures);
}

TEST(FuzzRegression, ClosuresFindings) {
  Replay("tests/fuzz/regressions/closures", fuzz::FuzzClosures);
}

TEST(FuzzRegression, LoadFindings) { Replay("tests/fuzz/regressions/load", fuzz::FuzzLoad); }

TEST(FuzzRegression, ChangesFindings) {
  Replay("tests/fuzz/regressions/changes", fuzz::FuzzChanges);
}

TEST(FuzzRegression, MergeSeedCorpus) { Replay("tests/fuzz/corpus/merge", fuzz::FuzzMerge); }

TEST(FuzzRegression, MergeFindings) { Replay("tests/fuzz/regressions/merge", fuzz::FuzzMerge); }

TEST(FuzzRegression, DiffSeedCorpus) { Replay("tests/fuzz/corpus/diff", fuzz::FuzzDiff); }

TEST(FuzzRegression, DecisionsSeedCorpus) {
  Replay("tests/fuzz/corpus/decisions", fuzz::FuzzDecisions);
}

TEST(FuzzRegression, DecisionsFindings) {
  Replay("tests/fuzz/regressions/decisions", fuzz::FuzzDecisions);
}

TEST(FuzzRegression, PlanExportsSeedCorpus) {
  Replay("tests/fuzz/corpus/plan_exports", fuzz::FuzzPlanExports);
}

TEST(FuzzRegression, PlanExportsFindings) {
  Replay("tests/fuzz/regressions/plan_exports", fuzz::FuzzPlanExports);
}

// Every error of `diagnostics`, formatted as the command prints them, one a line.
std::string Errors(const Diagnostics& diagnostics) {
  std::string text;
  for (const Diagnostic& d : diagnostics.Items())
    if (d.severity == Severity::kError) text += FormatDiagnostic(d) + "\n";
  return text;
}

std::string Regression(const std::string& relative) {
  return testing::ReadFile(testing::SourcePath("tests/fuzz/regressions/" + relative));
}

// The hand-made hostile inputs of regressions/{xlsx,csv,changes} (their README.md says what
// each is) are refused by the readers the fuzz bodies call, with the place and the reason
// worked out by hand from the bytes: the replays above run them, this says they reach the
// error path they were made for.
TEST(FuzzRegression, HostileInputsAreRefusedWithAPlace) {
  for (auto [name, expected] : std::vector<std::pair<std::string, std::vector<std::string>>>{
           {"word-document-not-a-workbook.xlsx",
            {"x.xlsx: error: this is a Word document (.docx) named like a workbook, not an Excel "
             "workbook"}},
           {"workbook-part-cut-off.xlsx",
            {"x.xlsx:xl/workbook.xml: error: this part of the workbook is not well-formed XML"}},
           {"officedocument-target-climbs-out.xlsx",
            {"x.xlsx: error: this zip archive is not an Excel workbook: it has no etc/passwd"}},
           // The id in B3 is the only error: the absurd references are ignored or capped.
           {"absurd-references-and-a-bad-id.xlsx",
            {"x.xlsx:Systemer!B3: error: 'fjell gis' is not an id"}},
           {"old-xls-signature.xlsx",
            {"x.xlsx: error: this is an old Excel 97-2003 workbook (.xls)"}},
           {"zip-header-only.xlsx",
            {"x.xlsx: error: this Excel workbook (.xlsx) is damaged: it cannot be opened as a zip "
             "archive"}}}) {
    Landscape landscape;
    ImportReport report;
    Diagnostics diagnostics("x.xlsx");
    EXPECT_FALSE(
        ImportXlsxBytes(Regression("xlsx/" + name), "x.xlsx", &landscape, &report, &diagnostics))
        << name;
    std::string errors = Errors(diagnostics);
    EXPECT_EQ(std::count(errors.begin(), errors.end(), '\n'), 1) << name << "\n" << errors;
    for (const std::string& e : expected)
      EXPECT_NE(errors.find(e), std::string::npos) << name << " says\n" << errors;
  }

  // CSV: systemer.csv, a form feed, integrasjoner.csv; places are line:column in characters.
  for (auto [name, expected] : std::vector<std::pair<std::string, std::vector<std::string>>>{
           // "fjell.sak;" is 10 characters: the Til cell starts in column 11.
           {"integration-to-itself-and-to-nowhere.csv",
            {"integrasjoner.csv:2:11: error: an integration from 'fjell.sak' to itself",
             "integrasjoner.csv:3:11: error: unknown system 'ukjent'"}},
           // "Sak" then byte 0x81: column 4 of line 2.
           {"neither-utf8-nor-windows-1252.csv",
            {"systemer.csv:2:4: error: this file is neither UTF-8 nor Windows-1252 text"}},
           {"unclosed-quote-in-integrations.csv",
            {"integrasjoner.csv:3:1: error: this quote is never closed"}},
           // Line 2 "Sak;fjell sak;...": B2 starts in column 5. Line 3 "Kart;fjell.gis;svært;":
           // C3 in column 16, D3 in column 22 (svært is 5 characters).
           {"bad-id-criticality-and-key.csv",
            {"systemer.csv:2:5: error: 'fjell sak' is not an id",
             "systemer.csv:3:16: error: unknown criticality 'svært'",
             "systemer.csv:3:22: error: 'kommune nummer!' is not a key name"}}}) {
    std::string bytes = Regression("csv/" + name);
    size_t feed = bytes.find('\f');
    std::vector<std::pair<std::string, std::string>> files = {
        {"systemer.csv", bytes.substr(0, feed)}};
    if (feed != std::string::npos) files.push_back({"integrasjoner.csv", bytes.substr(feed + 1)});
    Landscape landscape;
    ImportReport report;
    Diagnostics diagnostics("csv");
    EXPECT_FALSE(ImportCsvBytes(files, &landscape, &report, &diagnostics)) << name;
    std::string errors = Errors(diagnostics);
    EXPECT_EQ(std::count(errors.begin(), errors.end(), '\n'),
              static_cast<std::ptrdiff_t>(expected.size()))
        << name << "\n"
        << errors;
    for (const std::string& e : expected)
      EXPECT_NE(errors.find(e), std::string::npos) << name << " says\n" << errors;
  }

  // Under the headers "fra,til" the columns are the numbers, and a five-digit cell is named.
  for (auto [name, expected] : std::vector<std::pair<std::string, std::vector<std::string>>>{
           {"five-digits-and-nul.csv",
            {"changes.csv:2:1: error: '12460' is not a kommunenummer",
             "changes.csv:3:7: error: '46260' is not a kommunenummer"}},
           {"row-ends-before-the-new-number.csv",
            {"changes.csv:3:1: error: this row has 2 columns; the header has 3"}}}) {
    std::vector<std::pair<std::string, std::string>> pairs;
    Diagnostics diagnostics("changes.csv");
    EXPECT_FALSE(ReadChangeTable(Regression("changes/" + name), "changes.csv", "kommunenummer",
                                 &pairs, &diagnostics))
        << name;
    std::string errors = Errors(diagnostics);
    EXPECT_EQ(std::count(errors.begin(), errors.end(), '\n'),
              static_cast<std::ptrdiff_t>(expected.size()))
        << name << "\n"
        << errors;
    for (const std::string& e : expected)
      EXPECT_NE(errors.find(e), std::string::npos) << name << " says\n" << errors;
  }

  // Old Mac line ends (CR only) once made the whole table one line; they end lines like LF now.
  std::vector<std::pair<std::string, std::string>> pairs;
  Diagnostics diagnostics("changes.csv");
  EXPECT_TRUE(ReadChangeTable(Regression("changes/carriage-returns-only.csv"), "changes.csv",
                              "kommunenummer", &pairs, &diagnostics))
      << Errors(diagnostics);
  EXPECT_EQ(pairs,
            (std::vector<std::pair<std::string, std::string>>{{"1246", "4626"}, {"1245", "4626"}}));
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
