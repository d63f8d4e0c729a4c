// Speed of the engine on generated national landscapes (synth/synth.h): loading (parse and
// check), building the graph, the blast radius of a kommunenummer change with and without a
// reform scope, the cutover plan, weak points (cuts, sampled betweenness on one and on every
// core) and a focus picture (one system and its neighbours, laid out and drawn as SVG). Small and
// medium sizes run by default; LANDSKAP_BENCH_LARGE=1 adds the national size (356 municipalities ×
// 560 systems, ~1 000 000 integrations; ~1.5 GB of memory). The load_shape benchmarks are files
// that used to load in quadratic time (issue 7): many repeats of one pair without ids, many
// undeclared keys, unknown references among long, similar ids. diff_shape/all_renamed is a
// re-import (issue 17): every id new, one product, so that rename matching meets every removed
// system with every added one; it reports the peak memory one diff adds (peak_rss_growth_mb,
// measured in a child process).
//   build/bench/bench/landskap_bench --benchmark_filter=impact
//   LANDSKAP_BENCH_LARGE=1 build/bench/bench/landskap_bench --benchmark_filter=/national
#include <benchmark/benchmark.h>
#include <malloc.h>
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <functional>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "engine/analysis/graph.h"
#include "engine/analysis/hotspots.h"
#include "engine/analysis/impact.h"
#include "engine/file/load.h"
#include "engine/merge/diff.h"
#include "engine/plan/plan.h"
#include "synth/synth.h"
#include "viz/diagram.h"

