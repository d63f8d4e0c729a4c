// The Archi readers (exchange 3.x and 2.1, native .archimate plain and zipped, coArchi folders,
// Archi's CSV) through the engine API, on hand-made models in tests/data/archi/ whose answers
// were worked out by hand (see the comments in kommune-exchange3.xml), and on the reference
// models in ../shared/reference/archimate/ with the counts their SOURCE.md states.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>
#include <zip.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <functional>
#include <set>

#include "engine/file/load.h"
#include "engine/file/write_landscape.h"
#include "engine/formats/archi_coarchi.h"
#include "engine/formats/archi_csv.h"
#include "engine/formats/archi_exchange.h"
#include "engine/formats/importer.h"
#include "engine/formats/table_mapper.h"
#include "tests/same_landscape.h"
#include "tests/test_support.h"

namespace landskap {
namespace {

namespace fs = std::filesystem;

struct Imported {
  bool ok = false;
  Landscape landscape;
  ImportReport report;
  Diagnostics diagnostics;
};

Imported Import(std::string_view row, const std::vector<std::string>& paths,
                ImportOptions options = {}) {
  Imported out;
  for (const Importer& importer : Importers())
    if (importer.name == row)
      out.ok = importer.read(paths, options, &out.landscape, &out.report, &out.diagnostics);
  return out;
}

std::string Data(const std::string& name) {
  return testing::SourcePath("tests/data/archi/" + name);
}

// The reference models in ../shared/reference/archimate (testing::ReferencePath).
std::string Reference(const std::string& name) {
  return testing::ReferencePath("archimate/" + name);
}

std::set<std::string> SystemIds(const Landscape& l) {
  std::set<std::string> ids;
  for (const System& s : l.systems) ids.insert(s.id);
  return ids;
}

std::set<std::string> Edges(const Landscape& l) {
  std::set<std::string> edges;
  for (const Integration& i : l.integrations)
    edges.insert(l.systems[i.from].id + ">" + l.systems[i.to].id);
  return edges;
}

std::set<std::string> Carries(const Landscape& l, const std::string& from, const std::string& to) {
  std::set<std::string> keys;
  for (const Integration& i : l.integrations)
    if (l.systems[i.from].id == from && l.systems[i.to].id == to)
      for (KeyIndex k : i.carries) keys.insert(l.keys[k].id);
  return keys;
}

const Integration* Find(const Landscape& l, const std::string& from, const std::string& to) {
  for (const Integration& i : l.integrations)
    if (l.systems[i.from].id == from && l.systems[i.to].id == to) return &i;
  return nullptr;
}

bool Skipped(const ImportReport& r, const std::string& place_part, const std::string& reason_part) {
  return std::any_of(r.skipped.begin(), r.skipped.end(), [&](const ImportSkip& s) {
    return s.place.find(place_part) != std::string::npos &&
           s.reason.find(reason_part) != std::string::npos;
  });
}

std::string SkipList(const ImportReport& r) {
  std::string text;
  for (const ImportSkip& s : r.skipped) text += s.place + " | " + s.what + " | " + s.reason + "\n";
  return text;
}

// The four systems and four integrations every hand-made model gives (worked out by hand):
// Folkeregisteret → Sak/arkiv through the service "Oppslag person", Sak/arkiv → Økonomi through
// the data object "Fakturagrunnlag" (written by one, read by the other), Sak/arkiv → Barnehage
// by a flow, Folkeregisteret → Barnehage by serving.
void ExpectSmallMunicipality(const Imported& in) {
  EXPECT_TRUE(in.ok);
  EXPECT_EQ(SystemIds(in.landscape),
            (std::set<std::string>{"folkeregisteret", "sak-arkiv", "okonomi", "barnehage"}))
      << SkipList(in.report);
  EXPECT_EQ(Edges(in.landscape),
            (std::set<std::string>{"folkeregisteret>sak-arkiv", "sak-arkiv>okonomi",
                                   "sak-arkiv>barnehage", "folkeregisteret>barnehage"}));
  EXPECT_EQ(Carries(in.landscape, "sak-arkiv", "barnehage"),
            (std::set<std::string>{"kommunenummer", "fnr"}));
  const System& sak = in.landscape.systems[*in.landscape.FindSystem("sak-arkiv")];
  EXPECT_EQ(sak.owner, "4626");
  EXPECT_EQ(sak.name, "Sak/arkiv");
  const System& fr = in.landscape.systems[*in.landscape.FindSystem("folkeregisteret")];
  EXPECT_EQ(fr.owner, "Skatteetaten");
  const Integration* chain = Find(in.landscape, "folkeregisteret", "sak-arkiv");
  ASSERT_NE(chain, nullptr);
  EXPECT_NE(chain->source.find("ApplicationService 'Oppslag person'"), std::string::npos)
      << chain->source;
  const Integration* access = Find(in.landscape, "sak-arkiv", "okonomi");
  ASSERT_NE(access, nullptr);
  EXPECT_NE(access->source.find("DataObject 'Fakturagrunnlag'"), std::string::npos);
  EXPECT_EQ(in.report.taken.at("systems"), 4u);
  EXPECT_EQ(in.report.taken.at("integrations"), 4u);
  // What was imported is a landscape that loads again, `source` fields and all.
  Landscape again;
  Diagnostics diagnostics;
  EXPECT_TRUE(LoadLandscapeText(WriteLandscape(in.landscape), "imported", &again, &diagnostics));
  std::string difference;
  EXPECT_TRUE(testing::SameLandscape(in.landscape, again, &difference)) << difference;
}

TEST(ImportArchi, Exchange3EveryQuirk) {
  Imported in = Import("archimate", {Data("kommune-exchange3.xml")});
  ASSERT_TRUE(in.ok) << SkipList(in.report);
  EXPECT_EQ(in.report.kind, "Open Group exchange format 3.x");
  ExpectSmallMunicipality(in);
  const Landscape& l = in.landscape;
  const System& sak = l.systems[*l.FindSystem("sak-arkiv")];
  EXPECT_EQ(sak.vendor, "Tietoevry");
  EXPECT_EQ(sak.criticality, Criticality::kHigh);  // "Høy"
  ASSERT_EQ(sak.keys.size(), 1u);                  // kommunenummer 4626 → holds kommunenummer
  EXPECT_EQ(l.keys[sak.keys[0]].id, "kommunenummer");
  const System& fr = l.systems[*l.FindSystem("folkeregisteret")];
  EXPECT_EQ(fr.keys.size(), 2u);  // "fnr; kommunenummer"
  // The chain through interface and service: protocol from the interface, fnr from the service.
  const Integration* chain = Find(l, "folkeregisteret", "sak-arkiv");
  EXPECT_EQ(chain->protocol, "REST");
  EXPECT_EQ(Carries(l, "folkeregisteret", "sak-arkiv"), std::set<std::string>{"fnr"});
  EXPECT_NE(chain->source.find("ApplicationInterface 'Folkeregister-API'"), std::string::npos);
  // Flow and triggering between the same two systems are one integration; criticality kept.
  const Integration* flow = Find(l, "sak-arkiv", "barnehage");
  EXPECT_EQ(flow->criticality, Criticality::kCritical);
  EXPECT_NE(flow->source.find("Triggering"), std::string::npos);
  // The messy parts, each with its reason.
  const ImportReport& r = in.report;
  EXPECT_TRUE(Skipped(r, "kommune-exchange3.xml:", "identifier is used before")) << SkipList(r);
  EXPECT_TRUE(Skipped(r, ":", "same name as ApplicationComponent 'Sak/arkiv'"));
  EXPECT_TRUE(Skipped(r, ":", "placeholder"));
  EXPECT_TRUE(Skipped(r, ":", "dangling: its target 'id-gone'"));
  EXPECT_TRUE(Skipped(r, ":", "from a system to itself (same name)"));
  EXPECT_TRUE(Skipped(r, ":", "its source ApplicationComponent '?' (id-q) was skipped"));
  EXPECT_TRUE(Skipped(r, ":", "of type Association does not say which way data goes"));
  EXPECT_TRUE(Skipped(r, ":", "expected lav, middels, høy or kritisk"));  // "svært viktig"
  EXPECT_EQ(r.skipped.size(), 9u) << SkipList(r);
  // Places are file:line:column.
  EXPECT_TRUE(Skipped(r, "kommune-exchange3.xml:86:6", "dangling")) << SkipList(r);
}

TEST(ImportArchi, NodesAndSystemSoftwareByOption) {
  ImportOptions options;
  options.include_nodes = true;
  Imported in = Import("archimate", {Data("kommune-exchange3.xml")}, options);
  ASSERT_TRUE(in.ok);
  EXPECT_TRUE(SystemIds(in.landscape).count("databaseserver"));
  EXPECT_TRUE(Edges(in.landscape).count("databaseserver>okonomi"));
  EXPECT_EQ(in.landscape.systems.size(), 5u);
}

TEST(ImportArchi, PropertyMapAddsNames) {
  ImportOptions options;
  options.property_map = {{"Systemansvarlig", "owner"}};
  Landscape landscape;
  ImportReport report;
  Diagnostics diagnostics;
  ArchiModel model;
  model.elements.push_back(
      {"e1", "ApplicationComponent", "Lønn", "x:1", {{"Systemansvarlig", "HR"}}});
  ASSERT_TRUE(MapArchiModel(model, "x", options, &landscape, &report, &diagnostics));
  EXPECT_EQ(landscape.systems[0].owner, "HR");
  options.property_map = {{"Ansvar", "colour"}};
  Diagnostics bad;
  MapArchiModel(model, "x", options, &landscape, &report, &bad);
  ASSERT_TRUE(bad.HasErrors());
  EXPECT_NE(bad.Items()[0].message.find("a property can become keys"), std::string::npos);
}

TEST(ImportArchi, Exchange21) {
  Imported in = Import("archimate", {Data("kommune-exchange21.xml")});
  EXPECT_EQ(in.report.kind, "Open Group exchange format 2.1");
  ExpectSmallMunicipality(in);
}

TEST(ImportArchi, NativePlain) {
  Imported in = Import("archimate", {Data("kommune.archimate")});
  EXPECT_EQ(in.report.kind, "Archi model (.archimate)");
  ExpectSmallMunicipality(in);
  EXPECT_TRUE(Skipped(in.report, "kommune.archimate:", "dangling"));
  EXPECT_TRUE(Skipped(in.report, "kommune.archimate:13:8", "placeholder")) << SkipList(in.report);
}

// Archi zips a model that has images: model.xml and images/… in one archive.
TEST(ImportArchi, NativeZipped) {
  std::string dir = testing::TempDir();
  std::string path = dir + "/kommune.archimate";
  std::string xml = testing::ReadFile(Data("kommune.archimate"));
  int error = 0;
  zip_t* archive = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  ASSERT_NE(archive, nullptr);
  zip_source_t* source = zip_source_buffer(archive, xml.data(), xml.size(), 0);
  ASSERT_GE(zip_file_add(archive, "model.xml", source, ZIP_FL_ENC_UTF_8), 0);
  static const char png[] = "\x89PNG not really";
  zip_source_t* image = zip_source_buffer(archive, png, sizeof png, 0);
  ASSERT_GE(zip_file_add(archive, "images/logo.png", image, 0), 0);
  ASSERT_EQ(zip_close(archive), 0);
  EXPECT_EQ(SniffArchimate({path}), 2);
  ExpectSmallMunicipality(Import("archimate", {path}));

  // A zip without model.xml, and a broken zip, are errors with a reason.
  std::string empty = dir + "/empty.archimate";
  archive = zip_open(empty.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  zip_file_add(archive, "other.txt", zip_source_buffer(archive, "x", 1, 0), 0);
  ASSERT_EQ(zip_close(archive), 0);
  Imported none = Import("archimate", {empty});
  EXPECT_FALSE(none.ok);
  ASSERT_TRUE(none.diagnostics.HasErrors());
  EXPECT_NE(none.diagnostics.Items()[0].message.find("no model.xml"), std::string::npos);
  std::string bytes = testing::ReadFile(path);
  std::ofstream(dir + "/cut.archimate", std::ios::binary) << bytes.substr(0, bytes.size() / 2);
  Imported cut = Import("archimate", {dir + "/cut.archimate"});
  EXPECT_FALSE(cut.ok);
  EXPECT_TRUE(cut.diagnostics.HasErrors());
}

TEST(ImportArchi, CoArchiFolder) {
  EXPECT_EQ(SniffCoArchi({Data("coarchi")}), 2);
  EXPECT_EQ(SniffCoArchi({Data("csv")}), 0);
  Imported in = Import("coarchi", {Data("coarchi")});
  EXPECT_EQ(in.report.kind, "coArchi model folder");
  ExpectSmallMunicipality(in);
  // The half-written file is skipped with its place; the dangling relationship too.
  EXPECT_TRUE(Skipped(in.report, "model/application/kommunale/id-broken.xml:2:", "not well-formed"))
      << SkipList(in.report);
  EXPECT_TRUE(Skipped(in.report, "model/relations/r-9.xml", "dangling"));
  // The model folder itself works as well as the repository.
  ExpectSmallMunicipality(Import("coarchi", {Data("coarchi/model")}));
}

TEST(ImportArchi, ArchiCsv) {
  EXPECT_EQ(SniffArchiCsv({Data("csv/elements.csv")}), 2);
  EXPECT_EQ(SniffArchiCsv({Data("csv")}), 2);
  EXPECT_EQ(SniffArchiCsv({Data("kommune.archimate")}), 0);
  // Any one of the three files (or the folder) brings the other two.
  for (const std::string& given :
       {Data("csv/elements.csv"), Data("csv/relations.csv"), Data("csv")}) {
    Imported in = Import("archi-csv", {given});
    ExpectSmallMunicipality(in);
    EXPECT_TRUE(Skipped(in.report, "elements.csv:8", "placeholder")) << SkipList(in.report);
    EXPECT_TRUE(Skipped(in.report, "relations.csv:8", "dangling")) << SkipList(in.report);
  }
}

// Excel in Norwegian settings: ";" and Windows-1252, with a prefix on the file names.
TEST(ImportArchi, ArchiCsvSemicolonWindows1252) {
  std::string dir = testing::TempDir();
  auto write = [&](const std::string& name, const std::string& utf8) {
    std::string bytes;
    for (size_t i = 0; i < utf8.size(); ++i) {  // UTF-8 æøåÆØÅ → Windows-1252
      unsigned char c = utf8[i];
      if (c == 0xC3 && i + 1 < utf8.size()) {
        bytes += static_cast<char>(0xC0 + (static_cast<unsigned char>(utf8[++i]) - 0x80));
      } else {
        bytes += static_cast<char>(c);
      }
    }
    std::ofstream(dir + "/" + name, std::ios::binary) << bytes;
  };
  write("kommune-elements.csv",
        "ID;Type;Name;Documentation\r\nm;ArchimateModel;Kommune;\r\n"
        "a;ApplicationComponent;Økonomi;\"semi; kolon\"\r\nb;ApplicationComponent;Lønn;\r\n");
  write("kommune-relations.csv",
        "ID;Type;Name;Documentation;Source;Target\r\nr;FlowRelationship;;;b;a\r\n");
  write("kommune-properties.csv", "ID;Key;Value\r\nr;Bærer;fnr\r\n");
  Imported in = Import("archi-csv", {dir + "/kommune-elements.csv"});
  ASSERT_TRUE(in.ok) << SkipList(in.report);
  EXPECT_EQ(SystemIds(in.landscape), (std::set<std::string>{"okonomi", "lonn"}));
  EXPECT_EQ(Edges(in.landscape), std::set<std::string>{"lonn>okonomi"});
  EXPECT_EQ(Carries(in.landscape, "lonn", "okonomi"), std::set<std::string>{"fnr"});
  EXPECT_TRUE(std::any_of(in.report.notes.begin(), in.report.notes.end(), [](const auto& n) {
    return n.find("Windows-1252") != std::string::npos;
  }));
}

TEST(ImportArchi, CsvErrorsNameTheirPlace) {
  std::vector<CsvRecord> records;
  char separator = 0;
  Diagnostics open;
  EXPECT_FALSE(ParseCsv("\"ID\",\"Type\"\n\"a\",\"never closed\n", &records, &separator, &open));
  ASSERT_EQ(open.Items().size(), 1u);
  EXPECT_EQ(open.Items()[0].location, "2:5");
  EXPECT_NE(open.Items()[0].message.find("never closed"), std::string::npos);
  Diagnostics after;
  records.clear();
  EXPECT_FALSE(ParseCsv("\"a\"x,b\n", &records, &separator, &after));
  EXPECT_EQ(after.Items()[0].location, "1:4");
  // A header without the columns Archi writes.
  ArchiModel model;
  Diagnostics missing;
  EXPECT_FALSE(ParseArchiCsv("Name,Kind\nx,y\n", "elements.csv", "", "", "", "", &model, &missing));
  ASSERT_GE(missing.Items().size(), 2u);
  EXPECT_EQ(missing.Items()[0].file, "elements.csv");
  EXPECT_NE(missing.Items()[0].message.find("no column 'id'"), std::string::npos);
  // Bytes that are not UTF-8 (a fuzzer finding: they reached the landscape file) are refused
  // at their place by the parser itself: the 0xFF is on line 2, column 9 of properties.csv.
  Diagnostics bytes;
  EXPECT_FALSE(ParseArchiCsv("ID,Type,Name\na,ApplicationComponent,A\n", "elements.csv", "", "",
                             "ID,Key,Value\na,Eier,4\xFF\n", "properties.csv", &model, &bytes));
  ASSERT_EQ(bytes.Items().size(), 1u);
  EXPECT_EQ(bytes.Items()[0].file, "properties.csv");
  EXPECT_EQ(bytes.Items()[0].location, "2:9");
  // Quoted separators, doubled quotes, CRLF and line breaks inside a field.
  records.clear();
  Diagnostics fine;
  ASSERT_TRUE(ParseCsv("a;\"b;c\";\"d\"\"e\"\r\n\"f\ng\";h\r\n", &records, &separator, &fine));
  EXPECT_EQ(separator, ';');
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].fields, (std::vector<std::string>{"a", "b;c", "d\"e"}));
  EXPECT_EQ(records[1].fields, (std::vector<std::string>{"f\ng", "h"}));
  EXPECT_EQ(records[1].line, 2u);
}

TEST(ImportArchi, XmlErrorsNameTheirPlace) {
  ArchiModel model;
  std::string format;
  Diagnostics broken;
  EXPECT_FALSE(ParseArchiXml(
      "<model xmlns=\"http://www.opengroup.org/xsd/archimate/3.0/\">\n<elements>\n</model>",
      "m.xml", &model, &format, &broken));
  ASSERT_EQ(broken.Items().size(), 1u);
  EXPECT_EQ(broken.Items()[0].location.substr(0, 2), "3:");
  Diagnostics other;
  EXPECT_FALSE(ParseArchiXml("<html/>", "m.xml", &model, &format, &other));
  EXPECT_NE(other.Items()[0].message.find("not an ArchiMate model"), std::string::npos);
  Diagnostics ns;
  EXPECT_FALSE(ParseArchiXml("<model xmlns=\"urn:x\"/>", "m.xml", &model, &format, &ns));
  EXPECT_NE(ns.Items()[0].message.find("namespace 'urn:x'"), std::string::npos);
  // A name that is not UTF-8 (a Latin-1 'Ø' at line 2, column 41) stops the parser itself, so
  // no caller can map it into a landscape file that would not load (a fuzzer finding).
  Diagnostics latin1;
  EXPECT_FALSE(
      ParseArchiXml("<model xmlns=\"http://www.opengroup.org/xsd/archimate/3.0/\">\n"
                    "<elements><element identifier=\"x\"><name>\xD8ygarden</name>"
                    "</element></elements></model>",
                    "m.xml", &model, &format, &latin1));
  ASSERT_EQ(latin1.Items().size(), 1u);
  EXPECT_EQ(latin1.Items()[0].location, "2:41");
  EXPECT_NE(latin1.Items()[0].message.find("not UTF-8"), std::string::npos);
}

TEST(ImportArchi, IdsFromNames) {
  EXPECT_EQ(IdWordsFromName("Sak/arkiv"), "sak-arkiv");
  EXPECT_EQ(IdWordsFromName("Økonomi og lønn (Visma)"), "okonomi-og-lonn-visma");
  EXPECT_EQ(IdWordsFromName("Ærlig Åpen"), "aerlig-apen");
  EXPECT_EQ(IdWordsFromName("  ?  "), "");
  EXPECT_EQ(IdWordsFromName("Café Straße"), "cafe-strasse");
  // Two systems whose names make the same id (a node and a component) get -2; two components
  // whose names differ only in case and punctuation are one system.
  ArchiModel model;
  model.elements.push_back({"a", "ApplicationComponent", "Sak arkiv", "x:1", {}});
  model.elements.push_back({"b", "ApplicationComponent", "Sak/Arkiv", "x:2", {}});
  model.elements.push_back({"c", "Node", "Sak/arkiv", "x:3", {}});
  Landscape landscape;
  ImportReport report;
  Diagnostics diagnostics;
  ImportOptions options;
  options.include_nodes = true;
  ASSERT_TRUE(MapArchiModel(model, "x", options, &landscape, &report, &diagnostics));
  EXPECT_EQ(SystemIds(landscape), (std::set<std::string>{"sak-arkiv", "sak-arkiv-2"}));
  EXPECT_TRUE(Skipped(report, "x:2", "same name as ApplicationComponent 'Sak arkiv'"));
}

// An empty model, a model with only placeholders: no crash, nothing taken, reasons given.
TEST(ImportArchi, NothingUsable) {
  Imported in;
  ArchiModel model;
  model.elements.push_back({"", "ApplicationComponent", "Ting", "x:1", {}});
  model.elements.push_back({"q", "ApplicationComponent", "???", "x:2", {}});
  model.relationships.push_back({"r", "Flow", "", "", "q", ArchiAccess::kUnspecified, "x:3", {}});
  EXPECT_FALSE(MapArchiModel(model, "x", {}, &in.landscape, &in.report, &in.diagnostics));
  EXPECT_EQ(in.report.skipped.size(), 3u) << SkipList(in.report);
  EXPECT_TRUE(Skipped(in.report, "x:3", "no source"));
}

// The reference models, with the counts their SOURCE.md states. The integrations were found
// independently with a 20-line Python script (xml.etree) applying the documented mapping to
// the exchange file: direct flow/serving/triggering/realization/access between components,
// and chains through at most 3 interfaces, services and data objects.
std::set<std::string> ArchisuranceIntegrations() {
  return {"bank-system>financial-application",
          "crm-system>policy-data-management",
          "crm-system>web-portal",
          "call-center-application>web-portal",
          "customer-data-access>call-center-application",
          "customer-data-access>risk-assessment",
          "financial-application>home-away-policy-administration",
          "policy-data-management>financial-application",
          "risk-assessment>web-portal"};
}

TEST(ImportArchi, ReferenceArchisuranceExchange) {
  std::string path = Reference("archi_Archisurance_exchange3.xml");
  if (!fs::exists(path)) LANDSKAP_SKIP_UNLESS_CI("reference model not present: " + path);
  ArchiModel model;
  std::string format;
  Diagnostics diagnostics;
  ASSERT_TRUE(ParseArchiXml(testing::ReadFile(path), path, &model, &format, &diagnostics));
  EXPECT_EQ(model.elements.size(), 122u);
  EXPECT_EQ(model.relationships.size(), 179u);
  EXPECT_EQ(model.CountElements("ApplicationComponent"), 10u);
  size_t flow = 0, serving = 0, triggering = 0;
  for (const ArchiRelationship& r : model.relationships) {
    flow += r.type == "Flow";
    serving += r.type == "Serving";
    triggering += r.type == "Triggering";
  }
  EXPECT_EQ(flow, 33u);
  EXPECT_EQ(serving, 32u);
  EXPECT_EQ(triggering, 13u);
  Imported in = Import("archimate", {path});
  ASSERT_TRUE(in.ok) << SkipList(in.report);
  EXPECT_EQ(in.landscape.systems.size(), 10u);
  EXPECT_EQ(Edges(in.landscape), ArchisuranceIntegrations());
  // The two compositions between components say nothing about data: skipped with the reason.
  EXPECT_EQ(in.report.skipped.size(), 2u) << SkipList(in.report);
  Landscape again;
  Diagnostics load;
  EXPECT_TRUE(LoadLandscapeText(WriteLandscape(in.landscape), "imported", &again, &load));
}

TEST(ImportArchi, ReferenceArchisuranceNative) {
  std::string path = Reference("archi_Archisurance.archimate");
  if (!fs::exists(path)) LANDSKAP_SKIP_UNLESS_CI("reference model not present: " + path);
  ArchiModel model;
  std::string format;
  Diagnostics diagnostics;
  ASSERT_TRUE(ParseArchiXml(testing::ReadFile(path), path, &model, &format, &diagnostics));
  EXPECT_EQ(format, "Archi model (.archimate)");
  // SOURCE.md says 123 "elements": it counts the sketch view with them. The file has 122
  // ArchiMate elements (as the exchange file does), 18 ArchiMate views and 1 sketch
  // (counted with grep 'xsi:type="archimate:…"').
  EXPECT_EQ(model.elements.size(), 122u);
  EXPECT_EQ(model.relationships.size(), 177u);
  EXPECT_EQ(model.CountElements("ApplicationComponent"), 10u);
  Imported in = Import("archimate", {path});
  ASSERT_TRUE(in.ok) << SkipList(in.report);
  EXPECT_EQ(in.landscape.systems.size(), 10u);
  EXPECT_EQ(Edges(in.landscape), ArchisuranceIntegrations());
  EXPECT_EQ(in.report.skipped.size(), 2u) << SkipList(in.report);
}

TEST(ImportArchi, ReferenceSmallExchangeFiles) {
  for (auto [name, elements, relationships] :
       {std::tuple{"archi_Sample1_exchange3.xml", 2u, 1u},
        std::tuple{"archi_bendpoint_exchange3.xml", 2u, 2u}}) {
    std::string path = Reference(name);
    if (!fs::exists(path)) LANDSKAP_SKIP_UNLESS_CI("reference model not present: " + path);
    ArchiModel model;
    std::string format;
    Diagnostics diagnostics;
    ASSERT_TRUE(ParseArchiXml(testing::ReadFile(path), path, &model, &format, &diagnostics));
    EXPECT_EQ(model.elements.size(), elements) << name;
    EXPECT_EQ(model.relationships.size(), relationships) << name;
    EXPECT_EQ(model.CountElements("ApplicationComponent"), 0u);
    // No application component: nothing to take, said so, no crash.
    Imported in = Import("archimate", {path});
    EXPECT_FALSE(in.ok);
    EXPECT_EQ(in.landscape.systems.size(), 0u);
  }
}

// ---- issue 17: hostile and odd inputs ---------------------------------------------------

// An Archi model (native .archimate) of `n` components joined by flows into and out of one
// application interface "ESB", as an ESB is usually drawn.
std::string HubModel(int n) {
  std::string xml =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<archimate:model "
      "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
      "xmlns:archimate=\"http://www.archimatetool.com/archimate\" name=\"Hub\" id=\"m\">\n"
      "<folder name=\"Application\" id=\"fa\" type=\"application\">\n"
      "<element xsi:type=\"archimate:ApplicationInterface\" name=\"ESB\" id=\"esb\"/>\n";
  for (int i = 0; i < n; ++i)
    xml += "<element xsi:type=\"archimate:ApplicationComponent\" name=\"C" + std::to_string(i) +
           "\" id=\"c" + std::to_string(i) + "\"/>\n";
  xml += "</folder>\n<folder name=\"Relations\" id=\"fr\" type=\"relations\">\n";
  for (int i = 0; i < n; ++i) {
    std::string c = std::to_string(i);
    xml += "<element xsi:type=\"archimate:FlowRelationship\" id=\"in" + c + "\" source=\"c" + c +
           "\" target=\"esb\"/>\n<element xsi:type=\"archimate:FlowRelationship\" id=\"out" + c +
           "\" source=\"esb\" target=\"c" + c + "\"/>\n";
  }
  return xml + "</folder>\n</archimate:model>\n";
}

Imported MapXml(const std::string& xml, ImportOptions options = {}) {
  Imported in;
  ArchiModel model;
  std::string format;
  EXPECT_TRUE(ParseArchiXml(xml, "hub.archimate", &model, &format, &in.diagnostics));
  in.ok =
      MapArchiModel(model, "hub.archimate", options, &in.landscape, &in.report, &in.diagnostics);
  return in;
}

// Issue 17, finding 3: 1 000 components around one interface gave 999 000 integrations (one
// per ordered pair), 2 000 exhausted the memory. An interface (with the interfaces, services
// and data objects joined to it) that more than 16 systems lead into and that has more than 16
// relationships leading out is a hub: one system, one integration from and to each component.
TEST(ImportArchi, AHubBecomesOneSystem) {
  Imported in = MapXml(HubModel(300));
  ASSERT_TRUE(in.ok);
  EXPECT_EQ(in.landscape.systems.size(), 301u);
  EXPECT_EQ(in.landscape.integrations.size(), 600u);
  std::set<std::string> edges = Edges(in.landscape);
  EXPECT_TRUE(edges.count("c0>esb") && edges.count("esb>c0") && edges.count("esb>c299"));
  const System& esb = in.landscape.systems[*in.landscape.FindSystem("esb")];
  EXPECT_EQ(esb.name, "ESB");
  EXPECT_EQ(esb.source, "hub.archimate: ApplicationInterface esb");
  bool noted = std::any_of(in.report.notes.begin(), in.report.notes.end(), [](const auto& n) {
    return n.find(
               "ApplicationInterface 'ESB' (esb) leads from 300 systems to 300 systems: "
               "taken as a hub") != std::string::npos;
  });
  EXPECT_TRUE(noted);
  // No relationship is left over as "became no integration".
  for (const std::string& n : in.report.notes)
    EXPECT_EQ(n.find("became no integration"), std::string::npos) << n;
}

TEST(ImportArchi, SixteenComponentsAroundAnInterfaceAreStillChains) {
  // 16 in and 16 out: every ordered pair, 16 × 15 = 240 integrations, as before.
  Imported sixteen = MapXml(HubModel(16));
  EXPECT_EQ(sixteen.landscape.systems.size(), 16u);
  EXPECT_EQ(sixteen.landscape.integrations.size(), 240u);
  // 17: a hub (18 systems, 34 integrations).
  Imported seventeen = MapXml(HubModel(17));
  EXPECT_EQ(seventeen.landscape.systems.size(), 18u);
  EXPECT_EQ(seventeen.landscape.integrations.size(), 34u);
}

// Issue 17, finding 21 (a): ArchiMate 2's InfrastructureService is ArchiMate 3's technology
// service, so with --nodes a node realising it and one it serves are joined, in either form.
TEST(ImportArchi, ArchiMate2InfrastructureServicesAreTechnologyServices) {
  auto model = [](const std::string& service, const std::string& serving) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<archimate:model "
           "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
           "xmlns:archimate=\"http://www.archimatetool.com/archimate\" name=\"N\" id=\"m\">"
           "<folder name=\"Technology\" id=\"ft\" type=\"technology\">"
           "<element xsi:type=\"archimate:Node\" name=\"Database server\" id=\"n1\"/>"
           "<element xsi:type=\"archimate:Node\" name=\"App server\" id=\"n2\"/>"
           "<element xsi:type=\"archimate:" +
           service +
           "\" name=\"Database service\" id=\"svc\"/></folder>"
           "<folder name=\"Relations\" id=\"fr\" type=\"relations\">"
           "<element xsi:type=\"archimate:RealizationRelationship\" id=\"r1\" source=\"n1\" "
           "target=\"svc\"/><element xsi:type=\"archimate:" +
           serving + "\" id=\"r2\" source=\"svc\" target=\"n2\"/></folder></archimate:model>";
  };
  ImportOptions nodes;
  nodes.include_nodes = true;
  for (auto [service, serving] : {std::pair{"TechnologyService", "ServingRelationship"},
                                  std::pair{"InfrastructureService", "UsedByRelationship"}}) {
    Imported in = MapXml(model(service, serving), nodes);
    EXPECT_EQ(Edges(in.landscape), (std::set<std::string>{"database-server>app-server"}))
        << service;
  }
  EXPECT_EQ(NormaliseArchiType("archimate:InfrastructureInterface"), "TechnologyInterface");
  EXPECT_EQ(NormaliseArchiType("InfrastructureFunction"), "TechnologyFunction");
}

