#include "pubspec_lock.hpp"

#include "../common/lockfile/locked_graph.hpp"
#include "../common/parsers/yaml_text.hpp"

namespace kensa::scanner::dart {

namespace {

// Far above real files (large Flutter apps lock a few hundred packages).
constexpr std::size_t k_max_packages = 100'000;

bool is_pub_dev(std::string_view url) {
  while (url.ends_with('/')) {
    url.remove_suffix(1);
  }
  return url.empty() || url == "https://pub.dev" || url == "https://pub.dartlang.org";
}

model::Component make_package(FileReport& report, const std::string& name,
                              const std::string& version, const std::string& source,
                              const YamlNode& description) {
  std::vector<std::pair<std::string, std::string>> qualifiers;
  std::string purl_type = "pub";
  std::string git_url;
  std::string revision;
  std::string sha256;
  if (source == "hosted") {
    std::string url = scalar(child(description, "url"));
    if (!is_pub_dev(url)) {
      qualifiers.emplace_back("repository_url", url);
    }
    sha256 = scalar(child(description, "sha256"));
  } else if (source == "git") {
    git_url = scalar(child(description, "url"));
    revision = scalar(child(description, "resolved-ref"));
    if (!git_url.empty()) {
      qualifiers.emplace_back("vcs_url",
                              "git+" + git_url + (revision.empty() ? "" : "@" + revision));
    }
  } else {
    // path: the project's own code; sdk: shipped with the Dart or Flutter
    // SDK (version "0.0.0"), not a pub.dev package.
    purl_type.clear();
  }
  model::Component component =
      make_locked_component(report, "pub", purl_type, "", name, version, std::move(qualifiers));
  if (!source.empty()) {
    component.add_property(std::string(k_property_source), source);
  }
  if (!sha256.empty()) {
    add_hex_hash(report, component, model::HashAlgorithm::sha256, sha256);
  }
  if (!git_url.empty()) {
    component.external_references.push_back(model::ExternalReference{"vcs", git_url});
  }
  if (!revision.empty()) {
    component.add_property(std::string(k_property_git_revision), revision);
  }
  if (source == "path") {
    component.add_property(std::string(k_property_local), "true");
  }
  return component;
}

} // namespace

void parse_pubspec_lock(FileReport& report, const source::SourceFile& file) {
  auto document = load_yaml_map(file.contents, report, "a pubspec.lock");
  if (!document) {
    return;
  }
  YamlNode packages =
      yaml_section(document->root(), "packages", YamlKind::map, "\"packages\"", report);
  if (!packages.defined()) {
    return;
  }
  LockedGraph locked(report, file);
  for_each_capped(
      packages, k_max_packages, "packages", report, [&](const YamlEntry& entry, std::size_t count) {
        std::string name = scalar(entry.key);
        const YamlNode& fields = entry.value;
        if (name.empty() || !fields.is_map()) {
          report.warn("package " + std::to_string(count) + " is not a name with a map; skipped");
          return true;
        }
        std::string version = scalar(child(fields, "version"));
        std::string source = scalar(child(fields, "source"));
        std::string dependency = scalar(child(fields, "dependency"));
        model::Component component =
            make_package(report, name, version, source, child(fields, "description"));
        if (!dependency.empty()) {
          component.add_property(std::string(k_property_dependency), dependency);
        }
        model::RelationshipType edge = model::RelationshipType::depends_on;
        bool direct = dependency.starts_with("direct ");
        if (dependency == "direct dev") {
          component.scope = model::Scope::excluded;
          component.development = true;
          edge = model::RelationshipType::dev_depends_on;
        } else if (dependency == "transitive") {
          // Needed by some package, but the file does not say which: it may
          // be a development tool's.
          component.scope = model::Scope::unknown;
        } else if (!direct) {
          report.warn("package " + name + ": dependency \"" + dependency +
                      "\" is not one of direct main, direct dev, direct overridden, transitive");
          component.scope = model::Scope::unknown;
        }
        if (!locked.add(name, std::move(component))) {
          return false;
        }
        if (direct) {
          locked.direct(name, edge);
        }
        return true;
      });
  locked.finish();
}

} // namespace kensa::scanner::dart
