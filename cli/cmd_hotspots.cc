// landskap hotspots FILE: the weak points of a landscape (single points of failure, bridges,
// brokers, fan-in/fan-out) and, with --towards, the systems every route to a national system
// passes through.
#include <charconv>
#include <ostream>

#include "cli/commands.h"
#include "cli/format_hotspots.h"
#include "cli/options.h"
#include "cli/output.h"

namespace landskap::cli {

int RunHotspots(const Args& args, Io io) {
  HelpText help{
      "landskap hotspots FILE [--towards ID [--from ID]] [options]",
      "Shows the weak points of the landscape, most serious first:\n"
      "  single points of failure  systems whose failure splits the landscape (articulation\n"
      "                            points), with how many systems each one cuts off\n"
      "  bridges                   integrations that are the only link between two parts\n"
      "  brokers                   systems on many shortest routes between other systems\n"
      "                            (betweenness; exact up to 5000 systems, above that an\n"
      "                            estimate from 500 sampled systems, see --samples)\n"
      "  fan-in/fan-out            integrations each system receives and provides\n"
      "With --towards ID (a national system such as ssb.kostra): for every system with a route\n"
      "to ID along the data flow, the systems that every route passes through, and which\n"
      "systems the most others depend on to reach ID. --from narrows that to one system.",
      "  landskap hotspots datasets/oygarden-2020.json\n"
      "  landskap hotspots datasets/oygarden-2020.json --towards ssb.kostra --from "
      "askoy.nav-sosial\n"
      "  landskap hotspots big.json --samples 1000 --seed 7 --format json -o hotspots.json"};
  po::options_description desc("Options");
  std::string towards, from, seed_text = "1";
  long long top = 20, samples = -1;
  bool exact = false;
  OutputOptions output;
  desc.add_options()("towards", po::value(&towards)->value_name("ID"),
                     "show the systems every route to this system passes through (dominators)")(
      "from", po::value(&from)->value_name("ID"),
      "with --towards: only the routes from this system")(
      "top", po::value(&top)->default_value(20)->value_name("N"),
      "show the N first of every ranking; 0 shows all")(
      "samples", po::value(&samples)->value_name("N"),
      "estimate betweenness from N randomly chosen systems (default: exact up to 5000 "
      "systems, else 500)")("seed", po::value(&seed_text)->default_value("1")->value_name("S"),
                            "the random seed that chooses the sampled systems")(
      "exact", po::bool_switch(&exact),
      "exact betweenness whatever the size (slow on large landscapes)");
  AddOutputOptions(&desc, &output, "table, json, csv");
  std::string file;
  if (auto stop = StopCode(ParseArgs(args, "hotspots", help, desc, &file, io))) return *stop;
  if (!CheckFormat(&output, "hotspots", {Format::kTable, Format::kJson, Format::kCsv}, io))
    return kExitInvalid;
  if (top < 0) {
    UsageError("hotspots", "--top must be 0 (all) or more", io);
    return kExitInvalid;
  }
  const bool sampled = samples != -1;
  if (sampled && samples < 1) {
    UsageError("hotspots", "--samples must be 1 or more", io);
    return kExitInvalid;
  }
  if (sampled && exact) {
    UsageError("hotspots", "choose --samples or --exact, not both", io);
    return kExitInvalid;
  }
  uint64_t seed = 0;
  auto [end, error] = std::from_chars(seed_text.data(), seed_text.data() + seed_text.size(), seed);
  if (error != std::errc() || end != seed_text.data() + seed_text.size()) {
    UsageError("hotspots", "--seed must be a whole number 0 or more, e.g. --seed 7", io);
    return kExitInvalid;
  }
  if (!from.empty() && towards.empty()) {
    UsageError("hotspots", "--from needs --towards: say which system the routes lead to", io);
    return kExitInvalid;
  }
  if (!from.empty() && from == towards) {
    UsageError("hotspots", "--from and --towards name the same system", io);
    return kExitInvalid;
  }

  Landscape landscape;
  if (!LoadForCommand(file, &landscape, io)) return kExitInvalid;
  std::vector<SystemIndex> target, source;
  bool ok =
      ResolveSystems(landscape, towards.empty() ? Args{} : Args{towards}, "--towards", &target, io);
  ok &= ResolveSystems(landscape, from.empty() ? Args{} : Args{from}, "--from", &source, io);
  if (!ok) return kExitInvalid;

  HotspotsQuery query;
  query.betweenness.samples = sampled ? static_cast<size_t>(samples) : 0;
  query.betweenness.seed = seed;
  query.betweenness.force_exact = exact;
  if (!target.empty()) query.towards = target[0];
  HotspotsView view;
  view.file = file;
  view.top = static_cast<size_t>(top);
  if (!source.empty()) view.from = source[0];

  Graph graph(landscape);
  HotspotsResult result = ComputeHotspots(graph, query);
  std::string text;
  switch (output.parsed) {
    case Format::kJson:
      text = FormatHotspotsJson(landscape, result, view);
      break;
    case Format::kCsv:
      text = FormatHotspotsCsv(landscape, result, view);
      break;
    default:
      text = FormatHotspotsTable(landscape, result, view);
      break;
  }
  return WriteOutput(output.output, text, io) ? kExitOk : kExitInvalid;
}

}  // namespace landskap::cli
