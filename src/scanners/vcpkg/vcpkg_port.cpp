#include "vcpkg_port.hpp"

#include "../common/lockfile/locked_graph.hpp"

namespace kensa::scanner::vcpkg {

model::Component make_port_component(FileReport& report, const Port& port) {
  std::vector<std::pair<std::string, std::string>> qualifiers;
  if (!port.port_version.empty() && port.port_version != "0") {
    qualifiers.emplace_back("port_version", port.port_version);
  }
  if (!port.triplet.empty()) {
    qualifiers.emplace_back("triplet", port.triplet);
  }
  if (!port.repository_revision.empty()) {
    qualifiers.emplace_back("repository_revision", port.repository_revision);
  }
  return make_locked_component(report, "vcpkg", "vcpkg", "", port.name, port.version,
                               std::move(qualifiers));
}

} // namespace kensa::scanner::vcpkg
