// Working days and dates: weekdays are counted by a closed formula over whole weeks, and the
// few weekdays closed by a holiday or a closure are subtracted from a sorted list, so a date
// 200 000 tasks into a plan costs a binary search rather than a walk through the calendar.
#include "engine/plan/calendar.h"

#include <algorithm>
#include <chrono>
#include <iterator>
#include <string_view>
#include <unordered_set>

namespace landskap {
namespace {

// 1970-01-05 was a Monday: weekdays are counted in whole weeks from it.
constexpr DayNumber kMonday = 4;
// Closures longer than this are typing errors (ten years).
constexpr DayNumber kMaxClosureDays = 3660;

DayNumber FloorDiv(DayNumber a, DayNumber b) {
  return a / b - ((a % b != 0) && ((a < 0) != (b < 0)));
}

DayNumber Ymd(int year, unsigned month, unsigned day) {
  std::chrono::year_month_day ymd{std::chrono::year{year}, std::chrono::month{month},
                                  std::chrono::day{day}};
  return static_cast<DayNumber>(std::chrono::sys_days{ymd}.time_since_epoch().count());
}

}  // namespace

DayNumber EasterSunday(int y) {
  int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4, f = (b + 8) / 25;
  int g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30, i = c / 4, k = c % 4;
  int l = (32 + 2 * e + 2 * i - h - k) % 7, m = (a + 11 * h + 22 * l) / 451;
  int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
  return Ymd(y, static_cast<unsigned>(month), static_cast<unsigned>(day));
}

std::vector<ClosedDay> NorwegianHolidays(int year) {
  DayNumber easter = EasterSunday(year);
  return {{Ymd(year, 1, 1), "nyttårsdag"},
          {easter - 3, "skjærtorsdag"},
          {easter - 2, "langfredag"},
          {easter + 1, "2. påskedag"},
          {Ymd(year, 5, 1), "1. mai"},
          {Ymd(year, 5, 17), "17. mai"},
          {easter + 39, "Kristi himmelfartsdag"},
          {easter + 50, "2. pinsedag"},
          {Ymd(year, 12, 25), "1. juledag"},
          {Ymd(year, 12, 26), "2. juledag"}};
}

Calendar::Calendar(Kind kind, std::vector<Closure> closures) : kind_(kind) {
  std::stable_sort(closures.begin(), closures.end(),
                   [](const Closure& a, const Closure& b) { return a.from < b.from; });
  // Labels of a merged closure: each once (a set, not a search of the joined text), the first
  // kShownLabels of them, then how many more, so that a thousand adjacent closures do not make
  // every closed day's name a thousand labels long.
  constexpr size_t kShownLabels = 5;
  std::unordered_set<std::string> labels;
  size_t more = 0;
  auto finish = [&] {
    if (more > 0 && !closures_.empty())
      closures_.back().label += "; … and " + std::to_string(more) + " more";
    labels.clear();
    more = 0;
  };
  for (Closure& c : closures) {
    if (!closures_.empty() && c.from <= closures_.back().to + 1) {
      Closure& last = closures_.back();
      last.to = std::max(last.to, c.to);
      if (!c.label.empty() && labels.insert(c.label).second) {
        if (labels.size() > kShownLabels)
          ++more;
        else
          last.label += (last.label.empty() ? "" : "; ") + c.label;
      }
    } else {
      finish();
      if (!c.label.empty()) labels.insert(c.label);
      closures_.push_back(std::move(c));
    }
  }
  finish();
}

const Closure* Calendar::ClosureOn(DayNumber day) const {
  auto after = std::upper_bound(closures_.begin(), closures_.end(), day,
                                [](DayNumber d, const Closure& c) { return d < c.from; });
  if (after == closures_.begin()) return nullptr;
  const Closure& c = *std::prev(after);
  return day <= c.to ? &c : nullptr;
}

bool Calendar::WeekOpen(DayNumber day) const { return kind_ == Kind::kAllDays || Weekday(day) < 5; }

int Calendar::Base(DayNumber day) const {
  DayNumber r = day - kMonday;
  if (kind_ == Kind::kAllDays) return r;
  DayNumber weeks = FloorDiv(r, 7);
  DayNumber rest = r - weeks * 7;
  return static_cast<int>(weeks * 5 + (rest < 5 ? rest : 5));
}

DayNumber Calendar::BaseDay(int base) const {
  if (kind_ == Kind::kAllDays) return kMonday + base;
  DayNumber weeks = FloorDiv(base, 5);
  return kMonday + weeks * 7 + (base - weeks * 5);
}

void Calendar::Cover(DayNumber day) const {
  int year = YearOf(day);
  if (year >= first_year_ && year <= last_year_) return;
  // Grow at least by the years already covered, so that a plan running far ahead rebuilds the
  // list a logarithmic number of times (growing by a fixed step made it quadratic in the years).
  int span = last_year_ < first_year_ ? 4 : std::max(4, last_year_ - first_year_ + 1);
  int first = last_year_ < first_year_ ? year - 1 : std::min(first_year_, year - span);
  int last = last_year_ < first_year_ ? year + 2 : std::max(last_year_, year + span);
  first = std::max(first, 0);  // year 0000 is the first ParseDate reads
  last = std::min(last, 32000);
  first_year_ = first;
  last_year_ = last;
  closed_.clear();
  if (kind_ == Kind::kWorkingDays)
    for (int y = first; y <= last; ++y)
      for (const ClosedDay& h : NorwegianHolidays(y))
        if (WeekOpen(h.day)) closed_.push_back(h.day);
  DayNumber lo = Ymd(first, 1, 1), hi = Ymd(last, 12, 31);
  for (const Closure& c : closures_)
    for (DayNumber d = std::max(c.from, lo); d <= std::min(c.to, hi); ++d)
      if (WeekOpen(d)) closed_.push_back(d);
  std::sort(closed_.begin(), closed_.end());
  closed_.erase(std::unique(closed_.begin(), closed_.end()), closed_.end());
}

int Calendar::Index(DayNumber day) const {
  Cover(day);
  auto closed_before = std::lower_bound(closed_.begin(), closed_.end(), day) - closed_.begin();
  // Years before first_year_ are not in the list; Index differences only ever compare days
  // that Cover has seen, and Cover keeps every year between them.
  return Base(day) - static_cast<int>(closed_before);
}

bool Calendar::IsWorkingDay(DayNumber day) const {
  if (!WeekOpen(day)) return false;
  Cover(day);
  return !std::binary_search(closed_.begin(), closed_.end(), day);
}

DayNumber Calendar::NextWorkingDay(DayNumber day) const {
  while (!IsWorkingDay(day)) ++day;
  return day;
}

int Calendar::Offset(DayNumber start, DayNumber day) const {
  Cover(start);
  Cover(day);
  return Index(day) - Index(start);
}

DayNumber Calendar::Date(DayNumber start, int offset) const {
  offset = std::max(0, offset);
  DayNumber day = BaseDay(Base(start) + offset);
  for (;;) {
    Cover(start);
    Cover(day);
    int index = Index(day) - Index(start);
    if (index == offset && IsWorkingDay(day)) return day;
    // Closed days between start and `day` push the date on by as many open days as they hold
    // (index never passes offset: it grows by at most the open days added).
    day = BaseDay(Base(day) + std::max(1, offset - index));
  }
}

std::vector<ClosedDay> Calendar::ClosedBetween(DayNumber from, DayNumber to) const {
  std::vector<ClosedDay> out;
  if (to < from) return out;
  Cover(from);
  Cover(to);
  auto begin = std::lower_bound(closed_.begin(), closed_.end(), from);
  auto end = std::upper_bound(closed_.begin(), closed_.end(), to);
  for (auto it = begin; it != end; ++it) {
    ClosedDay item{*it, ""};
    if (kind_ == Kind::kWorkingDays)
      for (const ClosedDay& h : NorwegianHolidays(YearOf(*it)))
        if (h.day == *it) item.name = h.name;
    if (item.name.empty())
      if (const Closure* c = ClosureOn(*it)) item.name = c->label.empty() ? "closed" : c->label;
    out.push_back(std::move(item));
  }
  return out;
}

// --- Reading closures ---------------------------------------------------------------------

namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  if (s.size() >= 2 && s.front() == '"' && s.back() == '"') s = s.substr(1, s.size() - 2);
  return s;
}

