#pragma once

#include "rpm_package.hpp"

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace kensa::scanner::rpm {

struct RpmResolution {
  std::vector<std::pair<std::size_t, std::size_t>> edges;
  // "from -> requirement" for each REQUIRENAME nothing installed provides.
  std::vector<std::string> unresolved;
};

// Resolves each package's REQUIRENAME among `packages`: through PROVIDENAME
// (which holds the package's own name too), the package name, or, for a path,
// the package that owns the file. "rpmlib(...)" requirements name features
// of rpm itself and are skipped. The first provider in database order wins.
RpmResolution resolve_dependencies(const std::vector<RpmPackage>& packages);

} // namespace kensa::scanner::rpm
