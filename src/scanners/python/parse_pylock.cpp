// pylock.toml (PEP 751): [[packages]] with name, an optional version (left
// out when it could differ from the code, e.g. for a source tree), a marker,
// dependencies as {name, version, ...} tables, and exactly one kind of
// source: vcs, directory, archive, or an index's sdist and wheels, whose
// "hashes" tables map algorithm names to hex digests.
#include "locked_packages.hpp"
#include "lockfiles.hpp"
#include "toml_document.hpp"

#include <kensa/scanner/file_report.hpp>

namespace kensa::scanner::python {

namespace {

void read_hashes(const toml::table& artifact, const std::string& where, PackageFacts& facts,
                 FileReport& warnings) {
  const toml::table* hashes = toml_table(artifact, "hashes", where, warnings);
  if (hashes == nullptr) {
    return;
  }
  for (const auto& [algorithm, value] : *hashes) {
    const auto* digest = value.as_string();
    if (digest == nullptr) {
      warnings.warn(where + ": hash \"" + std::string(algorithm.str()) + "\" is not a string");
      continue;
    }
    if (!model::parse_hash_algorithm(algorithm.str())) {
      continue; // An algorithm kensa has no name for is not an error.
    }
    std::string problem;
    if (auto hash = parse_hex_hash(algorithm.str(), digest->get(), problem)) {
      facts.add_hash(std::move(*hash));
    } else {
      warnings.warn(where + ": " + problem);
    }
  }
}

void read_sources(const toml::table& entry, const std::string& where, LockedPackage& package,
                  FileReport& warnings) {
  PackageFacts& facts = package.facts;
  if (const toml::table* vcs = toml_table(entry, "vcs", where, warnings)) {
    std::string type = toml_text(*vcs, "type", where, warnings);
    std::string url = toml_text(*vcs, "url", where, warnings);
    std::string commit = toml_text(*vcs, "commit-id", where, warnings);
    if (!url.empty()) {
      facts.add_property(k_property_source, url);
      facts.add_reference("vcs",
                          type.empty() || url.starts_with(type + "+") ? url : type + "+" + url);
    }
    if (!commit.empty()) {
      facts.add_property(k_property_vcs_commit, commit);
    }
  }
  if (const toml::table* directory = toml_table(entry, "directory", where, warnings)) {
    facts.add_property(k_property_source, toml_text(*directory, "path", where, warnings));
    if ((*directory)["editable"].value<bool>().value_or(false)) {
      facts.add_property(k_property_editable, "true");
    }
  }
  if (const toml::table* archive = toml_table(entry, "archive", where, warnings)) {
    std::string url = toml_text(*archive, "url", where, warnings);
    if (!url.empty()) {
      facts.add_property(k_property_source, url);
      facts.add_reference("distribution", url);
    }
    read_hashes(*archive, where, facts, warnings);
  }
  if (const toml::table* sdist = toml_table(entry, "sdist", where, warnings)) {
    read_hashes(*sdist, where, facts, warnings);
  }
  if (const toml::array* wheels = toml_array(entry, "wheels", where, warnings)) {
    for (const auto& wheel : *wheels) {
      if (const auto* table = wheel.as_table()) {
        read_hashes(*table, where, facts, warnings);
      }
    }
  }
}

} // namespace

std::optional<std::vector<LockedPackage>> read_pylock(const source::SourceFile& file,
                                                      FileReport& warnings) {
  auto document = parse_toml(file.contents, warnings);
  if (!document) {
    return std::nullopt;
  }
  std::string lock_version = toml_text(*document, "lock-version", "the lockfile", warnings);
  if (lock_version.empty()) {
    warnings.warn("no \"lock-version\": not sure this is a pylock.toml; reading it anyway");
  } else if (!lock_version.starts_with("1.")) {
    // PEP 751: a tool must refuse a major version it does not know.
    warnings.omit("lock-version " + lock_version + " is not 1.x; the file is not read");
    return std::nullopt;
  }

  return read_locked_packages(
      *document, warnings,
      [&](const toml::table& entry, LockedPackage& package, const std::string& where) {
        std::string marker = toml_text(entry, "marker", where, warnings);
        if (!marker.empty()) {
          package.facts.add_property(k_property_marker, marker);
        }
        read_sources(entry, where, package, warnings);
        if (const toml::array* dependencies = toml_array(entry, "dependencies", where, warnings)) {
          for (const auto& dependency_node : *dependencies) {
            const auto* table = dependency_node.as_table();
            if (table == nullptr) {
              warnings.warn(where + ": a dependency is not a table");
              continue;
            }
            LockedDependency dependency;
            dependency.name = toml_text(*table, "name", where, warnings);
            dependency.version = toml_text(*table, "version", where, warnings);
            if (dependency.name.empty()) {
              warnings.warn(where + ": a dependency has no name");
              continue;
            }
            // Only one package per name is installed from a pylock.toml, but
            // the one locked for this platform may not be the one listed.
            dependency.conditional = true;
            package.dependencies.push_back(std::move(dependency));
          }
        }
      },
      "packages");
}

} // namespace kensa::scanner::python
