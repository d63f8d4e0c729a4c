// The cutover plan on small landscapes whose schedules are computed by hand in the comments,
// and a checker that every plan the tests produce respects every precedence of its landscape.
#include "engine/plan/plan.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "engine/file/load.h"
#include "tests/plan_check.h"
#include "tests/test_support.h"

namespace landskap {
namespace {

using testing::Parse;

std::vector<std::string> Ids(const Landscape& l, const std::vector<SystemIndex>& systems) {
  std::vector<std::string> ids;
  for (SystemIndex s : systems) ids.push_back(l.systems[s].id);
  return ids;
}

std::string Messages(const Diagnostics& d) {
  std::string out;
  for (const Diagnostic& item : d.Items()) out += FormatDiagnostic(item) + "\n";
  return out;
}

// Every integration and every `after` between two tasks: the provider (or the system named in
// `after`) finishes before the consumer starts and sits in an earlier wave, unless both switch
// together in one bundle. Also the CPM arithmetic of every task.
void ExpectPrecedenceHolds(const Landscape& l, const Plan& plan) {
  auto check = [&](SystemIndex from, SystemIndex to, const std::string& why) {
    const PlanTask* a = plan.Find(from);
    const PlanTask* b = plan.Find(to);
    if (!a || !b || from == to) return;
    if (a->bundle >= 0 && a->bundle == b->bundle) {
      EXPECT_EQ(a->es, b->es) << why;
      return;
    }
    EXPECT_LE(a->ef, b->es) << why;
    EXPECT_LT(a->wave, b->wave) << why;
  };
  for (const Integration& e : l.integrations) check(e.from, e.to, "integration " + e.id);
  for (SystemIndex s = 0; s < l.systems.size(); ++s)
    for (SystemIndex before : l.systems[s].cutover.after)
      check(before, s, l.systems[s].id + " after " + l.systems[before].id);
  int duration = 0;
  for (const PlanTask& t : plan.tasks) {
    const std::string& id = l.systems[t.system].id;
    EXPECT_EQ(t.ef, t.es + t.duration) << id;
    EXPECT_EQ(t.lf, t.ls + t.duration) << id;
    EXPECT_EQ(t.slack, t.ls - t.es) << id;
    EXPECT_GE(t.slack, 0) << id;
    EXPECT_LE(t.lf, plan.unconstrained_duration_days) << id;
    EXPECT_EQ(t.critical, t.slack == 0) << id;
    EXPECT_GE(t.wave, 1) << id;
    duration = std::max(duration, t.ef);
  }
  EXPECT_EQ(plan.unconstrained_duration_days, duration);
  // Every task in exactly one wave.
  size_t in_waves = 0;
  for (const PlanWave& w : plan.waves) {
    in_waves += w.systems.size();
    for (SystemIndex s : w.systems) EXPECT_EQ(plan.Find(s)->wave, w.wave);
  }
  EXPECT_EQ(in_waves, plan.tasks.size());
  // With capacity limits too: precedence, fixed dates, no resource over capacity on any day,
  // waves in time order, and a finish never earlier than the critical path's.
  for (const std::string& problem : plan_check::PlanProblems(l, plan)) ADD_FAILURE() << problem;
}

struct Planned {
  Landscape landscape;
  Plan plan;
  bool ok = false;
  Diagnostics diagnostics{"inline.json"};

  const PlanTask& Task(const std::string& id) const {
    return *plan.Find(*landscape.FindSystem(id));
  }
  // "es/ef/ls/lf/slack" of a task, to compare with the hand-computed table.
  std::string Cpm(const std::string& id) const {
    const PlanTask& t = Task(id);
    return std::to_string(t.es) + "/" + std::to_string(t.ef) + "/" + std::to_string(t.ls) + "/" +
           std::to_string(t.lf) + "/" + std::to_string(t.slack);
  }
  std::vector<std::vector<std::string>> Waves() const {
    std::vector<std::vector<std::string>> waves;
    for (const PlanWave& w : plan.waves) waves.push_back(Ids(landscape, w.systems));
    return waves;
  }
  std::vector<std::vector<std::string>> CriticalPaths() const {
    std::vector<std::vector<std::string>> paths;
    for (const auto& p : plan.critical_paths) paths.push_back(Ids(landscape, p));
    return paths;
  }
};

Planned PlanAll(const std::string& json, PlanOptions options = {}) {
  Planned p;
  p.landscape = Parse(json);
  options.all_systems = true;
  Graph graph(p.landscape);
  p.ok = ComputePlan(graph, options, nullptr, &p.plan, &p.diagnostics);
  if (p.ok) ExpectPrecedenceHolds(p.landscape, p.plan);
  return p;
}

// The textbook network (integrations run from predecessor to successor):
//
//   a(3) ─┬─ b(4) ── d(2) ─┬─ f(3)        h(2) ── f
//         ├─ c(4) ─┬ e(2) ─┤
//         │        └ i(1)  │
//         └─ g(5) ─────────┘
//
// Forward pass: a 0-3; b 3-7; c 3-7; g 3-8; h 0-2; d 7-9; e 7-9; i 7-8; f max(9,9,8,2)=9 -> 12.
// Project duration 12. Backward pass from 12:
//   f LF 12 LS 9 | d LF 9 LS 7 | e LF 9 LS 7 | i LF 12 LS 11 | g LF 9 LS 4 | h LF 9 LS 7
//   b LF 7 LS 3  | c LF min(7, 11) = 7 LS 3  | a LF min(3, 3, 4) = 3 LS 0
// Slack: a b c d e f 0, g 1, i 4, h 7. Two critical paths of equal length: a-b-d-f, a-c-e-f.
const char* kTextbook = R"json({
  "format": "landskap/1",
  "systems": [
    {"id": "a", "cutover": {"effort_days": 3}},
    {"id": "b", "vendor": "Tieto", "cutover": {"effort_days": 4}},
    {"id": "c", "vendor": "Tieto", "cutover": {"effort_days": 4}},
    {"id": "d", "vendor": "Tieto", "cutover": {"effort_days": 2}},
    {"id": "e", "vendor": "Tieto", "cutover": {"effort_days": 2}},
    {"id": "f", "cutover": {"effort_days": 3}},
    {"id": "g", "cutover": {"effort_days": 5}},
    {"id": "h", "cutover": {"effort_days": 2}},
    {"id": "i", "cutover": {"effort_days": 1}}
  ],
  "integrations": [
    {"from": "a", "to": "b"}, {"from": "a", "to": "c"}, {"from": "a", "to": "g"},
    {"from": "b", "to": "d"}, {"from": "c", "to": "e"}, {"from": "c", "to": "i"},
    {"from": "d", "to": "f"}, {"from": "e", "to": "f"}, {"from": "g", "to": "f"},
    {"from": "h", "to": "f"}
  ]})json";

