// The plan's calendar: Easter and the Norwegian public holidays against dates looked up by
// hand (almanakk.no, the Norwegian calendar), working-day arithmetic across Easter and
// Christmas, and the readers of local closures (CSV and iCalendar) with their errors.
#include "engine/plan/calendar.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace landskap {
namespace {

DayNumber D(const char* text) { return *ParseDate(text); }

TEST(Calendar, EasterSundaysFrom2019To2030) {
  const char* known[] = {"2019-04-21", "2020-04-12", "2021-04-04", "2022-04-17",
                         "2023-04-09", "2024-03-31", "2025-04-20", "2026-04-05",
                         "2027-03-28", "2028-04-16", "2029-04-01", "2030-04-21"};
  for (int year = 2019; year <= 2030; ++year)
    EXPECT_EQ(FormatDate(EasterSunday(year)), known[year - 2019]) << year;
}

TEST(Calendar, NorwegianHolidaysOf2019) {
  std::vector<std::string> got;
  for (const ClosedDay& h : NorwegianHolidays(2019))
    got.push_back(FormatDate(h.day) + " " + h.name);
  std::vector<std::string> expected = {"2019-01-01 nyttårsdag",
                                       "2019-04-18 skjærtorsdag",
                                       "2019-04-19 langfredag",
                                       "2019-04-22 2. påskedag",
                                       "2019-05-01 1. mai",
                                       "2019-05-17 17. mai",
                                       "2019-05-30 Kristi himmelfartsdag",
                                       "2019-06-10 2. pinsedag",
                                       "2019-12-25 1. juledag",
                                       "2019-12-26 2. juledag"};
  EXPECT_EQ(got, expected);
}

TEST(Calendar, WorkingDaysSkipWeekendsAndHolidays) {
  Calendar c;
  EXPECT_TRUE(c.IsWorkingDay(D("2019-04-17")));   // Wednesday before Easter
  EXPECT_FALSE(c.IsWorkingDay(D("2019-04-18")));  // skjærtorsdag
  EXPECT_FALSE(c.IsWorkingDay(D("2019-04-20")));  // Saturday
  EXPECT_FALSE(c.IsWorkingDay(D("2019-04-22")));  // 2. påskedag
  EXPECT_TRUE(c.IsWorkingDay(D("2019-12-24")));   // julaften is not a public holiday
  EXPECT_FALSE(c.IsWorkingDay(D("2020-05-21")));  // Kristi himmelfartsdag 2020 (Easter 12 April)
  // Monday 15 April 2019: Mon, Tue, Wed, then Tue 23 and Wed 24 (Thu-Mon closed).
  EXPECT_EQ(FormatDate(c.Date(D("2019-04-15"), 4)), "2019-04-24");
  EXPECT_EQ(c.Offset(D("2019-04-15"), D("2019-04-23")), 3);
  EXPECT_EQ(c.Offset(D("2019-04-15"), D("2019-04-19")), 3);  // a closed day counts as the next
  EXPECT_EQ(c.Offset(D("2019-04-23"), D("2019-04-15")), -3);
  EXPECT_EQ(FormatDate(c.NextWorkingDay(D("2019-04-18"))), "2019-04-23");
  // 2019 has 261 weekdays (52 weeks and a Tuesday), and all ten holidays fall on one.
  EXPECT_EQ(c.Offset(D("2019-01-01"), D("2020-01-01")), 251);
  std::vector<ClosedDay> december = c.ClosedBetween(D("2019-12-20"), D("2020-01-03"));
  ASSERT_EQ(december.size(), 3u);
  EXPECT_EQ(december[0].name, "1. juledag");
  EXPECT_EQ(december[2].name, "nyttårsdag");
}

TEST(Calendar, AllDaysAndClosures) {
  Calendar all(Calendar::Kind::kAllDays);
  EXPECT_TRUE(all.IsWorkingDay(D("2019-12-25")));
  EXPECT_EQ(all.Offset(D("2019-12-20"), D("2020-01-03")), 14);
  // The Christmas week closed, 23 to 31 December: from Friday 20, day 1 is 2 January.
  Calendar closed(Calendar::Kind::kWorkingDays, {{D("2019-12-23"), D("2019-12-31"), "jul"}});
  EXPECT_EQ(FormatDate(closed.Date(D("2019-12-20"), 1)), "2020-01-02");
  std::vector<ClosedDay> days = closed.ClosedBetween(D("2019-12-23"), D("2020-01-01"));
  // Mon 23, Tue 24, Wed 25 (holiday), Thu 26 (holiday), Fri 27, Mon 30, Tue 31, Wed 1 Jan.
  ASSERT_EQ(days.size(), 8u);
  EXPECT_EQ(days[0].name, "jul");
  EXPECT_EQ(days[2].name, "1. juledag");
  // Overlapping closures merge.
  Calendar merged(Calendar::Kind::kAllDays, {{D("2019-07-01"), D("2019-07-10"), "a"},
                                             {D("2019-07-05"), D("2019-07-20"), "b"}});
  ASSERT_EQ(merged.closures().size(), 1u);
  EXPECT_EQ(FormatDate(merged.closures()[0].to), "2019-07-20");
  EXPECT_EQ(merged.closures()[0].label, "a; b");
}

struct Read {
  bool ok = false;
  std::vector<Closure> closures;
  std::string messages;
};

Read ReadClosures(const std::string& text) {
  Read r;
  InputText input{"closed.txt", text, Encoding::kUtf8};
  Diagnostics d("closed.txt");
  r.ok = ParseClosures(input, &r.closures, &d);
  for (const Diagnostic& item : d.Items()) r.messages += FormatDiagnostic(item) + "\n";
  return r;
}

std::string Ranges(const std::vector<Closure>& closures) {
  std::string out;
  for (const Closure& c : closures)
    out += FormatDate(c.from) + ".." + FormatDate(c.to) + " " + c.label + "\n";
  return out;
}

TEST(Calendar, ClosuresFromCsv) {
  Read r = ReadClosures(
      "from;to;label\n"
      "# the Christmas week\n"
      "2019-12-23;2019-12-31;juleferie\n"
      "\n"
      "2019-07-15\n"
      "\"2019-10-14\",\"2019-10-18\"\n");
  ASSERT_TRUE(r.ok) << r.messages;
  EXPECT_EQ(Ranges(r.closures),
            "2019-12-23..2019-12-31 juleferie\n2019-07-15..2019-07-15 \n"
            "2019-10-14..2019-10-18 \n");
  Read bad = ReadClosures("2019-12-23,2019-12-32\n23.12.2019\n2019-12-31,2019-12-23\n");
  EXPECT_FALSE(bad.ok);
  EXPECT_EQ(bad.messages,
            "closed.txt:1:12: error: '2019-12-32' is not a date; the second column is the last "
            "closed day, YYYY-MM-DD\n"
            "closed.txt:2:1: error: '23.12.2019' is not a date; write one closed day a line as "
            "YYYY-MM-DD, or a range as 2019-12-23,2019-12-31\n"
            "closed.txt:3:1: error: the closure ends on 2019-12-23, before it begins on "
            "2019-12-31; write the first day, then the last\n");
}

TEST(Calendar, ClosuresFromICalendar) {
  Read r = ReadClosures(
      "BEGIN:VCALENDAR\r\n"
      "VERSION:2.0\r\n"
      "BEGIN:VEVENT\r\n"
      "SUMMARY:Jule\r\n"
      " ferie\r\n"
      "DTSTART;VALUE=DATE:20191223\r\n"
      "DTEND;VALUE=DATE:20200101\r\n"
      "END:VEVENT\r\n"
      "BEGIN:VEVENT\r\n"
      "DTSTART;VALUE=DATE:20190715\r\n"
      "DURATION:P1W\r\n"
      "END:VEVENT\r\n"
      "BEGIN:VEVENT\r\n"
      "DTSTART:20191004T080000Z\r\n"
      "DTEND:20191004T160000Z\r\n"
      "END:VEVENT\r\n"
      "BEGIN:VEVENT\r\n"
      "DTSTART;VALUE=DATE:20191111\r\n"
      "END:VEVENT\r\n"
      "END:VCALENDAR\r\n");
  ASSERT_TRUE(r.ok) << r.messages;
  // DTEND is exclusive: 1 January is not in the first closure.
  EXPECT_EQ(Ranges(r.closures),
            "2019-12-23..2019-12-31 Juleferie\n2019-07-15..2019-07-21 \n"
            "2019-10-04..2019-10-04 \n2019-11-11..2019-11-11 \n");
  Read bad = ReadClosures(
      "BEGIN:VCALENDAR\n"
      "BEGIN:VEVENT\n"
      "DTSTART:2019-12-23\n"
      "END:VEVENT\n"
      "BEGIN:VEVENT\n"
      "DTSTART;VALUE=DATE:20191223\n"
      "RRULE:FREQ=YEARLY\n"
      "END:VEVENT\n"
      "BEGIN:VEVENT\n"
      "SUMMARY:no start\n"
      "END:VEVENT\n"
      "END:VCALENDAR\n");
  EXPECT_FALSE(bad.ok);
  EXPECT_EQ(bad.messages,
            "closed.txt:3:1: error: DTSTART '2019-12-23' is not an iCalendar date; write "
            "YYYYMMDD (e.g. DTSTART;VALUE=DATE:20191223) or YYYYMMDDTHHMMSS\n"
            "closed.txt:7:1: error: RRULE (a repeating event) is not read; list each closure as "
            "an event of its own\n"
            "closed.txt:9:1: error: this event has no DTSTART; give its first closed day\n");
}

// Issue 17, finding 6: closures pushed a plan into the year 9995. All closures together may
// close at most kMaxClosedDays (3 660) days; these two close 2 000 and 2 001 days (counted with
// Python's datetime: 2020-01-01 + 1 999 days is 2025-06-22), and do not overlap.
TEST(Calendar, ClosuresTogetherCloseAtMostTenYears) {
  Read r = ReadClosures(
      "2020-01-01,2025-06-22,first\n"
      "# a gap\n"
      "2030-01-01,2035-06-24,second\n");
  EXPECT_FALSE(r.ok);
  // The longest is named first, and is the error's place: line 3 (2 001 days), then line 1.
  EXPECT_EQ(r.messages,
            "closed.txt:3:1: error: the closures close more than 3660 days together (ten "
            "years), more than any plan needs; check the dates. The longest are on line 3 "
            "(2030-01-01 to 2035-06-24), line 1 (2020-01-01 to 2025-06-22)\n");
  // Overlapping closures count each day once: these two close 2 999 days, not 4 017.
  Read overlap = ReadClosures("2020-01-01,2025-06-22\n2022-09-09,2028-03-17\n");
  EXPECT_TRUE(overlap.ok) << overlap.messages;
  // Each closure keeps its place, for the warnings of the plan.
  ASSERT_EQ(overlap.closures.size(), 2u);
  EXPECT_EQ(overlap.closures[1].place, "closed.txt:2");
}

// Issue 17, finding 6: a thousand adjacent closures merged into one whose label joined all
// thousand labels, and every closed day was named by it (a 1.1 GB plan). Now the first five
// labels, then how many more.
TEST(Calendar, AdjacentClosuresKeepAShortLabel) {
  std::vector<Closure> closures;
  for (int i = 0; i < 1000; ++i)
    closures.emplace_back(D("2020-01-01") + i, D("2020-01-01") + i, "dag " + std::to_string(i));
  Calendar c(Calendar::Kind::kAllDays, closures);
  ASSERT_EQ(c.closures().size(), 1u);
  EXPECT_EQ(c.closures()[0].label, "dag 0; dag 1; dag 2; dag 3; dag 4; … and 995 more");
  // The same label twice is shown once.
  Calendar twice(Calendar::Kind::kAllDays, {{D("2020-01-01"), D("2020-01-02"), "a"},
                                            {D("2020-01-03"), D("2020-01-03"), "a"}});
  EXPECT_EQ(twice.closures()[0].label, "a");
  // ClosureOn finds the merged closure of a day by binary search.
  ASSERT_NE(c.ClosureOn(D("2021-01-01")), nullptr);
  EXPECT_EQ(c.ClosureOn(D("2021-01-01"))->from, D("2020-01-01"));
  EXPECT_EQ(c.ClosureOn(D("2019-12-31")), nullptr);
  EXPECT_EQ(c.ClosureOn(D("2022-09-27")), nullptr);  // 2020-01-01 + 1 000 days
  std::vector<ClosedDay> days = c.ClosedBetween(D("2020-01-01"), D("2020-01-02"));
  ASSERT_EQ(days.size(), 2u);
  EXPECT_EQ(days[0].name, "dag 0; dag 1; dag 2; dag 3; dag 4; … and 995 more");
}

// The covered years grow by doubling (issue 17, finding 6: by four years at a time, which was
// quadratic in the years a plan spans). What is checked here is that the answers stay right
// across centuries, against a day-by-day count: a closure every year from 2020 to 2799.
TEST(Calendar, WorkingDaysStayRightAcrossCenturies) {
  std::vector<Closure> closures;
  for (int y = 2020; y < 2800; ++y) {
    DayNumber first = *ParseDate(std::to_string(y) + "-03-02");
    closures.emplace_back(first, first + 2, "stengt");
  }
  Calendar c(Calendar::Kind::kWorkingDays, closures);
  DayNumber start = D("2020-01-01");
  // Walk day by day from 2020 to 2799, counting working days with IsWorkingDay only, and
  // compare Offset and Date at the first day of each year.
  int count = 0;
  DayNumber first_working = c.NextWorkingDay(start);
  for (DayNumber d = first_working; d < D("2800-01-01"); ++d) {
    if (YearOf(d) != YearOf(d - 1) && c.IsWorkingDay(d)) {
      ASSERT_EQ(c.Offset(start, d), count) << FormatDate(d);
      ASSERT_EQ(c.Date(start, count), d) << FormatDate(d);
    }
    if (c.IsWorkingDay(d)) ++count;
  }
  // 2799-03-02 to 2799-03-04 is the last closure; 2799-03-03 is closed.
  EXPECT_FALSE(c.IsWorkingDay(D("2799-03-03")));
}

}  // namespace
}  // namespace landskap
