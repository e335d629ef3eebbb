#pragma once

#include <string>
#include <string_view>
#include <vector>

// Small string helpers shared by every layer. Nothing kensa-specific here.
namespace kensa {

std::string to_lower_ascii(std::string_view text);
std::string to_upper_ascii(std::string_view text);
// The same for decoded text (an internationalised host name's labels):
// ASCII letters lowered, every other code point kept.
std::u32string to_lower_ascii(std::u32string_view text);
// `c` in lower (upper) case when it is an ASCII letter, as it is otherwise.
constexpr char to_lower_ascii(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}
constexpr char to_upper_ascii(char c) {
  return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
}
// Whether `c` is an ASCII digit, whatever the locale.
constexpr bool is_ascii_digit(char c) {
  return c >= '0' && c <= '9';
}
// Whether `c` is a hexadecimal digit (0-9, a-f, A-F).
constexpr bool is_ascii_hex_digit(char c) {
  return is_ascii_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
// Whether `c` is an ASCII letter or digit, whatever the locale.
constexpr bool is_ascii_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}
std::string_view trim(std::string_view text);
bool starts_with_ignore_case(std::string_view text, std::string_view prefix);
bool equals_ignore_case(std::string_view a, std::string_view b);
std::vector<std::string_view> split(std::string_view text, char separator);

// The value of a hexadecimal digit (0-9, a-f, A-F), or -1 for any other
// character.
int hex_digit_value(char c);

// Appends the UTF-8 encoding of `code_point` (at most U+10FFFF) to `out`.
void append_utf8(std::string& out, char32_t code_point);

} // namespace kensa
