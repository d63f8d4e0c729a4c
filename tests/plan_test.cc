// The cutover plan on small landscapes whose schedules are computed by hand in the comments,
// and a checker that every plan the tests produce respects every precedence of its landscape.
#include "engine/plan.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "engine/load.h"
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
    EXPECT_LE(t.lf, plan.duration_days) << id;
    EXPECT_EQ(t.critical, t.slack == 0) << id;
    EXPECT_GE(t.wave, 1) << id;
    duration = std::max(duration, t.ef);
  }
  EXPECT_EQ(plan.duration_days, duration);
  // Every task in exactly one wave.
  size_t in_waves = 0;
  for (const PlanWave& w : plan.waves) {
    in_waves += w.systems.size();
    for (SystemIndex s : w.systems) EXPECT_EQ(plan.Find(s)->wave, w.wave);
  }
  EXPECT_EQ(in_waves, plan.tasks.size());
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

// Capacity 2, most critical first (slack, then remaining path: a 12, b 9, c 9, g 8, d 5, e 5,
// h 5, f 3, i 1; then id):
//   wave 1 ready {a h}: both.   wave 2 ready {b c g}: b, c (slack 0) before g (slack 1).
//   wave 3 ready {g d e i}: d, e.   wave 4 ready {g i}: both.   wave 5: f.
TEST(Plan, WavesUnderCapacity) {
  PlanOptions options;
  options.capacity = 2;
  Planned p = PlanAll(kTextbook, options);
  ASSERT_TRUE(p.ok);
  std::vector<std::vector<std::string>> waves = {
      {"a", "h"}, {"b", "c"}, {"d", "e"}, {"g", "i"}, {"f"}};
  EXPECT_EQ(p.Waves(), waves);
  // Capacity groups the work; the dates still follow precedence alone.
  EXPECT_EQ(p.Cpm("g"), "3/8/4/9/1");
}

// One Tieto task per wave (b c d e are Tieto's):
//   wave 1 {a h}.  wave 2 ready b c g: b (remaining 9, id before c), c waits, g has no vendor.
//   wave 3 ready c d: c (remaining 9) before d (5); d waits.  wave 4 ready d e i: d, i.
//   wave 5 e.  wave 6 f.
TEST(Plan, WavesUnderVendorCapacity) {
  PlanOptions options;
  options.vendor_capacity = 1;
  Planned p = PlanAll(kTextbook, options);
  ASSERT_TRUE(p.ok);
  std::vector<std::vector<std::string>> waves = {{"a", "h"}, {"b", "g"}, {"c"},
                                                 {"d", "i"}, {"e"},      {"f"}};
  EXPECT_EQ(p.Waves(), waves);
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

// A bundle counts as its members: with capacity 2 the triangle p q r does not fit any wave,
// so it goes alone into an overfull wave; z (slack 0) goes first.
TEST(Plan, ABundleLargerThanTheCapacityGoesAlone) {
  PlanOptions options;
  options.capacity = 2;
  options.vendor_capacity = 1;
  Planned p = PlanAll(kBundles, options);
  ASSERT_TRUE(p.ok);
  // wave 1 ready {z (slack 0), pqr (slack 8)}: z; pqr needs 3 places. wave 2 ready {pqr, xy}:
  // xy (slack 0) has two of V's systems: over the vendor capacity, but alone in its wave.
  // wave 3 ready {pqr, w}: w first (slack 0), pqr does not fit beside it. wave 4: pqr alone.
  std::vector<std::vector<std::string>> waves = {{"z"}, {"x", "y"}, {"w"}, {"p", "q", "r"}};
  EXPECT_EQ(p.Waves(), waves);
  EXPECT_FALSE(p.plan.waves[0].over_capacity);
  EXPECT_TRUE(p.plan.waves[1].over_capacity);
  EXPECT_TRUE(p.plan.waves[3].over_capacity);
}

// fr 0-5, m 5-15 (last day of work 2019-09-23 + 14 = 2019-10-07), but gis is fixed to start
// on 2019-10-01 (offset 8) and consumes from m.
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
            "2019-10-07 at the earliest (chain: fr → m)\n");
}

// A fixed date pins the start (no slack) and pushes what follows; the plan's day 0 is the
// earliest fixed date when no start is given. reg is fixed on 2019-09-02 (day 0), tst on
// 2019-09-09 (day 7); app (4 days) consumes from both: it starts on day max(0 + 2, 7 + 1) = 8.
// reg may slip 6 days (its latest finish is app's latest start, 8) before the end moves.
// reg2 is fixed on 2019-09-04 (day 2) with nothing after it: 2-3, slack 12 - 3 = 9; pre2 before
// it must finish by reg2's date, not by reg2's latest start: LF 2, LS 1, slack 1.
TEST(Plan, FixedDatesPinTheStartAndDefineDayZero) {
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
  })json");
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
  options.workdays = true;
  Planned p = PlanAll(kWeekend, options);
  ASSERT_TRUE(p.ok);
  EXPECT_EQ(FormatDate(*p.Task("a").start_date), "2019-09-27");
  EXPECT_EQ(FormatDate(*p.Task("a").finish_date), "2019-10-01");
  EXPECT_EQ(FormatDate(*p.Task("b").start_date), "2019-10-02");
  EXPECT_EQ(FormatDate(*p.Task("b").finish_date), "2019-10-03");
  options.workdays = false;
  Planned c = PlanAll(kWeekend, options);
  EXPECT_EQ(FormatDate(*c.Task("a").finish_date), "2019-09-29");
  EXPECT_EQ(FormatDate(*c.Task("b").start_date), "2019-09-30");
  EXPECT_EQ(FormatDate(*c.Task("b").finish_date), "2019-10-01");
}

TEST(Plan, WorkdayOffsetsAndDates) {
  DayNumber saturday = *ParseDate("2019-09-28");
  // A plan starting on a Saturday starts its work on Monday.
  EXPECT_EQ(FormatDate(OffsetToDate(saturday, 0, true)), "2019-09-30");
  EXPECT_EQ(FormatDate(OffsetToDate(saturday, 5, true)), "2019-10-07");
  EXPECT_EQ(DateToOffset(saturday, *ParseDate("2019-10-07"), true), 5);
  EXPECT_EQ(DateToOffset(*ParseDate("2019-09-27"), *ParseDate("2019-09-30"), true), 1);
  EXPECT_EQ(DateToOffset(*ParseDate("2019-09-27"), *ParseDate("2019-09-23"), true), -4);
  EXPECT_EQ(FormatDate(OffsetToDate(*ParseDate("2019-12-30"), 2, true)), "2020-01-01");
  EXPECT_EQ(FormatDate(OffsetToDate(*ParseDate("2019-12-30"), 2, false)), "2020-01-01");
}

// Deadline Wednesday 2019-10-02: b's last day is Thursday 3 Oct, one working day late.
// Deadline Saturday 2019-09-28: a works Mon 30 and Tue 1 after it (2), b four days (Mon-Thu).
TEST(Plan, DeadlineLateness) {
  PlanOptions options;
  options.start = ParseDate("2019-09-27");
  options.workdays = true;
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

// The merger dataset, all systems, and the key change: precedence must hold everywhere.
TEST(Plan, MergerDatasetRespectsPrecedence) {
  std::string path = testing::SourcePath("datasets/oygarden-2020.json");
  if (!std::filesystem::exists(path)) GTEST_SKIP() << path << " is not there yet";
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
