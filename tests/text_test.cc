// Control characters made visible (engine/model/text.h) and the text helpers of cli/formats/table.h
// that build on it: a name holding ESC, NUL or a C1 control is shown as \xNN everywhere, tables
// stay aligned, Markdown and CSV stay well-formed, and JSON stays exact.
#include "engine/model/text.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "cli/formats/table.h"

namespace landskap {
namespace {

using namespace std::string_literals;  // "...\0..."s keeps the NUL

// Some literals use octal escapes (\033 is ESC): a hex escape would swallow a following letter.

TEST(VisibleText, ControlsBecomeEscapes) {
  EXPECT_EQ(VisibleText("\x1b[31mRED\x1b[0m"), "\\x1b[31mRED\\x1b[0m");
  EXPECT_EQ(VisibleText("before\0after"s), "before\\x00after");  // not cut at the NUL
  EXPECT_EQ(VisibleText("a\001b\177c"), "a\\x01b\\x7fc");
  // C1 controls (U+0085 NEL, U+009B CSI) and the noncharacters XML forbids.
  EXPECT_EQ(VisibleText("nel\302\205csi\302\23331m"), "nel\\x85csi\\x9b31m");
  EXPECT_EQ(VisibleText("a\357\277\277b\357\277\276"), "a\\uffffb\\ufffe");
}

TEST(VisibleText, LineBreaksAndTabs) {
  EXPECT_EQ(VisibleText("a\r\nb\rc\nd\te"), "a b c d e");
  EXPECT_EQ(VisibleText("a\r\nb\rc\nd\te", LineBreaks::kKeep), "a\nb\nc\nd e");
}

TEST(VisibleText, OtherTextIsUnchangedAndTwiceIsOnce) {
  const std::string text = "Ærlig & åpen 🚀 \\N \xE2\x80\xA8 <b> \"q\"";
  EXPECT_EQ(VisibleText(text), text);
  std::string once = VisibleText("x\x1b\0y"s);
  EXPECT_EQ(VisibleText(once), once);
}

TEST(VisibleText, BytesThatAreNotUtf8AreShownAsBytes) {
  // A lone continuation byte, a truncated sequence, an overlong '/' and a surrogate.
  EXPECT_EQ(VisibleText("a\205b"), "a\\x85b");
  EXPECT_EQ(VisibleText("a\xC3"), "a\\xc3");
  EXPECT_EQ(VisibleText("\xC0\xAF"), "\\xc0\\xaf");
  EXPECT_EQ(VisibleText("\xED\xA0\x80"), "\\xed\\xa0\\x80");
}

TEST(EscapeJsonControls, SameStringForAJsonReaderNothingRawForATerminal) {
  nlohmann::json value = "del\x7f nel\xC2\x85 sep\xE2\x80\xA8 esc\x1b nul"s + '\0' + " ø";
  std::string text = EscapeJsonControls(value.dump());
  EXPECT_EQ(text, "\"del\\u007f nel\\u0085 sep\\u2028 esc\\u001b nul\\u0000 \xC3\xB8\"");
  EXPECT_EQ(nlohmann::json::parse(text), value);
}

TEST(Format, TableCellsAreVisibleAndColumnsStayAligned) {
  cli::TextTable table({"name", "owner"});
  table.AddRow({"\x1b[31mRED\x1b[0m", "x"});
  table.AddRow({"before\0after"s, "y"});
  table.AddRow({"two\nlines", "z"});
  std::string out = table.Render();
  EXPECT_EQ(out.find_first_of("\x1b\r\t"), std::string::npos) << out;
  EXPECT_EQ(out.find('\0'), std::string::npos) << out;
  EXPECT_EQ(out,
            "name                owner\n"
            "------------------  -----\n"
            "\\x1b[31mRED\\x1b[0m  x\n"
            "before\\x00after     y\n"
            "two lines           z\n");
}

TEST(Format, MarkdownCellsAreVisibleWithPipesEscaped) {
  cli::TextTable table({"name"});
  table.AddRow({"a|b\x1b\nc"});
  EXPECT_EQ(table.RenderMarkdown(), "| name |\n| --- |\n| a\\|b\\x1b c |\n");
}

TEST(Format, WidthAndShortenCountTheVisibleForm) {
  EXPECT_EQ(cli::DisplayWidth("a\033b"), 6u);
  EXPECT_EQ(cli::DisplayWidth("æ\0"s), 5u);
  EXPECT_EQ(cli::Shorten("a\033b", 6), "a\\x1bb");
  // An escape is kept whole or dropped whole, never cut in half.
  EXPECT_EQ(cli::Shorten("\x1b\x1b\x1b", 7), "\\x1b…");
  EXPECT_EQ(cli::Shorten("ab\x1b", 4), "ab…");
}

TEST(Format, CsvFieldsKeepLineBreaksAndShowOtherControls) {
  EXPECT_EQ(cli::CsvField("before\0after"s), "before\\x00after");
  EXPECT_EQ(cli::CsvField("\x1b[31mRED"), "\\x1b[31mRED");
  EXPECT_EQ(cli::CsvField("tab\there"), "tab here");
  EXPECT_EQ(cli::CsvField("l1\r\nl2"), "\"l1\nl2\"");
  EXPECT_EQ(cli::CsvField("=1+1\x07"), "'=1+1\\x07");
}

}  // namespace
}  // namespace landskap
