// Day offsets of a plan and calendar dates: plain days, or working days (Monday to Friday)
// counted by a closed formula rather than by stepping through the calendar day by day.
#include "engine/plan.h"

namespace landskap {
namespace {

// 1970-01-05 was a Monday: working days are counted in whole weeks from it.
constexpr DayNumber kMonday = 4;

DayNumber FloorDiv(DayNumber a, DayNumber b) {
  return a / b - ((a % b != 0) && ((a < 0) != (b < 0)));
}

// Working days in [kMonday, day); negative before kMonday. A Saturday or Sunday counts as
// the following Monday.
int WorkdaysBefore(DayNumber day) {
  DayNumber r = day - kMonday;
  DayNumber weeks = FloorDiv(r, 7);
  DayNumber rest = r - weeks * 7;
  return static_cast<int>(weeks * 5 + (rest < 5 ? rest : 5));
}

}  // namespace

DayNumber OffsetToDate(DayNumber start, int offset, bool workdays) {
  if (!workdays) return start + offset;
  int target = WorkdaysBefore(start) + offset;
  int weeks = FloorDiv(target, 5);
  return kMonday + weeks * 7 + (target - weeks * 5);
}

int DateToOffset(DayNumber start, DayNumber day, bool workdays) {
  if (!workdays) return day - start;
  return WorkdaysBefore(day) - WorkdaysBefore(start);
}

}  // namespace landskap
