#include "portage_package.hpp"

#include <kensa/util/strings.hpp>

namespace kensa::scanner::portage {

namespace {

// Reads digits at `at`; false when there are none.
bool digits(std::string_view text, std::size_t& at) {
  std::size_t start = at;
  while (at < text.size() && is_ascii_digit(text[at])) {
    ++at;
  }
  return at > start;
}

// The whole of `text` is a version: 1(.2)*[a-z]?(_suffix[0-9]*)*(-r[0-9]+)?
bool is_version(std::string_view text) {
  std::size_t at = 0;
  if (!digits(text, at)) {
    return false;
  }
  while (at < text.size() && text[at] == '.') {
    ++at;
    if (!digits(text, at)) {
      return false;
    }
  }
  if (at < text.size() && text[at] >= 'a' && text[at] <= 'z') {
    ++at;
  }
  while (at < text.size() && text[at] == '_') {
    ++at;
    bool known = false;
    for (std::string_view suffix : {"alpha", "beta", "pre", "rc", "p"}) {
      if (text.substr(at, suffix.size()) == suffix) {
        at += suffix.size();
        known = true;
        break;
      }
    }
    if (!known) {
      return false;
    }
    digits(text, at);
  }
  if (at < text.size() && text.substr(at, 2) == "-r") {
    at += 2;
    if (!digits(text, at)) {
      return false;
    }
  }
  return at == text.size();
}

} // namespace

std::optional<NameVersion> split_name_version(std::string_view text) {
  for (std::size_t dash = text.find('-'); dash != std::string_view::npos;
       dash = text.find('-', dash + 1)) {
    if (dash > 0 && is_version(text.substr(dash + 1))) {
      return NameVersion{std::string(text.substr(0, dash)), std::string(text.substr(dash + 1))};
    }
  }
  return std::nullopt;
}

} // namespace kensa::scanner::portage
