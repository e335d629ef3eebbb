#include "pom_projects.hpp"

#include "maven_component.hpp"
#include "pom_properties.hpp"
#include "pom_xml.hpp"

#include <kensa/model/purl.hpp>
#include <kensa/scanner/file_report.hpp>
#include <kensa/util/path_text.hpp>
#include <kensa/util/strings.hpp>

#include <map>
#include <memory>
#include <optional>
#include <set>

namespace kensa::scanner::java {

namespace {

// Longest parent chain followed; Maven itself has no limit, real builds have
// a handful.
constexpr std::size_t k_max_parent_depth = 32;
// Unresolved dependencies named in one warning; the rest are counted.
constexpr std::size_t k_max_named_in_warning = 8;

struct Project {
  const source::SourceFile* file = nullptr;
  PomFile pom;
  // Index of the parent project when its pom is in the tree.
  std::optional<std::size_t> parent;
  // Resolved coordinates; version empty when unresolved.
  std::string group_id;
  std::string version;
  std::string component_id;
};

bool versions_compatible(std::string_view declared, std::string_view found) {
  return declared == found || has_property_reference(declared) || has_property_reference(found);
}

// Whether `candidate` is the project a <parent> element names.
bool is_parent(const PomFile& candidate, const PomParent& parent) {
  return candidate.coordinates.artifact_id == parent.artifact_id &&
         declared_group_id(candidate) == parent.group_id &&
         versions_compatible(parent.version, declared_version(candidate));
}

std::string coordinates_text(std::string_view group, std::string_view artifact,
                             std::string_view version = {}) {
  std::string text = std::string(group) + ":" + std::string(artifact);
  if (!version.empty()) {
    text += ":" + std::string(version);
  }
  return text;
}

// A dependency with every reference resolved that could be.
struct EffectiveDependency {
  std::string group_id;
  std::string artifact_id;
  std::string type;
  std::string classifier;
  std::string scope;
  bool optional = false;
  // Empty when unresolved; `raw_version` then keeps what the poms said.
  std::string version;
  std::string raw_version;
  std::string problem;

  // Maven's identity of a dependency within one project.
  std::string key() const {
    return group_id + ":" + artifact_id + ":" + (type.empty() ? "jar" : type) + ":" + classifier;
  }
};

struct ManagedVersion {
  std::string version;
  std::string raw_version;
  std::string scope;
  std::string problem;
};

using ManagedVersions = std::map<std::string, ManagedVersion>;

// A Maven version range ("[1.0,2.0)") names no single version, except the
// pinned form "[1.0]".
std::optional<std::string> without_range(const std::string& version, bool& is_range) {
  is_range = !version.empty() && (version.front() == '[' || version.front() == '(');
  if (!is_range) {
    return version;
  }
  if (version.size() > 2 && version.front() == '[' && version.back() == ']' &&
      version.find_first_of(",()[]", 1) == version.size() - 1) {
    return version.substr(1, version.size() - 2);
  }
  return std::nullopt;
}

class ProjectTree {
 public:
  ProjectTree(ScanContext& context, std::span<const source::SourceFile* const> poms)
      : m_context(context) {
    read(poms);
    find_parents();
    m_resolvers.resize(m_projects.size());
    m_managed.resize(m_projects.size());
    m_missing_imports.resize(m_projects.size());
  }

  void add_to_graph() {
    // Every project first, so that a module another module depends on is
    // an application whichever file comes first.
    for (std::size_t index = 0; index < m_projects.size(); ++index) {
      add_project(index);
    }
    for (std::size_t index = 0; index < m_projects.size(); ++index) {
      add_dependencies(index);
    }
  }

 private:
  void read(std::span<const source::SourceFile* const> poms) {
    for (const source::SourceFile* file : poms) {
      std::string error;
      std::optional<PomFile> pom = parse_pom_xml(file->contents, error);
      if (!pom) {
        FileReport(m_context, *file).omit("not a readable pom.xml: " + error);
        continue;
      }
      if (pom->coordinates.artifact_id.empty()) {
        FileReport(m_context, *file).warn("pom.xml without an artifactId: skipped");
        continue;
      }
      Project project;
      project.file = file;
      project.pom = std::move(*pom);
      m_by_location.emplace(file->location, m_projects.size());
      m_projects.push_back(std::move(project));
    }
  }

