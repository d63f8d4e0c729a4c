// The cutover plan as a Gantt chart like a planner's: one row per task with its full name in a
// column at the left, grouped by lane (owner, or vendor) under the lane's name, the bar on a
// continuous calendar axis (months and weeks) at the right; holidays and closed periods are
// shaded bands with their names, never removed from the axis; fixed dates and milestones are
// diamonds, the deadline a line, the critical path red, waits hatched (capacity waits orange).
// The chart is written as SVG with its text as text (a browser's find, a screen reader and
// copy-paste see every name); librsvg draws the same SVG into PNG and PDF. On paper, pages break
// between rows and repeat the title and the axis.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/analysis/graph.h"
#include "engine/plan/calendar.h"
#include "engine/plan/plan.h"
#include "viz/i18n.h"
#include "viz/page.h"

namespace landskap::viz {

enum class GanttLanes { kOwner, kVendor };

// What the chart needs of a plan: the adapter (GanttFromPlan) is the one place that knows the
// Plan's fields, so that the chart follows when the plan learns more.
struct GanttTask {
  SystemIndex system = 0;
  std::string label;      // the system's name
  std::string lane;       // owner or vendor as shown
  int start = 0;          // day offset of the first day of work (capacity-aware schedule)
  int finish = 0;         // day offset after the last day of work (== start for no work)
  int ready = 0;          // day offset when its predecessors are done; < start: it waits
  int capacity_wait = 0;  // of those days, the last ones waited for a full resource
  bool critical = false;
  bool fixed = false;     // starts on a date fixed in the file
  bool external = false;  // others' work: not the plan's own owners (agencies, neighbours)
};

struct GanttInput {
  std::string title;
  std::vector<GanttTask> tasks;    // in the plan's order
  std::optional<DayNumber> start;  // the calendar of day 0; nullopt: days counted from 0
  Calendar calendar;
  int duration = 0;
  std::optional<int> deadline;  // day offset of the first day after the deadline
  std::optional<DayNumber> deadline_date;
  Language language = Language::kEnglish;
};

// Adapts a plan. Lanes: the owner with its new number ("1246 → 4626") or the vendor.
GanttInput GanttFromPlan(const Graph& graph, const Plan& plan, GanttLanes lanes, Language language,
                         std::string title);

// Where everything goes, in points, before drawing (also what the tests check).
struct GanttBar {
  size_t task = 0;  // index into GanttInput::tasks
  double x0 = 0, x1 = 0, y0 = 0, y1 = 0;
  double wait_x0 = 0;      // < x0 when the task waits
  double capacity_x0 = 0;  // < x0 when the last part of the wait is for capacity
  bool milestone = false;  // no work: drawn as a diamond at x0
};
struct GanttRow {
  bool heading = false;  // a lane's name; otherwise a task's row
  size_t task = 0;       // for a task's row
  std::string text;      // what the names column shows
  bool external = false;
  double y0 = 0, y1 = 0;
};
struct GanttLane {
  std::string name;
  bool external = false;
  double y0 = 0, y1 = 0;  // from its heading to its last task
};
// A stretch of days without work that the axis keeps: a holiday or a closed period.
struct GanttBand {
  std::string name;
  double x0 = 0, x1 = 0;
};
struct GanttTick {
  double x = 0;
  std::string text;
  std::string short_text;  // when `text` has no room: the month without its year
  bool month = false;      // a month's start (the upper row) or a week's (the lower)
  double room = 0;         // points up to the next tick of its row
};
struct GanttLayout {
  double width = 0, height = 0;
  double names_x0 = 0;                                            // the names column
  double chart_x0 = 0, chart_x1 = 0, chart_y0 = 0, chart_y1 = 0;  // the time area (rows)
  double axis_y0 = 0;                                             // the axis above chart_y0
  double day_width = 0;  // points per calendar day (per day offset without a calendar)
  std::optional<DayNumber> first_day;  // the axis's first calendar day
  std::vector<GanttRow> rows;          // headings and tasks, top to bottom
  std::vector<GanttBar> bars;          // one per task, in task order
  std::vector<GanttLane> lanes;
  std::vector<GanttBand> bands;
  std::vector<GanttTick> ticks;
  std::optional<double> deadline_x;
  // x of the start of a day offset of the plan (the calendar's working day `offset`), and of
  // the end of the last day before offset `finish`.
  double XOfOffset(const GanttInput& in, int offset) const;
  double XOfFinish(const GanttInput& in, int finish) const;
};
// `target_width`: the chart's width in points; the time area takes what the names column leaves.
// The default is a 1920-pixel screen's width: shown whole across it, no text is under 14 pixels.
// `min_chart_width`: the time area's least width (narrower for paper, where the page's width is
// all there is).
GanttLayout LayOutGantt(const GanttInput& input, double target_width = 1920,
                        double min_chart_width = 600);

// Colours the tests and the legend share.
inline constexpr double kGanttCritical[3] = {0.75, 0.0, 0.0};    // #C00000
inline constexpr double kGanttOurs[3] = {0.0, 0.447, 0.698};     // #0072B2 (Okabe-Ito blue)
inline constexpr double kGanttExternal[3] = {0.45, 0.45, 0.45};  // grey

// The smallest text of the chart, in points: every label of the chart is at least this size, so
// that a chart scaled to a 1920-pixel-wide screen shows it at 14 pixels or more (tests check it).
inline constexpr double kGanttSmallestText = 14;

// The SVG of the chart (all rows), text as text.
std::string GanttSvg(const GanttInput& input, const GanttLayout& layout);

// Draws "svg", "png" or "pdf". False with *error for another format or a drawing failure.
// With `page` (--page A4|A3): the chart is laid out for the page's width; a PDF breaks between
// rows onto as many pages as it needs, each with the title and the axis; an SVG or PNG is the
// whole chart fitted onto one page.
bool RenderGantt(const GanttInput& input, const std::string& format, std::string* out,
                 std::string* error, const PageOptions& page = {});

}  // namespace landskap::viz
