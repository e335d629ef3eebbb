#pragma once

#include "cyclonedx_bom.hpp"

#include <kensa/format/loss_report.hpp>
#include <kensa/model/document.hpp>

#include <string_view>

namespace kensa::format::cyclonedx {

// Maps `document` onto the fields CycloneDX `version` (1.4 to 1.7) defines:
// bom-refs, nesting for `contains`, one dependency entry per component, the
// file inventory as components of type file nested in their owner,
// compositions from the document's completeness, license choices the
// version's schema accepts. What the version cannot hold is kept as a
// kensa:* property where that loses nothing, and counted in `losses`
// otherwise. The serial number is left empty for the serializer to derive.
CdxBom to_cyclonedx(const model::Document& document, std::string_view version, LossReport& losses);

// The bom-ref kensa gives a component: the one the document it was read
// from gave it, when kept; else its purl, unique in a kensa document and
// readable, or its content-derived id when it has none.
std::string bom_ref(const model::Component& component);

// A file component's bom-ref is this prefix and the file's path.
inline constexpr std::string_view k_file_ref_prefix = "file:";

} // namespace kensa::format::cyclonedx
