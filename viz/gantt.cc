// The Gantt chart: the adapter from the engine's Plan, the layout (a row per task, grouped by
// lane, on a continuous calendar axis), the SVG written here with its text as text, and librsvg
// for PNG and PDF. Text from the data is made visible (control characters) and XML-escaped, so
// no name can become markup; widths are measured with cairo's text metrics of DejaVu Sans, the
// font the SVG names.
#include "viz/gantt.h"

#include <cairo.h>
#include <librsvg/rsvg.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <memory>

#include "engine/model/text.h"
#include "viz/escape.h"
#include "viz/names.h"

namespace landskap::viz {
namespace {

constexpr double kMargin = 24;
constexpr double kTitleSize = 26;
constexpr double kSummarySize = 16;
constexpr double kText = kGanttSmallestText;  // names, weeks, legend
constexpr double kHeadingSize = 15;           // lane names, months
constexpr double kRowHeight = 24;
constexpr double kBarHeight = 15;
constexpr double kHeaderHeight = 84;  // title and summary
constexpr double kAxisHeight = 48;    // months and weeks
constexpr double kLegendHeight = 78;  // two lines when narrow
constexpr double kGap = 16;           // between the names column and the time area
// A name longer than this many characters is cut with "…" in the column (the whole name is in
// the row's tooltip): a 40 000-character name would otherwise make the chart that wide.
constexpr size_t kMaxNameChars = 90;
constexpr const char* kFont = "DejaVu Sans";

int Year(DayNumber day) { return std::stoi(FormatDate(day).substr(0, 4)); }
int Month(DayNumber day) { return std::stoi(FormatDate(day).substr(5, 2)); }

// ISO 8601 week number (Norway numbers weeks so: uke 1 holds the year's first Thursday).
int IsoWeek(DayNumber day) {
  DayNumber thursday = day - Weekday(day) + 3;
  DayNumber jan1 = *ParseDate(std::to_string(Year(thursday)) + "-01-01");
  return (thursday - jan1) / 7 + 1;
}

// Widths of text in DejaVu Sans at a size, from cairo's font metrics (the same font the SVG
// names and librsvg draws with).
class Measure {
 public:
  Measure() {
    surface_ = cairo_image_surface_create(CAIRO_FORMAT_A8, 1, 1);
    cr_ = cairo_create(surface_);
  }
  ~Measure() {
    cairo_destroy(cr_);
    cairo_surface_destroy(surface_);
  }
  Measure(const Measure&) = delete;
  Measure& operator=(const Measure&) = delete;
  double Width(const std::string& text, double size, bool bold = false) {
    cairo_select_font_face(cr_, kFont, CAIRO_FONT_SLANT_NORMAL,
                           bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
    cairo_set_font_size(cr_, size);
    cairo_text_extents_t e;
    cairo_text_extents(cr_, text.c_str(), &e);
    return e.x_advance;
  }

 private:
  cairo_surface_t* surface_;
  cairo_t* cr_;
};

// At most kMaxNameChars characters (code points), then "…".
std::string Capped(const std::string& text) {
  size_t chars = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
    if (++chars > kMaxNameChars) return text.substr(0, i) + "\u2026";
  }
  return text;
}

// Text for SVG character data and attribute values.
std::string Xml(const std::string& text) {
  return ReplaceChars(VisibleText(text),
                      {{'&', "&amp;"}, {'<', "&lt;"}, {'>', "&gt;"}, {'"', "&quot;"}});
}

std::string Num(double v) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.2f", v);
  std::string s = buffer;
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  return s == "-0" ? "0" : s;
}

std::string Rgb(const double (&c)[3]) {
  char buffer[8];
  std::snprintf(buffer, sizeof buffer, "#%02X%02X%02X", static_cast<int>(std::lround(c[0] * 255)),
                static_cast<int>(std::lround(c[1] * 255)),
                static_cast<int>(std::lround(c[2] * 255)));
  return buffer;
}

// The calendar day of an offset, when the plan has a calendar.
std::optional<DayNumber> DateOf(const GanttInput& in, int offset) {
  if (!in.start) return std::nullopt;
  return in.calendar.Date(*in.start, std::max(offset, 0));
}

}  // namespace

