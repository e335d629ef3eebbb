#pragma once

#include "cyclonedx_bom.hpp"

#include <kensa/format/loss_report.hpp>
#include <kensa/model/document.hpp>

#include <ostream>
#include <string_view>

namespace kensa::format::cyclonedx {

// Writes `document` as CycloneDX JSON of spec `version` (1.4 to 1.7), with
// only the fields that version defines. The output is deterministic: keys in
// the schema's order, components and dependencies sorted, the serial number
// derived from the content. What the version cannot hold goes to `losses`.
// Serializes `bom` as JSON; an empty serial number is derived from the text.
void write_cyclonedx_json(const CdxBom& bom, std::ostream& out);

void write_json(const model::Document& document, std::string_view version, std::ostream& out,
                LossReport& losses);

} // namespace kensa::format::cyclonedx