  std::optional<std::size_t> find_parent(std::size_t index) const {
    const Project& project = m_projects[index];
    const PomParent& parent = *project.pom.parent;
    // Maven looks at <relativePath> (by default ../pom.xml) first; an empty
    // <relativePath/> turns that off.
    if (!parent.relative_path_given || !parent.relative_path.empty()) {
      std::string relative = parent.relative_path_given ? parent.relative_path : "../pom.xml";
      if (!relative.ends_with(".xml")) {
        relative += "/pom.xml";
      }
      if (auto path = resolve_inside(folder_of(project.file->path), relative)) {
        std::string location = std::string(source::container_prefix(*project.file)) + *path;
        auto found = m_by_location.find(location);
        if (found != m_by_location.end() && found->second != index &&
            is_parent(m_projects[found->second].pom, parent)) {
          return found->second;
        }
      }
    }
    // Else any pom of the tree with the parent's coordinates, an exact
    // version first, in location order.
    std::optional<std::size_t> compatible;
    for (std::size_t other = 0; other < m_projects.size(); ++other) {
      if (other == index || !is_parent(m_projects[other].pom, parent)) {
        continue;
      }
      if (declared_version(m_projects[other].pom) == parent.version) {
        return other;
      }
      if (!compatible) {
        compatible = other;
      }
    }
    return compatible;
  }

  void find_parents() {
    for (std::size_t index = 0; index < m_projects.size(); ++index) {
      if (m_projects[index].pom.parent) {
        m_projects[index].parent = find_parent(index);
      }
    }
  }

  // The project's pom and its parents in the tree, nearest first; stops at
  // a cycle or at the depth cap.
  std::vector<std::size_t> chain_of(std::size_t index) const {
    std::vector<std::size_t> chain{index};
    std::set<std::size_t> seen{index};
    std::optional<std::size_t> next = m_projects[index].parent;
    while (next && chain.size() < k_max_parent_depth && seen.insert(*next).second) {
      chain.push_back(*next);
      next = m_projects[*next].parent;
    }
    return chain;
  }

  PomPropertyResolver& resolver(std::size_t index) {
    auto& slot = m_resolvers[index];
    if (!slot) {
      std::vector<const PomFile*> poms;
      for (std::size_t member : chain_of(index)) {
        poms.push_back(&m_projects[member].pom);
      }
      slot = std::make_unique<PomPropertyResolver>(std::move(poms));
    }
    return *slot;
  }

  // `text` resolved for project `index`, or `text` itself when it cannot be
  // (apply_pom_details then skips it).
  std::string resolved_or_raw(std::size_t index, const std::string& text) {
    return resolver(index).resolve(text).value_or(text);
  }

  // Resolves a dependency as declared in a pom of the chain of `index`.
  EffectiveDependency effective(std::size_t index, const PomDependency& declared) {
    PomPropertyResolver& resolve = resolver(index);
    EffectiveDependency dependency;
    dependency.group_id = resolve.resolve(declared.group_id).value_or(declared.group_id);
    dependency.artifact_id = resolve.resolve(declared.artifact_id).value_or(declared.artifact_id);
    dependency.type = resolve.resolve(declared.type).value_or(declared.type);
    dependency.classifier = resolve.resolve(declared.classifier).value_or(declared.classifier);
    dependency.scope = resolve.resolve(declared.scope).value_or(declared.scope);
    dependency.optional = resolve.resolve(declared.optional).value_or("") == "true";
    dependency.raw_version = declared.version;
    if (!declared.version.empty()) {
      if (auto version = resolve.resolve(declared.version)) {
        bool is_range = false;
        if (auto single = without_range(*version, is_range)) {
          dependency.version = *single;
        } else {
          dependency.problem = "the range " + *version + " names no single version";
        }
      } else {
        dependency.problem = resolve.problem();
      }
    }
    return dependency;
  }

  // dependencyManagement of the project and its parents (the nearest wins),
  // then of the BOMs they import when those are in the tree.
  const ManagedVersions& managed(std::size_t index, std::set<std::size_t>& importing) {
    auto& slot = m_managed[index];
    if (slot) {
      return *slot;
    }
    importing.insert(index);
    ManagedVersions versions;
    std::vector<EffectiveDependency> imports;
    for (std::size_t member : chain_of(index)) {
      for (const auto& declared : m_projects[member].pom.managed_dependencies) {
        EffectiveDependency dependency = effective(index, declared);
        if (dependency.scope == "import") {
          imports.push_back(std::move(dependency));
          continue;
        }
        versions.emplace(dependency.key(),
                         ManagedVersion{dependency.version, dependency.raw_version,
                                        dependency.scope, dependency.problem});
      }
    }
    for (const auto& bom : imports) {
      std::optional<std::size_t> found;
      for (std::size_t other = 0; other < m_projects.size() && !found; ++other) {
        const Project& candidate = m_projects[other];
        if (candidate.pom.coordinates.artifact_id == bom.artifact_id &&
            candidate.group_id == bom.group_id && candidate.version == bom.version &&
            !bom.version.empty()) {
          found = other;
        }
      }
      if (!found || importing.contains(*found)) {
        m_missing_imports[index].push_back(
            coordinates_text(bom.group_id, bom.artifact_id, bom.version));
        continue;
      }
      for (const auto& [key, version] : managed(*found, importing)) {
        versions.emplace(key, version);
      }
    }
    importing.erase(index);
    slot = std::move(versions);
    return *slot;
  }

