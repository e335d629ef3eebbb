#include <kensa/model/document.hpp>

#include <algorithm>
#include <array>

namespace kensa::model {

std::string_view relationship_type_name(RelationshipType type) {
  static constexpr std::array<std::string_view, 5> k_names{
      "depends-on", "dev-depends-on", "optional-depends-on", "contains", "describes"};
  return k_names[static_cast<std::size_t>(type)];
}

const Component* Document::find(std::string_view id) const {
  // Components are sorted by purl, not id, so search linearly; callers
  // needing many lookups build their own index.
  auto it = std::find_if(components.begin(), components.end(),
                         [&](const Component& component) { return component.id == id; });
  return it == components.end() ? nullptr : &*it;
}

} // namespace kensa::model
