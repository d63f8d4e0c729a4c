// The workbook as the landscape: `landskap template`, filled in the way a spreadsheet program
// does (rows added to its sheets' XML inside the zip, here with libzip), goes straight into
// impact, plan, render and report, its Endringer sheet being the reform; the answers equal those
// from the file `landskap import` writes. Change tables and workbooks given in each other's
// place are named.
#include <gtest/gtest.h>
#include <zip.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "cli/formats/xlsx_writer.h"
#include "tests/test_support.h"

namespace landskap {
namespace {

using testing::ReadFile;
using testing::RunCli;
using testing::TempDir;

bool Has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

std::string Write(const std::string& dir, const std::string& name, const std::string& text) {
  std::string path = dir + "/" + name;
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

// A cell as a spreadsheet program writes one: a number, or text kept in the cell.
struct Cell {
  Cell(const char* t) : text(t) {}            // NOLINT: cells are written as literals
  Cell(double v) : number(true), value(v) {}  // NOLINT
  std::string text;
  bool number = false;
  double value = 0;
};

std::string ColumnName(size_t c) { return std::string(1, static_cast<char>('A' + c)); }

// Rows `first`, `first`+1 … as sheet XML.
std::string RowsXml(int first, const std::vector<std::vector<Cell>>& rows) {
  std::string xml;
  for (size_t r = 0; r < rows.size(); ++r) {
    std::string n = std::to_string(first + static_cast<int>(r));
    xml += "<row r=\"" + n + "\">";
    for (size_t c = 0; c < rows[r].size(); ++c) {
      const Cell& cell = rows[r][c];
      std::string ref = ColumnName(c) + n;
      if (cell.number) {
        char v[32];
        std::snprintf(v, sizeof v, "%g", cell.value);
        xml += "<c r=\"" + ref + "\"><v>" + v + "</v></c>";
      } else if (!cell.text.empty()) {
        xml += "<c r=\"" + ref + "\" t=\"inlineStr\"><is><t>" + cell.text + "</t></is></c>";
      }
    }
    xml += "</row>";
  }
  return xml;
}

// The workbook at `path` with rows added at the end of some of its sheets (part name → rows).
std::string FillIn(const std::string& path, const std::map<std::string, std::string>& rows,
                   const std::string& out) {
  int error = 0;
  zip_t* in = zip_open(path.c_str(), ZIP_RDONLY, &error);
  EXPECT_NE(in, nullptr);
  std::vector<std::pair<std::string, std::string>> parts;
  for (zip_int64_t i = 0; in && i < zip_get_num_entries(in, 0); ++i) {
    std::string name = zip_get_name(in, static_cast<zip_uint64_t>(i), 0);
    zip_file_t* f = zip_fopen_index(in, static_cast<zip_uint64_t>(i), 0);
    std::string content;
    char buffer[4096];
    zip_int64_t n;
    while ((n = zip_fread(f, buffer, sizeof buffer)) > 0)
      content.append(buffer, static_cast<size_t>(n));
    zip_fclose(f);
    if (auto added = rows.find(name); added != rows.end()) {
      size_t end = content.find("</sheetData>");
      EXPECT_NE(end, std::string::npos) << name;
      content.insert(end, added->second);
    }
    parts.emplace_back(name, std::move(content));
  }
  if (in) zip_discard(in);
  zip_t* z = zip_open(out.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  EXPECT_NE(z, nullptr);
  for (const auto& [name, content] : parts) {
    zip_source_t* s = zip_source_buffer(z, content.data(), content.size(), 0);
    zip_file_add(z, name.c_str(), s, ZIP_FL_OVERWRITE);
  }
  zip_close(z);
  return out;
}

// The template filled in: two systems of 1507 Ålesund besides the template's examples, two
// integrations, and a reform of a split (1507 into 1508 and 1580, the second row typed as
// numbers and an Excel date) and a merger (1245 and 1246 into 4626).
std::string FilledTemplate(const std::string& dir, const char* gemini = "Gemini VA",
                           const char* gemini_id = "", const std::string& name = "inventar.xlsx") {
  auto t = RunCli({"template", "-o", dir + "/template.xlsx", "--force"});
  EXPECT_EQ(t.code, 0) << t.err;
  // The template's sheets: 1 guide, 2 Systemer, 3 Integrasjoner, 4 Endringer, 5 national list.
  return FillIn(
      dir + "/template.xlsx",
      {{"xl/worksheets/sheet2.xml",
        RowsXml(4,
                {{gemini_id, gemini, "kommunal", "1507", "Norkart", "Gemini", "teknisk",
                  "kommunenummer, gnr-bnr", "høy", 20.0},
                 {"", "Visma Flyt Skole", "kommunal", 1507.0, "Visma", "Flyt Skole", "oppvekst",
                  "kommunenummer, fnr", "kritisk", 15.0, "Gemini VA", 45139.0 /* 2023-08-01 */}})},
       {"xl/worksheets/sheet3.xml",
        RowsXml(5, {{"", "Folkeregisteret", "Visma Flyt Skole", "fnr, kommunenummer", "REST"},
                    {"", "Gemini VA", "Visma Flyt Skole", "kommunenummer", "fil"}})},
       {"xl/worksheets/sheet4.xml",
        RowsXml(2, {{"1507", "1508", "01.01.2024", "deling"},
                    {1507.0, 1580.0, 45292.0 /* 2024-01-01 */, "deling"},
                    {"1245", "4626", "2020-01-01", "sammenslåing"},
                    {"1246", "4626", "2020-01-01", "sammenslåing"}})}},
      dir + "/" + name);
}

std::string Replace(std::string text, const std::string& from, const std::string& to) {
  for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
  return text;
}

TEST(Workbook, AFilledInTemplateGoesStraightIntoTheCommandsWithItsReform) {
  std::string dir = TempDir();
  std::string xlsx = FilledTemplate(dir);
  auto i = RunCli({"import", xlsx, "-o", dir + "/landskap.json"});
  ASSERT_EQ(i.code, 0) << i.err;
  // The reform is in the imported file, read from the cells (dates and kinds by hand).
  auto j = nlohmann::json::parse(ReadFile(dir + "/landskap.json"));
  ASSERT_EQ(j["changes"].size(), 4u);
  EXPECT_EQ(j["changes"][1],
            nlohmann::json::parse(R"({"key": "kommunenummer", "from": "1507", "to": "1580",
                                      "effective": "2024-01-01", "kind": "split"})"));
  EXPECT_EQ(j["changes"][3]["kind"], "merger");
  // The same commands on the workbook (no import, no --changes) and on the imported file; the
  // answers differ only in the input's name. The pictures with their owner boxes: Graphviz once
  // ordered the boxes by where their names happened to lie in memory, which differs between the
  // two (viz/graphviz.cc numbers names in order instead).
  const std::vector<std::vector<std::string>> commands = {
      {"impact", "--key", "kommunenummer", "--format", "json"},
      {"plan", "--key", "kommunenummer", "--start", "2019-12-01", "--format", "json"},
      {"render", "--key", "kommunenummer", "--format", "svg"},
      {"render", "--key", "kommunenummer", "--format", "dot"},
      {"report", "--key", "kommunenummer", "--format", "html"}};
  for (const auto& command : commands) {
    std::vector<std::string> from_xlsx = command, from_json = command;
    from_xlsx.insert(from_xlsx.begin() + 1, xlsx);
    from_json.insert(from_json.begin() + 1, dir + "/landskap.json");
    auto a = RunCli(from_xlsx);
    auto b = RunCli(from_json);
    ASSERT_EQ(a.code, 0) << command[0] << ": " << a.err;
    ASSERT_EQ(b.code, 0) << command[0] << ": " << b.err;
    EXPECT_GT(a.out.size(), 1000u) << command[0];
    EXPECT_EQ(Replace(Replace(a.out, xlsx, "FILE"), "inventar.xlsx", "FILE"),
              Replace(Replace(b.out, dir + "/landskap.json", "FILE"), "landskap.json", "FILE"))
        << command[0];
    EXPECT_TRUE(Has(a.err, "inventar.xlsx: note: read as an Excel workbook (.xlsx) (4 changes"))
        << a.err;
  }
  // The scope is the workbook's reform: both kinds, with the successors and dates of the rows.
  auto text = RunCli({"impact", xlsx, "--key", "kommunenummer"});
  EXPECT_TRUE(Has(text.out,
                  "Scope: 1245 Sund and 1246 Fjell merge into 4626 Øygarden on 1 Jan 2020; 1507 "
                  "Ålesund is split into 1508 Ålesund and 1580 Haram on 1 Jan 2024;"))
      << text.out;
  // --changes adds to the sheet's changes and says which were used.
  std::string table = Write(dir, "more.csv", "gammel;ny\n1811;1806\n");
  auto more = RunCli({"impact", xlsx, "--key", "kommunenummer", "--changes", table});
  EXPECT_EQ(more.code, 0) << more.err;
  EXPECT_TRUE(Has(
      more.err, "note: the changes used are 1 change from " + table + " and 4 changes in " + xlsx))
      << more.err;
}

TEST(Workbook, TheOtherCommandsTakeTheWorkbookToo) {
  std::string dir = TempDir();
  std::string xlsx = FilledTemplate(dir);
  auto i = RunCli({"import", xlsx, "-o", dir + "/landskap.json"});
  ASSERT_EQ(i.code, 0) << i.err;
  // Four systems in the sheet and two national ones the integrations name: six (by hand).
  auto v = RunCli({"validate", xlsx});
  EXPECT_EQ(v.code, 0) << v.err;
  EXPECT_EQ(v.out,
            "OK: 6 systems, 5 integrations\n"
            "Reform (kommunenummer): 1245 Sund and 1246 Fjell merge into 4626 Øygarden on 1 Jan "
            "2020; 1507 Ålesund is split into 1508 Ålesund and 1580 Haram on 1 Jan 2024.\n");
  auto d = RunCli({"diff", xlsx, dir + "/landskap.json"});
  EXPECT_EQ(d.code, 0) << d.err;
  EXPECT_TRUE(Has(d.out, "No differences")) << d.out;
  for (std::vector<std::string> command :
       {std::vector<std::string>{"stats", xlsx},
        {"hotspots", xlsx},
        {"export", "archimate", xlsx, "-o", dir + "/modell.xml"}}) {
    auto r = RunCli(command);
    EXPECT_EQ(r.code, 0) << command[0] << ": " << r.err;
  }
  EXPECT_TRUE(std::filesystem::exists(dir + "/modell.xml"));
}

TEST(Workbook, TheEndringerSheetNamesItsCells) {
  std::string dir = TempDir();
  auto t = RunCli({"template", "-o", dir + "/template.xlsx", "--force"});
  ASSERT_EQ(t.code, 0) << t.err;
  std::string xlsx =
      FillIn(dir + "/template.xlsx",
             {{"xl/worksheets/sheet4.xml", RowsXml(2, {{"1507", "1508", "01.01.2024", "splitting"},
                                                       {"1507", "1580", "32.13.2024", "deling"}})}},
             dir + "/feil.xlsx");
  std::string out = dir + "/impact.json";
  auto r = RunCli({"impact", xlsx, "--key", "kommunenummer", "-o", out});
  EXPECT_EQ(r.code, 2);
  EXPECT_TRUE(Has(r.err, xlsx + ":Endringer!D2: error: 'splitting' is not a kind of change"))
      << r.err;
  EXPECT_TRUE(Has(r.err, xlsx + ":Endringer!C3: error: '32.13.2024' is not a date")) << r.err;
  EXPECT_TRUE(Has(r.err, "2 errors; nothing was analysed")) << r.err;
  EXPECT_FALSE(std::filesystem::exists(out));
  // Under the template's headers a cell that is no kommunenummer is named, not passed over.
  xlsx = FillIn(dir + "/template.xlsx",
                {{"xl/worksheets/sheet4.xml", RowsXml(2, {{"1507", "Haram", "01.01.2024"},
                                                          {"", "1580", "01.01.2024"},
                                                          {"", "", "01.01.2024"}})}},
                dir + "/feil2.xlsx");
  r = RunCli({"impact", xlsx, "--key", "kommunenummer", "-o", out});
  EXPECT_EQ(r.code, 2);
  EXPECT_TRUE(Has(r.err, xlsx + ":Endringer!B2: error: 'Haram' is not a kommunenummer; write its "
                                "four digits (e.g. 0301 or 1507)"))
      << r.err;
  EXPECT_TRUE(Has(r.err, xlsx + ":Endringer!A3: error: this row has no old (Fra) kommunenummer"))
      << r.err;
  EXPECT_TRUE(Has(r.err, "2 errors; nothing was analysed")) << r.err;  // row 4 is only a date
  EXPECT_FALSE(std::filesystem::exists(out));
}

TEST(Workbook, SsbsListPastedIntoTheSheetIsTheReform) {
  // SSB's columns as pasted: number and name together, a year in the header, "splittes".
  std::string dir = TempDir();
  std::string bytes;
  {
    std::string error;
    auto built = cli::BuildXlsx(
        [](lxw_workbook* wb, cli::XlsxProblems*) {
          lxw_worksheet* s = workbook_add_worksheet(wb, "Systemer");
          worksheet_write_string(s, 0, 0, "System", nullptr);
          worksheet_write_string(s, 0, 1, "Eier", nullptr);
          worksheet_write_string(s, 0, 2, "Nøkler", nullptr);
          worksheet_write_string(s, 1, 0, "Sak", nullptr);
          worksheet_write_string(s, 1, 1, "5012", nullptr);
          worksheet_write_string(s, 1, 2, "kommunenummer", nullptr);
          lxw_worksheet* c = workbook_add_worksheet(wb, "Endringer");
          const char* rows[][3] = {{"kommune_2019", "kommune_2020", "splittes"},
                                   {"5012 - Snillfjord", "5055 - Heim", "1"},
                                   {"5012 - Snillfjord", "5056 - Hitra", "1"},
                                   {"5012 - Snillfjord", "5059 - Orkland", "1"},
                                   {"0301 - Oslo", "0301 - Oslo", "0"}};
          for (lxw_row_t r = 0; r < 5; ++r)
            for (lxw_col_t k = 0; k < 3; ++k) worksheet_write_string(c, r, k, rows[r][k], nullptr);
        },
        &error);
    ASSERT_TRUE(built) << error;
    bytes = *built;
  }
  std::string xlsx = Write(dir, "ssb.xlsx", bytes);
  auto r = RunCli({"impact", xlsx, "--key", "kommunenummer", "--format", "json"});
  ASSERT_EQ(r.code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  const auto& reform = j["summary"]["scope"]["reform"];
  ASSERT_EQ(reform.size(), 1u) << reform.dump();
  EXPECT_EQ(reform[0]["kind"], "split");
  EXPECT_EQ(reform[0]["to"], nlohmann::json({"5055", "5056", "5059"}));
  EXPECT_EQ(reform[0]["effective"], "2020-01-01");  // the year in "kommune_2020"
}

TEST(Workbook, ChangeTablesAndLandscapesInEachOthersPlaceAreNamed) {
  std::string dir = TempDir();
  std::string table = Write(dir, "endringer.csv", "gammel;ny\n1246;4626\n1245;4626\n");
  std::string tiny = testing::SourcePath("datasets/tiny.json");
  auto r = RunCli({"impact", table, "--key", "kommunenummer"});
  EXPECT_EQ(r.code, 2);
  EXPECT_TRUE(Has(r.err, table +
                             ": error: this is a change table (2 changes of kommunenummer), not a "
                             "landscape; give it with --changes"))
      << r.err;
  EXPECT_EQ(r.out, "");
  // A landscape file given with --changes.
  r = RunCli({"impact", tiny, "--key", "kommunenummer", "--changes", tiny});
  EXPECT_EQ(r.code, 2);
  EXPECT_TRUE(Has(r.err, tiny + ": error: this is a landscape file, not a change table")) << r.err;
  // A workbook of systems without an Endringer sheet given with --changes.
  std::string error;
  auto bytes = cli::BuildXlsx(
      [](lxw_workbook* wb, cli::XlsxProblems*) {
        lxw_worksheet* s = workbook_add_worksheet(wb, "Systemer");
        worksheet_write_string(s, 0, 0, "System", nullptr);
        worksheet_write_string(s, 1, 0, "Sak", nullptr);
      },
      &error);
  ASSERT_TRUE(bytes) << error;
  std::string systems = Write(dir, "systemer.xlsx", *bytes);
  r = RunCli({"impact", tiny, "--key", "kommunenummer", "--changes", systems});
  EXPECT_EQ(r.code, 2);
  EXPECT_TRUE(Has(r.err, systems + ": error: this Excel workbook has no sheet 'Endringer'"))
      << r.err;
  // A workbook with an Endringer sheet given with --changes is read as the table it holds.
  std::string xlsx = FilledTemplate(dir);
  r = RunCli({"impact", tiny, "--key", "kommunenummer", "--changes", xlsx, "--format", "json"});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_TRUE(Has(r.err, "note: the changes used are 4 changes from " + xlsx)) << r.err;
}

TEST(Workbook, ACsvPairAndErrorsOfTheImportWhereALandscapeGoes) {
  std::string dir = TempDir();
  std::string systems =
      Write(dir, "systemer.csv", "System;Eier;Nøkler\nSak;1246;kommunenummer\nØkonomi;1246;\n");
  std::string flows = Write(dir, "integrasjoner.csv", "Fra;Til;Bærer\nSak;Økonomi;kommunenummer\n");
  auto r = RunCli({"impact", systems, flows, "--key", "kommunenummer", "--format", "json"});
  ASSERT_EQ(r.code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["affected"].size(), 2u) << r.out;  // Sak holds it, Økonomi receives it from Sak
  // A third file, endringer.csv, is the reform (as the workbook's Endringer sheet).
  std::string changes = Write(dir, "endringer.csv",
                              "Fra kommunenummer;Til kommunenummer;Dato;Type\n"
                              "1246;4626;2020-01-01;sammenslåing\n"
                              "1245;4626;01.01.2020;sammenslåing\n");
  r = RunCli({"impact", systems, flows, changes, "--key", "kommunenummer", "--format", "json"});
  ASSERT_EQ(r.code, 0) << r.err;
  j = nlohmann::json::parse(r.out);
  const auto& reform = j["summary"]["scope"]["reform"];
  ASSERT_EQ(reform.size(), 1u) << reform.dump();
  EXPECT_EQ(reform[0]["kind"], "merger");
  EXPECT_EQ(reform[0]["from"], nlohmann::json({"1245", "1246"}));
  EXPECT_EQ(reform[0]["to"], nlohmann::json({"4626"}));
  EXPECT_EQ(reform[0]["effective"], "2020-01-01");
  std::string bad_changes =
      Write(dir, "Endringer.csv", "Fra kommunenummer;Til kommunenummer\n1246;Øygarden\n");
  r = RunCli({"impact", systems, flows, bad_changes, "--key", "kommunenummer"});
  EXPECT_EQ(r.code, 2);
  EXPECT_TRUE(Has(r.err, bad_changes + ":2:6: error: 'Øygarden' is not a kommunenummer")) << r.err;
  // The import's errors stop the command, with the file and cell, and nothing is written.
  std::string bad = Write(dir, "feil.csv", "Fra;Til\nSak;Økonomu\n");
  std::string out = dir + "/plan.json";
  r = RunCli({"plan", systems, bad, "--all", "-o", out});
  EXPECT_EQ(r.code, 2);
  EXPECT_TRUE(Has(r.err, "feil.csv:2:5: error: unknown system 'Økonomu' (did you mean 'Økonomi'?)"))
      << r.err;
  EXPECT_FALSE(std::filesystem::exists(out));
  // diff takes workbooks too.
  std::string a = FilledTemplate(dir);
  auto d = RunCli({"diff", a, a});
  EXPECT_EQ(d.code, 0) << d.err;
}

// ---- clean inventories ----------------------------------------------------------------------

std::string SystemsWorkbook(const std::string& dir, const std::string& name,
                            const std::vector<std::vector<const char*>>& systems,
                            const std::vector<std::vector<const char*>>& integrations) {
  std::string error;
  auto bytes = cli::BuildXlsx(
      [&](lxw_workbook* wb, cli::XlsxProblems*) {
        lxw_worksheet* s = workbook_add_worksheet(wb, "Systemer");
        for (size_t r = 0; r < systems.size(); ++r)
          for (size_t c = 0; c < systems[r].size(); ++c)
            if (*systems[r][c])
              worksheet_write_string(s, static_cast<lxw_row_t>(r), static_cast<lxw_col_t>(c),
                                     systems[r][c], nullptr);
        lxw_worksheet* i = workbook_add_worksheet(wb, "Integrasjoner");
        for (size_t r = 0; r < integrations.size(); ++r)
          for (size_t c = 0; c < integrations[r].size(); ++c)
            if (*integrations[r][c])
              worksheet_write_string(i, static_cast<lxw_row_t>(r), static_cast<lxw_col_t>(c),
                                     integrations[r][c], nullptr);
      },
      &error);
  EXPECT_TRUE(bytes) << error;
  return Write(dir, name, bytes.value_or(""));
}

TEST(Workbook, ASystemListedTwiceIsAnErrorNamingBothRows) {
  std::string dir = TempDir();
  // Rows 5 and 9 are the same Vigilo of 1507 (row 7 one of another owner, a second system).
  std::string xlsx = SystemsWorkbook(dir, "inventar.xlsx",
                                     {{"ID", "System", "Eier", "Leverandør"},
                                      {"", "Sak/arkiv", "1507", "Tietoevry"},
                                      {"", "", "", ""},
                                      {"", "", "", ""},
                                      {"", "Vigilo", "1507", "Vigilo AS"},
                                      {"", "", "", ""},
                                      {"", "VIGILO", "1508", "Vigilo AS"},
                                      {"", "", "", ""},
                                      {"", "vigilo", "1507", "Vigilo AS"}},
                                     {{"Fra", "Til"}, {"Vigilo", "Sak/arkiv"}});
  auto r = RunCli({"import", xlsx, "-o", dir + "/landskap.json"});
  EXPECT_EQ(r.code, 2);
  EXPECT_TRUE(Has(r.err, xlsx + ":Systemer!B9: error: 'vigilo' (owner 1507) is listed twice, at "
                                "Systemer!B5 and here; delete one of the rows"))
      << r.err;
  // The row of another owner is a second system, and the report says what tells them apart.
  EXPECT_TRUE(Has(r.err,
                  "Systemer!B7: 'VIGILO' is taken as a second system next to Systemer!B5 "
                  "('Eier' differs: '1507' and '1508')"))
      << r.err;
  EXPECT_FALSE(std::filesystem::exists(dir + "/landskap.json"));
  // The same where a landscape goes.
  r = RunCli({"impact", xlsx, "--key", "kommunenummer"});
  EXPECT_EQ(r.code, 2);
  EXPECT_TRUE(Has(r.err, "Systemer!B9: error: 'vigilo' (owner 1507) is listed twice")) << r.err;
}

TEST(Workbook, KeysAreOneVocabularyAndJoinedKeysAreSplit) {
  std::string dir = TempDir();
  std::string xlsx =
      SystemsWorkbook(dir, "inventar.xlsx",
                      {{"System", "Eier", "Nøkler"},
                       {"Sak/arkiv", "1507", "Fødselsnummer, gnr/bnr, kommunenummer"},
                       {"Matrikkel", "1507", "gnr-bnr"}},
                      {{"Fra", "Til", "Bærer"},
                       {"Folkeregisteret", "Sak/arkiv", "fnr/kommunenummer"},
                       {"Matrikkel", "Sak/arkiv", "GNR/BNR og kommunenummer"}});
  auto r = RunCli({"import", xlsx, "-o", dir + "/landskap.json"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_TRUE(Has(r.err, xlsx + ":Integrasjoner!C2: warning: 'fnr/kommunenummer' is read as 2 "
                                "keys, fnr and kommunenummer; separate keys with a comma"))
      << r.err;
  EXPECT_TRUE(Has(r.err,
                  "Integrasjoner!C3: warning: 'GNR/BNR og kommunenummer' is read as 2 "
                  "keys, gnr-bnr and kommunenummer"))
      << r.err;
  EXPECT_TRUE(Has(r.err,
                  "The key 'Fødselsnummer' is read as fnr, the national catalogue's name "
                  "(Systemer!C2)"))
      << r.err;
  auto j = nlohmann::json::parse(ReadFile(dir + "/landskap.json"));
  std::map<std::string, nlohmann::json> systems;
  for (const auto& s : j["systems"]) systems[s["id"]] = s["keys"];
  // Written by hand: the catalogue's names, one gnr-bnr for both spellings.
  EXPECT_EQ(systems["sak-arkiv"], nlohmann::json({"fnr", "gnr-bnr", "kommunenummer"}));
  EXPECT_EQ(systems["matrikkel"], nlohmann::json({"gnr-bnr"}));
  std::set<std::string> keys;
  for (const auto& k : j["keys"]) keys.insert(k["id"]);
  EXPECT_EQ(keys.count("gnr/bnr") + keys.count("fnr/kommunenummer") + keys.count("Fødselsnummer"),
            0u);
  for (const auto& i : j["integrations"]) {
    if (i["from"] == "folkeregisteret") {
      EXPECT_EQ(i["carries"], nlohmann::json({"fnr", "kommunenummer"}));
    }
  }
}

TEST(Workbook, ARenameWithTheIdKeptIsOneChangedSystem) {
  std::string dir = TempDir();
  std::string before = FilledTemplate(dir, "Gemini VA", "gemini-va", "før.xlsx");
  std::string after = FilledTemplate(dir, "Gemini VA (vann og avløp)", "gemini-va", "etter.xlsx");
  auto r = RunCli({"diff", before, after, "--format", "json"});
  ASSERT_EQ(r.code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["systems"]["added"].size(), 0u) << r.out;
  EXPECT_EQ(j["systems"]["removed"].size(), 0u) << r.out;
  ASSERT_EQ(j["systems"]["changed"].size(), 1u) << r.out;
  EXPECT_EQ(j["systems"]["changed"][0]["id"], "gemini-va") << r.out;
}

TEST(Workbook, AFixedDateMissedForWantOfStartSaysToGiveStart) {
  // The template's Økonomi is fixed to 2020-01-01 and comes after Sak/arkiv (10 days): without
  // --start the plan begins on that very day, the earliest fixed date.
  std::string dir = TempDir();
  std::string xlsx = FilledTemplate(dir);
  auto r = RunCli({"plan", xlsx, "--all"});
  EXPECT_EQ(r.code, 2);
  EXPECT_TRUE(Has(r.err, "okonomi cannot start on its fixed date 2020-01-01")) << r.err;
  EXPECT_TRUE(Has(r.err,
                  "No --start was given, so the plan begins on the earliest fixed date, "
                  "2020-01-01; when the work begins earlier, give that day with --start "
                  "(e.g. --start 2019-10-03)"))
      << r.err;
  r = RunCli({"plan", xlsx, "--all", "--start", "2019-10-03"});
  EXPECT_EQ(r.code, 0) << r.err;
}

}  // namespace
}  // namespace landskap