TEST(Plan, CriticalPathMethodOnATextbookNetwork) {
  Planned p = PlanAll(kTextbook);
  ASSERT_TRUE(p.ok) << Messages(p.diagnostics);
  EXPECT_EQ(p.plan.duration_days, 12);
  std::map<std::string, std::string> expected = {
      {"a", "0/3/0/3/0"}, {"b", "3/7/3/7/0"}, {"c", "3/7/3/7/0"},
      {"d", "7/9/7/9/0"}, {"e", "7/9/7/9/0"}, {"f", "9/12/9/12/0"},
      {"g", "3/8/4/9/1"}, {"h", "0/2/7/9/7"}, {"i", "7/8/11/12/4"}};
  for (const auto& [id, cpm] : expected) EXPECT_EQ(p.Cpm(id), cpm) << id;
  EXPECT_TRUE(p.Task("a").critical);
  EXPECT_FALSE(p.Task("g").critical);
  std::vector<std::vector<std::string>> paths = {{"a", "b", "d", "f"}, {"a", "c", "e", "f"}};
  EXPECT_EQ(p.CriticalPaths(), paths);
  EXPECT_FALSE(p.plan.critical_paths_cut);
  EXPECT_FALSE(p.plan.start.has_value());
  EXPECT_FALSE(p.Task("a").start_date.has_value());
  EXPECT_EQ(p.plan.precedence_count, 10u);
}

TEST(Plan, CriticalPathsAreCutAtTheCap) {
  PlanOptions options;
  options.max_critical_paths = 1;
  Planned p = PlanAll(kTextbook, options);
  ASSERT_TRUE(p.ok);
  std::vector<std::vector<std::string>> paths = {{"a", "b", "d", "f"}};
  EXPECT_EQ(p.CriticalPaths(), paths);
  EXPECT_TRUE(p.plan.critical_paths_cut);
}

// Waves without capacity are the topological generations: {a h} {b c g} {d e i} {f}.
TEST(Plan, WavesAreGenerations) {
  Planned p = PlanAll(kTextbook);
  ASSERT_TRUE(p.ok);
  std::vector<std::vector<std::string>> waves = {
      {"a", "h"}, {"b", "c", "g"}, {"d", "e", "i"}, {"f"}};
  EXPECT_EQ(p.Waves(), waves);
}

// Capacity 2 (at most two tasks in progress on a day), serial schedule generation in order of
// least LS (a 0, b 3, c 3, g 4, d 7, e 7, h 7, f 9, i 11), then id, among the tasks whose
// predecessors are placed:
//   a [0,3).  b [3,7).  c [3,7) (day 3-6: b and c).  g: ready 3, days 3-6 full -> [7,12).
//   d: ready 7, day 7-8 hold g only -> [7,9).  e: ready 7, days 7-8 full (g d) -> [9,11).
//   h: ready 0, day 0-1 hold a -> [0,2).  f: ready max(9, 11, 12, 2) = 12 -> [12,15).
//   i: ready 7, days 7-10 full -> [11,12).
// Finish 15 (12 without the limit); g and i waited 4 days, e 2: all for "all work".
TEST(Plan, CapacityMovesTheDates) {
  PlanOptions options;
  options.capacity = 2;
  Planned p = PlanAll(kTextbook, options);
  ASSERT_TRUE(p.ok);
  auto placed = [&](const std::string& id) {
    const PlanTask& t = p.Task(id);
    return std::to_string(t.start) + "-" + std::to_string(t.finish) + " wait " +
           std::to_string(t.wait);
  };
  EXPECT_EQ(placed("a"), "0-3 wait 0");
  EXPECT_EQ(placed("b"), "3-7 wait 0");
  EXPECT_EQ(placed("c"), "3-7 wait 0");
  EXPECT_EQ(placed("g"), "7-12 wait 4");
  EXPECT_EQ(placed("d"), "7-9 wait 0");
  EXPECT_EQ(placed("e"), "9-11 wait 2");
  EXPECT_EQ(placed("h"), "0-2 wait 0");
  EXPECT_EQ(placed("f"), "12-15 wait 0");
  EXPECT_EQ(placed("i"), "11-12 wait 4");
  EXPECT_EQ(p.plan.duration_days, 15);
  EXPECT_EQ(p.plan.unconstrained_duration_days, 12);
  // The critical path method is unchanged by the limit.
  EXPECT_EQ(p.Cpm("g"), "3/8/4/9/1");
  ASSERT_EQ(p.plan.resources.size(), 1u);
  ASSERT_TRUE(p.plan.bottleneck.has_value());
  EXPECT_EQ(p.plan.resources[*p.plan.bottleneck].of, PlanResource::Of::kAll);
  EXPECT_EQ(p.plan.resources[0].wait_days, 10);
  EXPECT_EQ(p.plan.resources[0].waiting, 3u);
  EXPECT_EQ(Ids(p.landscape, p.plan.delayed), (std::vector<std::string>{"g", "i", "e"}));
  // Waves stay the generations, and start in time order: 0, 3, 7, 12.
  std::vector<std::vector<std::string>> waves = {
      {"a", "h"}, {"b", "c", "g"}, {"d", "e", "i"}, {"f"}};
  EXPECT_EQ(p.Waves(), waves);
  std::vector<int> starts;
  for (const PlanWave& w : p.plan.waves) starts.push_back(w.start);
  EXPECT_EQ(starts, (std::vector<int>{0, 3, 7, 12}));
  EXPECT_EQ(p.plan.waves[1].finish, 12);
}

