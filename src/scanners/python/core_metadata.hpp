#pragma once

#include <kensa/scanner/problem_list.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

// The core metadata format of installed Python packages (METADATA in
// .dist-info, PKG-INFO in .egg-info and sdists): RFC 822-style headers, some
// repeated (Classifier, Requires-Dist, Project-URL), folded values on lines
// that start with white space, then an optional body holding the description.
namespace kensa::scanner::python {

// Caps on one file; the file size itself is capped by the source.
inline constexpr std::size_t k_max_metadata_fields = 20'000;

struct CoreMetadata {
  // Every header in file order; names as written.
  std::vector<std::pair<std::string, std::string>> fields;
  // Text after the blank line that ends the headers.
  std::string body;
  // Lines that are neither a header nor a continuation: "line 7: ...".
  ProblemList problems;

  // The first value of `name` (matched ignoring case), empty when absent.
  std::string_view get(std::string_view name) const;
  // Every value of `name`, in file order.
  std::vector<std::string_view> all(std::string_view name) const;
};

CoreMetadata parse_core_metadata(std::string_view text);

} // namespace kensa::scanner::python
