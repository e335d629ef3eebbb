#pragma once

#include <optional>
#include <string>
#include <string_view>

// Which SBOM format a document is in, told from its content alone (never
// from the file name): the readers, `kensa convert` and `kensa validate`
// start here.
namespace kensa::format {

enum class DocumentFamily { unknown, cyclonedx, spdx };

enum class DocumentEncoding {
  unknown,
  json,
  xml,
  yaml,
  // SPDX 2 "Tag: value" lines.
  tag_value,
  // SPDX 3 JSON-LD (JSON with an SPDX 3 @context).
  json_ld,
  // SPDX 2 RDF/XML: recognised, but kensa has no reader for it.
  rdf_xml,
};

struct DetectedFormat {
  DocumentFamily family = DocumentFamily::unknown;
  DocumentEncoding encoding = DocumentEncoding::unknown;
  // As the document states it, without prefix: "1.6" for CycloneDX, "2.3"
  // for "SPDX-2.3", "3.0.1" for an SPDX 3.0.1 context. Empty when the
  // document does not say (a CycloneDX XML without namespace version, ...).
  std::string spec_version;

  bool recognised() const { return family != DocumentFamily::unknown; }
};

// Looks at `content` (the whole document; a UTF-8 byte order mark and
// leading white space are skipped) and tells family, encoding and spec
// version:
// - JSON with "bomFormat": "CycloneDX" → cyclonedx/json, version from
//   "specVersion"; JSON whose "bomFormat" is something else (or missing)
//   but that has a CycloneDX "specVersion" ("1.x") and a member only
//   CycloneDX has at the top (serialNumber, metadata, components, services,
//   compositions, ...) is CycloneDX too, one that fails its schema;
// - JSON with "spdxVersion": "SPDX-2.x" → spdx/json;
// - JSON with an "@context" naming spdx.org/rdf/3.x → spdx/json_ld;
// - XML whose root is in the namespace http://cyclonedx.org/schema/bom/1.x
//   → cyclonedx/xml; XML naming spdx.org/rdf → spdx/rdf_xml;
// - a top-level "spdxVersion:" mapping key → spdx/yaml;
// - a "SPDXVersion:" line → spdx/tag_value.
// JSON is scanned with an event parser that stops as soon as it knows, so a
// large document costs little. Anything else, including malformed JSON
// before the deciding keys, gives family unknown (with the encoding when it
// was clear). Never throws.
DetectedFormat detect_format(std::string_view content);

// "cyclonedx", "spdx" or "unknown".
std::string_view family_name(DocumentFamily family);
// "json", "xml", "yaml", "tag-value", "json-ld", "rdf-xml" or "unknown".
std::string_view encoding_name(DocumentEncoding encoding);

// Whether `detected` is SPDX 3 (JSON-LD).
inline bool is_spdx3(const DetectedFormat& detected) {
  return detected.family == DocumentFamily::spdx && detected.encoding == DocumentEncoding::json_ld;
}

// Why `content`, which detect_format() gave `detected` for, is no SBOM
// kensa reads, in one line: "empty document", "JSON that is neither
// CycloneDX ... nor SPDX ...", "SPDX RDF/XML, which kensa does not read".
std::string unrecognised_reason(const DetectedFormat& detected, std::string_view content);

// The SPDX 3 version a JSON-LD context URL names
// ("https://spdx.org/rdf/3.0.1/spdx-context.jsonld" gives "3.0.1"): the
// digits and dots after "spdx.org/rdf/"; nullopt when it names none.
std::optional<std::string> spdx3_context_version(std::string_view url);

} // namespace kensa::format
