#include "project.hpp"

#include <kensa/scanner/file_report.hpp>

#include <algorithm>
#include <deque>
#include <map>
#include <optional>

namespace kensa::scanner::python {

namespace {

using model::RelationshipType;

// How a package is reached from the project, in increasing strength.
enum class Reach { none, development, optional, required };

class Emitter {
 public:
  Emitter(ScanContext& context, const Project* project, const source::SourceFile* lockfile,
          std::vector<LockedPackage>& packages, FileReport* warnings)
      : m_context(context), m_project(project), m_lockfile(lockfile), m_packages(packages),
        m_warnings(warnings) {
    for (std::size_t i = 0; i < m_packages.size(); ++i) {
      m_index[normalize_name(m_packages[i].facts.name)].push_back(i);
    }
  }

  void run() {
    find_root_package();
    derive_scopes();
    add_packages();
    add_root();
    relate_packages();
    if (m_unresolved > 0 && m_warnings != nullptr) {
      m_warnings->warn(std::to_string(m_unresolved) + " dependenc" +
                       (m_unresolved == 1 ? "y is" : "ies are") +
                       " not in the lockfile (first: " + m_first_unresolved + ")");
    }
  }

 private:
  std::optional<std::size_t> find(const std::string& name, const std::string& version) const {
    auto it = m_index.find(normalize_name(name));
    if (it == m_index.end()) {
      return std::nullopt;
    }
    if (!version.empty()) {
      for (std::size_t i : it->second) {
        if (m_packages[i].facts.version == version) {
          return i;
        }
      }
    }
    // Several versions of one name and no way to tell which is meant: the
    // first is as good a guess as any other, and uv, the one lockfile that
    // holds several, always says which.
    return it->second.front();
  }

  // The project's own entry in the lockfile (uv), whose dependencies are the
  // project's direct ones.
  void find_root_package() {
    if (m_project == nullptr) {
      return;
    }
    auto it = m_index.find(normalize_name(m_project->facts.name));
    if (it == m_index.end()) {
      return;
    }
    for (std::size_t i : it->second) {
      if (m_packages[i].is_project) {
        m_root_package = i;
        return;
      }
    }
  }

  struct Direct {
    std::size_t index;
    RelationshipType type;
    const std::vector<std::string>* extras;
  };

  // The direct dependencies of the roots, resolved among the packages.
  std::vector<Direct> direct_of_root() const {
    std::vector<Direct> direct;
    auto add_locked = [&](const LockedPackage& package) {
      for (const auto& dependency : package.dependencies) {
        if (auto i = find(dependency.name, dependency.version)) {
          direct.push_back(Direct{*i, dependency.type, &dependency.extras});
        }
      }
    };
    if (m_root_package) {
      add_locked(m_packages[*m_root_package]);
    } else if (m_project != nullptr) {
      for (const auto& dependency : m_project->dependencies) {
        auto pinned = pinned_version(dependency.requirement.specifier);
        if (auto i = find(dependency.requirement.name, pinned ? *pinned : std::string())) {
          direct.push_back(Direct{*i, dependency.type, &dependency.requirement.extras});
        }
      }
    } else {
      // Without a project, every project entry of the lockfile (uv
      // workspace members) is a root.
      for (const auto& package : m_packages) {
        if (package.is_project) {
          add_locked(package);
        }
      }
    }
    return direct;
  }

  // Queues `index` and, for the extras asked of it, what its optional
  // dependencies of those extras need.
  void enqueue(std::deque<std::size_t>& queue, std::size_t index,
               const std::vector<std::string>& extras) const {
    queue.push_back(index);
    if (extras.empty()) {
      return;
    }
    for (const auto& dependency : m_packages[index].dependencies) {
      if (dependency.type != RelationshipType::optional_depends_on ||
          std::find(extras.begin(), extras.end(), dependency.extra) == extras.end()) {
        continue;
      }
      if (auto next = find(dependency.name, dependency.version)) {
        queue.push_back(*next);
      }
    }
  }

