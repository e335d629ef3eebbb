#pragma once

#include "../../support/component_lookup.hpp"

#include <kensa/model/document.hpp>
#include <kensa/source/source.hpp>

#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

// Helpers for the OS scanner tests (os-release, dpkg, apk, rpm): running a
// scanner on files in memory or the whole scan on a folder, and looking
// things up in the result.
namespace kensa::testing::os {

struct OsScan {
  model::Document document;

  const model::Component* find(std::string_view purl) const;
  // The component with this purl; fails the test when there is none.
  const model::Component& component(std::string_view purl) const;
  // The first component called `name`, or nullptr.
  const model::Component* named(std::string_view name) const;
  // "<to purl>" of every depends_on edge from the component with `from_purl`.
  std::set<std::string> depends_on(std::string_view from_purl) const;
  // Each warning as "<location>: <message>".
  std::vector<std::string> warnings() const;
  // Purls of every component of purl type `type`.
  std::set<std::string> purls(std::string_view type) const;
  // With a file inventory: the names of the components that own the file at
  // `location`; nullopt when the file is not in the inventory.
  std::optional<std::set<std::string>> owners(std::string_view location) const;
};

// Runs the scanner called `scanner` (as the registry creates it) on `files`,
// sorted by location first as the scan driver does.
OsScan scan_files(std::string_view scanner, std::vector<source::SourceFile> files);

// Runs the whole scan on `folder` with only `scanners`; with `inventory`,
// every file is listed (as `kensa scan --files` does) so ownership shows.
OsScan scan_folder(const std::filesystem::path& folder, const std::vector<std::string>& scanners,
                   bool inventory = false);
// The same with a file inventory computing `digests` (as --digests does).
OsScan scan_folder_with_digests(const std::filesystem::path& folder,
                                const std::vector<std::string>& scanners,
                                const std::vector<model::HashAlgorithm>& digests);

// Writes `contents` to `root`/`path`, creating folders.
void write_file(const std::filesystem::path& root, const std::string& path,
                const std::string& contents);

using testing::file;
using testing::property;

// Whether `warnings` has one containing every piece of `parts`.
bool has_warning(const std::vector<std::string>& warnings, const std::vector<std::string>& parts);

} // namespace kensa::testing::os
