#pragma once

#include <kensa/model/component.hpp>
#include <kensa/scanner/file_report.hpp>

#include <string>
#include <string_view>
#include <utility>

// A NuGet package or a .NET project as the files of the .NET SDK name them
// (packages.lock.json, *.deps.json): the component and its purl.
namespace kensa::scanner::dotnet {

// Far above real projects (a large solution resolves a few hundred
// packages per target framework); every file's count of packages and of
// dependencies per package is capped by these.
inline constexpr std::size_t k_max_packages = 200'000;
inline constexpr std::size_t k_max_dependencies = 10'000;

// The package `name` at `version`, as written (NuGet names are
// case-insensitive; the purl keeps the case written, as the purl type
// says): purl pkg:nuget/<name>@<version>, and the SHA-512 that
// `sha512_base64` gives in base64 (NuGet's contentHash; empty for none).
// A hash that is not the base64 of 64 bytes is a warning in `report`, and
// the package keeps no hash.
model::Component make_package_component(std::string_view name, std::string_view version,
                                        std::string_view sha512_base64,
                                        const model::Evidence& evidence, FileReport& report);

// A package a project declares without an exact version (a range, a
// floating version, none at all): no version and no purl, since the
// version it resolves to is not known.
model::Component make_unversioned_package(std::string_view name, const model::Evidence& evidence);

// A project of the solution (the code being built, not a published
// package), without a purl: `type` application for the project a file is
// about, library for a project it references.
model::Component make_project_component(std::string_view name, std::string_view version,
                                        model::ComponentType type, const model::Evidence& evidence);

// "Name/Version", the key of a library and of a target entry in
// *.deps.json and project.assets.json: the name and the version (empty
// when there is no slash).
std::pair<std::string_view, std::string_view> split_library_key(std::string_view key);

// The property a referenced project carries ("true").
inline constexpr std::string_view k_property_project = "kensa:dotnet:project";

} // namespace kensa::scanner::dotnet