std::string Where(size_t line, size_t column) {
  return std::to_string(line) + ":" + std::to_string(column);
}

// Splits at ',' or ';' (Excel in Norwegian settings writes ';'), with the column of each field.
std::vector<std::pair<std::string_view, size_t>> SplitFields(std::string_view line) {
  std::vector<std::pair<std::string_view, size_t>> fields;
  size_t begin = 0;
  for (size_t i = 0; i <= line.size(); ++i) {
    if (i == line.size() || line[i] == ',' || line[i] == ';') {
      fields.push_back({line.substr(begin, i - begin), begin + 1});
      begin = i + 1;
    }
  }
  return fields;
}

void CheckRange(const Closure& c, const std::string& where, Diagnostics* d, bool* ok) {
  if (c.to < c.from) {
    d->Error(where, "the closure ends on " + FormatDate(c.to) + ", before it begins on " +
                        FormatDate(c.from) + "; write the first day, then the last");
    *ok = false;
  } else if (c.to - c.from >= kMaxClosureDays) {
    d->Error(where, "a closure of " + std::to_string(c.to - c.from + 1) +
                        " days is longer than ten years; check the dates");
    *ok = false;
  }
}

bool ParseCsvClosures(std::string_view text, const std::string& label, std::vector<Closure>* out,
                      Diagnostics* d) {
  bool ok = true, seen_line = false;
  size_t line_number = 0;
  for (size_t pos = 0; pos <= text.size();) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    ++line_number;
    std::string_view trimmed = Trim(line);
    if (trimmed.empty() || trimmed.front() == '#') {
      if (end == text.size()) break;
      continue;
    }
    auto fields = SplitFields(line);
    std::string_view first = Trim(fields[0].first);
    bool first_line = !seen_line;
    seen_line = true;
    std::optional<DayNumber> from = ParseDate(first);
    // A header ("from;to;label", "date") is a first line whose first field holds no digit.
    if (!from && first_line &&
        std::none_of(first.begin(), first.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      if (end == text.size()) break;
      continue;
    }
    if (!from) {
      d->Error(Where(line_number, fields[0].second),
               "'" + std::string(first) +
                   "' is not a date; write one closed day a line as YYYY-MM-DD, or a range as "
                   "2019-12-23,2019-12-31");
      ok = false;
    }
    std::optional<DayNumber> to = from;
    if (fields.size() > 1 && !Trim(fields[1].first).empty()) {
      std::string_view second = Trim(fields[1].first);
      to = ParseDate(second);
      if (!to) {
        d->Error(Where(line_number, fields[1].second),
                 "'" + std::string(second) +
                     "' is not a date; the second column is the last closed day, YYYY-MM-DD");
        ok = false;
      }
    }
    if (from && to) {
      Closure c{*from, *to, fields.size() > 2 ? std::string(Trim(fields[2].first)) : "",
                label + ":" + std::to_string(line_number)};
      CheckRange(c, Where(line_number, fields[0].second), d, &ok);
      out->push_back(std::move(c));
    }
    if (end == text.size()) break;
  }
  return ok;
}

