#pragma once

#include "../common/distro/os_release.hpp"
#include "pacman_package.hpp"

#include <kensa/model/component.hpp>
#include <kensa/scanner/file_report.hpp>

#include <string>
#include <string_view>

// Turning one installed pacman package into a model::Component.
namespace kensa::scanner::pacman {

inline constexpr std::string_view k_property_base = "kensa:pacman:base";
inline constexpr std::string_view k_property_size = "kensa:pacman:installed-size";
inline constexpr std::string_view k_property_build_date = "kensa:pacman:build-date";
inline constexpr std::string_view k_property_reason = "kensa:pacman:reason";
inline constexpr std::string_view k_property_validation = "kensa:pacman:validation";
inline constexpr std::string_view k_property_groups = "kensa:pacman:groups";
inline constexpr std::string_view k_property_files = "kensa:pacman:files";

// The purl namespace: the distribution's ID ("arch", "manjaro",
// "endeavouros"), "arch" when unknown.
std::string purl_namespace(const distro::OsRelease* distro);

// purl pkg:alpm/<namespace>/<name>@<version> with arch, distro and (when the
// pkgbase differs from the name) upstream qualifiers; the CPE; each
// %LICENSE% as a declared license; %PACKAGER% as supplier. Problems are
// warnings in `report`.
model::Component make_component(const PacmanPackage& package, const distro::OsRelease* distro,
                                const model::Evidence& evidence, FileReport& report);

} // namespace kensa::scanner::pacman
