// landskap impact FILE (--system ID ... | --key K): the blast radius with its evidence.
#include <ostream>

#include "cli/commands.h"
#include "cli/format_impact.h"
#include "cli/options.h"
#include "cli/output.h"

namespace landskap::cli {

int RunImpact(const Args& args, Io io) {
  HelpText help{
      "landskap impact FILE (--system ID ... | --key K) [options]",
      "Shows which systems and integrations break when a key such as the kommunenummer\n"
      "changes (--key), or when one system changes or fails (--system), and why: for every\n"
      "affected system its distance, its reason and one shortest evidence path.\n"
      "  holds-key     the system stores the key itself\n"
      "  receives-key  the key reaches it over integrations that carry it\n"
      "  depends-on    it consumes data from an affected system (--through-all, or --system)\n"
      "  provider      upstream: it provides data to the system asked about (--direction up)\n"
      "When the file lists kommunenummer changes, only the changing municipalities' own\n"
      "systems and shared systems are seeds, and a neighbour's system is affected only when\n"
      "it receives data from a changing municipality. --owner names the changing\n"
      "municipalities by hand.",
      "  landskap impact datasets/oygarden-2020.json --key kommunenummer\n"
      "  landskap impact datasets/oygarden-2020.json --system folkeregisteret --depth 2\n"
      "  landskap impact datasets/oygarden-2020.json --key kommunenummer --format json -o "
      "out.json"};
  po::options_description desc("Options");
  std::vector<std::string> systems, owners, change_tables;
  std::string key, direction = "down";
  int depth = -1;
  bool through_all = false;
  OutputOptions output;
  desc.add_options()("system", po::value(&systems)->value_name("ID")->composing(),
                     "a system whose change or outage to follow (repeatable)")(
      "key", po::value(&key)->value_name("K"),
      "the key that changes, e.g. kommunenummer; alone: every system holding it is a seed")(
      "direction", po::value(&direction)->default_value("down")->value_name("DIR"),
      "down: consumers (what breaks); up: providers (what it depends on); both")(
      "depth", po::value(&depth)->value_name("N"), "stop after N integrations from a seed")(
      "through-all", po::bool_switch(&through_all),
      "also follow integrations that do not carry the key (reason depends-on)")(
      "owner", po::value(&owners)->value_name("NUMBERS")->composing(),
      "the changing municipalities, e.g. 1246,1245 (instead of the file's changes)");
  AddChangesOption(&desc, &change_tables);
  AddOutputOptions(&desc, &output, "table, json, csv");
  std::string file;
  if (auto stop = StopCode(ParseArgs(args, "impact", help, desc, &file, io))) return *stop;
  if (!CheckFormat(&output, "impact", {Format::kTable, Format::kJson, Format::kCsv}, io))
    return kExitInvalid;
  ImpactQuery query;
  auto parsed_direction = ParseDirection(direction);
  if (!parsed_direction) {
    UsageError("impact", "unknown --direction '" + direction + "'; use down, up or both", io);
    return kExitInvalid;
  }
  query.direction = *parsed_direction;
  if (systems.empty() && key.empty()) {
    UsageError("impact", "say what changes: --key kommunenummer, or --system ID", io);
    return kExitInvalid;
  }
  if (depth < -1 || (depth == -1 && std::find(args.begin(), args.end(), "--depth") != args.end())) {
    UsageError("impact", "--depth must be 0 or more", io);
    return kExitInvalid;
  }
  if (depth >= 0) query.max_depth = depth;
  query.through_all = through_all;
  if (!ParseOwners(owners, &query.owners, io)) return kExitInvalid;

  Landscape landscape;
  if (!LoadForCommand(file, &landscape, io)) return kExitInvalid;
  if (!ApplyChangeTables(change_tables, key, &landscape, io)) return kExitInvalid;
  bool ok = ResolveSystems(landscape, systems, "--system", &query.sources, io);
  if (!key.empty()) ok &= ResolveKey(landscape, key, &query.key, io);
  if (!ok) return kExitInvalid;

  Graph graph(landscape);
  ImpactResult result = ComputeImpact(graph, query);
  std::string text;
  switch (output.parsed) {
    case Format::kJson:
      text = FormatImpactJson(landscape, result, file);
      break;
    case Format::kCsv:
      text = FormatImpactCsv(landscape, result);
      break;
    default:
      text = FormatImpactTable(landscape, result);
      break;
  }
  return WriteOutput(output.output, text, io) ? kExitOk : kExitInvalid;
}

}  // namespace landskap::cli
