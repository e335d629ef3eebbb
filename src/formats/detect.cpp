#include "spdx/spdx2_tag_value_draft.hpp"

#include <kensa/format/detect.hpp>

#include <nlohmann/json.hpp>

#include <cstddef>
#include <optional>
#include <string>

namespace kensa::format {

namespace {

// XML namespaces and JSON-LD contexts are in the first lines of a document;
// a root start tag longer than this is not one kensa reads.
constexpr std::size_t k_xml_head = 64 * 1024;

std::string_view skip_preamble(std::string_view content) {
  if (content.substr(0, 3) == "\xEF\xBB\xBF") {
    content.remove_prefix(3);
  }
  while (!content.empty() && (content.front() == ' ' || content.front() == '\t' ||
                              content.front() == '\r' || content.front() == '\n')) {
    content.remove_prefix(1);
  }
  return content;
}

// The digits-and-dots version that starts `text`.
std::string leading_version(std::string_view text) {
  std::size_t end = 0;
  while (end < text.size() && ((text[end] >= '0' && text[end] <= '9') || text[end] == '.')) {
    ++end;
  }
  while (end > 0 && text[end - 1] == '.') {
    --end;
  }
  return std::string(text.substr(0, end));
}

// Reads JSON events only until the top-level keys that decide the format
// are seen, so detection does not build the document.
class JsonSniffer : public nlohmann::json_sax<nlohmann::json> {
 public:
  DetectedFormat result{DocumentFamily::unknown, DocumentEncoding::json, ""};

  bool null() override { return value_seen(); }
  bool boolean(bool) override { return value_seen(); }
  bool number_integer(number_integer_t) override { return value_seen(); }
  bool number_unsigned(number_unsigned_t) override { return value_seen(); }
  bool number_float(number_float_t, const string_t&) override { return value_seen(); }
  bool binary(binary_t&) override { return value_seen(); }

  bool string(string_t& value) override {
    if (m_context_depth > 0) {
      if (auto version = spdx3_context_version(value)) {
        result = {DocumentFamily::spdx, DocumentEncoding::json_ld, *version};
        return false;
      }
      return true;
    }
    if (m_depth == 1) {
      if (m_key == "bomFormat" && value == "CycloneDX") {
        m_cyclonedx = true;
      } else if (m_key == "bomFormat") {
        m_cyclonedx_shape = true;
      } else if (m_key == "specVersion") {
        m_spec_version = value;
      } else if (m_key == "spdxVersion" && value.rfind("SPDX-", 0) == 0) {
        result = {DocumentFamily::spdx, DocumentEncoding::json, value.substr(5)};
        return false;
      } else if (m_key == "@context") {
        return string_context(value);
      }
      m_key.clear();
    }
    if (m_cyclonedx && !m_spec_version.empty()) {
      result = {DocumentFamily::cyclonedx, DocumentEncoding::json, m_spec_version};
      return false;
    }
    return true;
  }

  bool start_object(std::size_t) override { return open(); }
  bool start_array(std::size_t) override { return open(); }
  bool end_object() override { return close(); }
  bool end_array() override { return close(); }

  bool key(string_t& name) override {
    if (m_depth == 1) {
      m_key = name;
      m_cyclonedx_shape = m_cyclonedx_shape || is_cyclonedx_member(name);
    }
    return true;
  }

  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override {
    return false;
  }

  // Called when the document ends or stops: a CycloneDX document that
  // never says its version is still CycloneDX, and so is one with a wrong
  // bomFormat (or none) whose other members are CycloneDX's: it is a
  // CycloneDX document that fails its schema, not some other JSON.
  void conclude() {
    if (result.family != DocumentFamily::unknown) {
      return;
    }
    if (m_cyclonedx || (m_cyclonedx_shape && m_spec_version.starts_with("1."))) {
      result = {DocumentFamily::cyclonedx, DocumentEncoding::json, m_spec_version};
    }
  }

 private:
  bool value_seen() {
    if (m_depth == 1) {
      m_key.clear();
    }
    return true;
  }

  bool string_context(const std::string& value) {
    m_key.clear();
    if (auto version = spdx3_context_version(value)) {
      result = {DocumentFamily::spdx, DocumentEncoding::json_ld, *version};
      return false;
    }
    return true;
  }

  bool open() {
    ++m_depth;
    if (m_depth == 2 && m_key == "@context") {
      m_context_depth = 1;
    } else if (m_context_depth > 0) {
      ++m_context_depth;
    }
    return true;
  }

  bool close() {
    if (m_context_depth > 0) {
      --m_context_depth;
    }
    --m_depth;
    if (m_depth == 1) {
      m_key.clear();
    }
    return true;
  }

  // Top-level members that only CycloneDX BOMs have (not "version" or
  // "dependencies", which package.json has too).
  static bool is_cyclonedx_member(std::string_view name) {
    for (const std::string_view member :
         {"serialNumber", "metadata", "components", "services", "compositions", "vulnerabilities",
          "annotations", "formulation", "declarations", "definitions"}) {
      if (name == member) {
        return true;
      }
    }
    return false;
  }

