// Weak-point results as a table for a coordinator, JSON and CSV for programs.
#pragma once

#include <optional>
#include <string>

#include "cli/formats/table.h"
#include "engine/analysis/hotspots.h"

namespace landskap::cli {

struct HotspotsView {
  std::string file;
  size_t top = 20;                  // longest ranking shown; 0: all
  std::optional<SystemIndex> from;  // with --towards: the one system whose route to show
};

std::string FormatHotspotsTable(const Landscape& landscape, const HotspotsResult& result,
                                const HotspotsView& view);
std::string FormatHotspotsJson(const Landscape& landscape, const HotspotsResult& result,
                               const HotspotsView& view);
std::string FormatHotspotsCsv(const Landscape& landscape, const HotspotsResult& result,
                              const HotspotsView& view);

}  // namespace landskap::cli
