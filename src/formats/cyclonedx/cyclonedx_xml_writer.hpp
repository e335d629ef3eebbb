#pragma once

#include "cyclonedx_bom.hpp"

#include <kensa/format/loss_report.hpp>
#include <kensa/model/document.hpp>

#include <ostream>
#include <string_view>

namespace kensa::format::cyclonedx {

// Serializes `bom` as CycloneDX XML in the namespace of its spec version,
// elements in the order the version's XSD requires; an empty serial number
// is derived from the text.
void write_cyclonedx_xml(const CdxBom& bom, std::ostream& out);

// Writes `document` as CycloneDX XML of spec `version` (1.4 to 1.7), with
// the same content and losses as write_json.
void write_xml(const model::Document& document, std::string_view version, std::ostream& out,
               LossReport& losses);

} // namespace kensa::format::cyclonedx
