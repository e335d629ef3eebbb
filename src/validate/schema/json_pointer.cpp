#include "json_pointer.hpp"

#include <kensa/util/strings.hpp>

namespace kensa::validate::schema {

std::string escape_pointer_token(std::string_view token) {
  std::string pointer;
  append_pointer_token(pointer, token);
  return pointer.substr(1); // Without the leading "/".
}

std::optional<std::string> percent_decode(std::string_view text) {

  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '%') {
      out += text[i];
      continue;
    }
    if (i + 2 >= text.size()) {
      return std::nullopt;
    }
    const int high = hex_digit_value(text[i + 1]);
    const int low = hex_digit_value(text[i + 2]);
    if (high < 0 || low < 0) {
      return std::nullopt;
    }
    out += static_cast<char>(high * 16 + low);
    i += 2;
  }
  return out;
}

kensa::json::Value resolve_pointer(const kensa::json::Value& root,
                                   const std::vector<std::string>& tokens) {
  kensa::json::Value current = root;
  for (const auto& token : tokens) {
    if (current.is_object()) {
      // Absent when there is no such member.
      current = current[std::string_view(token)];
      if (!current.exists()) {
        return {};
      }
    } else if (current.is_array()) {
      if (token.empty() || token.size() > 18 || (token.size() > 1 && token.front() == '0')) {
        return {};
      }
      std::size_t index = 0;
      for (const char c : token) {
        if (c < '0' || c > '9') {
          return {};
        }
        index = index * 10 + static_cast<std::size_t>(c - '0');
      }
      if (index >= current.size()) {
        return {};
      }
      current = current[index];
    } else {
      return {};
    }
  }
  return current;
}

} // namespace kensa::validate::schema
