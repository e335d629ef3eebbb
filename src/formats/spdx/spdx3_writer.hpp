#pragma once

#include <kensa/format/loss_report.hpp>
#include <kensa/model/document.hpp>

#include <ostream>
#include <string>
#include <string_view>

namespace kensa::format::spdx {

// SPDX 3.0.1 JSON-LD with the Core, Software and SimpleLicensing profiles:
// one software_Package per component (the subject is the Sbom's root
// element), software_File per inventoried file, license expressions as
// simplelicensing_LicenseExpression elements linked by hasDeclaredLicense /
// hasConcludedLicense, custom licenses as SimpleLicensingText, dependencies
// as dependsOn (development ones lifecycle-scoped), and a kensa-facts
// Annotation for what SPDX has no property for. Element IRIs are derived
// from the content, like the SPDX 2 namespace.
void write_spdx3_json(const model::Document& document, std::string_view version, std::ostream& out,
                      LossReport& losses);

// The words of the SPDX 3 vocabularies are in spdx3_vocabulary.hpp.

} // namespace kensa::format::spdx
