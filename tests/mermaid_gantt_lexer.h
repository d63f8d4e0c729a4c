// The line rules of Mermaid's gantt grammar (packages/mermaid/src/diagrams/gantt/parser/
// gantt.jison, as jison compiles it: tests/data/mermaid/), restated in C++ for the tests and
// the plan-exports fuzzer: how Mermaid's lexer splits one line of a gantt block into tokens.
// The lexer is case-insensitive, takes the first rule that matches (not the longest) at each
// token start, and works on UTF-16 code units with JavaScript's \s (which includes U+00A0,
// U+2000..U+200A, U+FEFF ... but not U+200B ZERO WIDTH SPACE). A task is the statement
// `taskTxt taskData`: a line that lexes otherwise is a setting, a section, a comment that hides
// the task, or a parse error of the whole chart.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace landskap::mermaid {

struct Token {
  std::string kind;  // the grammar's terminal: "taskTxt", "taskData", "section", "comment", ...
  std::u32string text;
};

inline std::u32string Decode(std::string_view utf8) {
  std::u32string out;
  for (size_t i = 0; i < utf8.size();) {
    unsigned char c = static_cast<unsigned char>(utf8[i]);
    size_t len = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    if (i + len > utf8.size()) len = 1;
    char32_t cp = len == 1 ? c : c & (0xFF >> (len + 1));
    for (size_t k = 1; k < len; ++k)
      cp = (cp << 6) | (static_cast<unsigned char>(utf8[i + k]) & 0x3F);
    out += cp;
    i += len;
  }
  return out;
}

// JavaScript's \s.
inline bool JsSpace(char32_t c) {
  return c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r' || c == ' ' || c == 0xA0 ||
         c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F ||
         c == 0x205F || c == 0x3000 || c == 0xFEFF;
}

