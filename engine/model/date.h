// Calendar dates (YYYY-MM-DD) as day numbers, for fixed dates, start dates and deadlines.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace landskap {

// Days since 1970-01-01 in the proleptic Gregorian calendar.
using DayNumber = int32_t;

// Parses a strict "YYYY-MM-DD" that names a real day; nullopt otherwise.
std::optional<DayNumber> ParseDate(std::string_view text);
std::string FormatDate(DayNumber day);
// 0 = Monday ... 6 = Sunday.
int Weekday(DayNumber day);
// The calendar year the day falls in.
int YearOf(DayNumber day);

}  // namespace landskap
