#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

// Decoding UTF-8 text that nlohmann::json has already checked: strings in a
// parsed document are well formed, so these helpers only need to be correct
// on valid input and safe (no reads past the end) on anything else.
namespace kensa::validate::schema {

// Decodes the code point starting at text[position] and advances position.
// Ill-formed bytes decode as U+FFFD one byte at a time.
char32_t next_code_point(std::string_view text, std::size_t& position);

// Number of code points, which is what JSON Schema's minLength and maxLength
// count (not bytes, not UTF-16 units).
std::size_t count_code_points(std::string_view text);

// Appends the UTF-8 encoding of `code_point` to `out`.
template <typename String>
void append_utf8(String& out, char32_t code_point) {
  if (code_point < 0x80) {
    out += static_cast<char>(code_point);
  } else if (code_point < 0x800) {
    out += static_cast<char>(0xC0 | (code_point >> 6));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  } else if (code_point < 0x10000) {
    out += static_cast<char>(0xE0 | (code_point >> 12));
    out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (code_point >> 18));
    out += static_cast<char>(0x80 | ((code_point >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  }
}

} // namespace kensa::validate::schema
