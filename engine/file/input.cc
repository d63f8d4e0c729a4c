// Reading inputs with POSIX calls rather than iostreams: a named pipe must be opened without
// blocking and waited on with a time limit, a device must be read in bounded chunks, and the
// kind of file (folder, pipe, terminal) decides the message, none of which iostreams can tell.
#include "engine/file/input.h"

#include <fcntl.h>
#include <poll.h>
#include <simdjson.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

namespace landskap {
namespace {

constexpr size_t kChunk = size_t{1} << 16;

std::string Megabytes(size_t bytes) {
  return std::to_string((bytes + (size_t{1} << 20) - 1) >> 20) + " MB";
}

// Closes the descriptor when the read is over, whichever way it ends.
class Fd {
 public:
  explicit Fd(int fd, bool owned) : fd_(fd), owned_(owned) {}
  ~Fd() {
    if (owned_ && fd_ >= 0) ::close(fd_);
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  int get() const { return fd_; }

 private:
  int fd_;
  bool owned_;
};

// Line and column (1-based, columns in bytes) of a byte offset, for "FILE:LINE:COL".
std::string Position(std::string_view text, size_t offset) {
  size_t line = 1, column = 1;
  for (size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return std::to_string(line) + ":" + std::to_string(column);
}

// Bytes that Windows-1252 leaves undefined, and C0 controls that no text file holds: their
// presence means the file is something else (binary, or another code page).
bool PlausibleWindows1252(std::string_view text) {
  for (unsigned char c : text) {
    if (c == 0x81 || c == 0x8D || c == 0x8F || c == 0x90 || c == 0x9D) return false;
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') return false;
  }
  return true;
}

void Fail(Diagnostics* diagnostics, const std::string& label, std::string location,
          std::string message) {
  Diagnostics diags(label);
  diags.Error(std::move(location), std::move(message));
  diagnostics->Append(diags);
}

}  // namespace

int PipeWaitMs() {
  const char* text = std::getenv("LANDSKAP_PIPE_WAIT_SECONDS");
  if (text == nullptr) return 10000;
  char* end = nullptr;
  long seconds = std::strtol(text, &end, 10);
  if (end == text || *end != '\0' || seconds < 0 || seconds > 3600) return 10000;
  return static_cast<int>(seconds * 1000);
}

std::string_view EncodingName(Encoding encoding) {
  switch (encoding) {
    case Encoding::kUtf8:
      return "UTF-8";
    case Encoding::kUtf8Bom:
      return "UTF-8 with byte order mark";
    case Encoding::kWindows1252:
      return "Windows-1252";
    case Encoding::kUtf16:
      return "UTF-16";
    case Encoding::kUnknown:
      break;
  }
  return "an unknown encoding";
}

bool LooksLikeUtf16(std::string_view head) {
  if (head.size() >= 2 && ((static_cast<unsigned char>(head[0]) == 0xFF &&
                            static_cast<unsigned char>(head[1]) == 0xFE) ||
                           (static_cast<unsigned char>(head[0]) == 0xFE &&
                            static_cast<unsigned char>(head[1]) == 0xFF)))
    return true;
  // Without a byte order mark: ASCII text in UTF-16 has a NUL in every other byte.
  size_t n = std::min<size_t>(head.size(), 64) & ~size_t{1};
  if (n < 4) return false;
  size_t even = 0, odd = 0;
  for (size_t i = 0; i < n; i += 2) {
    even += head[i] == '\0';
    odd += head[i + 1] == '\0';
  }
  return (odd == n / 2 && even == 0) || (even == n / 2 && odd == 0);
}

size_t FirstInvalidUtf8(std::string_view text) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  size_t n = text.size(), i = 0;
  while (i < n) {
    unsigned char c = s[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t len = 0;
    uint32_t cp = 0;
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
      cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      cp = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      cp = c & 0x07;
    } else {
      return i;
    }
    if (i + len > n) return i;
    for (size_t k = 1; k < len; ++k) {
      if ((s[i + k] & 0xC0) != 0x80) return i;
      cp = (cp << 6) | (s[i + k] & 0x3F);
    }
    // Overlong forms, surrogates and values past U+10FFFF are not UTF-8.
    if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
        (cp >= 0xD800 && cp <= 0xDFFF))
      return i;
    i += len;
  }
  return std::string_view::npos;
}

std::string Windows1252ToUtf8(std::string_view bytes) {
  // 0x80..0x9F are typographic marks in Windows-1252 (not the C1 controls of Latin-1).
  static const uint16_t kHigh[32] = {
      0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
      0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
      0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 8);
  for (unsigned char c : bytes) {
    uint32_t cp = c < 0x80 ? c : (c < 0xA0 ? kHigh[c - 0x80] : c);
    if (cp < 0x80) {
      out += static_cast<char>(cp);
    } else if (cp < 0x800) {
      out += static_cast<char>(0xC0 | (cp >> 6));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      out += static_cast<char>(0xE0 | (cp >> 12));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    }
  }
  return out;
}

bool DecodeInput(std::string bytes, const std::string& label, const InputRules& rules,
                 InputText* out, Diagnostics* diagnostics) {
  out->label = label;
  if (rules.binary) {
    out->text = std::move(bytes);
    out->encoding = Encoding::kUnknown;
    return true;
  }
  if (LooksLikeUtf16(bytes)) {
    Fail(diagnostics, label, "",
         "this file is saved as UTF-16; " + rules.what +
             " must be UTF-8. Save it again as UTF-8 (in Excel: 'CSV UTF-8'; in Notepad: Save "
             "as, Encoding: UTF-8)");
    return false;
  }
  if (size_t nul = bytes.find('\0'); nul != std::string::npos) {
    Fail(diagnostics, label, Position(bytes, nul),
         "this is not a text file (it holds a NUL byte here); is it " + rules.what + "?");
    return false;
  }
  Encoding encoding = Encoding::kUtf8;
  if (bytes.size() >= 3 && bytes.compare(0, 3, "\xEF\xBB\xBF") == 0) {
    bytes.erase(0, 3);
    encoding = Encoding::kUtf8Bom;
  }
  // simdjson's validator (vectorised, the same strict UTF-8) answers for the whole text in a few
  // milliseconds; the byte-by-byte scan runs only to find the place of a fault.
  if (size_t bad = simdjson::validate_utf8(bytes) ? std::string::npos : FirstInvalidUtf8(bytes);
      bad != std::string::npos) {
    if (encoding == Encoding::kUtf8 && PlausibleWindows1252(bytes)) {
      if (rules.convert_windows_1252) {
        out->text = Windows1252ToUtf8(bytes);
        out->encoding = Encoding::kWindows1252;
        return true;
      }
      Fail(diagnostics, label, Position(bytes, bad),
           "this file is not UTF-8: it looks like Windows-1252 (æ, ø and å as single bytes, the "
           "first one here). Save it again as UTF-8 (in Excel: 'CSV UTF-8'; in Notepad: Save "
           "as, Encoding: UTF-8)");
      return false;
    }
    encoding = Encoding::kUnknown;
  }
  out->text = std::move(bytes);
  out->encoding = encoding;
  return true;
}

bool ReadInput(const std::string& path, const InputRules& rules, InputText* out,
               Diagnostics* diagnostics) {
  const bool is_stdin = path == "-";
  const std::string label = is_stdin ? "stdin" : path;
  if (path.empty()) {
    Fail(diagnostics, "(no name)", "", "name " + rules.what);
    return false;
  }
  int raw = is_stdin ? STDIN_FILENO : ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (raw < 0) {
    int error = errno;
    struct stat st {};
    if (error == ENOENT)
      Fail(diagnostics, label, "", "there is no such file; check the name and the folder");
    else if (::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode))
      Fail(diagnostics, label, "", "this is a folder, not " + rules.what);
    else
      Fail(diagnostics, label, "", std::string("cannot open it: ") + std::strerror(error));
    return false;
  }
  Fd fd(raw, !is_stdin);
  struct stat st {};
  if (::fstat(fd.get(), &st) != 0) {
    Fail(diagnostics, label, "", std::string("cannot read it: ") + std::strerror(errno));
    return false;
  }
  if (S_ISDIR(st.st_mode)) {
    Fail(diagnostics, label, "", "this is a folder, not " + rules.what + "; name a file in it");
    return false;
  }
  if (::isatty(fd.get())) {
    Fail(diagnostics, label, "",
         "this is a terminal; send " + rules.what + " into it, e.g. '< FILE' or 'cat FILE |'");
    return false;
  }
  const std::string too_big = "stopped reading after " + Megabytes(rules.max_bytes) +
                              ", the most " + rules.what + " may hold; is this the right file?";
  if (S_ISREG(st.st_mode) && static_cast<uint64_t>(st.st_size) > rules.max_bytes) {
    Fail(diagnostics, label, "",
         "the file is " + Megabytes(static_cast<size_t>(st.st_size)) + ", more than the " +
             Megabytes(rules.max_bytes) + " " + rules.what + " may hold; is this the right file?");
    return false;
  }
  if (!S_ISREG(st.st_mode)) {
    // A pipe: wait a bounded time for a writer's first bytes, then read normally.
    pollfd p{fd.get(), POLLIN, 0};
    int ready;
    do {
      ready = ::poll(&p, 1, rules.pipe_wait_ms);
    } while (ready < 0 && errno == EINTR);
    if (ready == 0) {
      Fail(diagnostics, label, "",
           "nothing arrived within " + std::to_string(rules.pipe_wait_ms / 1000) +
               " s; no program is writing to this pipe (start the writer first, or send the "
               "file with '< FILE')");
      return false;
    }
  }
  int flags = ::fcntl(fd.get(), F_GETFL);
  if (flags >= 0 && (flags & O_NONBLOCK)) ::fcntl(fd.get(), F_SETFL, flags & ~O_NONBLOCK);

