#include "license_ids.hpp"

#include <kensa/util/resources.hpp>

#include <nlohmann/json.hpp>

#include <set>
#include <string>

namespace kensa::format::cyclonedx {

namespace {

std::set<std::string, std::less<>> load_enum() {
  std::set<std::string, std::less<>> ids;
  for (const auto& resource : resources::all()) {
    // The helper schema is published as spdx.schema.json (or a SNAPSHOT
    // variant of that name); find it by name rather than hard-code one.
    if (!resource.name.starts_with("cyclonedx/spdx") || !resource.name.ends_with(".json")) {
      continue;
    }
    auto schema = nlohmann::json::parse(resource.data, nullptr, false);
    if (schema.is_discarded() || !schema.contains("enum") || !schema["enum"].is_array()) {
      continue;
    }
    for (const auto& id : schema["enum"]) {
      if (id.is_string()) {
        ids.insert(id.get<std::string>());
      }
    }
  }
  return ids;
}

} // namespace

bool is_cyclonedx_license_id(std::string_view id) {
  static const auto k_ids = load_enum();
  return k_ids.find(id) != k_ids.end();
}

} // namespace kensa::format::cyclonedx
