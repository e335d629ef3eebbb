#pragma once

#include "json_value.hpp"

#include <kensa/util/json_document.hpp>

#include <array>
#include <string>
#include <string_view>

// Where a schema object holds subschemas, by keyword. Values in other places
// (enum, const, default, examples, unknown keywords) are data, so an "$id"
// inside them identifies nothing.
namespace kensa::validate::schema {

inline constexpr std::array<std::string_view, 12> k_single_subschema_keywords{
    "additionalItems",
    "additionalProperties",
    "contains",
    "propertyNames",
    "if",
    "then",
    "else",
    "not",
    "unevaluatedProperties",
    "unevaluatedItems",
    "contentSchema",
    "items"};

inline constexpr std::array<std::string_view, 5> k_array_subschema_keywords{
    "allOf", "anyOf", "oneOf", "prefixItems", "items"};

inline constexpr std::array<std::string_view, 6> k_map_subschema_keywords{
    "properties", "patternProperties", "definitions", "$defs", "dependentSchemas", "dependencies"};

inline bool is_schema_value(const kensa::json::Value& value) {
  return value.is_object() || value.is_boolean();
}

// Calls `visit(subschema, pointer_suffix)` for every direct subschema of
// `schema`, where pointer_suffix is e.g. "/properties/name" (escaped).
template <typename Visit>
void for_each_subschema(const kensa::json::Value& schema, Visit&& visit) {
  if (!schema.is_object()) {
    return;
  }
  const auto escape = [](std::string_view token) {
    std::string out;
    for (const char c : token) {
      if (c == '~') {
        out += "~0";
      } else if (c == '/') {
        out += "~1";
      } else {
        out += c;
      }
    }
    return out;
  };
  for (const auto& [keyword_view, value] : schema_members(schema)) {
    const std::string keyword(keyword_view);
    for (const auto name : k_single_subschema_keywords) {
      if (keyword == name && is_schema_value(value)) {
        visit(value, "/" + escape(keyword));
      }
    }
    for (const auto name : k_array_subschema_keywords) {
      if (keyword == name && value.is_array()) {
        for (std::size_t i = 0; i < value.size(); ++i) {
          if (is_schema_value(value[i])) {
            visit(value[i], "/" + keyword + "/" + std::to_string(i));
          }
        }
      }
    }
    for (const auto name : k_map_subschema_keywords) {
      if (keyword == name && value.is_object()) {
        for (const auto& [member_name, member] : schema_members(value)) {
          if (is_schema_value(member)) {
            visit(member, "/" + escape(keyword) + "/" + escape(member_name));
          }
        }
      }
    }
  }
}

} // namespace kensa::validate::schema
