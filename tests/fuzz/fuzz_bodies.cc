// The code both fuzz targets and the regression test run on one input. Query options that the
// command line would take from its arguments are picked from a hash of the input, so that the
// fuzzer reaches scoped and unscoped impact, workday calendars and wave capacities, while a
// given input always takes the same path (a crash file replays exactly).
#include "tests/fuzz/fuzz_bodies.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/analysis/graph.h"
#include "engine/analysis/impact.h"
#include "engine/file/input.h"
#include "engine/file/load.h"
#include "engine/file/write_landscape.h"
#include "engine/formats/archi_csv.h"
#include "engine/formats/archi_exchange.h"
#include "engine/formats/change_table.h"
#include "engine/formats/inventory_csv.h"
#include "engine/formats/xlsx_reader.h"
#include "engine/merge/diff.h"
#include "engine/merge/merge.h"
#include "engine/merge/split.h"
#include "engine/model/diagnostics.h"
#include "engine/model/landscape.h"
#include "engine/plan/calendar.h"
#include "engine/plan/plan.h"
#include "tests/plan_check.h"

namespace landskap::fuzz {
namespace {

// How many keys get their own impact query: enough to mix declared and used-only keys, few
// enough that a landscape with thousands of keys does not turn into a timeout.
constexpr size_t kMaxKeyQueries = 3;

// Stops the process in a way libFuzzer and the regression test both report, naming the rule.
void Check(bool ok, const char* what) {
  if (ok) return;
  std::fprintf(stderr, "landskap fuzz: invariant violated: %s\n", what);
  std::abort();
}

uint32_t Hash(const uint8_t* data, size_t size) {
  uint32_t h = 2166136261u;  // FNV-1a
  for (size_t i = 0; i < size; ++i) h = (h ^ data[i]) * 16777619u;
  return h;
}

// Formats every diagnostic, so the message-building code (paths, did-you-mean, quoting) runs.
size_t FormatAll(const Diagnostics& diagnostics) {
  size_t total = 0;
  for (const Diagnostic& d : diagnostics.Items()) total += FormatDiagnostic(d).size();
  return total;
}

template <typename Index>
bool SortedUniqueBelow(const std::vector<Index>& v, size_t limit) {
  for (size_t i = 0; i < v.size(); ++i)
    if (v[i] >= limit || (i > 0 && v[i - 1] >= v[i])) return false;
  return true;
}

// What engine/model/landscape.h promises about a landscape that loaded without errors.
void CheckLandscape(const Landscape& landscape) {
  const size_t systems = landscape.systems.size(), keys = landscape.keys.size();
  for (SystemIndex s = 0; s < systems; ++s) {
    const System& system = landscape.systems[s];
    Check(IsWellFormedId(system.id), "load: system ids are well-formed");
    Check(landscape.FindSystem(system.id) == s, "load: FindSystem(id) is the system");
    Check(SortedUniqueBelow(system.keys, keys), "load: a system's keys are sorted, unique");
    for (SystemIndex a : system.cutover.after) Check(a < systems, "load: after in range");
  }
  for (KeyIndex k = 0; k < keys; ++k)
    Check(landscape.FindKey(landscape.keys[k].id) == k, "load: FindKey(id) is the key");
  for (IntegrationIndex e = 0; e < landscape.integrations.size(); ++e) {
    const Integration& integration = landscape.integrations[e];
    Check(landscape.FindIntegration(integration.id) == e,
          "load: FindIntegration(id) is the integration");
    Check(integration.from < systems && integration.to < systems, "load: ends in range");
    Check(integration.from != integration.to, "load: an integration joins two systems");
    Check(SortedUniqueBelow(integration.carries, keys), "load: carries is sorted, unique");
  }
  for (const Change& change : landscape.changes) Check(change.key < keys, "load: change key");
}

// The loader's fast pass (engine/file/load_fast.h) reads only files the precise loader has nothing
// to say about (it may leave clean ones to it too), and builds the same model, index for index.
void CheckFastPass(std::string_view text, bool fast, const Diagnostics& diagnostics,
                   const Landscape& landscape) {
  Landscape precise;
  Diagnostics precise_diagnostics("fuzz.json");
  bool precise_ok = LoadLandscapeTextPrecise(text, "fuzz.json", &precise, &precise_diagnostics);
  Check(!fast || precise_diagnostics.Items().empty(),
        "load: the fast pass reads only files without diagnostics");
  Check(diagnostics.Items().size() == precise_diagnostics.Items().size(),
        "load: the diagnostics are the precise loader's");
  if (!fast || !precise_ok) return;
  Check(landscape.format == precise.format && landscape.name == precise.name,
        "load fast: format and name");
  Check(landscape.keys.size() == precise.keys.size(), "load fast: same keys");
  for (KeyIndex k = 0; k < precise.keys.size(); ++k)
    Check(landscape.keys[k].id == precise.keys[k].id &&
              landscape.keys[k].declared == precise.keys[k].declared &&
              landscape.keys[k].declared_position == precise.keys[k].declared_position &&
              landscape.keys[k].description == precise.keys[k].description,
          "load fast: key by key");
  Check(landscape.systems.size() == precise.systems.size(), "load fast: same systems");
  for (SystemIndex s = 0; s < precise.systems.size(); ++s) {
    const System &a = landscape.systems[s], &b = precise.systems[s];
    Check(a.id == b.id && a.name == b.name && a.kind == b.kind && a.owner == b.owner &&
              a.vendor == b.vendor && a.product == b.product && a.domain == b.domain &&
              a.keys == b.keys && a.criticality == b.criticality &&
              a.cutover.effort_days == b.cutover.effort_days &&
              a.cutover.after == b.cutover.after && a.cutover.fixed_date == b.cutover.fixed_date,
          "load fast: system by system");
  }
  Check(landscape.integrations.size() == precise.integrations.size(),
        "load fast: same integrations");
  for (IntegrationIndex e = 0; e < precise.integrations.size(); ++e) {
    const Integration &a = landscape.integrations[e], &b = precise.integrations[e];
    Check(a.id == b.id && a.id_generated == b.id_generated && a.from == b.from && a.to == b.to &&
              a.carries == b.carries && a.protocol == b.protocol && a.criticality == b.criticality,
          "load fast: integration by integration");
  }
  Check(landscape.changes.size() == precise.changes.size(), "load fast: same changes");
  for (size_t i = 0; i < precise.changes.size(); ++i)
    Check(landscape.changes[i].key == precise.changes[i].key &&
              landscape.changes[i].from == precise.changes[i].from &&
              landscape.changes[i].to == precise.changes[i].to &&
              landscape.changes[i].effective == precise.changes[i].effective,
          "load fast: change by change");
  Check(landscape.resources.size() == precise.resources.size(), "load fast: same resources");
  for (size_t i = 0; i < precise.resources.size(); ++i)
    Check(landscape.resources[i].of == precise.resources[i].of &&
              landscape.resources[i].name == precise.resources[i].name &&
              landscape.resources[i].capacity == precise.resources[i].capacity,
          "load fast: resource by resource");
}

void CheckImpact(const Landscape& landscape, const ImpactResult& result) {
  for (const AffectedSystem& a : result.affected) {
    Check(a.system < landscape.systems.size(), "impact: affected system index in range");
    Check(a.distance >= 0, "impact: distance >= 0");
    Check(!a.path.empty() && a.path.back() == a.system, "impact: evidence ends at the system");
    Check(a.via.size() + 1 == a.path.size(), "impact: via.size() == path.size() - 1");
    for (SystemIndex s : a.path) Check(s < landscape.systems.size(), "impact: path in range");
    for (IntegrationIndex e : a.via)
      Check(e < landscape.integrations.size(), "impact: via in range");
  }
  for (IntegrationIndex e : result.integrations)
    Check(e < landscape.integrations.size(), "impact: integration index in range");
}

void CheckPlan(const Landscape& landscape, const Plan& plan) {
  Check(plan.task_of_system.size() == landscape.systems.size(),
        "plan: task_of_system has one entry per system");
  for (const PlanTask& task : plan.tasks) {
    Check(plan.Find(task.system) == &task, "plan: Find returns the task of its system");
    Check(task.wave >= 1 && static_cast<size_t>(task.wave) <= plan.waves.size(),
          "plan: wave is 1-based and exists");
    Check(task.bundle >= -1 && task.bundle < static_cast<int>(plan.bundles.size()),
          "plan: bundle index in range");
    Check(task.slack == task.ls - task.es, "plan: slack == ls - es");
    Check(task.critical == (task.slack == 0), "plan: critical == (slack == 0)");
  }
  size_t in_waves = 0;
  for (const PlanWave& wave : plan.waves) {
    Check(wave.task_count == wave.systems.size(), "plan: wave task_count == systems.size()");
    in_waves += wave.systems.size();
  }
  Check(in_waves == plan.tasks.size(), "plan: every task is in exactly one wave");
  for (const PlanBundle& bundle : plan.bundles) {
    Check(!bundle.cycle.empty() && bundle.cycle.front() == bundle.cycle.back(),
          "plan: a bundle's cycle is closed");
    Check(bundle.cycle_via.size() + 1 == bundle.cycle.size(),
          "plan: cycle_via.size() == cycle.size() - 1");
  }
  for (const auto& path : plan.critical_paths)
    for (SystemIndex s : path) Check(plan.Find(s) != nullptr, "plan: critical path in the plan");
  for (SystemIndex s : plan.late) Check(plan.Find(s) != nullptr, "plan: late task in the plan");
}

void RunPlan(const Graph& graph, const PlanOptions& options, const ImpactResult* impact) {
  Plan plan;
  Diagnostics diagnostics("fuzz.json");
  if (ComputePlan(graph, options, impact, &plan, &diagnostics)) {
    CheckPlan(graph.landscape(), plan);
    std::vector<std::string> problems = plan_check::PlanProblems(graph.landscape(), plan);
    if (!problems.empty()) std::fprintf(stderr, "%s\n", problems.front().c_str());
    Check(problems.empty(), "plan: precedence, fixed dates and capacities hold (plan_check.h)");
  } else {
    Check(diagnostics.HasErrors(), "plan: a failed plan says why");
  }
  FormatAll(diagnostics);
}

}  // namespace

void FuzzLoad(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  Landscape landscape;
  Diagnostics diagnostics("fuzz.json");
  LoadWork work;
  bool ok = LoadLandscapeText(text, "fuzz.json", &landscape, &diagnostics, &work);
  FormatAll(diagnostics);
  Check(ok == !diagnostics.HasErrors(), "load: returns true exactly when there are no errors");
  CheckFastPass(text, work.fast, diagnostics, landscape);
  if (!ok) return;

  CheckLandscape(landscape);
  const uint32_t h = Hash(data, size);
  Graph graph(landscape);
  Check(graph.SystemCount() == landscape.systems.size(), "graph: one vertex per system");

  // Blast radius of a change of each of the first keys: the CLI's `impact --key K`, with the
  // direction, --through-all, --depth and --owner varying by input.
  const Direction directions[] = {Direction::kDown, Direction::kUp, Direction::kBoth};
  for (KeyIndex k = 0; k < landscape.keys.size() && k < kMaxKeyQueries; ++k) {
    ImpactQuery query;
    query.key = k;
    query.direction = directions[(h >> (2 * k)) % 3];
    query.through_all = (h >> (8 + k)) & 1;
    if ((h >> 12) & 1) query.max_depth = static_cast<int>((h >> 13) % 4);
    if ((h >> 16) & 1) query.owners = {"1246", "1245"};
    CheckImpact(landscape, ComputeImpact(graph, query));
  }
  // One system's change or outage: `impact --system <first> --direction both`.
  if (!landscape.systems.empty()) {
    ImpactQuery query;
    query.sources = {0};
    query.direction = Direction::kBoth;
    if ((h >> 17) & 1 && !landscape.keys.empty()) query.key = 0;
    CheckImpact(landscape, ComputeImpact(graph, query));
  }

  // `plan --all`, with the file's fixed dates deciding day 0.
  PlanOptions all;
  all.all_systems = true;
  if ((h >> 18) & 1) all.calendar = Calendar(Calendar::Kind::kAllDays);
  RunPlan(graph, all, nullptr);
  // `plan --key K --start 2019-08-01 --deadline 2020-01-01`, with capacities by input.
  if (!landscape.keys.empty()) {
    PlanOptions by_key;
    ImpactQuery query;
    query.key = 0;
    query.through_all = (h >> 19) & 1;
    ImpactResult impact = ComputeImpact(graph, query);
    by_key.start = ParseDate("2019-08-01");
    by_key.deadline = ParseDate("2020-01-01");
    if ((h >> 20) & 1)
      by_key.calendar = Calendar(Calendar::Kind::kWorkingDays,
                                 {{*ParseDate("2019-12-23"), *ParseDate("2019-12-31"), "jul"}});
    if ((h >> 21) & 1) by_key.capacity = 1 + (h >> 22) % 3;
    if ((h >> 24) & 1) by_key.vendor_capacity = 1 + (h >> 25) % 2;
    if ((h >> 27) & 1) by_key.owner_capacity = 1 + (h >> 28) % 2;
    by_key.default_effort_days = (h >> 26) & 1 ? 0.5 : kDefaultEffortDays;
    RunPlan(graph, by_key, &impact);
  }
}

void FuzzChanges(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  std::vector<std::pair<std::string, std::string>> pairs;
  Diagnostics diagnostics("changes.csv");
  bool ok = ReadChangeTable(text, "changes.csv", "kommunenummer", &pairs, &diagnostics);
  FormatAll(diagnostics);
  Check(ok == !diagnostics.HasErrors(), "changes: returns true exactly when there are no errors");
  for (const auto& [from, to] : pairs) {
    Check(from.size() == 4 && to.size() == 4, "changes: numbers have four digits");
    Check(from != to, "changes: only rows where the number changes");
  }
}

namespace {

// The landscape the split decisions are tried on: old Ålesund in small, with a system of Haram's
// own (so that divide has a receiver), a national register, a neighbour, and an after.
const Landscape& SplitLandscapeForFuzz() {
  static const Landscape landscape = [] {
    Landscape l;
    Diagnostics d("split.json");
    LoadLandscapeText(R"json({"format": "landskap/1",
      "changes": [{"key": "kommunenummer", "from": "1507", "to": "1508"},
                  {"key": "kommunenummer", "from": "1507", "to": "1580"}],
      "systems": [
        {"id": "reg", "kind": "national", "owner": "Skatteetaten", "keys": ["kommunenummer"]},
        {"id": "alesund.folkereg", "owner": "1507", "domain": "folkeregister",
         "keys": ["kommunenummer", "fnr"]},
        {"id": "alesund.gis", "owner": "1507", "domain": "gis", "vendor": "Norkart",
         "keys": ["kommunenummer"], "cutover": {"after": ["alesund.folkereg"]}},
        {"id": "alesund.kultur", "owner": "1507", "domain": "kultur", "keys": ["fnr"]},
        {"id": "alesund.skatt", "owner": "1507", "domain": "eiendomsskatt",
         "keys": ["kommunenummer"]},
        {"id": "alesund.web", "owner": "1507"},
        {"id": "haram.skatt", "owner": "1580", "domain": "eiendomsskatt", "vendor": "Acos"},
        {"id": "sula.gis", "owner": "1531", "domain": "gis"}],
      "integrations": [
        {"from": "reg", "to": "alesund.folkereg", "carries": ["kommunenummer"]},
        {"id": "kart", "from": "alesund.gis", "to": "sula.gis"},
        {"from": "alesund.folkereg", "to": "alesund.gis"},
        {"from": "alesund.folkereg", "to": "alesund.kultur"},
        {"from": "alesund.skatt", "to": "alesund.gis"},
        {"from": "alesund.web", "to": "alesund.folkereg"}]})json",
                      "split.json", &l, &d);
    Check(!d.HasErrors(), "split: the fuzz landscape loads");
    return l;
  }();
  return landscape;
}

}  // namespace

