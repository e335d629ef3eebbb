#include "unread_members.hpp"

namespace kensa::format::common {

bool says_something(const json::Value& value) {
  if (value.is_string()) {
    const std::string_view text = value.string();
    return !text.empty() && text != "NOASSERTION" && text != "NONE";
  }
  if (value.is_array()) {
    return std::any_of(value.begin(), value.end(),
                       [](const json::Value& item) { return says_something(item); });
  }
  if (value.is_object()) {
    return !value.empty();
  }
  return !value.is_null();
}

std::string property_text(const json::Value& value) {
  return value.is_string() ? std::string(value.string()) : value.dump();
}

} // namespace kensa::format::common
