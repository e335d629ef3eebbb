#include "pnpm_key.hpp"

#include "../common/javascript/npm_component.hpp"

namespace kensa::scanner::pnpm {

std::string_view strip_slash(std::string_view key) {
  if (key.starts_with('/')) {
    key.remove_prefix(1);
  }
  return key;
}

PackageKey parse_package_key(std::string_view key, KeyStyle style) {
  PackageKey parsed;
  key = strip_slash(key);
  std::size_t name_end = std::string_view::npos;
  if (style == KeyStyle::slash) {
    std::size_t slash = key.find('/', key.starts_with('@') ? key.find('/') + 1 : 0);
    if (key.starts_with('@') && key.find('/') == std::string_view::npos) {
      return parsed;
    }
    name_end = slash;
  } else {
    name_end = key.find('@', 1);
  }
  if (name_end == std::string_view::npos || name_end == 0) {
    return parsed;
  }
  std::string_view name = key.substr(0, name_end);
  std::string_view rest = key.substr(name_end + 1);
  if (!javascript::split_package_name(name)) {
    return parsed;
  }
  std::size_t peers = rest.find(style == KeyStyle::slash ? '_' : '(');
  // Lockfiles written by pnpm 7 with the 6.0 syntax setting, and some
  // 5.4 files, already use parentheses.
  if (style == KeyStyle::slash && rest.find('(') < peers) {
    peers = rest.find('(');
  }
  parsed.name = std::string(name);
  parsed.version = std::string(rest.substr(0, peers));
  parsed.peers = peers == std::string_view::npos ? std::string() : std::string(rest.substr(peers));
  return parsed;
}

std::string dependency_key(std::string_view name, std::string_view value, KeyStyle style) {
  if (value.starts_with("link:")) {
    return {};
  }
  if (!value.empty() && value.front() >= '0' && value.front() <= '9') {
    std::string key(name);
    key += style == KeyStyle::slash ? '/' : '@';
    key += value;
    return key;
  }
  return std::string(strip_slash(value));
}

} // namespace kensa::scanner::pnpm
