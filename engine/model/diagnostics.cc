// Collecting and formatting diagnostics.
#include "engine/model/diagnostics.h"

namespace landskap {

void Diagnostics::Error(std::string location, std::string message) {
  items_.push_back({Severity::kError, file_, std::move(location), std::move(message)});
  ++error_count_;
}

void Diagnostics::Warning(std::string location, std::string message) {
  items_.push_back({Severity::kWarning, file_, std::move(location), std::move(message)});
}

void Diagnostics::Append(const Diagnostics& other) {
  for (const Diagnostic& d : other.Items()) {
    items_.push_back(d);
    if (d.severity == Severity::kError) ++error_count_;
  }
}

std::string FormatDiagnostic(const Diagnostic& d) {
  std::string out = d.file;
  if (!d.location.empty()) {
    // A line:column position joins the file name the way compilers print it; a JSON path
    // stands apart so that it reads as a path.
    out += (d.location[0] == '/') ? ": " : ":";
    out += d.location;
  }
  out += d.severity == Severity::kError ? ": error: " : ": warning: ";
  out += d.message;
  return out;
}

}  // namespace landskap
