#pragma once

#include <kensa/model/component.hpp>
#include <kensa/scanner/file_report.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

// Turning what any Python format says about one package into a
// model::Component, and the conversions the formats share (hashes, links,
// people, licenses).
namespace kensa::scanner::python {

// Property names this scanner sets on components.
inline constexpr std::string_view k_property_specifier = "kensa:python:specifier";
inline constexpr std::string_view k_property_marker = "kensa:python:marker";
inline constexpr std::string_view k_property_extras = "kensa:python:extras";
inline constexpr std::string_view k_property_source = "kensa:python:source";
inline constexpr std::string_view k_property_vcs_commit = "kensa:python:vcs-commit";
inline constexpr std::string_view k_property_editable = "kensa:python:editable";
inline constexpr std::string_view k_property_top_level = "kensa:python:top-level";
inline constexpr std::string_view k_property_group = "kensa:python:group";
inline constexpr std::string_view k_property_constraint = "kensa:python:constraint";

struct PackageFacts {
  model::ComponentType type = model::ComponentType::library;
  // As written; the purl gets the PEP 503 normalized form.
  std::string name;
  // True when `name` is a URL or path standing in for a name the source
  // does not give (a requirements line "./tools/x"): not checked as a name.
  bool name_is_location = false;
  // Empty when unknown: never invented, and then no purl.
  std::string version;
  std::vector<model::License> licenses;
  std::vector<model::Hash> hashes;
  model::Party supplier;
  std::vector<model::Party> authors;
  std::string description;
  std::vector<model::ExternalReference> references;
  model::Scope scope = model::Scope::unknown;
  bool development = false;
  std::vector<model::Property> properties;

  void add_property(std::string_view property_name, std::string value);
  // Adds a reference unless an equal one is there; only URLs a reader of
  // the SBOM can follow (http, https, git+...) are kept.
  void add_reference(std::string reference_type, std::string_view url);
  void add_hash(model::Hash hash);
};

// "pkg:pypi/<normalized name>@<version>", or empty when the version is empty
// or the purl cannot be built (`problem` then says why).
std::string make_pypi_purl(std::string_view name, std::string_view version, std::string& problem);

// The component for `facts`, found by `evidence`. Problems that do not stop
// the component from being reported are warnings in `report`.
model::Component make_component(const PackageFacts& facts, const model::Evidence& evidence,
                                FileReport& report);

// "sha256:<hex>" (lockfiles) into a Hash; nullopt with `problem` set when
// malformed or of an unknown algorithm.
std::optional<model::Hash> parse_prefixed_hex_hash(std::string_view text, char separator,
                                                   std::string& problem);

// A hex digest of a named algorithm ("sha256", "<hex>"), as pylock.toml and
// direct_url.json write them.
std::optional<model::Hash> parse_hex_hash(std::string_view algorithm, std::string_view hex,
                                          std::string& problem);

// Whether a metadata value says something: not empty, "UNKNOWN" (what old
// setuptools writes for a field left out) or "None".
bool is_meaningful(std::string_view value);

// People from "Name <email>, Other <other@x>" (the *-email fields of core
// metadata and PEP 621 authors) or a bare name.
std::vector<model::Party> parse_people(std::string_view names, std::string_view emails);

// The CycloneDX reference type for a Project-URL label ("Source" -> "vcs",
// "Bug Tracker" -> "issue-tracker"); "other" when the label says nothing
// known.
std::string reference_type_for_label(std::string_view label);

// Licenses from a package's own statements: a PEP 639 expression wins;
// otherwise the License field and the "License ::" classifiers, keeping
// only those that are SPDX expressions when any is, and names otherwise.
std::vector<model::License> licenses_from(std::string_view expression, std::string_view license,
                                          const std::vector<std::string_view>& classifiers);

} // namespace kensa::scanner::python
