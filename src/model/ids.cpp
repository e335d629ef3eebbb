#include <kensa/model/hash.hpp>
#include <kensa/model/ids.hpp>

#include <array>
#include <span>

namespace kensa::model {

std::string content_hash_id(std::string_view key, std::size_t hex_digits) {
  return sha256_hex_prefix(std::span<const std::string_view>(&key, 1), hex_digits);
}

std::string component_id(const Component& component) {
  if (!component.purl.empty()) {
    // The key "purl\n" + purl, hashed in its two parts: every component of
    // every document read is identified so, a hundred thousand a document.
    const std::array<std::string_view, 2> key{"purl\n", component.purl};
    return sha256_hex_prefix(key, 16);
  }
  // '\n' cannot occur in these fields as scanners produce them, so the key
  // is unambiguous.
  std::string key = "component\n";
  key += component_type_name(component.type);
  key += '\n' + component.group + '\n' + component.name + '\n' + component.version + '\n';
  if (!component.evidence.empty()) {
    key += component.evidence.front().location;
  }
  return content_hash_id(key);
}

} // namespace kensa::model
