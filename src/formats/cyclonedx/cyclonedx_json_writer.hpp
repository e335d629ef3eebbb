#pragma once

#include <kensa/model/document.hpp>

#include <ostream>
#include <string_view>

namespace kensa::format::cyclonedx {

// Writes `document` as CycloneDX JSON of spec `version`. The output is
// deterministic: keys in a fixed order, components and dependencies sorted,
// the serial number derived from the content.
void write_json(const model::Document& document, std::string_view version, std::ostream& out);

} // namespace kensa::format::cyclonedx
