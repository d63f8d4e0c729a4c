// Strong components (Boost) of integrations and `after`, then a shortest way back for each
// `after` inside one: the same rule as the plan's, without the plan.
#include "engine/merge/after_cycles.h"

#include <algorithm>
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/strong_components.hpp>
#include <limits>
#include <set>

namespace landskap {

AfterCycles FindAfterCycles(const Landscape& landscape, size_t max_cycles) {
  const size_t n = landscape.systems.size();
  // Successors, as compressed rows: integrations provider -> consumer, `after` x -> the system.
  std::vector<std::pair<SystemIndex, SystemIndex>> edges;
  for (const Integration& i : landscape.integrations)
    if (i.from != i.to) edges.emplace_back(i.from, i.to);
  for (SystemIndex s = 0; s < n; ++s)
    for (SystemIndex a : landscape.systems[s].cutover.after)
      if (a != s) edges.emplace_back(a, s);
  std::sort(edges.begin(), edges.end());
  edges.erase(std::unique(edges.begin(), edges.end()), edges.end());
  std::vector<size_t> begin(n + 1, 0);
  for (const auto& e : edges) ++begin[e.first + 1];
  for (size_t v = 0; v < n; ++v) begin[v + 1] += begin[v];

  using G = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS>;
  G g(n);
  for (const auto& e : edges) boost::add_edge(e.first, e.second, g);
  std::vector<size_t> component(n);
  boost::strong_components(
      g, boost::make_iterator_property_map(component.begin(), get(boost::vertex_index, g)));

  AfterCycles out;
  constexpr SystemIndex kNone = std::numeric_limits<SystemIndex>::max();
  std::vector<SystemIndex> parent(n, kNone);
  std::set<std::vector<SystemIndex>> seen;
  // A search per `after` inside a component, until enough distinct cycles are found; the same
  // cycle seen from another of its `after`s costs a search too, so searches are capped as well.
  size_t searches = 0;
  const size_t max_searches = 4 * max_cycles + 4;
  for (SystemIndex s = 0; s < n; ++s) {
    for (SystemIndex a : landscape.systems[s].cutover.after) {
      if (a == s || component[a] != component[s]) continue;
      if (out.cycles.size() >= max_cycles || searches >= max_searches) {
        ++out.more;
        continue;
      }
      ++searches;
      // Breadth first from s back to a, inside the component.
      std::vector<SystemIndex> queue{s}, touched{s};
      parent[s] = s;
      for (size_t head = 0; head < queue.size() && parent[a] == kNone; ++head) {
        SystemIndex u = queue[head];
        for (size_t i = begin[u]; i < begin[u + 1]; ++i) {
          SystemIndex v = edges[i].second;
          if (component[v] != component[s] || parent[v] != kNone) continue;
          parent[v] = u;
          touched.push_back(v);
          queue.push_back(v);
        }
      }
      std::vector<SystemIndex> back;  // a, ..., s
      for (SystemIndex v = a; v != s; v = parent[v]) back.push_back(v);
      back.push_back(s);
      for (SystemIndex v : touched) parent[v] = kNone;
      std::vector<SystemIndex> cycle{a};
      cycle.insert(cycle.end(), back.rbegin(), back.rend());  // a, s, ..., a
      std::vector<SystemIndex> canonical(cycle.begin(), cycle.end() - 1);
      std::rotate(canonical.begin(), std::min_element(canonical.begin(), canonical.end()),
                  canonical.end());
      if (seen.insert(std::move(canonical)).second) out.cycles.push_back(std::move(cycle));
    }
  }
  return out;
}

}  // namespace landskap
