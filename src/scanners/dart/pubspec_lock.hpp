#pragma once

#include <kensa/scanner/file_report.hpp>
#include <kensa/source/source.hpp>

#include <string_view>

// pubspec.lock, the packages `dart pub get` (or `flutter pub get`) resolved
// a pubspec.yaml to.
namespace kensa::scanner::dart {

inline constexpr std::string_view k_property_source = "kensa:pub:source";
inline constexpr std::string_view k_property_dependency = "kensa:pub:dependency";
inline constexpr std::string_view k_property_git_revision = "kensa:pub:git-revision";
inline constexpr std::string_view k_property_local = "kensa:pub:local";

// Adds a component per entry of `packages`: hosted packages with purl
// pkg:pub/<name>@<version> (repository_url when not pub.dev) and their
// sha256, git packages with a vcs_url, path and sdk packages without a
// purl. `dependency` gives the scope ("direct dev": excluded and
// development) and the project's direct dependencies. Malformed entries
// are warnings naming the file.
void parse_pubspec_lock(FileReport& report, const source::SourceFile& file);

} // namespace kensa::scanner::dart
