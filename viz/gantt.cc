// The Gantt chart: the adapter from the engine's Plan, the layout (lanes packed greedily so
// that tasks one after the other share a row), and the drawing with cairo's toy text API
// (DejaVu Sans through fontconfig). Text from the data is drawn as glyphs, so no name can
// become markup in the SVG; control characters are made visible first, as everywhere.
#include "viz/gantt.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <cairo.h>

#include <algorithm>
#include <cmath>
#include <map>

#include "engine/model/text.h"
#include "viz/names.h"

namespace landskap::viz {
namespace {

constexpr double kMargin = 24;
constexpr double kLaneLabelWidth = 230;
constexpr double kRowHeight = 17;
constexpr double kBarHeight = 13;
constexpr double kLaneGap = 6;
constexpr double kAxisHeight = 44;
constexpr double kTitleHeight = 58;
constexpr double kLegendHeight = 40;
constexpr double kChartWidth = 1400;  // the time axis aims at this width
constexpr const char* kFont = "DejaVu Sans";

int Year(DayNumber day) { return std::stoi(FormatDate(day).substr(0, 4)); }
int Month(DayNumber day) { return std::stoi(FormatDate(day).substr(5, 2)); }
int DayOfMonth(DayNumber day) { return std::stoi(FormatDate(day).substr(8, 2)); }

// ISO 8601 week number (Norway numbers weeks so: uke 1 holds the year's first Thursday).
int IsoWeek(DayNumber day) {
  DayNumber thursday = day - Weekday(day) + 3;
  DayNumber jan1 = *ParseDate(std::to_string(Year(thursday)) + "-01-01");
  return (thursday - jan1) / 7 + 1;
}

void SetColour(cairo_t* cr, const double (&rgb)[3]) {
  cairo_set_source_rgb(cr, rgb[0], rgb[1], rgb[2]);
}

void Font(cairo_t* cr, double size, bool bold) {
  cairo_select_font_face(cr, kFont, CAIRO_FONT_SLANT_NORMAL,
                         bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size(cr, size);
}

double TextWidth(cairo_t* cr, const std::string& text) {
  cairo_text_extents_t e;
  cairo_text_extents(cr, text.c_str(), &e);
  return e.x_advance;
}

void Text(cairo_t* cr, double x, double y, const std::string& text) {
  cairo_move_to(cr, x, y);
  cairo_show_text(cr, text.c_str());
}

// The text shortened with "…" to fit `width` points. No bar or lane is wide enough for more
// than kLabelChars characters, so longer text is cut to that first: measuring a 40 000-character
// name once per character dropped would take minutes.
std::string Fit(cairo_t* cr, const std::string& whole, double width) {
  const std::string text = Ellipsize(whole, kLabelChars);
  if (TextWidth(cr, text) <= width) return text;
  std::string cut = text;
  while (!cut.empty()) {
    // Drop one UTF-8 character.
    do cut.pop_back();
    while (!cut.empty() && (static_cast<unsigned char>(cut.back()) & 0xC0) == 0x80);
    if (!cut.empty()) cut.pop_back();
    if (TextWidth(cr, cut + "\u2026") <= width) return cut.empty() ? "" : cut + "\u2026";
  }
  return "";
}

// The calendar day of an offset, when the plan has a calendar.
std::optional<DayNumber> DateOf(const GanttInput& in, int offset) {
  if (!in.start) return std::nullopt;
  return in.calendar.Date(*in.start, offset);
}

}  // namespace

GanttInput GanttFromPlan(const Graph& graph, const Plan& plan, GanttLanes lanes, Language language,
                         std::string title) {
  const Landscape& l = graph.landscape();
  GanttInput in;
  in.title = Ellipsize(title, kTitleChars);
  in.language = language;
  in.start = plan.start;
  in.calendar = plan.calendar;
  in.duration = plan.duration_days;
  if (plan.deadline) {
    in.deadline_date = plan.deadline;
    if (plan.start) in.deadline = plan.calendar.Offset(*plan.start, *plan.deadline + 1);
  }
  for (const PlanTask& t : plan.tasks) {
    const System& s = l.systems[t.system];
    GanttTask task;
    task.system = t.system;
    task.label = VisibleText(s.Label());
    if (lanes == GanttLanes::kVendor)
      task.lane = s.vendor.empty() ? Tr(language, "(no vendor given)") : s.vendor;
    else
      task.lane = s.owner.empty() ? Tr(language, "(no owner given)") : OwnerWithChange(l, s.owner);
    task.lane = VisibleText(task.lane);
    task.start = t.start;
    task.finish = t.finish;
    task.capacity_wait = t.wait;
    task.critical = t.critical;
    task.fixed = s.cutover.fixed_date.has_value();
    // Others' work (the plan's own owners are the changing municipalities and the
    // intermunicipal companies): we wait for it, but cannot move it.
    task.external = t.external;
    // Ready when every predecessor in the plan is done: integrations between tasks (not
    // within a bundle, which switches together) and cutover.after.
    int ready = 0;
    auto consider = [&](SystemIndex before) {
      const PlanTask* p = plan.Find(before);
      if (p && !(p->bundle >= 0 && p->bundle == t.bundle)) ready = std::max(ready, p->finish);
    };
    for (IntegrationIndex i : graph.Incoming(t.system)) consider(l.integrations[i].from);
    for (SystemIndex before : s.cutover.after) consider(before);
    task.ready = std::min(ready, t.start);
    in.tasks.push_back(std::move(task));
  }
  return in;
}

GanttLayout LayOutGantt(const GanttInput& in) {
  GanttLayout layout;
  int span = std::max({in.duration, in.deadline.value_or(0), 1});
  layout.day_width = std::clamp(kChartWidth / span, 3.0, 40.0);
  layout.chart_x0 = kMargin + kLaneLabelWidth;
  layout.chart_x1 = layout.chart_x0 + span * layout.day_width;
  layout.chart_y0 = kMargin + kTitleHeight + kAxisHeight;
  // Lanes: others' work first (it comes first in time), then ours; each by name.
  std::map<std::pair<int, std::string>, std::vector<size_t>> lanes;
  // Others' work shares one lane, packed: we wait for it but do not plan it, and forty
  // agencies with a task or two each would push our own lanes off the screen.
  std::string others = Tr(in.language, "Others' work");
  for (size_t k = 0; k < in.tasks.size(); ++k)
    lanes[{in.tasks[k].external ? 0 : 1, in.tasks[k].external ? others : in.tasks[k].lane}]
        .push_back(k);
  layout.bars.resize(in.tasks.size());
  double y = layout.chart_y0;
  for (auto& [key, members] : lanes) {
    std::stable_sort(members.begin(), members.end(),
                     [&](size_t a, size_t b) { return in.tasks[a].start < in.tasks[b].start; });
    // Greedy rows: a task goes into the first row whose last task (and its wait) is over.
    std::vector<int> row_end;
    GanttLane lane{key.second, key.first == 0, y, 0};
    for (size_t k : members) {
      const GanttTask& t = in.tasks[k];
      int from = std::min(t.ready, t.start);
      size_t row = 0;
      while (row < row_end.size() && row_end[row] > from) ++row;
      if (row == row_end.size()) row_end.push_back(0);
      // A zero-length task still takes a day's width on the chart, so that it shows.
      row_end[row] = std::max(t.finish, t.start + 1);
      GanttBar& bar = layout.bars[k];
      bar.task = k;
      bar.x0 = layout.XOf(t.start);
      bar.x1 = layout.XOf(std::max(t.finish, t.start)) + (t.finish == t.start ? 2 : 0);
      bar.wait_x0 = layout.XOf(std::min(t.ready, t.start));
      bar.y0 = y + row * kRowHeight + (kRowHeight - kBarHeight) / 2;
      bar.y1 = bar.y0 + kBarHeight;
    }
    y += std::max<size_t>(row_end.size(), 1) * kRowHeight;
    lane.y1 = y;
    layout.lanes.push_back(lane);
    y += kLaneGap;
  }
  layout.chart_y1 = y;
  layout.width = layout.chart_x1 + kMargin + 90;  // room for the deadline's label
  layout.height = y + kLegendHeight + kMargin;
  return layout;
}

namespace {

void Draw(cairo_t* cr, const GanttInput& in, const GanttLayout& g) {
  Language lang = in.language;
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_paint(cr);
  // Title and summary.
  cairo_set_source_rgb(cr, 0, 0, 0);
  Font(cr, 22, true);
  Text(cr, kMargin, kMargin + 20, VisibleText(in.title));
  size_t critical = std::count_if(in.tasks.begin(), in.tasks.end(),
                                  [](const GanttTask& t) { return t.critical; });
  std::string summary = Fill(
      Tr(lang, "{tasks}, {days}; {critical} on the critical path."),
      {{"tasks", Count(lang, static_cast<long long>(in.tasks.size()), "{n} task", "{n} tasks")},
       {"days", in.calendar.working_days()
                    ? Count(lang, in.duration, "{n} working day", "{n} working days")
                    : Count(lang, in.duration, "{n} day", "{n} days")},
       {"critical", std::to_string(critical)}});
  if (in.start)
    summary += " " + Fill(Tr(lang, "From {start} to {finish}."),
                          {{"start", LongDate(lang, *in.start)},
                           {"finish", LongDate(lang, *DateOf(in, std::max(in.duration - 1, 0)))}});
  Font(cr, 13, false);
  Text(cr, kMargin, kMargin + 44, summary);

  // Lanes: alternating backgrounds, others' work tinted, names at the left.
  for (size_t k = 0; k < g.lanes.size(); ++k) {
    const GanttLane& lane = g.lanes[k];
    if (lane.external)
      cairo_set_source_rgb(cr, 0.93, 0.93, 0.93);
    else if (k % 2)
      cairo_set_source_rgb(cr, 0.965, 0.972, 0.985);
    else
      cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_rectangle(cr, kMargin, lane.y0, g.chart_x1 - kMargin, lane.y1 - lane.y0);
    cairo_fill(cr);
    cairo_set_source_rgb(cr, 0.15, 0.15, 0.15);
    Font(cr, 11, !lane.external);
    Text(cr, kMargin + 4, lane.y0 + 12.5, Fit(cr, lane.name, kLaneLabelWidth - 10));
  }
  // The band of others' work is labelled as such.
  if (!g.lanes.empty() && g.lanes.front().external) {
    double y1 = g.lanes.front().y0;
    for (const GanttLane& lane : g.lanes)
      if (lane.external) y1 = lane.y1;
    cairo_set_source_rgb(cr, 0.3, 0.3, 0.3);
    cairo_set_line_width(cr, 1);
    cairo_move_to(cr, kMargin, y1 + kLaneGap / 2);
    cairo_line_to(cr, g.chart_x1, y1 + kLaneGap / 2);
    cairo_stroke(cr);
  }

  // The time axis: months above weeks, with a line at every week.
  double axis_top = g.chart_y0 - kAxisHeight;
  int span = static_cast<int>(std::lround((g.chart_x1 - g.chart_x0) / g.day_width));
  cairo_set_line_width(cr, 0.6);
  Font(cr, 10, false);
  int last_month = -1, last_week = -1;
  int per_week = in.calendar.working_days() ? 5 : 7;
  for (int d = 0; d <= span; ++d) {
    double x = g.XOf(d);
    std::optional<DayNumber> date = DateOf(in, d);
    // A week starts on its first day of work (a holiday Monday moves it); day 0 starts a
    // week's label only when the week has room for it (not on a Thursday).
    bool week_start = date ? IsoWeek(*date) != last_week : d % per_week == 0;
    if (date) {
      if (d == 0 && Weekday(*date) > 2) week_start = false;
      last_week = IsoWeek(*date);
    }
    if (date && (Month(*date) != last_month)) {
      bool first = last_month < 0;
      last_month = Month(*date);
      cairo_set_source_rgb(cr, 0.2, 0.2, 0.2);
      cairo_move_to(cr, x, axis_top);
      cairo_line_to(cr, x, g.chart_y1);
      cairo_stroke(cr);
      Font(cr, 12, true);
      std::string month = MonthShort(lang, Month(*date)) + " " + std::to_string(Year(*date));
      if (!first || DayOfMonth(*date) < 20) Text(cr, x + 3, axis_top + 14, month);
      Font(cr, 10, false);
    }
    if (week_start && d < span) {
      cairo_set_source_rgba(cr, 0.55, 0.55, 0.6, 0.5);
      cairo_move_to(cr, x, axis_top + 20);
      cairo_line_to(cr, x, g.chart_y1);
      cairo_stroke(cr);
      cairo_set_source_rgb(cr, 0.35, 0.35, 0.35);
      std::string week = date ? Fill(Tr(lang, "w{n}"), {{"n", std::to_string(IsoWeek(*date))}})
                              : Fill(Tr(lang, "w{n}"), {{"n", std::to_string(1 + d / per_week)}});
      // The label needs room up to the next week's start: a week shortened by holidays (week
      // 52 of 2019 has three working days) would otherwise run into "uke 1".
      int days = 1;
      if (date) {
        while (d + days < span && DateOf(in, d + days) &&
               IsoWeek(*DateOf(in, d + days)) == IsoWeek(*date))
          ++days;
      } else {
        days = per_week;
      }
      if (g.day_width * days >= TextWidth(cr, week) + 4) Text(cr, x + 2, axis_top + 34, week);
    }
  }
  if (!in.start) {
    cairo_set_source_rgb(cr, 0.2, 0.2, 0.2);
    Font(cr, 12, true);
    Text(cr, g.chart_x0 + 3, axis_top + 14, Tr(lang, "days from the start (no calendar given)"));
  }

  // Bars: the wait hatched, then the work, then the name inside or beside it.
  for (const GanttBar& bar : g.bars) {
    const GanttTask& t = in.tasks[bar.task];
    if (bar.wait_x0 < bar.x0) {
      cairo_save(cr);
      cairo_rectangle(cr, bar.wait_x0, bar.y0 + 3, bar.x0 - bar.wait_x0, bar.y1 - bar.y0 - 6);
      cairo_clip(cr);
      cairo_set_source_rgb(cr, 0.6, 0.6, 0.6);
      cairo_set_line_width(cr, 1);
      for (double x = bar.wait_x0 - 20; x < bar.x0; x += 5) {
        cairo_move_to(cr, x, bar.y1);
        cairo_line_to(cr, x + 10, bar.y0);
      }
      cairo_stroke(cr);
      cairo_restore(cr);
      // The days it waited for a full resource (capacity), in orange over the grey.
      if (t.capacity_wait > 0) {
        double cx0 = std::max(bar.wait_x0, g.XOf(t.start - t.capacity_wait));
        cairo_set_source_rgb(cr, 0.90, 0.62, 0.0);
        cairo_rectangle(cr, cx0, bar.y0 + 4.5, bar.x0 - cx0, bar.y1 - bar.y0 - 9);
        cairo_fill(cr);
      }
    }
    SetColour(cr, t.critical ? kGanttCritical : t.external ? kGanttExternal : kGanttOurs);
    cairo_rectangle(cr, bar.x0, bar.y0, bar.x1 - bar.x0, bar.y1 - bar.y0);
    cairo_fill(cr);
    if (t.fixed) {
      // A diamond on the fixed start date.
      double cx = bar.x0, cy = (bar.y0 + bar.y1) / 2, r = 6;
      cairo_set_source_rgb(cr, 0, 0, 0);
      cairo_move_to(cr, cx, cy - r);
      cairo_line_to(cr, cx + r, cy);
      cairo_line_to(cr, cx, cy + r);
      cairo_line_to(cr, cx - r, cy);
      cairo_close_path(cr);
      cairo_fill(cr);
    }
    Font(cr, 9.5, false);
    std::string label = Fit(cr, t.label, bar.x1 - bar.x0 - 6);
    if (label.size() >= std::min<size_t>(t.label.size(), 6)) {
      cairo_set_source_rgb(cr, 1, 1, 1);
      Text(cr, bar.x0 + 3, bar.y1 - 3.2, label);
    }
  }

  // The deadline: a dashed line where the last day ends.
  if (in.deadline) {
    double x = g.XOf(*in.deadline);
    SetColour(cr, kGanttCritical);
    cairo_set_line_width(cr, 2);
    double dash[] = {6, 4};
    cairo_set_dash(cr, dash, 2, 0);
    cairo_move_to(cr, x, axis_top + 16);
    cairo_line_to(cr, x, g.chart_y1);
    cairo_stroke(cr);
    cairo_set_dash(cr, nullptr, 0, 0);
    Font(cr, 11, true);
    std::string label = Fill(Tr(lang, "deadline {date}"),
                             {{"date", in.deadline_date ? LongDate(lang, *in.deadline_date) : ""}});
    Text(cr, x - TextWidth(cr, label) - 4, axis_top - 3, label);
  }

  // The legend.
  double ly = g.chart_y1 + 22;
  double lx = kMargin;
  auto swatch = [&](const double(&rgb)[3], const std::string& text) {
    SetColour(cr, rgb);
    cairo_rectangle(cr, lx, ly - 10, 22, 11);
    cairo_fill(cr);
    cairo_set_source_rgb(cr, 0, 0, 0);
    Font(cr, 11, false);
    Text(cr, lx + 27, ly, text);
    lx += 27 + TextWidth(cr, text) + 22;
  };
  swatch(kGanttOurs, Tr(lang, "our work"));
  swatch(kGanttCritical, Tr(lang, "critical path (sets the end date)"));
  swatch(kGanttExternal, Tr(lang, "others' work (national agencies, vendors)"));
  cairo_set_source_rgb(cr, 0, 0, 0);
  cairo_move_to(cr, lx + 6, ly - 10);
  cairo_line_to(cr, lx + 12, ly - 4.5);
  cairo_line_to(cr, lx + 6, ly + 1);
  cairo_line_to(cr, lx, ly - 4.5);
  cairo_close_path(cr);
  cairo_fill(cr);
  Font(cr, 11, false);
  std::string fixed = Tr(lang, "fixed date");
  Text(cr, lx + 17, ly, fixed);
  lx += 17 + TextWidth(cr, fixed) + 22;
  cairo_set_source_rgb(cr, 0.6, 0.6, 0.6);
  cairo_set_line_width(cr, 1);
  for (double x = lx; x < lx + 22; x += 5) {
    cairo_move_to(cr, x, ly + 1);
    cairo_line_to(cr, x + 5, ly - 10);
  }
  cairo_stroke(cr);
  cairo_set_source_rgb(cr, 0, 0, 0);
  std::string waits = Tr(lang, "waits for what comes before or a fixed date");
  Text(cr, lx + 27, ly, waits);
  lx += 27 + TextWidth(cr, waits) + 22;
  cairo_set_source_rgb(cr, 0.90, 0.62, 0.0);
  cairo_rectangle(cr, lx, ly - 7, 22, 5);
  cairo_fill(cr);
  cairo_set_source_rgb(cr, 0, 0, 0);
  Text(cr, lx + 27, ly, Tr(lang, "waits for capacity (vendor, owner)"));
}

}  // namespace

bool RenderGantt(const GanttInput& input, const std::string& format, std::string* out,
                 std::string* error, const PageOptions& page) {
  if (format != "svg" && format != "png" && format != "pdf") {
    *error = "a Gantt chart is drawn as svg, png or pdf, not '" + format + "'";
    return false;
  }
  GanttLayout layout = LayOutGantt(input);
  auto draw = [&input, &layout](cairo_t* cr) { Draw(cr, input, layout); };
  if (page.paper != Paper::kNone) {
    // The same drawing, onto paper: cairo draws it straight onto the pages (still vectors).
    return format == "pdf"
               ? DrawOntoPdfPages(layout.width, layout.height, draw, page, input.title,
                                  input.language, out, error)
               : DrawOntoOnePage(layout.width, layout.height, draw, page, format, out, error);
  }
  // PNG at 1.5× so that a 1920-pixel screen shows the chart at its natural size.
  return DrawPicture(layout.width, layout.height, 1.5, draw, format, input.title, "the Gantt chart",
                     out, error);
}

}  // namespace landskap::viz
