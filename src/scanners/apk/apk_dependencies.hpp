#pragma once

#include "apk_package.hpp"

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace kensa::scanner::apk {

struct ApkResolution {
  // (from, to) indices, each pair once.
  std::vector<std::pair<std::size_t, std::size_t>> edges;
  // "from -> dependency" for each D entry nothing installed satisfies.
  std::vector<std::string> unresolved;
};

// Resolves each package's D entries among `packages`: by package name, else
// through the p (provides) entries ("so:libc.musl-x86_64.so.1",
// "cmd:busybox", "/bin/sh"); among several providers, the highest provider
// priority (k), then database order. Conflicts ("!name") are not
// dependencies. Version constraints are not checked: apk did.
ApkResolution resolve_dependencies(const std::vector<ApkPackage>& packages);

} // namespace kensa::scanner::apk
