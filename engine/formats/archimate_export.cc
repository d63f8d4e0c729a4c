// The Open Group exchange format 3.1 writer. Identifiers are made from positions ("id-s1",
// "id-i3"), because XML identifiers (xs:ID) cannot hold the ":" and "/" that landskap ids may;
// the landskap ids travel as the property "landskap id", which the importer reads back.
#include "engine/formats/archimate_export.h"

#include <algorithm>
#include <map>
#include <sstream>

#include "engine/model/text.h"
#include "pugixml.hpp"

namespace landskap {
namespace {

// XML 1.0 cannot hold control characters other than tab, line feed and carriage return, nor
// U+FFFE and U+FFFF, not even escaped (pugixml writes them all the same): they become U+FFFD
// (XmlCharacters) so the file stays well-formed.
std::string XmlText(std::string_view text) { return XmlCharacters(text); }

class Writer {
 public:
  Writer(const Landscape& l, const ImpactResult* impact, const std::string& key)
      : l_(l), impact_(impact), key_(key) {}

  std::string Write() {
    pugi::xml_document doc;
    pugi::xml_node decl = doc.append_child(pugi::node_declaration);
    decl.append_attribute("version") = "1.0";
    decl.append_attribute("encoding") = "UTF-8";
    pugi::xml_node model = doc.append_child("model");
    model.append_attribute("xmlns") = kArchimateExchangeNamespace;
    model.append_attribute("xmlns:xsi") = "http://www.w3.org/2001/XMLSchema-instance";
    model.append_attribute("xsi:schemaLocation") =
        "http://www.opengroup.org/xsd/archimate/3.0/ "
        "http://www.opengroup.org/xsd/archimate/3.1/archimate3_Diagram.xsd";
    model.append_attribute("identifier") = "id-landskap-model";
    Name(model, l_.name.empty() ? "landskap" : l_.name);
    Text(model, "documentation",
         "Written by landskap from a landskap/1 file: systems as application components, "
         "integrations as flow relationships in the direction of the data." +
             (impact_ ? " Properties 'landskap impact' and 'landskap distance' show what a "
                        "change of the key '" +
                            key_ + "' reaches."
                      : std::string()));
    // Impact by system and by integration, when asked.
    std::map<SystemIndex, const AffectedSystem*> affected;
    std::vector<bool> carries_change(l_.integrations.size(), false);
    if (impact_) {
      for (const AffectedSystem& a : impact_->affected) affected[a.system] = &a;
      for (IntegrationIndex i : impact_->integrations) carries_change[i] = true;
    }
    pugi::xml_node elements = model.append_child("elements");
    for (size_t s = 0; s < l_.systems.size(); ++s) {
      const System& system = l_.systems[s];
      pugi::xml_node e = elements.append_child("element");
      e.append_attribute("identifier") = SystemXmlId(s).c_str();
      e.append_attribute("xsi:type") = "ApplicationComponent";
      Name(e, system.Label());
      pugi::xml_node props = e.append_child("properties");
      Property(props, "landskap id", system.id);
      Property(props, "Kind", std::string(KindName(system.kind)));
      Property(props, "Owner", system.owner);
      Property(props, "Vendor", system.vendor);
      Property(props, "Product", system.product);
      Property(props, "Domain", system.domain);
      Property(props, "Keys", Keys(system.keys));
      Property(props, "Criticality", std::string(CriticalityName(system.criticality)));
      Property(props, "Source", system.source);
      if (auto it = affected.find(static_cast<SystemIndex>(s)); it != affected.end()) {
        Property(props, "landskap impact", std::string(ReasonName(it->second->reason)));
        Property(props, "landskap distance", std::to_string(it->second->distance));
      }
    }
    pugi::xml_node relationships = model.append_child("relationships");
    for (size_t i = 0; i < l_.integrations.size(); ++i) {
      const Integration& integration = l_.integrations[i];
      pugi::xml_node r = relationships.append_child("relationship");
      r.append_attribute("identifier") = IntegrationXmlId(i).c_str();
      r.append_attribute("source") = SystemXmlId(integration.from).c_str();
      r.append_attribute("target") = SystemXmlId(integration.to).c_str();
      r.append_attribute("xsi:type") = "Flow";
      if (!integration.protocol.empty()) Name(r, integration.protocol);
      pugi::xml_node props = r.append_child("properties");
      if (!integration.id_generated) Property(props, "landskap id", integration.id);
      Property(props, "Carries", Keys(integration.carries));
      Property(props, "Protocol", integration.protocol);
      Property(props, "Criticality", std::string(CriticalityName(integration.criticality)));
      Property(props, "Source", integration.source);
      if (carries_change[i]) Property(props, "landskap impact", "carries the change");
    }
    // The XSD wants no empty <properties>: drop the lists that stayed empty.
    for (pugi::xml_node list : {elements, relationships})
      for (pugi::xml_node item : list.children())
        if (pugi::xml_node p = item.child("properties"); p && !p.first_child())
          item.remove_child(p);
    if (!elements.first_child()) model.remove_child(elements);
    if (!relationships.first_child()) model.remove_child(relationships);
    pugi::xml_node definitions = model.append_child("propertyDefinitions");
    for (const std::string& name : property_order_) {
      pugi::xml_node d = definitions.append_child("propertyDefinition");
      d.append_attribute("identifier") = property_ids_.at(name).c_str();
      d.append_attribute("type") = "string";
      d.append_child("name").text() = name.c_str();
    }
    if (!definitions.first_child()) model.remove_child(definitions);
    if (!l_.systems.empty()) View(model.append_child("views"));
    std::ostringstream out;
    doc.save(out, "  ", pugi::format_default, pugi::encoding_utf8);
    return out.str();
  }

