#pragma once

#include <kensa/model/document.hpp>
#include <kensa/source/source.hpp>

#include <set>
#include <string>
#include <string_view>
#include <vector>

// Helpers for the npm scanner tests: running the scanner on files in memory
// or on a fixture folder, and looking things up in the result.
namespace kensa::testing::npm {

// The subject id the scans below relate root components to.
inline constexpr std::string_view k_subject_id = "subject";

struct ScanResult {
  model::Document document;

  // The component with this purl; fails the test when there is none.
  const model::Component& component(std::string_view purl) const;
  const model::Component* find(std::string_view purl) const;
  // The component described by the subject (the project); fails the test
  // when there is not exactly one.
  const model::Component& root() const;
  bool has_edge(std::string_view from_purl, std::string_view to_purl,
                model::RelationshipType type) const;
  // Edges from the component with `from_purl`: "<to purl> <type>" each.
  std::set<std::string> edges_from(std::string_view from_purl) const;
  // Messages of the warnings, each prefixed with its location and ": ".
  std::vector<std::string> warnings() const;
  bool has_property(const model::Component& component, std::string_view name,
                    std::string_view value = "true") const;
};

// Runs the npm scanner (as the registry creates it) on `files`.
ScanResult scan_files(std::vector<source::SourceFile> files);

// An in-memory lockfile at `path`.
source::SourceFile lockfile(std::string path, std::string contents);

// Runs the npm scanner on the lockfiles of tests/fixtures/npm/<name>; their
// locations are "<name>/<file>".
ScanResult scan_fixture(const std::string& name);

// "name@version" for a component, with its group.
std::string package_key(const model::Component& component);

} // namespace kensa::testing::npm