void FuzzSplitDecisions(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  SplitDecisions decisions;
  Diagnostics diagnostics("d.json");
  bool ok = ParseSplitDecisionsText(text, "d.json", &decisions, &diagnostics);
  FormatAll(diagnostics);
  Check(ok == !diagnostics.HasErrors(), "split decisions: true exactly when there are no errors");
  if (!ok) return;
  // What the writer writes reads back as the same decisions.
  std::string written = WriteSplitDecisions(decisions);
  SplitDecisions again;
  Diagnostics again_diags("d.json");
  Check(ParseSplitDecisionsText(written, "d.json", &again, &again_diags),
        "split decisions: the written file reads again");
  Check(WriteSplitDecisions(again) == written, "split decisions: written twice, the same");
  // Split with them, into 1508 and 1580 and, with a third successor, into 1599 too.
  const Landscape& input = SplitLandscapeForFuzz();
  for (bool three : {false, true}) {
    SplitOptions options;
    options.label = "split.json";
    options.from = "1507";
    options.into = three ? std::vector<std::string>{"1508", "1580", "1599"}
                         : std::vector<std::string>{"1508", "1580"};
    options.keeper = "1508";
    options.decisions = &decisions;
    Landscape out;
    SplitSummary summary;
    Diagnostics split_diags;
    bool split = SplitLandscape(input, options, &out, &summary, &split_diags);
    FormatAll(split_diags);
    Check(split == !split_diags.HasErrors(), "split: true exactly when there are no errors");
    if (!split) continue;
    for (const System& s : out.systems) Check(s.owner != "1507", "split: no system of 1507");
    Landscape loaded;
    Diagnostics load_diags("split");
    Check(LoadLandscapeText(WriteLandscape(out), "split", &loaded, &load_diags),
          "split: the result loads again");
    // The decisions of the split, given back, give the same result.
    SplitDecisions decided = SplitAsDecisions(summary);
    options.decisions = &decided;
    Landscape twice;
    SplitSummary twice_summary;
    Diagnostics twice_diags;
    Check(SplitLandscape(input, options, &twice, &twice_summary, &twice_diags) &&
              WriteLandscape(twice) == WriteLandscape(out),
          "split: its own decisions give the same landscape");
  }
}

