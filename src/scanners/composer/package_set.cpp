#include "package_set.hpp"

#include "../common/parsers/json_file.hpp"

#include <kensa/util/strings.hpp>

namespace kensa::scanner::composer {

void PackageSet::read(FileReport& report, json::Value packages, std::string_view what,
                      bool development) {
  if (!packages.exists() || packages.is_null()) {
    return;
  }
  if (!packages.is_array()) {
    report.warn("\"" + std::string(what) + "\" is " + std::string(json_type_name(packages)) +
                ", not an array; not read");
    return;
  }
  std::size_t index = 0;
  for (json::Value object : packages) {
    ++index;
    if (m_packages.size() >= k_max_packages) {
      if (!m_capped) {
        report.omit("more than " + std::to_string(k_max_packages) +
                    " packages; the rest are not read");
        m_capped = true;
      }
      return;
    }
    auto package = read_package(report, object, index);
    if (!package) {
      continue;
    }
    package->development = development;
    std::string key = to_lower_ascii(package->name);
    if (m_by_name.count(key) != 0) {
      report.warn("package " + package->name + " is listed twice; the first is kept");
      continue;
    }
    m_by_name.emplace(std::move(key), m_packages.size());
    m_packages.push_back(std::move(*package));
  }
}

void PackageSet::mark_development(json::Value names) {
  for (json::Value name : names) {
    auto found = m_by_name.find(to_lower_ascii(name.string()));
    if (found != m_by_name.end()) {
      m_packages[found->second].development = true;
    }
  }
}

void PackageSet::add_to_graph(FileReport& report, const model::Evidence& evidence) {
  auto& graph = report.context().graph();
  m_ids.clear();
  for (const auto& package : m_packages) {
    m_ids.push_back(graph.add(make_package_component(package, evidence, report)));
  }
  for (std::size_t i = 0; i < m_packages.size(); ++i) {
    for (const auto& required : m_packages[i].required) {
      std::string target = id_of(required);
      if (!target.empty() && target != m_ids[i]) {
        graph.relate(m_ids[i], target, model::RelationshipType::depends_on);
      }
    }
  }
}

std::string PackageSet::id_of(std::string_view name) const {
  auto found = m_by_name.find(to_lower_ascii(name));
  if (found == m_by_name.end() || found->second >= m_ids.size()) {
    return {};
  }
  return m_ids[found->second];
}

} // namespace kensa::scanner::composer
