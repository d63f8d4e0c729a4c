// landskap import SOURCE...: turn what coordinators already have (Excel workbooks, CSV
// inventories, Archi models) into one landskap/1 file, with a report of what was taken and what
// was skipped. The readers are the rows of engine/formats/importer.h's Importers(); this command
// only groups the sources, picks a reader for each group, and checks the result exactly as
// `landskap validate` would.
#include <algorithm>
#include <filesystem>
#include <ostream>
#include <set>

#include "cli/commands.h"
#include "cli/formats/table.h"
#include "engine/file/load.h"
#include "engine/file/write_landscape.h"
#include "engine/formats/importer.h"
#include "engine/model/suggest.h"
#include "engine/model/text.h"

namespace landskap::cli {
namespace {

struct SourceGroup {
  const Importer* importer = nullptr;
  std::vector<std::string> paths;
};

std::string KindList() {
  std::string list;
  for (const Importer& i : Importers())
    list += "\n  " + std::string(i.name) +
            std::string(10 - std::min<size_t>(9, i.name.size()), ' ') + std::string(i.description);
  return list;
}

std::string JoinPaths(const std::vector<std::string>& paths) {
  std::string out;
  for (const std::string& p : paths) out += (out.empty() ? "" : ", ") + p;
  return out;
}

// Groups the sources: all of them together when one reader takes them as one source (a CSV
// pair, Archi's three CSV files); else each file by the reader most sure of it, and the files
// of one reader together when that reader takes them as one source, else one by one.
bool GroupSources(const std::vector<std::string>& paths, const Importer* forced,
                  std::vector<SourceGroup>* groups, std::vector<std::string>* errors) {
  if (forced) {
    if (paths.size() > 1 && forced->sniff(paths) > 0) {
      groups->push_back({forced, paths});
    } else {
      for (const std::string& p : paths) groups->push_back({forced, {p}});
    }
    return true;
  }
  if (const Importer* all = BestImporter(paths)) {
    groups->push_back({all, paths});
    return true;
  }
  std::vector<SourceGroup> by_reader;
  bool ok = true;
  for (const std::string& p : paths) {
    const Importer* importer = BestImporter({p});
    if (!importer) {
      std::error_code ec;
      if (p != "-" && !std::filesystem::exists(p, ec))
        errors->push_back(p + ": error: there is no such file or folder; check the name");
      else
        errors->push_back(p +
                          ": error: landskap cannot tell what kind of source this is; name "
                          "the kind with --from. The kinds are:" +
                          KindList());
      ok = false;
      continue;
    }
    auto same = std::find_if(by_reader.begin(), by_reader.end(),
                             [&](const SourceGroup& g) { return g.importer == importer; });
    if (same == by_reader.end())
      by_reader.push_back({importer, {p}});
    else
      same->paths.push_back(p);
  }
  for (SourceGroup& g : by_reader) {
    if (g.paths.size() > 1 && g.importer->sniff(g.paths) > 0) {
      groups->push_back(std::move(g));
    } else {
      for (const std::string& p : g.paths) groups->push_back({g.importer, {p}});
    }
  }
  return ok;
}

// A report or an error list shows at most this many lines of a kind, then how many more: a file
// of a million odd columns must not pour a million lines onto the terminal.
constexpr size_t kShown = 100;

std::string More(size_t more, const char* what) {
  return "… and " + std::to_string(more) + " more " + what + " (the first " +
         std::to_string(kShown) + " are shown)";
}

void PrintReport(const ImportReport& report, std::ostream& err) {
  err << "Read " << JoinPaths(report.sources) << " as " << report.kind << ".\n";
  // Systems, integrations and keys first (what coordinators count), then the rest by name.
  std::vector<std::pair<std::string, size_t>> counts(report.taken.begin(), report.taken.end());
  auto rank = [](const std::string& what) {
    return what == "systems" ? 0 : what == "integrations" ? 1 : what == "keys" ? 2 : 3;
  };
  std::stable_sort(counts.begin(), counts.end(),
                   [&](const auto& a, const auto& b) { return rank(a.first) < rank(b.first); });
  std::string taken;
  for (auto [what, n] : counts) {
    // "1 system", "1 system from the list ...": the first word in the singular.
    size_t space = what.find(' ');
    size_t end = space == std::string::npos ? what.size() : space;
    if (n == 1 && end > 1 && what[end - 1] == 's') what.erase(end - 1, 1);
    taken += (taken.empty() ? "" : ", ") + std::to_string(n) + " " + what;
  }
  err << "  Taken: " << (taken.empty() ? "nothing" : taken) << ".\n";
  for (size_t i = 0; i < report.notes.size() && i < kShown; ++i)
    err << "  " << VisibleText(report.notes[i]) << "\n";
  if (report.notes.size() > kShown)
    err << "  " << More(report.notes.size() - kShown, "notes") << "\n";
  if (!report.skipped.empty()) {
    err << "  Skipped " << report.skipped.size() << ":\n";
    for (size_t i = 0; i < report.skipped.size() && i < kShown; ++i) {
      const ImportSkip& s = report.skipped[i];
      err << "    " << VisibleText(s.place) << ": " << VisibleText(s.what) << ": "
          << VisibleText(s.reason) << "\n";
    }
    if (report.skipped.size() > kShown)
      err << "    " << More(report.skipped.size() - kShown, "skipped") << "\n";
  }
}

// In their order, at most kShown errors and kShown warnings, then how many more of each.
void PrintDiagnostics(const Diagnostics& diagnostics, std::ostream& err) {
  size_t errors = 0, warnings = 0;
  for (const Diagnostic& d : diagnostics.Items()) {
    size_t& seen = d.severity == Severity::kError ? errors : warnings;
    if (++seen <= kShown) err << FormatDiagnostic(d) << "\n";
  }
  if (errors > kShown) err << More(errors - kShown, "errors") << "\n";
  if (warnings > kShown) err << More(warnings - kShown, "warnings") << "\n";
}

class Import : public CommandBody {
 public:
  void AddOptions(po::options_description* desc) override {
    // The kinds as the table of readers has them, so the help never lists one that is not there.
    kinds_help_ = "the kind of the sources, when landskap should not guess it:";
    for (const Importer& i : Importers())
      kinds_help_ += std::string(&i == &Importers().front() ? " " : ", ") + std::string(i.name);
    desc->add_options()("from", po::value(&from_)->value_name("KIND"), kinds_help_.c_str())(
        "nodes", po::bool_switch(&options_.include_nodes),
        "Archi models: take nodes and system software as systems too")(
        "property", po::value(&property_text_)->value_name("NAME=FIELD"),
        "Archi models: read the property NAME as FIELD (keys, carries, owner, vendor, product, "
        "domain, criticality, kind); may be repeated");
  }