  void add_project(std::size_t index) {
    Project& project = m_projects[index];
    PomPropertyResolver& resolve = resolver(index);
    const PomFile& pom = project.pom;
    std::string raw_group = declared_group_id(pom);
    std::string raw_version = declared_version(pom);
    project.group_id = resolve.resolve(raw_group).value_or("");
    std::optional<std::string> version = resolve.resolve(raw_version);
    std::string version_problem = version ? std::string() : resolve.problem();
    project.version = version.value_or("");

    model::Component component =
        make_maven_component(project.group_id, pom.coordinates.artifact_id, project.version,
                             m_context.evidence_for(*project.file));
    component.type = model::ComponentType::application;
    component.scope = model::Scope::unknown;
    component.add_property(std::string(k_property_name_source), "pom.xml");
    if (!project.version.empty()) {
      component.add_property(std::string(k_property_version_source), "pom.xml");
    }
    const PomFile details = details_of(index);
    apply_pom_details(component, details);
    if (!raw_version.empty() && project.version.empty()) {
      component.add_property(std::string(k_property_unresolved_version), raw_version);
    }
    if (project.group_id.empty() || project.version.empty()) {
      std::string what = project.group_id.empty() ? "groupId" : "version";
      std::string why = version_problem.empty() ? "not given" : version_problem;
      if (project.group_id.empty() && !raw_group.empty()) {
        why = "\"" + raw_group + "\" cannot be resolved";
      }
      FileReport(m_context, *project.file)
          .warn("the project's " + what + " is unknown (" + why + "): no purl");
    }
    project.component_id = m_context.graph().add(std::move(component));
    if (!project.parent) {
      m_context.graph().relate(m_context.subject_id(), project.component_id,
                               model::RelationshipType::describes);
    }
  }

  // The pom's descriptive fields resolved; licenses, organization and
  // developers inherited from the nearest parent that has them, as Maven
  // does.
  PomFile details_of(std::size_t index) {
    PomFile details;
    const PomFile& pom = m_projects[index].pom;
    details.name = resolved_or_raw(index, pom.name);
    details.description = resolved_or_raw(index, pom.description);
    details.url = resolved_or_raw(index, pom.url);
    for (std::size_t member : chain_of(index)) {
      const PomFile& source = m_projects[member].pom;
      if (details.organization_name.empty() && !source.organization_name.empty()) {
        details.organization_name = resolved_or_raw(index, source.organization_name);
        details.organization_url = resolved_or_raw(index, source.organization_url);
      }
      if (details.developers.empty() && !source.developers.empty()) {
        for (const auto& developer : source.developers) {
          details.developers.push_back(PomDeveloper{
              resolved_or_raw(index, developer.name), resolved_or_raw(index, developer.email),
              resolved_or_raw(index, developer.url), resolved_or_raw(index, developer.organization),
              resolved_or_raw(index, developer.organization_url)});
        }
      }
      if (details.licenses.empty() && !source.licenses.empty()) {
        for (const auto& license : source.licenses) {
          details.licenses.push_back(PomLicense{resolved_or_raw(index, license.name),
                                                resolved_or_raw(index, license.url)});
        }
      }
    }
    return details;
  }

  // The project's dependencies: its own, then those inherited from its
  // parents that it does not declare again.
  std::vector<EffectiveDependency> dependencies_of(std::size_t index) {
    std::vector<EffectiveDependency> dependencies;
    std::set<std::string> keys;
    for (std::size_t member : chain_of(index)) {
      for (const auto& declared : m_projects[member].pom.dependencies) {
        EffectiveDependency dependency = effective(index, declared);
        if (keys.insert(dependency.key()).second) {
          dependencies.push_back(std::move(dependency));
        }
      }
    }
    return dependencies;
  }

