#include <kensa/model/hash.hpp>
#include <kensa/model/ids.hpp>

namespace kensa::model {

std::string content_hash_id(std::string_view key, std::size_t hex_digits) {
  return compute_hash(HashAlgorithm::sha256, key).hex.substr(0, hex_digits);
}

std::string component_id(const Component& component) {
  std::string key;
  if (!component.purl.empty()) {
    key = "purl\n" + component.purl;
  } else {
    // '\n' cannot occur in these fields as scanners produce them, so the
    // key is unambiguous.
    key = "component\n";
    key += component_type_name(component.type);
    key += '\n' + component.group + '\n' + component.name + '\n' + component.version + '\n';
    if (!component.evidence.empty()) {
      key += component.evidence.front().location;
    }
  }
  return content_hash_id(key);
}

} // namespace kensa::model