  bool Check(Context& c) override {
    bool ok = true;
    if (!from_.empty()) {
      for (const Importer& i : Importers())
        if (i.name == from_) forced_ = &i;
      if (!forced_) {
        std::vector<std::string_view> names;
        for (const Importer& i : Importers()) names.push_back(i.name);
        c.Usage("--from '" + from_ + "' is not a kind landskap reads" + DidYouMean(from_, names) +
                "; the kinds are:" + KindList());
        ok = false;
      }
    }
    static const std::set<std::string> kFields = {"keys",    "carries", "owner",       "vendor",
                                                  "product", "domain",  "criticality", "kind"};
    for (const std::string& p : property_text_) {
      size_t eq = p.find('=');
      std::string field = eq == std::string::npos ? "" : p.substr(eq + 1);
      if (eq == std::string::npos || eq == 0 || !kFields.count(field)) {
        c.Usage("--property '" + p +
                "' should be NAME=FIELD, FIELD one of keys, carries, owner, vendor, product, "
                "domain, criticality, kind (e.g. --property Kommunenr=keys)");
        ok = false;
        continue;
      }
      options_.property_map[p.substr(0, eq)] = field;
    }
    return ok;
  }

  int Run(Context& c) override {
    std::vector<SourceGroup> groups;
    std::vector<std::string> errors;
    bool ok = GroupSources(c.inputs, forced_, &groups, &errors);
    for (const std::string& e : errors) c.io.err << e << "\n";
    if (!ok) {
      c.io.err << "landskap import: nothing was written.\n";
      return kExitInvalid;
    }

    Landscape landscape;
    landscape.format = "landskap/1";
    std::vector<ImportReport> reports;
    Diagnostics all;
    for (const SourceGroup& g : groups) {
      ImportReport report;
      Diagnostics diagnostics(g.paths.front());
      bool read = g.importer->read(g.paths, options_, &landscape, &report, &diagnostics);
      // A reader may name what it found more precisely ("Open Group exchange format 2.1").
      if (report.kind.empty()) report.kind = std::string(g.importer->description);
      if (report.sources.empty()) report.sources = g.paths;
      if (!read && !diagnostics.HasErrors())
        diagnostics.Error("", "no system could be taken from this source (" + report.kind +
                                  "); the report above says what it holds and what was skipped");
      all.Append(diagnostics);
      reports.push_back(std::move(report));
    }
    if (all.HasErrors()) {
      // What was read and skipped first: it often says why nothing could be taken.
      for (const ImportReport& r : reports) PrintReport(r, c.io.err);
      PrintDiagnostics(all, c.io.err);
      c.io.err << "landskap import: " << Count(all.ErrorCount(), "error", "errors")
               << " in the sources (listed above); nothing was written.\n";
      return kExitInvalid;
    }

    // The result is checked by the very loader `validate` uses, on the very text written.
    std::string text = WriteLandscape(landscape);
    landscape = Landscape();  // the text is what is checked and written: no second model at once
    const std::string label = c.output.path == "-" ? "the imported landscape" : c.output.path;
    Landscape check;
    Diagnostics validation(label);
    bool valid = LoadLandscapeText(text, label, &check, &validation);
    for (const ImportReport& r : reports) PrintReport(r, c.io.err);
    PrintDiagnostics(all, c.io.err);
    PrintDiagnostics(validation, c.io.err);
    if (!valid) {
      c.io.err << "landskap import: the imported landscape has "
               << Count(validation.ErrorCount(), "error", "errors")
               << " (listed above); nothing was written.\n";
      return kExitInvalid;
    }
    c.io.err << "Result: " << Count(check.systems.size(), "system", "systems") << ", "
             << Count(check.integrations.size(), "integration", "integrations") << ", "
             << Count(check.keys.size(), "key", "keys") << "; it validates.\n";
    return c.Write(text);
  }

