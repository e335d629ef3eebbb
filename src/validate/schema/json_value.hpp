#pragma once

#include <kensa/util/json_document.hpp>
#include <kensa/validate/json_schema.hpp>

#include <nlohmann/json.hpp>

#include <cstddef>
#include <string>
#include <string_view>

// What JSON Schema needs of JSON values beyond nlohmann::json: equality where
// 1 and 1.0 are the same number, a hash consistent with it (for uniqueItems
// on big arrays), exact number comparison and short descriptions for
// messages.
namespace kensa::validate::schema {

using Json = kensa::json::Value;

// JSON Schema equality: numbers by mathematical value, objects regardless of
// key order, arrays element by element.
bool json_equal(const Json& a, const Json& b);

// A hash with json_equal(a, b) implying json_hash(a) == json_hash(b).
std::size_t json_hash(const Json& value);

// compare_numbers(const Json&, const Json&) is public: json_schema.hpp.

// Whether a number has no fractional part (1.0 is an integer).
bool is_integral(const Json& number);

// The same two for schema values, read with nlohmann.
int compare_numbers(const nlohmann::json& a, const nlohmann::json& b);
bool is_integral(const nlohmann::json& number);

// "null", "boolean", "object", "array", "number", "integer" or "string" (an
// integral number is "integer").
std::string_view json_type_name(const Json& value);

// A short rendering of a value for messages: scalars as JSON, truncated;
// objects and arrays by their kind and size.
std::string describe_value(const Json& value);
// The same for schema values, read with nlohmann.
std::string describe_value(const nlohmann::json& value);
// A string quoted as JSON, cut to a readable length.
std::string describe_string(std::string_view text);

// Nesting depth of `value` (a scalar is 0, [] is 1), at most `limit` + 1.
std::size_t json_depth(const Json& value, std::size_t limit);

} // namespace kensa::validate::schema
