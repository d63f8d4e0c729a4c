// --lang on impact and plan: their Markdown and Excel reports speak bokmål by default and
// English with --lang en (the words written here by hand, not taken from po/nb.po), while the
// terminal table, CSV and JSON stay English whatever --lang says.
#include <gtest/gtest.h>
#include <zip.h>

#include <string>
#include <vector>

#include "tests/test_support.h"

namespace landskap {
namespace {

using testing::ReadFile;
using testing::RunCli;
using testing::SourcePath;
using testing::TempDir;

const std::string kTiny = SourcePath("datasets/tiny.json");

bool Has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// The sheet names (xl/workbook.xml) and every text cell (xl/sharedStrings.xml) of a workbook,
// read with libzip: the headers as Excel shows them.
std::string WorkbookTexts(const std::string& path) {
  int error = 0;
  zip_t* z = zip_open(path.c_str(), ZIP_RDONLY, &error);
  if (!z) return "";
  std::string xml;
  for (const char* part : {"xl/workbook.xml", "xl/sharedStrings.xml"}) {
    zip_file_t* f = zip_fopen(z, part, 0);
    if (!f) continue;
    char buffer[4096];
    zip_int64_t n;
    while ((n = zip_fread(f, buffer, sizeof buffer)) > 0)
      xml.append(buffer, static_cast<size_t>(n));
    zip_fclose(f);
  }
  zip_discard(z);
  return xml;
}

std::vector<std::string> Plan(std::vector<std::string> more) {
  std::vector<std::string> args = {"plan",          kTiny,     "--key",
                                   "kommunenummer", "--start", "2019-08-01"};
  args.insert(args.end(), more.begin(), more.end());
  return args;
}

std::vector<std::string> Impact(std::vector<std::string> more) {
  std::vector<std::string> args = {"impact", kTiny, "--key", "kommunenummer"};
  args.insert(args.end(), more.begin(), more.end());
  return args;
}

TEST(CliLang, PlanMarkdownIsBokmalByDefault) {
  auto r = RunCli(Plan({"--format", "markdown"}));
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out.rfind("## Omleggingsplan\n\n- Omleggingsplan for 10 systemer som berøres av ", 0),
            0u)
      << r.out;
  EXPECT_TRUE(Has(r.out, "- Kalender: arbeidsdager (mandag til fredag uten norske helligdager"))
      << r.out;
  EXPECT_TRUE(Has(r.out, "\n### Bølger\n\n_Bølge 1 har systemene som ikke venter på noe annet"))
      << r.out;
  EXPECT_TRUE(Has(r.out,
                  "| bølge | system | navn | eier | leverandør | dager | start | slutt | "
                  "slakk | merknad |\n"))
      << r.out;
  EXPECT_TRUE(Has(r.out, "\n### Innsats per eier\n")) << r.out;
  // Data stay as they are: ids, keys and ISO dates.
  EXPECT_TRUE(Has(r.out, "en endring av kommunenummer")) << r.out;
  EXPECT_TRUE(Has(r.out, "2019-08-01")) << r.out;
  EXPECT_FALSE(Has(r.out, "Cutover plan")) << r.out;
  EXPECT_FALSE(Has(r.out, "| wave |")) << r.out;
}

TEST(CliLang, PlanMarkdownIsEnglishWithLangEn) {
  auto r = RunCli(Plan({"--format", "markdown", "--lang", "en"}));
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out.rfind("## Cutover plan\n\n- Cutover plan for the ", 0), 0u) << r.out;
  EXPECT_TRUE(Has(r.out, "\n### Waves\n\n_Wave 1 holds the systems that wait for no other"))
      << r.out;
  EXPECT_TRUE(Has(r.out,
                  "| wave | system | name | owner | vendor | days | start | finish | "
                  "slack | note |\n"))
      << r.out;
  EXPECT_FALSE(Has(r.out, "Omleggingsplan")) << r.out;
}

TEST(CliLang, ImpactMarkdownFollowsLang) {
  auto nb = RunCli(Impact({"--format", "markdown"}));
  ASSERT_EQ(nb.code, 0) << nb.err;
  EXPECT_EQ(nb.out.rfind("## Konsekvenser\n\n- Konsekvenser av en endring av kommunenummer\n", 0),
            0u)
      << nb.out;
  EXPECT_TRUE(Has(nb.out, "- Retning: nedstrøms.\n")) << nb.out;
  EXPECT_TRUE(Has(nb.out,
                  "\n### Berørte systemer, de mest kritiske først\n\n| kritikalitet | "
                  "avst. | grunn | system | navn | eier | spor |\n"))
      << nb.out;
  EXPECT_TRUE(Has(nb.out,
                  "\n### Berørte integrasjoner\n\n_De bærer kommunenummer inn i et berørt "
                  "system"))
      << nb.out;
  EXPECT_TRUE(Has(nb.out, "| integrasjon | fra | til | bærer | protokoll |\n")) << nb.out;
  EXPECT_TRUE(Has(nb.out, "\n### Sammendrag\n\n- ")) << nb.out;
  // datasets/tiny.expected.md: 10 systems, 8 integrations; by owner as the table above lists.
  EXPECT_TRUE(Has(nb.out,
                  "\n- 10 systemer og 8 integrasjoner berørt (6 holds-key, 4 "
                  "receives-key).\n- Per kommune: 1245 Sund: 3, 1246 Fjell: 3, 1247 "
                  "Askøy: 1; felles systemer: 3\n"))
      << nb.out;

  auto en = RunCli(Impact({"--format", "markdown", "--lang", "en"}));
  ASSERT_EQ(en.code, 0) << en.err;
  EXPECT_EQ(en.out.rfind("## Blast radius\n\n- Blast radius of a change of kommunenummer\n", 0), 0u)
      << en.out;
  EXPECT_TRUE(Has(en.out, "- Direction: down.\n")) << en.out;
  EXPECT_TRUE(Has(en.out, "| criticality | dist | reason | system | name | owner | evidence |\n"))
      << en.out;
  EXPECT_TRUE(Has(en.out, "| integration | from | to | carries | protocol |\n")) << en.out;
  EXPECT_TRUE(Has(en.out,
                  "\n- 10 systems and 8 integrations affected (6 holds-key, 4 "
                  "receives-key).\n- By municipality: 1245 Sund: 3, 1246 Fjell: 3, 1247 "
                  "Askøy: 1; shared systems: 3\n"))
      << en.out;
  // The same rows in both languages: one table line per affected system and integration.
  auto rows = [](const std::string& text) {
    size_t n = 0;
    for (size_t at = 0; (at = text.find("\n|", at)) != std::string::npos; ++at) ++n;
    return n;
  };
  EXPECT_EQ(rows(nb.out), rows(en.out));
  EXPECT_GT(rows(en.out), 4u);
}