// One Tieto task at a time (b c d e are Tieto's):
//   a [0,3).  b [3,7).  c: ready 3, Tieto busy to 7 -> [7,11), waited 4.  g (no vendor) [3,8).
//   d: ready 7, Tieto busy to 11 -> [11,13), waited 4.  e: ready 11, busy to 13 -> [13,15),
//   waited 2.  h [0,2).  f: ready max(13, 15, 8, 2) = 15 -> [15,18).  i: ready 11 -> [11,12).
TEST(Plan, VendorCapacityMovesTheDates) {
  PlanOptions options;
  options.vendor_capacity = 1;
  Planned p = PlanAll(kTextbook, options);
  ASSERT_TRUE(p.ok);
  EXPECT_EQ(p.Task("c").start, 7);
  EXPECT_EQ(p.Task("c").wait, 4);
  EXPECT_EQ(p.Task("d").start, 11);
  EXPECT_EQ(p.Task("d").wait, 4);
  EXPECT_EQ(p.Task("e").start, 13);
  EXPECT_EQ(p.Task("e").wait, 2);
  EXPECT_EQ(p.Task("e").delay, 6);
  EXPECT_EQ(p.Task("f").start, 15);
  EXPECT_EQ(p.Task("f").wait, 0);  // later only because its predecessors are
  EXPECT_EQ(p.Task("f").delay, 6);
  EXPECT_EQ(p.Task("i").start, 11);
  EXPECT_EQ(p.plan.duration_days, 18);
  ASSERT_TRUE(p.plan.bottleneck.has_value());
  const PlanResource& tieto = p.plan.resources[*p.plan.bottleneck];
  EXPECT_EQ(tieto.of, PlanResource::Of::kVendor);
  EXPECT_EQ(tieto.name, "Tieto");
  EXPECT_EQ(tieto.wait_days, 10);
  EXPECT_EQ(p.plan.resources[p.Task("d").waiting_for].name, "Tieto");
}

// x and y feed each other: they form a bundle of 5 days (the longer member) between z and w.
// z 0-1, {x y} 1-6, w 6-9. p q r form a triangle; its shortest proving cycle from p is p q r p.
const char* kBundles = R"json({
  "format": "landskap/1",
  "systems": [
    {"id": "w", "cutover": {"effort_days": 3}},
    {"id": "x", "vendor": "V", "cutover": {"effort_days": 2}},
    {"id": "y", "vendor": "V", "cutover": {"effort_days": 5}},
    {"id": "z", "cutover": {"effort_days": 1}},
    {"id": "p", "cutover": {"effort_days": 1}},
    {"id": "q", "cutover": {"effort_days": 1}},
    {"id": "r", "cutover": {"effort_days": 1}}
  ],
  "integrations": [
    {"id": "x-y", "from": "x", "to": "y"}, {"id": "y-x", "from": "y", "to": "x"},
    {"from": "z", "to": "x"}, {"from": "y", "to": "w"},
    {"id": "pq", "from": "p", "to": "q"}, {"id": "qr", "from": "q", "to": "r"},
    {"id": "rp", "from": "r", "to": "p"}
  ]})json";

TEST(Plan, BundlesSwitchTogetherWithAProvingCycle) {
  Planned p = PlanAll(kBundles);
  ASSERT_TRUE(p.ok) << Messages(p.diagnostics);
  ASSERT_EQ(p.plan.bundles.size(), 2u);
  const PlanBundle& pqr = p.plan.bundles[0];
  EXPECT_EQ(Ids(p.landscape, pqr.systems), (std::vector<std::string>{"p", "q", "r"}));
  EXPECT_EQ(Ids(p.landscape, pqr.cycle), (std::vector<std::string>{"p", "q", "r", "p"}));
  ASSERT_EQ(pqr.cycle_via.size(), 3u);
  EXPECT_EQ(p.landscape.integrations[*pqr.cycle_via[2]].id, "rp");
  const PlanBundle& xy = p.plan.bundles[1];
  EXPECT_EQ(Ids(p.landscape, xy.systems), (std::vector<std::string>{"x", "y"}));
  EXPECT_EQ(Ids(p.landscape, xy.cycle), (std::vector<std::string>{"x", "y", "x"}));
  EXPECT_EQ(p.Task("x").bundle, 1);
  EXPECT_EQ(p.Task("w").bundle, -1);
  EXPECT_EQ(p.Cpm("z"), "0/1/0/1/0");
  EXPECT_EQ(p.Cpm("x"), "1/6/1/6/0");
  EXPECT_EQ(p.Cpm("y"), "1/6/1/6/0");
  EXPECT_EQ(p.Task("x").duration, 5);
  EXPECT_EQ(p.Cpm("w"), "6/9/6/9/0");
  EXPECT_EQ(p.Cpm("p"), "0/1/8/9/8");
  std::vector<std::vector<std::string>> paths = {{"z", "x", "y", "w"}};
  EXPECT_EQ(p.CriticalPaths(), paths);
  std::vector<std::vector<std::string>> waves = {{"p", "q", "r", "z"}, {"x", "y"}, {"w"}};
  EXPECT_EQ(p.Waves(), waves);
}

// A bundle is one task that uses every member's resources, at most a resource's capacity.
// Capacity 2 in all, V 1 at a time. LS: z 0, xy 1, w 6, pqr 8.
//   z [0,1).  xy (two of V's: takes V whole, 2 of all) ready 1 -> [1,6).  w ready 6 -> [6,9).
//   pqr (3 members: takes all 2 places) ready 0: day 0 holds z, 1-5 xy, 6-8 w -> [9,10).
TEST(Plan, ABundleLargerThanTheCapacityTakesAllOfIt) {
  PlanOptions options;
  options.capacity = 2;
  options.vendor_capacity = 1;
  Planned p = PlanAll(kBundles, options);
  ASSERT_TRUE(p.ok);
  EXPECT_EQ(p.Task("z").start, 0);
  EXPECT_EQ(p.Task("x").start, 1);
  EXPECT_EQ(p.Task("y").finish, 6);
  EXPECT_EQ(p.Task("w").start, 6);
  EXPECT_EQ(p.Task("p").start, 9);
  EXPECT_EQ(p.Task("q").wait, 9);
  EXPECT_EQ(p.plan.duration_days, 10);
  std::vector<std::vector<std::string>> waves = {{"p", "q", "r", "z"}, {"x", "y"}, {"w"}};
  EXPECT_EQ(p.Waves(), waves);
  EXPECT_TRUE(p.plan.waves[0].over_capacity);
  EXPECT_TRUE(p.plan.waves[1].over_capacity);
  EXPECT_FALSE(p.plan.waves[2].over_capacity);
}