namespace landskap {
namespace {

struct Size {
  const char* name;
  int municipalities;
  int systems_per_municipality;
  bool large;
};

const std::vector<Size>& Sizes() {
  static const std::vector<Size> sizes = {
      {"small", 20, 100, false},     // ~2 000 systems, ~10 000 integrations
      {"medium", 60, 300, false},    // ~18 000 systems, ~90 000 integrations
      {"national", 356, 560, true},  // ~200 000 systems, ~1 000 000 integrations
  };
  return sizes;
}

bool LargeEnabled() {
  const char* flag = std::getenv("LANDSKAP_BENCH_LARGE");
  return flag && *flag && std::string(flag) != "0";
}

// A landscape of one size, generated and loaded once and shared by the benchmarks. `reform`:
// a tenth of the municipalities merge (the file lists changes, so impact is scoped).
struct Fixture {
  std::string text;
  Landscape landscape;
  std::unique_ptr<Graph> graph;
};

Fixture& Get(size_t size, bool reform) {
  static std::map<std::pair<size_t, bool>, std::unique_ptr<Fixture>> cache;
  auto& slot = cache[{size, reform}];
  if (!slot) {
    slot = std::make_unique<Fixture>();
    SynthOptions options;
    options.municipalities = Sizes()[size].municipalities;
    options.systems_per_municipality = Sizes()[size].systems_per_municipality;
    options.merging = reform ? options.municipalities / 10 : 0;
    std::ostringstream out;
    WriteSyntheticLandscape(options, out);
    slot->text = out.str();
    Diagnostics diagnostics;
    if (!LoadLandscapeText(slot->text, "synth.json", &slot->landscape, &diagnostics))
      std::abort();  // the generator's own test guarantees a clean file
    slot->graph = std::make_unique<Graph>(slot->landscape);
  }
  return *slot;
}

void SetCounters(benchmark::State& state, const Landscape& landscape) {
  state.counters["systems"] = static_cast<double>(landscape.systems.size());
  state.counters["integrations"] = static_cast<double>(landscape.integrations.size());
}

void BM_Generate(benchmark::State& state, size_t size) {
  SynthOptions options;
  options.municipalities = Sizes()[size].municipalities;
  options.systems_per_municipality = Sizes()[size].systems_per_municipality;
  size_t bytes = 0;
  for (auto _ : state) {
    std::ostringstream out;
    WriteSyntheticLandscape(options, out);
    bytes = out.str().size();
    benchmark::DoNotOptimize(bytes);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
}

void BM_Load(benchmark::State& state, size_t size) {
  const Fixture& fixture = Get(size, false);
  for (auto _ : state) {
    Landscape landscape;
    Diagnostics diagnostics;
    bool ok = LoadLandscapeText(fixture.text, "synth.json", &landscape, &diagnostics);
    benchmark::DoNotOptimize(ok);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * fixture.text.size()));
  SetCounters(state, fixture.landscape);
}

void BM_GraphBuild(benchmark::State& state, size_t size) {
  const Fixture& fixture = Get(size, false);
  for (auto _ : state) {
    Graph graph(fixture.landscape);
    benchmark::DoNotOptimize(graph.SystemCount());
  }
  SetCounters(state, fixture.landscape);
}

// The blast radius of a kommunenummer change: every holder is a seed (no reform in the file),
// or only the merging municipalities' and the shared systems (reform).
void BM_ImpactKey(benchmark::State& state, size_t size, bool reform) {
  const Fixture& fixture = Get(size, reform);
  ImpactQuery query;
  query.key = fixture.landscape.FindKey("kommunenummer");
  size_t affected = 0;
  for (auto _ : state) {
    ImpactResult result = ComputeImpact(*fixture.graph, query);
    affected = result.affected.size();
    benchmark::DoNotOptimize(affected);
  }
  SetCounters(state, fixture.landscape);
  state.counters["affected"] = static_cast<double>(affected);
}

// The cutover plan of every system (--all), or of a reform's blast radius: bundles, waves and
// the critical path method on the condensed graph.
void BM_Plan(benchmark::State& state, size_t size, bool all) {
  const Fixture& fixture = Get(size, !all);
  PlanOptions options;
  options.all_systems = all;
  ImpactQuery query;
  query.key = fixture.landscape.FindKey("kommunenummer");
  size_t tasks = 0;
  for (auto _ : state) {
    Plan plan;
    Diagnostics diagnostics;
    // The blast radius is part of planning a reform, as in 'landskap plan --key'.
    ImpactResult impact = all ? ImpactResult{} : ComputeImpact(*fixture.graph, query);
    if (!ComputePlan(*fixture.graph, options, all ? nullptr : &impact, &plan, &diagnostics)) {
      state.SkipWithError("the generated landscape has impossible cutover constraints");
      return;
    }
    tasks = plan.tasks.size();
    benchmark::DoNotOptimize(tasks);
  }
  SetCounters(state, fixture.landscape);
  state.counters["tasks"] = static_cast<double>(tasks);
}

// Weak points: articulation points and bridges on the undirected view, and betweenness from
// 100 sampled sources (what `landskap hotspots --samples 100` computes).
void BM_Cuts(benchmark::State& state, size_t size) {
  const Fixture& fixture = Get(size, false);
  size_t points = 0;
  for (auto _ : state) {
    CutResult cuts = FindCuts(*fixture.graph);
    points = cuts.articulation_points.size();
    benchmark::DoNotOptimize(points);
  }
  SetCounters(state, fixture.landscape);
  state.counters["articulation_points"] = static_cast<double>(points);
}

void BM_BetweennessSampled(benchmark::State& state, size_t size) {
  const Fixture& fixture = Get(size, false);
  BetweennessOptions options;
  options.samples = 100;
  for (auto _ : state) {
    BetweennessResult result = ComputeBetweenness(*fixture.graph, options);
    benchmark::DoNotOptimize(result.score.data());
  }
  SetCounters(state, fixture.landscape);
}

// Hotspots' sampled betweenness with 256 sources, on `threads` threads (0: every core).
void BM_Betweenness256(benchmark::State& state, size_t size, unsigned threads) {
  const Fixture& fixture = Get(size, false);
  BetweennessOptions options;
  options.samples = 256;
  options.threads = threads;
  for (auto _ : state) {
    BetweennessResult result = ComputeBetweenness(*fixture.graph, options);
    benchmark::DoNotOptimize(result.score.data());
  }
  SetCounters(state, fixture.landscape);
}

// `render --focus ID --hops 1` for the first municipal system: select, lay out, draw SVG.
void BM_FocusRender(benchmark::State& state, size_t size) {
  const Fixture& fixture = Get(size, false);
  viz::DiagramOptions options;
  for (SystemIndex s = 0; s < fixture.landscape.systems.size(); ++s) {
    if (fixture.landscape.systems[s].kind == Kind::kMunicipal) {
      options.focus = s;
      break;
    }
  }
  for (auto _ : state) {
    std::string svg, error;
    bool ok = viz::RenderDiagram(*fixture.graph, options, "svg", &svg, &error);
    benchmark::DoNotOptimize(ok);
  }
}

// The files of the load_shape benchmarks, `n` being the number of integrations, keys or
// systems.
std::string SamePairShape(int n) {
  std::string text = R"({"systems": [{"id": "a"}, {"id": "b"}], "integrations": [)";
  for (int i = 0; i < n; ++i) text += std::string(i ? "," : "") + R"({"from": "a", "to": "b"})";
  return text + "]}";
}

std::string UndeclaredKeysShape(int n) {
  std::string declared, used;
  for (int i = 0; i < n; ++i) {
    declared += std::string(i ? "," : "") + "\"k" + std::to_string(i) + "\"";
    used += std::string(i ? "," : "") + "\"u" + std::to_string(i) + "\"";
  }
  return R"({"keys": [)" + declared + R"(], "systems": [{"id": "s", "keys": [)" + used + "]}]}";
}

// 200 references, each one letter off one of `n` ids of ~190 characters.
std::string LongSimilarRefsShape(int n) {
  std::string prefix;
  for (int i = 0; i < 6; ++i) prefix += "municipality.system.component.";
  auto id = [&](int i, char lead) {
    std::string digits = std::to_string(i);
    return prefix + lead + std::string(6 - digits.size(), '0') + digits;
  };
  std::string text = R"({"systems": [)";
  for (int i = 0; i < n; ++i)
    text += std::string(i ? "," : "") + R"({"id": ")" + id(i, '0') + "\"}";
  text += R"(], "integrations": [)";
  for (int i = 0; i < 200; ++i)
    text += std::string(i ? "," : "") + R"({"from": ")" + id(0, '0') + R"(", "to": ")" +
            id(i, 'x') + "\"}";
  return text + "]}";
}

