#include "paths.hpp"

#include "npm_component.hpp"

namespace kensa::scanner::javascript {

namespace {

constexpr std::string_view k_node_modules = "node_modules";

} // namespace

bool inside_node_modules(std::string_view path) {
  return path.starts_with("node_modules/") || path == k_node_modules ||
         path.find("/node_modules/") != std::string_view::npos || path.ends_with("/node_modules");
}

std::string_view installed_name(std::string_view folder) {
  // The last "node_modules" segment, then one name or "@scope/name".
  std::size_t pos = folder.size();
  while (true) {
    pos = folder.rfind(k_node_modules, pos == 0 ? 0 : pos - 1);
    if (pos == std::string_view::npos) {
      return {};
    }
    bool starts_segment = pos == 0 || folder[pos - 1] == '/';
    std::size_t end = pos + k_node_modules.size();
    if (starts_segment && end < folder.size() && folder[end] == '/') {
      std::string_view name = folder.substr(end + 1);
      return javascript::split_package_name(name) ? name : std::string_view{};
    }
    if (pos == 0) {
      return {};
    }
  }
}

std::string_view parent_folder(std::string_view folder) {
  do {
    folder = folder_of(folder);
  } while (folder == k_node_modules || folder.ends_with("/node_modules"));
  return folder;
}

std::string normalize_folder(std::string_view path) {
  if (path.starts_with("file:")) {
    path.remove_prefix(5);
  }
  while (path.starts_with("./")) {
    path.remove_prefix(2);
  }
  while (path.ends_with('/')) {
    path.remove_suffix(1);
  }
  return path == "." ? std::string() : std::string(path);
}

bool is_node_modules_root(std::string_view root_name) {
  return root_name == "node_modules";
}

bool is_installed_package_file(std::string_view location, std::string_view root_name) {
  return is_node_modules_root(root_name) || inside_node_modules(location);
}

} // namespace kensa::scanner::javascript