TEST(Plan, AFixedDateBeforeAPredecessorFinishesIsAnError) {
  PlanOptions options;
  options.start = ParseDate("2019-09-23");
  Planned p = PlanAll(R"json({
    "format": "landskap/1",
    "systems": [
      {"id": "fr", "cutover": {"effort_days": 5}},
      {"id": "m", "cutover": {"effort_days": 10}},
      {"id": "gis", "cutover": {"effort_days": 2, "fixed_date": "2019-10-01"}}
    ],
    "integrations": [{"from": "fr", "to": "m"}, {"id": "m-to-gis", "from": "m", "to": "gis"}]
  })json",
                      options);
  EXPECT_FALSE(p.ok);
  EXPECT_EQ(Messages(p.diagnostics),
            "inline.json: /systems/2/cutover/fixed_date: error: gis cannot start on its fixed "
            "date 2019-10-01: it must come after m (integration m-to-gis), which finishes on "
            "2019-10-11 at the earliest (chain: fr → m)\n");
  // In working days from Monday 23 September: fr 23-27 September, m 30 September to
  // 11 October (two weeks).
}

// A fixed date pins the start (no slack) and pushes what follows; the plan's day 0 is the
// earliest fixed date when no start is given. reg is fixed on 2019-09-02 (day 0), tst on
// 2019-09-09 (day 7); app (4 days) consumes from both: it starts on day max(0 + 2, 7 + 1) = 8.
// reg may slip 6 days (its latest finish is app's latest start, 8) before the end moves.
// reg2 is fixed on 2019-09-04 (day 2) with nothing after it: 2-3, slack 12 - 3 = 9; pre2 before
// it must finish by reg2's date, not by reg2's latest start: LF 2, LS 1, slack 1.
TEST(Plan, FixedDatesPinTheStartAndDefineDayZero) {
  PlanOptions all_days;
  all_days.calendar = Calendar(Calendar::Kind::kAllDays);
  Planned p = PlanAll(R"json({
    "format": "landskap/1",
    "systems": [
      {"id": "reg", "cutover": {"effort_days": 2, "fixed_date": "2019-09-02"}},
      {"id": "tst", "cutover": {"effort_days": 1, "fixed_date": "2019-09-09"}},
      {"id": "app", "cutover": {"effort_days": 4}},
      {"id": "loose", "cutover": {"effort_days": 1}},
      {"id": "reg2", "cutover": {"effort_days": 1, "fixed_date": "2019-09-04"}},
      {"id": "pre2", "cutover": {"effort_days": 1}}
    ],
    "integrations": [{"from": "reg", "to": "app"}, {"from": "tst", "to": "app"},
                     {"from": "pre2", "to": "reg2"}]
  })json",
                      all_days);
  ASSERT_TRUE(p.ok) << Messages(p.diagnostics);
  EXPECT_EQ(FormatDate(*p.plan.start), "2019-09-02");
  EXPECT_EQ(p.Cpm("reg"), "0/2/6/8/6");
  EXPECT_EQ(p.Cpm("tst"), "7/8/7/8/0");
  EXPECT_EQ(p.Cpm("app"), "8/12/8/12/0");
  EXPECT_EQ(p.Cpm("loose"), "0/1/11/12/11");
  EXPECT_EQ(p.Cpm("reg2"), "2/3/11/12/9");
  EXPECT_EQ(p.Cpm("pre2"), "0/1/1/2/1");
  EXPECT_EQ(FormatDate(*p.Task("app").start_date), "2019-09-10");
  EXPECT_EQ(FormatDate(*p.Task("app").finish_date), "2019-09-13");
  EXPECT_EQ(FormatDate(*p.plan.finish_date), "2019-09-13");
  // The chain that decides the end starts on tst's fixed date.
  std::vector<std::vector<std::string>> paths = {{"tst", "app"}};
  EXPECT_EQ(p.CriticalPaths(), paths);
}

TEST(Plan, AFixedDateBeforeTheStartIsAnError) {
  PlanOptions options;
  options.start = ParseDate("2019-09-23");
  Planned p = PlanAll(R"json({"format": "landskap/1", "systems": [
      {"id": "a"}, {"id": "reg", "cutover": {"fixed_date": "2019-09-20"}}]})json",
                      options);
  EXPECT_FALSE(p.ok);
  EXPECT_EQ(Messages(p.diagnostics),
            "inline.json: /systems/1/cutover/fixed_date: error: reg is fixed to start on "
            "2019-09-20, before the plan starts on 2019-09-23 (--start); give an earlier "
            "--start\n");
}

TEST(Plan, AnAfterCycleIsAnErrorNamingTheCycle) {
  Planned p = PlanAll(R"json({
    "format": "landskap/1",
    "systems": [
      {"id": "a", "cutover": {"after": ["c"]}},
      {"id": "b", "cutover": {"after": ["a"]}},
      {"id": "c"}
    ],
    "integrations": [{"id": "b-to-c", "from": "b", "to": "c"}]
  })json");
  EXPECT_FALSE(p.ok);
  // Precedence pairs: a->b (after), b->c (integration), c->a (after). The first `after` pair
  // a->b gives the cycle a b c a, reported once although it holds two `after` constraints.
  EXPECT_EQ(Messages(p.diagnostics),
            "inline.json: /systems/1/cutover/after: error: cycle in the cutover order through "
            "'after': a → b → c → a (b after a; integration b-to-c; a after c); a system listed "
            "in 'after' must finish before this one starts, so the circle cannot be cut over in "
            "any order\n");
}

