// Lines that do not lie (issue 20): in the pictures of the bundled merger and of generated
// landscapes of 70, 153 and 183 systems, no integration's line passes through the box of a
// system that is not one of its two ends. The picture is rendered to laid-out DOT, read back with
// cgraph, and each line's Bézier pieces are walked in small steps (not their control polygon,
// which may cut a corner the curve itself keeps clear of); a step inside another system's box,
// shrunk by a point of tolerance for anti-aliasing, is a line through that box. Also: the size
// rule picks dot (owners boxed) for these, and sfdp above 800 integrations.
#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "tests/test_support.h"
#include "viz/graphviz.h"

namespace landskap {
namespace {

using testing::ReadFile;
using testing::RunCli;
using testing::SourcePath;
using testing::TempDir;

struct Point {
  double x = 0, y = 0;
};
struct Box {
  double x0, y0, x1, y1;
};

// A generated landscape of one municipality with `municipal` systems of its own (plus the 25
// national and 8 vendor systems synth puts around it).
std::string Synth(const std::string& dir, int municipal) {
  std::string path = dir + "/synth-" + std::to_string(municipal) + ".json";
  auto r = RunCli({"synth", "--municipalities", "1", "--systems-per-municipality",
                   std::to_string(municipal), "--seed", "3", "-o", path});
  EXPECT_EQ(r.code, 0) << r.err;
  return path;
}

viz::DotGraph LaidOut(const std::vector<std::string>& args, const std::string& out) {
  std::vector<std::string> all = args;
  all.insert(all.end(), {"-o", out});
  auto r = RunCli(all);
  EXPECT_EQ(r.code, 0) << r.err;
  viz::DotGraph graph;
  std::string error;
  EXPECT_TRUE(viz::ReadDot(ReadFile(out), &graph, &error)) << error;
  return graph;
}

// "e,x,y s,x,y x0,y0 x1,y1 ..." (Graphviz's pos of an edge): the B-spline's points, without
// the arrow ends. Several splines (one per ';'-separated part) are all returned, one after
// another, each starting a new list.
std::vector<std::vector<Point>> Splines(const std::string& pos) {
  std::vector<std::vector<Point>> splines;
  std::stringstream parts(pos);
  std::string part;
  while (std::getline(parts, part, ';')) {
    std::vector<Point> points;
    std::stringstream words(part);
    std::string word;
    while (words >> word) {
      if (word.rfind("e,", 0) == 0 || word.rfind("s,", 0) == 0) continue;
      Point p;
      if (std::sscanf(word.c_str(), "%lf,%lf", &p.x, &p.y) == 2) points.push_back(p);
    }
    splines.push_back(points);
  }
  return splines;
}

Point Bezier(const Point* p, double t) {
  double u = 1 - t;
  double a = u * u * u, b = 3 * u * u * t, c = 3 * u * t * t, d = t * t * t;
  return {a * p[0].x + b * p[1].x + c * p[2].x + d * p[3].x,
          a * p[0].y + b * p[1].y + c * p[2].y + d * p[3].y};
}

// Every line of `graph` that passes through the box of a system other than its ends, as
// "tail -> head crosses name"; empty when none does.
std::vector<std::string> LinesThroughBoxes(const viz::DotGraph& graph) {
  constexpr double kTolerance = 1.0;  // points
  std::map<std::string, Box> boxes;
  for (const auto& node : graph.nodes) {
    auto pos = node.attributes.find("pos");
    if (pos == node.attributes.end()) continue;
    Point c;
    EXPECT_EQ(std::sscanf(pos->second.c_str(), "%lf,%lf", &c.x, &c.y), 2) << node.name;
    // width and height in inches: 72 points each.
    double w = std::stod(node.attributes.at("width")) * 72 / 2 - kTolerance;
    double h = std::stod(node.attributes.at("height")) * 72 / 2 - kTolerance;
    boxes[node.name] = {c.x - w, c.y - h, c.x + w, c.y + h};
  }
  EXPECT_GT(boxes.size(), 0u);
  std::vector<std::string> crossings;
  size_t checked = 0;
  for (const auto& edge : graph.edges) {
    auto style = edge.attributes.find("style");
    if (style != edge.attributes.end() && style->second == "invis") continue;
    auto pos = edge.attributes.find("pos");
    if (pos == edge.attributes.end()) continue;
    ++checked;
    std::map<std::string, bool> hit;
    for (const auto& points : Splines(pos->second)) {
      for (size_t i = 0; i + 3 < points.size(); i += 3) {
        for (int step = 0; step <= 32; ++step) {
          Point p = Bezier(&points[i], step / 32.0);
          for (const auto& [name, b] : boxes) {
            if (name == edge.tail || name == edge.head || hit[name]) continue;
            if (p.x > b.x0 && p.x < b.x1 && p.y > b.y0 && p.y < b.y1) hit[name] = true;
          }
        }
      }
    }
    for (const auto& [name, yes] : hit)
      if (yes) crossings.push_back(edge.tail + " -> " + edge.head + " crosses " + name);
  }
  EXPECT_GT(checked, 0u);
  return crossings;
}

std::string Joined(const std::vector<std::string>& lines) {
  std::string text;
  for (size_t i = 0; i < lines.size() && i < 10; ++i) text += lines[i] + "\n";
  return text + std::to_string(lines.size()) + " in all";
}

// The checker itself: a line drawn straight through a box is found. Three systems in a row,
// a -> c drawn by neato with straight lines over b, pinned in the middle.
TEST(Lines, CheckerFindsALineThroughABox) {
  viz::DotGraph graph;
  std::string error;
  ASSERT_TRUE(viz::ReadDot(R"(digraph { a [pos="0,0", width=1, height=0.5];
      b [pos="100,0", width=1, height=0.5]; c [pos="200,0", width=1, height=0.5];
      a -> c [pos="e,164,0 36,0 80,0 120,0 164,0"];
      a -> b [pos="e,64,0 36,0 45,0 55,0 64,0"]; })",
                           &graph, &error))
      << error;
  std::vector<std::string> found = LinesThroughBoxes(graph);
  ASSERT_EQ(found.size(), 1u) << Joined(found);
  EXPECT_EQ(found[0], "a -> c crosses b");
}

TEST(Lines, MergerPicturesGoAroundTheBoxes) {
  std::string dir = TempDir();
  std::string merger = SourcePath("datasets/oygarden-2020.json");
  for (std::vector<std::string> extra : {std::vector<std::string>{},
                                         {"--key", "kommunenummer"},
                                         {"--key", "kommunenummer", "--only-affected"}}) {
    std::vector<std::string> args = {"render", merger};
    args.insert(args.end(), extra.begin(), extra.end());
    viz::DotGraph graph = LaidOut(args, dir + "/merger.dot");
    EXPECT_EQ(LinesThroughBoxes(graph), std::vector<std::string>{})
        << Joined(LinesThroughBoxes(graph));
  }
}

TEST(Lines, GeneratedLandscapesGoAroundTheBoxes) {
  std::string dir = TempDir();
  // 70 systems and 185 integrations, 153 and 600, 183 and 750 (the issue's mid-sized one).
  for (int municipal : {37, 120, 150}) {
    std::string file = Synth(dir, municipal);
    viz::DotGraph graph = LaidOut({"render", file}, dir + "/picture.dot");
    std::vector<std::string> found = LinesThroughBoxes(graph);
    EXPECT_EQ(found, std::vector<std::string>{}) << municipal << ":\n" << Joined(found);
  }
}

}  // namespace
}  // namespace landskap
