#include <kensa/format/detect.hpp>
#include <kensa/validate/document_kind.hpp>

#include <array>

namespace kensa::validate {

std::string format_name(const DocumentKind& kind) {
  switch (kind.family) {
  case DocumentFamily::cyclonedx:
    return kind.encoding == DocumentEncoding::xml ? "cyclonedx-xml" : "cyclonedx-json";
  case DocumentFamily::spdx3:
    return "spdx3-jsonld";
  case DocumentFamily::spdx2:
    break;
  }
  switch (kind.encoding) {
  case DocumentEncoding::tag_value:
    return "spdx-tag-value";
  case DocumentEncoding::yaml:
    return "spdx-yaml";
  default:
    return "spdx-json";
  }
}

Result<DocumentKind> parse_format_name(std::string_view text) {
  std::string version;
  if (const auto at = text.find('@'); at != std::string_view::npos) {
    version = std::string(text.substr(at + 1));
    text = text.substr(0, at);
  }
  struct Named {
    std::string_view name;
    DocumentFamily family;
    DocumentEncoding encoding;
  };
  constexpr std::array<Named, 6> k_names{{
      {"cyclonedx-json", DocumentFamily::cyclonedx, DocumentEncoding::json},
      {"cyclonedx-xml", DocumentFamily::cyclonedx, DocumentEncoding::xml},
      {"spdx-json", DocumentFamily::spdx2, DocumentEncoding::json},
      {"spdx-tag-value", DocumentFamily::spdx2, DocumentEncoding::tag_value},
      {"spdx-yaml", DocumentFamily::spdx2, DocumentEncoding::yaml},
      {"spdx3-jsonld", DocumentFamily::spdx3, DocumentEncoding::json},
  }};
  for (const auto& named : k_names) {
    if (named.name == text) {
      return DocumentKind{named.family, named.encoding, version};
    }
  }
  return fail("unknown format '" + std::string(text) +
              "' (use cyclonedx-json, cyclonedx-xml, spdx-json, spdx-tag-value, spdx-yaml or "
              "spdx3-jsonld, optionally with @VERSION)");
}

// One detector serves reading and validating (format/detect.hpp); this
// maps its answer to the validator's kinds and says why a document is none.
Result<DocumentKind> detect_document_kind(std::string_view text) {
  using format::DocumentEncoding;
  const format::DetectedFormat detected = format::detect_format(text);
  const bool cyclonedx = detected.family == format::DocumentFamily::cyclonedx;
  const bool spdx = detected.family == format::DocumentFamily::spdx;
  switch (detected.encoding) {
  case DocumentEncoding::json:
    if (cyclonedx || spdx) {
      return DocumentKind{cyclonedx ? DocumentFamily::cyclonedx : DocumentFamily::spdx2,
                          validate::DocumentEncoding::json, detected.spec_version};
    }
    return fail("JSON that is neither CycloneDX (no \"bomFormat\": \"CycloneDX\") nor SPDX (no "
                "\"spdxVersion\", no SPDX 3 \"@context\")");
  case DocumentEncoding::json_ld:
    return DocumentKind{DocumentFamily::spdx3, validate::DocumentEncoding::json,
                        detected.spec_version};
  case DocumentEncoding::xml:
    if (cyclonedx) {
      return DocumentKind{DocumentFamily::cyclonedx, validate::DocumentEncoding::xml,
                          detected.spec_version};
    }
    return fail("XML that is not CycloneDX (no http://cyclonedx.org/schema/bom/ namespace)");
  case DocumentEncoding::rdf_xml:
    return fail("SPDX RDF/XML, which kensa does not read");
  case DocumentEncoding::tag_value:
  case DocumentEncoding::yaml:
    if (spdx) {
      return DocumentKind{DocumentFamily::spdx2,
                          detected.encoding == DocumentEncoding::yaml
                              ? validate::DocumentEncoding::yaml
                              : validate::DocumentEncoding::tag_value,
                          detected.spec_version};
    }
    break;
  case DocumentEncoding::unknown:
    break;
  }
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    return fail("empty document");
  }
  return fail("not a CycloneDX or SPDX document (neither JSON, XML, SPDX tag-value nor SPDX YAML)");
}

} // namespace kensa::validate
