#pragma once

#include <kensa/scanner/file_report.hpp>
#include <kensa/source/source.hpp>

#include <string>
#include <string_view>

// Package.resolved, the pins SwiftPM resolved a package's dependencies to.
namespace kensa::scanner::swift {

inline constexpr std::string_view k_property_revision = "kensa:swift:revision";
inline constexpr std::string_view k_property_branch = "kensa:swift:branch";
inline constexpr std::string_view k_property_kind = "kensa:swift:kind";

// Where a package's repository URL puts it in a swift purl: namespace
// ("github.com/apple") and name ("swift-nio"), from
// "https://github.com/apple/swift-nio.git", "git@github.com:apple/swift-nio"
// or "ssh://git@host:7999/team/repo.git" (scheme, user, port and ".git"
// dropped). Empty name when the URL has no host and path.
struct SwiftCoordinates {
  std::string namespace_;
  std::string name;
};
SwiftCoordinates swift_coordinates(std::string_view url);

// Adds one component per pin: version 1's object.pins[] ("package",
// "repositoryURL", "state") and versions 2 and 3's pins[] ("identity",
// "kind", "location", "state"). The version is state.version, or the
// revision for a pin on a branch or a revision; purl
// pkg:swift/<host>/<path>/<name>@<version> for pins with a repository URL.
// Malformed pins are warnings naming the file, and the others are read.
void parse_package_resolved(FileReport& report, const source::SourceFile& file);

} // namespace kensa::scanner::swift