namespace {

// What `landskap import` promises after a source was read (engine/formats/importer.h): the
// landscape is a valid landskap/1 file, so written out it loads again through the precise loader
// without errors and with the same systems and integrations, and every skip has a reason.
void CheckWrittenAndLoaded(const char* reader, const Landscape& landscape,
                           const ImportReport& report) {
  CheckLandscape(landscape);
  Landscape again;
  Diagnostics load("written");
  bool ok = LoadLandscapeTextPrecise(WriteLandscape(landscape), "written", &again, &load);
  if (!ok)
    for (const Diagnostic& d : load.Items())
      std::fprintf(stderr, "%s: %s\n", reader, FormatDiagnostic(d).c_str());
  Check(ok && !load.HasErrors(), "import: the imported landscape loads again");
  Check(again.systems.size() == landscape.systems.size(), "import: same systems after writing");
  Check(again.integrations.size() == landscape.integrations.size(),
        "import: same integrations after writing");
  for (SystemIndex s = 0; s < landscape.systems.size(); ++s)
    Check(again.systems[s].id == landscape.systems[s].id, "import: same system ids, in order");
  size_t skipped_with_reason = 0;
  for (const ImportSkip& skip : report.skipped) skipped_with_reason += !skip.reason.empty();
  Check(skipped_with_reason == report.skipped.size(), "import: every skip has a reason");
}

// An imported landscape is always a valid landskap/1 file: what `landskap import` writes must
// load again without errors, with the same systems and integrations.
void CheckImported(const ArchiModel& model, ImportOptions options) {
  for (bool nodes : {false, true}) {
    options.include_nodes = nodes;
    Landscape landscape;
    ImportReport report;
    Diagnostics diagnostics("model");
    MapArchiModel(model, "model", options, &landscape, &report, &diagnostics);
    FormatAll(diagnostics);
    CheckWrittenAndLoaded("archi", landscape, report);
  }
}

}  // namespace

