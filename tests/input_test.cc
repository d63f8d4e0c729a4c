// The input layer (engine/file/input.h): encodings sniffed once, size limits, folders and devices.
// Expected bytes are written out by hand (æ is C3 A6 in UTF-8 and E6 in Windows-1252).
#include "engine/file/input.h"

#include <gtest/gtest.h>

#include <fstream>

#include "engine/file/load.h"
#include "engine/formats/change_table.h"
#include "tests/test_support.h"

namespace landskap {
namespace {

using testing::TempDir;

std::string Messages(const Diagnostics& d) {
  std::string out;
  for (const Diagnostic& item : d.Items()) out += FormatDiagnostic(item) + "\n";
  return out;
}

InputText Decode(const std::string& bytes, InputRules rules, bool expect_ok, std::string* msg) {
  InputText out;
  Diagnostics d("f.csv");
  EXPECT_EQ(DecodeInput(bytes, "f.csv", rules, &out, &d), expect_ok) << Messages(d);
  *msg = Messages(d);
  return out;
}

TEST(Input, Utf8WithAndWithoutByteOrderMark) {
  std::string msg;
  InputText plain = Decode("Bj\xC3\xB8rnafjorden", {}, true, &msg);
  EXPECT_EQ(plain.encoding, Encoding::kUtf8);
  EXPECT_EQ(plain.text, "Bj\xC3\xB8rnafjorden");
  InputText bom = Decode("\xEF\xBB\xBF{}", {}, true, &msg);
  EXPECT_EQ(bom.encoding, Encoding::kUtf8Bom);
  EXPECT_EQ(bom.text, "{}");
}

TEST(Input, Windows1252IsConvertedOrNamedWithAHint) {
  std::string msg;
  InputRules convert;
  convert.convert_windows_1252 = true;
  // "Bjørnafjorden;4624\n" and "Sør\x96Fron" (0x96 is an en dash in Windows-1252).
  InputText t = Decode(
      "kommune;nr\nBj\xF8rnafjorden;4624\nS\xF8r\x96"
      "Fron;3449\n",
      convert, true, &msg);
  EXPECT_EQ(t.encoding, Encoding::kWindows1252);
  EXPECT_EQ(t.text,
            "kommune;nr\nBj\xC3\xB8rnafjorden;4624\nS\xC3\xB8r\xE2\x80\x93"
            "Fron;3449\n");
  InputRules strict;
  strict.what = "a landscape file";
  Decode(
      "{\n  \"name\": \"\xC6"
      "sir\"}",
      strict, false, &msg);
  EXPECT_EQ(msg,
            "f.csv:2:12: error: this file is not UTF-8: it looks like Windows-1252 (æ, ø and å as "
            "single bytes, the first one here). Save it again as UTF-8 (in Excel: 'CSV UTF-8'; in "
            "Notepad: Save as, Encoding: UTF-8)\n");
}

TEST(Input, Utf16IsRefusedWithAHint) {
  std::string msg;
  Decode(std::string("\xFF\xFE{\0}\0", 6), {}, false, &msg);
  EXPECT_NE(msg.find("saved as UTF-16"), std::string::npos) << msg;
  Decode(std::string("\0{\0\"\0a\0\"\0:\0", 10), {}, false, &msg);
  EXPECT_NE(msg.find("saved as UTF-16"), std::string::npos) << msg;
}

TEST(Input, BinaryIsNamedAtItsFirstNul) {
  std::string msg;
  Decode(std::string("ab\ncd\0ef", 8), {}, false, &msg);
  EXPECT_EQ(msg.rfind("f.csv:2:3: error: this is not a text file", 0), 0u) << msg;
}

TEST(Input, OtherBrokenBytesAreLeftToTheReader) {
  std::string msg;
  // 0x81 is undefined in Windows-1252: not that encoding, so the reader points at the byte.
  InputText t = Decode("{\"a\": \"\x81\"}", {}, true, &msg);
  EXPECT_EQ(t.encoding, Encoding::kUnknown);
  Landscape l;
  Diagnostics d("f.json");
  EXPECT_FALSE(LoadLandscapeText(t.text, "f.json", &l, &d));
}

TEST(Input, FirstInvalidUtf8FindsOverlongAndSurrogates) {
  EXPECT_EQ(FirstInvalidUtf8("abc"), std::string::npos);
  EXPECT_EQ(FirstInvalidUtf8("a\xC0\xAF"), 1u);                         // overlong "/"
  EXPECT_EQ(FirstInvalidUtf8("ab\xED\xA0\x80"), 2u);                    // a surrogate
  EXPECT_EQ(FirstInvalidUtf8("\xF0\x9F\x98\x80!"), std::string::npos);  // an emoji
  EXPECT_EQ(FirstInvalidUtf8("\xE2\x82"), 0u);                          // cut short
}

TEST(Input, SizeLimitOnFilesAndStreams) {
  std::string dir = TempDir();
  std::string path = dir + "/big.csv";
  std::ofstream(path) << std::string(5000, 'x');
  InputRules rules;
  rules.what = "a change table";
  rules.max_bytes = 4096;
  InputText out;
  Diagnostics d;
  EXPECT_FALSE(ReadInput(path, rules, &out, &d));
  EXPECT_NE(Messages(d).find("more than the 1 MB a change table may hold"), std::string::npos)
      << Messages(d);
}

TEST(Input, FoldersMissingFilesAndDevices) {
  InputRules rules;
  rules.what = "a landscape file";
  InputText out;
  Diagnostics d;
  EXPECT_FALSE(ReadInput(TempDir(), rules, &out, &d));
  EXPECT_FALSE(ReadInput("/no/such/file.json", rules, &out, &d));
  EXPECT_FALSE(ReadInput("/dev/zero", rules, &out, &d));
  EXPECT_TRUE(ReadInput("/dev/null", rules, &out, &d));  // empty: the reader says so
  EXPECT_EQ(out.text, "");
  std::string m = Messages(d);
  EXPECT_NE(m.find(": error: this is a folder, not a landscape file"), std::string::npos) << m;
  EXPECT_NE(m.find("/no/such/file.json: error: there is no such file"), std::string::npos) << m;
  EXPECT_NE(m.find("/dev/zero:1:1: error: this is not a text file"), std::string::npos) << m;
}

TEST(Input, ChangeTableInWindows1252IsRead) {
  std::string dir = TempDir();
  std::string path = dir + "/endringer.csv";
  std::ofstream(path, std::ios::binary) << "Gammel;Ny\n\"1246 - Fjell\";\"4626 - \xD8ygarden\"\n";
  Landscape l;
  l.InternKey("kommunenummer");
  Diagnostics d(path);
  ASSERT_TRUE(AddChangeTable(path, 0, std::nullopt, &l, &d)) << Messages(d);
  ASSERT_EQ(l.changes.size(), 1u);
  EXPECT_EQ(l.changes[0].from, "1246");
  EXPECT_EQ(l.changes[0].to, "4626");
}

}  // namespace
}  // namespace landskap
