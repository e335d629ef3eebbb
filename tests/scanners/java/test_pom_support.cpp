#include "test_pom_support.hpp"

#include "../../../src/scanners/java/pom_projects.hpp"
#include "../../support/test_support.hpp"

#include <kensa/model/graph.hpp>

#include <catch2/catch.hpp>

#include <algorithm>

namespace kensa::testing::java_build {

namespace {

std::string label_of(const model::Document& document, const std::string& id) {
  const model::Component* to = document.find(id);
  if (to == nullptr) {
    return id;
  }
  return to->purl.empty() ? to->group + ":" + to->name : to->purl;
}

} // namespace

const model::Component* ReadResult::find(std::string_view purl) const {
  return testing::find_by_purl(document, purl);
}

const model::Component& ReadResult::component(std::string_view purl) const {
  const model::Component* found = find(purl);
  INFO("component " << purl);
  REQUIRE(found != nullptr);
  return *found;
}

const model::Component& ReadResult::named(std::string_view group, std::string_view name) const {
  std::vector<const model::Component*> found;
  for (const auto& component : document.components) {
    if (component.group == group && component.name == name) {
      found.push_back(&component);
    }
  }
  INFO("component " << group << ":" << name);
  REQUIRE(found.size() == 1);
  return *found.front();
}

std::set<std::string> ReadResult::roots() const {
  std::set<std::string> roots;
  for (const auto& relationship : document.relationships) {
    if (relationship.from == k_subject_id &&
        relationship.type == model::RelationshipType::describes) {
      roots.insert(label_of(document, relationship.to));
    }
  }
  return roots;
}

std::set<std::string> ReadResult::edges_from(std::string_view from_purl) const {
  const model::Component& from = component(from_purl);
  std::set<std::string> edges;
  for (const auto& relationship : document.relationships) {
    if (relationship.from == from.id) {
      edges.insert(label_of(document, relationship.to) + " " +
                   std::string(model::relationship_type_name(relationship.type)));
    }
  }
  return edges;
}

std::vector<std::string> ReadResult::warnings() const {
  std::vector<std::string> messages;
  for (const auto& diagnostic : document.diagnostics) {
    if (diagnostic.severity == model::Severity::warning) {
      messages.push_back(diagnostic.location + ": " + diagnostic.message);
    }
  }
  return messages;
}

bool ReadResult::mentions(std::string_view location, std::string_view text) const {
  auto all = warnings();
  return std::any_of(all.begin(), all.end(), [&](const std::string& warning) {
    return warning.starts_with(std::string(location) + ": ") &&
           warning.find(text) != std::string::npos;
  });
}

source::SourceFile fixture_file(const std::string& folder, const std::string& path) {
  auto full = fixture("java/" + folder + "/" + path);
  INFO(full.string());
  REQUIRE(std::filesystem::is_regular_file(full));
  return file(path, read_file(full));
}

ReadResult run(const std::function<void(scanner::ScanContext&)>& read) {
  model::ComponentGraph graph;
  scanner::ScanContext context(graph, "java", std::string(k_subject_id));
  read(context);
  model::DocumentMetadata metadata;
  model::Component subject;
  subject.id = std::string(k_subject_id);
  metadata.subject = subject;
  return ReadResult{std::move(graph).finish(std::move(metadata))};
}

ReadResult read_poms(std::vector<source::SourceFile> files) {
  std::sort(files.begin(), files.end(),
            [](const auto& a, const auto& b) { return a.location < b.location; });
  std::vector<const source::SourceFile*> pointers;
  for (const auto& one : files) {
    pointers.push_back(&one);
  }
  return run([&](scanner::ScanContext& context) {
    scanner::java::read_pom_projects(context, scanner::FileSet(std::move(pointers)));
  });
}

} // namespace kensa::testing::java_build
