#pragma once

#include "../common/distro/os_release.hpp"
#include "dpkg_package.hpp"

#include <kensa/model/component.hpp>
#include <kensa/scanner/file_report.hpp>

#include <optional>
#include <string>
#include <vector>

// Turning one installed dpkg package into a model::Component.
namespace kensa::scanner::dpkg {

// Property names this scanner sets.
inline constexpr std::string_view k_property_installed_size = "kensa:dpkg:installed-size";
inline constexpr std::string_view k_property_source = "kensa:dpkg:source";
inline constexpr std::string_view k_property_source_version = "kensa:dpkg:source-version";
inline constexpr std::string_view k_property_files = "kensa:dpkg:files";
inline constexpr std::string_view k_property_md5sums = "kensa:dpkg:md5sums";
inline constexpr std::string_view k_property_copyright = "kensa:dpkg:copyright";
inline constexpr std::string_view k_property_copyright_from = "kensa:dpkg:copyright-from";

// What was found about a package besides its stanza.
struct PackageExtras {
  // nullptr when the root has no release file.
  const distro::OsRelease* distro = nullptr;
  std::vector<model::License> licenses;
  // "machine-readable", "free-form", or empty when no copyright file was
  // found.
  std::string copyright_format;
  // The package whose copyright file was used, when it is not this one.
  std::string copyright_from;
  // Entries of the .list file and of .md5sums, when those were found.
  std::optional<std::size_t> listed_paths;
  std::optional<std::size_t> md5sums;
};

// The purl namespace: the distribution's ID, "debian" when unknown.
std::string purl_namespace(const distro::OsRelease* distro);

// The component: purl pkg:deb/<namespace>/<name>@<version> with arch,
// distro and upstream qualifiers, a CPE, the maintainer as supplier, the
// licenses from the copyright file as concluded licenses, and properties.
// Problems (a purl that cannot be made) are warnings in `report`.
model::Component make_component(const DpkgPackage& package, const PackageExtras& extras,
                                const model::Evidence& evidence, FileReport& report);

} // namespace kensa::scanner::dpkg
