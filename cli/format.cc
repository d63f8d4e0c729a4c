// Text tables and CSV fields.
#include "cli/format.h"

#include <algorithm>

namespace landskap::cli {
namespace {

// Decodes one UTF-8 code point at text[i]; returns its length in bytes (1 for bad bytes).
size_t CodePoint(std::string_view text, size_t i, char32_t* cp) {
  unsigned char c = static_cast<unsigned char>(text[i]);
  size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xe ? 3 : (c >> 3) == 0x1e ? 4 : 1;
  if (i + len > text.size()) len = 1;
  char32_t value = len == 1 ? c : c & (0xff >> (len + 1));
  for (size_t k = 1; k < len; ++k) value = (value << 6) | (text[i + k] & 0x3f);
  *cp = value;
  return len;
}

size_t CodePointWidth(char32_t cp) {
  if (cp >= 0x0300 && cp <= 0x036f) return 0;  // combining marks
  if ((cp >= 0x1f300 && cp <= 0x1faff) || (cp >= 0x2600 && cp <= 0x27bf) ||
      (cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0xa4cf) ||
      (cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0xf900 && cp <= 0xfaff) ||
      (cp >= 0xff00 && cp <= 0xff60))
    return 2;  // emoji and East Asian wide characters
  return 1;
}

}  // namespace

size_t DisplayWidth(std::string_view text) {
  size_t width = 0;
  for (size_t i = 0; i < text.size();) {
    char32_t cp;
    i += CodePoint(text, i, &cp);
    width += CodePointWidth(cp);
  }
  return width;
}

std::string Shorten(std::string_view text, size_t width) {
  if (DisplayWidth(text) <= width) return std::string(text);
  std::string out;
  size_t used = 0;
  for (size_t i = 0; i < text.size();) {
    char32_t cp;
    size_t len = CodePoint(text, i, &cp);
    size_t w = CodePointWidth(cp);
    if (used + w + 1 > width) break;
    out.append(text.substr(i, len));
    used += w;
    i += len;
  }
  return out + "…";
}

std::string TextTable::Render() const {
  std::vector<size_t> widths(header_.size(), 0);
  auto measure = [&](const std::vector<std::string>& row) {
    for (size_t c = 0; c < row.size() && c < widths.size(); ++c)
      widths[c] = std::max(widths[c], DisplayWidth(row[c]));
  };
  measure(header_);
  for (const auto& row : rows_) measure(row);
  auto line = [&](const std::vector<std::string>& row) {
    std::string out;
    for (size_t c = 0; c < widths.size(); ++c) {
      std::string cell = c < row.size() ? row[c] : "";
      size_t pad = widths[c] - DisplayWidth(cell);
      bool right = std::find(right_.begin(), right_.end(), c) != right_.end();
      bool last = c + 1 == widths.size();
      if (right) out.append(pad, ' ');
      out += cell;
      if (!right && !last) out.append(pad, ' ');
      if (!last) out += "  ";
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out + "\n";
  };
  std::string out = line(header_);
  std::vector<std::string> rule;
  for (size_t w : widths) rule.push_back(std::string(w, '-'));
  out += line(rule);
  for (const auto& row : rows_) out += line(row);
  return out;
}

std::string TextTable::RenderMarkdown() const {
  auto cell = [](const std::string& text) {
    std::string out;
    for (char c : text) {
      if (c == '|')
        out += "\\|";
      else if (c == '\n')
        out += ' ';
      else
        out += c;
    }
    return out;
  };
  auto line = [&](const std::vector<std::string>& row) {
    std::string out = "|";
    for (size_t c = 0; c < header_.size(); ++c)
      out += " " + cell(c < row.size() ? row[c] : "") + " |";
    return out + "\n";
  };
  std::string out = line(header_);
  out += "|";
  for (size_t c = 0; c < header_.size(); ++c) {
    bool right = std::find(right_.begin(), right_.end(), c) != right_.end();
    out += right ? " ---: |" : " --- |";
  }
  out += "\n";
  for (const auto& row : rows_) out += line(row);
  return out;
}

std::string CsvField(std::string_view text) {
  std::string value(text);
  if (!value.empty() &&
      (value[0] == '=' || value[0] == '+' || value[0] == '-' || value[0] == '@')) {
    // Negative numbers are data, not formulas.
    bool number = value.size() > 1 && value[0] == '-' &&
                  value.find_first_not_of("0123456789.", 1) == std::string::npos;
    if (!number) value = "'" + value;
  }
  if (value.find_first_of(",\"\r\n") == std::string::npos) return value;
  std::string out = "\"";
  for (char c : value) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string CsvRow(const std::vector<std::string>& fields) {
  std::string out;
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i) out += ',';
    out += CsvField(fields[i]);
  }
  return out + "\n";
}

std::string Count(size_t n, std::string_view singular, std::string_view plural) {
  return std::to_string(n) + " " + std::string(n == 1 ? singular : plural);
}

}  // namespace landskap::cli
