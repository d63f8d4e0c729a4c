// The output layer: what kind of file -o names decides how it is written. Regular files and new
// paths get write-then-rename; pipes and character devices get a plain stream (renaming onto
// them would replace the pipe or the device node with a regular file); folders and other kinds
// are refused, and so is a file the user may not write. Every write is checked, standard
// output's too (a full disk under `>` is an error, not a silent half answer).
#include "cli/output.h"

#include <fcntl.h>
#include <poll.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <ostream>
#include <sstream>
#include <thread>

#include "engine/file/input.h"

namespace landskap::cli {
namespace {

std::string WriteAll(int fd, std::string_view content) {
  const char* data = content.data();
  size_t left = content.size();
  while (left > 0) {
    ssize_t written = ::write(fd, data, left);
    if (written < 0) {
      if (errno == EINTR) continue;
      if (errno == EAGAIN) {
        pollfd p{fd, POLLOUT, 0};
        ::poll(&p, 1, 1000);
        continue;
      }
      return std::string("cannot write: ") + std::strerror(errno);
    }
    data += written;
    left -= static_cast<size_t>(written);
  }
  return "";
}

// A temporary file beside `path`, to be renamed over it.
std::string CreateTemp(const std::string& path, std::string* temp, int* fd) {
  namespace fs = std::filesystem;
  fs::path target(path);
  fs::path folder = target.parent_path().empty() ? fs::path(".") : target.parent_path();
  std::error_code ec;
  if (!fs::is_directory(folder, ec)) return "the folder " + folder.string() + " does not exist";
  *temp = (folder / ("." + target.filename().string() + ".XXXXXX")).string();
  *fd = mkstemp(temp->data());
  if (*fd < 0)
    return std::string("cannot create a file in ") + folder.string() + ": " + std::strerror(errno);
  return "";
}

// A named pipe with no reader would block open() forever: open without blocking, and retry
// for a bounded time while nobody reads.
std::string OpenStream(const std::string& path, bool is_fifo, int* out) {
  int fd = -1;
  auto give_up = std::chrono::steady_clock::now() + std::chrono::milliseconds(PipeWaitMs());
  for (;;) {
    fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC | (is_fifo ? O_NONBLOCK : 0));
    if (fd >= 0) break;
    if (is_fifo && errno == ENXIO && std::chrono::steady_clock::now() < give_up) {
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
      continue;
    }
    if (is_fifo && errno == ENXIO)
      return "no program read from this pipe within " + std::to_string(PipeWaitMs() / 1000) + " s";
    return std::string("cannot open it for writing: ") + std::strerror(errno);
  }
  int flags = ::fcntl(fd, F_GETFL);
  if (flags >= 0) ::fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
  *out = fd;
  return "";
}

// How much is gathered before a write(): large enough that a national answer is a few hundred
// system calls, small enough not to matter for memory.
constexpr size_t kBuffer = size_t{1} << 20;

}  // namespace

std::unique_ptr<OutputStream> OutputStream::Open(const std::string& path, Io io,
                                                 std::string* reason) {
  std::unique_ptr<OutputStream> out(new OutputStream(io));
  if (path.empty() || path == "-") return out;
  struct stat link {};
  if (::lstat(path.c_str(), &link) != 0) {
    if (errno != ENOENT) {
      *reason = std::string("cannot write here: ") + std::strerror(errno);
      return nullptr;
    }
    *reason = CreateTemp(path, &out->temp_, &out->fd_);
    out->target_ = path;
    return reason->empty() ? std::move(out) : nullptr;
  }
  std::string target = path;
  struct stat st = link;
  if (S_ISLNK(link.st_mode)) {
    // Write where the link points, so the link itself stays.
    char resolved[PATH_MAX];
    if (::realpath(path.c_str(), resolved) == nullptr) {
      *reason =
          "this is a link to a file that does not exist or cannot be reached; name the file "
          "itself";
      return nullptr;
    }
    target = resolved;
    if (::stat(target.c_str(), &st) != 0) {
      *reason = std::string("cannot write here: ") + std::strerror(errno);
      return nullptr;
    }
  }
  if (S_ISREG(st.st_mode)) {
    // The rename needs only the folder's write permission: the file's own is checked here, as
    // the shell's `>` would.
    *reason = ReplaceRefusal(target);
    if (!reason->empty()) return nullptr;
    *reason = CreateTemp(target, &out->temp_, &out->fd_);
    out->target_ = target;
    out->replaced_regular_ = true;
    out->replaced_mode_ = st.st_mode & 07777;
  } else if (S_ISFIFO(st.st_mode) || S_ISCHR(st.st_mode)) {
    *reason = OpenStream(target, S_ISFIFO(st.st_mode), &out->fd_);
  } else if (S_ISDIR(st.st_mode)) {
    *reason = "this is a folder; name a file to write";
  } else {
    *reason = "this is not a file that can be written to (a socket or a block device)";
  }
  return reason->empty() ? std::move(out) : nullptr;
}

