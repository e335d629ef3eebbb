#pragma once

#include <kensa/util/strings.hpp>

// The character classes of RFC 3986, section 2, for the code that checks
// URIs (the schema's "uri" formats) and the code that writes them (links
// from manifests).
namespace kensa::uri_characters {

constexpr bool is_alpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// DIGIT and HEXDIG are the ASCII classes of util/strings.hpp.
constexpr bool is_digit(char c) {
  return is_ascii_digit(c);
}

constexpr bool is_hex(char c) {
  return is_ascii_hex_digit(c);
}

constexpr bool is_unreserved(char c) {
  return is_alpha(c) || is_digit(c) || c == '-' || c == '.' || c == '_' || c == '~';
}

constexpr bool is_sub_delim(char c) {
  switch (c) {
  case '!':
  case '$':
  case '&':
  case '\'':
  case '(':
  case ')':
  case '*':
  case '+':
  case ',':
  case ';':
  case '=':
    return true;
  default:
    return false;
  }
}

} // namespace kensa::uri_characters
