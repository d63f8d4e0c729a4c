// `landskap export archimate`: the Open Group exchange format 3.1. Neither Debian nor npm
// packages the Open Group XSD (apt-cache search archimate: nothing; npm view archimate-xsd,
// archimate: 404), and there is no network for the Open Group's site, so instead of
// `xmllint --schema` the file is checked structurally here against the rules of the XSD that
// importing tools rely on: the namespace, the order of the model's children, identifiers
// unique, every reference (relationship ends, property definitions, view nodes and
// connections) resolved. Then the round trip export → import keeps systems and integrations.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include "engine/analysis/graph.h"
#include "engine/file/load.h"
#include "engine/formats/archi_exchange.h"
#include "engine/formats/archimate_export.h"
#include "engine/formats/importer.h"
#include "pugixml.hpp"
#include "tests/test_support.h"

namespace landskap {
namespace {

Landscape LoadDataset(const std::string& name) {
  Landscape landscape;
  Diagnostics diagnostics;
  std::string text = testing::ReadFile(testing::SourcePath(name));
  EXPECT_TRUE(LoadLandscapeText(text, name, &landscape, &diagnostics));
  return landscape;
}

// Every structural rule an importer depends on; returns the problems found, "" when none.
std::string StructuralProblems(const std::string& xml) {
  pugi::xml_document doc;
  pugi::xml_parse_result parsed = doc.load_string(xml.c_str());
  if (!parsed) return std::string("not well-formed: ") + parsed.description();
  std::string problems;
  auto problem = [&](const std::string& p) { problems += p + "\n"; };
  pugi::xml_node model = doc.document_element();
  if (std::string(model.name()) != "model") problem("root is not <model>");
  if (std::string(model.attribute("xmlns").value()) !=
      "http://www.opengroup.org/xsd/archimate/3.0/")
    problem("wrong namespace");
  if (std::string(model.attribute("xmlns:xsi").value()) !=
      "http://www.w3.org/2001/XMLSchema-instance")
    problem("no xsi namespace");
  // The XSD's sequence for <model>.
  const std::vector<std::string> order = {
      "name",          "documentation", "properties",          "metadata", "elements",
      "relationships", "organizations", "propertyDefinitions", "views"};
  size_t at = 0;
  for (pugi::xml_node child : model.children()) {
    auto it = std::find(order.begin() + at, order.end(), child.name());
    if (it == order.end())
      problem(std::string("<") + child.name() + "> out of order");
    else
      at = it - order.begin() + 1;
  }
  if (!model.child("name")) problem("the model has no name");
  // Identifiers: xs:ID (an NCName: a letter or _ first, no ':'), unique in the document.
  std::set<std::string> ids;
  for (pugi::xpath_node n : doc.select_nodes("//*[@identifier]")) {
    std::string id = n.node().attribute("identifier").value();
    if (id.empty() || !(std::isalpha(static_cast<unsigned char>(id[0])) || id[0] == '_') ||
        id.find(':') != std::string::npos || id.find(' ') != std::string::npos)
      problem("identifier '" + id + "' is not an NCName");
    if (!ids.insert(id).second) problem("identifier '" + id + "' is not unique");
  }
  std::set<std::string> elements, relationships, definitions, nodes;
  std::map<std::string, std::pair<std::string, std::string>> ends;
  for (pugi::xml_node e : model.child("elements").children("element")) {
    elements.insert(e.attribute("identifier").value());
    if (std::string(e.attribute("xsi:type").value()) != "ApplicationComponent")
      problem("element of unexpected type");
    if (!e.child("name")) problem("element without name");
  }
  for (pugi::xml_node d : model.child("propertyDefinitions").children("propertyDefinition")) {
    definitions.insert(d.attribute("identifier").value());
    if (!d.child("name")) problem("property definition without name");
    if (std::string(d.attribute("type").value()) != "string") problem("property type");
  }
  for (pugi::xml_node r : model.child("relationships").children("relationship")) {
    std::string id = r.attribute("identifier").value();
    relationships.insert(id);
    std::string s = r.attribute("source").value(), t = r.attribute("target").value();
    ends[id] = {s, t};
    if (!elements.count(s) || !elements.count(t)) problem("relationship " + id + " dangles");
    if (std::string(r.attribute("xsi:type").value()) != "Flow") problem("not a flow");
  }
  for (pugi::xpath_node p : doc.select_nodes("//property")) {
    if (!definitions.count(p.node().attribute("propertyDefinitionRef").value()))
      problem("property without definition");
    if (!p.node().child("value")) problem("property without value");
  }
  for (pugi::xpath_node n : doc.select_nodes("//properties"))
    if (!n.node().first_child()) problem("empty <properties>");
  pugi::xml_node view = model.child("views").child("diagrams").child("view");
  if (!view || std::string(view.attribute("xsi:type").value()) != "Diagram") problem("no view");
  std::map<std::string, std::string> element_of_node;
  for (pugi::xml_node n : view.children("node")) {
    element_of_node[n.attribute("identifier").value()] = n.attribute("elementRef").value();
    if (!elements.count(n.attribute("elementRef").value())) problem("node without element");
    for (const char* a : {"x", "y", "w", "h"})
      if (n.attribute(a).empty()) problem("node without bounds");
  }
  if (element_of_node.size() != elements.size()) problem("not every element in the view");
  size_t connections = 0;
  for (pugi::xml_node c : view.children("connection")) {
    ++connections;
    std::string r = c.attribute("relationshipRef").value();
    if (!relationships.count(r)) {
      problem("connection without relationship");
      continue;
    }
    if (element_of_node[c.attribute("source").value()] != ends[r].first ||
        element_of_node[c.attribute("target").value()] != ends[r].second)
      problem("connection " + std::string(c.attribute("identifier").value()) +
              " does not join its relationship's ends");
  }
  if (connections != relationships.size()) problem("not every relationship in the view");
  return problems;
}

Landscape ImportText(const std::string& xml, ImportReport* report) {
  std::string path = testing::TempDir() + "/exported.xml";
  std::ofstream(path, std::ios::binary) << xml;
  Landscape landscape;
  Diagnostics diagnostics;
  for (const Importer& importer : Importers())
    if (importer.name == "archimate") {
      EXPECT_EQ(importer.sniff({path}), 2);
      EXPECT_TRUE(importer.read({path}, {}, &landscape, report, &diagnostics));
    }
  return landscape;
}

std::string Keys(const Landscape& l, const std::vector<KeyIndex>& keys) {
  std::set<std::string> ids;
  for (KeyIndex k : keys) ids.insert(l.keys[k].id);
  std::string out;
  for (const std::string& id : ids) out += id + ",";
  return out;
}

class ExportArchimate : public ::testing::TestWithParam<std::string> {};

TEST_P(ExportArchimate, IsStructurallyValidAndReadsBack) {
  Landscape original = LoadDataset(GetParam());
  std::string xml = WriteArchimateExchange(original);
  EXPECT_EQ(StructuralProblems(xml), "");
  ImportReport report;
  Landscape back = ImportText(xml, &report);
  EXPECT_TRUE(report.skipped.empty());
  ASSERT_EQ(back.systems.size(), original.systems.size());
  ASSERT_EQ(back.integrations.size(), original.integrations.size());
  for (size_t s = 0; s < original.systems.size(); ++s) {
    const System& a = original.systems[s];
    const System& b = back.systems[s];
    EXPECT_EQ(a.id, b.id);
    EXPECT_EQ(a.Label(), b.name);
    EXPECT_EQ(a.kind, b.kind) << a.id;
    EXPECT_EQ(a.owner, b.owner) << a.id;
    EXPECT_EQ(a.vendor, b.vendor) << a.id;
    EXPECT_EQ(a.product, b.product) << a.id;
    EXPECT_EQ(a.domain, b.domain) << a.id;
    EXPECT_EQ(a.criticality, b.criticality) << a.id;
    EXPECT_EQ(Keys(original, a.keys), Keys(back, b.keys)) << a.id;
  }
  for (size_t i = 0; i < original.integrations.size(); ++i) {
    const Integration& a = original.integrations[i];
    const Integration& b = back.integrations[i];
    EXPECT_EQ(original.systems[a.from].id, back.systems[b.from].id);
    EXPECT_EQ(original.systems[a.to].id, back.systems[b.to].id);
    EXPECT_EQ(a.id, b.id);
    EXPECT_EQ(Keys(original, a.carries), Keys(back, b.carries)) << a.id;
    EXPECT_EQ(a.protocol, b.protocol) << a.id;
    EXPECT_EQ(a.criticality, b.criticality) << a.id;
  }
  // Writing is deterministic.
  EXPECT_EQ(WriteArchimateExchange(original), xml);
}

INSTANTIATE_TEST_SUITE_P(Datasets, ExportArchimate,
                         ::testing::Values("datasets/tiny.json", "datasets/oygarden-2020.json"));

// The impact of kommunenummer in tiny.json, worked out by hand in datasets/tiny.expected.md:
// 10 affected systems (6 holds-key, 4 receives-key; sund.eiendomsskatt at distance 2; askoy.gis
// not affected) and 8 integrations carrying the change.
TEST(ExportArchimateImpact, TinyKommunenummer) {
  Landscape l = LoadDataset("datasets/tiny.json");
  Graph graph(l);
  ImpactQuery query;
  query.key = l.FindKey("kommunenummer");
  ImpactResult impact = ComputeImpact(graph, query);
  std::string xml = WriteArchimateExchange(l, &impact, "kommunenummer");
  EXPECT_EQ(StructuralProblems(xml), "");
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_string(xml.c_str()));
  std::map<std::string, std::string> definition;  // name → id
  for (pugi::xml_node d : doc.document_element().child("propertyDefinitions").children())
    definition[d.child_value("name")] = d.attribute("identifier").value();
  auto property = [&](pugi::xml_node item, const std::string& name) -> std::string {
    for (pugi::xml_node p : item.child("properties").children())
      if (definition.count(name) &&
          p.attribute("propertyDefinitionRef").value() == definition[name])
        return p.child_value("value");
    return "";
  };
  std::map<std::string, std::string> reason, distance;
  size_t holds = 0, receives = 0;
  for (pugi::xml_node e : doc.document_element().child("elements").children()) {
    std::string id = property(e, "landskap id");
    std::string r = property(e, "landskap impact");
    if (r.empty()) continue;
    reason[id] = r;
    distance[id] = property(e, "landskap distance");
    holds += r == "holds-key";
    receives += r == "receives-key";
  }
  EXPECT_EQ(reason.size(), 10u);
  EXPECT_EQ(holds, 6u);
  EXPECT_EQ(receives, 4u);
  EXPECT_EQ(reason["sund.eiendomsskatt"], "receives-key");
  EXPECT_EQ(distance["sund.eiendomsskatt"], "2");
  EXPECT_EQ(reason.count("askoy.gis"), 0u);
  size_t carrying = 0;
  for (pugi::xml_node r : doc.document_element().child("relationships").children())
    carrying += property(r, "landskap impact") == "carries the change";
  EXPECT_EQ(carrying, 8u);
  EXPECT_EQ(property(doc.document_element().child("relationships").first_child(), "Carries"),
            "adresse, fnr, kommunenummer");  // folkeregisteret:integrasjonsplattform
}

// Names with characters XML cannot hold, and an empty landscape, still give well-formed files.
TEST(ExportArchimateEdge, ControlCharactersAndEmpty) {
  Landscape l = testing::Parse(R"({"format": "landskap/1", "name": "A & <B>",
    "systems": [{"id": "a", "name": "bell\u0007 \"quoted\""}, {"id": "b"}],
    "integrations": [{"from": "a", "to": "b", "protocol": "x<y>&z"}]})");
  std::string xml = WriteArchimateExchange(l);
  EXPECT_EQ(StructuralProblems(xml), "");
  ImportReport report;
  Landscape back = ImportText(xml, &report);
  ASSERT_EQ(back.systems.size(), 2u);
  EXPECT_EQ(back.systems[0].name, "bell\xEF\xBF\xBD \"quoted\"");
  EXPECT_EQ(back.integrations[0].protocol, "x<y>&z");
  // The made-up integration id a:b is not written, and comes back made up again.
  EXPECT_TRUE(back.integrations[0].id_generated);
  pugi::xml_document doc;
  EXPECT_TRUE(doc.load_string(WriteArchimateExchange(Landscape()).c_str()));
}