// An iCalendar DATE (YYYYMMDD) or DATE-TIME (YYYYMMDDTHHMMSS, optionally Z): the day, and
// whether a time of day after midnight was given.
std::optional<std::pair<DayNumber, bool>> IcsDate(std::string_view value) {
  if (value.size() < 8) return std::nullopt;
  std::string iso = std::string(value.substr(0, 4)) + "-" + std::string(value.substr(4, 2)) + "-" +
                    std::string(value.substr(6, 2));
  std::optional<DayNumber> day = ParseDate(iso);
  if (!day) return std::nullopt;
  if (value.size() == 8) return std::pair{*day, false};
  std::string_view rest = value.substr(8);
  if (rest.size() < 7 || rest[0] != 'T') return std::nullopt;
  for (size_t i = 1; i < 7; ++i)
    if (rest[i] < '0' || rest[i] > '9') return std::nullopt;
  if (rest.size() > 8 || (rest.size() == 8 && rest[7] != 'Z')) return std::nullopt;
  return std::pair{*day, rest.substr(1, 6) != "000000"};
}

// "P2D", "P1W", "P1W2D": whole days and weeks only.
std::optional<int> IcsDurationDays(std::string_view value) {
  if (value.size() < 3 || value[0] != 'P') return std::nullopt;
  int days = 0, number = 0;
  bool digits = false;
  for (char c : value.substr(1)) {
    if (c >= '0' && c <= '9') {
      if (number > 100000) return std::nullopt;
      number = number * 10 + (c - '0');
      digits = true;
    } else if ((c == 'D' || c == 'W') && digits) {
      days += c == 'W' ? number * 7 : number;
      number = 0;
      digits = false;
    } else {
      return std::nullopt;
    }
  }
  if (digits) return std::nullopt;
  return days;
}

