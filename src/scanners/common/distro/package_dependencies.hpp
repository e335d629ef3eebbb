#pragma once

#include <cstddef>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

// The dependency edges among the packages of one OS package database
// (apk, pacman): each dependency is found by package name, else through
// what a package provides. Version constraints are not checked: the
// package manager did when it installed them.
namespace kensa::scanner::distro {

struct PackageResolution {
  // (from, to) indices, each pair once.
  std::vector<std::pair<std::size_t, std::size_t>> edges;
  // "from -> dependency" for each dependency nothing installed satisfies.
  std::vector<std::string> unresolved;
};

// Resolves every `package.depends` token of `packages`: `name_of(token)` is
// the name it asks for (empty: not a dependency, skipped), looked up in
// `by_name`, else in `by_provides` (both name to index in `packages`).
template <typename Package, typename NameOf>
PackageResolution
resolve_by_name_or_provides(const std::vector<Package>& packages,
                            const std::unordered_map<std::string, std::size_t>& by_name,
                            const std::unordered_map<std::string, std::size_t>& by_provides,
                            NameOf name_of) {
  PackageResolution resolution;
  std::set<std::pair<std::size_t, std::size_t>> seen;
  for (std::size_t from = 0; from < packages.size(); ++from) {
    for (const auto& token : packages[from].depends) {
      const std::string name(name_of(token));
      if (name.empty()) {
        continue;
      }
      std::size_t target = 0;
      if (auto it = by_name.find(name); it != by_name.end()) {
        target = it->second;
      } else if (auto provided = by_provides.find(name); provided != by_provides.end()) {
        target = provided->second;
      } else {
        resolution.unresolved.push_back(packages[from].name + " -> " + name);
        continue;
      }
      if (target != from && seen.insert({from, target}).second) {
        resolution.edges.emplace_back(from, target);
      }
    }
  }
  return resolution;
}

} // namespace kensa::scanner::distro
