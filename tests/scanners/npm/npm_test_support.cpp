#include "npm_test_support.hpp"

#include "../../support/component_lookup.hpp"
#include "../../support/test_support.hpp"

#include <kensa/model/graph.hpp>
#include <kensa/scanner/registry.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>

namespace kensa::testing::npm {

const model::Component* ScanResult::find(std::string_view purl) const {
  return testing::find_by_purl(document, purl);
}

const model::Component& ScanResult::component(std::string_view purl) const {
  const model::Component* found = find(purl);
  INFO("component " << purl);
  REQUIRE(found != nullptr);
  return *found;
}

const model::Component& ScanResult::root() const {
  std::vector<const model::Component*> roots;
  for (const auto& relationship : document.relationships) {
    if (relationship.from == k_subject_id &&
        relationship.type == model::RelationshipType::describes) {
      roots.push_back(document.find(relationship.to));
    }
  }
  REQUIRE(roots.size() == 1);
  REQUIRE(roots.front() != nullptr);
  return *roots.front();
}

bool ScanResult::has_edge(std::string_view from_purl, std::string_view to_purl,
                          model::RelationshipType type) const {
  const model::Component* from = find(from_purl);
  const model::Component* to = find(to_purl);
  if (from == nullptr || to == nullptr) {
    return false;
  }
  return std::any_of(document.relationships.begin(), document.relationships.end(),
                     [&](const model::Relationship& relationship) {
                       return relationship.from == from->id && relationship.to == to->id &&
                              relationship.type == type;
                     });
}

std::set<std::string> ScanResult::edges_from(std::string_view from_purl) const {
  std::set<std::string> edges;
  const model::Component* from = find(from_purl);
  if (from == nullptr) {
    return edges;
  }
  for (const auto& relationship : document.relationships) {
    if (relationship.from != from->id) {
      continue;
    }
    const model::Component* to = document.find(relationship.to);
    edges.insert((to != nullptr ? to->purl : relationship.to) + " " +
                 std::string(model::relationship_type_name(relationship.type)));
  }
  return edges;
}

std::vector<std::string> ScanResult::warnings() const {
  std::vector<std::string> messages;
  for (const auto& diagnostic : document.diagnostics) {
    if (diagnostic.severity == model::Severity::warning) {
      messages.push_back(diagnostic.location + ": " + diagnostic.message);
    }
  }
  return messages;
}

bool ScanResult::has_property(const model::Component& component, std::string_view name,
                              std::string_view value) const {
  return std::any_of(component.properties.begin(), component.properties.end(),
                     [&](const model::Property& property) {
                       return property.name == name && property.value == value;
                     });
}

ScanResult scan_files(std::vector<source::SourceFile> files) {
  const scanner::ScannerInfo* info = scanner::find_scanner("npm");
  REQUIRE(info != nullptr);
  auto npm = info->create();
  std::sort(files.begin(), files.end(),
            [](const auto& a, const auto& b) { return a.location < b.location; });

  model::ComponentGraph graph;
  scanner::ScanContext context(graph, "npm", std::string(k_subject_id));
  npm->scan(context, files);

  model::DocumentMetadata metadata;
  model::Component subject;
  subject.id = std::string(k_subject_id);
  metadata.subject = subject;
  return ScanResult{std::move(graph).finish(std::move(metadata))};
}

source::SourceFile lockfile(std::string path, std::string contents) {
  return testing::file(std::move(path), std::move(contents));
}

ScanResult scan_fixture(const std::string& name) {
  std::vector<source::SourceFile> files;
  for (const char* file_name : {"package-lock.json", "npm-shrinkwrap.json"}) {
    auto path = fixture("npm/" + name + "/" + file_name);
    if (std::filesystem::exists(path)) {
      files.push_back(lockfile(name + "/" + file_name, read_file(path)));
    }
  }
  REQUIRE(!files.empty());
  return scan_files(std::move(files));
}

std::string package_key(const model::Component& component) {
  std::string key =
      component.group.empty() ? component.name : component.group + "/" + component.name;
  return key + "@" + component.version;
}

} // namespace kensa::testing::npm
