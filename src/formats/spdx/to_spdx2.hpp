#pragma once

#include "spdx2_document.hpp"

#include <kensa/format/loss_report.hpp>
#include <kensa/model/document.hpp>

#include <string_view>

namespace kensa::format::spdx {

// Maps `document` onto SPDX `version` ("2.2" or "2.3"): one package per
// component (and one for the subject, which the document DESCRIBES), files
// when the document has a file inventory, relationships in SPDX's
// direction, LicenseRef- entries for license names. Fields SPDX lacks travel
// in a kensa-facts annotation (component_facts.hpp); what cannot travel at
// all is counted in `losses`. The namespace carries the placeholder that
// fill_namespace_hash replaces once the text is written.
Spdx2Document to_spdx2(const model::Document& document, std::string_view version,
                       LossReport& losses);

// The name kensa gives the SPDX document: the one a reader kept, else the
// subject's name, else "kensa-sbom".
std::string spdx_document_name(const model::Document& document);

} // namespace kensa::format::spdx
