#pragma once

#include "../../support/component_lookup.hpp"

#include <kensa/model/document.hpp>
#include <kensa/scanner/scanner.hpp>
#include <kensa/source/source.hpp>

#include <functional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

// Helpers for the tests of the Java build-file readers (pom.xml, Gradle
// lockfiles and verification metadata): running a reader on files, and
// looking things up in the document it produced.
namespace kensa::testing::java_build {

inline constexpr std::string_view k_subject_id = "subject";

struct ReadResult {
  model::Document document;

  const model::Component* find(std::string_view purl) const;
  // The component with this purl; fails the test when there is none.
  const model::Component& component(std::string_view purl) const;
  // The one component with this group and name; fails the test otherwise.
  const model::Component& named(std::string_view group, std::string_view name) const;
  // The components the subject describes, as purls (or names).
  std::set<std::string> roots() const;
  // Edges from the component: "<to purl or group:name> <relationship type>".
  std::set<std::string> edges_from(std::string_view from_purl) const;
  // "<location>: <message>" of every warning.
  std::vector<std::string> warnings() const;
  bool mentions(std::string_view location, std::string_view text) const;
};

using testing::file;
using testing::hashes_of;
using testing::property;

// tests/fixtures/java/<folder>/<path>, at location `path`.
source::SourceFile fixture_file(const std::string& folder, const std::string& path);

// Runs `read` with a context on a fresh graph, then finishes the graph.
ReadResult run(const std::function<void(scanner::ScanContext&)>& read);

// read_pom_projects on `files` (sorted by location first).
ReadResult read_poms(std::vector<source::SourceFile> files);

} // namespace kensa::testing::java_build
