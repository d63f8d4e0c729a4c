// The Okabe-Ito colours and the shapes by kind, distance and criticality.
#include "viz/palette.h"

namespace landskap::viz {

KindStyle StyleOfKind(Kind kind) {
  switch (kind) {
    case Kind::kNational:
      return {"#56B4E9", "box3d", "3D box"};  // sky blue
    case Kind::kMunicipal:
      return {"#F0E442", "box", "box"};  // yellow
    case Kind::kIntermunicipal:
      return {"#E69F00", "hexagon", "hexagon"};  // orange
    case Kind::kVendor:
      return {"#CC79A7", "component", "component"};  // reddish purple
    case Kind::kUnspecified:
      break;
  }
  return {"#DDDDDD", "ellipse", "ellipse"};
}

std::string_view DistanceFill(int distance) {
  // Vermillion for the seeds, then orange, yellow and a pale yellow further out.
  if (distance <= 0) return "#D55E00";
  if (distance == 1) return "#E69F00";
  if (distance == 2) return "#F0E442";
  return "#FAF3B4";
}

std::string_view DistanceFontColour(int distance) { return distance <= 0 ? "#FFFFFF" : "#000000"; }

std::string_view PenWidthOf(Criticality criticality) {
  switch (criticality) {
    case Criticality::kCritical:
      return "3.5";
    case Criticality::kHigh:
      return "2.2";
    case Criticality::kMedium:
      return "1.4";
    case Criticality::kLow:
    case Criticality::kUnspecified:
      break;
  }
  return "1";
}

}  // namespace landskap::viz