// 52 pairs that each demand to come after the other: 50 cycles are listed, and the 54 `after`
// constraints not looked at (a50 and a51's pairs from both sides, and the 50 listed cycles seen
// from their other side, which come later in id order) are counted.
TEST(Plan, AfterCyclesAreListedUpToFifty) {
  std::string systems;
  for (int i = 0; i < 52; ++i) {
    std::string n = (i < 10 ? "0" : "") + std::to_string(i);
    systems += std::string(i ? "," : "") + R"({"id": "a)" + n + R"(", "cutover": {"after": ["b)" +
               n + R"("]}}, {"id": "b)" + n + R"(", "cutover": {"after": ["a)" + n + R"("]}})";
  }
  Planned p = PlanAll(R"({"format": "landskap/1", "systems": [)" + systems + "]}");
  EXPECT_FALSE(p.ok);
  ASSERT_EQ(p.diagnostics.ErrorCount(), 51u);
  EXPECT_EQ(p.diagnostics.Items()[49].message.rfind(
                "cycle in the cutover order through 'after': a49 → b49 → a49 (b49 after a49; a49 "
                "after b49)",
                0),
            0u);
  EXPECT_EQ(p.diagnostics.Items()[50].message,
            "not listed: 54 more 'after' constraints inside systems that switch together");
}

// An integration cycle alone is a bundle, not an error; bundle members fixed to different
// dates cannot switch together.
TEST(Plan, BundleMembersFixedToDifferentDatesIsAnError) {
  Planned p = PlanAll(R"json({
    "format": "landskap/1",
    "systems": [
      {"id": "a", "cutover": {"fixed_date": "2019-09-02"}},
      {"id": "b", "cutover": {"fixed_date": "2019-09-09"}}
    ],
    "integrations": [{"from": "a", "to": "b"}, {"from": "b", "to": "a"}]
  })json");
  EXPECT_FALSE(p.ok);
  EXPECT_EQ(Messages(p.diagnostics),
            "inline.json: /systems/1/cutover/fixed_date: error: b is fixed to start on "
            "2019-09-09 and a on 2019-09-02, but they must switch together: a → b → a\n");
}

// 2019-09-27 is a Friday. a (3 working days): Fri 27, Mon 30, Tue 1 Oct. b (2): Wed 2, Thu 3.
// In calendar days: a Fri 27 to Sun 29, b Mon 30 to Tue 1.
const char* kWeekend = R"json({
  "format": "landskap/1",
  "systems": [
    {"id": "a", "cutover": {"effort_days": 3}},
    {"id": "b", "cutover": {"effort_days": 2}}
  ],
  "integrations": [{"from": "a", "to": "b"}]})json";

TEST(Plan, WorkdaysSkipWeekends) {
  PlanOptions options;
  options.start = ParseDate("2019-09-27");
  Planned p = PlanAll(kWeekend, options);  // working days: the default
  ASSERT_TRUE(p.ok);
  EXPECT_EQ(FormatDate(*p.Task("a").start_date), "2019-09-27");
  EXPECT_EQ(FormatDate(*p.Task("a").finish_date), "2019-10-01");
  EXPECT_EQ(FormatDate(*p.Task("b").start_date), "2019-10-02");
  EXPECT_EQ(FormatDate(*p.Task("b").finish_date), "2019-10-03");
  options.calendar = Calendar(Calendar::Kind::kAllDays);
  Planned c = PlanAll(kWeekend, options);
  EXPECT_EQ(FormatDate(*c.Task("a").finish_date), "2019-09-29");
  EXPECT_EQ(FormatDate(*c.Task("b").start_date), "2019-09-30");
  EXPECT_EQ(FormatDate(*c.Task("b").finish_date), "2019-10-01");
}

TEST(Plan, WorkdayOffsetsAndDates) {
  Calendar working;
  Calendar all(Calendar::Kind::kAllDays);
  DayNumber saturday = *ParseDate("2019-09-28");
  // A plan starting on a Saturday starts its work on Monday.
  EXPECT_EQ(FormatDate(working.Date(saturday, 0)), "2019-09-30");
  EXPECT_EQ(FormatDate(working.Date(saturday, 5)), "2019-10-07");
  EXPECT_EQ(working.Offset(saturday, *ParseDate("2019-10-07")), 5);
  EXPECT_EQ(working.Offset(*ParseDate("2019-09-27"), *ParseDate("2019-09-30")), 1);
  EXPECT_EQ(working.Offset(*ParseDate("2019-09-27"), *ParseDate("2019-09-23")), -4);
  // Monday 30 December is day 0, Tuesday 31 day 1, 1 January (nyttårsdag) is closed.
  EXPECT_EQ(FormatDate(working.Date(*ParseDate("2019-12-30"), 2)), "2020-01-02");
  EXPECT_EQ(FormatDate(all.Date(*ParseDate("2019-12-30"), 2)), "2020-01-01");
}

// Deadline Wednesday 2019-10-02: b's last day is Thursday 3 Oct, one working day late.
// Deadline Saturday 2019-09-28: a works Mon 30 and Tue 1 after it (2), b four days (Mon-Thu).
TEST(Plan, DeadlineLateness) {
  PlanOptions options;
  options.start = ParseDate("2019-09-27");
  options.deadline = ParseDate("2019-10-02");
  Planned p = PlanAll(kWeekend, options);
  ASSERT_TRUE(p.ok);
  EXPECT_EQ(Ids(p.landscape, p.plan.late), (std::vector<std::string>{"b"}));
  EXPECT_EQ(p.Task("b").days_late, 1);
  EXPECT_EQ(p.Task("a").days_late, 0);
  options.deadline = ParseDate("2019-09-28");
  Planned q = PlanAll(kWeekend, options);
  EXPECT_EQ(Ids(q.landscape, q.plan.late), (std::vector<std::string>{"b", "a"}));
  EXPECT_EQ(q.Task("a").days_late, 2);
  EXPECT_EQ(q.Task("b").days_late, 4);
  options.deadline = ParseDate("2019-10-03");
  Planned r = PlanAll(kWeekend, options);
  EXPECT_TRUE(r.plan.late.empty());
}

