// landskap import, template and --format xlsx. Workbooks are made here, in the test, with
// libxlsxwriter (another program's idea of a workbook) or by hand as zip parts (libzip), so
// each quirk is reproducible; CSV files are written byte by byte. Expected ids, dates and
// places are worked out by hand in the comments.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <zip.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "cli/formats/xlsx_writer.h"
#include "engine/file/load.h"
#include "engine/formats/inventory_csv.h"
#include "engine/formats/table_mapper.h"
#include "engine/formats/xlsx_reader.h"
#include "engine/model/budget.h"
#include "tests/test_support.h"

namespace landskap {
namespace {

using testing::ReadFile;
using testing::RunCli;
using testing::SourcePath;
using testing::TempDir;

std::string Messages(const Diagnostics& d) {
  std::string out;
  for (const Diagnostic& x : d.Items()) out += FormatDiagnostic(x) + "\n";
  return out;
}

bool Has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

void WriteBytes(const std::string& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
}

struct Imported {
  bool ok = false;
  Landscape landscape;
  ImportReport report;
  Diagnostics diagnostics;
  std::string messages;
};

Imported Csv(const std::vector<std::pair<std::string, std::string>>& files) {
  Imported r;
  r.ok = ImportCsvBytes(files, &r.landscape, &r.report, &r.diagnostics);
  r.messages = Messages(r.diagnostics);
  return r;
}

Imported Xlsx(const std::string& bytes) {
  Imported r;
  r.ok = ImportXlsxBytes(bytes, "inventar.xlsx", &r.landscape, &r.report, &r.diagnostics);
  r.messages = Messages(r.diagnostics);
  return r;
}

const System& SystemById(const Landscape& l, const std::string& id) {
  auto i = l.FindSystem(id);
  if (!i) ADD_FAILURE() << "no system " << id;
  static System none;
  return i ? l.systems[*i] : none;
}

// A workbook written with libxlsxwriter.
std::string Workbook(const std::function<void(lxw_workbook*)>& fill) {
  std::string error;
  auto bytes = cli::BuildXlsx([&](lxw_workbook* wb, cli::XlsxProblems*) { fill(wb); }, &error);
  EXPECT_TRUE(bytes.has_value()) << error;
  return bytes.value_or("");
}

void Row(lxw_worksheet* ws, lxw_row_t r, const std::vector<std::string>& cells) {
  for (size_t c = 0; c < cells.size(); ++c)
    if (!cells[c].empty())
      worksheet_write_string(ws, r, static_cast<lxw_col_t>(c), cells[c].c_str(), nullptr);
}

// A workbook made of hand-written XML parts.
std::string ZipOf(const std::vector<std::pair<std::string, std::string>>& parts) {
  std::string path = TempDir() + "/hand.xlsx";
  int error = 0;
  zip_t* z = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  EXPECT_NE(z, nullptr);
  for (const auto& [name, content] : parts) {
    zip_source_t* s = zip_source_buffer(z, content.data(), content.size(), 0);
    zip_file_add(z, name.c_str(), s, ZIP_FL_OVERWRITE);
  }
  zip_close(z);
  return ReadFile(path);
}

std::string HandWorkbook(const std::string& workbook_pr,
                         const std::vector<std::pair<std::string, std::string>>& sheets) {
  std::string wb =
      "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
      "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">" +
      workbook_pr + "<sheets>";
  std::string rels = "<Relationships>";
  std::vector<std::pair<std::string, std::string>> parts;
  for (size_t i = 0; i < sheets.size(); ++i) {
    std::string n = std::to_string(i + 1);
    wb += "<sheet name=\"" + sheets[i].first + "\" sheetId=\"" + n + "\" r:id=\"rId" + n + "\"/>";
    rels += "<Relationship Id=\"rId" + n +
            "\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
            "worksheet\" Target=\"worksheets/sheet" +
            n + ".xml\"/>";
    parts.emplace_back("xl/worksheets/sheet" + n + ".xml", sheets[i].second);
  }
  wb += "</sheets></workbook>";
  rels += "</Relationships>";
  parts.emplace_back("xl/workbook.xml", wb);
  parts.emplace_back("xl/_rels/workbook.xml.rels", rels);
  return ZipOf(parts);
}

// ---- the table mapper's rules -----------------------------------------------------------

TEST(ImportTable, IdsFromNamesFoldNorwegianLettersAndAccents) {
  EXPECT_EQ(IdFromName("Sak/arkiv"), "sak-arkiv");
  EXPECT_EQ(IdFromName("Økonomi"), "okonomi");
  EXPECT_EQ(IdFromName("Bærum Helse & Omsorg"), "baerum-helse-omsorg");
  EXPECT_EQ(IdFromName("Café Åsane"), "cafe-asane");
  EXPECT_EQ(IdFromName("  --  "), "system");
  EXPECT_EQ(ColumnLetters(0), "A");
  EXPECT_EQ(ColumnLetters(25), "Z");
  EXPECT_EQ(ColumnLetters(26), "AA");
}

TEST(ImportTable, DatesFromSerialsIn1900And1904AndFromText) {
  TableCell serial;
  serial.number = true;
  serial.value = 43831;  // Excel (1900): 2020-01-01
  EXPECT_EQ(FormatDate(*CellDate(serial, false)), "2020-01-01");
  serial.value = 42369;  // the same day counted from 1904 (43831 - 1462)
  EXPECT_EQ(FormatDate(*CellDate(serial, true)), "2020-01-01");
  serial.value = 59;  // 1900-02-28, before Excel's phantom 29 February
  EXPECT_EQ(FormatDate(*CellDate(serial, false)), "1900-02-28");
  serial.value = 60;  // 1900-02-29 never was
  EXPECT_FALSE(CellDate(serial, false));
  TableCell text;
  text.text = "01.03.2020";
  EXPECT_EQ(FormatDate(*CellDate(text, false)), "2020-03-01");
  text.text = "2020-03-01";
  EXPECT_EQ(FormatDate(*CellDate(text, false)), "2020-03-01");
  text.text = "31.02.2020";
  EXPECT_FALSE(CellDate(text, false));
}

// ---- CSV ---------------------------------------------------------------------------------

TEST(ImportCsv, NorwegianSemicolonsQuotesLineBreaksAndCrlf) {
  auto r = Csv({{"systemer.csv",
                 "ID;System;Type;Eier;Leverandør;Nøkler;Kritikalitet;Innsats (dager);Etter;"
                 "Fast dato\r\n"
                 ";Sak/arkiv;kommunal;4626;\"Tieto; \"\"Evry\"\"\";kommunenummer, fnr;høy;2,5;;"
                 "01.03.2020\r\n"
                 ";\"Økonomi\r\n(Visma)\";Kommunal;4626;;orgnr;Middels;;sak/arkiv;\r\n"
                 ";;;;;;;;;\r\n"},
                {"integrasjoner.csv",
                 "Fra;Til;Bærer;Protokoll\r\nsak-arkiv;ØKONOMI (VISMA);orgnr;fil\r\n"}});
  ASSERT_TRUE(r.ok) << r.messages;
  const System& sak = SystemById(r.landscape, "sak-arkiv");
  EXPECT_EQ(sak.vendor, "Tieto; \"Evry\"");
  EXPECT_EQ(sak.kind, Kind::kMunicipal);
  EXPECT_EQ(sak.criticality, Criticality::kHigh);
  EXPECT_EQ(*sak.cutover.effort_days, 2.5);
  EXPECT_EQ(FormatDate(*sak.cutover.fixed_date), "2020-03-01");
  EXPECT_EQ(sak.keys.size(), 2u);
  // "Økonomi\n(Visma)": the line break inside the quotes is part of the name.
  const System& okonomi = SystemById(r.landscape, "okonomi-visma");
  EXPECT_EQ(okonomi.name, "Økonomi\n(Visma)");
  EXPECT_EQ(okonomi.criticality, Criticality::kMedium);
  ASSERT_EQ(okonomi.cutover.after.size(), 1u);  // "sak/arkiv" by name, any case
  EXPECT_EQ(r.landscape.systems[okonomi.cutover.after[0]].id, "sak-arkiv");
  // "ØKONOMI (VISMA)" names "Økonomi\n(Visma)": case and spacing do not matter.
  ASSERT_EQ(r.landscape.integrations.size(), 1u);
  EXPECT_EQ(r.landscape.systems[r.landscape.integrations[0].to].id, "okonomi-visma");
  EXPECT_TRUE(Has(r.report.notes[0], "separated by semicolons"));
  bool empty_noted = false;
  for (const std::string& n : r.report.notes) empty_noted |= Has(n, "1 empty row");
  EXPECT_TRUE(empty_noted);
}

TEST(ImportCsv, CommasAndEnglishHeadersAndTheCellOfAnUnknownSystem) {
  auto r = Csv({{"systems.csv",
                 "Name,Kind,Owner,Keys,Criticality,Effort days\n"
                 "Sak/arkiv,municipal,4626,\"kommunenummer;fnr\",critical,3\n"
                 "Folkeregisteret,national,Skatteetaten,fnr,high,\n"},
                {"integrations.csv",
                 "From,To,Carries,Protocol\n"
                 "Folkeregisteret,Sak/arkiv,fnr,REST\n"
                 "Folkeregisteret,Sak/arkv,fnr,REST\n"}});
  EXPECT_FALSE(r.ok);
  // Line 3, column 17: "Folkeregisteret," is 16 characters.
  EXPECT_EQ(r.messages,
            "integrations.csv:3:17: error: unknown system 'Sak/arkv' (did you mean "
            "'Sak/arkiv'?)\n");
}

TEST(ImportCsv, EveryProblemAtOnceWithFileLineAndColumn) {
  auto r = Csv({{"systemer.csv",
                 "ID;Navn;Type;Kritikalitet;Innsats (dager);Nøkler\n"
                 "a;A;kommunel;høy;;\n"
                 "b;B;kommunal;veldig;-3;kommune nummer\n"
                 "a;A2;;;;\n"
                 ";;kommunal;;;\n"
                 "bad id;C;;;;\n"},
                {"integrasjoner.csv", "Fra;Til\nA;\nb;B\n"}});
  EXPECT_FALSE(r.ok);
  const std::string& m = r.messages;
  EXPECT_TRUE(Has(m, "systemer.csv:2:5: error: unknown type 'kommunel'")) << m;
  EXPECT_TRUE(Has(m, "systemer.csv:3:14: error: unknown criticality 'veldig'")) << m;
  EXPECT_TRUE(Has(m, "systemer.csv:3:21: error: '-3' is not a number of working days")) << m;
  EXPECT_TRUE(Has(m, "systemer.csv:3:24: error: 'kommune nummer' is not a key name")) << m;
  EXPECT_TRUE(Has(m, "systemer.csv:4:1: error: the id 'a' is used twice (first at 2:1)")) << m;
  EXPECT_TRUE(Has(m, "systemer.csv:5:2: error: this row has no system name")) << m;
  EXPECT_TRUE(Has(m, "systemer.csv:6:1: error: 'bad id' is not an id")) << m;
  EXPECT_TRUE(Has(m, "integrasjoner.csv:2:3: error: this integration has no 'Til'")) << m;
  EXPECT_TRUE(Has(m, "integrasjoner.csv:3:3: error: an integration from 'b' to itself")) << m;
  EXPECT_EQ(r.diagnostics.ErrorCount(), 9u) << m;
}

TEST(ImportCsv, IdsFromNamesAreUniqueAndLeaveGivenIdsAlone) {
  // Row 2 and 3 both fold to sak-arkiv (two systems: their owners differ); row 4 gives
  // sak-arkiv-2 itself, so row 3 gets -3.
  auto r = Csv({{"systemer.csv",
                 "ID;System;Eier\n;Sak/arkiv;1507\n;Sak arkiv;1508\nsak-arkiv-2;Sak/arkiv "
                 "(gammel);1507\n"}});
  ASSERT_TRUE(r.ok) << r.messages;
  ASSERT_EQ(r.landscape.systems.size(), 3u);
  EXPECT_EQ(r.landscape.systems[0].id, "sak-arkiv");
  EXPECT_EQ(r.landscape.systems[1].id, "sak-arkiv-3");
  EXPECT_EQ(r.landscape.systems[2].id, "sak-arkiv-2");
}

TEST(ImportCsv, AmbiguousNamesAskForTheId) {
  auto r = Csv({{"systemer.csv", "ID;System\na;Arkiv\nb;arkiv\n"},
                {"integrasjoner.csv", "Fra;Til\nARKIV;a\n"}});
  EXPECT_FALSE(r.ok);
  EXPECT_TRUE(Has(r.messages,
                  "integrasjoner.csv:2:1: error: 'ARKIV' fits several systems (a, "
                  "b); name the one you mean by its id"))
      << r.messages;
}

TEST(ImportCsv, AnUnclosedQuoteIsNamedWhereItOpens) {
  auto r = Csv({{"systemer.csv", "System;Eier\nA;\"4626\nB;4626\n"}});
  EXPECT_FALSE(r.ok);
  EXPECT_TRUE(Has(r.messages, "systemer.csv:2:3: error: this quote is never closed")) << r.messages;
}

TEST(ImportCsv, AFileThatIsNeitherSaysWhatItLacks) {
  auto r = Csv({{"liste.csv", "Kolonne;Annen\n1;2\n"}});
  EXPECT_FALSE(r.ok);
  EXPECT_TRUE(Has(r.messages,
                  "liste.csv:1:1: error: cannot tell whether this file lists systems "
                  "or integrations"))
      << r.messages;
  EXPECT_TRUE(Has(r.messages, "its first row has 'Kolonne', 'Annen'")) << r.messages;
}

TEST(ImportCli, AWindows1252CsvPairIsConvertedAndSaidSo) {
  std::string dir = TempDir();
  // "Økonomi" and "Bærer" in Windows-1252: Ø = \xD8, æ = \xE6; a BOM-less file.
  WriteBytes(dir + "/systemer.csv", "System;Eier\r\n\xD8konomi;4626\r\nSak/arkiv;4626\r\n");
  WriteBytes(dir + "/integrasjoner.csv", "Fra;Til;B\xE6rer\r\nsak-arkiv;\xD8KONOMI;orgnr\r\n");
  // The integrations first: the files are told apart by their headers, not their order.
  auto r = RunCli(
      {"import", dir + "/integrasjoner.csv", dir + "/systemer.csv", "-o", dir + "/out.json"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_TRUE(Has(r.err, "integrasjoner.csv: Windows-1252 (converted to UTF-8)")) << r.err;
  EXPECT_TRUE(Has(r.err, "Taken: 2 systems, 1 integration, 1 key.")) << r.err;
  auto j = nlohmann::json::parse(ReadFile(dir + "/out.json"));
  EXPECT_EQ(j["systems"][0]["id"], "okonomi");
  EXPECT_EQ(j["systems"][0]["name"], "Økonomi");
  EXPECT_EQ(j["integrations"][0]["to"], "okonomi");
  EXPECT_EQ(RunCli({"validate", dir + "/out.json"}).code, 0);
}

TEST(ImportCli, NationalSystemsTheTablesNameComeFromTheCatalogue) {
  std::string dir = TempDir();
  WriteBytes(dir + "/systemer.csv", "System;Eier;N\xC3\xB8kler\nSak/arkiv;1246;kommunenummer\n");
  // folkeregisteret by its catalogue id, Altinn by its name; neither is defined in the tables.
  WriteBytes(dir + "/integrasjoner.csv",
             "Fra;Til;B\xC3\xA6rer\nfolkeregisteret;Sak/arkiv;fnr, kommunenummer\n"
             "Altinn;Sak/arkiv;orgnr\n");
  auto r = RunCli(
      {"import", dir + "/systemer.csv", dir + "/integrasjoner.csv", "-o", dir + "/out.json"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_TRUE(Has(r.err,
                  "Taken from the national catalogue because the tables name them: "
                  "folkeregisteret, altinn"))
      << r.err;
  auto j = nlohmann::json::parse(ReadFile(dir + "/out.json"));
  auto catalogue = nlohmann::json::parse(ReadFile(SourcePath("datasets/catalogue.json")));
  std::map<std::string, nlohmann::json> expected;
  for (const auto& s : catalogue["systems"]) expected[s["id"]] = s;
  std::set<std::string> ids;
  for (const auto& s : j["systems"]) {
    ids.insert(s["id"]);
    if (s["id"] == "sak-arkiv") continue;
    EXPECT_EQ(s["name"], expected[s["id"]]["name"]);
    EXPECT_EQ(s["owner"], expected[s["id"]]["owner"]);
  }
  EXPECT_EQ(ids, (std::set<std::string>{"sak-arkiv", "folkeregisteret", "altinn"}));
  EXPECT_EQ(j["integrations"][1]["from"], "altinn");
  EXPECT_EQ(RunCli({"validate", dir + "/out.json"}).code, 0);
}

TEST(ImportCli, ACommaCsvWithAByteOrderMarkAndEnglishHeaders) {
  std::string dir = TempDir();
  // The byte order mark must not stick to the first header ("\xEF\xBB\xBFName" is no header).
  WriteBytes(dir + "/systems.csv",
             "\xEF\xBB\xBFName,Kind,Criticality\nSak/arkiv,municipal,high\nNAV,national,\n");
  WriteBytes(dir + "/integrations.csv", "From,To,Carries\nnav,Sak/arkiv,fnr\n");
  auto r = RunCli({"import", dir + "/systems.csv", dir + "/integrations.csv"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_TRUE(Has(r.err, "systems.csv: UTF-8 with byte order mark")) << r.err;
  EXPECT_TRUE(Has(r.err, "systems.csv: systems, separated by commas")) << r.err;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["systems"][1]["id"], "nav");
  EXPECT_EQ(j["integrations"][0]["from"], "nav");
}

TEST(ImportCli, AWorkbookIsNotWrittenToATerminal) {
  if (std::system("command -v script >/dev/null 2>&1") != 0)
    LANDSKAP_SKIP_UNLESS_CI(std::string("script(1) is not installed (Debian: bsdutils)"));
  // script(1) gives the program a terminal as its standard output.
  std::string cmd = "script -qec '" + std::string(LANDSKAP_BINARY) + " template' /dev/null";
  FILE* p = popen(cmd.c_str(), "r");
  ASSERT_NE(p, nullptr);
  std::string out;
  char buffer[512];
  size_t n;
  while ((n = fread(buffer, 1, sizeof buffer, p)) > 0) out.append(buffer, n);
  int status = pclose(p);
  EXPECT_EQ(WEXITSTATUS(status), 2) << out;
  EXPECT_TRUE(Has(out, "an Excel workbook cannot be shown in the terminal; name a file with -o"))
      << out;
}

TEST(ImportCli, UnknownSourcesAndKindsAreNamed) {
  std::string dir = TempDir();
  WriteBytes(dir + "/notat.pdf", "bare tekst\n");
  auto r = RunCli({"import", dir + "/notat.pdf"});
  EXPECT_EQ(r.code, 2);
  EXPECT_TRUE(Has(r.err, "cannot tell what kind of source this is; name the kind with --from"))
      << r.err;
  EXPECT_TRUE(Has(r.err, "xlsx")) << r.err;
  EXPECT_TRUE(Has(r.err, "csv")) << r.err;
  r = RunCli({"import", "--from", "xls", dir + "/notat.pdf"});
  EXPECT_EQ(r.code, 2);
  EXPECT_TRUE(Has(r.err, "--from 'xls' is not a kind landskap reads (did you mean 'xlsx'?)"))
      << r.err;
  r = RunCli({"import", dir + "/mangler.xlsx"});
  EXPECT_EQ(r.code, 2);
  EXPECT_TRUE(Has(r.err, "mangler.xlsx: error: there is no such file")) << r.err;
  // A file named .txt is taken as CSV by its name, and told what a CSV inventory needs.
  WriteBytes(dir + "/notat.txt", "bare tekst\n");
  r = RunCli({"import", dir + "/notat.txt"});
  EXPECT_TRUE(Has(r.err, "notat.txt:1:1: error: cannot tell whether this file lists systems"))
      << r.err;
  EXPECT_FALSE(std::filesystem::exists(dir + "/out.json"));
}

// Issue 17, finding 20: "sep=ø" took the byte 0xC3 as the separator and split every ø. A
// separator that is not one ASCII character is refused at line 1, column 5.
TEST(ImportCsv, ASepLineNamingANonAsciiCharacterIsRefused) {
  auto r = Csv({{"systemer.csv", "sep=ø\nSystem;Eier\nSak og arkiv;4626\nLønnssystem;4626\n"}});
  EXPECT_FALSE(r.ok);
  EXPECT_TRUE(Has(r.messages,
                  "systemer.csv:1:5: error: 'sep=ø' names a separator landskap "
                  "cannot use: a separator is one plain character such as ; or , or "
                  "a tab. Write sep=; on the first line"))
      << r.messages;
  auto quote = Csv({{"systemer.csv", "sep=\"\nSystem\nA\n"}});
  EXPECT_TRUE(Has(quote.messages, "systemer.csv:1:5: error: 'sep=\"' names a separator"))
      << quote.messages;
  // The separators Excel writes still work, a tab too.
  for (const char* sep : {";", ",", "\t", "|"}) {
    std::string text = std::string("sep=") + sep + "\nSystem" + sep + "Eier\nSak" + sep + "4626\n";
    auto ok = Csv({{"systemer.csv", text}});
    ASSERT_TRUE(ok.ok) << sep << ": " << ok.messages;
    EXPECT_EQ(SystemById(ok.landscape, "sak").owner, "4626") << sep;
  }
}

// Issue 17, finding 4: a CSV of blank lines or of separators kept a row per line and a 64-byte
// cell per field (100 bytes per byte of input). Rows with nothing in them are only counted, and
// a row keeps at most 256 fields; the places of empty fields are still exact.
TEST(ImportCsv, EmptyRowsAndFieldsAreNotKept) {
  std::string text = "System;Eier\nA;4626\n" + std::string(100000, '\n') + std::string(50000, ';') +
                     "\n" + "B;;" + std::string(1000, ';') + "\n" + std::string(3, '\n');
  Table table;
  CsvInfo info;
  MemoryBudget budget(text.size());
  Diagnostics d("systemer.csv");
  ASSERT_TRUE(ParseCsv(text, "systemer.csv", CsvOptions{}, &table, &info, &budget, &d));
  // Three rows kept (header, A, B), each with only its non-empty cells.
  ASSERT_EQ(table.rows.size(), 3u);
  EXPECT_EQ(table.rows[2].cells.size(), 1u);
  EXPECT_EQ(table.rows[2].line, 100000u + 4);  // 2 lines, 100 000 blank, the ';' line, then B
  EXPECT_EQ(table.rows[2].empty_before, 100001u);
  EXPECT_EQ(table.empty_rows_at_end, 3u);
  // Two rows had more than 256 fields; the first is the line of 50 000 separators.
  EXPECT_EQ(info.cut_rows, 2u);
  EXPECT_EQ(info.first_cut_line, 100003u);
  // The empty 'Eier' of B is at column 3: "B;" is two characters.
  EXPECT_EQ(table.Place(2, 1), "100004:3");
  // What the mapper reports: the empty rows after the header, and the cut rows.
  auto r = Csv({{"systemer.csv", text}});
  ASSERT_TRUE(r.ok) << r.messages;
  EXPECT_EQ(r.landscape.systems.size(), 2u);
  bool empty_noted = false;
  for (const std::string& n : r.report.notes) empty_noted |= Has(n, "100004 empty rows");
  EXPECT_TRUE(empty_noted);
  ASSERT_EQ(r.report.skipped.size(), 1u);
  EXPECT_EQ(r.report.skipped[0].place, "systemer.csv:100003");
  EXPECT_EQ(r.report.skipped[0].what, "fields past the 256th");
}

// The budget (engine/model/budget.h) stops a table that would keep more than seven times the
// file's size and 32 MB, with the line where it is spent: here a budget of 0 input bytes (32 MB)
// against rows of 100 000-character cells (about 100 kB each, so it is spent before row 400).
TEST(ImportCsv, AFileThatWouldTakeTooMuchMemoryStopsWithItsLine) {
  std::string row = std::string(100000, 'x') + "\n";
  std::string text;
  for (int i = 0; i < 400; ++i) text += row;
  Table table;
  CsvInfo info;
  MemoryBudget budget(0);
  Diagnostics d("systemer.csv");
  EXPECT_FALSE(ParseCsv(text, "systemer.csv", CsvOptions{}, &table, &info, &budget, &d));
  ASSERT_EQ(d.Items().size(), 1u);
  EXPECT_TRUE(Has(Messages(d), "the rows up to here take more than 32 MB in memory"))
      << Messages(d);
  EXPECT_LT(table.rows.size(), 400u);
}

// Issue 17, finding 23: a CSV header of 100 000 unknown columns printed 100 000 "Skipped" lines
// (7 MB). Fields past the 256th are not read, and the report shows 100 lines of a kind.
TEST(ImportCli, ReportsAreCapped) {
  std::string dir = TempDir();
  std::string header = "System";
  for (int i = 0; i < 100000; ++i) header += ";Kolonne " + std::to_string(i);
  WriteBytes(dir + "/systemer.csv", header + "\nSak;x\n");
  auto r = RunCli({"import", dir + "/systemer.csv", "-o", dir + "/out.json"});
  EXPECT_EQ(r.code, 0) << r.err.substr(0, 2000);
  EXPECT_LT(r.err.size(), 20000u);
  EXPECT_TRUE(Has(r.err, "… and 156 more skipped (the first 100 are shown)")) << r.err;
  EXPECT_TRUE(Has(r.err, "systemer.csv:1: fields past the 256th")) << r.err;
  // 1 000 rows with no name: 100 errors shown, then the count of the rest.
  std::string rows = "System;Eier\n";
  for (int i = 0; i < 1000; ++i) rows += ";4626\n";
  WriteBytes(dir + "/tom.csv", rows);
  r = RunCli({"import", dir + "/tom.csv", "-o", dir + "/out2.json"});
  EXPECT_EQ(r.code, 2);
  EXPECT_TRUE(Has(r.err, "… and 900 more errors (the first 100 are shown)")) << r.err;
  EXPECT_TRUE(Has(r.err, "1000 errors in the sources")) << r.err;
}

// ---- xlsx --------------------------------------------------------------------------------

// A sheet of hand-written rows (<row> elements) as the only sheet "Systemer".
std::string OneSheet(const std::string& rows, const std::string& shared = "") {
  std::string sheet = "<worksheet><sheetData>" + rows + "</sheetData></worksheet>";
  if (shared.empty()) return HandWorkbook("", {{"Systemer", sheet}});
  std::string wb =
      "<workbook xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
      "<sheets><sheet name=\"Systemer\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
  std::string rels =
      "<Relationships><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/"
      "officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
      "</Relationships>";
  return ZipOf({{"xl/workbook.xml", wb},
                {"xl/_rels/workbook.xml.rels", rels},
                {"xl/worksheets/sheet1.xml", sheet},
                {"xl/sharedStrings.xml", "<sst>" + shared + "</sst>"}});
}

std::string Inline(const std::string& ref, const std::string& text) {
  return "<c r=\"" + ref + "\" t=\"inlineStr\"><is><t>" + text + "</t></is></c>";
}

// Issue 17, finding 1: a row with one cell in column IV kept 256 cells (16 kB a row). A row
// keeps the cells that hold something.
TEST(ImportXlsx, RowsKeepOnlyTheirCells) {
  std::string rows = "<row r=\"1\">" + Inline("A1", "System") + "</row>";
  for (int r = 2; r < 1002; ++r)
    rows += "<row r=\"" + std::to_string(r) + "\"><c r=\"A" + std::to_string(r) + "\"/>" +
            Inline("IV" + std::to_string(r), "x") + "</row>";
  std::vector<Table> sheets;
  Diagnostics d("wide.xlsx");
  ASSERT_TRUE(ReadWorkbook(OneSheet(rows), "wide.xlsx", &sheets, &d)) << Messages(d);
  ASSERT_EQ(sheets[0].rows.size(), 1001u);
  for (const TableRow& row : sheets[0].rows) ASSERT_EQ(row.cells.size(), 1u);
  EXPECT_EQ(sheets[0].rows[1].cells[0].index, 255u);  // IV
  EXPECT_EQ(sheets[0].rows[1].Text(255), "x");
  EXPECT_EQ(sheets[0].rows[1].Find(0), nullptr);
}

// Issue 17, finding 18: columns past IV were dropped without the note the code meant to give.
TEST(ImportXlsx, ColumnsPastIVAreToldInTheReport) {
  std::string rows = "<row r=\"1\">" + Inline("A1", "System") + Inline("IW1", "Eier") +
                     "</row><row r=\"2\">" + Inline("A2", "Sak") + Inline("IW2", "4626") + "</row>";
  auto r = Xlsx(OneSheet(rows));
  ASSERT_TRUE(r.ok) << r.messages;
  ASSERT_EQ(r.report.skipped.size(), 1u);
  EXPECT_EQ(r.report.skipped[0].place, "Systemer!IW1");
  EXPECT_EQ(r.report.skipped[0].what, "cells beyond column IV");
  EXPECT_TRUE(Has(r.report.skipped[0].reason, "only the first 256 are read"));
}

// Issue 17, finding 2: a 200 MB shared string was copied into each of 64 cells. A string longer
// than Excel's 32 767 characters is refused with its place; copies of a long string count
// against the reader's memory budget.
TEST(ImportXlsx, StringsLongerThanExcelAllowsAreRefused) {
  std::string rows = "<row r=\"1\">" + Inline("A1", "System") + "</row>" +
                     "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>1</v></c></row>";
  auto shared =
      Xlsx(OneSheet(rows, "<si><t>System</t></si><si><t>" + std::string(40000, 'a') + "</t></si>"));
  EXPECT_FALSE(shared.ok);
  EXPECT_TRUE(Has(shared.messages,
                  "inventar.xlsx:xl/sharedStrings.xml: error: string item 2 holds 40000 "
                  "characters; an Excel cell holds at most 32 767"))
      << shared.messages;
  // 32 767 characters of 'ø' (two bytes each) are still one cell's worth.
  auto fits = Xlsx(OneSheet(
      rows, "<si><t>System</t></si><si><t>" + [] {
        std::string t;
        for (int i = 0; i < 32767; ++i) t += "ø";
        return t;
      }() + "</t></si>"));
  EXPECT_TRUE(fits.ok) << fits.messages.substr(0, 500);
  auto inline_text =
      Xlsx(OneSheet("<row r=\"1\">" + Inline("A1", "System") + "</row><row r=\"2\">" +
                    Inline("A2", std::string(32768, 'b')) + "</row>"));
  EXPECT_FALSE(inline_text.ok);
  EXPECT_TRUE(Has(inline_text.messages,
                  "inventar.xlsx:Systemer!A2: error: this cell holds 32768 characters"))
      << inline_text.messages.substr(0, 500);
}

TEST(ImportXlsx, CopiesOfALongSharedStringStopAtTheBudget) {
  // 3 000 cells use one 30 000-character string: 90 MB of copies, more than the budget of a
  // workbook this small (32 MB and seven times its ~150 kB of parts).
  std::string rows = "<row r=\"1\">" + Inline("A1", "System") + "</row>";
  for (int r = 2; r < 3002; ++r)
    rows += "<row r=\"" + std::to_string(r) + "\"><c r=\"A" + std::to_string(r) +
            "\" t=\"s\"><v>0</v></c></row>";
  auto r = Xlsx(OneSheet(rows, "<si><t>" + std::string(30000, 'c') + "</t></si>"));
  EXPECT_FALSE(r.ok);
  EXPECT_TRUE(Has(r.messages, "error: the cells up to here take more than")) << r.messages;
  // The budget is about 34 MB here (32 MB and seven times the ~0.2 MB of file and parts), so it
  // is spent near row 34 MB / 30 kB ≈ 1 160.
  size_t at = r.messages.find("inventar.xlsx:Systemer!A");
  ASSERT_NE(at, std::string::npos) << r.messages;
  int row = std::atoi(r.messages.c_str() + at + 24);
  EXPECT_GT(row, 1000) << r.messages;
  EXPECT_LT(row, 1300) << r.messages;
}

// Issue 17, finding 23: a Word document renamed .xlsx was "a workbook with no sheets", an
// OpenDocument spreadsheet "a Word or PowerPoint file".
TEST(ImportXlsx, OtherOfficeFilesAreNamed) {
  std::string docx =
      ZipOf({{"_rels/.rels",
              "<Relationships><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/"
              "officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>"
              "</Relationships>"},
             {"word/document.xml", "<w:document xmlns:w=\"x\"><w:body/></w:document>"}});
  auto word = Xlsx(docx);
  EXPECT_TRUE(Has(word.messages,
                  "inventar.xlsx: error: this is a Word document (.docx) named "
                  "like a workbook"))
      << word.messages;
  std::string ods = ZipOf({{"mimetype", "application/vnd.oasis.opendocument.spreadsheet"},
                           {"content.xml", "<office:document-content/>"}});
  auto calc = Xlsx(ods);
  EXPECT_TRUE(Has(calc.messages,
                  "error: this is an OpenDocument spreadsheet (LibreOffice Calc, "
                  ".ods), not an Excel workbook"))
      << calc.messages;
  // `import inventar.ods` (no --from) reaches the workbook reader, which says how to save it.
  std::string dir = TempDir();
  WriteBytes(dir + "/inventar.ods", ods);
  auto r = RunCli({"import", dir + "/inventar.ods", "-o", dir + "/out.json"});
  EXPECT_EQ(r.code, 2);
  EXPECT_TRUE(Has(r.err, "inventar.ods: error: this is an OpenDocument spreadsheet")) << r.err;
}

TEST(ImportXlsx, SharedStringsNumbersDatesAndMergedHeaderCells) {
  std::string bytes = Workbook([](lxw_workbook* wb) {
    lxw_worksheet* s = workbook_add_worksheet(wb, "SYSTEMER");
    // A two-row header: ID and System merged down over rows 1-2, "Omstilling" over C1:E1.
    worksheet_merge_range(s, 0, 0, 1, 0, "ID", nullptr);
    worksheet_merge_range(s, 0, 1, 1, 1, "System", nullptr);
    worksheet_merge_range(s, 0, 2, 0, 4, "Omstilling", nullptr);
    Row(s, 1, {"", "", "Innsats (dager)", "Etter", "Fast dato", "Eier"});
    Row(s, 2, {"", "Sak/arkiv", "", "", ""});
    worksheet_write_number(s, 2, 2, 10, nullptr);
    worksheet_write_number(s, 2, 4, 43831, nullptr);  // 2020-01-01
    worksheet_write_number(s, 2, 5, 301, nullptr);    // Oslo's 0301, typed as a number
    // Row 4 is empty; row 5 has an effort that is not a number.
    Row(s, 4, {"", "Økonomi", "mye", "Sak/arkiv"});
    lxw_worksheet* i = workbook_add_worksheet(wb, "Integrasjoner");
    Row(i, 0, {"Fra", "Til"});
    Row(i, 1, {"Sak/arkiv", "Økonomi"});
  });
  auto r = Xlsx(bytes);
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.messages,
            "inventar.xlsx:SYSTEMER!C5: error: 'mye' is not a number of working days; write a "
            "number such as 10 or 2,5\n");
  const System& sak = SystemById(r.landscape, "sak-arkiv");
  EXPECT_EQ(*sak.cutover.effort_days, 10);
  EXPECT_EQ(FormatDate(*sak.cutover.fixed_date), "2020-01-01");
  EXPECT_EQ(sak.owner, "0301");
}

TEST(ImportXlsx, UnknownSystemNamesSheetAndCell) {
  std::string bytes = Workbook([](lxw_workbook* wb) {
    lxw_worksheet* s = workbook_add_worksheet(wb, "Systemer");
    Row(s, 0, {"System", "Type"});
    Row(s, 1, {"Sak/arkiv", "kommunal"});
    lxw_worksheet* i = workbook_add_worksheet(wb, "Integrasjoner");
    Row(i, 0, {"ID", "Fra", "Til"});
    for (lxw_row_t r = 1; r < 11; ++r) Row(i, r, {"", "", ""});
    Row(i, 11, {"", "Sak/arkv", "Sak/arkiv"});
  });
  auto r = Xlsx(bytes);
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.messages,
            "inventar.xlsx:Integrasjoner!B12: error: unknown system 'Sak/arkv' (did you mean "
            "'Sak/arkiv'?)\n");
}

TEST(ImportXlsx, InlineStringsBooleansPrefixesAnd1904Dates) {
  // Written by hand the way other producers do: inline strings, a "x:" namespace prefix,
  // a boolean, a formula's cached string, sheets named in English and in capitals.
  std::string systems =
      "<x:worksheet xmlns:x=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
      "<x:sheetData>"
      "<x:row r=\"1\"><x:c r=\"A1\" t=\"inlineStr\"><x:is><x:t>Name</x:t></x:is></x:c>"
      "<x:c r=\"B1\" t=\"inlineStr\"><x:is><x:r><x:t>Fixed </x:t></x:r><x:r><x:t>date</x:t>"
      "</x:r></x:is></x:c><x:c r=\"C1\" t=\"inlineStr\"><x:is><x:t>Aktiv</x:t></x:is></x:c>"
      "</x:row>"
      "<x:row r=\"3\"><x:c r=\"A3\" t=\"str\"><x:f>\"Sak\"&amp;\"/arkiv\"</x:f><x:v>Sak/arkiv"
      "</x:v></x:c><x:c r=\"B3\"><x:v>42369</x:v></x:c><x:c r=\"C3\" t=\"b\"><x:v>1</x:v>"
      "</x:c></x:row>"
      "</x:sheetData></x:worksheet>";
  std::string integrations =
      "<worksheet><sheetData><row r=\"1\"><c t=\"inlineStr\"><is><t>From</t></is></c>"
      "<c t=\"inlineStr\"><is><t>To</t></is></c></row></sheetData></worksheet>";
  auto r = Xlsx(HandWorkbook("<workbookPr date1904=\"1\"/>",
                             {{"Systems", systems}, {"INTEGRATIONS", integrations}}));
  ASSERT_TRUE(r.ok) << r.messages;
  const System& sak = SystemById(r.landscape, "sak-arkiv");
  EXPECT_EQ(FormatDate(*sak.cutover.fixed_date), "2020-01-01");  // 42369 from 1904
  ASSERT_EQ(r.report.skipped.size(), 1u);
  EXPECT_EQ(r.report.skipped[0].place, "Systems!C1");
  EXPECT_EQ(r.report.skipped[0].what, "column 'Aktiv'");
}

TEST(ImportXlsx, SheetsNamedOtherwiseAreTakenByTheirHeaders) {
  std::string bytes = Workbook([](lxw_workbook* wb) {
    lxw_worksheet* a = workbook_add_worksheet(wb, "Ark1");
    Row(a, 0, {"Navn", "Kritikalitet"});
    Row(a, 1, {"Sak/arkiv", "kritisk"});
    Row(a, 2, {"Økonomi", "lav"});
    lxw_worksheet* b = workbook_add_worksheet(wb, "Ark2");
    Row(b, 0, {"Fra", "Til"});
    Row(b, 1, {"Sak/arkiv", "okonomi"});
    lxw_worksheet* c = workbook_add_worksheet(wb, "Notater");
    Row(c, 0, {"husk å sjekke"});
  });
  auto r = Xlsx(bytes);
  ASSERT_TRUE(r.ok) << r.messages;
  EXPECT_EQ(r.landscape.systems.size(), 2u);
  EXPECT_EQ(r.landscape.integrations.size(), 1u);
  EXPECT_EQ(SystemById(r.landscape, "sak-arkiv").criticality, Criticality::kCritical);
  ASSERT_EQ(r.report.skipped.size(), 1u);
  EXPECT_EQ(r.report.skipped[0].what, "sheet 'Notater'");
}

TEST(ImportXlsx, WhatIsNotAWorkbookIsToldSo) {
  auto r = Xlsx("System;Eier\nA;1\n");
  EXPECT_TRUE(Has(r.messages, "inventar.xlsx: error: this is not an Excel workbook (.xlsx)"))
      << r.messages;
  r = Xlsx(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(100, '\0'));
  EXPECT_TRUE(Has(r.messages, "old Excel 97-2003 workbook (.xls)")) << r.messages;
  r = Xlsx(ZipOf({{"word/document.xml", "<w/>"}}));
  EXPECT_TRUE(Has(r.messages, "this is a Word document (.docx) named like a workbook"))
      << r.messages;
  r = Xlsx(ZipOf({{"notes.txt", "hei"}}));
  EXPECT_TRUE(Has(r.messages,
                  "this zip archive is not an Excel workbook: it has no "
                  "xl/workbook.xml"))
      << r.messages;
  r = Xlsx(HandWorkbook("", {{"Systemer", "<worksheet><sheetData><row>"}}));
  EXPECT_TRUE(Has(r.messages,
                  "xl/worksheets/sheet1.xml: error: this part of the workbook is not "
                  "well-formed XML"))
      << r.messages;
}

// ---- template, import, validate ----------------------------------------------------------

TEST(ImportCli, TheUntouchedTemplateImportsAndValidates) {
  std::string dir = TempDir();
  auto t = RunCli({"template", "-o", dir + "/inventar.xlsx"});
  ASSERT_EQ(t.code, 0) << t.err;
  // The template's sheets, read back: guide first, then the three to fill in and the list.
  std::vector<Table> sheets;
  Diagnostics d("inventar.xlsx");
  ASSERT_TRUE(ReadWorkbook(ReadFile(dir + "/inventar.xlsx"), "inventar.xlsx", &sheets, &d));
  ASSERT_EQ(sheets.size(), 5u);
  EXPECT_EQ(sheets[0].name, "Slik fyller du ut");
  EXPECT_EQ(sheets[1].name, "Systemer");
  EXPECT_EQ(sheets[1].rows[0].Text(4), "Leverandør");
  EXPECT_EQ(sheets[2].rows[0].Text(3), "Bærer");
  // The reform: only its header, so the untouched template changes nothing.
  EXPECT_EQ(sheets[3].name, "Endringer");
  ASSERT_EQ(sheets[3].rows.size(), 1u);
  EXPECT_EQ(sheets[3].rows[0].Text(0), "Fra kommunenummer");
  EXPECT_EQ(sheets[3].rows[0].Text(3), "Type");
  EXPECT_EQ(sheets[4].name, "Nasjonale systemer");
  // The national catalogue: datasets/catalogue.json has 68 systems (counted with Python), each
  // with the public source of its facts in the last column.
  EXPECT_EQ(sheets[4].rows.size(), 69u);
  EXPECT_EQ(sheets[4].rows[0].Text(7), "Kilde");
  std::string xml;
  {
    int error = 0;
    zip_t* z = zip_open((dir + "/inventar.xlsx").c_str(), ZIP_RDONLY, &error);
    ASSERT_NE(z, nullptr);
    zip_file_t* f = zip_fopen(z, "xl/worksheets/sheet2.xml", 0);
    ASSERT_NE(f, nullptr);
    char buffer[4096];
    zip_int64_t n;
    while ((n = zip_fread(f, buffer, sizeof buffer)) > 0) xml.append(buffer, n);
    zip_fclose(f);
    zip_discard(z);
  }
  EXPECT_TRUE(Has(xml, "<dataValidation type=\"list\"")) << "drop-down lists";
  EXPECT_TRUE(Has(xml, "\"kommunal,interkommunal,nasjonal,leverandør\"")) << xml.substr(0, 400);

  auto i = RunCli({"import", dir + "/inventar.xlsx", "-o", dir + "/landskap.json"});
  ASSERT_EQ(i.code, 0) << i.err;
  auto v = RunCli({"validate", dir + "/landskap.json"});
  EXPECT_EQ(v.code, 0) << v.err;
  // Sak/arkiv and Økonomi from the sheet; Folkeregisteret (named by name) and
  // enhetsregisteret (named by id) from the national list; three integrations.
  EXPECT_EQ(v.out, "OK: 4 systems, 3 integrations\n");
  auto j = nlohmann::json::parse(ReadFile(dir + "/landskap.json"));
  std::set<std::string> ids;
  for (const auto& s : j["systems"]) ids.insert(s["id"]);
  EXPECT_EQ(ids,
            (std::set<std::string>{"sak-arkiv", "okonomi", "folkeregisteret", "enhetsregisteret"}));
  EXPECT_TRUE(Has(i.err, "folkeregisteret, enhetsregisteret")) << i.err;
  // A national system taken from the list keeps the catalogue's source of its facts.
  auto catalogue = nlohmann::json::parse(ReadFile(SourcePath("datasets/catalogue.json")));
  std::string expected_source;
  for (const auto& s : catalogue["systems"])
    if (s["id"] == "folkeregisteret") expected_source = s["source"];
  ASSERT_FALSE(expected_source.empty());
  for (const auto& s : j["systems"]) {
    if (s["id"] != "folkeregisteret") continue;
    EXPECT_EQ(s.value("source", ""), expected_source);
  }
}

// ---- --format xlsx -----------------------------------------------------------------------

TEST(FormatXlsx, PlanWorkbookHasHeadersAFrozenPaneAndExcelDates) {
  std::string dir = TempDir();
  auto r = RunCli({"plan", SourcePath("datasets/tiny.json"), "--all", "--start", "2019-08-01", "-o",
                   dir + "/plan.xlsx"});
  ASSERT_EQ(r.code, 0) << r.err;
  std::string bytes = ReadFile(dir + "/plan.xlsx");
  std::vector<Table> sheets;
  Diagnostics d("plan.xlsx");
  ASSERT_TRUE(ReadWorkbook(bytes, "plan.xlsx", &sheets, &d)) << Messages(d);
  ASSERT_EQ(sheets.size(), 4u);
  EXPECT_EQ(sheets[0].name, "Sammendrag");  // the summary first (issue 19)
  EXPECT_EQ(sheets[1].name, "Plan");
  EXPECT_EQ(sheets[1].rows[0].Text(0), "ID");
  EXPECT_EQ(sheets[1].rows[0].Text(15), "Startdato");
  // The first task starts on the start day: 2019-08-01 is Excel serial 43678
  // (2019-01-01 is 43466, plus 212 days).
  const TableCell* start = sheets[1].rows[1].Find(15);
  ASSERT_NE(start, nullptr);
  EXPECT_TRUE(start->number);
  EXPECT_EQ(start->value, 43678);
  int error = 0;
  zip_t* z = zip_open((dir + "/plan.xlsx").c_str(), ZIP_RDONLY, &error);
  ASSERT_NE(z, nullptr);
  zip_file_t* f = zip_fopen(z, "xl/worksheets/sheet1.xml", 0);
  std::string xml;
  char buffer[4096];
  zip_int64_t n;
  while ((n = zip_fread(f, buffer, sizeof buffer)) > 0) xml.append(buffer, n);
  zip_fclose(f);
  zip_discard(z);
  EXPECT_TRUE(Has(xml,
                  "<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" "
                  "state=\"frozen\"/>"));
  EXPECT_TRUE(Has(xml, "<autoFilter ref=\"A1:"));
}

TEST(FormatXlsx, ImpactAndStatsWriteWorkbooksAndOtherFormatsStay) {
  std::string dir = TempDir();
  auto r = RunCli({"impact", SourcePath("datasets/tiny.json"), "--key", "kommunenummer", "--format",
                   "xlsx", "-o", dir + "/impact.xlsx"});
  ASSERT_EQ(r.code, 0) << r.err;
  std::vector<Table> sheets;
  Diagnostics d("impact.xlsx");
  ASSERT_TRUE(ReadWorkbook(ReadFile(dir + "/impact.xlsx"), "impact.xlsx", &sheets, &d));
  ASSERT_EQ(sheets.size(), 2u);
  EXPECT_EQ(sheets[0].name, "Berørte systemer");
  auto csv = RunCli(
      {"impact", SourcePath("datasets/tiny.json"), "--key", "kommunenummer", "--format", "csv"});
  // As many affected systems in the sheet as rows in the CSV (both have a header row).
  size_t csv_rows = std::count(csv.out.begin(), csv.out.end(), '\n');
  EXPECT_EQ(sheets[0].rows.size(), csv_rows);
  r = RunCli({"stats", SourcePath("datasets/tiny.json"), "-o", dir + "/stats.xlsx"});
  ASSERT_EQ(r.code, 0) << r.err;
  sheets.clear();
  ASSERT_TRUE(ReadWorkbook(ReadFile(dir + "/stats.xlsx"), "stats.xlsx", &sheets, &d));
  EXPECT_EQ(sheets[0].name, "Oversikt");
  EXPECT_EQ(sheets[0].rows[1].Text(0), "Systemer");
}

}  // namespace
}  // namespace landskap
