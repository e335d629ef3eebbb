#pragma once

#include "../common/distro/os_release.hpp"
#include "portage_package.hpp"

#include <kensa/model/component.hpp>
#include <kensa/scanner/file_report.hpp>

#include <string_view>

// Turning one installed Portage package into a model::Component.
namespace kensa::scanner::portage {

inline constexpr std::string_view k_property_slot = "kensa:portage:slot";
inline constexpr std::string_view k_property_repository = "kensa:portage:repository";
inline constexpr std::string_view k_property_size = "kensa:portage:installed-size";
inline constexpr std::string_view k_property_files = "kensa:portage:files";

// purl pkg:ebuild/<category>/<name>@<version> (with the distro qualifier
// when the root has a release file); group = category; the CPE with vendor
// "gentoo"; LICENSE as a declared license; HOMEPAGE as website references.
// Problems are warnings in `report`.
model::Component make_component(const PortagePackage& package, const distro::OsRelease* distro,
                                const model::Evidence& evidence, FileReport& report);

} // namespace kensa::scanner::portage
