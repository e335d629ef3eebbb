// Pipfile.lock (pipenv): JSON with "_meta", then "default" (what the
// project runs with) and "develop" (what developing it adds), each mapping
// package names to {"version": "==1.0", "hashes": ["sha256:..."],
// "markers", "extras", "index"} or, for packages not from an index, "git" and
// "ref", "path", "file" or "editable". It records no edges.
#include "../common/parsers/json_file.hpp"
#include "lockfiles.hpp"

#include <kensa/scanner/file_report.hpp>

namespace kensa::scanner::python {

namespace {

using json::Value;

std::string text_at(Value object, const char* key, const std::string& where, FileReport& warnings) {
  const Value value = object[key];
  if (value.is_null()) {
    return {};
  }
  if (!value.is_string()) {
    warnings.warn(where + ": \"" + key + "\" is not a string");
    return {};
  }
  return std::string(value.string());
}

void read_section(Value section, bool develop, std::vector<LockedPackage>& packages,
                  FileReport& warnings) {
  for (const auto& [name, entry] : members_by_name(section)) {
    if (packages.size() >= k_max_locked_packages) {
      warnings.omit("more than " + std::to_string(k_max_locked_packages) +
                    " packages; the rest are not read");
      return;
    }
    std::string where =
        std::string(develop ? "develop" : "default") + " package \"" + std::string(name) + "\"";
    if (!entry.is_object()) {
      warnings.warn(where + " is not an object");
      continue;
    }
    LockedPackage package;
    package.facts.name = name;
    package.scope_known = true;
    package.facts.scope = develop ? model::Scope::excluded : model::Scope::required;
    package.facts.development = develop;
    std::string version = text_at(entry, "version", where, warnings);
    if (auto pinned = pinned_version(version)) {
      package.facts.version = *pinned;
    } else if (!version.empty()) {
      package.facts.add_property(k_property_specifier, version);
    }
    std::string markers = text_at(entry, "markers", where, warnings);
    if (!markers.empty()) {
      package.facts.add_property(k_property_marker, markers);
    }
    std::string git = text_at(entry, "git", where, warnings);
    if (!git.empty()) {
      package.facts.add_property(k_property_source, git);
      package.facts.add_reference("vcs", git.starts_with("git+") ? git : "git+" + git);
      std::string ref = text_at(entry, "ref", where, warnings);
      if (!ref.empty()) {
        package.facts.add_property(k_property_vcs_commit, ref);
      }
    }
    for (const char* key : {"path", "file"}) {
      std::string source = text_at(entry, key, where, warnings);
      if (!source.empty()) {
        package.facts.add_property(k_property_source, source);
        package.facts.add_reference("distribution", source);
      }
    }
    if (entry["editable"].boolean()) {
      package.facts.add_property(k_property_editable, "true");
    }
    if (const Value hashes = entry["hashes"]; hashes.exists()) {
      if (!hashes.is_array()) {
        warnings.warn(where + ": \"hashes\" is not an array");
      } else {
        for (const auto hash : hashes) {
          if (hash.is_string()) {
            add_prefixed_hash(package.facts, hash.string(), where, warnings);
          }
        }
      }
    }
    packages.push_back(std::move(package));
  }
}

} // namespace

std::optional<std::vector<LockedPackage>> read_pipfile_lock(const source::SourceFile& file,
                                                            FileReport& warnings) {
  const auto parsed = read_json_object(warnings, file.contents, "a Pipfile.lock");
  if (!parsed) {
    return std::nullopt;
  }
  const Value document = parsed->root();
  if (!document.contains("_meta")) {
    warnings.warn("no \"_meta\": not sure this is a Pipfile.lock; reading it anyway");
  }
  std::vector<LockedPackage> packages;
  for (const char* key : {"default", "develop"}) {
    const Value section = document[key];
    if (section.is_null()) {
      continue;
    }
    if (!section.is_object()) {
      warnings.warn(std::string("\"") + key + "\" is not an object");
      continue;
    }
    read_section(section, std::string_view(key) == "develop", packages, warnings);
  }
  return packages;
}

} // namespace kensa::scanner::python
