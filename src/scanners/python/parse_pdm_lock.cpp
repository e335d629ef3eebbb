// pdm.lock: [[package]] tables with name, version, summary, the groups that
// need the package (lock_version 4.4 and later), dependencies as PEP 508
// strings, and "files" with "sha256:<hex>" hashes. Older lockfiles keep the
// files in [metadata.files], keyed "<name> <version>".
#include "locked_packages.hpp"
#include "lockfiles.hpp"
#include "toml_document.hpp"

#include <kensa/scanner/file_report.hpp>

#include <algorithm>

namespace kensa::scanner::python {

namespace {

void read_files(const toml::array& files, const std::string& where, PackageFacts& facts,
                FileReport& warnings) {
  for (const auto& node : files) {
    if (const auto* table = node.as_table()) {
      std::string hash = toml_text(*table, "hash", where, warnings);
      if (!hash.empty()) {
        add_prefixed_hash(facts, hash, where, warnings);
      }
    }
  }
}

void read_source(const toml::table& entry, const std::string& where, LockedPackage& package,
                 FileReport& warnings) {
  PackageFacts& facts = package.facts;
  std::string git = toml_text(entry, "git", where, warnings);
  if (!git.empty()) {
    facts.add_property(k_property_source, git);
    facts.add_reference("vcs", git.starts_with("git+") ? git : "git+" + git);
    std::string revision = toml_text(entry, "revision", where, warnings);
    if (!revision.empty()) {
      facts.add_property(k_property_vcs_commit, revision);
    }
    return;
  }
  std::string url = toml_text(entry, "url", where, warnings);
  if (!url.empty()) {
    facts.add_property(k_property_source, url);
    facts.add_reference("distribution", url);
    return;
  }
  std::string path = toml_text(entry, "path", where, warnings);
  if (!path.empty()) {
    facts.add_property(k_property_source, path);
  }
  if (entry["editable"].value<bool>().value_or(false)) {
    facts.add_property(k_property_editable, "true");
  }
}

} // namespace

std::optional<std::vector<LockedPackage>> read_pdm_lock(const source::SourceFile& file,
                                                        FileReport& warnings) {
  auto document = parse_toml(file.contents, warnings);
  if (!document) {
    return std::nullopt;
  }
  const toml::table* metadata = toml_table(*document, "metadata", "the lockfile", warnings);
  const toml::table* old_files =
      metadata != nullptr ? toml_table(*metadata, "files", "[metadata]", warnings) : nullptr;
  if (metadata == nullptr) {
    warnings.warn("no [metadata] table: not sure this is a pdm.lock; reading it anyway");
  }

  return read_locked_packages(
      *document, warnings,
      [&](const toml::table& entry, LockedPackage& package, const std::string& where) {
        package.facts.description = toml_text(entry, "summary", where, warnings);
        read_source(entry, where, package, warnings);

        auto groups = toml_texts(entry, "groups", where, warnings);
        if (!groups.empty()) {
          std::string joined;
          for (const auto& group : groups) {
            joined += joined.empty() ? "" : ",";
            joined += group;
          }
          package.facts.add_property(k_property_group, joined);
          // Only "default" says for sure: another group may be an extra or a
          // development group, which pyproject.toml tells apart.
          if (std::find(groups.begin(), groups.end(), "default") != groups.end()) {
            package.scope_known = true;
            package.facts.scope = model::Scope::required;
          }
        }

        for (const auto& text : toml_texts(entry, "dependencies", where, warnings)) {
          auto requirement = parse_requirement(text);
          if (!requirement) {
            warnings.warn(where + ": dependency \"" + text + "\": " + requirement.error());
            continue;
          }
          LockedDependency dependency;
          dependency.name = requirement->name;
          dependency.conditional = !requirement->marker.empty();
          dependency.extras = requirement->extras;
          if (marker_mentions_extra(requirement->marker)) {
            dependency.type = model::RelationshipType::optional_depends_on;
          }
          package.dependencies.push_back(std::move(dependency));
        }

        if (const toml::array* files = toml_array(entry, "files", where, warnings)) {
          read_files(*files, where, package.facts, warnings);
        } else if (old_files != nullptr) {
          std::string key = package.facts.name + " " + package.facts.version;
          if (const toml::array* listed =
                  toml_array(*old_files, key, "[metadata.files]", warnings)) {
            read_files(*listed, where, package.facts, warnings);
          }
        }
      });
}

} // namespace kensa::scanner::python
