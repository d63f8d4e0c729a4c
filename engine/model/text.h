// Text from the data as people see it. The loader keeps every string exactly as the file has
// it, and JSON output stays exact; every output for people (tables, Markdown, CSV, DOT, SVG,
// PNG, PDF, the HTML page) shows a control character as the escape a programmer would write
// for it, so that none reaches a terminal, an XML file or Graphviz raw.
//
// This is a pure string function with no printing, so it lives in engine/ where both cli/ and
// viz/ can use it without depending on each other.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace landskap {

// C0 controls (U+0000..U+001F), DEL (U+007F), C1 controls (U+0080..U+009F, which some
// terminals obey as escape sequences) and the noncharacters U+FFFE and U+FFFF (which XML
// forbids even as character references).
bool IsControlCodePoint(char32_t cp);

// Decodes the UTF-8 code point at text[i] into *cp and returns its length in bytes. A byte
// that does not start a well-formed sequence returns 1 with *cp = 0x110000 + the byte, a value
// no code point has, so that callers can show the byte.
size_t DecodeUtf8(std::string_view text, size_t i, char32_t* cp);

enum class LineBreaks {
  kKeep,     // multi-line text (Graphviz labels, CSV fields): a line break stays "\n"
  kToSpace,  // one-line text (table cells, titles): a line break becomes a space
};

// Appends the visible form of the code point at text[*i] to *out and advances *i past it:
//   - line breaks ("\n", "\r\n", a lone "\r") as one "\n" or a space (see LineBreaks);
//   - a tab as a space (it is whitespace, and would break a table's columns);
//   - any other control code point as \xNN (U+FFFE, U+FFFF as \ufffe, \uffff), the way
//     Python and JavaScript write it in a string, the same form that load diagnostics use;
//   - a byte that is not well-formed UTF-8 as \xNN too, so the result is always valid UTF-8;
//   - everything else unchanged.
// A backslash in the data is not escaped: "\x1b" in a table may be either, JSON tells.
void AppendVisible(std::string_view text, size_t* i, LineBreaks breaks, std::string* out);

// The whole of `text` through AppendVisible. Text without controls comes back unchanged, so
// applying it twice is harmless.
std::string VisibleText(std::string_view text, LineBreaks breaks = LineBreaks::kToSpace);

// JSON text (from nlohmann's dump, which escapes only U+0000..U+001F) with DEL, the C1
// controls, U+2028/U+2029 and U+FFFE/U+FFFF written as \uXXXX as well: the same string to a
// JSON reader, but nothing a terminal obeys. Outside strings JSON is printable ASCII, so these
// can only occur inside strings, where the escape means the same.
std::string EscapeJsonControls(std::string_view json);

// `text` as XML 1.0 may hold it: every code point outside the Char production (C0 controls but
// tab, line feed and carriage return; U+FFFE, U+FFFF) and every byte that is not well-formed
// UTF-8 becomes U+FFFD, so the document stays well-formed. Text that needs no change comes back
// unchanged. Escaping < & > " is the writer's own job.
std::string XmlCharacters(std::string_view text);

// `text` cut to at most `max_chars` code points (max_chars >= 1), the last of them "…" when it
// was cut, never inside a UTF-8 sequence: the sane length of a label in a picture.
std::string Ellipsize(std::string_view text, size_t max_chars);

// `text` without the spaces, tabs and line breaks at either end, then without the non-breaking
// spaces (U+00A0) there, which Excel often leaves around pasted text.
std::string_view TrimView(std::string_view text);
std::string Trim(std::string_view text);

// ASCII letters in lower case; every other byte (æøå, digits) unchanged.
std::string AsciiLower(std::string_view text);

// A path's ending in lower case with its dot (".xlsx", ".csv"), or "" when it has none.
std::string FileEnding(std::string_view path);

}  // namespace landskap
