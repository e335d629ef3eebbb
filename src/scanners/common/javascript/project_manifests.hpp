#pragma once

#include "manifest.hpp"

#include <kensa/scanner/file_parser_scanner.hpp>

#include <map>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

// The package.json files of the projects in a scan (those outside
// node_modules), found by folder, each parsed once when first asked for.
namespace kensa::scanner::javascript {

class ProjectManifests {
 public:
  ProjectManifests(ScanContext& context, const FileSet& files);

  // The manifest in `folder` (location notation), or nullptr when there is
  // none or it cannot be read (a warning says why).
  const Manifest* find(std::string_view folder);
  // The file of the manifest in `folder`, or nullptr.
  const source::SourceFile* file(std::string_view folder) const;

  // The folders under `root` that its manifest's "workspaces" globs match
  // and that hold a package.json, sorted.
  std::vector<std::string> workspaces(std::string_view root);

 private:
  ScanContext& m_context;
  std::map<std::string, const source::SourceFile*, std::less<>> m_files;
  std::map<std::string, std::unique_ptr<Manifest>, std::less<>> m_parsed;
};

} // namespace kensa::scanner::javascript
