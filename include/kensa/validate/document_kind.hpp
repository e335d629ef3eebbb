#pragma once

#include <kensa/util/result.hpp>

#include <optional>
#include <string>
#include <string_view>

// Which SBOM family, encoding and specification version a document is, read
// from its content (never from its file name).
namespace kensa::validate {

enum class DocumentFamily {
  cyclonedx,
  spdx2,
  spdx3,
};

enum class DocumentEncoding {
  json,
  xml,
  tag_value,
  yaml,
};

struct DocumentKind {
  DocumentFamily family = DocumentFamily::cyclonedx;
  DocumentEncoding encoding = DocumentEncoding::json;
  // "1.6", "2.3", "3.0.1"; empty when the document does not say.
  std::string version;
};

// "cyclonedx-json", "cyclonedx-xml", "spdx-json", "spdx-tag-value",
// "spdx-yaml", "spdx3-jsonld".
std::string format_name(const DocumentKind& kind);

// Parses a --format value: one of the names above, optionally with
// "@VERSION" ("cyclonedx-json@1.5"). Fails naming the accepted values.
Result<DocumentKind> parse_format_name(std::string_view text);

// Reads the family, encoding and version from `text` with the readers'
// detector (format::detect_format). Fails with one line saying why when it
// is no SBOM kensa knows.
Result<DocumentKind> detect_document_kind(std::string_view text);

} // namespace kensa::validate