  void spread(std::vector<Reach>& reach, std::deque<std::size_t> queue, Reach level) {
    while (!queue.empty()) {
      std::size_t i = queue.front();
      queue.pop_front();
      if (reach[i] >= level) {
        continue;
      }
      reach[i] = level;
      for (const auto& dependency : m_packages[i].dependencies) {
        // An optional dependency of a required package is optional.
        bool follow = level != Reach::required || dependency.type == RelationshipType::depends_on;
        if (!follow) {
          continue;
        }
        if (auto next = find(dependency.name, dependency.version); next && reach[*next] < level) {
          enqueue(queue, *next, dependency.extras);
        }
      }
    }
  }

  void derive_scopes() {
    std::vector<Reach> reach(m_packages.size(), Reach::none);
    auto direct = direct_of_root();
    if (direct.empty()) {
      return;
    }
    std::deque<std::size_t> required;
    std::deque<std::size_t> optional;
    std::deque<std::size_t> development;
    for (const auto& entry : direct) {
      auto& queue = entry.type == RelationshipType::depends_on            ? required
                    : entry.type == RelationshipType::optional_depends_on ? optional
                                                                          : development;
      enqueue(queue, entry.index, *entry.extras);
    }
    spread(reach, required, Reach::required);
    // What required packages reach only through their extras is optional.
    for (std::size_t i = 0; i < m_packages.size(); ++i) {
      if (reach[i] != Reach::required) {
        continue;
      }
      for (const auto& dependency : m_packages[i].dependencies) {
        if (dependency.type == RelationshipType::optional_depends_on) {
          if (auto next = find(dependency.name, dependency.version)) {
            optional.push_back(*next);
          }
        }
      }
    }
    spread(reach, optional, Reach::optional);
    spread(reach, development, Reach::development);
    for (std::size_t i = 0; i < m_packages.size(); ++i) {
      auto& package = m_packages[i];
      if (package.scope_known || package.is_project) {
        continue;
      }
      switch (reach[i]) {
      case Reach::required:
        package.facts.scope = model::Scope::required;
        break;
      case Reach::optional:
        package.facts.scope = model::Scope::optional;
        break;
      case Reach::development:
        package.facts.scope = model::Scope::excluded;
        package.facts.development = true;
        break;
      case Reach::none:
        break;
      }
    }
  }

  void add_packages() {
    m_ids.resize(m_packages.size());
    for (std::size_t i = 0; i < m_packages.size(); ++i) {
      if (m_root_package && i == *m_root_package) {
        continue; // Becomes the root, with the project's metadata.
      }
      auto& package = m_packages[i];
      if (package.is_project) {
        package.facts.type = model::ComponentType::application;
      }
      model::Component component =
          make_component(package.facts, m_context.evidence_for(*m_lockfile), report());
      m_ids[i] = m_context.graph().add(std::move(component));
      if (package.is_project && m_project == nullptr && !m_context.subject_id().empty()) {
        m_context.graph().relate(m_context.subject_id(), m_ids[i], RelationshipType::describes);
      }
    }
  }

  void add_root() {
    if (m_project == nullptr) {
      return;
    }
    PackageFacts facts = m_project->facts;
    facts.type = model::ComponentType::application;
    if (facts.version.empty() && m_root_package) {
      facts.version = m_packages[*m_root_package].facts.version;
    }
    model::Component component =
        make_component(facts, m_context.evidence_for(*m_project->file), report());
    if (m_lockfile != nullptr && m_root_package) {
      component.evidence.push_back(m_context.evidence_for(*m_lockfile));
    }
    m_root_id = m_context.graph().add(std::move(component));
    if (m_root_package) {
      m_ids[*m_root_package] = m_root_id;
    }
    if (!m_context.subject_id().empty()) {
      m_context.graph().relate(m_context.subject_id(), m_root_id, RelationshipType::describes);
    }
    if (m_root_package) {
      return; // Its locked dependencies are related with the others.
    }
    for (const auto& dependency : m_project->dependencies) {
      const Requirement& requirement = dependency.requirement;
      auto pinned = pinned_version(requirement.specifier);
      if (auto i = find(requirement.name, pinned ? *pinned : std::string())) {
        m_context.graph().relate(m_root_id, m_ids[*i], dependency.type);
        continue;
      }
      m_context.graph().relate(m_root_id, add_declared(dependency), dependency.type);
    }
  }