TEST(Plan, ADeadlineNeedsACalendar) {
  PlanOptions options;
  options.deadline = ParseDate("2020-01-01");
  Planned p = PlanAll(kWeekend, options);
  EXPECT_FALSE(p.ok);
  EXPECT_EQ(Messages(p.diagnostics),
            "inline.json: error: a deadline needs a calendar: give the plan's first day with "
            "--start DATE\n");
}

// Tasks of a key change: the holders of the key and what it reaches. Here kommunenummer is
// held by reg and flows reg -> sak -> arkiv; lonn does not receive it and is not a task, so
// its `after` on sak and the integration sak -> lonn order nothing. Default effort: 5 days.
TEST(Plan, TasksOfAKeyChangeWithTheDefaultEffort) {
  Landscape l = Parse(R"json({
    "format": "landskap/1",
    "systems": [
      {"id": "reg", "keys": ["kommunenummer"], "cutover": {"effort_days": 2.5}},
      {"id": "sak"},
      {"id": "arkiv", "cutover": {"effort_days": 1}},
      {"id": "lonn", "cutover": {"after": ["sak"]}}
    ],
    "integrations": [
      {"from": "reg", "to": "sak", "carries": ["kommunenummer"]},
      {"from": "sak", "to": "arkiv", "carries": ["kommunenummer"]},
      {"from": "sak", "to": "lonn"}
    ]})json");
  PlanOptions options;
  ImpactQuery query;
  query.key = l.FindKey("kommunenummer");
  Graph graph(l);
  Plan plan;
  Diagnostics d("inline.json");
  ImpactResult impact = ComputeImpact(graph, query);
  ASSERT_TRUE(ComputePlan(graph, options, &impact, &plan, &d));
  ExpectPrecedenceHolds(l, plan);
  ASSERT_EQ(plan.tasks.size(), 3u);
  EXPECT_EQ(plan.Find(*l.FindSystem("lonn")), nullptr);
  // reg 2.5 -> 3 days: 0-3; sak (default 5): 3-8; arkiv 8-9.
  const PlanTask& sak = *plan.Find(*l.FindSystem("sak"));
  EXPECT_EQ(sak.es, 3);
  EXPECT_EQ(sak.duration, 5);
  EXPECT_FALSE(sak.estimated);
  EXPECT_TRUE(plan.Find(*l.FindSystem("reg"))->estimated);
  EXPECT_EQ(plan.duration_days, 9);
  options.default_effort_days = 1;
  ASSERT_TRUE(ComputePlan(graph, options, &impact, &plan, &d));
  EXPECT_EQ(plan.duration_days, 5);
  // --through-all reaches lonn, and its `after` then counts as well as the integration.
  query.through_all = true;
  impact = ComputeImpact(graph, query);
  ASSERT_TRUE(ComputePlan(graph, options, &impact, &plan, &d));
  ExpectPrecedenceHolds(l, plan);
  EXPECT_EQ(plan.tasks.size(), 4u);
  EXPECT_EQ(plan.Find(*l.FindSystem("lonn"))->es, 4);
}

// Eleven systems of 100 000 days in a chain: the eleventh would end after day 1 000 000.
TEST(Plan, AnAbsurdlyLongPlanIsAnError) {
  std::string systems, integrations;
  for (int i = 0; i <= 10; ++i) {
    std::string id = "s" + std::string(i < 10 ? "0" : "") + std::to_string(i);
    systems += std::string(i ? "," : "") + R"({"id": ")" + id +
               R"(", "cutover": {"effort_days": 100000}})";
    if (i)
      integrations += std::string(i > 1 ? "," : "") + R"({"from": "s0)" + std::to_string(i - 1) +
                      R"(", "to": ")" + id + R"("})";
  }
  Planned p = PlanAll(R"({"format": "landskap/1", "systems": [)" + systems +
                      R"(], "integrations": [)" + integrations + "]}");
  EXPECT_FALSE(p.ok);
  EXPECT_EQ(Messages(p.diagnostics),
            "inline.json: /systems/10/cutover/effort_days: error: the plan would run longer "
            "than 1000000 days by the time s10 is done; check the effort_days values\n");
}

// The same input gives the same plan, field by field.
TEST(Plan, IsDeterministic) {
  Planned a = PlanAll(kBundles);
  Planned b = PlanAll(kBundles);
  ASSERT_EQ(a.plan.tasks.size(), b.plan.tasks.size());
  for (size_t i = 0; i < a.plan.tasks.size(); ++i) {
    EXPECT_EQ(a.plan.tasks[i].system, b.plan.tasks[i].system);
    EXPECT_EQ(a.plan.tasks[i].es, b.plan.tasks[i].es);
    EXPECT_EQ(a.plan.tasks[i].wave, b.plan.tasks[i].wave);
  }
  EXPECT_EQ(a.CriticalPaths(), b.CriticalPaths());
}

TEST(Plan, AnEmptyPlan) {
  Planned p = PlanAll(R"json({"format": "landskap/1", "systems": []})json");
  ASSERT_TRUE(p.ok);
  EXPECT_TRUE(p.plan.tasks.empty());
  EXPECT_TRUE(p.plan.waves.empty());
  EXPECT_EQ(p.plan.duration_days, 0);
}

// Working days across Easter and Christmas 2019, from Monday 15 April:
//   a (5 days): Mon 15, Tue 16, Wed 17; Thu 18 skjærtorsdag, Fri 19 langfredag, the weekend
//     and Mon 22 2. påskedag are closed; Tue 23, Wed 24. Finishes 2019-04-24.
//   b after a (3 days): Thu 25, Fri 26, Mon 29.
//   c fixed to Friday 20 December (5 days): Fri 20, Mon 23, Tue 24 (julaften is no public
//     holiday), Wed 25 and Thu 26 closed, Fri 27, Mon 30. d after c (2 days): Tue 31, then
//     1 January is closed: Thu 2 January.
// With the Christmas week closed (23 to 31 December): c works Fri 20, Thu 2, Fri 3, Mon 6,
// Tue 7 January; d Wed 8 and Thu 9.
const char* kHolidays = R"json({
  "format": "landskap/1",
  "systems": [
    {"id": "a", "cutover": {"effort_days": 5}},
    {"id": "b", "cutover": {"effort_days": 3, "after": ["a"]}},
    {"id": "c", "cutover": {"effort_days": 5, "fixed_date": "2019-12-20"}},
    {"id": "d", "cutover": {"effort_days": 2, "after": ["c"]}}
  ]})json";

