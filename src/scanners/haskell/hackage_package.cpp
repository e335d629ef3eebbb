#include "hackage_package.hpp"

#include <algorithm>
#include <cctype>

namespace kensa::scanner::haskell {

namespace {

bool is_digit(char c) {
  return std::isdigit(static_cast<unsigned char>(c)) != 0;
}

bool is_alnum(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0;
}

} // namespace

bool is_package_name(std::string_view text) {
  while (true) {
    auto hyphen = text.find('-');
    std::string_view word = text.substr(0, hyphen);
    if (word.empty() || !std::all_of(word.begin(), word.end(), is_alnum) ||
        std::all_of(word.begin(), word.end(), is_digit)) {
      return false;
    }
    if (hyphen == std::string_view::npos) {
      return true;
    }
    text.remove_prefix(hyphen + 1);
  }
}

bool is_version(std::string_view text) {
  while (true) {
    auto dot = text.find('.');
    std::string_view number = text.substr(0, dot);
    if (number.empty() || !std::all_of(number.begin(), number.end(), is_digit)) {
      return false;
    }
    if (dot == std::string_view::npos) {
      return true;
    }
    text.remove_prefix(dot + 1);
  }
}

std::optional<PackageId> split_package_id(std::string_view text) {
  auto hyphen = text.rfind('-');
  if (hyphen == std::string_view::npos) {
    return std::nullopt;
  }
  std::string_view name = text.substr(0, hyphen);
  std::string_view version = text.substr(hyphen + 1);
  if (!is_package_name(name) || !is_version(version)) {
    return std::nullopt;
  }
  return PackageId{std::string(name), std::string(version)};
}

} // namespace kensa::scanner::haskell
