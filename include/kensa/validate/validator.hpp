#pragma once

#include <kensa/format/detect.hpp>
#include <kensa/util/json_document.hpp>
#include <kensa/validate/finding.hpp>
#include <kensa/validate/profiles.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

// `kensa validate` as a library: one document through the three layers
// (schema, semantic rules, profiles), giving findings a report can render.
namespace kensa::validate {

struct ValidationOptions {
  // Overrides detection (--format); a spec_version left empty is read from
  // the document.
  std::optional<format::DetectedFormat> kind;
  // Profile ids (already resolved from aliases) to check.
  std::vector<std::string> profiles;
  // Caps of the JSON parse (nesting depth, duplicate members reported).
  kensa::json::ParseLimits json_limits;
  // Documents larger than this are refused before parsing.
  std::size_t max_document_size = std::size_t{2} << 30;
  // Findings kept per document; the rest are counted.
  std::size_t max_findings = 10'000;
};

struct DocumentReport {
  std::string path;
  // Set once the document was recognised: family, encoding and the spec
  // version the document is checked against.
  std::optional<format::DetectedFormat> kind;
  // Non-empty when the document could not be read or recognised at all
  // (exit code 2).
  std::string read_error;
  std::vector<Finding> findings;
  // Findings dropped beyond ValidationOptions::max_findings.
  std::size_t dropped_findings = 0;
  std::vector<ProfileResult> profiles;

  std::size_t count(Severity severity) const;
};

// Validates the document `text` (read from `path`, used in messages only;
// reading is the source layer's, include/kensa/source/document_input.hpp).
// What is wrong with the text is a finding, or read_error when it cannot
// be read as an SBOM at all; it throws only std::bad_alloc, when memory
// runs out.
DocumentReport validate_document(std::string path, std::string_view text,
                                 const ValidationOptions& options);

} // namespace kensa::validate