TEST(Plan, WorkingDaysAcrossEasterAndChristmas2019) {
  PlanOptions options;
  options.start = ParseDate("2019-04-15");
  options.deadline = ParseDate("2019-12-31");
  Planned p = PlanAll(kHolidays, options);
  ASSERT_TRUE(p.ok) << Messages(p.diagnostics);
  auto span = [&](const Planned& x, const std::string& id) {
    const PlanTask& t = x.Task(id);
    return FormatDate(*t.start_date) + ".." + FormatDate(*t.finish_date);
  };
  EXPECT_EQ(span(p, "a"), "2019-04-15..2019-04-24");
  EXPECT_EQ(span(p, "b"), "2019-04-25..2019-04-29");
  EXPECT_EQ(span(p, "c"), "2019-12-20..2019-12-30");
  EXPECT_EQ(span(p, "d"), "2019-12-31..2020-01-02");
  EXPECT_EQ(FormatDate(*p.plan.finish_date), "2020-01-02");
  // 31 December is d's first day; 2 January is one working day after the deadline.
  EXPECT_EQ(p.Task("d").days_late, 1);
  options.calendar = Calendar(Calendar::Kind::kWorkingDays,
                              {{*ParseDate("2019-12-23"), *ParseDate("2019-12-31"), "jul"}});
  Planned closed = PlanAll(kHolidays, options);
  ASSERT_TRUE(closed.ok) << Messages(closed.diagnostics);
  EXPECT_EQ(span(closed, "c"), "2019-12-20..2020-01-07");
  EXPECT_EQ(span(closed, "d"), "2020-01-08..2020-01-09");
  // Every day counts: a 15-19 April, c 20-24 December, d 25-26 December.
  options.calendar = Calendar(Calendar::Kind::kAllDays);
  Planned all = PlanAll(kHolidays, options);
  EXPECT_EQ(span(all, "a"), "2019-04-15..2019-04-19");
  EXPECT_EQ(span(all, "d"), "2019-12-25..2019-12-26");
}

// Two vendors that can each work on one system at a time (the file's "resources"), a chain
// v1 -> v2 -> v3 and a fork f0 -> f1, f0 -> f2, from Monday 2 September 2019 (no holidays).
//   Without limits: v1 0-2, v2 2-5, v3 5-7; f0 0-1, f1 1-4, f2 1-3; 7 days.
//   LS: v1 0, v2 2, f0 3, f1 4, v3 5, f2 5.
//   Placed: v1 A [0,2); v2 A [2,5); f0 B [0,1); f1 A ready 1, A busy to 5 -> [5,8), waited
//   4 for A; f2 B [1,3); v3 B ready 5 -> [5,7). 8 days: the finish moves one day, A is the
//   bottleneck.
// Dates: 0 Mon 2, 1 Tue 3, 2 Wed 4, 3 Thu 5, 4 Fri 6, 5 Mon 9, 6 Tue 10, 7 Wed 11 September.
const char* kTwoVendors = R"json({
  "format": "landskap/1",
  "resources": [{"vendor": "A", "capacity": 1}, {"vendor": "B", "capacity": 1}],
  "systems": [
    {"id": "v1", "vendor": "A", "cutover": {"effort_days": 2}},
    {"id": "v2", "vendor": "A", "cutover": {"effort_days": 3}},
    {"id": "v3", "vendor": "B", "cutover": {"effort_days": 2}},
    {"id": "f0", "vendor": "B", "cutover": {"effort_days": 1}},
    {"id": "f1", "vendor": "A", "cutover": {"effort_days": 3}},
    {"id": "f2", "vendor": "B", "cutover": {"effort_days": 2}}
  ],
  "integrations": [{"from": "v1", "to": "v2"}, {"from": "v2", "to": "v3"},
                   {"from": "f0", "to": "f1"}, {"from": "f0", "to": "f2"}]})json";

TEST(Plan, TwoVendorsOfCapacityOneByHand) {
  PlanOptions options;
  options.start = ParseDate("2019-09-02");
  options.deadline = ParseDate("2019-09-10");
  Planned p = PlanAll(kTwoVendors, options);
  ASSERT_TRUE(p.ok) << Messages(p.diagnostics);
  auto span = [&](const std::string& id) {
    const PlanTask& t = p.Task(id);
    return FormatDate(*t.start_date) + ".." + FormatDate(*t.finish_date);
  };
  EXPECT_EQ(span("v1"), "2019-09-02..2019-09-03");
  EXPECT_EQ(span("v2"), "2019-09-04..2019-09-06");
  EXPECT_EQ(span("v3"), "2019-09-09..2019-09-10");
  EXPECT_EQ(span("f0"), "2019-09-02..2019-09-02");
  EXPECT_EQ(span("f1"), "2019-09-09..2019-09-11");
  EXPECT_EQ(span("f2"), "2019-09-03..2019-09-04");
  EXPECT_EQ(FormatDate(*p.Task("f1").unconstrained_start_date), "2019-09-03");
  EXPECT_EQ(p.Task("f1").wait, 4);
  EXPECT_EQ(p.Task("f1").delay, 4);
  EXPECT_EQ(FormatDate(*p.plan.unconstrained_finish_date), "2019-09-10");
  EXPECT_EQ(FormatDate(*p.plan.finish_date), "2019-09-11");
  ASSERT_TRUE(p.plan.bottleneck.has_value());
  EXPECT_EQ(p.plan.resources[*p.plan.bottleneck].name, "A");
  EXPECT_TRUE(p.plan.resources[*p.plan.bottleneck].from_file);
  EXPECT_EQ(Ids(p.landscape, p.plan.delayed), (std::vector<std::string>{"f1"}));
  // The deadline judges the finish with the limits: f1 is one day late, nothing else.
  EXPECT_EQ(Ids(p.landscape, p.plan.late), (std::vector<std::string>{"f1"}));
  // An option does not override the file: --vendor-capacity 5 leaves A and B at 1.
  options.vendor_capacity = 5;
  Planned q = PlanAll(kTwoVendors, options);
  EXPECT_EQ(q.plan.duration_days, 8);
}

