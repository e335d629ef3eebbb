#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

// Tolerant access to parsed JSON from untrusted documents: a member of the
// wrong type reads as absent instead of throwing, so one odd field never
// stops a reader.
namespace kensa::format::common {

using Json = nlohmann::json;

// The string member `key` of `object`, or empty.
inline std::string text(const Json& object, std::string_view key) {
  if (!object.is_object()) {
    return {};
  }
  auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// The array member `key` of `object`, or an empty array.
inline const Json& array(const Json& object, std::string_view key) {
  static const Json empty = Json::array();
  if (!object.is_object()) {
    return empty;
  }
  auto it = object.find(key);
  return it != object.end() && it->is_array() ? *it : empty;
}

// The object member `key` of `object`, or an empty object.
inline const Json& object(const Json& parent, std::string_view key) {
  static const Json empty = Json::object();
  if (!parent.is_object()) {
    return empty;
  }
  auto it = parent.find(key);
  return it != parent.end() && it->is_object() ? *it : empty;
}

// The purl type of `purl` ("npm" for "pkg:npm/..."), or empty.
inline std::string purl_type(std::string_view purl) {
  if (!purl.starts_with("pkg:")) {
    return {};
  }
  purl.remove_prefix(4);
  while (!purl.empty() && purl.front() == '/') {
    purl.remove_prefix(1);
  }
  auto slash = purl.find('/');
  if (slash == std::string_view::npos) {
    return {};
  }
  std::string type(purl.substr(0, slash));
  for (char& c : type) {
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c - 'A' + 'a');
    }
  }
  return type;
}

} // namespace kensa::format::common