 private:
  static std::string SystemXmlId(size_t s) { return "id-s" + std::to_string(s + 1); }
  static std::string IntegrationXmlId(size_t i) { return "id-i" + std::to_string(i + 1); }

  void Name(pugi::xml_node node, const std::string& text) { Text(node, "name", text); }
  void Text(pugi::xml_node node, const char* child, const std::string& text) {
    pugi::xml_node n = node.append_child(child);
    n.append_attribute("xml:lang") = "nb";
    n.text() = XmlText(text).c_str();
  }

  // A property, defined the first time its name is used; empty values are left out.
  void Property(pugi::xml_node list, const std::string& name, const std::string& value) {
    if (value.empty()) return;
    auto [it, fresh] =
        property_ids_.emplace(name, "propid-" + std::to_string(property_ids_.size() + 1));
    if (fresh) property_order_.push_back(name);
    pugi::xml_node p = list.append_child("property");
    p.append_attribute("propertyDefinitionRef") = it->second.c_str();
    Text(p, "value", value);
  }

  std::string Keys(const std::vector<KeyIndex>& keys) const {
    std::vector<std::string> ids;
    for (KeyIndex k : keys) ids.push_back(l_.keys[k].id);
    std::sort(ids.begin(), ids.end());
    std::string out;
    for (const std::string& id : ids) out += (out.empty() ? "" : ", ") + id;
    return out;
  }

  // One view: the systems in a grid, grouped by owner (then id) so that one municipality's
  // systems sit together; every integration as a connection.
  void View(pugi::xml_node views) {
    pugi::xml_node view = views.append_child("diagrams").append_child("view");
    view.append_attribute("identifier") = "id-view-1";
    view.append_attribute("xsi:type") = "Diagram";
    Name(view,
         "landskap: " + (l_.name.empty() ? std::string("systems and integrations") : l_.name));
    std::vector<size_t> order(l_.systems.size());
    for (size_t s = 0; s < order.size(); ++s) order[s] = s;
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
      const System& x = l_.systems[a];
      const System& y = l_.systems[b];
      return std::tie(x.owner, x.id) < std::tie(y.owner, y.id);
    });
    constexpr int kColumns = 6, kWidth = 160, kHeight = 60, kGapX = 40, kGapY = 60;
    for (size_t place = 0; place < order.size(); ++place) {
      size_t s = order[place];
      pugi::xml_node n = view.append_child("node");
      n.append_attribute("identifier") = ("id-n" + std::to_string(s + 1)).c_str();
      n.append_attribute("elementRef") = SystemXmlId(s).c_str();
      n.append_attribute("xsi:type") = "Element";
      n.append_attribute("x") = 20 + static_cast<int>(place % kColumns) * (kWidth + kGapX);
      n.append_attribute("y") = 20 + static_cast<int>(place / kColumns) * (kHeight + kGapY);
      n.append_attribute("w") = kWidth;
      n.append_attribute("h") = kHeight;
    }
    for (size_t i = 0; i < l_.integrations.size(); ++i) {
      pugi::xml_node c = view.append_child("connection");
      c.append_attribute("identifier") = ("id-c" + std::to_string(i + 1)).c_str();
      c.append_attribute("relationshipRef") = IntegrationXmlId(i).c_str();
      c.append_attribute("xsi:type") = "Relationship";
      c.append_attribute("source") = ("id-n" + std::to_string(l_.integrations[i].from + 1)).c_str();
      c.append_attribute("target") = ("id-n" + std::to_string(l_.integrations[i].to + 1)).c_str();
    }
  }

  const Landscape& l_;
  const ImpactResult* impact_;
  std::string key_;
  std::map<std::string, std::string> property_ids_;
  std::vector<std::string> property_order_;
};

}  // namespace

std::string WriteArchimateExchange(const Landscape& landscape, const ImpactResult* impact,
                                   const std::string& key) {
  return Writer(landscape, impact, key).Write();
}

}  // namespace landskap
