#pragma once

#include "../common/distro/os_release.hpp"

#include <kensa/model/component.hpp>

// The operating-system component that stands for a distribution.
namespace kensa::scanner::os_release {

// Property names set on the component.
inline constexpr std::string_view k_property_id = "kensa:os:id";
inline constexpr std::string_view k_property_version_id = "kensa:os:version-id";
inline constexpr std::string_view k_property_name = "kensa:os:name";
inline constexpr std::string_view k_property_version = "kensa:os:version";
inline constexpr std::string_view k_property_codename = "kensa:os:codename";
inline constexpr std::string_view k_property_id_like = "kensa:os:id-like";
inline constexpr std::string_view k_property_cpe_name = "kensa:os:cpe-name";
inline constexpr std::string_view k_property_distro = "kensa:os:distro";
inline constexpr std::string_view k_property_source = "kensa:os:source";

// Type operating-system, name = ID, version = VERSION_ID, description =
// PRETTY_NAME, the OS CPE, HOME_URL/SUPPORT_URL/BUG_REPORT_URL as references
// and the raw fields as properties. No purl: there is no purl type for a
// distribution.
model::Component make_os_component(const distro::OsRelease& release,
                                   const model::Evidence& evidence);

} // namespace kensa::scanner::os_release
