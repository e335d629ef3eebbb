#pragma once

#include "binary_classes.hpp"

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

// Finds the rows of the classifier table in a file's bytes, chunk by chunk
// (so that a file of any size can be read in bounded memory once its bytes
// come in chunks): a plain search for each candidate row's anchor, and the
// row's pattern tried only around the places it is found.
namespace kensa::scanner::binary_classifier {

// A row found, with the version its pattern captured.
struct ClassMatch {
  const BinaryClass* row = nullptr;
  std::string version;
};

// Looks for the rows among `candidates` (indexes into binary_classes(), the
// rows whose globs match the file's name) in `bytes`, read `chunk_size`
// bytes at a time with 2 * k_max_match_length bytes of overlap. Each row is
// reported once, with its first match; the search stops when every
// candidate is found. `done`, when set, is told after each chunk the offset
// below which no byte is looked at again (a mapped file lets those pages
// go). Never throws for any bytes.
std::vector<ClassMatch> classify_bytes(std::string_view bytes,
                                       const std::vector<std::size_t>& candidates,
                                       std::size_t chunk_size = 1 << 20,
                                       const std::function<void(std::size_t)>& done = {});

// The indexes of the rows whose globs match `path`.
std::vector<std::size_t> candidate_rows(std::string_view path);

} // namespace kensa::scanner::binary_classifier