// Whose task: 1246 changes its number, so its systems and the intermunicipal one are ours;
// Skatteetaten's is an external dependency. --owner-capacity limits our owners only.
const char* kOwners = R"json({
  "format": "landskap/1",
  "changes": [{"key": "kommunenummer", "from": "1246", "to": "4626"}],
  "systems": [
    {"id": "a-ordningen", "kind": "national", "owner": "Skatteetaten", "cutover": {"effort_days": 2}},
    {"id": "skatt2", "kind": "national", "owner": "Skatteetaten", "cutover": {"effort_days": 2}},
    {"id": "lonn", "kind": "municipal", "owner": "1246", "cutover": {"effort_days": 3}},
    {"id": "sak", "kind": "municipal", "owner": "1246", "cutover": {"effort_days": 3}},
    {"id": "ppt", "kind": "intermunicipal", "owner": "PPT-samarbeid", "cutover": {"effort_days": 1}}
  ],
  "integrations": [{"from": "a-ordningen", "to": "lonn"}]})json";

TEST(Plan, OurTasksAndExternalDependencies) {
  PlanOptions options;
  options.owner_capacity = 1;
  Planned p = PlanAll(kOwners, options);
  ASSERT_TRUE(p.ok) << Messages(p.diagnostics);
  EXPECT_TRUE(p.Task("a-ordningen").external);
  EXPECT_TRUE(p.Task("skatt2").external);
  EXPECT_FALSE(p.Task("lonn").external);
  EXPECT_FALSE(p.Task("ppt").external);
  // The changing number and the new one it becomes (1246 → 4626): after a merge the new
  // municipality's systems are the merger's own work too.
  EXPECT_EQ(p.plan.owner_tasks, (std::vector<std::string>{"1246", "4626"}));
  // 1246 works on one system at a time. lonn and sak both have LS 2: lonn first by id, ready
  // when a-ordningen is done: [2,5). sak (3 days) cannot fit before day 2: [5,8), waited 5.
  // Skatteetaten is not limited: both its systems run at once.
  EXPECT_EQ(p.Task("lonn").start, 2);
  EXPECT_EQ(p.Task("sak").start, 5);
  EXPECT_EQ(p.Task("sak").wait, 5);
  EXPECT_EQ(p.plan.resources[p.Task("sak").waiting_for].name, "1246");
  EXPECT_EQ(p.Task("skatt2").start, 0);
  EXPECT_EQ(p.Task("a-ordningen").start, 0);
  options.owner_tasks = std::vector<std::string>{"Skatteetaten"};
  Planned q = PlanAll(kOwners, options);
  EXPECT_FALSE(q.Task("a-ordningen").external);
  EXPECT_TRUE(q.Task("lonn").external);
  EXPECT_TRUE(q.Task("ppt").external);   // an explicit list is exact
  EXPECT_EQ(q.Task("skatt2").start, 2);  // a-ordningen (LS 0) first
}

TEST(Plan, TheResourcesSectionIsChecked) {
  Landscape l;
  Diagnostics d = testing::ParseErrors(R"json({"format": "landskap/1",
    "resources": [{"vendor": "Tieto", "capacity": 2}, {"owner": "1246"},
                  {"vendor": "X", "owner": "1246", "capacity": 1}, {"vendor": "Y", "capacity": 0},
                  {"vendor": "Z", "capacity": 1.5}, {"vendor": "Tieto", "capacity": 3}, 7,
                  {"owner": "1245", "capacity": 3, "people": 4}],
    "systems": []})json",
                                       &l);
  EXPECT_EQ(Messages(d),
            "inline.json: /resources/1: error: a resource has no 'capacity'; write how many of "
            "its tasks can be in progress on one working day, e.g. \"capacity\": 2\n"
            "inline.json: /resources/2: error: a resource names either 'vendor' or 'owner', not "
            "both; write {\"vendor\": \"Tieto\", \"capacity\": 2} or {\"owner\": \"1246\", "
            "\"capacity\": 3}\n"
            "inline.json: /resources/3/capacity: error: 'capacity' must be a whole number of "
            "tasks from 1 to 1000000, not 0\n"
            "inline.json: /resources/4/capacity: error: 'capacity' must be a whole number of "
            "tasks from 1 to 1000000, not 1.5\n"
            "inline.json: /resources/5/vendor: error: duplicate resource: vendor 'Tieto' is "
            "already given at /resources/0; keep one entry\n"
            "inline.json: /resources/6: error: a resource is an object like {\"vendor\": "
            "\"Tieto\", \"capacity\": 2} or {\"owner\": \"1246\", \"capacity\": 3}, not a "
            "number\n"
            "inline.json: /resources/7/people: warning: unknown field 'people' is ignored (known "
            "fields: vendor, owner, capacity)\n");
}

// The merger dataset, all systems, and the key change: precedence must hold everywhere.
TEST(Plan, MergerDatasetRespectsPrecedence) {
  std::string path = testing::SourcePath("datasets/oygarden-2020.json");
  if (!std::filesystem::exists(path)) LANDSKAP_SKIP_UNLESS_CI(path + " is not there");
  Landscape l;
  Diagnostics d(path);
  ASSERT_TRUE(LoadLandscapeFile(path, &l, &d)) << Messages(d);
  Graph graph(l);
  for (bool all : {true, false}) {
    PlanOptions options;
    options.all_systems = all;
    ImpactQuery query;
    query.key = l.FindKey("kommunenummer");
    ImpactResult impact = ComputeImpact(graph, query);
    options.start = ParseDate("2019-08-01");
    options.deadline = ParseDate("2020-01-01");
    Plan plan;
    Diagnostics pd(path);
    ASSERT_TRUE(ComputePlan(graph, options, &impact, &plan, &pd)) << Messages(pd);
    ExpectPrecedenceHolds(l, plan);
    EXPECT_FALSE(plan.tasks.empty());
  }
}

}  // namespace
}  // namespace landskap