// The terminal table, CSV and JSON are for terminals and programs: --lang leaves them alone.
TEST(CliLang, TableCsvAndJsonStayEnglish) {
  for (const std::string format : {"table", "csv", "json"}) {
    auto plain = RunCli(Plan({"--format", format}));
    auto nb = RunCli(Plan({"--format", format, "--lang", "nb"}));
    auto en = RunCli(Plan({"--format", format, "--lang", "en"}));
    ASSERT_EQ(plain.code, 0) << plain.err;
    EXPECT_EQ(plain.out, nb.out) << format;
    EXPECT_EQ(plain.out, en.out) << format;
    auto impact = RunCli(Impact({"--format", format}));
    auto impact_en = RunCli(Impact({"--format", format, "--lang", "en"}));
    ASSERT_EQ(impact.code, 0) << impact.err;
    EXPECT_EQ(impact.out, impact_en.out) << format;
  }
  EXPECT_EQ(RunCli(Plan({})).out.rfind("Cutover plan for the ", 0), 0u);
  EXPECT_EQ(RunCli(Impact({})).out.rfind("Blast radius of a change of kommunenummer\n", 0), 0u);
}

TEST(CliLang, WorkbookHeadersFollowLang) {
  std::string dir = TempDir();
  ASSERT_EQ(RunCli(Impact({"-o", dir + "/impact.xlsx"})).code, 0);
  ASSERT_EQ(RunCli(Impact({"-o", dir + "/impact-en.xlsx", "--lang", "en"})).code, 0);
  ASSERT_EQ(RunCli(Plan({"-o", dir + "/plan.xlsx"})).code, 0);
  ASSERT_EQ(RunCli(Plan({"-o", dir + "/plan-en.xlsx", "--lang", "en"})).code, 0);

  std::string impact = WorkbookTexts(dir + "/impact.xlsx");
  for (const char* word : {"Berørte systemer", "Integrasjoner", "Navn", "Eier", "Kritikalitet",
                           "Avstand", "Årsak", "Fra", "Til", "Bærer", "Protokoll"})
    EXPECT_TRUE(Has(impact, word)) << word << " in " << impact;
  EXPECT_TRUE(Has(impact, "kommunenummer")) << "a data value, as it is";
  std::string impact_en = WorkbookTexts(dir + "/impact-en.xlsx");
  for (const char* word : {"Affected systems", "Integrations", "Name", "Owner", "Criticality",
                           "Distance", "Reason", "From", "To", "Carries", "Protocol"})
    EXPECT_TRUE(Has(impact_en, word)) << word << " in " << impact_en;
  EXPECT_FALSE(Has(impact_en, "Avstand"));

  std::string plan = WorkbookTexts(dir + "/plan.xlsx");
  for (const char* word : {"Bølger", "Leverandør", "Bølge", "Tidligste start", "Seneste slutt",
                           "Slakk", "Kritisk", "Startdato", "Dager forsinket", "Antall systemer"})
    EXPECT_TRUE(Has(plan, word)) << word << " in " << plan;
  EXPECT_TRUE(Has(plan, ">ja<") || Has(plan, ">nei<"));
  std::string plan_en = WorkbookTexts(dir + "/plan-en.xlsx");
  for (const char* word : {"Waves", "Vendor", "Wave", "Earliest start", "Latest finish", "Slack",
                           "Critical", "Start date", "Days late", "Number of systems"})
    EXPECT_TRUE(Has(plan_en, word)) << word << " in " << plan_en;
  EXPECT_TRUE(Has(plan_en, ">yes<") || Has(plan_en, ">no<"));
  EXPECT_FALSE(Has(plan_en, "Tidligste"));
}

TEST(CliLang, UnknownLanguageIsAUsageError) {
  auto r = RunCli(Plan({"--format", "markdown", "--lang", "de"}));
  EXPECT_EQ(r.code, 2);
  EXPECT_TRUE(Has(r.err, "unknown --lang 'de'; use nb (bokmål) or en (English)")) << r.err;
  EXPECT_EQ(r.out, "");
  r = RunCli({"impact", "--help"});
  EXPECT_TRUE(Has(r.out, "--lang")) << r.out;
}

}  // namespace
}  // namespace landskap
