#pragma once

#include "nix_database.hpp"
#include "store_path.hpp"

#include <kensa/model/component.hpp>
#include <kensa/scanner/file_report.hpp>

#include <string_view>

// A Nix store path as a model::Component.
namespace kensa::scanner::nix {

inline constexpr std::string_view k_property_store_path = "kensa:nix:store-path";
inline constexpr std::string_view k_property_output_hash = "kensa:nix:output-hash";
inline constexpr std::string_view k_property_nar_hash = "kensa:nix:nar-hash";
inline constexpr std::string_view k_property_nar_size = "kensa:nix:nar-size";
inline constexpr std::string_view k_property_deriver = "kensa:nix:deriver";

// Name and version as parseDrvName splits the path's name; purl
// pkg:nix/<name>@<version>?outputhash=<hash> (a type the purl specification
// lists as a candidate, not yet registered; docs/scanners/nix.md); the
// store path, its output hash, NAR hash and size and its deriver as
// properties. Problems are warnings in `report`.
model::Component make_component(const ValidPath& valid, const StorePath& path,
                                const model::Evidence& evidence, FileReport& report);

} // namespace kensa::scanner::nix
