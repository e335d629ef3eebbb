#include "pacman_dependencies.hpp"

#include <set>
#include <unordered_map>

namespace kensa::scanner::pacman {

PacmanResolution resolve_dependencies(const std::vector<PacmanPackage>& packages) {
  std::unordered_map<std::string, std::size_t> by_name;
  std::unordered_map<std::string, std::size_t> by_provides;
  for (std::size_t i = 0; i < packages.size(); ++i) {
    by_name.try_emplace(packages[i].name, i);
    for (const auto& provided : packages[i].provides) {
      by_provides.try_emplace(std::string(dependency_name(provided)), i);
    }
  }

  PacmanResolution resolution;
  std::set<std::pair<std::size_t, std::size_t>> seen;
  for (std::size_t from = 0; from < packages.size(); ++from) {
    for (const auto& token : packages[from].depends) {
      std::string name(dependency_name(token));
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

} // namespace kensa::scanner::pacman