inline bool WordChar(char32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

inline bool Digit(char32_t c) { return c >= '0' && c <= '9'; }

class LineLexer {
 public:
  explicit LineLexer(std::u32string line) : s_(std::move(line)) {}

  // The tokens of the line in the INITIAL state (whitespace skipped). A rule that switches
  // the lexer into another state (click, href, call, accTitle, accDescr) ends the list with
  // its own token, which is never part of a task.
  std::vector<Token> Tokens() {
    std::vector<Token> out;
    size_t p = 0;
    while (p < s_.size()) {
      Token t = Next(&p);
      if (t.kind == "skip") continue;
      const bool stateful = t.kind == "click" || t.kind == "href" || t.kind == "callbackname" ||
                            t.kind == "acc_title" || t.kind == "acc_descr" ||
                            t.kind == "acc_descr_multiline" || t.kind == "open_directive";
      out.push_back(std::move(t));
      if (stateful) break;
    }
    return out;
  }

 private:
  char32_t At(size_t p) const { return p < s_.size() ? s_[p] : 0; }

  // Case-insensitive ASCII literal at p; returns its end or npos.
  size_t Word(size_t p, std::string_view word) const {
    for (size_t k = 0; k < word.size(); ++k) {
      char32_t c = At(p + k);
      if (c >= 'A' && c <= 'Z') c = c - 'A' + 'a';
      char32_t w = static_cast<unsigned char>(word[k]);
      if (w >= 'A' && w <= 'Z') w = w - 'A' + 'a';
      if (c != w) return std::u32string::npos;
    }
    return p + word.size();
  }
  size_t Spaces(size_t p, size_t min) const {
    size_t q = p;
    while (q < s_.size() && JsSpace(s_[q])) ++q;
    return q - p >= min ? q : std::u32string::npos;
  }
  bool Boundary(size_t p) const { return !WordChar(At(p)); }  // after a word character
  // [^<stop>]+ : the end of a run of at least one character none of which is in `stop`.
  size_t RunExcept(size_t p, std::u32string_view stop) const {
    size_t q = p;
    while (q < s_.size() && stop.find(s_[q]) == std::u32string_view::npos) ++q;
    return q > p ? q : std::u32string::npos;
  }
  // keyword\s[^stop]+ with one \s (one_space), or keyword\s+[^stop]+.
  size_t Setting(size_t p, std::string_view word, std::u32string_view stop, bool one_space) const {
    size_t q = Word(p, word);
    if (q == std::u32string::npos) return q;
    if (one_space) {
      if (!JsSpace(At(q))) return std::u32string::npos;
      ++q;
    } else {
      q = Spaces(q, 1);
      if (q == std::u32string::npos) return q;
    }
    return RunExcept(q, stop);
  }

  Token Next(size_t* p) {
    const size_t n = s_.size(), at = *p;
    auto take = [&](const char* kind, size_t end) {
      Token t{kind, s_.substr(at, end - at)};
      *p = end;
      return t;
    };
    const size_t npos = std::u32string::npos;
    size_t q;
    if (At(at) == '%' && At(at + 1) == '%' && At(at + 2) == '{')
      return take("open_directive", at + 3);
    if ((q = Word(at, "accTitle")) != npos && (q = Spaces(q, 0)) != npos && At(q) == ':')
      return take("acc_title", q + 1);
    if ((q = Word(at, "accDescr")) != npos && (q = Spaces(q, 0)) != npos && At(q) == ':')
      return take("acc_descr", q + 1);
    if ((q = Word(at, "accDescr")) != npos && (q = Spaces(q, 0)) != npos && At(q) == '{')
      return take("acc_descr_multiline", q + 1);
    if (At(at) == '%' && At(at + 1) == '%') return take("comment", n);
    if (At(at) != '}' && at + 1 < n && At(at + 1) == '%') return take("comment", n);
    if (At(at) == '%') return take("comment", n);
    if (JsSpace(At(at))) return take("skip", Spaces(at, 1));
    if ((q = Word(at, "href")) != npos && (q = Spaces(q, 1)) != npos && At(q) == '"')
      return take("href", q + 1);
    if ((q = Word(at, "call")) != npos && (q = Spaces(q, 1)) != npos)
      return take("callbackname", q);
    if ((q = Word(at, "click")) != npos && (q = Spaces(q, 1)) != npos) return take("click", q);
    if ((q = Word(at, "gantt")) != npos && Boundary(q)) return take("gantt", q);
    const std::u32string_view kSetting = U"#\n;";
    if ((q = Setting(at, "dateFormat", kSetting, true)) != npos) return take("dateFormat", q);
    if ((q = Word(at, "inclusiveEndDates")) != npos && Boundary(q))
      return take("inclusiveEndDates", q);
    if ((q = Word(at, "topAxis")) != npos && Boundary(q)) return take("topAxis", q);
    for (const char* word : {"axisFormat", "tickInterval", "includes", "excludes"})
      if ((q = Setting(at, word, kSetting, true)) != npos) return take(word, q);
    if ((q = Setting(at, "todayMarker", U"\n;", true)) != npos) return take("todayMarker", q);
    for (const char* day :
         {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
      if ((q = Word(at, "weekday")) != npos && (q = Spaces(q, 1)) != npos &&
          (q = Word(q, day)) != npos && Boundary(q))
        return take("weekday", q);
    for (const char* day : {"friday", "saturday"})
      if ((q = Word(at, "weekend")) != npos && (q = Spaces(q, 1)) != npos &&
          (q = Word(q, day)) != npos && Boundary(q))
        return take("weekend", q);
    if (Digit(At(at)) && Digit(At(at + 1)) && Digit(At(at + 2)) && Digit(At(at + 3)) &&
        At(at + 4) == '-' && Digit(At(at + 5)) && Digit(At(at + 6)) && At(at + 7) == '-' &&
        Digit(At(at + 8)) && Digit(At(at + 9)) && Boundary(at + 10))
      return take("date", at + 10);
    if ((q = Setting(at, "dateMarker", kSetting, false)) != npos) return take("dateMarker", q);
    if ((q = Setting(at, "title", U"\n", true)) != npos) return take("title", q);
    if ((q = Setting(at, "accDescription", kSetting, true)) != npos)
      return take("accDescription", q);
    if ((q = Setting(at, "section", U"\n", true)) != npos) return take("section", q);
    if ((q = RunExcept(at, U":\n")) != npos) return take("taskTxt", q);
    if (At(at) == ':' && (q = RunExcept(at + 1, U"#\n;")) != npos) return take("taskData", q);
    if (At(at) == ':') return take(":", at + 1);
    return take("INVALID", at + 1);
  }

  std::u32string s_;
};

inline std::vector<Token> LexLine(std::string_view utf8_line) {
  return LineLexer(Decode(utf8_line)).Tokens();
}

// "" when the line is one task whose text is `name` (as written, leading whitespace skipped),
// else what Mermaid would make of it.
inline std::string TaskLineProblem(std::string_view line, std::string_view name) {
  std::vector<Token> tokens = LexLine(line);
  std::string kinds;
  for (const Token& t : tokens) kinds += (kinds.empty() ? "" : " ") + t.kind;
  if (tokens.size() != 2 || tokens[0].kind != "taskTxt" || tokens[1].kind != "taskData")
    return "lexed as [" + kinds + "], not [taskTxt taskData]";
  std::u32string text = tokens[0].text;
  while (!text.empty() && JsSpace(text.back())) text.pop_back();
  if (text != Decode(name)) return "the task text is not the name";
  return "";
}

}  // namespace landskap::mermaid
