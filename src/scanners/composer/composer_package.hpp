#pragma once

#include <kensa/model/component.hpp>
#include <kensa/scanner/file_report.hpp>
#include <kensa/util/json_document.hpp>

#include <string>
#include <string_view>
#include <vector>

// One package as Composer writes it in composer.lock and
// vendor/composer/installed.json (the same object in both).
namespace kensa::scanner::composer {

inline constexpr std::string_view k_property_source_reference = "kensa:composer:source-reference";
inline constexpr std::string_view k_property_dist_reference = "kensa:composer:dist-reference";
inline constexpr std::string_view k_property_type = "kensa:composer:type";
inline constexpr std::string_view k_property_local = "kensa:composer:local";

struct ComposerPackage {
  // "vendor/name" as written.
  std::string name;
  // As written ("v6.3.4", "1.0.0", "dev-main").
  std::string version;
  // "library", "composer-plugin", "metapackage", ...
  std::string type;
  std::vector<std::string> licenses;
  std::vector<model::Party> authors;
  std::string description;
  std::string homepage;
  // source: the repository and the commit the package was taken from.
  std::string source_type;
  std::string source_url;
  std::string source_reference;
  // dist: the archive and its SHA-1 ("shasum", often empty); type "path"
  // for a package taken from a folder (a path repository).
  std::string dist_type;
  std::string dist_url;
  std::string dist_reference;
  std::string dist_shasum;
  // The packages of "require" (platform requirements such as php and
  // ext-json, which name no package, are left out).
  std::vector<std::string> required;
  // packages-dev, or dev-package-names: only needed to develop the project.
  bool development = false;
};

// Reads `object` (one entry of "packages"); nullopt, with a warning in
// `report` naming entry `index`, when it is not an object or has no name.
// At most 10,000 requirements are kept (a warning says so).
std::optional<ComposerPackage> read_package(FileReport& report, json::Value object,
                                            std::size_t index);

// Whether `name` names a package ("vendor/name") rather than the platform
// (php, ext-*, lib-*, composer-plugin-api).
bool names_package(std::string_view name);

// The component: purl pkg:composer/<vendor>/<name>@<version> (names
// lowercased, as the purl type says; none for a package from a path
// repository, which is local code), licenses, authors, homepage, the
// repository as a vcs reference, the dist archive as a distribution
// reference, and the dist's SHA-1 when it is given. Development packages
// get scope excluded. Problems are warnings in `report`.
model::Component make_package_component(const ComposerPackage& package,
                                        const model::Evidence& evidence, FileReport& report);

} // namespace kensa::scanner::composer
