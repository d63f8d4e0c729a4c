// Control characters made visible, and the UTF-8 decoding that finds them.
#include "engine/model/text.h"

#include <cstdio>
#include <filesystem>

namespace landskap {
namespace {

constexpr char32_t kBadByte = 0x110000;  // + the byte: see DecodeUtf8

bool Continuation(std::string_view text, size_t i) {
  return i < text.size() && (static_cast<unsigned char>(text[i]) & 0xc0) == 0x80;
}

void AppendEscape(char32_t value, std::string* out) {
  char buffer[16];
  if (value <= 0xff)
    std::snprintf(buffer, sizeof buffer, "\\x%02x", static_cast<unsigned>(value));
  else
    std::snprintf(buffer, sizeof buffer, "\\u%04x", static_cast<unsigned>(value));
  *out += buffer;
}

}  // namespace

bool IsControlCodePoint(char32_t cp) {
  return cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) || cp == 0xfffe || cp == 0xffff;
}

size_t DecodeUtf8(std::string_view text, size_t i, char32_t* cp) {
  unsigned char c = static_cast<unsigned char>(text[i]);
  size_t len = 0;
  // The second byte's range rules out overlong forms, surrogates and values above U+10FFFF.
  unsigned char low = 0x80, high = 0xbf;
  if (c < 0x80) {
    *cp = c;
    return 1;
  } else if (c >= 0xc2 && c <= 0xdf) {
    len = 2;
  } else if (c >= 0xe0 && c <= 0xef) {
    len = 3;
    if (c == 0xe0) low = 0xa0;
    if (c == 0xed) high = 0x9f;
  } else if (c >= 0xf0 && c <= 0xf4) {
    len = 4;
    if (c == 0xf0) low = 0x90;
    if (c == 0xf4) high = 0x8f;
  }
  bool ok = len > 0 && i + len <= text.size();
  if (ok) {
    unsigned char second = static_cast<unsigned char>(text[i + 1]);
    ok = second >= low && second <= high;
    for (size_t k = 2; ok && k < len; ++k) ok = Continuation(text, i + k);
  }
  if (!ok) {
    *cp = kBadByte + c;
    return 1;
  }
  char32_t value = c & (0xff >> (len + 1));
  for (size_t k = 1; k < len; ++k) value = (value << 6) | (text[i + k] & 0x3f);
  *cp = value;
  return len;
}

void AppendVisible(std::string_view text, size_t* i, LineBreaks breaks, std::string* out) {
  char32_t cp;
  size_t len = DecodeUtf8(text, *i, &cp);
  if (cp == '\r' || cp == '\n') {
    if (cp == '\r' && *i + 1 < text.size() && text[*i + 1] == '\n') ++len;
    *out += breaks == LineBreaks::kKeep ? '\n' : ' ';
  } else if (cp == '\t') {
    *out += ' ';
  } else if (cp >= kBadByte) {
    AppendEscape(cp - kBadByte, out);
  } else if (IsControlCodePoint(cp)) {
    AppendEscape(cp, out);
  } else {
    out->append(text.substr(*i, len));
  }
  *i += len;
}

std::string VisibleText(std::string_view text, LineBreaks breaks) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) AppendVisible(text, &i, breaks, &out);
  return out;
}

std::string EscapeJsonControls(std::string_view json) {
  // Every character escaped below starts with one of these bytes (DEL, C1 controls as C2 xx,
  // U+2028/2029 as E2 xx xx, U+FFFE/FFFF as EF xx xx); text without them (most of a national
  // answer) is returned as it is, without decoding.
  if (json.find_first_of("\x7f\xc2\xe2\xef") == std::string_view::npos) return std::string(json);
  std::string out;
  out.reserve(json.size());
  for (size_t i = 0; i < json.size();) {
    char32_t cp;
    size_t len = DecodeUtf8(json, i, &cp);
    if ((cp >= 0x7f && cp <= 0x9f) || cp == 0x2028 || cp == 0x2029 || cp == 0xfffe ||
        cp == 0xffff) {
      char buffer[8];
      std::snprintf(buffer, sizeof buffer, "\\u%04x", static_cast<unsigned>(cp));
      out += buffer;
    } else {
      out.append(json.substr(i, len));
    }
    i += len;
  }
  return out;
}

std::string XmlCharacters(std::string_view text) {
  // Most text is ASCII without controls, or UTF-8 that decodes cleanly: one pass decides.
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    char32_t cp;
    size_t len = DecodeUtf8(text, i, &cp);
    const bool allowed = cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) ||
                         (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
    if (allowed)
      out.append(text.substr(i, len));
    else
      out += "\xEF\xBF\xBD";  // U+FFFD REPLACEMENT CHARACTER
    i += len;
  }
  return out;
}

std::string Ellipsize(std::string_view text, size_t max_chars) {
  if (max_chars == 0) max_chars = 1;
  size_t i = 0, count = 0, cut = std::string_view::npos;
  while (i < text.size()) {
    if (count + 1 == max_chars) cut = i;  // where "…" goes if the text is longer
    char32_t cp;
    i += DecodeUtf8(text, i, &cp);
    if (++count > max_chars) return std::string(text.substr(0, cut)) + "\u2026";
  }
  return std::string(text);
}

std::string_view TrimView(std::string_view text) {
  size_t b = 0, e = text.size();
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (b < e && space(text[b])) ++b;
  while (e > b && space(text[e - 1])) --e;
  while (e - b >= 2 && text.substr(b, 2) == "\xC2\xA0") b += 2;
  while (e - b >= 2 && text.substr(e - 2, 2) == "\xC2\xA0") e -= 2;
  return text.substr(b, e - b);
}

std::string Trim(std::string_view text) { return std::string(TrimView(text)); }

std::string AsciiLower(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::string FileEnding(std::string_view path) {
  return AsciiLower(std::filesystem::path(path).extension().string());
}

}  // namespace landskap
