#include "gem_component.hpp"

#include <kensa/model/purl.hpp>
#include <kensa/util/strings.hpp>

#include <algorithm>

namespace kensa::scanner::ruby {

namespace {

constexpr std::string_view k_rubygems_org = "https://rubygems.org/";

bool is_sha256_hex(std::string_view text) {
  return text.size() == 64 && std::all_of(text.begin(), text.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
         });
}

std::string_view source_name(GemSource source) {
  switch (source) {
  case GemSource::git:
    return "git";
  case GemSource::path:
    return "path";
  case GemSource::rubygems:
    break;
  }
  return "rubygems";
}

} // namespace

model::Component make_gem_component(const Gem& gem, const model::Evidence& evidence,
                                    FileReport& report) {
  model::Component component;
  component.type = model::ComponentType::library;
  component.ecosystem = "gem";
  component.name = gem.name;
  component.version = gem.version;
  component.description = gem.summary;
  std::vector<std::pair<std::string, std::string>> qualifiers;
  if (!gem.platform.empty()) {
    qualifiers.emplace_back("platform", gem.platform);
    component.add_property(std::string(k_property_platform), gem.platform);
  }
  if (gem.source == GemSource::git && !gem.remote.empty()) {
    qualifiers.emplace_back("vcs_url",
                            "git+" + gem.remote + (gem.revision.empty() ? "" : "@" + gem.revision));
    component.external_references.push_back(model::ExternalReference{"vcs", gem.remote});
  } else if (gem.source == GemSource::rubygems && !gem.remote.empty() &&
             gem.remote != k_rubygems_org && gem.remote != "https://rubygems.org") {
    qualifiers.emplace_back("repository_url", gem.remote);
  }
  if (!gem.remote.empty()) {
    component.add_property(std::string(k_property_source),
                           std::string(source_name(gem.source)) + " " + gem.remote);
  }
  if (!gem.revision.empty()) {
    component.add_property(std::string(k_property_git_revision), gem.revision);
  }
  // A path gem is the project's own code, not the published gem of the same
  // name and version, so it gets no purl.
  if (gem.source == GemSource::path) {
    component.add_property(std::string(k_property_local), "true");
  } else if (!gem.version.empty()) {
    if (auto purl = model::make_purl("gem", "", gem.name, gem.version, qualifiers)) {
      component.purl = purl->to_string();
    } else {
      report.warn("gem " + gem.name + ": " + purl.error());
    }
  }
  for (const auto& license : gem.licenses) {
    if (!license.empty()) {
      component.licenses_declared.push_back(model::license_from_text(license));
    }
  }
  for (const auto& author : gem.authors) {
    if (!author.empty()) {
      component.authors.push_back(model::Party{author, {}, {}, false});
    }
  }
  if (!gem.homepage.empty()) {
    component.external_references.push_back(model::ExternalReference{"website", gem.homepage});
  }
  if (!gem.sha256.empty()) {
    if (is_sha256_hex(gem.sha256)) {
      component.hashes.push_back(model::Hash{model::HashAlgorithm::sha256, gem.sha256});
    } else {
      report.warn("gem " + gem.name + " " + gem.version + ": checksum is not a SHA-256 in hex");
    }
  }
  component.scope = model::Scope::required;
  component.evidence.push_back(evidence);
  return component;
}

std::string pinned_version(std::string_view requirement) {
  requirement = trim(requirement);
  if (!requirement.starts_with('=') || requirement.find(',') != std::string_view::npos) {
    return {};
  }
  return std::string(trim(requirement.substr(1)));
}

void add_declared_dependencies(model::ComponentGraph& graph, const std::string& gem_id,
                               const Gem& gem, const model::Evidence& evidence,
                               FileReport& report) {
  for (const auto& dependency : gem.dependencies) {
    Gem declared;
    declared.name = dependency.name;
    declared.version = pinned_version(dependency.requirement);
    model::Component component = make_gem_component(declared, evidence, report);
    if (declared.version.empty()) {
      // A name alone still says which package: pkg:gem/<name>.
      if (auto purl = model::make_purl("gem", "", declared.name, "")) {
        component.purl = purl->to_string();
      }
    }
    if (!dependency.requirement.empty()) {
      component.add_property("kensa:gem:requirement", dependency.requirement);
    }
    if (dependency.development) {
      component.scope = model::Scope::excluded;
      component.development = true;
    }
    graph.relate(gem_id, graph.add(std::move(component)),
                 dependency.development ? model::RelationshipType::dev_depends_on
                                        : model::RelationshipType::depends_on);
  }
}

} // namespace kensa::scanner::ruby
