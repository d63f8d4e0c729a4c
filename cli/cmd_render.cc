// landskap render FILE -o OUT: the landscape as a picture (SVG, PNG, PDF or DOT by OUT's
// extension), optionally coloured by a blast radius or narrowed to one system's neighbourhood.
#include <filesystem>
#include <ostream>

#include "cli/commands.h"
#include "cli/options.h"
#include "cli/output.h"
#include "engine/plan.h"
#include "engine/suggest.h"
#include "viz/diagram.h"

namespace landskap::cli {

namespace {

// The picture format from the output file's extension; "" when it names none we draw.
std::string FormatFromPath(const std::string& path) {
  std::string ext = std::filesystem::path(path).extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (ext == ".svg" || ext == ".png" || ext == ".pdf" || ext == ".dot") return ext.substr(1);
  if (ext == ".gv") return "dot";
  return "";
}

std::optional<viz::ClusterBy> ParseCluster(const std::string& text) {
  if (text == "owner") return viz::ClusterBy::kOwner;
  if (text == "domain") return viz::ClusterBy::kDomain;
  if (text == "kind") return viz::ClusterBy::kKind;
  if (text == "none") return viz::ClusterBy::kNone;
  return std::nullopt;
}

}  // namespace

int RunRender(const Args& args, Io io) {
  HelpText help{
      "landskap render FILE -o OUT [options]",
      "Draws the landscape for a workshop wall or a slide. OUT's extension picks the format:\n"
      ".svg (zoomable, with tooltips), .png, .pdf, or .dot (Graphviz text, to edit further).\n"
      "Colours show the kind of system (national, municipal, intermunicipal, vendor), the\n"
      "shape repeats it, and thicker lines are more critical integrations. With --impact,\n"
      "colours show how far a key change reaches instead (darker is nearer), and the\n"
      "integrations that pass it on are red. --focus draws one system and its neighbours\n"
      "only, which keeps big landscapes readable.",
      "  landskap render datasets/oygarden-2020.json --impact kommunenummer -o impact.svg\n"
      "  landskap render datasets/oygarden-2020.json --focus fjell.sak-arkiv --hops 2 -o "
      "sak.png\n"
      "  landskap render datasets/oygarden-2020.json --cluster domain --edge-labels -o all.pdf\n"
      "  landskap render datasets/oygarden-2020.json --impact kommunenummer --plan -o plan.svg"};
  po::options_description desc("Options");
  std::string output, cluster = "owner", key, focus, layout, title;
  std::vector<std::string> systems, owners, change_tables;
  int hops = 1;
  bool edge_labels = false, through_all = false, no_legend = false, plan_view = false;
  desc.add_options()("output,o", po::value(&output)->value_name("OUT"),
                     "the picture to write: .svg, .png, .pdf or .dot (written completely or "
                     "not at all)")("cluster",
                                    po::value(&cluster)->default_value("owner")->value_name("BY"),
                                    "box systems together by owner, domain, kind, or none")(
      "edge-labels", po::bool_switch(&edge_labels),
      "write the keys each integration carries on its line")(
      "impact", po::value(&key)->value_name("K"),
      "colour the blast radius of a change of key K, e.g. kommunenummer")(
      "owner", po::value(&owners)->value_name("NUMBERS")->composing(),
      "with --impact: the changing municipalities, e.g. 1246,1245 (instead of the file's "
      "changes)")("through-all", po::bool_switch(&through_all),
                  "with --impact: also follow integrations that do not carry the key")(
      "system", po::value(&systems)->value_name("ID")->composing(),
      "colour the blast radius of a change or outage of this system (repeatable)")(
      "focus", po::value(&focus)->value_name("ID"),
      "draw only this system and its neighbours (providers and consumers)")(
      "hops", po::value(&hops)->default_value(1)->value_name("N"),
      "with --focus: how many integrations away, in each direction")(
      "plan", po::bool_switch(&plan_view),
      "draw the cutover plan: waves as columns from left to right, bundles boxed, the critical "
      "path in bold red (of the systems --impact or --system reaches; without them, of all)")(
      "layout", po::value(&layout)->value_name("ENGINE"),
      "dot (columns, the default up to 300 systems), sfdp (large landscapes) or neato")(
      "title", po::value(&title)->value_name("TEXT"),
      "the title at the top (default: the landscape's name)")(
      "no-legend", po::bool_switch(&no_legend), "leave out the legend");
  AddChangesOption(&desc, &change_tables);
  std::string file;
  if (auto stop = StopCode(ParseArgs(args, "render", help, desc, &file, io))) return *stop;
  if (output.empty() || output == "-") {
    UsageError("render", "name the picture to write, e.g. -o landscape.svg", io);
    return kExitInvalid;
  }
  std::string format = FormatFromPath(output);
  if (format.empty()) {
    UsageError("render",
               "cannot tell the format from '" + output +
                   "'; end the file name with .svg, .png, .pdf or .dot",
               io);
    return kExitInvalid;
  }
  viz::DiagramOptions options;
  if (auto parsed = ParseCluster(cluster)) {
    options.cluster = *parsed;
  } else {
    UsageError("render", "unknown --cluster '" + cluster + "'; use owner, domain, kind or none",
               io);
    return kExitInvalid;
  }
  if (hops < 0) {
    UsageError("render", "--hops must be 0 or more", io);
    return kExitInvalid;
  }
  if (!layout.empty() && layout != "dot" && layout != "sfdp" && layout != "neato") {
    UsageError("render", "unknown --layout '" + layout + "'; use dot, sfdp or neato", io);
    return kExitInvalid;
  }
  if (key.empty() && (!owners.empty() || through_all)) {
    UsageError("render", "--owner and --through-all go with --impact K", io);
    return kExitInvalid;
  }
  ImpactQuery query;
  query.through_all = through_all;
  if (!ParseOwners(owners, &query.owners, io)) return kExitInvalid;

  Landscape landscape;
  if (!LoadForCommand(file, &landscape, io)) return kExitInvalid;
  if (!ApplyChangeTables(change_tables, key, &landscape, io)) return kExitInvalid;
  bool ok = ResolveSystems(landscape, systems, "--system", &query.sources, io);
  if (!key.empty()) {
    query.key = landscape.FindKey(key);
    if (!query.key) {
      std::vector<std::string_view> names;
      for (const KeyDefinition& k : landscape.keys) names.push_back(k.id);
      io.err << "landskap: error: --impact '" << key << "' is not a key in this file"
             << DidYouMean(key, names) << "\n";
      ok = false;
    }
  }
  std::vector<SystemIndex> focused;
  if (!focus.empty()) ok &= ResolveSystems(landscape, {focus}, "--focus", &focused, io);
  if (!ok) return kExitInvalid;

  Graph graph(landscape);
  ImpactResult impact;
  Plan plan;
  if (plan_view) {
    // The same tasks as 'landskap plan --key K' (or --system, or --all without them).
    PlanOptions plan_options;
    plan_options.all_systems = !query.key && query.sources.empty();
    plan_options.impact = query;
    Diagnostics diagnostics(file);
    if (!ComputePlan(graph, plan_options, &plan, &diagnostics)) {
      for (const Diagnostic& d : diagnostics.Items()) io.err << FormatDiagnostic(d) << "\n";
      io.err << "landskap render: the cutover constraints cannot all be met; see "
                "'landskap plan' for the details\n";
      return kExitInvalid;
    }
    options.plan = &plan;
  } else if (query.key || !query.sources.empty()) {
    impact = ComputeImpact(graph, query);
    options.impact = &impact;
  }
  options.edge_labels = edge_labels;
  if (!focused.empty()) options.focus = focused[0];
  options.hops = hops;
  options.layout = layout;
  options.legend = !no_legend;
  options.title = title.empty()
                      ? (landscape.name.empty() ? std::filesystem::path(file).filename().string()
                                                : landscape.name)
                      : title;

  std::string picture, error;
  if (!viz::RenderDiagram(graph, options, format, &picture, &error)) {
    io.err << "landskap render: error: " << error << "\n";
    return kExitInvalid;
  }
  return WriteOutput(output, picture, io) ? kExitOk : kExitInvalid;
}

}  // namespace landskap::cli
