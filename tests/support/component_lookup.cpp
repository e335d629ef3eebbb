#include "component_lookup.hpp"

#include <kensa/model/hash.hpp>

#include <utility>

namespace kensa::testing {

source::SourceFile file(std::string path, std::string contents) {
  source::SourceFile result;
  result.location = path;
  result.path = std::move(path);
  result.contents = std::move(contents);
  return result;
}

const model::Component* find_by_purl(const model::Document& document, std::string_view purl) {
  for (const auto& component : document.components) {
    if (component.purl == purl) {
      return &component;
    }
  }
  return nullptr;
}

std::string property(const model::Component& component, std::string_view name) {
  for (const auto& property : component.properties) {
    if (property.name == name) {
      return property.value;
    }
  }
  return {};
}

std::set<std::string> hashes_of(const model::Component& component) {
  std::set<std::string> hashes;
  for (const auto& hash : component.hashes) {
    hashes.insert(std::string(model::hash_algorithm_name(hash.algorithm)) + ":" + hash.hex);
  }
  return hashes;
}

std::vector<std::string> diagnostic_lines(const model::Document& document) {
  std::vector<std::string> lines;
  for (const auto& diagnostic : document.diagnostics) {
    lines.push_back(diagnostic.location + ": " + diagnostic.message);
  }
  return lines;
}

} // namespace kensa::testing
