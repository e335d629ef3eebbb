#pragma once

#include "../../support/component_lookup.hpp"

#include <kensa/model/document.hpp>
#include <kensa/source/source.hpp>

#include <set>
#include <string>
#include <string_view>
#include <vector>

// Helpers for the Python scanner tests: running the scanner on files in
// memory or on a fixture folder, and looking things up in the result.
namespace kensa::testing::python {

// The subject id the scans below relate root components to.
inline constexpr std::string_view k_subject_id = "subject";

struct ScanResult {
  model::Document document;

  // The component with this purl; fails the test when there is none.
  const model::Component& component(std::string_view purl) const;
  const model::Component* find(std::string_view purl) const;
  // The component with this name and no purl (a requirement without a
  // pinned version); fails the test when there is not exactly one.
  const model::Component& unversioned(std::string_view name) const;
  // The components the subject describes.
  std::vector<const model::Component*> roots() const;
  // Edges from the component with `from_purl`: "<to purl or name> <type>".
  std::set<std::string> edges_from(std::string_view from_purl) const;
  std::set<std::string> edges_from_id(const std::string& id) const;
  // Messages of the warnings, each prefixed with its location and ": ".
  std::vector<std::string> warnings() const;
  bool mentions(std::string_view location, std::string_view text) const;
  // "name==version" of every component with a purl.
  std::set<std::string> name_versions() const;
};

using testing::file;
using testing::hashes_of;
using testing::property;
std::set<std::string> licenses_of(const model::Component& component);

// Runs the python scanner (as the registry creates it) on `files`.
ScanResult scan_files(std::vector<source::SourceFile> files);

// Every file under tests/fixtures/python/<name> that the scanner's globs
// match, at locations "<name>/<path below it>".
std::vector<source::SourceFile> fixture_files(const std::string& name);

ScanResult scan_fixture(const std::string& name);

} // namespace kensa::testing::python