  std::size_t m_depth = 0;
  std::size_t m_context_depth = 0;
  std::string m_key;
  bool m_cyclonedx = false;
  // A bomFormat other than "CycloneDX", or a member only CycloneDX has.
  bool m_cyclonedx_shape = false;
  std::string m_spec_version;
};

DetectedFormat detect_json(std::string_view content) {
  JsonSniffer sniffer;
  // A false return only means the sniffer stopped early or the JSON broke
  // off; either way the result says what was learnt before.
  static_cast<void>(nlohmann::json::sax_parse(content.begin(), content.end(), &sniffer));
  sniffer.conclude();
  return sniffer.result;
}

DetectedFormat detect_xml(std::string_view content) {
  std::string_view head = content.substr(0, k_xml_head);
  constexpr std::string_view cyclonedx_namespace = "http://cyclonedx.org/schema/bom/";
  if (auto at = head.find(cyclonedx_namespace); at != std::string_view::npos) {
    return {DocumentFamily::cyclonedx, DocumentEncoding::xml,
            leading_version(head.substr(at + cyclonedx_namespace.size()))};
  }
  if (head.find("spdx.org/rdf") != std::string_view::npos) {
    return {DocumentFamily::spdx, DocumentEncoding::rdf_xml, ""};
  }
  return {DocumentFamily::unknown, DocumentEncoding::xml, ""};
}

// A line's blanks are trimmed as tag-value lines are.
using tag_value::trim;

std::string_view unquote(std::string_view text) {
  if (text.size() >= 2 && (text.front() == '"' || text.front() == '\'') &&
      text.back() == text.front()) {
    return text.substr(1, text.size() - 2);
  }
  return text;
}

// SPDX tag-value and YAML are both lines of "key: value"; the spelling and
// quoting of the version key tells them apart (tag-value writes
// "SPDXVersion", YAML "spdxVersion", both at the start of a line).
DetectedFormat detect_text(std::string_view content) {
  std::size_t start = 0;
  while (start < content.size()) {
    std::size_t end = content.find('\n', start);
    if (end == std::string_view::npos) {
      end = content.size();
    }
    std::string_view line = content.substr(start, end - start);
    start = end + 1;
    auto colon = line.find(':');
    if (colon == std::string_view::npos) {
      continue;
    }
    std::string_view key = line.substr(0, colon);
    std::string_view value = unquote(trim(line.substr(colon + 1)));
    if (value.rfind("SPDX-", 0) != 0) {
      continue;
    }
    std::string version = leading_version(value.substr(5));
    if (key == "SPDXVersion") {
      return {DocumentFamily::spdx, DocumentEncoding::tag_value, version};
    }
    if (unquote(trim(key)) == "spdxVersion" && key.front() != ' ' && key.front() != '\t') {
      return {DocumentFamily::spdx, DocumentEncoding::yaml, version};
    }
  }
  return {};
}

} // namespace

DetectedFormat detect_format(std::string_view content) {
  std::string_view body = skip_preamble(content);
  if (body.empty()) {
    return {};
  }
  if (body.front() == '{' || body.front() == '[') {
    return detect_json(body);
  }
  if (body.front() == '<') {
    return detect_xml(body);
  }
  return detect_text(body);
}

std::string_view family_name(DocumentFamily family) {
  switch (family) {
  case DocumentFamily::cyclonedx:
    return "cyclonedx";
  case DocumentFamily::spdx:
    return "spdx";
  case DocumentFamily::unknown:
    break;
  }
  return "unknown";
}

std::string_view encoding_name(DocumentEncoding encoding) {
  switch (encoding) {
  case DocumentEncoding::json:
    return "json";
  case DocumentEncoding::xml:
    return "xml";
  case DocumentEncoding::yaml:
    return "yaml";
  case DocumentEncoding::tag_value:
    return "tag-value";
  case DocumentEncoding::json_ld:
    return "json-ld";
  case DocumentEncoding::rdf_xml:
    return "rdf-xml";
  case DocumentEncoding::unknown:
    break;
  }
  return "unknown";
}

std::string unrecognised_reason(const DetectedFormat& detected, std::string_view content) {
  switch (detected.encoding) {
  case DocumentEncoding::json:
  case DocumentEncoding::json_ld:
    return "JSON that is neither CycloneDX (no \"bomFormat\": \"CycloneDX\") nor SPDX (no "
           "\"spdxVersion\", no SPDX 3 \"@context\")";
  case DocumentEncoding::xml:
    return "XML that is not CycloneDX (no http://cyclonedx.org/schema/bom/ namespace)";
  case DocumentEncoding::rdf_xml:
    return "SPDX RDF/XML, which kensa does not read";
  case DocumentEncoding::tag_value:
  case DocumentEncoding::yaml:
  case DocumentEncoding::unknown:
    break;
  }
  if (skip_preamble(content).empty()) {
    return "empty document";
  }
  return "not a CycloneDX or SPDX document (neither JSON, XML, SPDX tag-value nor SPDX YAML)";
}

std::optional<std::string> spdx3_context_version(std::string_view url) {
  constexpr std::string_view marker = "spdx.org/rdf/";
  auto at = url.find(marker);
  if (at == std::string_view::npos) {
    return std::nullopt;
  }
  std::string version = leading_version(url.substr(at + marker.size()));
  if (version.empty() || version.front() != '3') {
    return std::nullopt;
  }
  return version;
}

} // namespace kensa::format
