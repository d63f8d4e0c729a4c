// The RAII wrappers over cgraph and gvc, the mutable-buffer handling of Graphviz's char* API,
// and the routing of Graphviz's messages into our errors.
#include "viz/graphviz.h"

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <string>
#include <unordered_map>
#include <vector>

#include "engine/model/text.h"
#include "viz/escape.h"

namespace landskap::viz {

namespace {

// Graphviz's functions take char* even for strings they only read (or copy): give them a
// NUL-terminated copy they may write to.
class MutableText {
 public:
  explicit MutableText(std::string_view text) : buffer_(text.begin(), text.end()) {
    buffer_.push_back('\0');
  }
  char* get() { return buffer_.data(); }

 private:
  std::vector<char> buffer_;
};

// What Graphviz reported while a GvMessages is alive. Graphviz's handler is a plain function
// pointer with no user data, so the collected text has to live in one place.
std::string& CollectedMessages() {
  static std::string messages;
  return messages;
}

int CollectMessage(char* text) {
  CollectedMessages() += text;
  return 0;
}

int KindOf(AttributeOf of) {
  switch (of) {
    case AttributeOf::kGraph:
      return AGRAPH;
    case AttributeOf::kNode:
      return AGNODE;
    case AttributeOf::kEdge:
      return AGEDGE;
  }
  return AGRAPH;
}

}  // namespace

GvMessages::GvMessages() {
  CollectedMessages().clear();
  agseterrf(CollectMessage);
  agreseterrors();
}

GvMessages::~GvMessages() {
  agseterrf(nullptr);
  CollectedMessages().clear();
}

std::string GvMessages::Text() const {
  // Graphviz quotes the text it choked on, which may hold control characters from the data;
  // this text goes to a terminal.
  std::string text = VisibleText(CollectedMessages(), LineBreaks::kKeep);
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  return text;
}

bool GvMessages::HadError() const { return agerrors() >= AGERR; }

GvContext& GvContext::Shared() {
  static GvContext context;
  return context;
}

GvContext::GvContext() : gvc_(gvContext()) {}

GvContext::~GvContext() { gvFreeContext(gvc_); }

namespace {

// cgraph's own ID discipline makes a named object's ID the address of its name in cgraph's
// string pool, and keeps subgraphs ordered by ID: the order of the owner boxes, and with it the
// layout, then depends on where malloc happened to put the names (the same landscape read from
// a workbook and from its JSON gave two pictures). These IDs number names in the order they are
// first seen (even numbers; anonymous objects get odd ones, as in cgraph), so the same calls
// give the same picture.
struct SequentialIds {
  Agraph_t* root = nullptr;
  std::unordered_map<std::string, IDTYPE> ids;
  // names[k] is the name of ID 2 * (k + 1), in cgraph's string pool: cgraph reads a flag in
  // front of a name it prints (aghtmlstr), so only its own strings will do.
  std::vector<char*> names;
  IDTYPE next_anonymous = 1;
};

void* IdOpen(Agraph_t* root, Agdisc_t*) { return new SequentialIds{root, {}, {}, 1}; }

long IdMap(void* state, int, char* name, IDTYPE* id, int create) {
  auto* ids = static_cast<SequentialIds*>(state);
  if (!name) {
    *id = ids->next_anonymous;
    ids->next_anonymous += 2;
    return 1;
  }
  if (auto found = ids->ids.find(name); found != ids->ids.end()) {
    *id = found->second;
    return 1;
  }
  if (!create) return 0;  // cgraph then looks in its internal map, and finds nothing
  *id = 2 * (ids->names.size() + 1);
  ids->ids.emplace(name, *id);
  ids->names.push_back(agstrdup(ids->root, name));
  return 1;
}

long IdAlloc(void*, int, IDTYPE) { return 0; }  // no IDs chosen by the caller, as in cgraph

void IdFree(void*, int, IDTYPE) {}  // names stay until the graph closes

char* IdPrint(void* state, int, IDTYPE id) {
  auto* ids = static_cast<SequentialIds*>(state);
  if (id % 2 != 0 || id == 0 || id / 2 > ids->names.size()) return nullptr;
  return ids->names[id / 2 - 1];
}

// cgraph closes the discipline before its string pool, so the names can go back to it here.
void IdClose(void* state) {
  auto* ids = static_cast<SequentialIds*>(state);
  for (char* name : ids->names) agstrfree(ids->root, name);
  delete ids;
}

void IdRegister(void*, int, void*) {}

Agiddisc_t kSequentialIdDisc = {IdOpen, IdMap, IdAlloc, IdFree, IdPrint, IdClose, IdRegister};
Agdisc_t kDisc = {&AgMemDisc, &kSequentialIdDisc, &AgIoDisc};

}  // namespace

GvGraph::GvGraph(std::string_view name) {
  MutableText text(name);
  graph_ = agopen(text.get(), Agdirected, &kDisc);
}

GvGraph::~GvGraph() { agclose(graph_); }

GvObject* GvGraph::root() const { return graph_; }

GvAttribute* GvGraph::Declare(AttributeOf of, std::string_view name,
                              std::string_view default_value) {
  MutableText n(name), v(default_value);
  return agattr(graph_, KindOf(of), n.get(), v.get());
}

GvNode* GvGraph::Node(std::string_view name) {
  MutableText text(name);
  return agnode(graph_, text.get(), 1);
}

GvEdge* GvGraph::Edge(GvNode* tail, GvNode* head) {
  // No name: cgraph then makes a new edge each time, so parallel integrations stay apart.
  return agedge(graph_, tail, head, nullptr, 1);
}

GvSubgraph* GvGraph::Subgraph(std::string_view name, GvSubgraph* parent) {
  MutableText text(name);
  return agsubg(parent ? parent : graph_, text.get(), 1);
}

void GvGraph::AddToSubgraph(GvSubgraph* subgraph, GvNode* node) { agsubnode(subgraph, node, 1); }

void GvGraph::Set(GvObject* object, GvAttribute* attribute, std::string_view value) {
  MutableText text(value);
  agxset(object, attribute, text.get());  // agxset keeps its own copy
}

void GvGraph::SetHtml(GvObject* object, GvAttribute* attribute, std::string_view html) {
  MutableText text(html);
  char* marked = agstrdup_html(graph_, text.get());
  agxset(object, attribute, marked);  // takes its own reference to the marked string
  agstrfree(graph_, marked);
}

GvLayout::GvLayout(GvGraph& graph, std::string_view engine) : graph_(graph) {
  std::string name(engine);
  ok_ = gvLayout(GvContext::Shared().get(), graph_.get(), name.c_str()) == 0;
}

GvLayout::~GvLayout() {
  if (ok_) gvFreeLayout(GvContext::Shared().get(), graph_.get());
}

std::pair<double, double> GvLayout::Size() const {
  if (!ok_) return {0, 0};
  boxf bb = GD_bb(graph_.get());
  return {bb.UR.x - bb.LL.x, bb.UR.y - bb.LL.y};
}

void GvLayout::SetBitmapDpi(double dpi) {
  // The layout copied the graph's dpi into its drawing record, which rendering reads.
  if (ok_) GD_drawing(graph_.get())->dpi = dpi;
}

bool GvLayout::Render(std::string_view format, std::string* out, std::string* error) const {
  if (!ok_) {
    *error = "the layout failed";
    return false;
  }
  std::string name(format);
  char* data = nullptr;
  unsigned int length = 0;
  if (gvRenderData(GvContext::Shared().get(), graph_.get(), name.c_str(), &data, &length) != 0) {
    if (data) gvFreeRenderData(data);
    *error = "Graphviz cannot write the format '" + name + "'";
    return false;
  }
  out->assign(data ? data : "", data ? length : 0);
  gvFreeRenderData(data);
  return true;
}

// Each escaping function first makes control characters visible (engine/model/text.h): Graphviz
// would write them raw into SVG, where XML 1.0 forbids them, feed them to the XML parser of
// HTML-like labels, which fails, and cut the text at a NUL, since it takes C strings.
std::string EscapeLabel(std::string_view text) {
  return ReplaceChars(VisibleText(text, LineBreaks::kKeep),
                      {{'\\', "\\\\"}, {'\n', "\\n"}, {'&', "&amp;"}});
}

std::string EscapeTooltip(std::string_view text) {
  return ReplaceChars(VisibleText(text, LineBreaks::kKeep), {{'\\', "\\\\\\\\"}, {'&', "&amp;"}});
}

std::string EscapeHtml(std::string_view text) {
  return ReplaceChars(VisibleText(text, LineBreaks::kKeep), {{'\\', "\\\\"},
                                                             {'&', "&amp;"},
                                                             {'<', "&lt;"},
                                                             {'>', "&gt;"},
                                                             {'"', "&quot;"},
                                                             {'\'', "&#39;"},
                                                             {'\n', "<BR/>"}});
}

namespace {

std::map<std::string, std::string> SetAttributes(Agraph_t* graph, void* object, int kind) {
  std::map<std::string, std::string> attributes;
  for (Agsym_t* sym = agnxtattr(graph, kind, nullptr); sym; sym = agnxtattr(graph, kind, sym)) {
    const char* value = agxget(object, sym);
    if (value && (!sym->defval || std::string_view(value) != sym->defval))
      attributes[sym->name] = value;
  }
  return attributes;
}

void CollectSubgraphs(Agraph_t* graph, std::vector<std::string>* names) {
  for (Agraph_t* sub = agfstsubg(graph); sub; sub = agnxtsubg(sub)) {
    names->push_back(agnameof(sub));
    CollectSubgraphs(sub, names);
  }
}

}  // namespace

bool ReadDot(std::string_view text, DotGraph* out, std::string* error) {
  GvMessages messages;
  std::string copy(text);
  Agraph_t* graph = agmemread(copy.c_str());
  if (!graph) {
    *error = "not DOT: " + messages.Text();
    return false;
  }
  *out = DotGraph();
  for (Agnode_t* n = agfstnode(graph); n; n = agnxtnode(graph, n)) {
    out->nodes.push_back({agnameof(n), SetAttributes(graph, n, AGNODE)});
    for (Agedge_t* e = agfstout(graph, n); e; e = agnxtout(graph, e))
      out->edges.push_back(
          {agnameof(agtail(e)), agnameof(aghead(e)), SetAttributes(graph, e, AGEDGE)});
  }
  CollectSubgraphs(graph, &out->subgraphs);
  agclose(graph);
  return true;
}

}  // namespace landskap::viz
