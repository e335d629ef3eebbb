#include <kensa/audit/listed_files.hpp>

#include <algorithm>
#include <map>

namespace kensa::audit {

std::string normalise_listed_path(std::string_view path) {
  std::string normal;
  normal.reserve(path.size());
  for (const char c : path) {
    normal += c == '\\' ? '/' : c;
  }
  std::string_view view = normal;
  while (view.starts_with("./") || view.starts_with("/")) {
    view.remove_prefix(view.starts_with("./") ? 2 : 1);
  }
  return std::string(view);
}

std::vector<ListedFile> listed_files(const model::Document& sbom) {
  std::map<std::string, std::vector<model::Hash>> files;
  auto add = [&](std::string_view path, const std::vector<model::Hash>& hashes) {
    if (path.empty() || hashes.empty()) {
      return;
    }
    auto& known = files[normalise_listed_path(path)];
    for (const auto& hash : hashes) {
      if (std::find(known.begin(), known.end(), hash) == known.end()) {
        known.push_back(hash);
      }
    }
  };
  for (const auto& file : sbom.files) {
    add(file.path, file.hashes);
  }
  // A component of type file stands for the file itself: its digests are
  // the file's, found where its evidence says, or at its name.
  for (const auto& component : sbom.components) {
    if (component.type != model::ComponentType::file) {
      continue;
    }
    bool placed = false;
    for (const auto& evidence : component.evidence) {
      if (!evidence.location.empty()) {
        add(evidence.location, component.hashes);
        placed = true;
      }
    }
    if (!placed) {
      add(component.name, component.hashes);
    }
  }
  std::vector<ListedFile> listed;
  listed.reserve(files.size());
  for (auto& [path, hashes] : files) {
    listed.push_back({path, std::move(hashes)});
  }
  return listed;
}

} // namespace kensa::audit
