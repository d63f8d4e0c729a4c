// The plan's calendar: which days work can happen on. By default Monday to Friday without the
// Norwegian public holidays (the movable ones computed from Easter for any year), optionally
// with local closures read from a file (a CSV list of dates and ranges, or an iCalendar file);
// "all days" counts every day. Plans count durations in days of this calendar and turn day
// offsets into dates with it, so `plan`, `render --plan` and the report state the same dates.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "engine/file/input.h"
#include "engine/model/date.h"
#include "engine/model/diagnostics.h"

namespace landskap {

// A closed day with the reason it is closed: "1. juledag", or a closure's label.
struct ClosedDay {
  DayNumber day = 0;
  std::string name;
};

// A local closure, first and last day included (e.g. the Christmas week).
struct Closure {
  Closure() = default;
  Closure(DayNumber first, DayNumber last, std::string text = "", std::string where = "")
      : from(first), to(last), label(std::move(text)), place(std::move(where)) {}

  DayNumber from = 0, to = 0;
  std::string label;  // from the file; may be empty
  std::string place;  // where it was read ("closed.csv:3"), for messages; may be empty
};

// All closures together may close at most this many days (ten years): more is a typing error,
// and it bounds how far closures can push a plan.
constexpr DayNumber kMaxClosedDays = 3660;

// Easter Sunday of a Gregorian year (the anonymous Gregorian algorithm, Meeus/Jones/Butcher).
DayNumber EasterSunday(int year);
// The ten Norwegian public holidays that can fall on a weekday, in date order: nyttårsdag,
// skjærtorsdag, langfredag, 2. påskedag, 1. mai, 17. mai, Kristi himmelfartsdag,
// 2. pinsedag, 1. juledag, 2. juledag. (1. påskedag and 1. pinsedag are Sundays.)
std::vector<ClosedDay> NorwegianHolidays(int year);

class Calendar {
 public:
  enum class Kind {
    kWorkingDays,  // Monday to Friday, without Norwegian public holidays and closures
    kAllDays,      // every day, without closures
  };

  // Working days, no closures.
  Calendar() = default;
  explicit Calendar(Kind kind, std::vector<Closure> closures = {});

  Kind kind() const { return kind_; }
  bool working_days() const { return kind_ == Kind::kWorkingDays; }
  // Sorted by first day, overlapping and adjacent ranges merged (labels joined, the first few
  // of them; the place is the first closure's).
  const std::vector<Closure>& closures() const { return closures_; }
  // The (merged) closure that closes `day`, or null.
  const Closure* ClosureOn(DayNumber day) const;

  bool IsWorkingDay(DayNumber day) const;
  // The first working day on or after `day`.
  DayNumber NextWorkingDay(DayNumber day) const;
  // The number of working days in [start, day): the offset of the first working day on or
  // after `day`, counting from the first working day on or after `start` as 0. Negative when
  // `day` is before `start`.
  int Offset(DayNumber start, DayNumber day) const;
  // The date of working day number `offset` (0 or more) counted from `start` as above.
  DayNumber Date(DayNumber start, int offset) const;
  // The days in [from, to] that would be working days but for a holiday or a closure, with
  // their names, in date order.
  std::vector<ClosedDay> ClosedBetween(DayNumber from, DayNumber to) const;

 private:
  bool WeekOpen(DayNumber day) const;  // a weekday (or any day for kAllDays)
  int Base(DayNumber day) const;       // WeekOpen days before `day`, from a fixed Monday
  DayNumber BaseDay(int base) const;   // the WeekOpen day with Base() == base
  int Index(DayNumber day) const;      // working days before `day`, from the same Monday
  void Cover(DayNumber day) const;     // extends closed_ to the year of `day`, at least doubling

  Kind kind_ = Kind::kWorkingDays;
  std::vector<Closure> closures_;
  // WeekOpen days closed by a holiday or a closure, sorted, for the years [first_, last_]:
  // built as the dates asked for need them (a plan touches few years). Not thread-safe.
  mutable std::vector<DayNumber> closed_;
  mutable int first_year_ = 0, last_year_ = -1;
};

// Reads local closures: iCalendar (a file that starts with BEGIN:VCALENDAR; each VEVENT's
// DTSTART up to DTEND, which is exclusive, or DURATION in days or weeks) or a CSV list with
// one date (YYYY-MM-DD) or range ("2019-12-23,2019-12-31", ';' also separates) a line and an
// optional label in the third column; a header line and lines starting with '#' are skipped.
// Each closure keeps its place (FILE:LINE). Returns false with every problem (FILE:LINE:COL) in
// `diagnostics`, among them closures (of this and earlier files in `out`) that together close
// more than kMaxClosedDays days.
bool ParseClosures(const InputText& input, std::vector<Closure>* out, Diagnostics* diagnostics);

}  // namespace landskap