  // A direct dependency no lockfile pins: reported as declared, with no
  // version unless the declaration pins one.
  std::string add_declared(const DeclaredDependency& dependency) {
    const Requirement& requirement = dependency.requirement;
    PackageFacts facts;
    facts.name = requirement.name;
    if (!requirement.url.empty()) {
      facts.add_property(k_property_source, requirement.url);
      bool vcs = requirement.url.starts_with("git+") || requirement.url.starts_with("hg+") ||
                 requirement.url.starts_with("svn+") || requirement.url.starts_with("bzr+");
      facts.add_reference(vcs ? "vcs" : "distribution", requirement.url);
    } else if (auto pinned = pinned_version(requirement.specifier)) {
      facts.version = *pinned;
    } else if (!requirement.specifier.empty()) {
      facts.add_property(k_property_specifier, requirement.specifier);
    }
    if (!requirement.marker.empty()) {
      facts.add_property(k_property_marker, requirement.marker);
    }
    if (!dependency.group.empty()) {
      facts.add_property(k_property_group, dependency.group);
    }
    switch (dependency.type) {
    case RelationshipType::optional_depends_on:
      facts.scope = model::Scope::optional;
      break;
    case RelationshipType::dev_depends_on:
      facts.scope = model::Scope::excluded;
      facts.development = true;
      break;
    default:
      facts.scope = model::Scope::required;
      break;
    }
    model::Component component =
        make_component(facts, m_context.evidence_for(*m_project->file), report());
    return m_context.graph().add(std::move(component));
  }

  void relate_packages() {
    for (std::size_t i = 0; i < m_packages.size(); ++i) {
      if (m_ids[i].empty()) {
        continue;
      }
      std::map<std::string, RelationshipType> edges;
      for (const auto& dependency : m_packages[i].dependencies) {
        auto target = find(dependency.name, dependency.version);
        if (!target || m_ids[*target].empty()) {
          if (!target && !dependency.conditional) {
            if (m_unresolved++ == 0) {
              m_first_unresolved = m_packages[i].facts.name + " -> " + dependency.name;
            }
          }
          continue;
        }
        if (*target == i) {
          continue;
        }
        // Needed plainly beats needed through an extra or for development.
        auto [edge, inserted] = edges.emplace(m_ids[*target], dependency.type);
        if (!inserted && dependency.type == RelationshipType::depends_on) {
          edge->second = dependency.type;
        }
      }
      for (const auto& [to, type] : edges) {
        m_context.graph().relate(m_ids[i], to, type);
      }
    }
  }

  // Where problems with components go: the lockfile's report, or the
  // project file's when there is no lockfile.
  FileReport& report() {
    if (m_warnings != nullptr) {
      return *m_warnings;
    }
    if (!m_project_report) {
      m_project_report.emplace(m_context, m_project != nullptr ? m_project->file->location
                                                               : std::string("python project"));
    }
    return *m_project_report;
  }

  ScanContext& m_context;
  const Project* m_project;
  const source::SourceFile* m_lockfile;
  std::vector<LockedPackage>& m_packages;
  FileReport* m_warnings;
  std::optional<FileReport> m_project_report;
  std::map<std::string, std::vector<std::size_t>> m_index;
  std::optional<std::size_t> m_root_package;
  std::vector<std::string> m_ids;
  std::string m_root_id;
  std::size_t m_unresolved = 0;
  std::string m_first_unresolved;
};

} // namespace

void emit_project_and_lock(ScanContext& context, const Project* project,
                           const source::SourceFile* lockfile, std::vector<LockedPackage>& packages,
                           FileReport* lock_warnings) {
  if (lockfile == nullptr) {
    packages.clear();
  }
  Emitter(context, project, lockfile, packages, lock_warnings).run();
}

} // namespace kensa::scanner::python
