#pragma once

#include "../common/distro/package_dependencies.hpp"
#include "apk_package.hpp"

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace kensa::scanner::apk {

using ApkResolution = distro::PackageResolution;

// Resolves each package's D entries among `packages`: by package name, else
// through the p (provides) entries ("so:libc.musl-x86_64.so.1",
// "cmd:busybox", "/bin/sh"); among several providers, the highest provider
// priority (k), then database order. Conflicts ("!name") are not
// dependencies. Version constraints are not checked: apk did.
ApkResolution resolve_dependencies(const std::vector<ApkPackage>& packages);

} // namespace kensa::scanner::apk
