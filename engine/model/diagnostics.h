// Errors and warnings as values. Loaders and analyses collect all of them instead of stopping
// at the first, and only the command line prints them.
#pragma once

#include <string>
#include <vector>

namespace landskap {

enum class Severity { kError, kWarning };

struct Diagnostic {
  Severity severity = Severity::kError;
  std::string file;
  // Where in the file: "LINE:COL" for syntax errors, a JSON pointer ("/integrations/12/to")
  // for everything found after parsing, or empty when the whole file is meant.
  std::string location;
  std::string message;
};

class Diagnostics {
 public:
  explicit Diagnostics(std::string file = "") : file_(std::move(file)) {}

  void Error(std::string location, std::string message);
  void Warning(std::string location, std::string message);

  bool HasErrors() const { return error_count_ > 0; }
  size_t ErrorCount() const { return error_count_; }
  size_t WarningCount() const { return items_.size() - error_count_; }
  const std::vector<Diagnostic>& Items() const { return items_; }
  const std::string& File() const { return file_; }

  // Appends another collection's items (keeping their file names).
  void Append(const Diagnostics& other);

 private:
  std::string file_;
  std::vector<Diagnostic> items_;
  size_t error_count_ = 0;
};

// "FILE:LINE:COL: error: MESSAGE" for positions, "FILE: /json/path: error: MESSAGE" otherwise.
std::string FormatDiagnostic(const Diagnostic& d);

}  // namespace landskap
