// Atomic file output: write beside the target, flush, then rename over it.
#include "cli/output.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <ostream>

namespace landskap::cli {

std::string WriteFileAtomically(const std::string& path, std::string_view content) {
  namespace fs = std::filesystem;
  fs::path target(path);
  fs::path folder = target.parent_path().empty() ? fs::path(".") : target.parent_path();
  std::error_code ec;
  if (!fs::is_directory(folder, ec)) return "the folder " + folder.string() + " does not exist";
  if (fs::is_directory(target, ec)) return "this is a folder; name a file to write";
  std::string temp_template = (folder / ("." + target.filename().string() + ".XXXXXX")).string();
  int fd = mkstemp(temp_template.data());
  if (fd < 0)
    return std::string("cannot create a file in ") + folder.string() + ": " + std::strerror(errno);
  const char* data = content.data();
  size_t left = content.size();
  while (left > 0) {
    ssize_t written = ::write(fd, data, left);
    if (written < 0) {
      if (errno == EINTR) continue;
      std::string reason = std::string("cannot write: ") + std::strerror(errno);
      ::close(fd);
      ::unlink(temp_template.c_str());
      return reason;
    }
    data += written;
    left -= static_cast<size_t>(written);
  }
  // New files get the usual permissions (mkstemp makes them private to the owner).
  mode_t mask = ::umask(0);
  ::umask(mask);
  ::fchmod(fd, 0666 & ~mask);
  if (::fsync(fd) != 0 || ::close(fd) != 0) {
    std::string reason = std::string("cannot write: ") + std::strerror(errno);
    ::unlink(temp_template.c_str());
    return reason;
  }
  if (std::rename(temp_template.c_str(), path.c_str()) != 0) {
    std::string reason = std::string("cannot replace the file: ") + std::strerror(errno);
    ::unlink(temp_template.c_str());
    return reason;
  }
  return "";
}

bool WriteOutput(const std::string& path, std::string_view content, Io io) {
  if (path.empty() || path == "-") {
    io.out << content;
    io.out.flush();
    return true;
  }
  std::string reason = WriteFileAtomically(path, content);
  if (reason.empty()) return true;
  io.err << "landskap: " << path << ": error: " << reason << "\n";
  return false;
}

}  // namespace landskap::cli
