#pragma once

#include <kensa/model/document.hpp>
#include <kensa/model/graph.hpp>

namespace kensa::format {

// What a family's mapping gives read_document: the graph before it is
// finished. read_document frees the tree the mapping read from (and the
// text, when it was handed over) first, and only then finishes the graph:
// for a big document, the input, its tree and the finished model are never
// held at once.
struct MappedDocument {
  model::ComponentGraph graph;
  model::DocumentMetadata metadata;
};

} // namespace kensa::format
