// poetry.lock: [[package]] tables with name, version, the group ("category"
// up to lock-version 1.x, "groups" from 2.1; 2.0 says neither), "optional"
// for packages only extras pull in, [package.dependencies] and
// [package.source] for packages not from PyPI. File hashes sit in
// [metadata.files] up to 1.x and in each package's "files" from 2.0.
#include "locked_packages.hpp"
#include "lockfiles.hpp"
#include "toml_document.hpp"

#include <kensa/scanner/file_report.hpp>

#include <algorithm>

namespace kensa::scanner::python {

namespace {

// One [package.dependencies] value: "spec", {version, markers, optional,
// ...}, or an array of such tables (one per Python or platform range).
void read_dependency(const std::string& name, const toml::node& value, LockedPackage& package) {
  LockedDependency dependency;
  dependency.name = name;
  auto read_table = [&](const toml::table& spec) {
    if (spec.get("markers") != nullptr || spec.get("python") != nullptr ||
        spec.get("platform") != nullptr) {
      dependency.conditional = true;
    }
    if (auto optional = spec["optional"].value<bool>(); optional && *optional) {
      dependency.type = model::RelationshipType::optional_depends_on;
    }
    if (const auto* extras = spec["extras"].as_array()) {
      for (const auto& extra : *extras) {
        if (const auto* text = extra.as_string()) {
          dependency.extras.push_back(text->get());
        }
      }
    }
  };
  if (const auto* table = value.as_table()) {
    read_table(*table);
  } else if (const auto* array = value.as_array()) {
    dependency.conditional = true;
    for (const auto& element : *array) {
      if (const auto* constraint = element.as_table()) {
        read_table(*constraint);
      }
    }
  }
  package.dependencies.push_back(std::move(dependency));
}

void read_source(const toml::table& source, PackageFacts& facts, const std::string& where,
                 FileReport& warnings) {
  std::string type = toml_text(source, "type", where, warnings);
  std::string url = toml_text(source, "url", where, warnings);
  if (type == "git") {
    std::string commit = toml_text(source, "resolved_reference", where, warnings);
    facts.add_reference("vcs", url.starts_with("git+") ? url : "git+" + url);
    facts.add_property(k_property_source, url);
    if (!commit.empty()) {
      facts.add_property(k_property_vcs_commit, commit);
    }
  } else if (type == "url") {
    facts.add_reference("distribution", url);
    facts.add_property(k_property_source, url);
  } else if (type == "directory" || type == "file") {
    facts.add_property(k_property_source, url);
  } else if (!url.empty()) {
    // "legacy": a package index other than PyPI.
    facts.add_property(k_property_source, url);
  }
}

void set_scope(const toml::table& entry, LockedPackage& package, const std::string& where,
               FileReport& warnings) {
  bool optional = entry["optional"].value<bool>().value_or(false);
  std::string category = toml_text(entry, "category", where, warnings);
  std::vector<std::string> groups = toml_texts(entry, "groups", where, warnings);
  if (!groups.empty()) {
    std::string joined;
    for (const auto& group : groups) {
      joined += joined.empty() ? "" : ",";
      joined += group;
    }
    package.facts.add_property(k_property_group, joined);
  }
  bool main = category == "main" || std::find(groups.begin(), groups.end(), "main") != groups.end();
  bool stated = !category.empty() || !groups.empty();
  if (!stated) {
    // Lock-version 2.0 says nothing: the scope comes from pyproject.toml.
    return;
  }
  package.scope_known = true;
  if (main) {
    package.facts.scope = optional ? model::Scope::optional : model::Scope::required;
  } else {
    package.facts.scope = model::Scope::excluded;
    package.facts.development = true;
  }
}

} // namespace

std::optional<std::vector<LockedPackage>> read_poetry_lock(const source::SourceFile& file,
                                                           FileReport& warnings) {
  auto document = parse_toml(file.contents, warnings);
  if (!document) {
    return std::nullopt;
  }
  const toml::table* metadata = toml_table(*document, "metadata", "the lockfile", warnings);
  std::string lock_version;
  if (metadata != nullptr) {
    lock_version = toml_text(*metadata, "lock-version", "[metadata]", warnings);
  }
  if (lock_version.empty()) {
    warnings.warn("no [metadata] lock-version: not sure this is a poetry.lock; reading it anyway");
  } else if (!lock_version.starts_with("1.") && !lock_version.starts_with("2.")) {
    warnings.warn("lock-version " + lock_version + " is not 1.x or 2.x; reading it anyway");
  }
  // Lock-version 1.x keeps the hashes apart, by package name.
  const toml::table* old_files =
      metadata != nullptr ? toml_table(*metadata, "files", "[metadata]", warnings) : nullptr;

  return read_locked_packages(
      *document, warnings,
      [&](const toml::table& entry, LockedPackage& package, const std::string& where) {
        package.facts.description = toml_text(entry, "description", where, warnings);
        set_scope(entry, package, where, warnings);
        if (const toml::table* source = toml_table(entry, "source", where, warnings)) {
          read_source(*source, package.facts, where, warnings);
        }
        const toml::array* files = toml_array(entry, "files", where, warnings);
        if (files == nullptr && old_files != nullptr) {
          files = toml_array(*old_files, package.facts.name, "[metadata.files]", warnings);
        }
        if (files != nullptr) {
          for (const auto& file_node : *files) {
            if (const auto* file_entry = file_node.as_table()) {
              add_prefixed_hash(package.facts, toml_text(*file_entry, "hash", where, warnings),
                                where, warnings);
            }
          }
        }
        if (const toml::table* dependencies = toml_table(entry, "dependencies", where, warnings)) {
          for (const auto& [key, value] : *dependencies) {
            read_dependency(std::string(key.str()), value, package);
          }
        }
        // [package.extras] names, for each extra, the optional dependencies it
        // pulls in ("socks = [\"PySocks (>=1.5.6)\"]").
        if (const toml::table* extras = toml_table(entry, "extras", where, warnings)) {
          for (const auto& [extra, value] : *extras) {
            const auto* names = value.as_array();
            if (names == nullptr) {
              continue;
            }
            for (const auto& name_node : *names) {
              const auto* text = name_node.as_string();
              if (text == nullptr) {
                continue;
              }
              std::string_view spec = text->get();
              std::string name = normalize_name(spec.substr(0, spec.find_first_of(" ([;<>=!~")));
              for (auto& dependency : package.dependencies) {
                if (dependency.type == model::RelationshipType::optional_depends_on &&
                    dependency.extra.empty() && normalize_name(dependency.name) == name) {
                  dependency.extra = std::string(extra.str());
                }
              }
            }
          }
        }
      });
}

} // namespace kensa::scanner::python
