// Lays out a DOT file with Graphviz's dot through the same libraries landskap draws with (cgraph
// and gvc) and writes SVG: how docs/architecture.svg is drawn from the build's own target graph
// (tests/scripts/architecture.py), on machines without Graphviz's command-line programs.
#include <gvc.h>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: render_dot IN.dot OUT.svg\n";
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  if (!in) {
    std::cerr << argv[1] << ": cannot read\n";
    return 2;
  }
  std::string dot = text.str();
  GVC_t* gvc = gvContext();
  Agraph_t* graph = agmemread(dot.c_str());
  if (graph == nullptr) {
    std::cerr << argv[1] << ": not a DOT graph\n";
    gvFreeContext(gvc);
    return 2;
  }
  char engine[] = "dot", format[] = "svg";
  int status = 2;
  if (gvLayout(gvc, graph, engine) == 0) {
    char* data = nullptr;
    unsigned int length = 0;
    if (gvRenderData(gvc, graph, format, &data, &length) == 0) {
      std::string out_path = argv[2], tmp = out_path + ".tmp";
      std::ofstream out(tmp, std::ios::binary);
      out.write(data, length);
      out.close();
      if (out && std::rename(tmp.c_str(), out_path.c_str()) == 0) status = 0;
      gvFreeRenderData(data);
    }
    gvFreeLayout(gvc, graph);
  }
  agclose(graph);
  gvFreeContext(gvc);
  if (status != 0) std::cerr << argv[2] << ": cannot lay out or write the picture\n";
  return status;
}
