#pragma once

#include "python_component.hpp"
#include "requirement.hpp"

#include <kensa/model/document.hpp>
#include <kensa/scanner/file_report.hpp>
#include <kensa/scanner/scanner.hpp>

#include <cstddef>
#include <string>
#include <vector>

// What lockfiles and pyproject.toml share: a project that declares direct
// dependencies, and locked packages with the dependencies between them.
// Each format's reader fills these; emit_project_and_lock turns them into
// components and edges the same way for all.
namespace kensa::scanner::python {

inline constexpr std::size_t k_max_locked_packages = 1'000'000;

// A dependency as a lockfile records it: a name, and the version when the
// lockfile says which of several locked versions is meant.
struct LockedDependency {
  std::string name;
  std::string version;
  model::RelationshipType type = model::RelationshipType::depends_on;
  // Dependencies under a marker may be absent from the lockfile for good
  // reason (another platform, an older Python): not reported as missing.
  bool conditional = false;
  // The extras of the dependency asked for ("httpx[socks]" asks for
  // "socks"): what the dependency needs for them is needed too.
  std::vector<std::string> extras;
  // For an optional dependency: the extra of the depending package that
  // pulls it in.
  std::string extra;
};

struct LockedPackage {
  PackageFacts facts;
  std::vector<LockedDependency> dependencies;
  // uv writes the project itself (and workspace members) as packages with
  // an editable or virtual source.
  bool is_project = false;
  // True when the lockfile states the scope (poetry groups, Pipfile.lock
  // sections, pdm groups); otherwise it is derived from the project's
  // direct dependencies.
  bool scope_known = false;
};

// A direct dependency the project declares (pyproject.toml).
struct DeclaredDependency {
  Requirement requirement;
  model::RelationshipType type = model::RelationshipType::depends_on;
  // The optional-dependencies extra or the dependency group it is in.
  std::string group;
};

struct Project {
  PackageFacts facts;
  std::vector<DeclaredDependency> dependencies;
  // The pyproject.toml that declared it.
  const source::SourceFile* file = nullptr;
};

// Adds the project (when given) as an application component the subject
// describes, the locked packages (when `lockfile` is given) and the edges:
// the project's to its direct dependencies, resolved among the locked
// packages by normalized name (a dependency not locked becomes a component
// of its own, without a version unless pinned), and the lockfile's between
// packages. Scopes the lockfile does not state are derived from what the
// project reaches: through its runtime dependencies `required`, through
// optional ones `optional`, only through development groups `excluded`.
void emit_project_and_lock(ScanContext& context, const Project* project,
                           const source::SourceFile* lockfile, std::vector<LockedPackage>& packages,
                           FileReport* lock_warnings);

} // namespace kensa::scanner::python