  void add_dependencies(std::size_t index) {
    const Project& project = m_projects[index];
    std::set<std::size_t> importing;
    const ManagedVersions& managed_versions = managed(index, importing);
    std::vector<std::string> unresolved;
    for (EffectiveDependency dependency : dependencies_of(index)) {
      if (has_property_reference(dependency.group_id) ||
          has_property_reference(dependency.artifact_id) || dependency.group_id.empty() ||
          dependency.artifact_id.empty()) {
        unresolved.push_back(coordinates_text(dependency.group_id, dependency.artifact_id) +
                             " (coordinates unresolved: not listed)");
        continue;
      }
      auto managed_entry = managed_versions.find(dependency.key());
      if (managed_entry != managed_versions.end()) {
        const ManagedVersion& managed_version = managed_entry->second;
        if (dependency.raw_version.empty()) {
          dependency.version = managed_version.version;
          dependency.raw_version = managed_version.raw_version;
          dependency.problem = managed_version.problem;
        }
        if (dependency.scope.empty()) {
          dependency.scope = managed_version.scope;
        }
      }
      if (dependency.version.empty()) {
        std::string why = dependency.problem;
        if (dependency.raw_version.empty()) {
          why = "no version in the pom or in a dependencyManagement of the tree";
        }
        unresolved.push_back(coordinates_text(dependency.group_id, dependency.artifact_id) + " (" +
                             why + ")");
      }
      add_dependency(project, dependency);
    }
    if (!unresolved.empty()) {
      warn_unresolved(index, unresolved);
    }
  }

  void add_dependency(const Project& project, const EffectiveDependency& dependency) {
    model::Component component =
        make_maven_component(dependency.group_id, dependency.artifact_id, dependency.version,
                             m_context.evidence_for(*project.file));
    // A classifier or another packaging is another file than the main
    // artifact: the purl says so, so that it does not merge with it.
    bool main_artifact =
        dependency.classifier.empty() && (dependency.type.empty() || dependency.type == "jar");
    if (!component.purl.empty() && !main_artifact) {
      std::vector<std::pair<std::string, std::string>> qualifiers;
      qualifiers.emplace_back("classifier", dependency.classifier);
      if (dependency.type != "jar") {
        qualifiers.emplace_back("type", dependency.type);
      }
      if (auto purl = model::make_purl("maven", dependency.group_id, dependency.artifact_id,
                                       dependency.version, std::move(qualifiers))) {
        component.purl = purl->to_string();
      }
    }
    std::string scope = dependency.scope.empty() ? "compile" : dependency.scope;
    component.add_property(std::string(k_property_maven_scope), scope);
    component.add_property(std::string(k_property_name_source), "pom.xml");
    if (!dependency.version.empty()) {
      component.add_property(std::string(k_property_version_source), "pom.xml");
    } else if (!dependency.raw_version.empty()) {
      component.add_property(std::string(k_property_unresolved_version), dependency.raw_version);
    }

    auto relationship = model::RelationshipType::depends_on;
    if (scope == "test") {
      relationship = model::RelationshipType::dev_depends_on;
      component.scope = model::Scope::excluded;
      component.development = true;
    } else if (scope == "provided" || scope == "system") {
      component.scope = model::Scope::excluded;
    } else if (scope == "compile" || scope == "runtime") {
      if (dependency.optional) {
        relationship = model::RelationshipType::optional_depends_on;
        component.scope = model::Scope::optional;
      } else {
        component.scope = model::Scope::required;
      }
    }
    std::string id = m_context.graph().add(std::move(component));
    m_context.graph().relate(project.component_id, id, relationship);
  }

  void warn_unresolved(std::size_t index, const std::vector<std::string>& unresolved) {
    const Project& project = m_projects[index];
    std::string message = std::to_string(unresolved.size()) +
                          (unresolved.size() == 1 ? " dependency" : " dependencies") +
                          " without a known version: ";
    for (std::size_t i = 0; i < unresolved.size() && i < k_max_named_in_warning; ++i) {
      message += (i == 0 ? "" : ", ") + unresolved[i];
    }
    if (unresolved.size() > k_max_named_in_warning) {
      message += " and " + std::to_string(unresolved.size() - k_max_named_in_warning) + " more";
    }
    std::size_t root = chain_of(index).back();
    const auto& outside = m_projects[root].pom.parent;
    if (outside && !m_projects[root].parent) {
      message += "; the parent " +
                 coordinates_text(outside->group_id, outside->artifact_id, outside->version) +
                 " is not in the scanned tree";
    }
    for (const auto& bom : m_missing_imports[index]) {
      message += "; the imported " + bom + " is not in the scanned tree";
    }
    FileReport(m_context, *project.file).warn(std::move(message));
  }

  ScanContext& m_context;
  std::vector<Project> m_projects;
  std::map<std::string, std::size_t> m_by_location;
  std::vector<std::unique_ptr<PomPropertyResolver>> m_resolvers;
  std::vector<std::optional<ManagedVersions>> m_managed;
  std::vector<std::vector<std::string>> m_missing_imports;
};

} // namespace

void read_pom_projects(ScanContext& context, const FileSet& poms) {
  ProjectTree tree(context, poms.pointers());
  tree.add_to_graph();
}

} // namespace kensa::scanner::java
