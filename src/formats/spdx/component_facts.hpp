#pragma once

#include <kensa/model/component.hpp>

#include <optional>
#include <string>
#include <string_view>

// What an SPDX package has no field for (scope, the development flag,
// properties, evidence, a type SPDX has no purpose for, the group, authors
// after the first, a CycloneDX bom-ref other than the purl) travels in one annotation per package,
// so that a kensa document survives SPDX and back. The annotation's comment is k_facts_marker
// followed by a compact JSON object.
namespace kensa::format::spdx {

inline constexpr std::string_view k_facts_marker = "kensa-facts: ";

struct FactOptions {
  // Whether the format records the type itself (SPDX 2.3 and 3.0 purposes
  // for types that have one).
  bool type_recorded = false;
  // Whether the format records the first author (SPDX originator).
  bool first_author_recorded = true;
};

// The annotation comment for `component`, or nullopt when there is nothing
// SPDX would lose.
std::optional<std::string> component_facts(const model::Component& component,
                                           const FactOptions& options);

// Applies a comment written by component_facts to `component`. Returns false
// (changing nothing) when `comment` is not such a comment or is malformed.
bool apply_component_facts(std::string_view comment, model::Component& component);

} // namespace kensa::format::spdx