void FuzzXlsx(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  Landscape landscape;
  ImportReport report;
  Diagnostics diagnostics("fuzz.xlsx");
  bool ok = ImportXlsxBytes(bytes, "fuzz.xlsx", &landscape, &report, &diagnostics);
  FormatAll(diagnostics);
  Check(ok == !diagnostics.HasErrors(), "xlsx: returns true exactly when there are no errors");
  if (ok) CheckWrittenAndLoaded("xlsx", landscape, report);
}

void FuzzCsv(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  std::vector<std::pair<std::string, std::string>> files;
  size_t split = bytes.find('\f');
  std::vector<std::string_view> parts = {bytes.substr(0, split)};
  if (split != std::string_view::npos) parts.push_back(bytes.substr(split + 1));
  for (size_t i = 0; i < parts.size(); ++i) {
    InputRules rules;
    rules.what = "a CSV file";
    rules.convert_windows_1252 = true;
    InputText text;
    Diagnostics read("fuzz.csv");
    std::string label = i == 0 ? "systemer.csv" : "integrasjoner.csv";
    if (!DecodeInput(std::string(parts[i]), label, rules, &text, &read)) return;
    files.emplace_back(label, std::move(text.text));
  }
  Landscape landscape;
  ImportReport report;
  Diagnostics diagnostics("fuzz.csv");
  bool ok = ImportCsvBytes(files, &landscape, &report, &diagnostics);
  FormatAll(diagnostics);
  Check(ok == !diagnostics.HasErrors(), "csv: returns true exactly when there are no errors");
  if (ok) CheckWrittenAndLoaded("csv", landscape, report);
}

