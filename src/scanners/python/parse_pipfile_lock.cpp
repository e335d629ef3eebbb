// Pipfile.lock (pipenv): JSON with "_meta", then "default" (what the
// project runs with) and "develop" (what developing it adds), each mapping
// package names to {"version": "==1.0", "hashes": ["sha256:..."],
// "markers", "extras", "index"} or, for packages not from an index, "git" and
// "ref", "path", "file" or "editable". It records no edges.
#include "lockfiles.hpp"

#include <kensa/scanner/file_report.hpp>

#include <nlohmann/json.hpp>

namespace kensa::scanner::python {

namespace {

using nlohmann::json;

std::string text_at(const json& object, const char* key, const std::string& where,
                    FileReport& warnings) {
  auto it = object.find(key);
  if (it == object.end() || it->is_null()) {
    return {};
  }
  if (!it->is_string()) {
    warnings.warn(where + ": \"" + key + "\" is not a string");
    return {};
  }
  return it->get<std::string>();
}

void read_section(const json& section, bool develop, std::vector<LockedPackage>& packages,
                  FileReport& warnings) {
  for (const auto& [name, entry] : section.items()) {
    if (packages.size() >= k_max_locked_packages) {
      warnings.omit("more than " + std::to_string(k_max_locked_packages) +
                    " packages; the rest are not read");
      return;
    }
    std::string where = std::string(develop ? "develop" : "default") + " package \"" + name + "\"";
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
    auto editable = entry.find("editable");
    if (editable != entry.end() && editable->is_boolean() && editable->get<bool>()) {
      package.facts.add_property(k_property_editable, "true");
    }
    auto hashes = entry.find("hashes");
    if (hashes != entry.end()) {
      if (!hashes->is_array()) {
        warnings.warn(where + ": \"hashes\" is not an array");
      } else {
        for (const auto& hash : *hashes) {
          if (hash.is_string()) {
            add_prefixed_hash(package.facts, hash.get<std::string>(), where, warnings);
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
  json document;
  try {
    document = json::parse(file.contents);
  } catch (const json::parse_error& error) {
    // nlohmann's message starts with "[json.exception.parse_error.101] ",
    // which says nothing to a user; the rest names the line and column.
    std::string_view message = error.what();
    if (std::size_t end = message.find("] "); message.starts_with('[') && end != message.npos) {
      message.remove_prefix(end + 2);
    }
    warnings.omit("not valid JSON: " + std::string(message));
    return std::nullopt;
  }
  if (!document.is_object()) {
    warnings.omit("not a Pipfile.lock: the top level is not a JSON object");
    return std::nullopt;
  }
  if (!document.contains("_meta")) {
    warnings.warn("no \"_meta\": not sure this is a Pipfile.lock; reading it anyway");
  }
  std::vector<LockedPackage> packages;
  for (const char* key : {"default", "develop"}) {
    auto section = document.find(key);
    if (section == document.end() || section->is_null()) {
      continue;
    }
    if (!section->is_object()) {
      warnings.warn(std::string("\"") + key + "\" is not an object");
      continue;
    }
    read_section(*section, std::string_view(key) == "develop", packages, warnings);
  }
  return packages;
}

} // namespace kensa::scanner::python
