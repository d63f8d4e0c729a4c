// landskap hotspots FILE: the weak points of a landscape (single points of failure, bridges,
// brokers, fan-in/fan-out) and, with --towards, the systems every route to a national system
// passes through.
#include "cli/formats/hotspots.h"

#include <ostream>

#include "cli/commands.h"

namespace landskap::cli {
namespace {

class Hotspots : public CommandBody {
 public:
  void AddOptions(po::options_description* desc) override {
    desc->add_options()("towards", po::value(&towards_)->value_name("ID"),
                        "show the systems every route to this system passes through "
                        "(dominators)")("from", po::value(&from_)->value_name("ID"),
                                        "with --towards: only the routes from this system")(
        "samples", po::value(&samples_text_)->value_name("N"),
        "estimate 'routes pass through' from N randomly chosen systems (default: exact up "
        "to 5000 systems, else 500)")(
        "seed", po::value(&seed_text_)->value_name("S"),
        "the random seed of the estimates above 5000 systems (default 1)")(
        "exact", po::bool_switch(&exact_),
        "exact 'routes pass through' scores whatever the size (slow on large landscapes)")(
        "threads", po::value(&threads_text_)->value_name("N"),
        "threads that count what an outage breaks (default: the machine's cores; the answer is "
        "the same for any N)");
  }

  bool Check(Context& c) override {
    bool ok = true;
    if (!samples_text_.empty()) {
      if (auto samples = ParseWholeNumber(samples_text_, 1, 100000000)) {
        query_.betweenness.samples = static_cast<size_t>(*samples);
      } else {
        c.Usage("--samples takes a whole number, 1 or more, not '" + samples_text_ + "'");
        ok = false;
      }
      if (exact_) {
        c.Usage("choose --samples or --exact, not both");
        ok = false;
      }
    }
    if (!seed_text_.empty()) {
      if (auto seed = ParseWholeNumber(seed_text_, 0, INT64_MAX)) {
        query_.betweenness.seed = static_cast<uint64_t>(*seed);
      } else {
        c.Usage("--seed must be a whole number 0 or more, e.g. --seed 7");
        ok = false;
      }
    }
    query_.betweenness.force_exact = exact_;
    query_.outage.seed = query_.betweenness.seed;
    if (!threads_text_.empty()) {
      if (auto threads = ParseWholeNumber(threads_text_, 1, 256)) {
        query_.outage.threads = static_cast<unsigned>(*threads);
      } else {
        c.Usage("--threads takes a whole number from 1 to 256, not '" + threads_text_ + "'");
        ok = false;
      }
    }
    if (!from_.empty() && towards_.empty()) {
      c.Usage("--from needs --towards: say which system the routes lead to");
      ok = false;
    }
    if (!from_.empty() && from_ == towards_) {
      c.Usage("--from and --towards name the same system");
      ok = false;
    }
    return ok;
  }

  bool Resolve(Context& c) override {
    std::vector<SystemIndex> target, source;
    bool ok = c.ResolveSystems(towards_.empty() ? Args{} : Args{towards_}, "--towards", &target);
    ok &= c.ResolveSystems(from_.empty() ? Args{} : Args{from_}, "--from", &source);
    if (!target.empty()) query_.towards = target[0];
    if (!source.empty()) view_.from = source[0];
    return ok;
  }

  int Run(Context& c) override {
    view_.file = c.file();
    view_.top = c.ranking.top;
    HotspotsResult result = ComputeHotspots(c.graph(), query_);
    switch (c.output.format) {
      case Format::kJson:
        return c.Write(FormatHotspotsJson(c.landscape, result, view_));
      case Format::kCsv:
        return c.Write(FormatHotspotsCsv(c.landscape, result, view_));
      default:
        return c.Write(FormatHotspotsTable(c.landscape, result, view_));
    }
  }

 private:
  std::string towards_, from_, samples_text_, seed_text_, threads_text_;
  bool exact_ = false;
  HotspotsQuery query_;
  HotspotsView view_;
};

}  // namespace

Command HotspotsCommand() {
  return {
      "hotspots",
      "weak points: what an outage breaks, single points of failure, the only links, routes to NAV",
      {"landskap hotspots FILE [--towards ID [--from ID]] [options]",
       "Shows the weak points of the landscape, most serious first:\n"
       "  what an outage breaks     for each system, the systems downstream of it along the data\n"
       "                            flow that lose data when it fails, how many of them are\n"
       "                            critical, and a weight by criticality (critical 8, high 4,\n"
       "                            medium 2, low 1); exact up to 5000 systems, above that the\n"
       "                            1000 largest by estimate are counted exactly\n"
       "  single points of failure  systems whose failure splits the landscape into parts with\n"
       "                            no integration between them, with how many systems each one\n"
       "                            cuts off\n"
       "  the only link             integrations that are the only connection between two parts\n"
       "  routes pass through       systems that many shortest routes between other systems pass\n"
       "                            through (exact up to 5000 systems, above that an estimate\n"
       "                            from 500 sampled systems, see --samples)\n"
       "  most integrations         integrations each system receives and provides\n"
       "With --towards ID (a national system such as ssb.kostra): for every system with a route\n"
       "to ID along the data flow, the systems every route to ID passes through, and which\n"
       "systems the most others depend on to reach ID. --from narrows that to one system.",
       "  landskap hotspots datasets/oygarden-2020.json\n"
       "  landskap hotspots datasets/oygarden-2020.json --towards ssb.kostra --from "
       "askoy.nav-sosial\n"
       "  landskap hotspots big.json --samples 1000 --seed 7 -o hotspots.json"},
      kGroupRanking | kGroupOutput,
      0,
      {Format::kTable, Format::kJson, Format::kCsv},
      20,
      Inputs::kOneLandscape,
      [] { return std::make_unique<Hotspots>(); }};
}

}  // namespace landskap::cli