void FuzzArchiXml(const uint8_t* data, size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  Diagnostics diagnostics("model.xml");
  std::string xml;
  if (!UnpackArchimate(std::move(bytes), "model.xml", &xml, &diagnostics)) {
    FormatAll(diagnostics);
    Check(diagnostics.HasErrors(), "archi: a refused archive says why");
    return;
  }
  ArchiModel model;
  std::string format;
  bool ok = ParseArchiXml(xml, "model.xml", &model, &format, &diagnostics);
  FormatAll(diagnostics);
  Check(ok == !diagnostics.HasErrors(), "archi: returns true exactly when there are no errors");
  if (!ok) return;
  ImportOptions options;
  if (xml.size() % 2) options.property_map = {{"Ansvarlig", "owner"}, {"Data", "carries"}};
  CheckImported(model, options);
}

void FuzzArchiCsv(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  std::string_view parts[3];
  for (int i = 0; i < 3; ++i) {
    size_t feed = i < 2 ? text.find('\f') : std::string_view::npos;
    parts[i] = text.substr(0, feed);
    text.remove_prefix(feed == std::string_view::npos ? text.size() : feed + 1);
  }
  ArchiModel model;
  Diagnostics diagnostics("elements.csv");
  bool ok = ParseArchiCsv(parts[0], "elements.csv", parts[1], "relations.csv", parts[2],
                          "properties.csv", &model, &diagnostics);
  FormatAll(diagnostics);
  Check(ok == !diagnostics.HasErrors(), "archi csv: returns true exactly when there are no errors");
  if (!ok) return;
  CheckImported(model, {});
}

