// ArchiMate XML readers: the Open Group exchange format (3.x and 2.1, which differ in namespace,
// in "label" vs "name", in property definitions and in relationship names such as UsedBy and
// Realisation) and Archi's native .archimate, zipped or not. Both end in an ArchiModel that
// MapArchiModel turns into systems and integrations.
#include "engine/formats/archi_exchange.h"

#include <zip.h>

#include <cstring>
#include <filesystem>
#include <map>
#include <memory>

#include "engine/file/input.h"
#include "engine/model/text.h"

namespace landskap {
namespace {

// A model.xml larger than this inside a zip is refused: a small archive must not unpack into
// gigabytes (a "zip bomb").
constexpr zip_uint64_t kMaxModelBytes = zip_uint64_t{512} << 20;

bool StartsWith(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

std::string Place(const std::string& label, const LineIndex& lines, const pugi::xml_node& node) {
  ptrdiff_t offset = node.offset_debug();
  return offset < 0 ? label : label + ":" + lines.At(static_cast<size_t>(offset));
}

// The text of the first child called `a` or `b` (local names) that has any.
std::string ChildText(const pugi::xml_node& node, std::string_view a, std::string_view b = "") {
  for (pugi::xml_node child : node.children()) {
    std::string_view name = LocalName(child.name());
    if (name != a && (b.empty() || name != b)) continue;
    std::string text = child.text().get();
    if (!text.empty()) return text;
  }
  return "";
}

ArchiAccess ExchangeAccess(std::string_view text) {
  if (text == "Read") return ArchiAccess::kRead;
  if (text == "Write") return ArchiAccess::kWrite;
  if (text == "ReadWrite") return ArchiAccess::kReadWrite;
  return ArchiAccess::kUnspecified;  // "Access" or absent: the standard's default
}

void ParseExchange(const pugi::xml_node& root, const std::string& label, const LineIndex& lines,
                   ArchiModel* model) {
  model->name = ChildText(root, "name", "label");
  // Property definitions: 3.x <propertyDefinitions><propertyDefinition identifier><name>,
  // 2.1 <propertydefs><propertydef identifier name="...">.
  std::map<std::string, std::string> property_names;
  for (pugi::xml_node defs : root.children()) {
    std::string_view n = LocalName(defs.name());
    if (n != "propertyDefinitions" && n != "propertydefs") continue;
    for (pugi::xml_node def : defs.children()) {
      std::string name = def.attribute("name").value();
      if (name.empty()) name = ChildText(def, "name");
      property_names[def.attribute("identifier").value()] = name;
    }
  }
  auto properties = [&](const pugi::xml_node& node) {
    std::vector<ArchiProperty> out;
    for (pugi::xml_node list : node.children()) {
      if (LocalName(list.name()) != "properties") continue;
      for (pugi::xml_node p : list.children()) {
        std::string ref = p.attribute("propertyDefinitionRef").value();
        if (ref.empty()) ref = p.attribute("identifierref").value();
        auto it = property_names.find(ref);
        if (it == property_names.end()) continue;  // a property without a definition: no name
        out.push_back({it->second, ChildText(p, "value")});
      }
    }
    return out;
  };
  for (pugi::xml_node list : root.children()) {
    std::string_view n = LocalName(list.name());
    if (n == "elements") {
      for (pugi::xml_node e : list.children()) {
        if (LocalName(e.name()) != "element") continue;
        model->elements.push_back({e.attribute("identifier").value(),
                                   NormaliseArchiType(XsiType(e)), ChildText(e, "name", "label"),
                                   Place(label, lines, e), properties(e)});
      }
    } else if (n == "relationships") {
      for (pugi::xml_node r : list.children()) {
        if (LocalName(r.name()) != "relationship") continue;
        ArchiRelationship rel;
        rel.id = r.attribute("identifier").value();
        rel.type = NormaliseArchiType(XsiType(r));
        rel.name = ChildText(r, "name", "label");
        rel.source = r.attribute("source").value();
        rel.target = r.attribute("target").value();
        rel.access = ExchangeAccess(r.attribute("accessType").value());
        rel.place = Place(label, lines, r);
        rel.properties = properties(r);
        model->relationships.push_back(std::move(rel));
      }
    }
  }
}

bool IsDiagramType(std::string_view type) {
  return type.find("DiagramModel") != std::string_view::npos ||
         type.find("SketchModel") != std::string_view::npos ||
         type.find("CanvasModel") != std::string_view::npos;
}

void ParseNative(const pugi::xml_node& root, const std::string& label, const LineIndex& lines,
                 ArchiModel* model) {
  model->name = root.attribute("name").value();
  // Folders nest; walk them with a stack so that a deeply nested file cannot exhaust the
  // call stack.
  std::vector<pugi::xml_node> stack;
  for (pugi::xml_node child = root.last_child(); child; child = child.previous_sibling())
    stack.push_back(child);
  while (!stack.empty()) {
    pugi::xml_node node = stack.back();
    stack.pop_back();
    std::string_view name = LocalName(node.name());
    if (name == "folder") {
      for (pugi::xml_node child = node.last_child(); child; child = child.previous_sibling())
        stack.push_back(child);
    } else if (name == "element") {
      std::string type = NormaliseArchiType(XsiType(node));
      if (!IsDiagramType(type)) AddNativeConcept(node, type, Place(label, lines, node), model);
    }
  }
}

// The id in an EMF reference: "../application/id-1.xml#id-1" → "id-1", "id-1.xml" → "id-1".
std::string ReferencedId(std::string_view href) {
  if (size_t hash = href.rfind('#'); hash != std::string_view::npos)
    return std::string(href.substr(hash + 1));
  if (size_t slash = href.find_last_of("/\\"); slash != std::string_view::npos)
    href.remove_prefix(slash + 1);
  if (href.size() > 4 && href.substr(href.size() - 4) == ".xml") href.remove_suffix(4);
  return std::string(href);
}

}  // namespace

std::string_view LocalName(const char* name) {
  std::string_view n = name;
  if (size_t colon = n.rfind(':'); colon != std::string_view::npos) n.remove_prefix(colon + 1);
  return n;
}

std::string XsiType(const pugi::xml_node& node) {
  for (pugi::xml_attribute a : node.attributes()) {
    std::string_view name = a.name();
    if (name == "xsi:type" || (name.size() > 5 && name.substr(name.size() - 5) == ":type"))
      return a.value();
  }
  return "";
}

void AddNativeConcept(const pugi::xml_node& node, const std::string& type, const std::string& place,
                      ArchiModel* model) {
  std::vector<ArchiProperty> properties;
  for (pugi::xml_node p : node.children()) {
    std::string_view n = LocalName(p.name());
    if (n == "property" || n == "properties")
      properties.push_back({p.attribute("key").value(), p.attribute("value").value()});
  }
  if (IsArchiRelationshipType(type)) {
    ArchiRelationship rel;
    rel.id = node.attribute("id").value();
    rel.type = type;
    rel.name = node.attribute("name").value();
    rel.source = node.attribute("source").value();
    rel.target = node.attribute("target").value();
    // coArchi writes the ends as children: <source href="../application/id-1.xml#id-1"/>.
    for (pugi::xml_node end : node.children()) {
      std::string_view n = LocalName(end.name());
      if (n == "source" && rel.source.empty())
        rel.source = ReferencedId(end.attribute("href").value());
      if (n == "target" && rel.target.empty())
        rel.target = ReferencedId(end.attribute("href").value());
    }
    // Archi's numbers: 0 write (the default, then left out), 1 read, 2 access, 3 read/write.
    std::string_view access = node.attribute("accessType").value();
    rel.access = access == "1"   ? ArchiAccess::kRead
                 : access == "2" ? ArchiAccess::kUnspecified
                 : access == "3" ? ArchiAccess::kReadWrite
                                 : ArchiAccess::kWrite;
    rel.place = place;
    rel.properties = std::move(properties);
    model->relationships.push_back(std::move(rel));
  } else {
    model->elements.push_back({node.attribute("id").value(), type, node.attribute("name").value(),
                               place, std::move(properties)});
  }
}

bool ParseArchiXml(std::string_view text, const std::string& label, ArchiModel* model,
                   std::string* format, Diagnostics* diagnostics) {
  LineIndex lines(text);
  // Every name read here ends up in a landscape file, which must be UTF-8: the check belongs to
  // the parser, so that no caller can hand it other bytes.
  if (size_t bad = FirstInvalidUtf8(text); bad != std::string::npos) {
    diagnostics->Error(lines.At(bad),
                       "this model is not UTF-8 here; Archi and the exchange format write UTF-8, "
                       "so the file was changed by another program. Save it again from Archi");
    return false;
  }
  pugi::xml_document doc;
  pugi::xml_parse_result parsed =
      doc.load_buffer(text.data(), text.size(), pugi::parse_default, pugi::encoding_utf8);
  if (!parsed) {
    diagnostics->Error(lines.At(static_cast<size_t>(std::max<ptrdiff_t>(parsed.offset, 0))),
                       std::string("this is not well-formed XML: ") + parsed.description());
    return false;
  }
  pugi::xml_node root = doc.document_element();
  std::string root_name = root.name();
  std::string prefix;
  if (size_t colon = root_name.find(':'); colon != std::string::npos)
    prefix = root_name.substr(0, colon);
  std::string ns = root.attribute(prefix.empty() ? "xmlns" : ("xmlns:" + prefix).c_str()).value();
  if (LocalName(root.name()) != "model") {
    diagnostics->Error(lines.At(static_cast<size_t>(std::max<ptrdiff_t>(root.offset_debug(), 0))),
                       "this XML is not an ArchiMate model: its root element is <" +
                           VisibleText(root_name) +
                           ">, an exchange file or an Archi model starts with <model>");
    return false;
  }
  if (ns.find("archimatetool.com") != std::string::npos) {
    *format = "Archi model (.archimate)";
    ParseNative(root, label, lines, model);
  } else if (StartsWith(ns, "http://www.opengroup.org/xsd/archimate")) {
    *format = ns.find("/3.") != std::string::npos ? "Open Group exchange format 3.x"
                                                  : "Open Group exchange format 2.1";
    ParseExchange(root, label, lines, model);
  } else {
    diagnostics->Error("1:1", "the <model> is in namespace '" + VisibleText(ns) +
                                  "'; an ArchiMate exchange file uses "
                                  "http://www.opengroup.org/xsd/archimate/3.0/ (or "
                                  "http://www.opengroup.org/xsd/archimate for 2.1), an Archi "
                                  "model http://www.archimatetool.com/archimate");
    return false;
  }
  return true;
}

bool UnpackArchimate(std::string bytes, const std::string& label, std::string* xml,
                     Diagnostics* diagnostics) {
  if (!StartsWith(bytes, std::string_view("PK\x03\x04", 4))) {
    *xml = std::move(bytes);
    return true;
  }
  (void)label;
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  zip_t* archive = source ? zip_open_from_source(source, ZIP_RDONLY, &error) : nullptr;
  if (!archive) {
    if (source) zip_source_free(source);
    diagnostics->Error("", std::string("this zip archive cannot be opened (") +
                               zip_error_strerror(&error) + "); save the model again in Archi");
    zip_error_fini(&error);
    return false;
  }
  zip_error_fini(&error);
  std::unique_ptr<zip_t, int (*)(zip_t*)> closer(archive, zip_close);
  zip_int64_t index = zip_name_locate(archive, "model.xml", ZIP_FL_NOCASE);
  zip_stat_t stat;
  zip_stat_init(&stat);
  if (index < 0 || zip_stat_index(archive, index, 0, &stat) != 0 || !(stat.valid & ZIP_STAT_SIZE)) {
    diagnostics->Error("",
                       "this zip archive holds no model.xml; Archi keeps the model in "
                       "model.xml when it zips a model with images");
    return false;
  }
  if (stat.size > kMaxModelBytes) {
    diagnostics->Error("", "model.xml in this archive would unpack to " +
                               std::to_string(stat.size >> 20) + " MB, more than the " +
                               std::to_string(kMaxModelBytes >> 20) + " MB allowed");
    return false;
  }
  zip_file_t* file = zip_fopen_index(archive, index, 0);
  if (!file) {
    diagnostics->Error("", std::string("model.xml in this archive cannot be read (") +
                               zip_strerror(archive) + ")");
    return false;
  }
  std::string out(stat.size, '\0');
  zip_int64_t got = stat.size ? zip_fread(file, out.data(), stat.size) : 0;
  zip_fclose(file);
  if (got < 0 || static_cast<zip_uint64_t>(got) != stat.size) {
    diagnostics->Error("",
                       "model.xml in this archive is damaged (it unpacks to fewer bytes than "
                       "the archive says)");
    return false;
  }
  *xml = std::move(out);
  return true;
}

int SniffArchimate(const std::vector<std::string>& paths) {
  if (paths.size() != 1) return 0;
  std::error_code ec;
  if (paths[0] != "-" && !std::filesystem::is_regular_file(paths[0], ec)) return 0;
  std::string ext = FileEnding(paths[0]);
  if (paths[0] == "-") return 0;  // standard input can be read once only: --from archimate
  InputText input;
  Diagnostics ignored;
  InputRules rules;
  rules.binary = true;
  rules.pipe_wait_ms = 0;
  if (!ReadInput(paths[0], rules, &input, &ignored)) return ext == ".archimate" ? 1 : 0;
  std::string_view head = std::string_view(input.text).substr(0, 4096);
  if (StartsWith(head, std::string_view("PK\x03\x04", 4)))
    return ext == ".archimate" || input.text.find("model.xml") != std::string::npos ? 2 : 0;
  if (head.find("http://www.opengroup.org/xsd/archimate") != std::string_view::npos ||
      head.find("http://www.archimatetool.com/archimate") != std::string_view::npos)
    return 2;
  // UTF-16 (some tools write the exchange format so): its ASCII with the NULs left out names
  // the namespace, and the reader says how to save it as UTF-8.
  if (LooksLikeUtf16(head)) {
    std::string ascii;
    for (char c : head)
      if (c != '\0') ascii += c;
    if (ascii.find("http://www.opengroup.org/xsd/archimate") != std::string::npos ||
        ascii.find("http://www.archimatetool.com/archimate") != std::string::npos)
      return 2;
  }
  return ext == ".archimate" ? 1 : 0;
}

bool ReadArchimate(const std::vector<std::string>& paths, const ImportOptions& options,
                   Landscape* landscape, ImportReport* report, Diagnostics* diagnostics) {
  bool any = false;
  for (const std::string& path : paths) {
    InputRules rules;
    rules.what = "an ArchiMate model";
    rules.binary = true;
    InputText input;
    Diagnostics local(path);
    if (!ReadInput(path, rules, &input, &local)) {
      diagnostics->Append(local);
      continue;
    }
    std::string xml;
    if (!UnpackArchimate(std::move(input.text), input.label, &xml, &local)) {
      diagnostics->Append(local);
      continue;
    }
    if (LooksLikeUtf16(xml)) {
      local.Error("",
                  "this model is saved as UTF-16; landskap reads ArchiMate models in UTF-8, "
                  "as Archi writes them. Export it again from Archi (File › Export › Model "
                  "to Open Exchange File), or save it as UTF-8 in a text editor");
      diagnostics->Append(local);
      continue;
    }
    if (StartsWith(xml, "\xEF\xBB\xBF")) xml.erase(0, 3);  // a byte order mark
    ArchiModel model;
    std::string format;
    if (!ParseArchiXml(xml, input.label, &model, &format, &local)) {
      diagnostics->Append(local);
      continue;
    }
    report->kind = report->kind.empty() ? format : report->kind + ", " + format;
    report->sources.push_back(input.label);
    any |= MapArchiModel(model, input.label, options, landscape, report, &local);
    diagnostics->Append(local);
  }
  return any && !diagnostics->HasErrors();
}

}  // namespace landskap