  std::string bytes;
  // Room for the last read that finds the end (no copy of a 170 MB file into a buffer twice
  // its size), which also leaves the padding a parser that reads ahead needs (simdjson: 64).
  if (S_ISREG(st.st_mode)) bytes.reserve(static_cast<size_t>(st.st_size) + kChunk);
  size_t checked = 0;  // bytes already looked at for NULs while streaming
  for (;;) {
    size_t want = S_ISREG(st.st_mode) && bytes.capacity() > bytes.size()
                      ? bytes.capacity() - bytes.size()
                      : kChunk;
    if (want < kChunk) want = kChunk;
    size_t old = bytes.size();
    bytes.resize(old + want);
    ssize_t got = ::read(fd.get(), bytes.data() + old, want);
    if (got < 0) {
      if (errno == EINTR) {
        bytes.resize(old);
        continue;
      }
      Fail(diagnostics, label, "", std::string("cannot read it: ") + std::strerror(errno));
      return false;
    }
    bytes.resize(old + static_cast<size_t>(got));
    if (got == 0) break;
    if (bytes.size() > rules.max_bytes) {
      Fail(diagnostics, label, "", too_big);
      return false;
    }
    // An endless device (/dev/zero, /dev/urandom) shows what it is in its first bytes.
    if (!S_ISREG(st.st_mode) && checked == 0 && bytes.size() >= 4096) {
      checked = bytes.size();
      if (bytes.find('\0') != std::string::npos) break;
    }
  }
  return DecodeInput(std::move(bytes), label, rules, out, diagnostics);
}

}  // namespace landskap