// Issue 17, finding 21 (b): properties.csv named alone was read as an inventory CSV (systems
// whose ids were relationship ids). It is Archi's CSV, read with the files beside it.
TEST(ImportArchi, PropertiesCsvAloneIsArchiCsv) {
  std::string dir = testing::TempDir();
  for (const char* f : {"elements.csv", "relations.csv", "properties.csv"})
    fs::copy_file(Data("csv/") + f, dir + "/" + f);
  auto r = testing::RunCli({"import", dir + "/properties.csv", "-o", dir + "/out.json"});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.err.find("as Archi CSV"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("Result: 4 systems, 4 integrations"), std::string::npos) << r.err;
}

// Issue 17, finding 21 (c): a folder holding two prefixed exports read the first silently.
TEST(ImportArchi, AFolderOfSeveralCsvExportsIsRefusedNamingThem) {
  std::string dir = testing::TempDir();
  for (const char* prefix : {"A-", "B-"})
    for (const char* f : {"elements.csv", "relations.csv", "properties.csv"})
      fs::copy_file(Data("csv/") + f, dir + "/" + prefix + f);
  auto r = testing::RunCli({"import", dir, "-o", dir + "/out.json"});
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find(dir +
                       ": error: this folder holds 2 Archi CSV exports (A-elements.csv, "
                       "B-elements.csv); name the elements.csv of the one to read, e.g. " +
                       dir + "/A-elements.csv"),
            std::string::npos)
      << r.err;
  EXPECT_FALSE(fs::exists(dir + "/out.json"));
  // Named, one export is read.
  r = testing::RunCli({"import", dir + "/B-elements.csv", "-o", dir + "/out.json"});
  EXPECT_EQ(r.code, 0) << r.err;
}