OutputStream::~OutputStream() {
  if (fd_ >= 0) ::close(fd_);
  if (!committed_ && !temp_.empty()) ::unlink(temp_.c_str());
}

void OutputStream::Write(std::string_view text) {
  buffer_ += text;
  if (buffer_.size() >= kBuffer) Flush();
}

void OutputStream::CheckStdout(int saved_errno) {
  if (error_.empty()) error_ = StdoutProblem(io_.out, saved_errno);
}

void OutputStream::Flush() {
  if (fd_ < 0) {
    // After a failed write nothing more is sent: the answer is incomplete anyway.
    if (error_.empty()) {
      errno = 0;
      io_.out << buffer_;
      CheckStdout(errno);
    }
  } else if (error_.empty()) {
    error_ = WriteAll(fd_, buffer_);
  }
  buffer_.clear();
}

std::string OutputStream::Commit() {
  Flush();
  if (fd_ < 0) {
    if (error_.empty()) {
      errno = 0;
      io_.out.flush();
      CheckStdout(errno);
    }
    committed_ = error_.empty();
    return error_;
  }
  std::string reason = error_;
  if (!temp_.empty()) {
    // New files get the usual permissions (mkstemp makes them private to the owner); a
    // replaced file keeps its own.
    if (replaced_regular_) {
      ::fchmod(fd_, replaced_mode_);
    } else {
      mode_t mask = ::umask(0);
      ::umask(mask);
      ::fchmod(fd_, 0666 & ~mask);
    }
    if (reason.empty() && ::fsync(fd_) != 0)
      reason = std::string("cannot write: ") + std::strerror(errno);
  }
  if (::close(fd_) != 0 && reason.empty())
    reason = std::string("cannot write: ") + std::strerror(errno);
  fd_ = -1;
  if (!temp_.empty() && reason.empty() && std::rename(temp_.c_str(), target_.c_str()) != 0)
    reason = std::string("cannot replace the file: ") + std::strerror(errno);
  committed_ = reason.empty();
  return reason;
}

std::string WriteFile(const std::string& path, std::string_view content) {
  if (path.empty() || path == "-") return "name a file to write";
  std::string reason;
  std::ostringstream unused;
  auto out = OutputStream::Open(path, Io{unused, unused}, &reason);
  if (!out) return reason;
  out->Write(content);
  return out->Commit();
}

std::string StdoutProblem(std::ostream& out, int saved_errno) {
  if (out) return "";
  if (saved_errno != 0) return std::string("cannot write: ") + std::strerror(saved_errno);
  return "cannot write (the disk may be full, or the program reading it has stopped)";
}

std::string OutputName(const std::string& path) {
  return path.empty() || path == "-" ? "standard output" : path;
}

bool SameFile(const std::string& a, const std::string& b) {
  if (a.empty() || b.empty() || a == "-" || b == "-") return false;
  struct stat sa {
  }, sb{};
  const bool a_exists = ::stat(a.c_str(), &sa) == 0;
  const bool b_exists = ::stat(b.c_str(), &sb) == 0;
  if (a_exists && b_exists) return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
  if (a_exists != b_exists) return false;
  // Neither exists yet (two outputs): the same path once absolute and without links.
  std::error_code ea, eb;
  auto pa = std::filesystem::weakly_canonical(std::filesystem::absolute(a, ea), ea);
  auto pb = std::filesystem::weakly_canonical(std::filesystem::absolute(b, eb), eb);
  return !ea && !eb && pa == pb;
}

std::string ReplaceRefusal(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return "";
  if (::access(path.c_str(), W_OK) == 0 && (st.st_mode & 0222) != 0) return "";
  char mode[8];
  std::snprintf(mode, sizeof mode, "%04o", static_cast<unsigned>(st.st_mode & 07777));
  return std::string("this file may not be written (mode ") + mode +
         "), so it was not replaced; make it writable (chmod u+w) if it may go, or name "
         "another file";
}

bool WriteOutput(const std::string& path, std::string_view content, Io io) {
  std::string reason;
  if (path.empty() || path == "-") {
    errno = 0;
    io.out << content;
    io.out.flush();
    reason = StdoutProblem(io.out, errno);
  } else {
    reason = WriteFile(path, content);
  }
  if (reason.empty()) return true;
  io.err << "landskap: " << OutputName(path) << ": error: " << reason << "\n";
  return false;
}

}  // namespace landskap::cli
