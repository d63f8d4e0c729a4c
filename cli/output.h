// Writing a command's answer: to stdout, to a regular file atomically (a temporary file beside
// it, then a rename, so a failed run never leaves a partial file), or as a stream to a pipe or
// a device. A pipe, a device or a link is never replaced by a regular file.
#pragma once

#include <iosfwd>
#include <memory>
#include <string>
#include <string_view>

#include "cli/io.h"

namespace landskap::cli {

// An answer written as it is made, so memory does not grow with it: onto a regular file or a new
// path through a temporary file beside it that Commit() renames over the target (a run that
// fails or never commits leaves no partial file, and the temporary one is removed), as a stream
// onto a pipe, a character device or stdout. Writes are buffered; the first failure is kept
// and reported by Commit().
class OutputStream {
 public:
  // Opens `path` ("-" or empty: io.out). Returns nullptr with the reason in words for people.
  static std::unique_ptr<OutputStream> Open(const std::string& path, Io io, std::string* reason);
  ~OutputStream();
  OutputStream(const OutputStream&) = delete;
  OutputStream& operator=(const OutputStream&) = delete;

  void Write(std::string_view text);
  // Writes what is buffered and makes the file appear under its name. Returns an empty string
  // on success, else the reason.
  std::string Commit();

 private:
  OutputStream(Io io) : io_(io) {}
  void Flush();
  // A failed write to io.out, as a reason for people.
  void CheckStdout(int saved_errno);

  Io io_;
  int fd_ = -1;         // -1: io.out
  std::string temp_;    // the temporary file to rename (regular files only)
  std::string target_;  // what it is renamed to
  bool replaced_regular_ = false;
  unsigned replaced_mode_ = 0;
  std::string buffer_;
  std::string error_;
  bool committed_ = false;
};

// Whether `a` and `b` name the same file: for two existing files, the same device and inode
// (so "./x.json", an absolute path, a symbolic link and a hard link are all caught); when one
// of them does not exist yet, the same path once made absolute with its links resolved. "-" is
// never the same file as anything.
bool SameFile(const std::string& a, const std::string& b);

// The reason -o may not replace the existing file `path`, or "" when it may (or when it does
// not exist): a file the user may not write. Checked by access(), and also by the mode's write
// bits, since for root access() says yes to every file, while the shell's `>` and the file's
// owner meant "keep this".
std::string ReplaceRefusal(const std::string& path);

// The reason standard output (io.out) cannot take more, or "" while it can. Call after a
// flush; the reason names errno when the failed flush set it.
std::string StdoutProblem(std::ostream& out, int saved_errno);

// "standard output" for "-" or "", else the path: how messages name where an answer went.
std::string OutputName(const std::string& path);

// Writes `content` to `path` ("-" or empty: stdout). On failure prints
// "landskap: PATH: error: ..." to io.err and returns false.
bool WriteOutput(const std::string& path, std::string_view content, Io io);

// Writes `content` to `path`: atomically onto a regular file or a new path (through a link,
// onto the file it points to, keeping the link), as a stream onto a pipe or a character device.
// Returns an empty string on success, else the reason in words for people.
std::string WriteFile(const std::string& path, std::string_view content);

}  // namespace landskap::cli
