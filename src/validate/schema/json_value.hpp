#pragma once

#include <kensa/util/json_document.hpp>
#include <kensa/validate/json_schema.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

// What JSON Schema needs of JSON values beyond reading them: equality where
// 1 and 1.0 are the same number, a hash consistent with it (for uniqueItems
// on big arrays), exact number comparison, short descriptions for messages,
// and the members of a schema object in the order they are compiled.
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

// "null", "boolean", "object", "array", "number", "integer" or "string" (an
// integral number is "integer").
std::string_view json_type_name(const Json& value);

// A short rendering of a value for messages: scalars as JSON, truncated;
// objects and arrays by their kind and size.
std::string describe_value(const Json& value);
// A string quoted as JSON, cut to a readable length.
std::string describe_string(std::string_view text);

// The members of a schema object sorted by name, a name given twice once,
// with its last value (as looking it up gives): schemas are compiled in
// this order, so that their errors and warnings come in an order that does
// not depend on how the schema's text is laid out. Empty for anything but
// an object.
std::vector<std::pair<std::string_view, Json>> schema_members(const Json& object);

// Nesting depth of `value` (a scalar is 0, [] is 1), at most `limit` + 1.
std::size_t json_depth(const Json& value, std::size_t limit);

} // namespace kensa::validate::schema
