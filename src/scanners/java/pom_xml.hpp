#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

// A Maven project object model (pom.xml) as written: values are kept raw,
// with their ${property} references unresolved, so that the caller can
// resolve them against the pom's parents (pom_projects.hpp) or leave them.
namespace kensa::scanner::java {

struct PomCoordinates {
  std::string group_id;
  std::string artifact_id;
  std::string version;
};

struct PomParent {
  std::string group_id;
  std::string artifact_id;
  std::string version;
  // <relativePath>; empty when the element is absent (Maven then looks in
  // "../pom.xml"), and also empty when written as <relativePath/>, which
  // turns the lookup off: `relative_path_given` tells the two apart.
  std::string relative_path;
  bool relative_path_given = false;
};

struct PomLicense {
  std::string name;
  std::string url;
};

// One <developers>/<developer>: a person who works on the project, and the
// organization the person belongs to.
struct PomDeveloper {
  std::string name;
  std::string email;
  std::string url;
  std::string organization;
  std::string organization_url;
};

// At most this many <developer> entries are kept; the rest are not read.
inline constexpr std::size_t k_max_pom_developers = 100;

struct PomDependency {
  std::string group_id;
  std::string artifact_id;
  std::string version;
  // compile (also when absent), runtime, test, provided, system, import.
  std::string scope;
  std::string type;
  std::string classifier;
  std::string optional;
};

struct PomFile {
  PomCoordinates coordinates;
  std::optional<PomParent> parent;
  std::string packaging;
  std::string name;
  std::string description;
  std::string url;
  std::string organization_name;
  std::string organization_url;
  std::vector<PomLicense> licenses;
  // project/developers, in the pom's order (the first k_max_pom_developers).
  std::vector<PomDeveloper> developers;
  // <properties>; a name given twice keeps its last value, as Maven reads it.
  std::map<std::string, std::string> properties;
  // project/dependencies (not those of profiles or plugins).
  std::vector<PomDependency> dependencies;
  // project/dependencyManagement/dependencies.
  std::vector<PomDependency> managed_dependencies;
  std::vector<std::string> modules;
};

// Parses pom.xml text offline: no network, no external entities, no DTD.
// Returns nullopt and sets `error` (one line) when the text is not XML or its
// root is not <project>.
std::optional<PomFile> parse_pom_xml(std::string_view text, std::string& error);

} // namespace kensa::scanner::java
