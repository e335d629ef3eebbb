#pragma once

#include "dpkg_package.hpp"

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

// Turning Depends and Pre-Depends into edges between installed packages.
namespace kensa::scanner::dpkg {

// One alternative of a relation: "libc6 (>= 2.34)" -> name "libc6";
// "python3:any" -> name "python3", arch qualifier "any".
struct Relation {
  std::string name;
  std::string arch_qualifier;
};

// Splits a Depends-style field into groups of alternatives:
// "a (>= 1) | b, c:any" -> {{a, b}, {c}}. Version constraints, architecture
// restrictions ("[amd64]") and build profiles ("<!nocheck>") are dropped.
std::vector<std::vector<Relation>> parse_relations(std::string_view field);

struct DependencyResolution {
  // (from, to) indices into the package list, each pair once.
  std::vector<std::pair<std::size_t, std::size_t>> edges;
  // "from -> relation" for each group nothing installed satisfies.
  std::vector<std::string> unresolved;
};

// Resolves every package's Depends and Pre-Depends among `packages` (one
// database): for each group, the first alternative that is installed, by
// name or else through the Provides of an installed package. Among several
// candidates, one of the depending package's architecture is preferred, then
// "all", then the first in database order. Version constraints are not
// checked: dpkg already did when it installed the packages.
DependencyResolution resolve_dependencies(const std::vector<DpkgPackage>& packages);

} // namespace kensa::scanner::dpkg