bool ParseIcsClosures(std::string_view text, const std::string& label, std::vector<Closure>* out,
                      Diagnostics* d) {
  // Unfold: a line that begins with a space or tab continues the one before (RFC 5545 3.1).
  struct Line {
    std::string text;
    size_t number;
  };
  std::vector<Line> lines;
  size_t number = 0;
  for (size_t pos = 0; pos < text.size();) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view raw = text.substr(pos, end - pos);
    if (!raw.empty() && raw.back() == '\r') raw.remove_suffix(1);
    ++number;
    if (!raw.empty() && (raw[0] == ' ' || raw[0] == '\t') && !lines.empty())
      lines.back().text += raw.substr(1);
    else
      lines.push_back({std::string(raw), number});
    pos = end + 1;
  }
  bool ok = true, in_event = false;
  size_t event_line = 0;
  // The event's DTSTART and DTEND: the day, whether given, and whether with a time of day.
  struct When {
    DayNumber day = 0;
    bool given = false, timed = false;
  } start, finish;
  std::optional<int> duration;
  std::string summary;
  bool has_dtstart_error = false;
  for (const Line& line : lines) {
    size_t colon = line.text.find(':');
    std::string name = line.text.substr(0, std::min(colon, line.text.find(';')));
    std::string value = colon == std::string::npos ? "" : line.text.substr(colon + 1);
    std::string where = Where(line.number, 1);
    if (name == "BEGIN" && value == "VEVENT") {
      in_event = true;
      event_line = line.number;
      start = When{};
      finish = When{};
      duration.reset();
      summary.clear();
      has_dtstart_error = false;
    } else if (!in_event) {
      continue;
    } else if (name == "DTSTART" || name == "DTEND") {
      auto parsed = IcsDate(value);
      if (!parsed) {
        d->Error(where, name + " '" + value +
                            "' is not an iCalendar date; write YYYYMMDD (e.g. "
                            "DTSTART;VALUE=DATE:20191223) or YYYYMMDDTHHMMSS");
        ok = false;
        has_dtstart_error = true;
      } else {
        (name == "DTSTART" ? start : finish) = When{parsed->first, true, parsed->second};
      }
    } else if (name == "DURATION") {
      duration = IcsDurationDays(value);
      if (!duration) {
        d->Error(where, "DURATION '" + value +
                            "' is not read; closures are whole days: write P1D, P5D or P1W, or "
                            "give DTEND");
        ok = false;
        has_dtstart_error = true;
      }
    } else if (name == "RRULE" || name == "RDATE") {
      d->Error(where, name +
                          " (a repeating event) is not read; list each closure as an event of "
                          "its own");
      ok = false;
      has_dtstart_error = true;
    } else if (name == "SUMMARY") {
      summary = value;
    } else if (name == "END" && value == "VEVENT") {
      in_event = false;
      if (has_dtstart_error) continue;
      if (!start.given) {
        d->Error(Where(event_line, 1), "this event has no DTSTART; give its first closed day");
        ok = false;
        continue;
      }
      Closure c{start.day, start.day, summary, label + ":" + std::to_string(event_line)};
      if (finish.given) {
        // DTEND is the first day after the event, unless it ends during that day.
        c.to = finish.timed ? finish.day : finish.day - 1;
        // DTEND on DTSTART's own day: one day, as most tools mean it.
        if (!finish.timed && finish.day == start.day) c.to = start.day;
      } else if (duration) {
        c.to = start.day + std::max(1, *duration) - 1;
      }
      CheckRange(c, Where(event_line, 1), d, &ok);
      out->push_back(std::move(c));
    }
  }
  if (in_event) {
    d->Error(Where(event_line, 1), "this event has no END:VEVENT");
    ok = false;
  }
  return ok;
}

}  // namespace

