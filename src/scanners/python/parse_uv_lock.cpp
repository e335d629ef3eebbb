// uv.lock: [[package]] tables with name, version, an inline "source" table
// (registry, git, url, path, directory, editable, virtual), dependencies as
// {name, marker, extra, version, source} tables, the same for each extra
// under [package.optional-dependencies] and each group under
// [package.dev-dependencies], and sdist/wheels with "sha256:<hex>" hashes.
// The project itself and workspace members have an editable or virtual
// source.
#include "locked_packages.hpp"
#include "lockfiles.hpp"
#include "toml_document.hpp"

#include <kensa/scanner/file_report.hpp>

namespace kensa::scanner::python {

namespace {

void read_dependencies(const toml::array& array, model::RelationshipType type,
                       const std::string& extra, const std::string& where, LockedPackage& package,
                       FileReport& warnings) {
  for (const auto& node : array) {
    const toml::table* table = node.as_table();
    if (table == nullptr) {
      warnings.warn(where + ": a dependency is not a table");
      continue;
    }
    LockedDependency dependency;
    dependency.name = toml_text(*table, "name", where, warnings);
    if (dependency.name.empty()) {
      warnings.warn(where + ": a dependency has no name");
      continue;
    }
    // Present only when several versions of the name are locked.
    dependency.version = toml_text(*table, "version", where, warnings);
    dependency.type = type;
    dependency.conditional = table->get("marker") != nullptr;
    dependency.extras = toml_texts(*table, "extra", where, warnings);
    if (type == model::RelationshipType::optional_depends_on) {
      dependency.extra = extra;
    }
    package.dependencies.push_back(std::move(dependency));
  }
}

void read_grouped(const toml::table& entry, std::string_view key, model::RelationshipType type,
                  const std::string& where, LockedPackage& package, FileReport& warnings) {
  const toml::table* groups = toml_table(entry, key, where, warnings);
  if (groups == nullptr) {
    return;
  }
  for (const auto& [group, value] : *groups) {
    if (const auto* array = value.as_array()) {
      read_dependencies(*array, type, std::string(group.str()), where, package, warnings);
    } else {
      warnings.warn(where + ": \"" + std::string(key) + "." + std::string(group.str()) +
                    "\" is not an array");
    }
  }
}

void read_source(const toml::table& source, LockedPackage& package, const std::string& where,
                 FileReport& warnings) {
  PackageFacts& facts = package.facts;
  if (source.get("editable") != nullptr || source.get("virtual") != nullptr) {
    package.is_project = true;
    if (source.get("editable") != nullptr) {
      facts.add_property(k_property_editable, "true");
    }
    return;
  }
  std::string git = toml_text(source, "git", where, warnings);
  if (!git.empty()) {
    // "https://host/repo?rev=v1#<commit>": the fragment is the commit.
    std::size_t hash = git.find('#');
    std::string url = git.substr(0, hash);
    facts.add_property(k_property_source, url);
    facts.add_reference("vcs", "git+" + url.substr(0, url.find('?')));
    if (hash != std::string::npos) {
      facts.add_property(k_property_vcs_commit, git.substr(hash + 1));
    }
    return;
  }
  std::string url = toml_text(source, "url", where, warnings);
  if (!url.empty()) {
    facts.add_property(k_property_source, url);
    facts.add_reference("distribution", url);
    return;
  }
  for (const char* key : {"path", "directory"}) {
    std::string path = toml_text(source, key, where, warnings);
    if (!path.empty()) {
      facts.add_property(k_property_source, path);
      return;
    }
  }
  // "registry": the index URL says where every package came from; PyPI's
  // is no news, another one is.
  std::string registry = toml_text(source, "registry", where, warnings);
  if (!registry.empty() && registry != "https://pypi.org/simple") {
    facts.add_property(k_property_source, registry);
  }
}

void read_artifact(const toml::table& artifact, const std::string& where, PackageFacts& facts,
                   FileReport& warnings) {
  std::string hash = toml_text(artifact, "hash", where, warnings);
  if (!hash.empty()) {
    add_prefixed_hash(facts, hash, where, warnings);
  }
}

} // namespace

std::optional<std::vector<LockedPackage>> read_uv_lock(const source::SourceFile& file,
                                                       FileReport& warnings) {
  auto document = parse_toml(file.contents, warnings);
  if (!document) {
    return std::nullopt;
  }
  auto version = (*document)["version"].value<std::int64_t>();
  if (!version) {
    warnings.warn("no top-level \"version\": not sure this is a uv.lock; reading it anyway");
  } else if (*version != 1) {
    warnings.warn("version " + std::to_string(*version) + " is not 1; reading it anyway");
  }

  return read_locked_packages(
      *document, warnings,
      [&](const toml::table& entry, LockedPackage& package, const std::string& where) {
        if (const toml::table* source = toml_table(entry, "source", where, warnings)) {
          read_source(*source, package, where, warnings);
        }
        if (const toml::array* dependencies = toml_array(entry, "dependencies", where, warnings)) {
          read_dependencies(*dependencies, model::RelationshipType::depends_on, "", where, package,
                            warnings);
        }
        read_grouped(entry, "optional-dependencies", model::RelationshipType::optional_depends_on,
                     where, package, warnings);
        read_grouped(entry, "dev-dependencies", model::RelationshipType::dev_depends_on, where,
                     package, warnings);
        if (const toml::table* sdist = toml_table(entry, "sdist", where, warnings)) {
          read_artifact(*sdist, where, package.facts, warnings);
        }
        if (const toml::array* wheels = toml_array(entry, "wheels", where, warnings)) {
          for (const auto& wheel : *wheels) {
            if (const auto* table = wheel.as_table()) {
              read_artifact(*table, where, package.facts, warnings);
            }
          }
        }
      });
}

} // namespace kensa::scanner::python
