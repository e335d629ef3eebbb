#pragma once

#include <kensa/model/component.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

// What an SPDX package has no field for (scope, the development flag,
// properties where the format has no place for them, evidence, a type SPDX has no purpose for, the
// group, authors after the first, a CycloneDX bom-ref other than the purl) travels in one
// annotation per package, so that a kensa document survives SPDX and back. The annotation's comment
// is k_facts_marker followed by a compact JSON object.
namespace kensa::format::spdx {

inline constexpr std::string_view k_facts_marker = "kensa-facts: ";
// Each license found in a component's files is an annotation of its own,
// this marker and model::license_evidence_text: SPDX 2 allows
// licenseInfoFromFiles only for packages whose files were analysed (and it
// names no file), and SPDX 3 has no license evidence construct.
inline constexpr std::string_view k_license_evidence_marker = "license evidence: ";

struct FactOptions {
  // Whether the format records the type itself (SPDX 2.3 and 3.0 purposes
  // for types that have one).
  bool type_recorded = false;
  // Whether the format records the first author (SPDX originator).
  bool first_author_recorded = true;
  // Whether the format records the properties (SPDX 3's CycloneDX
  // properties extension).
  bool properties_recorded = false;
};

// The annotation comment for `component`, or nullopt when there is nothing
// SPDX would lose.
std::optional<std::string> component_facts(const model::Component& component,
                                           const FactOptions& options);

// One annotation comment per license found in the component's files.
std::vector<std::string> license_evidence_comments(const model::Component& component);

// The package's copyright text: the component's own (the kensa:copyright
// property), else the statements found in its files, one a line; empty
// when neither is known.
std::string copyright_text_of(const model::Component& component);

// Applies a comment written by component_facts or license_evidence_comments
// to `component`. Returns false (changing nothing) when `comment` is not
// such a comment or is malformed. The facts name the copyright statements;
// a kensa:copyright property that only repeats them, as copyright_text_of
// wrote them, is removed.
bool apply_component_facts(std::string_view comment, model::Component& component);

} // namespace kensa::format::spdx