 private:
  std::string from_, kinds_help_;
  const Importer* forced_ = nullptr;
  std::vector<std::string> property_text_;
  ImportOptions options_;
};

}  // namespace

Command ImportCommand() {
  return {
      "import",
      "turn Excel or CSV inventories and Archi models into a landscape file",
      {"landskap import SOURCE... [-o OUT.json] [--from KIND]",
       "Reads what you already have and writes one landscape file (landskap/1): an Excel\n"
       "workbook (.xlsx, e.g. one made with 'landskap template'), a pair of CSV files\n"
       "(systemer.csv and integrasjoner.csv, as Excel saves them), or an Archi model. Several\n"
       "sources go into one landscape. The kind of each source is recognised from its content;\n"
       "--from names it when landskap should not guess. A short report on stderr says what was\n"
       "taken, what was skipped and why. Every problem is listed at once with its place (sheet\n"
       "and cell, file and line); then nothing is written.\n"
       "The result is checked exactly as 'landskap validate' checks a file. The other commands\n"
       "take these sources too (imported in memory the same way); import writes the file.\n"
       "Without -o the landscape goes to the terminal.",
       "  landskap template -o inventar.xlsx\n"
       "  landskap import inventar.xlsx -o landskap.json\n"
       "  landskap import systemer.csv integrasjoner.csv -o landskap.json\n"
       "  landskap impact inventar.xlsx --key kommunenummer"},
      kGroupOutput,
      0,
      {Format::kJson},
      10,
      Inputs::kSources,
      [] { return std::make_unique<Import>(); }};
}

}  // namespace landskap::cli
