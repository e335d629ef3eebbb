#include "python_test_support.hpp"

#include "../../support/test_support.hpp"

#include <kensa/model/graph.hpp>
#include <kensa/scanner/registry.hpp>
#include <kensa/util/glob.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>

namespace kensa::testing::python {

namespace {

std::unique_ptr<scanner::Scanner> make_python_scanner() {
  const scanner::ScannerInfo* info = scanner::find_scanner("python");
  REQUIRE(info != nullptr);
  return info->create();
}

std::string label_of(const model::Document& document, const std::string& id) {
  const model::Component* to = document.find(id);
  if (to == nullptr) {
    return id;
  }
  return to->purl.empty() ? to->name : to->purl;
}

} // namespace

const model::Component* ScanResult::find(std::string_view purl) const {
  return testing::find_by_purl(document, purl);
}

const model::Component& ScanResult::component(std::string_view purl) const {
  const model::Component* found = find(purl);
  INFO("component " << purl);
  REQUIRE(found != nullptr);
  return *found;
}

const model::Component& ScanResult::unversioned(std::string_view name) const {
  std::vector<const model::Component*> found;
  for (const auto& component : document.components) {
    if (component.name == name && component.purl.empty()) {
      found.push_back(&component);
    }
  }
  INFO("unversioned component " << name);
  REQUIRE(found.size() == 1);
  return *found.front();
}

std::vector<const model::Component*> ScanResult::roots() const {
  std::vector<const model::Component*> roots;
  for (const auto& relationship : document.relationships) {
    if (relationship.from == k_subject_id &&
        relationship.type == model::RelationshipType::describes) {
      roots.push_back(document.find(relationship.to));
    }
  }
  return roots;
}

std::set<std::string> ScanResult::edges_from_id(const std::string& id) const {
  std::set<std::string> edges;
  for (const auto& relationship : document.relationships) {
    if (relationship.from == id) {
      edges.insert(label_of(document, relationship.to) + " " +
                   std::string(model::relationship_type_name(relationship.type)));
    }
  }
  return edges;
}

std::set<std::string> ScanResult::edges_from(std::string_view from_purl) const {
  const model::Component* from = find(from_purl);
  return from == nullptr ? std::set<std::string>{} : edges_from_id(from->id);
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

bool ScanResult::mentions(std::string_view location, std::string_view text) const {
  auto all = warnings();
  return std::any_of(all.begin(), all.end(), [&](const std::string& warning) {
    return warning.starts_with(std::string(location) + ": ") &&
           warning.find(text) != std::string::npos;
  });
}

std::set<std::string> ScanResult::name_versions() const {
  std::set<std::string> keys;
  for (const auto& component : document.components) {
    if (!component.purl.empty()) {
      keys.insert(component.name + "==" + component.version);
    }
  }
  return keys;
}

std::set<std::string> licenses_of(const model::Component& component) {
  std::set<std::string> licenses;
  for (const auto& license : component.licenses_declared) {
    licenses.insert(license.expression.empty() ? "name:" + license.name : license.expression);
  }
  return licenses;
}

ScanResult scan_files(std::vector<source::SourceFile> files) {
  auto python = make_python_scanner();
  std::sort(files.begin(), files.end(),
            [](const auto& a, const auto& b) { return a.location < b.location; });
  model::ComponentGraph graph;
  scanner::ScanContext context(graph, "python", std::string(k_subject_id));
  python->scan(context, files);

  model::DocumentMetadata metadata;
  model::Component subject;
  subject.id = std::string(k_subject_id);
  metadata.subject = subject;
  return ScanResult{std::move(graph).finish(std::move(metadata))};
}

std::vector<source::SourceFile> fixture_files(const std::string& name) {
  auto python = make_python_scanner();
  auto root = fixture("python/" + name);
  REQUIRE(std::filesystem::is_directory(root));
  std::vector<source::SourceFile> files;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
    if (!entry.is_regular_file()) {
      continue;
    }
    std::string relative = name + "/" + entry.path().lexically_relative(root).generic_string();
    bool wanted = std::any_of(
        python->patterns().begin(), python->patterns().end(),
        [&](const scanner::FilePattern& pattern) { return glob_match(pattern.glob, relative); });
    if (wanted) {
      files.push_back(file(relative, read_file(entry.path())));
    }
  }
  return files;
}

ScanResult scan_fixture(const std::string& name) {
  return scan_files(fixture_files(name));
}

} // namespace kensa::testing::python