namespace {

// The parts of an input split at form feeds.
std::vector<std::string_view> SplitAtFormFeeds(std::string_view text) {
  std::vector<std::string_view> parts;
  for (;;) {
    size_t feed = text.find('\f');
    parts.push_back(text.substr(0, feed));
    if (feed == std::string_view::npos) return parts;
    text.remove_prefix(feed + 1);
  }
}

// Ids are unique and every integration joins two systems the landscape has.
void CheckIdsAndEnds(const Landscape& l, const char* what) {
  std::set<std::string_view> systems, integrations;
  for (const System& s : l.systems) Check(systems.insert(s.id).second, what);
  for (const Integration& i : l.integrations) {
    Check(integrations.insert(i.id).second, what);
    Check(i.from < l.systems.size() && i.to < l.systems.size() && i.from != i.to, what);
  }
}

bool SameDecisions(const MergeDecisions& a, const MergeDecisions& b) {
  if (a.into != b.into || a.decisions.size() != b.decisions.size()) return false;
  for (size_t i = 0; i < a.decisions.size(); ++i) {
    const MergeDecision &x = a.decisions[i], &y = b.decisions[i];
    if (x.domain != y.domain || x.survivor != y.survivor || x.effort_days != y.effort_days ||
        x.note != y.note || x.retire.size() != y.retire.size())
      return false;
    for (size_t r = 0; r < x.retire.size(); ++r)
      if (x.retire[r].system != y.retire[r].system ||
          x.retire[r].effort_days != y.retire[r].effort_days)
        return false;
  }
  return true;
}

// The closures as an iCalendar file: one all-day event each (DTSTART, DURATION in days, the label
// as SUMMARY), lines ended by CRLF so that a label ending in CR keeps it.
std::string ClosuresAsIcs(const std::vector<Closure>& closures) {
  std::string out = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n";
  for (const Closure& c : closures) {
    std::string date = FormatDate(c.from);
    date.erase(7, 1);
    date.erase(4, 1);
    out += "BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:" + date + "\r\nDURATION:P" +
           std::to_string(c.to - c.from + 1) + "D\r\nSUMMARY:" + c.label + "\r\nEND:VEVENT\r\n";
  }
  return out + "END:VCALENDAR\r\n";
}

}  // namespace