void BM_LoadShape(benchmark::State& state, std::string (*shape)(int)) {
  std::string text = shape(static_cast<int>(state.range(0)));
  for (auto _ : state) {
    Landscape landscape;
    Diagnostics diagnostics;
    bool ok = LoadLandscapeText(text, "shape.json", &landscape, &diagnostics);
    benchmark::DoNotOptimize(ok);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}

// How much memory running `work` once adds at its peak, in MB: measured in a forked child (so
// that one benchmark's memory never hides in another's), as its peak resident set at the end
// (getrusage) less its resident set before `work` (after returning the freed memory it inherits),
// sent back through a pipe.
double PeakRssGrowthMb(const std::function<void()>& work) {
  int fds[2];
  if (pipe(fds) != 0) return -1;
  pid_t pid = fork();
  if (pid == 0) {
    close(fds[0]);
    // Memory the parent freed is still resident and would be reused unseen: give it back first.
    malloc_trim(0);
    long pages = 0, resident = 0;
    std::ifstream("/proc/self/statm") >> pages >> resident;
    double before_kb = static_cast<double>(resident) * (sysconf(_SC_PAGESIZE) / 1024.0);
    work();
    struct rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    double growth_mb = (static_cast<double>(usage.ru_maxrss) - before_kb) / 1024.0;
    ssize_t written = write(fds[1], &growth_mb, sizeof growth_mb);
    _exit(written == sizeof growth_mb ? 0 : 1);
  }
  close(fds[1]);
  double growth_mb = -1;
  if (pid < 0 || read(fds[0], &growth_mb, sizeof growth_mb) != sizeof growth_mb) growth_mb = -1;
  close(fds[0]);
  int status = 0;
  if (pid > 0) waitpid(pid, &status, 0);
  return growth_mb;
}

// Two versions of one municipality's `n` systems, the same names and product, every id new.
std::string RenamedShape(int n, const char* prefix) {
  std::string text = R"({"format": "landskap/1", "systems": [)";
  for (int i = 0; i < n; ++i)
    text += std::string(i ? "," : "") + R"({"id": ")" + prefix + std::to_string(i) +
            R"(", "name": "System )" + std::to_string(i) +
            R"(", "kind": "municipal", "owner": "1001", "domain": "arkiv", "product": "P"})";
  return text + "]}";
}

