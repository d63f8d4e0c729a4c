// landskap hotspots FILE: the weak points of a landscape (single points of failure, bridges,
// brokers, fan-in/fan-out) and, with --towards, the systems every route to a national system
// passes through.
#include <ostream>

#include "cli/commands.h"
#include "cli/format_hotspots.h"

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
        "estimate betweenness from N randomly chosen systems (default: exact up to 5000 "
        "systems, else 500)")("seed", po::value(&seed_text_)->value_name("S"),
                              "the random seed that chooses the sampled systems (default 1)")(
        "exact", po::bool_switch(&exact_),
        "exact betweenness whatever the size (slow on large landscapes)");
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
  std::string towards_, from_, samples_text_, seed_text_;
  bool exact_ = false;
  HotspotsQuery query_;
  HotspotsView view_;
};

}  // namespace

Command HotspotsCommand() {
  return {
      "hotspots",
      "weak points: single points of failure, bridges, brokers, routes to NAV",
      {"landskap hotspots FILE [--towards ID [--from ID]] [options]",
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
       "  landskap hotspots big.json --samples 1000 --seed 7 -o hotspots.json"},
      kGroupRanking | kGroupOutput,
      0,
      {Format::kTable, Format::kJson, Format::kCsv},
      20,
      Inputs::kOneLandscape,
      [] { return std::make_unique<Hotspots>(); }};
}

}  // namespace landskap::cli