bool ParseClosures(const InputText& input, std::vector<Closure>* out, Diagnostics* diagnostics) {
  std::string_view text = input.text;
  size_t first = text.find_first_not_of(" \t\r\n");
  size_t before = out->size();
  bool ok = first != std::string_view::npos && text.substr(first).starts_with("BEGIN:VCALENDAR")
                ? ParseIcsClosures(text, input.label, out, diagnostics)
                : ParseCsvClosures(text, input.label, out, diagnostics);
  if (out->size() == before) return ok;
  // All closures together (those of earlier files too): the days they close, each day once.
  std::vector<std::pair<DayNumber, DayNumber>> ranges;
  ranges.reserve(out->size());
  for (const Closure& c : *out)
    if (c.from <= c.to) ranges.emplace_back(c.from, c.to);
  std::sort(ranges.begin(), ranges.end());
  DayNumber closed = 0, end = 0;
  bool open = false;
  for (const auto& [from, to] : ranges) {
    if (!open || from > end + 1) {
      closed += to - from + 1;
      end = to;
      open = true;
    } else if (to > end) {
      closed += to - end;
      end = to;
    }
    if (closed > kMaxClosedDays) break;
  }
  if (closed <= kMaxClosedDays) return ok;
  // Name the longest closures of this file: the likely typing errors.
  std::vector<const Closure*> longest;
  for (size_t i = before; i < out->size(); ++i) longest.push_back(&(*out)[i]);
  size_t shown = std::min<size_t>(3, longest.size());
  std::partial_sort(longest.begin(), longest.begin() + shown, longest.end(),
                    [](const Closure* a, const Closure* b) {
                      return a->to - a->from > b->to - b->from ||
                             (a->to - a->from == b->to - b->from && a->from < b->from);
                    });
  std::string list;
  for (size_t i = 0; i < shown; ++i) {
    const Closure& c = *longest[i];
    std::string line = c.place.substr(c.place.rfind(':') + 1);
    list += (i ? ", " : "") + std::string("line ") + line + " (" + FormatDate(c.from) + " to " +
            FormatDate(c.to) + ")";
  }
  const Closure& worst = *longest.front();
  diagnostics->Error(worst.place.substr(worst.place.rfind(':') + 1) + ":1",
                     "the closures close more than " + std::to_string(kMaxClosedDays) +
                         " days together (ten years), more than any plan needs; check the "
                         "dates. The longest are on " +
                         list);
  return false;
}

}  // namespace landskap