// Issue 17, finding 21 (d): docs/import.md named an option --include-nodes that does not exist.
// Every option the import guide names is in the help of some command.
TEST(ImportArchi, TheImportGuideNamesOnlyOptionsThatExist) {
  std::string help = testing::RunCli({"--help"}).out;
  std::string all;
  for (size_t at = help.find("\n  "); at != std::string::npos; at = help.find("\n  ", at + 1)) {
    std::string command = help.substr(at + 3, help.find(' ', at + 3) - at - 3);
    testing::CliResult r = testing::RunCli({command, "--help"});
    all += r.out + r.err;
  }
  ASSERT_NE(all.find("--nodes"), std::string::npos);
  std::string guide = testing::ReadFile(testing::SourcePath("docs/import.md"));
  // Options of other programs the guide mentions.
  const std::set<std::string> others = {"--schema"};  // xmllint --schema
  for (size_t at = guide.find("--"); at != std::string::npos; at = guide.find("--", at + 2)) {
    size_t end = at + 2;
    if (end >= guide.size() || !std::islower(static_cast<unsigned char>(guide[end]))) continue;
    while (end < guide.size() &&
           (std::islower(static_cast<unsigned char>(guide[end])) || guide[end] == '-'))
      ++end;
    std::string option = guide.substr(at, end - at);
    if (option.size() <= 2 || others.count(option)) continue;
    EXPECT_NE(all.find(option), std::string::npos) << option << " is in docs/import.md";
  }
}