void FuzzMerge(const uint8_t* data, size_t size) {
  constexpr size_t kMaxFiles = 4;
  std::vector<std::string_view> parts =
      SplitAtFormFeeds(std::string_view(reinterpret_cast<const char*>(data), size));
  const uint32_t h = Hash(data, size);
  std::vector<Landscape> landscapes;
  std::vector<std::string> labels;
  MergeDecisions decisions;
  bool have_decisions = false;
  for (std::string_view part : parts) {
    if (!have_decisions && part.find("landskap-decisions") != std::string_view::npos) {
      Diagnostics d("d.json");
      bool ok = ParseDecisionsText(part, "d.json", &decisions, &d);
      FormatAll(d);
      if (!ok) return;
      have_decisions = true;
      continue;
    }
    if (landscapes.size() == kMaxFiles) continue;
    Landscape l;
    std::string label = "m" + std::to_string(landscapes.size()) + ".json";
    Diagnostics d(label);
    if (!LoadLandscapeText(part, label, &l, &d)) return;
    landscapes.push_back(std::move(l));
    labels.push_back(label);
  }
  if (landscapes.empty()) return;
  std::vector<MergeInput> inputs;
  for (size_t i = 0; i < landscapes.size(); ++i) inputs.push_back({labels[i], &landscapes[i]});
  MergeOptions options;
  options.into = have_decisions && !decisions.into.empty() ? decisions.into : "4626";
  if ((h >> 1) & 1) options.name = "Ny";
  if ((h >> 2) & 1) options.effective = ParseDate("2020-01-01");
  options.decisions = have_decisions ? &decisions : nullptr;
  Landscape merged;
  MergeSummary summary;
  Diagnostics diagnostics;
  bool ok = MergeLandscapes(inputs, options, &merged, &summary, &diagnostics);
  FormatAll(diagnostics);
  Check(ok == !diagnostics.HasErrors(), "merge: returns true exactly when there are no errors");
  if (!ok) return;

  CheckLandscape(merged);
  CheckIdsAndEnds(merged, "merge: ids unique, integrations between systems that exist");
  Check(summary.systems_out == merged.systems.size() &&
            summary.integrations_out == merged.integrations.size(),
        "merge: the summary counts the merged landscape");
  for (const MergeConversion& c : summary.conversions)
    Check(
        merged.FindSystem(c.task) && merged.FindSystem(c.survivor) && !merged.FindSystem(c.retired),
        "merge: a conversion task and its survivor are in, the retired system is not");
  Landscape again;
  Diagnostics load("merged.json");
  bool loads = LoadLandscapeTextPrecise(WriteLandscape(merged), "merged.json", &again, &load);
  for (const Diagnostic& d : load.Items())
    if (d.severity == Severity::kError) std::fprintf(stderr, "%s\n", FormatDiagnostic(d).c_str());
  Check(loads && !load.HasErrors(), "merge: the merged landscape loads again without errors");
  Check(again.systems.size() == merged.systems.size() &&
            again.integrations.size() == merged.integrations.size(),
        "merge: the same systems and integrations after writing");
  CheckIdsAndEnds(again, "merge: ids unique after writing");

  // `plan --all` on the result: a cycle in the cutover order is one merge warned about.
  bool warned = false;
  for (const Diagnostic& d : diagnostics.Items())
    warned |= d.message.find("cycle in the cutover order") != std::string::npos;
  Graph graph(merged);
  PlanOptions all;
  all.all_systems = true;
  Plan plan;
  Diagnostics plan_diagnostics("merged.json");
  if (!ComputePlan(graph, all, nullptr, &plan, &plan_diagnostics)) {
    for (const Diagnostic& d : plan_diagnostics.Items())
      if (d.message.find("cycle in the cutover order") != std::string::npos && !warned) {
        std::fprintf(stderr, "%s\n", FormatDiagnostic(d).c_str());
        Check(false, "merge: plan finds a cycle in the cutover order that merge did not name");
      }
  } else {
    CheckPlan(merged, plan);
  }

  // The proposal is a decisions file that reads back as written.
  MergeDecisions proposal = ProposalAsDecisions(summary, options.decisions);
  MergeDecisions read;
  Diagnostics proposal_diagnostics("p.json");
  Check(ParseDecisionsText(WriteDecisions(proposal), "p.json", &read, &proposal_diagnostics),
        "merge: the proposal reads back");
  Check(SameDecisions(proposal, read), "merge: the proposal reads back as written");
}

void FuzzDiff(const uint8_t* data, size_t size) {
  std::vector<std::string_view> parts =
      SplitAtFormFeeds(std::string_view(reinterpret_cast<const char*>(data), size));
  Landscape a, b;
  Diagnostics da("a.json"), db("b.json");
  if (!LoadLandscapeText(parts[0], "a.json", &a, &da)) return;
  if (parts.size() > 1 && !LoadLandscapeText(parts[1], "b.json", &b, &db)) return;
  Check(DiffLandscapes(a, a).Empty(), "diff: a landscape with itself is empty");
  if (parts.size() < 2) return;
  Check(DiffLandscapes(b, b).Empty(), "diff: a landscape with itself is empty");
  LandscapeDiff d = DiffLandscapes(a, b);

  // Recount by id, independently of the diff.
  auto recount = [](const auto& before, const auto& after, const auto& find_in_after,
                    const auto& find_in_before, size_t* added, size_t* removed, size_t* common) {
    *added = *removed = *common = 0;
    for (const auto& x : before) (find_in_after(x.id) ? *common : *removed) += 1;
    for (const auto& y : after) *added += !find_in_before(y.id);
  };
  size_t added = 0, removed = 0, common = 0;
  recount(
      a.systems, b.systems, [&](const std::string& id) { return b.FindSystem(id).has_value(); },
      [&](const std::string& id) { return a.FindSystem(id).has_value(); }, &added, &removed,
      &common);
  Check(d.systems_added.size() == added && d.systems_removed.size() == removed &&
            d.systems_changed.size() <= common,
        "diff: systems added, removed and changed agree with a recount");
  recount(
      a.integrations, b.integrations,
      [&](const std::string& id) { return b.FindIntegration(id).has_value(); },
      [&](const std::string& id) { return a.FindIntegration(id).has_value(); }, &added, &removed,
      &common);
  Check(d.integrations_added.size() == added && d.integrations_removed.size() == removed &&
            d.integrations_changed.size() <= common,
        "diff: integrations added, removed and changed agree with a recount");
  for (const std::string& id : d.systems_added)
    Check(b.FindSystem(id) && !a.FindSystem(id), "diff: an added system is only in the second");
  for (const std::string& id : d.systems_removed)
    Check(a.FindSystem(id) && !b.FindSystem(id), "diff: a removed system is only in the first");
  for (const ChangedItem& item : d.systems_changed)
    Check(a.FindSystem(item.id) && b.FindSystem(item.id) && !item.fields.empty(),
          "diff: a changed system is in both, with a field that differs");
  for (const ChangedItem& item : d.integrations_changed)
    Check(a.FindIntegration(item.id) && b.FindIntegration(item.id) && !item.fields.empty(),
          "diff: a changed integration is in both, with a field that differs");
  std::set<std::string> paired_removed, paired_added;
  for (const RenameSuggestion& r : d.renames) {
    Check(!a.FindSystem(r.added) && b.FindSystem(r.added) && a.FindSystem(r.removed) &&
              !b.FindSystem(r.removed),
          "diff: a rename pairs a removed with an added system");
    Check(paired_removed.insert(r.removed).second && paired_added.insert(r.added).second,
          "diff: each system is in one rename at most");
  }
  LandscapeDiff back = DiffLandscapes(b, a);
  Check(back.systems_added == d.systems_removed && back.systems_removed == d.systems_added &&
            back.integrations_added == d.integrations_removed &&
            back.integrations_removed == d.integrations_added &&
            back.systems_changed.size() == d.systems_changed.size() &&
            back.integrations_changed.size() == d.integrations_changed.size(),
        "diff: the diff the other way round swaps added and removed");
  Check(d.Empty() == (d.landscape.empty() && d.systems_added.empty() && d.systems_removed.empty() &&
                      d.systems_changed.empty() && d.integrations_added.empty() &&
                      d.integrations_removed.empty() && d.integrations_changed.empty()),
        "diff: Empty() means no list has anything");
}

