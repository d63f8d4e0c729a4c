// The output layer: what kind of file -o names decides how it is written. Regular files and new
// paths get write-then-rename; pipes and character devices get a plain stream (renaming onto
// them would replace the pipe or the device node with a regular file); folders and other kinds
// are refused.
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
#include <thread>

#include "engine/input.h"

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

std::string WriteAtomically(const std::string& path, std::string_view content) {
  namespace fs = std::filesystem;
  fs::path target(path);
  fs::path folder = target.parent_path().empty() ? fs::path(".") : target.parent_path();
  std::error_code ec;
  if (!fs::is_directory(folder, ec)) return "the folder " + folder.string() + " does not exist";
  std::string temp = (folder / ("." + target.filename().string() + ".XXXXXX")).string();
  int fd = mkstemp(temp.data());
  if (fd < 0)
    return std::string("cannot create a file in ") + folder.string() + ": " + std::strerror(errno);
  std::string reason = WriteAll(fd, content);
  // New files get the usual permissions (mkstemp makes them private to the owner); a replaced
  // file keeps its own.
  struct stat old {};
  if (::stat(path.c_str(), &old) == 0 && S_ISREG(old.st_mode)) {
    ::fchmod(fd, old.st_mode & 07777);
  } else {
    mode_t mask = ::umask(0);
    ::umask(mask);
    ::fchmod(fd, 0666 & ~mask);
  }
  if (reason.empty() && ::fsync(fd) != 0)
    reason = std::string("cannot write: ") + std::strerror(errno);
  if (::close(fd) != 0 && reason.empty())
    reason = std::string("cannot write: ") + std::strerror(errno);
  if (reason.empty() && std::rename(temp.c_str(), path.c_str()) != 0)
    reason = std::string("cannot replace the file: ") + std::strerror(errno);
  if (!reason.empty()) ::unlink(temp.c_str());
  return reason;
}

// A named pipe with no reader would block open() forever: open without blocking, and retry
// for a bounded time while nobody reads.
std::string WriteStream(const std::string& path, bool is_fifo, std::string_view content) {
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
  std::string reason = WriteAll(fd, content);
  if (::close(fd) != 0 && reason.empty())
    reason = std::string("cannot write: ") + std::strerror(errno);
  return reason;
}

}  // namespace

std::string WriteFile(const std::string& path, std::string_view content) {
  struct stat link {};
  if (::lstat(path.c_str(), &link) != 0) {
    if (errno == ENOENT) return WriteAtomically(path, content);
    return std::string("cannot write here: ") + std::strerror(errno);
  }
  std::string target = path;
  struct stat st = link;
  if (S_ISLNK(link.st_mode)) {
    // Write where the link points, so the link itself stays.
    char resolved[PATH_MAX];
    if (::realpath(path.c_str(), resolved) == nullptr)
      return "this is a link to a file that does not exist or cannot be reached; name the file "
             "itself";
    target = resolved;
    if (::stat(target.c_str(), &st) != 0)
      return std::string("cannot write here: ") + std::strerror(errno);
  }
  if (S_ISREG(st.st_mode)) return WriteAtomically(target, content);
  if (S_ISFIFO(st.st_mode)) return WriteStream(target, true, content);
  if (S_ISCHR(st.st_mode)) return WriteStream(target, false, content);
  if (S_ISDIR(st.st_mode)) return "this is a folder; name a file to write";
  return "this is not a file that can be written to (a socket or a block device)";
}

bool WriteOutput(const std::string& path, std::string_view content, Io io) {
  if (path.empty() || path == "-") {
    io.out << content;
    io.out.flush();
    return true;
  }
  std::string reason = WriteFile(path, content);
  if (reason.empty()) return true;
  io.err << "landskap: " << path << ": error: " << reason << "\n";
  return false;
}

}  // namespace landskap::cli