TEST(ExportArchimateCli, BothSpellingsAndErrors) {
  std::string dir = testing::TempDir();
  std::string tiny = testing::SourcePath("datasets/tiny.json");
  testing::CliResult a = testing::RunCli({"export", "archimate", tiny, "-o", dir + "/a.xml"});
  EXPECT_EQ(a.code, 0) << a.err;
  testing::CliResult b =
      testing::RunCli({"export", tiny, "--to", "archimate", "-o", dir + "/b.xml"});
  EXPECT_EQ(b.code, 0) << b.err;
  EXPECT_EQ(testing::ReadFile(dir + "/a.xml"), testing::ReadFile(dir + "/b.xml"));
  EXPECT_EQ(testing::ReadFile(dir + "/a.xml"),
            WriteArchimateExchange(LoadDataset("datasets/tiny.json")));
  testing::CliResult bad = testing::RunCli({"export", tiny, "--to", "visio"});
  EXPECT_EQ(bad.code, 2);
  EXPECT_NE(bad.err.find("landskap exports archimate"), std::string::npos) << bad.err;
  testing::CliResult key = testing::RunCli({"export", "archimate", tiny, "--key", "kommunenumer"});
  EXPECT_EQ(key.code, 2);
  EXPECT_NE(key.err.find("kommunenummer"), std::string::npos) << key.err;
  EXPECT_FALSE(std::filesystem::exists(dir + "/c.xml"));
}

}  // namespace
}  // namespace landskap