GanttInput GanttFromPlan(const Graph& graph, const Plan& plan, GanttLanes lanes, Language language,
                         std::string title) {
  const Landscape& l = graph.landscape();
  GanttInput in;
  in.title = std::move(title);
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

double GanttLayout::XOfOffset(const GanttInput& in, int offset) const {
  if (!first_day) return chart_x0 + offset * day_width;
  return chart_x0 + (*DateOf(in, offset) - *first_day) * day_width;
}

double GanttLayout::XOfFinish(const GanttInput& in, int finish) const {
  if (!first_day) return chart_x0 + finish * day_width;
  if (finish <= 0) return XOfOffset(in, 0);
  // The end of the last working day: the day after it starts.
  return chart_x0 + (*DateOf(in, finish - 1) + 1 - *first_day) * day_width;
}

GanttLayout LayOutGantt(const GanttInput& in, double target_width, double min_chart_width) {
  Measure measure;
  Language lang = in.language;
  GanttLayout layout;
  // Rows: others' work first (it comes first in time), then ours; lanes by name; in a lane,
  // tasks by start, then by name.
  std::string others = Tr(lang, "Others' work");
  std::map<std::pair<int, std::string>, std::vector<size_t>> lanes;
  for (size_t k = 0; k < in.tasks.size(); ++k)
    lanes[{in.tasks[k].external ? 0 : 1, in.tasks[k].external ? others : in.tasks[k].lane}]
        .push_back(k);
  double names_width = 160;
  for (auto& [key, members] : lanes) {
    names_width = std::max(names_width, measure.Width(Capped(key.second), kHeadingSize, true));
    for (size_t k : members)
      names_width = std::max(names_width, 14 + measure.Width(Capped(in.tasks[k].label), kText));
  }
  layout.names_x0 = kMargin;
  layout.chart_x0 = kMargin + names_width + kGap;
  // The time area takes what the names leave of the target width, never less than its least
  // width (names are capped, so that is rare).
  double chart_width = std::max(min_chart_width, target_width - layout.chart_x0 - kMargin - 40);
  layout.axis_y0 = kMargin + kHeaderHeight;
  layout.chart_y0 = layout.axis_y0 + kAxisHeight;

  // The axis: calendar days from the Monday before the first day to the end of the last
  // week of work or the deadline; without a calendar, day offsets.
  int last_offset = std::max({in.duration, in.deadline.value_or(0), 1});
  int days = last_offset;
  if (in.start) {
    DayNumber first = *DateOf(in, 0);
    layout.first_day = first - Weekday(first);
    DayNumber end = *DateOf(in, std::max(last_offset - 1, 0)) + 1;
    if (in.deadline_date) end = std::max(end, *in.deadline_date + 1);
    end += (7 - Weekday(end)) % 7;  // to the end of that week
    days = end - *layout.first_day;
  }
  layout.day_width = std::clamp(chart_width / std::max(days, 1), 1.0, 40.0);
  layout.chart_x1 = layout.chart_x0 + days * layout.day_width;

  double y = layout.chart_y0;
  for (auto& [key, members] : lanes) {
    std::stable_sort(members.begin(), members.end(), [&](size_t a, size_t b) {
      const GanttTask& ta = in.tasks[a];
      const GanttTask& tb = in.tasks[b];
      return std::tie(ta.start, ta.finish, ta.label) < std::tie(tb.start, tb.finish, tb.label);
    });
    GanttLane lane{key.second, key.first == 0, y, 0};
    layout.rows.push_back({true, 0, Capped(key.second), lane.external, y, y + kRowHeight});
    y += kRowHeight;
    for (size_t k : members) {
      const GanttTask& t = in.tasks[k];
      layout.rows.push_back({false, k, Capped(t.label), t.external, y, y + kRowHeight});
      y += kRowHeight;
    }
    lane.y1 = y;
    layout.lanes.push_back(lane);
  }
  layout.chart_y1 = y;
  layout.bars.resize(in.tasks.size());
  for (const GanttRow& row : layout.rows) {
    if (row.heading) continue;
    const GanttTask& t = in.tasks[row.task];
    GanttBar& bar = layout.bars[row.task];
    bar.task = row.task;
    bar.milestone = t.finish <= t.start;
    bar.x0 = layout.XOfOffset(in, t.start);
    bar.x1 = bar.milestone ? bar.x0 : layout.XOfFinish(in, t.finish);
    bar.wait_x0 = std::min(layout.XOfOffset(in, std::min(t.ready, t.start)), bar.x0);
    bar.capacity_x0 = t.capacity_wait > 0
                          ? std::max(bar.wait_x0, layout.XOfOffset(in, t.start - t.capacity_wait))
                          : bar.x0;
    bar.y0 = row.y0 + (kRowHeight - kBarHeight) / 2;
    bar.y1 = bar.y0 + kBarHeight;
  }

  // Closed days (holidays and closures) as bands: consecutive closed days (a weekend between
  // them too) make one band, named by the name most of its days have (the Christmas closure
  // "jul" rather than the holidays inside it).
  if (layout.first_day) {
    DayNumber first = *layout.first_day;
    std::vector<std::map<std::string, int>> names;
    for (const ClosedDay& c : in.calendar.ClosedBetween(first, first + days - 1)) {
      double x0 = layout.chart_x0 + (c.day - first) * layout.day_width;
      double x1 = x0 + layout.day_width;
      if (!layout.bands.empty() && x0 - layout.bands.back().x1 <= 2 * layout.day_width + 0.01) {
        layout.bands.back().x1 = x1;
      } else {
        layout.bands.push_back({"", x0, x1});
        names.emplace_back();
      }
      ++names.back()[c.name];
    }
    for (size_t b = 0; b < layout.bands.size(); ++b) {
      int most = 0;
      for (const auto& [name, count] : names[b])
        if (count > most) {
          most = count;
          layout.bands[b].name = name;
        }
    }
    // Ticks: months above, weeks below (Monday): every week, or every 2nd, 4th, 8th when the
    // weeks are too narrow for their labels. A month shows its year when there is room, else
    // only January and the first month do.
    std::string widest_week = Fill(Tr(lang, "w{n}"), {{"n", "52"}});
    int week_step = 1;
    while (week_step < 8 &&
           layout.day_width * 7 * week_step < measure.Width(widest_week, kText) + 6)
      week_step *= 2;
    bool month_years = layout.day_width * 28 >= measure.Width("sep. 2019", kHeadingSize, true) + 6;
    int month = -1, week_count = 0;
    for (int d = 0; d <= days; ++d) {
      DayNumber day = first + d;
      double x = layout.chart_x0 + d * layout.day_width;
      if (Month(day) != month && d < days) {
        bool first_month = month < 0;
        month = Month(day);
        std::string text = MonthShort(lang, month);
        std::string with_year = text + " " + std::to_string(Year(day));
        layout.ticks.push_back(
            {x, month_years || first_month || month == 1 ? with_year : text, text, true, 0});
      }
      if (Weekday(day) == 0 && d < days) {
        if (week_count++ % week_step == 0)
          layout.ticks.push_back(
              {x, Fill(Tr(lang, "w{n}"), {{"n", std::to_string(IsoWeek(day))}}), "", false, 0});
      }
    }
  } else {
    for (int d = 0; d < days; d += 5)
      layout.ticks.push_back(
          {layout.chart_x0 + d * layout.day_width, std::to_string(d), "", false, 0});
  }
  for (size_t i = 0; i < layout.ticks.size(); ++i) {
    double next = layout.chart_x1;
    for (size_t j = i + 1; j < layout.ticks.size(); ++j)
      if (layout.ticks[j].month == layout.ticks[i].month) {
        next = layout.ticks[j].x;
        break;
      }
    layout.ticks[i].room = next - layout.ticks[i].x;
  }
  if (in.deadline_date && layout.first_day)
    layout.deadline_x =
        layout.chart_x0 + (*in.deadline_date + 1 - *layout.first_day) * layout.day_width;
  else if (in.deadline)
    layout.deadline_x = layout.chart_x0 + *in.deadline * layout.day_width;
  layout.width = layout.chart_x1 + kMargin + 40;
  layout.height = layout.chart_y1 + kLegendHeight + kMargin;
  return layout;
}

namespace {

// Writes the chart's parts as SVG; rows [row_begin, row_end) only (pages), with the title, the
// summary, the axis and the legend on every page.
class SvgWriter {
 public:
  SvgWriter(const GanttInput& in, const GanttLayout& g) : in_(in), g_(g) {}

  std::string Page(size_t row_begin, size_t row_end, const std::string& page_note) {
    double top =
        g_.rows.empty() || row_begin >= g_.rows.size() ? g_.chart_y0 : g_.rows[row_begin].y0;
    double bottom = row_end == 0 || g_.rows.empty() ? g_.chart_y0 : g_.rows[row_end - 1].y1;
    shift_ = top - g_.chart_y0;  // rows move up so that the page's first row is at the top
    double chart_y1 = bottom - shift_;
    double height = chart_y1 + kLegendHeight + kMargin;
    out_.clear();
    out_ += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    out_ += "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + Num(g_.width) +
            "pt\" height=\"" + Num(height) + "pt\" viewBox=\"0 0 " + Num(g_.width) + " " +
            Num(height) + "\" font-family=\"" + kFont + ", sans-serif\">\n";
    out_ += "<title>" + Xml(in_.title) + "</title>\n";
    out_ += "<rect width=\"100%\" height=\"100%\" fill=\"#FFFFFF\"/>\n";
    Header(page_note);
    Lanes(row_begin, row_end);
    Bands(chart_y1);
    Axis(chart_y1);
    Rows(row_begin, row_end);
    Deadline(chart_y1);
    Legend(chart_y1);
    out_ += "</svg>\n";
    return out_;
  }

 private:
  void Text(double x, double y, const std::string& text, double size, const char* extra = "") {
    out_ += "<text x=\"" + Num(x) + "\" y=\"" + Num(y) + "\" font-size=\"" + Num(size) + "\"" +
            extra + ">" + Xml(text) + "</text>\n";
  }

  void Header(const std::string& page_note) {
    Language lang = in_.language;
    Text(kMargin, kMargin + 24, in_.title + page_note, kTitleSize, " font-weight=\"bold\"");
    size_t critical = std::count_if(in_.tasks.begin(), in_.tasks.end(),
                                    [](const GanttTask& t) { return t.critical; });
    std::string summary = Fill(
        Tr(lang, "{tasks}, {days}; {critical} on the critical path."),
        {{"tasks", Count(lang, static_cast<long long>(in_.tasks.size()), "{n} task", "{n} tasks")},
         {"days", in_.calendar.working_days()
                      ? Count(lang, in_.duration, "{n} working day", "{n} working days")
                      : Count(lang, in_.duration, "{n} day", "{n} days")},
         {"critical", std::to_string(critical)}});
    if (in_.start)
      summary +=
          " " + Fill(Tr(lang, "From {start} to {finish}."),
                     {{"start", LongDate(lang, *DateOf(in_, 0))},
                      {"finish", LongDate(lang, *DateOf(in_, std::max(in_.duration - 1, 0)))}});
    Text(kMargin, kMargin + 54, summary, kSummarySize);
  }

  void Lanes(size_t row_begin, size_t row_end) {
    // Lanes alternate backgrounds; others' work is tinted.
    size_t lane_number = 0;
    for (size_t r = 0; r < g_.rows.size(); ++r) {
      if (g_.rows[r].heading) ++lane_number;
      if (r < row_begin || r >= row_end) continue;
      const GanttRow& row = g_.rows[r];
      const char* fill = row.external ? "#EDEDED" : lane_number % 2 ? "#FFFFFF" : "#F6F8FB";
      out_ += "<rect x=\"" + Num(kMargin) + "\" y=\"" + Num(row.y0 - shift_) + "\" width=\"" +
              Num(g_.chart_x1 - kMargin) + "\" height=\"" + Num(row.y1 - row.y0) + "\" fill=\"" +
              fill + "\"/>\n";
    }
  }

  void Bands(double chart_y1) {
    for (const GanttBand& b : g_.bands) {
      out_ += "<g class=\"closed\"><rect x=\"" + Num(b.x0) + "\" y=\"" + Num(g_.axis_y0) +
              "\" width=\"" + Num(b.x1 - b.x0) + "\" height=\"" + Num(chart_y1 - g_.axis_y0) +
              "\" fill=\"#C8C8C8\" fill-opacity=\"0.45\"/>";
      // The name, turned to read upwards along the band, at the top of the rows.
      double x = (b.x0 + b.x1) / 2 + kText * 0.35, y = g_.chart_y0 + 6;
      out_ += "<text class=\"closed-name\" x=\"" + Num(x) + "\" y=\"" + Num(y) + "\" font-size=\"" +
              Num(kText) + "\" fill=\"#555555\" text-anchor=\"end\" " + "transform=\"rotate(-90 " +
              Num(x) + " " + Num(y) + ")\">" + Xml(b.name) + "</text></g>\n";
    }
  }

  void Axis(double chart_y1) {
    for (const GanttTick& t : g_.ticks) {
      double y0 = t.month ? g_.axis_y0 : g_.axis_y0 + 22;
      out_ += "<line x1=\"" + Num(t.x) + "\" y1=\"" + Num(y0) + "\" x2=\"" + Num(t.x) + "\" y2=\"" +
              Num(chart_y1) + "\" stroke=\"" + (t.month ? "#333333" : "#A0A0AA") +
              "\" stroke-width=\"" + (t.month ? "0.8" : "0.5") + "\"/>\n";
      // A label only where it has room up to the next one of its row (a month without its
      // year when that fits and the whole does not).
      double size = t.month ? kHeadingSize : kText;
      std::string text = t.text;
      if (t.room < measure_.Width(text, size, t.month) + 4 && !t.short_text.empty())
        text = t.short_text;
      if (t.room >= measure_.Width(text, size, t.month) + 4)
        Text(t.x + 3, t.month ? g_.axis_y0 + 16 : g_.axis_y0 + 40, text, size,
             t.month ? " font-weight=\"bold\"" : " fill=\"#444444\"");
    }
    if (!in_.start)
      Text(g_.chart_x0 + 3, g_.axis_y0 + 16,
           Tr(in_.language, "days from the start (no calendar given)"), kHeadingSize,
           " font-weight=\"bold\"");
  }

  void Rows(size_t row_begin, size_t row_end) {
    for (size_t r = row_begin; r < row_end; ++r) {
      const GanttRow& row = g_.rows[r];
      double y = row.y1 - shift_ - 6;
      if (row.heading) {
        Text(g_.names_x0 + 2, y, row.text, kHeadingSize, " font-weight=\"bold\"");
        continue;
      }
      const GanttTask& t = in_.tasks[row.task];
      const GanttBar& b = g_.bars[row.task];
      out_ += "<g class=\"task\"><title>" + Xml(t.label) + "</title>";
      Text(g_.names_x0 + 14, y, row.text, kText);
      double y0 = b.y0 - shift_, y1 = b.y1 - shift_;
      if (b.wait_x0 < b.x0) out_ += Hatch(b.wait_x0, y0 + 3, b.x0, y1 - 3);
      if (b.capacity_x0 < b.x0)
        out_ += "<rect class=\"capacity-wait\" x=\"" + Num(b.capacity_x0) + "\" y=\"" +
                Num(y0 + 4.5) + "\" width=\"" + Num(b.x0 - b.capacity_x0) + "\" height=\"" +
                Num(y1 - y0 - 9) + "\" fill=\"#E69E00\"/>";
      std::string colour = Rgb(t.critical   ? kGanttCritical
                               : t.external ? kGanttExternal
                                            : kGanttOurs);
      std::string kind = t.critical ? "bar critical" : t.external ? "bar external" : "bar ours";
      if (!b.milestone)
        out_ += "<rect class=\"" + kind + "\" x=\"" + Num(b.x0) + "\" y=\"" + Num(y0) +
                "\" width=\"" + Num(b.x1 - b.x0) + "\" height=\"" + Num(y1 - y0) + "\" fill=\"" +
                colour + "\"/>";
      if (b.milestone || t.fixed) {
        // A diamond: a milestone (no work) in the bar's colour, a fixed date in black.
        double cx = b.x0, cy = (y0 + y1) / 2, rr = 7;
        out_ += "<path class=\"" + std::string(t.fixed ? "fixed" : "milestone") + "\" d=\"M" +
                Num(cx) + " " + Num(cy - rr) + " L" + Num(cx + rr) + " " + Num(cy) + " L" +
                Num(cx) + " " + Num(cy + rr) + " L" + Num(cx - rr) + " " + Num(cy) +
                " Z\" fill=\"" + (t.fixed ? std::string("#000000") : colour) + "\"/>";
      }
      out_ += "</g>\n";
    }
  }

  void Deadline(double chart_y1) {
    if (!g_.deadline_x) return;
    double x = *g_.deadline_x;
    out_ += "<line class=\"deadline\" x1=\"" + Num(x) + "\" y1=\"" + Num(g_.axis_y0 - 4) +
            "\" x2=\"" + Num(x) + "\" y2=\"" + Num(chart_y1) + "\" stroke=\"" +
            Rgb(kGanttCritical) + "\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>\n";
    std::string label =
        Fill(Tr(in_.language, "deadline {date}"),
             {{"date", in_.deadline_date ? LongDate(in_.language, *in_.deadline_date) : ""}});
    Text(
        x - 4, g_.axis_y0 - 8, label, kText,
        (" font-weight=\"bold\" text-anchor=\"end\" fill=\"" + Rgb(kGanttCritical) + "\"").c_str());
  }

  void Legend(double chart_y1) {
    Language lang = in_.language;
    double y = chart_y1 + 32, x = kMargin;
    // Items in a line, and on a new line when the next one would pass the chart's right edge
    // (the layout's height has room for two lines).
    auto swatch = [&](const std::string& fill, const std::string& text) {
      double width = 28 + measure_.Width(text, kText);
      if (x > kMargin && x + width > g_.width - kMargin) {
        x = kMargin;
        y += 22;
      }
      out_ += Shape(fill, x, y);
      Text(x + 28, y, text, kText);
      x += width + 24;
    };
    swatch(Rgb(kGanttOurs), Tr(lang, "our work"));
    swatch(Rgb(kGanttCritical), Tr(lang, "critical path (sets the end date)"));
    swatch(Rgb(kGanttExternal), Tr(lang, "others' work (national agencies, vendors)"));
    swatch("diamond", Tr(lang, "fixed date"));
    swatch("hatch", Tr(lang, "waits for what comes before or a fixed date"));
    swatch("#E69E00", Tr(lang, "waits for capacity (vendor, owner)"));
    swatch("#C8C8C8", Tr(lang, "closed (holiday, --closed)"));
  }

  // A legend's sample at (x, y): a box of the fill, or the fixed date's diamond.
  // Diagonal strokes across [x0, x1] × [y0, y1], cut to the box: a wait. Drawn as one path
  // (no pattern: the page refers to nothing by url()).
  static std::string Hatch(double x0, double y0, double x1, double y1) {
    double h = y1 - y0;
    std::string d;
    for (double x = x0 - h; x < x1; x += 6) {
      double t0 = std::max(0.0, (x0 - x) / h), t1 = std::min(1.0, (x1 - x) / h);
      if (t0 >= t1) continue;
      d += "M" + Num(x + t0 * h) + " " + Num(y1 - t0 * h) + "L" + Num(x + t1 * h) + " " +
           Num(y1 - t1 * h);
    }
    return "<path class=\"wait\" d=\"" + d + "\" stroke=\"#999999\" stroke-width=\"1.4\"/>";
  }

  static std::string Shape(const std::string& fill, double x, double y) {
    if (fill == "hatch") return Hatch(x, y - 11, x + 22, y + 1);
    if (fill == "diamond")
      return "<path d=\"M" + Num(x + 11) + " " + Num(y - 12) + " L" + Num(x + 18) + " " +
             Num(y - 5) + " L" + Num(x + 11) + " " + Num(y + 2) + " L" + Num(x + 4) + " " +
             Num(y - 5) + " Z\" fill=\"#000000\"/>";
    return "<rect x=\"" + Num(x) + "\" y=\"" + Num(y - 11) +
           "\" width=\"22\" height=\"12\" fill=\"" + fill + "\"/>";
  }

  const GanttInput& in_;
  const GanttLayout& g_;
  Measure measure_;
  double shift_ = 0;
  std::string out_;
};

struct RsvgDeleter {
  void operator()(RsvgHandle* h) const { g_object_unref(h); }
};

// Reads an SVG this file wrote, for librsvg to draw.
std::unique_ptr<RsvgHandle, RsvgDeleter> ReadSvg(const std::string& svg, std::string* error) {
  GError* gerror = nullptr;
  std::unique_ptr<RsvgHandle, RsvgDeleter> handle(
      rsvg_handle_new_from_data(reinterpret_cast<const guint8*>(svg.data()), svg.size(), &gerror));
  if (!handle) {
    *error = std::string("cannot draw the Gantt chart: ") +
             (gerror ? gerror->message : "librsvg cannot read it");
    if (gerror) g_error_free(gerror);
    return nullptr;
  }
  rsvg_handle_set_dpi(handle.get(), 72);  // one SVG unit, one point
  return handle;
}

void DrawSvg(RsvgHandle* handle, double width, double height, cairo_t* cr) {
  RsvgRectangle viewport = {0, 0, width, height};
  rsvg_handle_render_document(handle, cr, &viewport, nullptr);
}

}  // namespace

std::string GanttSvg(const GanttInput& input, const GanttLayout& layout) {
  return SvgWriter(input, layout).Page(0, layout.rows.size(), "");
}

bool RenderGantt(const GanttInput& input, const std::string& format, std::string* out,
                 std::string* error, const PageOptions& page) {
  if (format != "svg" && format != "png" && format != "pdf") {
    *error = "a Gantt chart is drawn as svg, png or pdf, not '" + format + "'";
    return false;
  }
  if (page.paper == Paper::kNone) {
    GanttLayout layout = LayOutGantt(input);
    std::string svg = GanttSvg(input, layout);
    if (format == "svg") {
      *out = std::move(svg);
      return true;
    }
    auto handle = ReadSvg(svg, error);
    if (!handle) return false;
    // PNG 1920 pixels wide, a screen's width, whatever the chart's width in points.
    double dots = format == "png" ? 1920.0 / layout.width : 1.0;
    RsvgHandle* h = handle.get();
    return DrawPicture(
        layout.width, layout.height, dots,
        [h, &layout](cairo_t* cr) { DrawSvg(h, layout.width, layout.height, cr); }, format,
        input.title, "the Gantt chart", out, error);
  }
  // On paper: laid out for the page's width, so that its text keeps its size.
  PageSize size = PaperSize(page);
  double printable_w = size.width - 2 * PageMargin(), printable_h = size.height - 2 * PageMargin();
  GanttLayout layout = LayOutGantt(input, printable_w, 250);
  SvgWriter writer(input, layout);
  if (format != "pdf") {
    std::string svg = writer.Page(0, layout.rows.size(), "");
    auto handle = ReadSvg(svg, error);
    if (!handle) return false;
    RsvgHandle* h = handle.get();
    return DrawOntoOnePage(
        layout.width, layout.height,
        [h, &layout](cairo_t* cr) { DrawSvg(h, layout.width, layout.height, cr); }, page, format,
        out, error);
  }
  // Pages break between rows; each repeats the title, the axis and the legend.
  double fixed = layout.chart_y0 + kLegendHeight + kMargin;
  double scale = std::min(1.0, printable_w / layout.width);
  size_t rows_per_page =
      std::max<size_t>(3, static_cast<size_t>((printable_h / scale - fixed) / kRowHeight));
  std::vector<std::pair<size_t, size_t>> ranges;
  for (size_t begin = 0; begin < layout.rows.size() || ranges.empty();) {
    size_t end = std::min(layout.rows.size(), begin + rows_per_page);
    // A lane's name goes with its first task: a page never ends on a heading.
    if (end < layout.rows.size() && end > begin + 1 && layout.rows[end - 1].heading) --end;
    ranges.push_back({begin, end});
    begin = end;
  }
  // No page under a third full: the last page takes rows from the one before when it is small.
  if (ranges.size() >= 2) {
    auto& last = ranges.back();
    auto& before = ranges[ranges.size() - 2];
    size_t want = rows_per_page / 3;
    if (last.second - last.first < want) {
      size_t total = last.second - before.first;
      before.second = before.first + (total + 1) / 2;
      last.first = before.second;
    }
  }
  std::vector<std::string> pages;
  for (size_t p = 0; p < ranges.size(); ++p) {
    std::string note = ranges.size() == 1
                           ? ""
                           : " \u2014 " + Fill(Tr(input.language, "page {page} of {pages}"),
                                               {{"page", std::to_string(p + 1)},
                                                {"pages", std::to_string(ranges.size())}});
    pages.push_back(writer.Page(ranges[p].first, ranges[p].second, note));
  }
  return SvgPagesOntoPdf(pages, page, input.title, out, error);
}

}  // namespace landskap::viz