// Runs `body` in a child process as the user nobody when the test runs as root (who can read
// any file), and returns what it wrote to its pipe, with its exit code first.
std::string AsOrdinaryUser(const std::function<std::string()>& body) {
  int fds[2];
  if (pipe(fds) != 0) return "pipe failed";
  pid_t pid = fork();
  if (pid == 0) {
    close(fds[0]);
    if (geteuid() == 0 && (setgid(65534) != 0 || setuid(65534) != 0)) _exit(99);
    std::string out = body();
    ssize_t written = write(fds[1], out.data(), out.size());
    _exit(written == static_cast<ssize_t>(out.size()) ? 0 : 98);
  }
  close(fds[1]);
  std::string out;
  char buffer[4096];
  ssize_t n;
  while ((n = read(fds[0], buffer, sizeof buffer)) > 0) out.append(buffer, n);
  close(fds[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  return std::to_string(WIFEXITED(status) ? WEXITSTATUS(status) : -1) + "\n" + out;
}

std::string ReadCoArchiAsText(const std::string& folder) {
  ArchiModel model;
  ImportReport report;
  Diagnostics diagnostics("model");
  bool ok = ParseCoArchiFolder(folder, &model, &report, &diagnostics);
  std::string out = ok ? "ok\n" : "failed\n";
  for (const Diagnostic& d : diagnostics.Items()) out += FormatDiagnostic(d) + "\n";
  return out + SkipList(report);
}

// Issue 17, finding 19: a sub-folder of a coArchi model that could not be read was skipped and
// the import said it validates; every unreadable file was "not UTF-8".
TEST(ImportArchi, AnUnreadableCoArchiFolderOrFileIsAnError) {
  std::string dir = testing::TempDir();
  fs::copy(Data("coarchi"), dir + "/coarchi", fs::copy_options::recursive);
  std::string model = dir + "/coarchi/model";
  fs::permissions(model + "/application/kommunale", fs::perms::none);
  std::string out = AsOrdinaryUser([&] { return ReadCoArchiAsText(model); });
  fs::permissions(model + "/application/kommunale",
                  fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                      fs::perms::others_read | fs::perms::others_exec);
  EXPECT_EQ(out.substr(0, 2), "0\n") << out;
  EXPECT_NE(out.find("failed\nmodel:model/application/kommunale: error: this folder cannot be "
                     "read (Permission denied); the model would be incomplete"),
            std::string::npos)
      << out;
  fs::permissions(model + "/application/id-fr.xml", fs::perms::none);
  out = AsOrdinaryUser([&] { return ReadCoArchiAsText(model); });
  fs::permissions(model + "/application/id-fr.xml", fs::perms::owner_read);
  EXPECT_NE(out.find("failed\nmodel:model/application/id-fr.xml: error: cannot open it: "
                     "Permission denied; the model would be incomplete without this file"),
            std::string::npos)
      << out;
}

TEST(ImportArchi, OddCoArchiFilesAreSkippedEachWithItsReason) {
  std::string dir = testing::TempDir();
  fs::copy(Data("coarchi"), dir + "/coarchi", fs::copy_options::recursive);
  std::string app = dir + "/coarchi/model/application/";
  std::ofstream(app + "id-nul.xml", std::ios::binary)
      << std::string("<archimate:ApplicationComponent\0 name=\"x\"/>", 43);
  std::ofstream(app + "id-latin1.xml", std::ios::binary)
      << "<archimate:ApplicationComponent name=\"\xF8konomi\" id=\"l\"/>";
  std::ofstream(app + "id-utf16.xml", std::ios::binary) << std::string("\xFF\xFE<\0a\0", 6);
  std::ofstream(app + "id-big.xml", std::ios::binary) << "<";
  fs::resize_file(app + "id-big.xml", size_t{65} << 20);  // sparse: no 65 MB written
  std::string out = ReadCoArchiAsText(dir + "/coarchi/model");
  EXPECT_EQ(out.substr(0, 3), "ok\n") << out;
  EXPECT_NE(out.find("model/application/id-nul.xml:1:32 | file | it holds a NUL byte here"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("model/application/id-latin1.xml:1:39 | file | it is not UTF-8 text here"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("model/application/id-utf16.xml | file | it is saved as UTF-16"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("model/application/id-big.xml | file | it is 65 MB, more than the 64 MB"),
            std::string::npos)
      << out;
}

// Issue 17, finding 23: an exchange file saved as UTF-16 was "cannot tell what kind of source
// this is" (the namespace was searched as UTF-8 bytes).
TEST(ImportArchi, AUtf16ExchangeFileIsNamedAsSuch) {
  std::string xml = testing::ReadFile(Data("kommune-exchange3.xml"));
  std::string utf16 = "\xFF\xFE";
  for (char c : xml) {  // the file is ASCII but for a few letters; those become '?'
    utf16 += static_cast<unsigned char>(c) < 0x80 ? c : '?';
    utf16 += '\0';
  }
  std::string dir = testing::TempDir();
  std::ofstream(dir + "/model.xml", std::ios::binary) << utf16;
  EXPECT_EQ(SniffArchimate({dir + "/model.xml"}), 2);
  auto r = testing::RunCli({"import", dir + "/model.xml", "-o", dir + "/out.json"});
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("model.xml: error: this model is saved as UTF-16; landskap reads "
                       "ArchiMate models in UTF-8"),
            std::string::npos)
      << r.err;
}

}  // namespace
}  // namespace landskap
