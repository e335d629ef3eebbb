#include "paths.hpp"

#include <kensa/util/strings.hpp>

#include <vector>

namespace kensa::scanner::python {

std::string_view file_name_of(std::string_view path) {
  std::size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

std::string_view parent_of(std::string_view path) {
  std::size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? std::string_view{} : path.substr(0, slash);
}

std::optional<std::string> join_path(std::string_view base, std::string_view relative) {
  if (relative.starts_with('/')) {
    return std::nullopt;
  }
  std::vector<std::string_view> segments;
  for (std::string_view part : {base, relative}) {
    for (std::string_view segment : split(part, '/')) {
      if (segment.empty() || segment == ".") {
        continue;
      }
      if (segment == "..") {
        if (segments.empty()) {
          return std::nullopt;
        }
        segments.pop_back();
        continue;
      }
      segments.push_back(segment);
    }
  }
  std::string joined;
  for (std::string_view segment : segments) {
    if (!joined.empty()) {
      joined += '/';
    }
    joined += segment;
  }
  return joined;
}

} // namespace kensa::scanner::python
