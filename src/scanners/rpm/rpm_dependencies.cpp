#include "rpm_dependencies.hpp"

#include <set>
#include <unordered_map>

namespace kensa::scanner::rpm {

RpmResolution resolve_dependencies(const std::vector<RpmPackage>& packages) {
  std::unordered_map<std::string, std::size_t> provider;
  std::unordered_map<std::string, std::size_t> owner;
  for (std::size_t i = 0; i < packages.size(); ++i) {
    provider.try_emplace(packages[i].name, i);
    for (const auto& name : packages[i].provides_names) {
      provider.try_emplace(name, i);
    }
    for (const auto& path : packages[i].files) {
      owner.try_emplace(path, i);
    }
  }
  RpmResolution resolution;
  std::set<std::pair<std::size_t, std::size_t>> seen;
  for (std::size_t from = 0; from < packages.size(); ++from) {
    for (const auto& requirement : packages[from].requires_names) {
      if (requirement.empty() || requirement.starts_with("rpmlib(")) {
        continue;
      }
      std::size_t target = 0;
      if (auto it = provider.find(requirement); it != provider.end()) {
        target = it->second;
      } else if (auto file = owner.find(requirement);
                 requirement.starts_with('/') && file != owner.end()) {
        target = file->second;
      } else {
        resolution.unresolved.push_back(packages[from].name + " -> " + requirement);
        continue;
      }
      if (target != from && seen.insert({from, target}).second) {
        resolution.edges.emplace_back(from, target);
      }
    }
  }
  return resolution;
}

} // namespace kensa::scanner::rpm
