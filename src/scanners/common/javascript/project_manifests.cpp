#include "project_manifests.hpp"

#include "paths.hpp"

#include <kensa/scanner/file_report.hpp>
#include <kensa/util/glob.hpp>

namespace kensa::scanner::javascript {

ProjectManifests::ProjectManifests(ScanContext& context, const FileSet& files)
    : m_context(context) {
  for (const auto& file : files) {
    if ((file.location == "package.json" || file.location.ends_with("/package.json")) &&
        !inside_node_modules(file.location)) {
      m_files.emplace(std::string(folder_of(file.location)), &file);
    }
  }
}

const source::SourceFile* ProjectManifests::file(std::string_view folder) const {
  auto it = m_files.find(folder);
  return it == m_files.end() ? nullptr : it->second;
}

const Manifest* ProjectManifests::find(std::string_view folder) {
  if (auto it = m_parsed.find(folder); it != m_parsed.end()) {
    return it->second.get();
  }
  const source::SourceFile* source_file = file(folder);
  std::unique_ptr<Manifest> manifest;
  if (source_file != nullptr) {
    manifest = std::make_unique<Manifest>();
    FileReport report(m_context, source_file->location);
    if (!parse_manifest(source_file->contents, report, *manifest)) {
      manifest.reset();
    }
  }
  const Manifest* result = manifest.get();
  m_parsed.emplace(std::string(folder), std::move(manifest));
  return result;
}

std::vector<std::string> ProjectManifests::workspaces(std::string_view root) {
  std::vector<std::string> folders;
  const Manifest* manifest = find(root);
  if (manifest == nullptr || manifest->workspaces.empty()) {
    return folders;
  }
  std::vector<std::string> patterns;
  for (const auto& pattern : manifest->workspaces) {
    patterns.push_back(normalize_folder(pattern));
  }
  std::string prefix = root.empty() ? std::string() : std::string(root) + "/";
  for (auto it = m_files.lower_bound(prefix); it != m_files.end() && it->first.starts_with(prefix);
       ++it) {
    if (it->first == root) {
      continue;
    }
    std::string_view relative = std::string_view(it->first).substr(prefix.size());
    for (const auto& pattern : patterns) {
      if (glob_match(pattern, relative)) {
        folders.push_back(it->first);
        break;
      }
    }
  }
  return folders;
}

} // namespace kensa::scanner::javascript
