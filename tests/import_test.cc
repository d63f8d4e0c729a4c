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
  auto bytes = cli::BuildXlsx(fill, &error);
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
  // Row 2 and 3 both fold to sak-arkiv; row 4 gives sak-arkiv-2 itself, so row 3 gets -3.
  auto r = Csv(
      {{"systemer.csv", "ID;System\n;Sak/arkiv\n;Sak arkiv\nsak-arkiv-2;Sak/arkiv (gammel)\n"}});
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

// ---- xlsx --------------------------------------------------------------------------------

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
  EXPECT_TRUE(Has(r.messages, "is not an Excel workbook (it has no xl/workbook.xml)"))
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
  // The template's sheets, read back: guide first, then the two to fill in and the list.
  std::vector<Table> sheets;
  Diagnostics d("inventar.xlsx");
  ASSERT_TRUE(ReadWorkbook(ReadFile(dir + "/inventar.xlsx"), "inventar.xlsx", &sheets, &d));
  ASSERT_EQ(sheets.size(), 4u);
  EXPECT_EQ(sheets[0].name, "Slik fyller du ut");
  EXPECT_EQ(sheets[1].name, "Systemer");
  EXPECT_EQ(sheets[1].rows[0].cells[4].text, "Leverandør");
  EXPECT_EQ(sheets[2].rows[0].cells[3].text, "Bærer");
  EXPECT_EQ(sheets[3].name, "Nasjonale systemer");
  // The national catalogue: datasets/catalogue.json has 68 systems (counted with Python), each
  // with the public source of its facts in the last column.
  EXPECT_EQ(sheets[3].rows.size(), 69u);
  EXPECT_EQ(sheets[3].rows[0].cells[7].text, "Kilde");
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
  ASSERT_EQ(sheets.size(), 3u);
  EXPECT_EQ(sheets[0].name, "Plan");
  EXPECT_EQ(sheets[0].rows[0].cells[0].text, "ID");
  EXPECT_EQ(sheets[0].rows[0].cells[14].text, "Startdato");
  // The first task starts on the start day: 2019-08-01 is Excel serial 43678
  // (2019-01-01 is 43466, plus 212 days).
  const TableCell& start = sheets[0].rows[1].cells[14];
  EXPECT_TRUE(start.number);
  EXPECT_EQ(start.value, 43678);
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
  EXPECT_EQ(sheets[0].rows[1].cells[0].text, "Systemer");
}

}  // namespace
}  // namespace landskap
