#pragma once

#include <kensa/util/result.hpp>

#include <nlohmann/json.hpp>

#include <string_view>

// CycloneDX XML as the JSON tree of the same BOM, so that one set of semantic
// rules and profiles (kensa validate) and one mapping into the model (the
// CycloneDX reader) serve both encodings.
namespace kensa::format {

// Reads CycloneDX XML 1.2 to 1.7. Converted: metadata (timestamp,
// lifecycles, tools, authors, manufacturer, supplier, component,
// properties), components with their identity, parties, hashes, licenses,
// references, properties, evidence and nesting, dependencies and composition
// aggregates; services, vulnerabilities, annotations and formulation become
// arrays of empty objects (present, counted, not read). The parser loads no
// DTD and resolves no external entity; nesting is capped by libxml2's
// default limit. Fails with the line of the first error when the text is not
// well-formed XML or its root is not <bom>.
Result<nlohmann::json> cyclonedx_xml_tree(std::string_view text, std::string_view source_name);

} // namespace kensa::format
