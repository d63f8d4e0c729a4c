// Building the CSR graph from the landscape's integrations.
#include "engine/analysis/graph.h"

#include <boost/range/iterator_range.hpp>
#include <utility>

namespace landskap {

Graph::Graph(const Landscape& landscape) : landscape_(landscape) {
  const auto& integrations = landscape.integrations;
  std::vector<std::pair<SystemIndex, SystemIndex>> edges;
  std::vector<EdgeData> data;
  edges.reserve(integrations.size());
  data.reserve(integrations.size());
  for (IntegrationIndex i = 0; i < integrations.size(); ++i) {
    edges.emplace_back(integrations[i].from, integrations[i].to);
    data.push_back({i});
  }
  csr_ = CsrGraph(boost::edges_are_unsorted_multi_pass, edges.begin(), edges.end(), data.begin(),
                  static_cast<SystemIndex>(landscape.systems.size()));

  const size_t n = landscape.systems.size();
  out_offsets_.assign(n + 1, 0);
  in_offsets_.assign(n + 1, 0);
  for (const Integration& e : integrations) {
    ++out_offsets_[e.from + 1];
    ++in_offsets_[e.to + 1];
  }
  for (size_t v = 0; v < n; ++v) {
    out_offsets_[v + 1] += out_offsets_[v];
    in_offsets_[v + 1] += in_offsets_[v];
  }
  out_.resize(integrations.size());
  in_.resize(integrations.size());
  std::vector<uint32_t> out_fill(out_offsets_.begin(), out_offsets_.end() - 1);
  std::vector<uint32_t> in_fill(in_offsets_.begin(), in_offsets_.end() - 1);
  // Integrations are visited in file order, so each vertex's list is sorted by integration
  // index: analyses that walk them are deterministic for a given file.
  for (IntegrationIndex i = 0; i < integrations.size(); ++i) {
    out_[out_fill[integrations[i].from]++] = i;
    in_[in_fill[integrations[i].to]++] = i;
  }
}

}  // namespace landskap
