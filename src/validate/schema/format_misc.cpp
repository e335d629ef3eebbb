#include "ecma_regex.hpp"
#include "uri.hpp"

#include <kensa/util/strings.hpp>
#include <kensa/validate/json_schema_formats.hpp>

#include <array>
#include <utility>

namespace kensa::validate::schema {

bool is_uri(std::string_view text) {
  return is_valid_uri(text, UriKind::absolute_uri, false);
}
bool is_uri_reference(std::string_view text) {
  return is_valid_uri(text, UriKind::reference, false);
}
bool is_iri(std::string_view text) {
  return is_valid_uri(text, UriKind::absolute_uri, true);
}
bool is_iri_reference(std::string_view text) {
  return is_valid_uri(text, UriKind::reference, true);
}

namespace {

// RFC 6570 varspec: varname [ ":" max-length | "*" ].
bool is_varspec(std::string_view text) {
  std::size_t i = 0;
  bool previous_dot = true;
  while (i < text.size() && text[i] != ':' && text[i] != '*') {
    const char c = text[i];
    if (c == '%') {
      if (i + 2 >= text.size() || !is_ascii_hex_digit(text[i + 1]) ||
          !is_ascii_hex_digit(text[i + 2])) {
        return false;
      }
      i += 3;
      previous_dot = false;
      continue;
    }
    if (c == '.') {
      if (previous_dot) {
        return false;
      }
      previous_dot = true;
    } else if (is_ascii_alnum(c) || c == '_') {
      previous_dot = false;
    } else {
      return false;
    }
    ++i;
  }
  if (i == 0 || previous_dot) {
    return false;
  }
  if (i == text.size()) {
    return true;
  }
  if (text[i] == '*') {
    return i + 1 == text.size();
  }
  const std::string_view length = text.substr(i + 1);
  if (length.empty() || length.size() > 4 || length.front() == '0') {
    return false;
  }
  for (const char c : length) {
    if (c < '0' || c > '9') {
      return false;
    }
  }
  return true;
}

bool is_expression(std::string_view text) {
  static constexpr std::string_view k_operators = "+#./;?&=,!@|";
  if (!text.empty() && k_operators.find(text.front()) != std::string_view::npos) {
    text.remove_prefix(1);
  }
  std::size_t start = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || text[i] == ',') {
      if (!is_varspec(text.substr(start, i - start))) {
        return false;
      }
      start = i + 1;
    }
  }
  return true;
}

} // namespace

bool is_uri_template(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == '{') {
      const auto close = text.find('}', i);
      if (close == std::string_view::npos || !is_expression(text.substr(i + 1, close - i - 1))) {
        return false;
      }
      i = close + 1;
      continue;
    }
    if (c == '%') {
      if (i + 2 >= text.size() || !is_ascii_hex_digit(text[i + 1]) ||
          !is_ascii_hex_digit(text[i + 2])) {
        return false;
      }
      i += 3;
      continue;
    }
    static constexpr std::string_view k_excluded = " \"'<>\\^`|}";
    if (c < 0x21 || c == 0x7F || k_excluded.find(static_cast<char>(c)) != std::string_view::npos) {
      return false;
    }
    ++i;
  }
  return true;
}

bool is_uuid(std::string_view text) {
  if (text.size() != 36) {
    return false;
  }
  for (std::size_t i = 0; i < text.size(); ++i) {
    const bool dash_position = i == 8 || i == 13 || i == 18 || i == 23;
    if (dash_position ? text[i] != '-' : !is_ascii_hex_digit(text[i])) {
      return false;
    }
  }
  return true;
}

bool is_regex(std::string_view text) {
  // A pattern RE2 cannot run may still be valid ECMA-262.
  return EcmaRegex::compile(text).status() != EcmaRegex::Status::invalid;
}

bool is_json_pointer(std::string_view text) {
  if (text.empty()) {
    return true;
  }
  if (text.front() != '/') {
    return false;
  }
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '~' && (i + 1 >= text.size() || (text[i + 1] != '0' && text[i + 1] != '1'))) {
      return false;
    }
  }
  return true;
}

bool is_relative_json_pointer(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
    ++i;
  }
  if (i == 0 || (i > 1 && text.front() == '0')) {
    return false;
  }
  const std::string_view rest = text.substr(i);
  return rest == "#" || is_json_pointer(rest);
}

FormatCheck find_format(std::string_view name) {
  static constexpr std::array<std::pair<std::string_view, FormatCheck>, 19> k_formats{{
      {"date-time", is_date_time},
      {"date", is_date},
      {"time", is_time},
      {"duration", is_duration},
      {"email", is_email},
      {"idn-email", is_idn_email},
      {"hostname", is_hostname},
      {"idn-hostname", is_idn_hostname},
      {"ipv4", is_ipv4},
      {"ipv6", is_ipv6},
      {"uri", is_uri},
      {"uri-reference", is_uri_reference},
      {"iri", is_iri},
      {"iri-reference", is_iri_reference},
      {"uri-template", is_uri_template},
      {"uuid", is_uuid},
      {"regex", is_regex},
      {"json-pointer", is_json_pointer},
      {"relative-json-pointer", is_relative_json_pointer},
  }};
  for (const auto& [format_name, check] : k_formats) {
    if (format_name == name) {
      return check;
    }
  }
  return nullptr;
}

} // namespace kensa::validate::schema