void BM_DiffAllRenamed(benchmark::State& state) {
  const int n = static_cast<int>(state.range(0));
  std::string before_text = RenamedShape(n, "a"), after_text = RenamedShape(n, "b");
  Landscape before, after;
  Diagnostics diagnostics;
  if (!LoadLandscapeText(before_text, "before.json", &before, &diagnostics) ||
      !LoadLandscapeText(after_text, "after.json", &after, &diagnostics))
    std::abort();
  size_t renames = 0;
  for (auto _ : state) {
    LandscapeDiff d = DiffLandscapes(before, after);
    renames = d.renames.size();
    benchmark::DoNotOptimize(renames);
  }
  state.counters["systems"] = n;
  state.counters["renames"] = static_cast<double>(renames);
  state.counters["input_mb"] = static_cast<double>(before_text.size() + after_text.size()) / 1e6;
  state.counters["peak_rss_growth_mb"] =
      PeakRssGrowthMb([&] { benchmark::DoNotOptimize(DiffLandscapes(before, after)); });
}

int RegisterAll() {
  benchmark::RegisterBenchmark("diff_shape/all_renamed", BM_DiffAllRenamed)
      ->Arg(2000)
      ->Arg(16000)
      ->Unit(benchmark::kMillisecond);
  benchmark::RegisterBenchmark("load_shape/same_pair", BM_LoadShape, SamePairShape)
      ->Arg(20000)
      ->Arg(40000)
      ->Unit(benchmark::kMillisecond);
  benchmark::RegisterBenchmark("load_shape/undeclared_keys", BM_LoadShape, UndeclaredKeysShape)
      ->Arg(10000)
      ->Arg(20000)
      ->Unit(benchmark::kMillisecond);
  benchmark::RegisterBenchmark("load_shape/long_similar_refs", BM_LoadShape, LongSimilarRefsShape)
      ->Arg(1000)
      ->Arg(2000)
      ->Unit(benchmark::kMillisecond);
  for (size_t i = 0; i < Sizes().size(); ++i) {
    const Size& size = Sizes()[i];
    if (size.large && !LargeEnabled()) continue;
    std::string suffix = std::string("/") + size.name;
    std::vector<benchmark::internal::Benchmark*> added = {
        benchmark::RegisterBenchmark(("generate" + suffix).c_str(), BM_Generate, i),
        benchmark::RegisterBenchmark(("load" + suffix).c_str(), BM_Load, i),
        benchmark::RegisterBenchmark(("graph_build" + suffix).c_str(), BM_GraphBuild, i),
        benchmark::RegisterBenchmark(("impact_key_unscoped" + suffix).c_str(), BM_ImpactKey, i,
                                     false),
        benchmark::RegisterBenchmark(("impact_key_reform" + suffix).c_str(), BM_ImpactKey, i, true),
        benchmark::RegisterBenchmark(("plan_all" + suffix).c_str(), BM_Plan, i, true),
        benchmark::RegisterBenchmark(("plan_key_reform" + suffix).c_str(), BM_Plan, i, false),
        benchmark::RegisterBenchmark(("cuts" + suffix).c_str(), BM_Cuts, i),
        benchmark::RegisterBenchmark(("betweenness_100_samples" + suffix).c_str(),
                                     BM_BetweennessSampled, i),
        benchmark::RegisterBenchmark(("hotspots_256_samples_1_thread" + suffix).c_str(),
                                     BM_Betweenness256, i, 1u),
        benchmark::RegisterBenchmark(("hotspots_256_samples_all_cores" + suffix).c_str(),
                                     BM_Betweenness256, i, 0u)
            ->MeasureProcessCPUTime()  // every thread's CPU time, not the main thread's
            ->UseRealTime(),
        benchmark::RegisterBenchmark(("focus_render" + suffix).c_str(), BM_FocusRender, i),
    };
    for (benchmark::internal::Benchmark* b : added) {
      b->Unit(benchmark::kMillisecond);
      // One national load takes half a minute: a single measured run is enough.
      if (size.large) b->Iterations(1);
    }
  }
  return 0;
}

[[maybe_unused]] const int registered = RegisterAll();

}  // namespace
}  // namespace landskap
