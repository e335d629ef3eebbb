#include "store_path.hpp"

#include <kensa/util/path_text.hpp>

namespace kensa::scanner::nix {

namespace {

constexpr std::size_t k_hash_length = 32;

// Nix's base-32 alphabet: digits and letters without e, o, u and t.
bool is_nix_base32(char c) {
  return (c >= '0' && c <= '9') ||
         (c >= 'a' && c <= 'z' && c != 'e' && c != 'o' && c != 'u' && c != 't');
}

bool is_letter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

} // namespace

std::pair<std::string, std::string> parse_drv_name(std::string_view name) {
  for (std::size_t dash = name.find('-'); dash != std::string_view::npos;
       dash = name.find('-', dash + 1)) {
    if (dash + 1 < name.size() && !is_letter(name[dash + 1])) {
      return {std::string(name.substr(0, dash)), std::string(name.substr(dash + 1))};
    }
  }
  return {std::string(name), std::string()};
}

std::optional<StorePath> parse_store_path(std::string_view path) {
  std::string_view base = file_name_of(path);
  if (base.size() < k_hash_length + 2 || base[k_hash_length] != '-') {
    return std::nullopt;
  }
  for (std::size_t i = 0; i < k_hash_length; ++i) {
    if (!is_nix_base32(base[i])) {
      return std::nullopt;
    }
  }
  auto [name, version] = parse_drv_name(base.substr(k_hash_length + 1));
  return StorePath{std::string(base.substr(0, k_hash_length)), std::move(name), std::move(version)};
}

} // namespace kensa::scanner::nix
