#include <kensa/validate/document_kind.hpp>

#include <algorithm>
#include <array>
#include <cctype>

namespace kensa::validate {

namespace {

// Detection reads no further than this: every format names itself near the
// start (JSON writers may put the version key after a long list, so the
// window is generous).
constexpr std::size_t k_detect_window = std::size_t{1} << 20;

std::string_view skip_space(std::string_view text) {
  if (text.starts_with("\xEF\xBB\xBF")) {
    text.remove_prefix(3);
  }
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) {
    text.remove_prefix(1);
  }
  return text;
}

// The string value of the first member `"key"` in JSON text, without
// unescaping (the values looked for are plain ASCII); empty when absent.
std::string json_string_member(std::string_view text, std::string_view key) {
  const std::string quoted = "\"" + std::string(key) + "\"";
  std::size_t at = 0;
  while ((at = text.find(quoted, at)) != std::string_view::npos) {
    std::size_t cursor = at + quoted.size();
    while (cursor < text.size() && std::isspace(static_cast<unsigned char>(text[cursor]))) {
      ++cursor;
    }
    if (cursor < text.size() && text[cursor] == ':') {
      ++cursor;
      while (cursor < text.size() && std::isspace(static_cast<unsigned char>(text[cursor]))) {
        ++cursor;
      }
      if (cursor < text.size() && text[cursor] == '"') {
        const auto end = text.find('"', cursor + 1);
        if (end != std::string_view::npos && end - cursor < 256) {
          return std::string(text.substr(cursor + 1, end - cursor - 1));
        }
      }
    }
    at += quoted.size();
  }
  return {};
}

// The value after "Key:" at the start of a line (tag-value and YAML).
std::string line_value(std::string_view text, std::string_view key) {
  std::size_t at = 0;
  while ((at = text.find(key, at)) != std::string_view::npos) {
    if ((at == 0 || text[at - 1] == '\n') && text.substr(at + key.size()).starts_with(":")) {
      auto end = text.find('\n', at);
      std::string_view value = text.substr(at + key.size() + 1, end == std::string_view::npos
                                                                    ? std::string_view::npos
                                                                    : end - at - key.size() - 1);
      while (!value.empty() && (std::isspace(static_cast<unsigned char>(value.front())) ||
                                value.front() == '"' || value.front() == '\'')) {
        value.remove_prefix(1);
      }
      while (!value.empty() && (std::isspace(static_cast<unsigned char>(value.back())) ||
                                value.back() == '"' || value.back() == '\'')) {
        value.remove_suffix(1);
      }
      return std::string(value);
    }
    at += key.size();
  }
  return {};
}

// "SPDX-2.3" -> "2.3"
std::string spdx2_version(std::string_view declared) {
  if (declared.starts_with("SPDX-")) {
    declared.remove_prefix(5);
  }
  return std::string(declared);
}

Result<DocumentKind> detect_xml(std::string_view text) {
  constexpr std::string_view k_namespace = "http://cyclonedx.org/schema/bom/";
  const auto at = text.find(k_namespace);
  if (at == std::string_view::npos) {
    return fail("XML that is not CycloneDX (no http://cyclonedx.org/schema/bom/ namespace); "
                "SPDX RDF/XML is not supported");
  }
  std::string version;
  for (std::size_t i = at + k_namespace.size();
       i < text.size() && (std::isdigit(static_cast<unsigned char>(text[i])) || text[i] == '.');
       ++i) {
    version += text[i];
  }
  return DocumentKind{DocumentFamily::cyclonedx, DocumentEncoding::xml, version};
}

Result<DocumentKind> detect_json(std::string_view text) {
  if (json_string_member(text, "bomFormat") == "CycloneDX") {
    return DocumentKind{DocumentFamily::cyclonedx, DocumentEncoding::json,
                        json_string_member(text, "specVersion")};
  }
  const std::string spdx = json_string_member(text, "spdxVersion");
  if (spdx.starts_with("SPDX-")) {
    return DocumentKind{DocumentFamily::spdx2, DocumentEncoding::json, spdx2_version(spdx)};
  }
  constexpr std::string_view k_context = "https://spdx.org/rdf/";
  const auto context = text.find(k_context);
  if (context != std::string_view::npos && text.find("\"@context\"") != std::string_view::npos) {
    std::string version;
    for (std::size_t i = context + k_context.size();
         i < text.size() && (std::isdigit(static_cast<unsigned char>(text[i])) || text[i] == '.');
         ++i) {
      version += text[i];
    }
    return DocumentKind{DocumentFamily::spdx3, DocumentEncoding::json, version};
  }
  return fail("JSON that is neither CycloneDX (no \"bomFormat\": \"CycloneDX\") nor SPDX (no "
              "\"spdxVersion\", no SPDX 3 \"@context\")");
}

} // namespace

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

Result<DocumentKind> detect_document_kind(std::string_view text) {
  const std::string_view start = skip_space(text.substr(0, k_detect_window));
  if (start.empty()) {
    return fail("empty document");
  }
  if (start.front() == '<') {
    return detect_xml(start);
  }
  if (start.front() == '{') {
    return detect_json(start);
  }
  if (const auto version = line_value(start, "SPDXVersion"); version.starts_with("SPDX-")) {
    return DocumentKind{DocumentFamily::spdx2, DocumentEncoding::tag_value, spdx2_version(version)};
  }
  if (const auto version = line_value(start, "spdxVersion"); version.starts_with("SPDX-")) {
    return DocumentKind{DocumentFamily::spdx2, DocumentEncoding::yaml, spdx2_version(version)};
  }
  return fail("not a CycloneDX or SPDX document (neither JSON, XML, SPDX tag-value nor SPDX YAML)");
}

} // namespace kensa::validate
