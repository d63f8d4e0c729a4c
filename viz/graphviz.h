// Small RAII wrappers over Graphviz's C libraries (cgraph builds the graph, gvc lays it out and
// renders it). This is the only file that calls ag* / gv*: the rest of viz/ builds pictures
// through these classes. Graphviz's headers take char* for strings they only read, so every
// string goes through a mutable copy here; Graphviz's messages are collected into our errors
// instead of being printed to stderr.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

// Forward declarations of Graphviz's types, so that callers do not include its headers.
struct Agraph_s;
struct Agnode_s;
struct Agedge_s;
struct Agsym_s;
struct GVC_s;

namespace landskap::viz {

using GvObject = void;  // a graph, subgraph, node or edge: what agxset takes
using GvNode = Agnode_s;
using GvEdge = Agedge_s;
using GvSubgraph = Agraph_s;
using GvAttribute = Agsym_s;

enum class AttributeOf { kGraph, kNode, kEdge };

// Collects the messages Graphviz reports (agseterrf) while it is alive, so that they end up
// in our error text and not on stderr. One at a time: Graphviz's handler is process-wide.
class GvMessages {
 public:
  GvMessages();
  ~GvMessages();
  GvMessages(const GvMessages&) = delete;
  GvMessages& operator=(const GvMessages&) = delete;

  // Everything reported since construction, one message per line.
  std::string Text() const;
  // Whether an error (not only a warning) was reported since construction.
  bool HadError() const;
};

// The gvc context: plugins are loaded once per process (gvContext reads the system's config).
class GvContext {
 public:
  static GvContext& Shared();
  ~GvContext();
  GvContext(const GvContext&) = delete;
  GvContext& operator=(const GvContext&) = delete;
  GVC_s* get() const { return gvc_; }

 private:
  GvContext();
  GVC_s* gvc_;
};

// A directed cgraph graph, closed (agclose) on destruction.
class GvGraph {
 public:
  explicit GvGraph(std::string_view name);
  ~GvGraph();
  GvGraph(const GvGraph&) = delete;
  GvGraph& operator=(const GvGraph&) = delete;

  Agraph_s* get() const { return graph_; }
  GvObject* root() const;

  // Declares an attribute once with its default; keep the result for Set.
  GvAttribute* Declare(AttributeOf of, std::string_view name, std::string_view default_value);
  // Creates (or finds) the node with this name.
  GvNode* Node(std::string_view name);
  // Creates a new edge from `tail` to `head` (parallel edges are kept).
  GvEdge* Edge(GvNode* tail, GvNode* head);
  // Creates (or finds) a subgraph of `parent` (nullptr: the root); "cluster_..." names are
  // drawn as boxes by dot.
  GvSubgraph* Subgraph(std::string_view name, GvSubgraph* parent = nullptr);
  // Puts an existing node into a subgraph.
  void AddToSubgraph(GvSubgraph* subgraph, GvNode* node);

  // Sets a declared attribute. The value is taken as text (see EscapeLabel for labels).
  void Set(GvObject* object, GvAttribute* attribute, std::string_view value);
  // Sets a declared attribute to an HTML-like label; `html` must already be escaped
  // (EscapeHtml) wherever it holds text from the data.
  void SetHtml(GvObject* object, GvAttribute* attribute, std::string_view html);

 private:
  Agraph_s* graph_;
};

// A layout of a graph, freed (gvFreeLayout) on destruction, before the graph is closed.
class GvLayout {
 public:
  // Lays out `graph` with `engine` ("dot", "sfdp", "neato" ...). Check ok().
  GvLayout(GvGraph& graph, std::string_view engine);
  ~GvLayout();
  GvLayout(const GvLayout&) = delete;
  GvLayout& operator=(const GvLayout&) = delete;

  bool ok() const { return ok_; }
  // The laid-out picture's width and height in points (0 × 0 when the layout failed).
  std::pair<double, double> Size() const;
  // The resolution bitmaps (PNG) are rendered at from now on, in dots per inch, in place of the
  // one the layout read from the graph's dpi (96 when none).
  void SetBitmapDpi(double dpi);
  // Renders into memory ("svg", "png", "pdf", "dot" ...). False with *error on failure.
  bool Render(std::string_view format, std::string* out, std::string* error) const;

 private:
  GvGraph& graph_;
  bool ok_ = false;
};

// All three first make control characters visible as \xNN (VisibleText, engine/model/text.h), so
// that a NUL cannot cut a name and the SVG stays well-formed XML.
//
// Text for a plain (non-HTML) Graphviz label, tooltip or title: backslashes are doubled so
// that Graphviz's escapes (\N, \G, \l ...) cannot fire, newlines become line breaks, and '&'
// is written as an entity so that Graphviz's entity decoding gives the text back unchanged.
std::string EscapeLabel(std::string_view text);
// Text for a tooltip. Graphviz reads tooltips through two rounds of backslash escapes (one
// more than labels), so each backslash becomes four; '&' is an entity as in labels.
std::string EscapeTooltip(std::string_view text);
// Text for inside an HTML-like label: & < > " ' as entities, newlines as <BR/>, and
// backslashes doubled (Graphviz expands \N and friends in HTML-like labels too).
std::string EscapeHtml(std::string_view text);

// A DOT text read back with cgraph (agmemread), for checking what was written.
struct DotGraph {
  struct Node {
    std::string name;
    std::map<std::string, std::string> attributes;  // only those set (non-default)
  };
  struct Edge {
    std::string tail, head;
    std::map<std::string, std::string> attributes;
  };
  std::vector<Node> nodes;  // in the graph's order
  std::vector<Edge> edges;
  std::vector<std::string> subgraphs;  // names of all subgraphs (any depth)
};
// False with *error when the text is not DOT that cgraph accepts.
bool ReadDot(std::string_view text, DotGraph* out, std::string* error);

}  // namespace landskap::viz
