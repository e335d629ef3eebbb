#pragma once

#include <kensa/util/json_document.hpp>
#include <kensa/util/strings.hpp>

#include <string>
#include <string_view>

// Tolerant access to parsed JSON from untrusted documents: a member of the
// wrong type reads as absent, so one odd field never stops a reader. The
// readers work on kensa::json documents (one flat parse, see
// util/json_document.hpp), which read a 100 MB SBOM several times faster than
// a tree of individually allocated nodes.
namespace kensa::format::common {

// The string `value`, or empty when it is no string.
inline std::string string_of(const json::Value& value) {
  return std::string(value.string());
}

// The string member `key` of `object`, or empty.
inline std::string text(const json::Value& object, std::string_view key) {
  return string_of(object[key]);
}

// The array member `key` of `object`, or an absent value (no items).
inline json::Value array(const json::Value& object, std::string_view key) {
  json::Value member = object[key];
  return member.is_array() ? member : json::Value();
}

// The object member `key` of `object`, or an absent value (no members).
inline json::Value object(const json::Value& parent, std::string_view key) {
  json::Value member = parent[key];
  return member.is_object() ? member : json::Value();
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
  return to_lower_ascii(purl.substr(0, slash));
}

} // namespace kensa::format::common
