#pragma once

#include <string_view>

// Package files: archives a package manager installs from (.deb, .rpm,
// Alpine .apk, wheels, gems, crates, NuGet packages). Lying on disk they are
// not installed; what they hold is what they would install.
namespace kensa::scanner {

// Whether `name` (a file name or a path) is named like a package file.
bool is_package_file_name(std::string_view name);

// Whether the entry at `location` sits inside a package file, at any depth
// ("var/cache/apt/archives/x.deb!/data.tar.xz!/usr/bin/x"): whatever it
// says is declared evidence, never installed.
bool inside_package_file(std::string_view location);

} // namespace kensa::scanner
