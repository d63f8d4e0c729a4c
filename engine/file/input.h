// The one way every reader gets its bytes: regular files, "-" and /dev/stdin, pipes and process
// substitution, with a clear error for a folder, a pipe nobody writes to, an endless device and
// text in an encoding other than UTF-8. Readers (landscape JSON, change tables, later CSV, Excel
// and Archi) call ReadInput and never open files themselves.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "engine/model/diagnostics.h"

namespace landskap {

enum class Encoding {
  kUtf8,         // valid UTF-8 without a byte order mark (or empty)
  kUtf8Bom,      // valid UTF-8 that began with a byte order mark (removed)
  kWindows1252,  // Excel's "CSV" in Norwegian settings: æ, ø, å as single bytes
  kUtf16,        // two bytes a character (refused: readers expect UTF-8)
  kUnknown,      // not UTF-8, and not text in any encoding we know (left to the reader)
};

// "UTF-8", "UTF-8 with byte order mark", "Windows-1252" ...
std::string_view EncodingName(Encoding encoding);

// 10 s, or LANDSKAP_PIPE_WAIT_SECONDS (whole seconds, 0 to 3600) when set: how long a reader
// waits for a pipe's first byte and a writer for a pipe's reader.
int PipeWaitMs();

struct InputRules {
  // What the input should be, for messages: "a landscape file", "a change table".
  std::string what = "a file";
  // More bytes than this is an error (endless devices, a wrong file).
  size_t max_bytes = size_t{1} << 30;
  // Windows-1252 text is converted to UTF-8 (and said so in InputText::encoding); otherwise it
  // is an error with a hint how to save the file as UTF-8.
  bool convert_windows_1252 = false;
  // The input is binary (an Excel workbook, a zipped .archimate): its bytes are returned as they
  // are, with no checks for text encodings and NUL bytes (InputText::encoding is kUnknown); the
  // reader unpacks it itself.
  bool binary = false;
  // How long to wait for the first byte from a pipe before giving up, in milliseconds: a named
  // pipe nobody writes to must not hang the program forever.
  int pipe_wait_ms = PipeWaitMs();
};

struct InputText {
  std::string label;  // the path as given, or "stdin" for "-"
  std::string text;   // UTF-8 (byte order mark removed, Windows-1252 converted when allowed)
  Encoding encoding = Encoding::kUtf8;
};

// Reads `path` ("-" is standard input). Returns false, with one error in `diagnostics` that
// names the file and says what would be right, when the input cannot be read as text.
// Text that is not UTF-8 and not recognisably another encoding is returned as it is
// (Encoding::kUnknown), so that the reader can point at the exact place.
bool ReadInput(const std::string& path, const InputRules& rules, InputText* out,
               Diagnostics* diagnostics);

// The same checks on bytes already in memory (for tests and for text that came another way).
bool DecodeInput(std::string bytes, const std::string& label, const InputRules& rules,
                 InputText* out, Diagnostics* diagnostics);

// Windows-1252 bytes as UTF-8.
std::string Windows1252ToUtf8(std::string_view bytes);

// True when text begins as UTF-16 does: a byte order mark, or ASCII with a NUL in every other
// byte.
bool LooksLikeUtf16(std::string_view head);

// The byte offset of the first byte that is not part of valid UTF-8, or npos.
size_t FirstInvalidUtf8(std::string_view text);

}  // namespace landskap
