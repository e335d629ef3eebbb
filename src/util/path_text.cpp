#include <kensa/util/path_text.hpp>

#include <vector>

namespace kensa {

std::string_view folder_of(std::string_view path) {
  const std::size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? std::string_view{} : path.substr(0, slash);
}

std::string_view file_name_of(std::string_view path) {
  const std::size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

std::string join_path(std::string_view folder, std::string_view name) {
  std::string path(folder);
  if (!path.empty() && !name.empty()) {
    path += '/';
  }
  path += name;
  return path;
}

ResolvedPath resolve_path(std::string_view folder, std::string_view relative) {
  ResolvedPath result;
  std::vector<std::string_view> segments;
  for (std::string_view part : {folder, relative}) {
    std::size_t start = 0;
    while (start <= part.size()) {
      std::size_t end = part.find('/', start);
      if (end == std::string_view::npos) {
        end = part.size();
      }
      const std::string_view segment = part.substr(start, end - start);
      if (segment == "..") {
        if (segments.empty()) {
          result.climbed_out = true;
        } else {
          segments.pop_back();
        }
      } else if (!segment.empty() && segment != ".") {
        segments.push_back(segment);
      }
      start = end + 1;
    }
  }
  for (std::string_view segment : segments) {
    if (!result.path.empty()) {
      result.path += '/';
    }
    result.path += segment;
  }
  return result;
}

std::optional<std::string> resolve_inside(std::string_view folder, std::string_view relative) {
  if (relative.starts_with('/')) {
    return std::nullopt;
  }
  ResolvedPath resolved = resolve_path(folder, relative);
  if (resolved.climbed_out) {
    return std::nullopt;
  }
  return std::move(resolved.path);
}

} // namespace kensa
