#pragma once

#include "../common/distro/os_release.hpp"
#include "apk_package.hpp"

#include <kensa/model/component.hpp>
#include <kensa/scanner/file_report.hpp>

#include <string>
#include <vector>

// Turning one apk package into a model::Component.
namespace kensa::scanner::apk {

inline constexpr std::string_view k_property_origin = "kensa:apk:origin";
inline constexpr std::string_view k_property_size = "kensa:apk:size";
inline constexpr std::string_view k_property_installed_size = "kensa:apk:installed-size";
inline constexpr std::string_view k_property_commit = "kensa:apk:commit";
inline constexpr std::string_view k_property_files = "kensa:apk:files";
inline constexpr std::string_view k_property_file_digests = "kensa:apk:file-digests";

// The purl namespace: the distribution's ID ("alpine", "wolfi",
// "postmarketos"), "alpine" when unknown.
std::string purl_namespace(const distro::OsRelease* distro);

// purl pkg:apk/<namespace>/<name>@<version> with arch, distro and (when the
// origin differs from the name) upstream qualifiers; the CPE; L as declared
// license; m as supplier; C as a SHA-1 hash. Problems are warnings in
// `report`.
model::Component make_component(const ApkPackage& package, const distro::OsRelease* distro,
                                const model::Evidence& evidence, FileReport& report);

} // namespace kensa::scanner::apk
