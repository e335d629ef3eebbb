#pragma once

#include "../common/distro/package_dependencies.hpp"
#include "pacman_package.hpp"

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace kensa::scanner::pacman {

using PacmanResolution = distro::PackageResolution;

// Resolves each package's %DEPENDS% among `packages`: by package name, else
// through the %PROVIDES% entries ("sh", "libreadline.so=8-64"), the first
// provider in `packages` order winning, as pacman's own lookup of the local
// database does. Version constraints are not checked: pacman did.
PacmanResolution resolve_dependencies(const std::vector<PacmanPackage>& packages);

} // namespace kensa::scanner::pacman
