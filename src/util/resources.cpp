#include <kensa/util/resources.hpp>

#include <algorithm>

namespace kensa::resources {

std::optional<std::string_view> find(std::string_view name) {
  // all() is generated in sorted order (cmake/EmbedResources.cmake), so a
  // binary search suffices; tests/util/test_resources.cpp checks the order.
  const auto resources = all();
  const auto it = std::lower_bound(
      resources.begin(), resources.end(), name,
      [](const Resource& resource, std::string_view wanted) { return resource.name < wanted; });
  if (it == resources.end() || it->name != name) {
    return std::nullopt;
  }
  return it->data;
}

} // namespace kensa::resources
