// Colours and shapes of the pictures. Colours come from the Okabe-Ito palette, which people
// with the common forms of colour blindness can tell apart; shapes repeat what the colour says
// so that a black-and-white print still reads.
#pragma once

#include <string_view>

#include "engine/model/landscape.h"

namespace landskap::viz {

struct KindStyle {
  std::string_view fill;        // fill colour of the node
  std::string_view shape;       // Graphviz node shape
  std::string_view shape_name;  // the shape in words, for the legend
};

KindStyle StyleOfKind(Kind kind);

// Blast radius by distance: 0 (the seeds), 1, 2, 3 and more. Darker is nearer.
std::string_view DistanceFill(int distance);
// Text colour that reads on DistanceFill(distance).
std::string_view DistanceFontColour(int distance);

// Systems and integrations outside the blast radius.
inline constexpr std::string_view kUnaffectedFill = "#FFFFFF";
inline constexpr std::string_view kUnaffectedLine = "#B0B0B0";
inline constexpr std::string_view kUnaffectedText = "#707070";
inline constexpr std::string_view kUnaffectedEdge = "#CCCCCC";
// Integrations that carry the change into an affected system (Okabe-Ito vermillion).
inline constexpr std::string_view kAffectedEdge = "#D55E00";
// Ordinary lines and cluster frames.
inline constexpr std::string_view kLine = "#555555";
inline constexpr std::string_view kClusterFill = "#F4F4F4";
inline constexpr std::string_view kClusterLine = "#9A9A9A";

// Edge width by criticality: more critical, thicker.
std::string_view PenWidthOf(Criticality criticality);

}  // namespace landskap::viz
