#pragma once

#include <kensa/util/result.hpp>
#include <kensa/validate/finding.hpp>

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

// Government minimum-element sets (docs/validate/profiles.md), each pinned to
// one published document version.
namespace kensa::validate {

// How much a profile asks of an element.
enum class ElementLevel {
  required,
  // Required when the information exists; absence is a warning.
  conditional,
  recommended,
  // Must not be present.
  forbidden,
};

std::string_view to_string(ElementLevel level);

// The minimum elements kensa can check.
enum class Element {
  sbom_author,
  sbom_timestamp,
  sbom_tool_name,
  sbom_tool_version,
  sbom_generation_context,
  sbom_version,
  sbom_signature,
  sbom_uri,
  component_supplier,
  component_name,
  component_version,
  component_identifiers,
  component_hash,
  component_sha512,
  component_license,
  component_dependencies,
  component_description,
  component_filename,
  component_file_properties,
  vulnerabilities,
};

// Short human name: "Component Hash".
std::string_view element_name(Element element);
// What would supply `element` in a document kensa writes: the flag, the
// package data or the step after the scan ("pass --author NAME <EMAIL>").
// The text of every finding of a missing element.
std::string_view how_to_supply(Element element);
// True for elements checked once per component (else once per document).
bool is_component_element(Element element);

struct ProfileRule {
  Element element;
  ElementLevel level;
  // Whether the author may state "unknown" (NOASSERTION): then a declared
  // unknown is a warning instead of an error.
  bool unknown_allowed = false;
};

struct Profile {
  std::string_view id;
  std::string_view title;
  // Publisher and date of the pinned document.
  std::string_view source;
  // Parts of the profile not confirmed in the primary text ([U] in the
  // research notes); empty when all of it was read in the primary text.
  std::string_view unconfirmed;
  // The lowest CycloneDX and SPDX versions the document accepts ("" = any);
  // "none" means the family is not accepted.
  std::string_view min_cyclonedx;
  std::string_view min_spdx;
  std::span<const ProfileRule> rules;
};

// Every profile, in the order --list-profiles prints them.
std::span<const Profile> profile_table();

struct ProfileAlias {
  std::string_view alias;
  std::string_view id;
};

// Moving names ("ntia", "cisa", ...) and what they resolve to today.
std::span<const ProfileAlias> profile_aliases();

struct ResolvedProfile {
  const Profile* profile = nullptr;
  // The alias used, empty when the id was given.
  std::string alias;
};

// Finds a profile by id or alias; fails naming the known ids.
Result<ResolvedProfile> resolve_profile(std::string_view name);

// Coverage of one element over the document or its components.
struct ElementCoverage {
  Element element;
  ElementLevel level;
  std::size_t present = 0;
  std::size_t declared_unknown = 0;
  std::size_t missing = 0;
  // Percent of subjects with a real value (present), 0 to 100.
  double percent() const;
};

struct ProfileResult {
  std::string id;
  std::vector<ElementCoverage> coverage;
  // The component count the component elements were checked over.
  std::size_t components = 0;
};

} // namespace kensa::validate
