// The frozen, index-based graph of a landscape: Boost's compressed sparse row graph with one
// vertex per system (vertex i == SystemIndex i) and one edge per integration, in both
// directions, so analyses walk consumers (out-edges) and providers (in-edges) in O(degree).
#pragma once

#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <span>
#include <vector>

#include "engine/model/landscape.h"

namespace landskap {

struct EdgeData {
  IntegrationIndex integration = 0;
};

using CsrGraph =
    boost::compressed_sparse_row_graph<boost::bidirectionalS, boost::no_property, EdgeData,
                                       boost::no_property, SystemIndex, IntegrationIndex>;

class Graph {
 public:
  explicit Graph(const Landscape& landscape);

  const Landscape& landscape() const { return landscape_; }
  const CsrGraph& csr() const { return csr_; }
  size_t SystemCount() const { return landscape_.systems.size(); }

  // Integrations leaving `s` (s provides), in file order.
  std::span<const IntegrationIndex> Outgoing(SystemIndex s) const {
    return {out_.data() + out_offsets_[s], out_.data() + out_offsets_[s + 1]};
  }
  // Integrations arriving at `s` (s consumes), in file order.
  std::span<const IntegrationIndex> Incoming(SystemIndex s) const {
    return {in_.data() + in_offsets_[s], in_.data() + in_offsets_[s + 1]};
  }

 private:
  const Landscape& landscape_;
  CsrGraph csr_;
  // Flat copies of the CSR's edge properties per vertex, so that hot loops read integration
  // indices from contiguous arrays without going through Boost's iterators.
  std::vector<uint32_t> out_offsets_, in_offsets_;
  std::vector<IntegrationIndex> out_, in_;
};

}  // namespace landskap
