#include "pacman_dependencies.hpp"

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

  return distro::resolve_by_name_or_provides(
      packages, by_name, by_provides,
      [](const std::string& token) { return dependency_name(token); });
}

} // namespace kensa::scanner::pacman
