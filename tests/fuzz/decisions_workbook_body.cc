// FuzzDecisionsWorkbook (tests/fuzz/decisions_workbook_body.h).
#include "tests/fuzz/decisions_workbook_body.h"

#include <cstdlib>
#include <string>
#include <string_view>

#include "cli/formats/decisions_workbook.h"

namespace landskap::fuzz {

void FuzzDecisionsWorkbook(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const std::string label = "forslag.xlsx";
  MergeDecisions decisions;
  Diagnostics diagnostics(label);
  bool ok = cli::ParseDecisionsWorkbook(bytes, label, &decisions, &diagnostics);
  for (const Diagnostic& d : diagnostics.Items()) {
    if (FormatDiagnostic(d).rfind(label, 0) != 0) std::abort();
    // A message about a cell names the cell, not a JSON path (the reader maps every path).
    if (!d.location.empty() && d.location[0] == '/' && !decisions.cells.empty()) std::abort();
  }
  if (ok != !diagnostics.HasErrors()) std::abort();
  if (!ok) return;
  // What was read is a decisions document: written as JSON, it reads back the same.
  const std::string json = WriteDecisions(decisions);
  MergeDecisions again;
  Diagnostics again_diags("again.json");
  if (!ParseDecisionsText(json, "again.json", &again, &again_diags)) std::abort();
  if (WriteDecisions(again) != json) std::abort();
}

}  // namespace landskap::fuzz
