#include <kensa/source/entry_path.hpp>

#include <vector>

namespace kensa::source {

EntryPath sanitize_entry_path(std::string_view name) {
  EntryPath result;
  // An absolute name would be extracted outside the current folder by a
  // careless tool: as hostile as "..".
  result.escaped = name.starts_with('/');
  std::vector<std::string_view> segments;
  std::size_t start = 0;
  while (start <= name.size()) {
    std::size_t end = name.find('/', start);
    if (end == std::string_view::npos) {
      end = name.size();
    }
    std::string_view segment = name.substr(start, end - start);
    if (segment == "..") {
      if (segments.empty()) {
        result.escaped = true;
      } else {
        segments.pop_back();
      }
    } else if (!segment.empty() && segment != ".") {
      segments.push_back(segment);
    }
    start = end + 1;
  }
  for (std::string_view segment : segments) {
    if (!result.path.empty()) {
      result.path.push_back('/');
    }
    result.path.append(segment);
  }
  return result;
}

} // namespace kensa::source
