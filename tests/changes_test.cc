// Change tables: recognising the number columns, and the real SSB-derived tables in ../shared.
#include <gtest/gtest.h>

#include <filesystem>
#include <set>

#include "engine/formats/change_table.h"
#include "tests/test_support.h"

namespace landskap {
namespace {

using Pairs = std::vector<std::pair<std::string, std::string>>;

Pairs Read(const std::string& text, bool expect_ok = true) {
  Pairs pairs;
  Diagnostics d("table.csv");
  EXPECT_EQ(ReadChangeTable(text, "table.csv", "kommunenummer", &pairs, &d), expect_ok);
  return pairs;
}

TEST(ChangeTable, PlainCommaSeparated) {
  EXPECT_EQ(Read("old,new\n1246,4626\n1245,4626\n1201,1201\n"),
            (Pairs{{"1246", "4626"}, {"1245", "4626"}}));
}

TEST(ChangeTable, SsbStyleWithNamesAndSemicolons) {
  EXPECT_EQ(Read("kommuner_2019;kommuner_2020;splittes\r\n"
                 "1246 - Fjell;4626 - Øygarden;0\r\n"
                 "\"1259 - Øygarden\";\"4626 - Øygarden\";0\r\n"),
            (Pairs{{"1246", "4626"}, {"1259", "4626"}}));
}

TEST(ChangeTable, NameColumnsAreSkipped) {
  EXPECT_EQ(Read("nr_2023,navn_2023,nr_2024,navn_2024,merknad\n"
                 "3001,Halden,3101,Halden,nytt nummer\n"),
            (Pairs{{"3001", "3101"}}));
}

TEST(ChangeTable, TableWithoutNumbersIsAnError) {
  Pairs pairs;
  Diagnostics d("table.csv");
  EXPECT_FALSE(ReadChangeTable("a,b\nx,y\n", "table.csv", "kommunenummer", &pairs, &d));
  ASSERT_EQ(d.ErrorCount(), 1u);
  EXPECT_EQ(d.Items()[0].location, "1:1");
  EXPECT_NE(d.Items()[0].message.find("cannot find two columns"), std::string::npos);
}

TEST(ChangeTable, AddsChangesToTheLandscape) {
  std::string dir = testing::TempDir();
  std::string path = dir + "/changes.csv";
  FILE* f = fopen(path.c_str(), "w");
  fputs("fra;til\n1246;4626\n", f);
  fclose(f);
  Landscape l;
  KeyIndex key = l.InternKey("kommunenummer");
  Diagnostics d;
  ASSERT_TRUE(AddChangeTable(path, key, ParseDate("2020-01-01"), &l, &d));
  ASSERT_EQ(l.changes.size(), 1u);
  EXPECT_EQ(l.keys[l.changes[0].key].id, "kommunenummer");
  EXPECT_EQ(FormatDate(*l.changes[0].effective), "2020-01-01");
}

// The public tables in ../shared/reference (not part of the project; skipped where absent,
// failed in CI).
std::string Reference(const std::string& relative) {
  return testing::ReferencePath("kommunenummer/" + relative);
}

TEST(ChangeTable, Reform2020FromSsbList) {
  std::string path =
      Reference("gardenberg_kommunekoder/utf8/kommuner_med_endringer_fra2019_til2020.csv");
  if (!std::filesystem::exists(path))
    LANDSKAP_SKIP_UNLESS_CI("reference data not present: " + path);
  Pairs pairs = Read(testing::ReadFile(path));
  // The list has 313 rows, one per old and new number (splits give a row per new number); in
  // one of them only the name changes (1826 Hattfjelldal, now Aarborte - Hattfjelldal).
  EXPECT_EQ(pairs.size(), 312u);
  std::set<std::pair<std::string, std::string>> set(pairs.begin(), pairs.end());
  EXPECT_TRUE(set.count({"1246", "4626"}));
  EXPECT_TRUE(set.count({"1245", "4626"}));
  EXPECT_TRUE(set.count({"1259", "4626"}));
  EXPECT_TRUE(set.count({"5012", "5055"}) && set.count({"5012", "5056"}) &&
              set.count({"5012", "5059"}))
      << "Snillfjord was split in three";
}

TEST(ChangeTable, Reform2024Derived) {
  std::string path = Reference("derived/kommunenummer_endringer_2023_til_2024.csv");
  if (!std::filesystem::exists(path))
    LANDSKAP_SKIP_UNLESS_CI("reference data not present: " + path);
  Pairs pairs = Read(testing::ReadFile(path));
  EXPECT_EQ(pairs.size(), 115u);  // SOURCE.md: 114 renumbered + Ålesund → Haram
  EXPECT_EQ(pairs.front(), (std::pair<std::string, std::string>{"3001", "3101"}));
}

}  // namespace
}  // namespace landskap
