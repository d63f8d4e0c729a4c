// coArchi model folders: every *.xml file but folder.xml holds one element or relationship as
// its root element (<archimate:ApplicationComponent name=… id=…>), relationships name their ends
// by EMF reference (<source href="../application/id-1.xml#id-1"/>). Diagrams are left out.
#include "engine/formats/archi_coarchi.h"

#include <algorithm>
#include <filesystem>

#include "engine/file/input.h"
#include "engine/formats/archi_exchange.h"
#include "pugixml.hpp"

namespace landskap {
namespace fs = std::filesystem;
namespace {

// The layer folders coArchi writes; a folder with any of them is a model folder.
const char* const kLayers[] = {"application",
                               "business",
                               "technology",
                               "relations",
                               "strategy",
                               "motivation",
                               "implementation_migration",
                               "other"};

bool HasLayers(const fs::path& folder) {
  std::error_code ec;
  for (const char* layer : kLayers)
    if (fs::is_directory(folder / layer, ec)) return true;
  return false;
}

}  // namespace

std::string CoArchiModelFolder(const std::string& path) {
  std::error_code ec;
  if (!fs::is_directory(path, ec)) return "";
  if (fs::is_directory(fs::path(path) / "model", ec) && HasLayers(fs::path(path) / "model"))
    return (fs::path(path) / "model").string();
  if (HasLayers(path)) return path;
  return "";
}

bool ParseCoArchiFolder(const std::string& folder, ArchiModel* model, ImportReport* report,
                        Diagnostics* diagnostics) {
  std::vector<fs::path> files;
  std::error_code ec;
  fs::recursive_directory_iterator it(folder, fs::directory_options::skip_permission_denied, ec);
  if (ec) {
    diagnostics->Error("", "this folder cannot be read: " + ec.message());
    return false;
  }
  for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) break;
    if (it->is_symlink(ec)) {
      if (it->is_directory(ec)) it.disable_recursion_pending();  // no loops through links
      continue;
    }
    if (it->is_regular_file(ec) && it->path().extension() == ".xml") files.push_back(it->path());
  }
  std::sort(files.begin(), files.end());  // the same model in the same order on every machine
  fs::path base = fs::path(folder).parent_path();
  for (const fs::path& file : files) {
    std::string place = fs::relative(file, base, ec).generic_string();
    if (ec || place.empty()) place = file.generic_string();
    InputRules rules;
    rules.what = "a coArchi model file";
    InputText input;
    Diagnostics local(place);
    if (!ReadInput(file.string(), rules, &input, &local) || input.encoding == Encoding::kUnknown) {
      report->skipped.push_back({place, "file", "it is not UTF-8 text, as coArchi writes"});
      continue;
    }
    pugi::xml_document doc;
    pugi::xml_parse_result parsed = doc.load_buffer(input.text.data(), input.text.size(),
                                                    pugi::parse_default, pugi::encoding_utf8);
    if (!parsed) {
      report->skipped.push_back(
          {place + ":" +
               LineIndex(input.text).At(static_cast<size_t>(std::max<ptrdiff_t>(parsed.offset, 0))),
           "file", std::string("not well-formed XML: ") + parsed.description()});
      continue;
    }
    pugi::xml_node root = doc.document_element();
    std::string type = NormaliseArchiType(LocalName(root.name()));
    if (file.filename() == "folder.xml") {
      // The model's own folder.xml (<archimate:model name=…>) names the model.
      if (LocalName(root.name()) == "model" && model->name.empty())
        model->name = root.attribute("name").value();
      continue;
    }
    if (type == "Folder" || type == "model" || type.find("DiagramModel") != std::string::npos ||
        type.find("SketchModel") != std::string::npos ||
        type.find("CanvasModel") != std::string::npos)
      continue;
    AddNativeConcept(root, type, place, model);
  }
  return true;
}

int SniffCoArchi(const std::vector<std::string>& paths) {
  if (paths.size() != 1) return 0;
  return CoArchiModelFolder(paths[0]).empty() ? 0 : 2;
}

bool ReadCoArchi(const std::vector<std::string>& paths, const ImportOptions& options,
                 Landscape* landscape, ImportReport* report, Diagnostics* diagnostics) {
  bool any = false;
  for (const std::string& path : paths) {
    Diagnostics local(path);
    std::string folder = CoArchiModelFolder(path);
    if (folder.empty()) {
      local.Error("",
                  "this is not a coArchi model folder: expected a folder holding model/ with "
                  "application/, relations/ … (a clone of the model's git repository)");
      diagnostics->Append(local);
      continue;
    }
    ArchiModel model;
    if (!ParseCoArchiFolder(folder, &model, report, &local)) {
      diagnostics->Append(local);
      continue;
    }
    report->kind = report->kind.empty() ? "coArchi model folder" : report->kind + ", coArchi";
    report->sources.push_back(path);
    any |= MapArchiModel(model, path, options, landscape, report, &local);
    diagnostics->Append(local);
  }
  return any && !diagnostics->HasErrors();
}

}  // namespace landskap
