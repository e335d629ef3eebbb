#include "cyclonedx_vocabulary.hpp"

#include <kensa/util/resources.hpp>

#include <nlohmann/json.hpp>

#include <map>
#include <mutex>
#include <stdexcept>

namespace kensa::format::cyclonedx {

namespace {

using Json = nlohmann::json;

void collect(const Json& schema, const Json::json_pointer& pointer,
             std::set<std::string, std::less<>>& into) {
  if (!schema.contains(pointer)) {
    return;
  }
  const Json& values = schema.at(pointer);
  if (!values.is_array()) {
    return;
  }
  for (const auto& value : values) {
    if (value.is_string()) {
      into.insert(value.get<std::string>());
    }
  }
}

CdxVocabulary load(std::string_view version) {
  std::string name = "cyclonedx/bom-" + std::string(version) + ".SNAPSHOT.schema.json";
  auto data = resources::find(name);
  if (!data) {
    throw std::logic_error("no bundled CycloneDX schema " + name);
  }
  Json schema = Json::parse(*data);
  CdxVocabulary vocabulary;
  collect(schema, Json::json_pointer("/definitions/component/properties/type/enum"),
          vocabulary.component_types);
  collect(schema, Json::json_pointer("/definitions/externalReference/properties/type/enum"),
          vocabulary.reference_types);
  collect(schema, Json::json_pointer("/definitions/hash-alg/enum"), vocabulary.hash_algorithms);
  collect(schema,
          Json::json_pointer(
              "/definitions/metadata/properties/lifecycles/items/oneOf/0/properties/phase/enum"),
          vocabulary.lifecycle_phases);
  return vocabulary;
}

} // namespace

const CdxVocabulary& vocabulary(std::string_view version) {
  static std::mutex mutex;
  static std::map<std::string, CdxVocabulary, std::less<>> cache;
  std::lock_guard lock(mutex);
  auto it = cache.find(version);
  if (it == cache.end()) {
    it = cache.emplace(std::string(version), load(version)).first;
  }
  return it->second;
}

int minor_version(std::string_view version) {
  if (version.size() < 3 || version.substr(0, 2) != "1.") {
    return 0;
  }
  int minor = 0;
  for (char c : version.substr(2)) {
    if (c < '0' || c > '9') {
      return 0;
    }
    minor = minor * 10 + (c - '0');
  }
  return minor;
}

} // namespace kensa::format::cyclonedx
