// The cutover plan as a Gantt chart: a time axis in weeks and months, one lane per owner (or
// vendor), a bar per task, the critical path in red, fixed dates and the deadline marked,
// waits before a task (for a fixed date or for capacity) hatched, and the work of others
// (national agencies, vendors) in its own band above ours. Drawn with cairo, one drawing for
// the SVG, PNG and PDF surfaces. Graphviz is the wrong tool for a timeline.
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
  double wait_x0 = 0;  // < x0 when the task waits
};
struct GanttLane {
  std::string name;
  bool external = false;
  double y0 = 0, y1 = 0;
};
struct GanttLayout {
  double width = 0, height = 0;
  double chart_x0 = 0, chart_x1 = 0, chart_y0 = 0, chart_y1 = 0;  // the time area
  double day_width = 0;                                           // points per day offset
  std::vector<GanttBar> bars;                                     // one per task, in task order
  std::vector<GanttLane> lanes;
  double XOf(int offset) const { return chart_x0 + offset * day_width; }
};
GanttLayout LayOutGantt(const GanttInput& input);

// Colours the tests and the legend share.
inline constexpr double kGanttCritical[3] = {0.75, 0.0, 0.0};    // #C00000
inline constexpr double kGanttOurs[3] = {0.0, 0.447, 0.698};     // #0072B2 (Okabe-Ito blue)
inline constexpr double kGanttExternal[3] = {0.45, 0.45, 0.45};  // grey

// Draws "svg", "png" or "pdf". False with *error for another format or a cairo failure.
// With `page` (--page A4|A3): a PDF gets pages as the diagrams do (one when the chart reads
// at that size, else an overview page with a numbered grid and a page per cell); an SVG or PNG
// is fitted to one page.
bool RenderGantt(const GanttInput& input, const std::string& format, std::string* out,
                 std::string* error, const PageOptions& page = {});

}  // namespace landskap::viz
