// Date arithmetic on std::chrono's calendar types, so leap years are not ours to get wrong.
#include "engine/model/date.h"

#include <chrono>
#include <cstdio>

namespace landskap {

std::optional<DayNumber> ParseDate(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  int parts[3] = {0, 0, 0};
  const int starts[3] = {0, 5, 8};
  const int lengths[3] = {4, 2, 2};
  for (int p = 0; p < 3; ++p) {
    for (int i = 0; i < lengths[p]; ++i) {
      char c = text[starts[p] + i];
      if (c < '0' || c > '9') return std::nullopt;
      parts[p] = parts[p] * 10 + (c - '0');
    }
  }
  std::chrono::year_month_day ymd{std::chrono::year{parts[0]},
                                  std::chrono::month{static_cast<unsigned>(parts[1])},
                                  std::chrono::day{static_cast<unsigned>(parts[2])}};
  if (!ymd.ok()) return std::nullopt;
  return static_cast<DayNumber>(std::chrono::sys_days{ymd}.time_since_epoch().count());
}

std::string FormatDate(DayNumber day) {
  std::chrono::year_month_day ymd{std::chrono::sys_days{std::chrono::days{day}}};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return buf;
}

int Weekday(DayNumber day) {
  std::chrono::weekday wd{std::chrono::sys_days{std::chrono::days{day}}};
  return static_cast<int>(wd.iso_encoding()) - 1;
}

int YearOf(DayNumber day) {
  std::chrono::year_month_day ymd{std::chrono::sys_days{std::chrono::days{day}}};
  return static_cast<int>(ymd.year());
}

}  // namespace landskap
