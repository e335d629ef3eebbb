#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace kensa {

// One code point decoded from UTF-8 and the number of bytes it took.
struct DecodedCodePoint {
  char32_t code_point = 0;
  std::size_t length = 0;
};

// Decodes the UTF-8 sequence that starts at text[position] (RFC 3629: no
// overlong forms, no surrogates, nothing above U+10FFFF). nullopt when the
// bytes there are not a well-formed sequence, or position is at the end.
std::optional<DecodedCodePoint> decode_utf8(std::string_view text, std::size_t position);

} // namespace kensa
