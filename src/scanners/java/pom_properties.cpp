#include "pom_properties.hpp"

namespace kensa::scanner::java {

std::string declared_group_id(const PomFile& pom) {
  if (!pom.coordinates.group_id.empty() || !pom.parent) {
    return pom.coordinates.group_id;
  }
  return pom.parent->group_id;
}

std::string declared_version(const PomFile& pom) {
  if (!pom.coordinates.version.empty() || !pom.parent) {
    return pom.coordinates.version;
  }
  return pom.parent->version;
}

PomPropertyResolver::PomPropertyResolver(std::vector<const PomFile*> chain)
    : m_chain(std::move(chain)) {}

std::optional<std::string> PomPropertyResolver::resolve(std::string_view text) {
  m_problem.clear();
  return expand(text, 0);
}

std::optional<std::string> PomPropertyResolver::raw_value(const std::string& name) const {
  const PomFile& project = *m_chain.front();
  // Model values: "project.x", the Maven 2 forms "pom.x", and the bare
  // legacy names Maven still accepts for a few of them.
  std::string_view key = name;
  bool model = false;
  for (std::string_view prefix : {"project.", "pom."}) {
    if (key.starts_with(prefix)) {
      key.remove_prefix(prefix.size());
      model = true;
      break;
    }
  }
  if (!model &&
      (key == "version" || key == "groupId" || key == "artifactId" || key.starts_with("parent."))) {
    model = true;
  }
  // An empty model value is an absent one; an empty user property is a
  // value ("<skip/>").
  auto given = [](std::string value) -> std::optional<std::string> {
    if (value.empty()) {
      return std::nullopt;
    }
    return value;
  };
  if (model) {
    if (key == "version") {
      return given(declared_version(project));
    }
    if (key == "groupId") {
      return given(declared_group_id(project));
    }
    if (key == "artifactId") {
      return given(project.coordinates.artifact_id);
    }
    if (key == "name") {
      return given(project.name);
    }
    if (key == "packaging") {
      return project.packaging.empty() ? std::string("jar") : project.packaging;
    }
    if (project.parent) {
      if (key == "parent.version") {
        return given(project.parent->version);
      }
      if (key == "parent.groupId") {
        return given(project.parent->group_id);
      }
      if (key == "parent.artifactId") {
        return given(project.parent->artifact_id);
      }
    }
    // Other model paths (project.build.directory, project.basedir, ...)
    // are build-time values; a user property of that name is still used
    // below, as Maven does for e.g. project.build.sourceEncoding.
  }
  for (const PomFile* pom : m_chain) {
    auto found = pom->properties.find(name);
    if (found != pom->properties.end()) {
      return found->second;
    }
  }
  return std::nullopt;
}

std::optional<std::string> PomPropertyResolver::value_of(const std::string& name,
                                                         std::size_t depth) {
  if (auto known = m_resolved.find(name); known != m_resolved.end()) {
    return known->second;
  }
  if (++m_lookups > k_max_property_lookups) {
    m_problem = "too many property lookups";
    return std::nullopt;
  }
  std::optional<std::string> raw = raw_value(name);
  if (!raw) {
    if (m_problem.empty()) {
      m_problem = "${" + name + "} has no value";
    }
    return std::nullopt;
  }
  if (!m_in_progress.insert(name).second) {
    m_problem = "${" + name + "} refers to itself";
    return std::nullopt;
  }
  std::optional<std::string> value = expand(*raw, depth + 1);
  m_in_progress.erase(name);
  if (value) {
    // Only successes are kept: a failure may come from a cycle through a
    // name that is still being resolved, which says nothing about the name
    // on its own.
    m_resolved.emplace(name, *value);
  }
  return value;
}

std::optional<std::string> PomPropertyResolver::expand(std::string_view text, std::size_t depth) {
  if (depth > k_max_reference_depth) {
    m_problem = "references nested deeper than " + std::to_string(k_max_reference_depth);
    return std::nullopt;
  }
  std::string result;
  std::size_t position = 0;
  while (position < text.size()) {
    std::size_t open = text.find("${", position);
    std::size_t close = open == std::string_view::npos ? open : text.find('}', open + 2);
    if (close == std::string_view::npos) {
      // No complete reference left: the rest is literal text.
      result.append(text.substr(position));
      break;
    }
    result.append(text.substr(position, open - position));
    std::string name(text.substr(open + 2, close - open - 2));
    std::optional<std::string> value = value_of(name, depth);
    if (!value) {
      return std::nullopt;
    }
    result += *value;
    if (result.size() > k_max_resolved_size) {
      m_problem = "the value grows past " + std::to_string(k_max_resolved_size) + " bytes";
      return std::nullopt;
    }
    position = close + 1;
  }
  return result;
}

} // namespace kensa::scanner::java
