#pragma once

#include <kensa/format/detect.hpp>
#include <kensa/format/loss_report.hpp>
#include <kensa/model/document.hpp>
#include <kensa/util/input_text.hpp>
#include <kensa/util/result.hpp>

#include <cstddef>
#include <string>
#include <string_view>

namespace kensa::format {

// Caps for documents from untrusted sources.
struct ReadLimits {
  std::size_t max_bytes = 1024 * 1024 * 1024;
  std::size_t max_components = 2'000'000;
  // Nesting of components inside components (CycloneDX).
  std::size_t max_nesting = 64;
};

struct ReadDocument {
  // Components, relationships, files and metadata, sorted like a scan's
  // output. What the model has no field for is kept as properties
  // (component or document) where it can be; problems with single elements
  // (a hash of an unknown algorithm, an edge to a missing element) are
  // diagnostics naming `source_name` and, where known, the line or element.
  model::Document document;
  DetectedFormat format;
  // What was in the input but could not be carried into the model.
  LossReport losses;
};

// Reads an SBOM in any format detect_format() recognises and kensa has a
// reader for: CycloneDX JSON and XML 1.2 to 1.7, SPDX 2.2/2.3 JSON, YAML
// and tag-value, SPDX 3.0 JSON-LD, and kensa-json. `source_name` is used in
// messages. Fails when the format is not recognised, the text is not
// well-formed, or a limit is exceeded; a document that parses is read as far
// as it goes.
Result<ReadDocument> read_document(std::string_view content, std::string_view source_name,
                                   const ReadLimits& limits = {});
// The same, for a text handed over: it is freed as soon as the model no
// longer needs it, before the model is finished, so that a big document's
// text and finished model are not held at once. A mapped file that
// changed while it was read fails with k_changed_while_read_message.
Result<ReadDocument> read_document_consuming(util::InputText content, std::string_view source_name,
                                             const ReadLimits& limits = {});

// Why a mapped input that changed while it was read is refused.
inline constexpr std::string_view k_changed_while_read_message =
    "the file changed while it was read; read it again once nothing writes to it";

} // namespace kensa::format
