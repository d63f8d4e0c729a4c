// coArchi model folders: every *.xml file but folder.xml holds one element or relationship as
// its root element (<archimate:ApplicationComponent name=… id=…>), relationships name their ends
// by EMF reference (<source href="../application/id-1.xml#id-1"/>). Diagrams are left out.
#include "engine/formats/archi_coarchi.h"

#include <algorithm>
#include <filesystem>

#include "engine/file/input.h"
#include "engine/formats/archi_exchange.h"
#include "engine/model/budget.h"
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
  fs::path base = fs::path(folder).parent_path();
  auto place_of = [&](const fs::path& path) {
    std::string place = fs::relative(path, base, ec).generic_string();
    return ec || place.empty() ? path.generic_string() : place;
  };
  // Folder by folder: a sub-folder that cannot be read is an error (the model would be
  // incomplete), never passed over in silence.
  bool complete = true;
  std::vector<fs::path> folders = {fs::path(folder)};
  while (!folders.empty()) {
    fs::path dir = std::move(folders.back());
    folders.pop_back();
    fs::directory_iterator it(dir, ec);
    if (ec) {
      diagnostics->Error(place_of(dir), "this folder cannot be read (" + ec.message() +
                                            "); the model would be incomplete without it. Give "
                                            "yourself read access to it, then import again");
      complete = false;
      continue;
    }
    for (; it != fs::directory_iterator(); it.increment(ec)) {
      if (it->is_symlink(ec)) continue;  // no loops through links
      if (it->is_directory(ec))
        folders.push_back(it->path());
      else if (it->is_regular_file(ec) && it->path().extension() == ".xml")
        files.push_back(it->path());
    }
    if (ec) {
      diagnostics->Error(place_of(dir), "this folder cannot be read to the end (" + ec.message() +
                                            "); the model would be incomplete");
      complete = false;
    }
  }
  std::sort(files.begin(), files.end());  // the same model in the same order on every machine
  for (const fs::path& file : files) {
    std::string place = place_of(file);
    // An element file is a few kB; a larger one is not coArchi's.
    constexpr size_t kMaxFileBytes = size_t{64} << 20;
    if (uintmax_t size = fs::file_size(file, ec); !ec && size > kMaxFileBytes) {
      report->skipped.push_back({place, "file",
                                 "it is " + MemoryBudget::Megabytes(size) + ", more than the " +
                                     MemoryBudget::Megabytes(kMaxFileBytes) +
                                     " a coArchi model file may hold (coArchi writes a few kB "
                                     "per element)"});
      continue;
    }
    InputRules rules;
    rules.what = "a coArchi model file";
    rules.binary = true;  // the checks for text follow, each with its own reason
    rules.max_bytes = kMaxFileBytes;
    InputText input;
    Diagnostics local(place);
    if (!ReadInput(file.string(), rules, &input, &local)) {
      std::string why = local.Items().empty() ? "it cannot be read" : local.Items()[0].message;
      diagnostics->Error(place, why +
                                    "; the model would be incomplete without this file. Give "
                                    "yourself read access to it, then import again");
      complete = false;
      continue;
    }
    if (LooksLikeUtf16(input.text)) {
      report->skipped.push_back({place, "file",
                                 "it is saved as UTF-16; coArchi writes UTF-8 (was it saved "
                                 "again by another program?)"});
      continue;
    }
    if (input.text.compare(0, 3, "\xEF\xBB\xBF") == 0) input.text.erase(0, 3);
    LineIndex lines(input.text);
    if (size_t nul = input.text.find('\0'); nul != std::string::npos) {
      report->skipped.push_back({place + ":" + lines.At(nul), "file",
                                 "it holds a NUL byte here, so it is not text as coArchi writes "
                                 "(a damaged or binary file)"});
      continue;
    }
    if (size_t bad = FirstInvalidUtf8(input.text); bad != std::string::npos) {
      report->skipped.push_back(
          {place + ":" + lines.At(bad), "file", "it is not UTF-8 text here, as coArchi writes"});
      continue;
    }
    pugi::xml_document doc;
    pugi::xml_parse_result parsed = doc.load_buffer(input.text.data(), input.text.size(),
                                                    pugi::parse_default, pugi::encoding_utf8);
    if (!parsed) {
      report->skipped.push_back(
          {place + ":" + lines.At(static_cast<size_t>(std::max<ptrdiff_t>(parsed.offset, 0))),
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
  return complete;
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
