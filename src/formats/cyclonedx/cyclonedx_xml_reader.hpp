#pragma once

#include <kensa/util/result.hpp>

#include <nlohmann/json.hpp>

#include <string_view>

namespace kensa::format::cyclonedx {

// Reads CycloneDX XML (1.2 to 1.7) into the JSON shape of the same BOM, so
// that one mapping (from_cyclonedx) serves both encodings. Only what that
// mapping reads is converted; services, vulnerabilities and the like are
// reported as present (an empty array) so they are counted as lost. The
// parser loads no DTD and resolves no external entity, and nesting is
// capped by libxml2's default limit. Fails with the line of the first
// error when the text is not well-formed XML.
Result<nlohmann::json> cyclonedx_xml_to_json(std::string_view text, std::string_view source_name);

} // namespace kensa::format::cyclonedx
