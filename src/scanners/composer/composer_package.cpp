#include "composer_package.hpp"

#include "../common/parsers/json_file.hpp"

#include <kensa/model/license.hpp>
#include <kensa/model/purl.hpp>
#include <kensa/util/strings.hpp>

#include <algorithm>

namespace kensa::scanner::composer {

namespace {

// Far above real packages (a few dozen requirements, a handful of authors).
constexpr std::size_t k_max_requires = 10'000;
constexpr std::size_t k_max_authors = 1'000;
constexpr std::size_t k_max_licenses = 1'000;

bool is_sha1_hex(std::string_view text) {
  return text.size() == 40 && std::all_of(text.begin(), text.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
         });
}

std::string text_of(json::Value value) {
  return std::string(value.string());
}

} // namespace

bool names_package(std::string_view name) {
  return name.find('/') != std::string_view::npos;
}

std::optional<ComposerPackage> read_package(FileReport& report, json::Value object,
                                            std::size_t index) {
  if (!object.is_object()) {
    report.warn("package " + std::to_string(index) + " is " + std::string(json_type_name(object)) +
                ", not an object; skipped");
    return std::nullopt;
  }
  ComposerPackage package;
  package.name = text_of(object["name"]);
  if (package.name.empty()) {
    report.warn("package " + std::to_string(index) + " has no name; skipped");
    return std::nullopt;
  }
  package.version = text_of(object["version"]);
  package.type = text_of(object["type"]);
  package.description = text_of(object["description"]);
  package.homepage = text_of(object["homepage"]);
  json::Value source = object["source"];
  package.source_type = text_of(source["type"]);
  package.source_url = text_of(source["url"]);
  package.source_reference = text_of(source["reference"]);
  json::Value dist = object["dist"];
  package.dist_type = text_of(dist["type"]);
  package.dist_url = text_of(dist["url"]);
  package.dist_reference = text_of(dist["reference"]);
  package.dist_shasum = text_of(dist["shasum"]);
  // "license" is an array, or in old files one string.
  json::Value license = object["license"];
  if (license.is_string()) {
    package.licenses.push_back(text_of(license));
  }
  for (json::Value item : license.is_array() ? license : json::Value()) {
    if (item.is_string() && package.licenses.size() < k_max_licenses) {
      package.licenses.push_back(text_of(item));
    }
  }
  for (json::Value author : object["authors"]) {
    if (!author.is_object() || package.authors.size() >= k_max_authors) {
      continue;
    }
    model::Party party{text_of(author["name"]), text_of(author["email"]),
                       text_of(author["homepage"]), false};
    if (!party.empty()) {
      package.authors.push_back(std::move(party));
    }
  }
  json::Value require = object["require"];
  for (auto it = require.begin(); it != require.end(); ++it) {
    if (package.required.size() >= k_max_requires) {
      report.warn("package " + package.name + ": more than " + std::to_string(k_max_requires) +
                  " requirements; the rest are left out");
      break;
    }
    if (names_package(it.key())) {
      package.required.emplace_back(it.key());
    }
  }
  return package;
}

namespace {

// The folder of a path repository's package: the project's folder (that
// of composer.lock, or the one above vendor/composer/installed.json) and
// the repository's url, which both files give relative to the project.
// Empty when the url is absolute or leaves the project.
std::string path_package_location(std::string_view file_location, std::string_view url) {
  std::string_view root = file_location;
  bool in_project = false;
  for (std::string_view file : {"vendor/composer/installed.json", "composer.lock"}) {
    if (!in_project && root.ends_with(file)) {
      root.remove_suffix(file.size());
      in_project = root.empty() || root.ends_with('/');
    }
  }
  if (!in_project) {
    return {};
  }
  while (url.starts_with("./")) {
    url.remove_prefix(2);
  }
  while (url.ends_with('/')) {
    url.remove_suffix(1);
  }
  if (url.empty() || url.starts_with('/') || url == ".." || url.starts_with("../") ||
      url.find("/../") != std::string_view::npos || url.ends_with("/..") ||
      url.find(':') != std::string_view::npos) {
    return {};
  }
  return std::string(root) + std::string(url);
}

} // namespace

model::Component make_package_component(const ComposerPackage& package,
                                        const model::Evidence& evidence, FileReport& report) {
  model::Component component;
  component.type = model::ComponentType::library;
  component.ecosystem = "composer";
  std::string_view full = package.name;
  std::size_t slash = full.find('/');
  if (slash != std::string_view::npos) {
    component.group = std::string(full.substr(0, slash));
    component.name = std::string(full.substr(slash + 1));
  } else {
    component.name = package.name;
  }
  component.version = package.version;
  component.description = package.description;
  // A package from a path repository is code beside the project, not the
  // published package of the same name.
  bool local = package.dist_type == "path";
  if (local) {
    component.add_property(std::string(k_property_local), "true");
    // Without a purl, a component is told apart by where it was first
    // found: the package's own folder, which composer.lock and
    // installed.json both name, makes the package they both list one
    // component instead of one at each file.
    if (auto folder = path_package_location(evidence.location, package.dist_url); !folder.empty()) {
      component.evidence.push_back(model::Evidence{folder, evidence.layer, evidence.found_by});
    }
  } else if (slash != std::string_view::npos && !package.version.empty()) {
    if (auto purl =
            model::make_purl("composer", component.group, component.name, package.version)) {
      component.purl = purl->to_string();
    } else {
      report.warn("package " + package.name + ": " + purl.error());
    }
  } else if (slash == std::string_view::npos) {
    report.warn("package " + package.name + " is not \"vendor/name\"; it gets no purl");
  }
  for (const auto& license : package.licenses) {
    if (!license.empty()) {
      component.licenses_declared.push_back(model::license_from_text(license));
    }
  }
  component.authors = package.authors;
  if (!package.homepage.empty()) {
    component.external_references.push_back(model::ExternalReference{"website", package.homepage});
  }
  if (!package.source_url.empty()) {
    component.external_references.push_back(model::ExternalReference{"vcs", package.source_url});
  }
  if (!package.dist_url.empty() && package.dist_url.find("://") != std::string::npos) {
    component.external_references.push_back(
        model::ExternalReference{"distribution", package.dist_url});
  }
  if (!package.source_reference.empty()) {
    component.add_property(std::string(k_property_source_reference), package.source_reference);
  }
  if (!package.dist_reference.empty() && package.dist_reference != package.source_reference) {
    component.add_property(std::string(k_property_dist_reference), package.dist_reference);
  }
  if (!package.type.empty() && package.type != "library") {
    component.add_property(std::string(k_property_type), package.type);
  }
  if (!package.dist_shasum.empty()) {
    std::string shasum = to_lower_ascii(package.dist_shasum);
    if (is_sha1_hex(shasum)) {
      component.hashes.push_back(model::Hash{model::HashAlgorithm::sha1, shasum});
    } else {
      report.warn("package " + package.name + ": dist shasum is not a SHA-1 in hex");
    }
  }
  component.scope = package.development ? model::Scope::excluded : model::Scope::required;
  component.development = package.development;
  component.evidence.push_back(evidence);
  return component;
}

} // namespace kensa::scanner::composer
