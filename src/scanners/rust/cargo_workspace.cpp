#include "cargo_workspace.hpp"

#include "../common/parsers/toml_text.hpp"

#include <kensa/scanner/file_report.hpp>
#include <kensa/util/glob.hpp>
#include <kensa/util/path_text.hpp>

#include <deque>
#include <vector>

namespace kensa::scanner::rust {

namespace {

// One Cargo.toml, parsed once.
struct Manifest {
  const source::SourceFile* file = nullptr;
  std::optional<toml::table> table;
};

class WorkspaceReader {
 public:
  WorkspaceReader(ScanContext& context, const CargoManifests& manifests)
      : m_context(context), m_manifests(manifests) {}

  // The manifest in `folder` (a location), or nullptr when there is none or
  // it is not TOML (said once).
  const toml::table* manifest_in(const std::string& folder) {
    auto cached = m_parsed.find(folder);
    if (cached != m_parsed.end()) {
      return cached->second.table ? &*cached->second.table : nullptr;
    }
    Manifest& manifest = m_parsed[folder];
    auto found = m_manifests.find(join_path(folder, "Cargo.toml"));
    if (found == m_manifests.end()) {
      return nullptr;
    }
    manifest.file = found->second;
    auto parsed = parse_toml(manifest.file->contents);
    if (!parsed) {
      FileReport(m_context, *manifest.file).warn(parsed.error());
      return nullptr;
    }
    manifest.table = std::move(parsed).value();
    return &*manifest.table;
  }

  void warn(const std::string& folder, std::string message) {
    auto found = m_manifests.find(join_path(folder, "Cargo.toml"));
    if (found != m_manifests.end()) {
      FileReport(m_context, *found->second).warn(std::move(message));
    }
  }

  // The folders of the manifests below `root` (locations), for matching
  // [workspace] members globs against.
  std::vector<std::string> folders_below(const std::string& root) const {
    std::vector<std::string> folders;
    const std::string prefix = root.empty() ? "" : root + "/";
    for (const auto& [location, file] : m_manifests) {
      std::string_view folder = folder_of(location);
      if (folder.size() > prefix.size() && folder.starts_with(prefix)) {
        folders.emplace_back(folder);
      }
    }
    return folders;
  }

 private:
  ScanContext& m_context;
  const CargoManifests& m_manifests;
  std::map<std::string, Manifest> m_parsed;
};

// The strings of array `key` in `table`.
std::vector<std::string> strings_at(const toml::table& table, std::string_view key) {
  std::vector<std::string> values;
  if (const auto* array = table[key].as_array()) {
    for (const auto& element : *array) {
      if (auto value = element.value<std::string>()) {
        values.push_back(*value);
      }
    }
  }
  return values;
}

// "./crates/*/" -> "crates/*": the spellings cargo accepts for a folder.
std::string clean_member_path(std::string_view path) {
  while (path.starts_with("./")) {
    path.remove_prefix(2);
  }
  while (path.ends_with('/')) {
    path.remove_suffix(1);
  }
  return std::string(path);
}

// The `path` of each dependency a manifest declares: [dependencies],
// [dev-dependencies], [build-dependencies], and the same under each
// [target.<cfg>].
std::vector<std::string> path_dependencies(const toml::table& manifest) {
  std::vector<std::string> paths;
  auto read = [&](const toml::table& owner) {
    for (std::string_view kind : {"dependencies", "dev-dependencies", "build-dependencies"}) {
      const auto* dependencies = owner[kind].as_table();
      if (dependencies == nullptr) {
        continue;
      }
      for (const auto& [name, spec] : *dependencies) {
        const auto* table = spec.as_table();
        if (table == nullptr || paths.size() >= k_max_manifest_dependencies) {
          continue;
        }
        if (auto path = (*table)["path"].value<std::string>()) {
          paths.push_back(*path);
        }
      }
    }
  };
  read(manifest);
  if (const auto* targets = manifest["target"].as_table()) {
    for (const auto& [condition, target] : *targets) {
      if (const auto* table = target.as_table()) {
        read(*table);
      }
    }
  }
  return paths;
}

} // namespace

std::optional<std::set<std::string>> workspace_members(ScanContext& context,
                                                       const CargoManifests& manifests,
                                                       std::string_view lock_location) {
  const std::string root(folder_of(lock_location));
  WorkspaceReader reader(context, manifests);
  const toml::table* root_manifest = reader.manifest_in(root);
  if (root_manifest == nullptr) {
    return std::nullopt;
  }
  std::set<std::string> folders;
  std::deque<std::string> pending;
  auto add = [&](const std::string& folder) {
    if (folders.size() < k_max_workspace_members && folders.insert(folder).second) {
      pending.push_back(folder);
    }
  };
  if ((*root_manifest)["package"].as_table() != nullptr) {
    add(root);
  }
  const auto* workspace = (*root_manifest)["workspace"].as_table();
  std::vector<std::string> excluded;
  if (workspace != nullptr) {
    for (const auto& path : strings_at(*workspace, "exclude")) {
      excluded.push_back(join_path(root, clean_member_path(path)));
    }
  }
  auto is_excluded = [&](const std::string& folder) {
    for (const auto& exclude : excluded) {
      if (folder == exclude || folder.starts_with(exclude + "/")) {
        return true;
      }
    }
    return false;
  };
  if (workspace != nullptr) {
    const std::vector<std::string> below = reader.folders_below(root);
    for (const auto& member : strings_at(*workspace, "members")) {
      const std::string pattern = join_path(root, clean_member_path(member));
      for (const auto& folder : below) {
        if (glob_match(pattern, folder) && !is_excluded(folder)) {
          add(folder);
        }
      }
    }
  }
  // Path dependencies inside the workspace's folder are members too, but
  // only in a workspace: a package on its own is its only member.
  std::set<std::string> names;
  while (!pending.empty()) {
    const std::string folder = pending.front();
    pending.pop_front();
    const toml::table* manifest = reader.manifest_in(folder);
    if (manifest == nullptr) {
      continue;
    }
    const auto* package = (*manifest)["package"].as_table();
    auto name = package != nullptr ? (*package)["name"].value<std::string>() : std::nullopt;
    if (name) {
      names.insert(*name);
    } else if (folder != root) {
      reader.warn(folder, "workspace member has no [package] name");
    }
    if (workspace == nullptr) {
      continue;
    }
    for (const auto& path : path_dependencies(*manifest)) {
      auto target = resolve_inside(folder, path);
      if (target && (root.empty() || target->starts_with(root + "/")) && !is_excluded(*target)) {
        add(*target);
      }
    }
  }
  return names;
}

} // namespace kensa::scanner::rust
