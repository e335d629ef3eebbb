#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

// Decoding UTF-8 text that the JSON parser has already checked: strings in
// a parsed document are well formed, so these helpers only need to be correct
// on valid input and safe (no reads past the end) on anything else.
namespace kensa::validate::schema {

// Decodes the code point starting at text[position] and advances position.
// Ill-formed bytes decode as U+FFFD one byte at a time.
char32_t next_code_point(std::string_view text, std::size_t& position);

// Number of code points, which is what JSON Schema's minLength and maxLength
// count (not bytes, not UTF-16 units).
std::size_t count_code_points(std::string_view text);

} // namespace kensa::validate::schema
