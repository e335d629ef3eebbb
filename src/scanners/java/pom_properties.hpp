#pragma once

#include "pom_xml.hpp"

#include <cstddef>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

// ${...} references in a pom, resolved the way Maven interpolates a project's
// effective model: against the project being built, whichever pom of its
// parent chain the text came from.
namespace kensa::scanner::java {

// Deepest chain of references followed (${a} -> ${b} -> ...).
inline constexpr std::size_t k_max_reference_depth = 32;
// Longest value a resolution may produce.
inline constexpr std::size_t k_max_resolved_size = 64u * 1024;
// Most property lookups one project may make; past it everything left is
// unresolved.
inline constexpr std::size_t k_max_property_lookups = 100'000;

// Resolves references for one project. `chain` is the project's pom followed
// by its parents found in the tree, nearest first (none of them null).
//
// Values known:
// - the model: ${project.version}, ${project.groupId}, ${project.artifactId}
//   (inherited from <parent> when the pom does not say), ${project.name},
//   ${project.packaging}, ${project.parent.version|groupId|artifactId}, the
//   same with the legacy "pom." prefix or none (${version}, ${parent.version});
// - user properties: <properties> of the pom, then of each parent (the
//   nearest wins).
// Anything else (environment, system and settings properties, build paths)
// has no value here, and neither does a reference to itself.
class PomPropertyResolver {
 public:
  explicit PomPropertyResolver(std::vector<const PomFile*> chain);

  // `text` with every reference replaced; nullopt when one has no value, and
  // problem() then says which.
  std::optional<std::string> resolve(std::string_view text);

  // Why the last failed resolve() failed: "${x} has no value", ...
  const std::string& problem() const { return m_problem; }

 private:
  std::optional<std::string> expand(std::string_view text, std::size_t depth);
  std::optional<std::string> value_of(const std::string& name, std::size_t depth);
  // The raw text behind a name, before its own references are resolved.
  std::optional<std::string> raw_value(const std::string& name) const;

  std::vector<const PomFile*> m_chain;
  std::map<std::string, std::string> m_resolved;
  std::set<std::string> m_in_progress;
  std::size_t m_lookups = 0;
  std::string m_problem;
};

// The groupId and version a pom's project has: its own, else its parent's.
std::string declared_group_id(const PomFile& pom);
std::string declared_version(const PomFile& pom);

} // namespace kensa::scanner::java
