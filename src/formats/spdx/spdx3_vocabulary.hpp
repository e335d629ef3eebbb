#pragma once

#include <kensa/model/component.hpp>
#include <kensa/model/hash.hpp>

#include <optional>
#include <string_view>

// The words of SPDX 3's vocabularies for what the model holds, shared by
// the SPDX 3 writer and reader.
namespace kensa::format::spdx {

// The SPDX 3 hash algorithm word ("sha256", "blake2b512").
std::string_view spdx3_algorithm(model::HashAlgorithm algorithm);

// The software_primaryPurpose word for a component type; nullopt when SPDX 3
// has none (it is then "other" and the facts keep the type).
std::optional<std::string_view> spdx3_purpose(model::ComponentType type);

// The externalRefType for a link type of the model (CycloneDX's words:
// "issue-tracker" gives "issueTracker"); nullopt when SPDX 3 has none.
std::optional<std::string_view> spdx3_reference_type(std::string_view link_type);

// The software_sbomType for a lifecycle phase of the model (CycloneDX's
// words: "pre-build" gives "source"); empty when SPDX 3 has none.
std::string_view spdx3_sbom_type(std::string_view lifecycle);

} // namespace kensa::format::spdx