void FuzzDecisions(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  MergeDecisions decisions;
  Diagnostics diagnostics("d.json");
  bool ok = ParseDecisionsText(text, "d.json", &decisions, &diagnostics);
  FormatAll(diagnostics);
  Check(ok == !diagnostics.HasErrors(), "decisions: returns true exactly when there are no errors");
  if (!ok) return;
  MergeDecisions again;
  Diagnostics d("again.json");
  Check(ParseDecisionsText(WriteDecisions(decisions), "again.json", &again, &d),
        "decisions: what was read writes and reads again");
  Check(SameDecisions(decisions, again), "decisions: the same decisions after writing");
}

void FuzzClosures(const uint8_t* data, size_t size) {
  InputRules rules;  // as `plan --closed` reads the file
  rules.what = "a list of closed days";
  rules.convert_windows_1252 = true;
  InputText input;
  Diagnostics read("closed.txt");
  if (!DecodeInput(std::string(reinterpret_cast<const char*>(data), size), "closed.txt", rules,
                   &input, &read))
    return;
  std::vector<Closure> closures;
  Diagnostics diagnostics("closed.txt");
  bool ok = ParseClosures(input, &closures, &diagnostics);
  FormatAll(diagnostics);
  Check(ok == !diagnostics.HasErrors(), "closures: returns true exactly when there are no errors");
  if (!ok) return;
  for (const Closure& c : closures) Check(c.from <= c.to, "closures: from <= to");
  InputText again{"again.ics", ClosuresAsIcs(closures), Encoding::kUtf8};
  std::vector<Closure> reread;
  Diagnostics second("again.ics");
  bool reread_ok = ParseClosures(again, &reread, &second);
  if (!reread_ok)
    for (const Diagnostic& d : second.Items())
      std::fprintf(stderr, "%s\n", FormatDiagnostic(d).c_str());
  Check(reread_ok, "closures: written as iCalendar, they read again");
  Check(reread.size() == closures.size(), "closures: the same number read again");
  for (size_t i = 0; i < closures.size() && i < reread.size(); ++i)
    Check(reread[i].from == closures[i].from && reread[i].to == closures[i].to &&
              reread[i].label == closures[i].label,
          "closures: the same closures read again");
  if (closures.empty()) return;
  const uint32_t h = Hash(data, size);
  Calendar calendar((h & 1) ? Calendar::Kind::kAllDays : Calendar::Kind::kWorkingDays, closures);
  // Around the first closure (not before 1900: the calendar's years start at 0000).
  DayNumber start = std::max<DayNumber>(closures.front().from - 3, *ParseDate("1900-01-01"));
  for (DayNumber d = start; d < start + 40; ++d) {
    DayNumber next = calendar.NextWorkingDay(d);
    Check(next >= d && calendar.IsWorkingDay(next), "calendar: the next working day works");
    Check(calendar.Date(start, calendar.Offset(start, d)) == next,
          "calendar: Date(start, Offset(start, d)) is the next working day");
  }
}

}  // namespace landskap::fuzz
