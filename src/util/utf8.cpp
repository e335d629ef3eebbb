#include <kensa/util/utf8.hpp>

namespace kensa {

namespace {

bool is_continuation(unsigned char byte) {
  return (byte & 0xC0) == 0x80;
}

} // namespace

std::optional<DecodedCodePoint> decode_utf8(std::string_view text, std::size_t position) {
  if (position >= text.size()) {
    return std::nullopt;
  }
  const auto lead = static_cast<unsigned char>(text[position]);
  std::size_t length = 0;
  char32_t code_point = 0;
  char32_t smallest = 0;
  if (lead < 0x80) {
    return DecodedCodePoint{lead, 1};
  }
  if ((lead & 0xE0) == 0xC0) {
    length = 2;
    code_point = lead & 0x1F;
    smallest = 0x80;
  } else if ((lead & 0xF0) == 0xE0) {
    length = 3;
    code_point = lead & 0x0F;
    smallest = 0x800;
  } else if ((lead & 0xF8) == 0xF0) {
    length = 4;
    code_point = lead & 0x07;
    smallest = 0x10000;
  } else {
    return std::nullopt;
  }
  if (text.size() - position < length) {
    return std::nullopt;
  }
  for (std::size_t index = 1; index < length; ++index) {
    const auto byte = static_cast<unsigned char>(text[position + index]);
    if (!is_continuation(byte)) {
      return std::nullopt;
    }
    code_point = (code_point << 6) | (byte & 0x3F);
  }
  // Overlong forms could smuggle a control character past a check that
  // looks at decoded values; surrogates and values past U+10FFFF are not
  // characters.
  if (code_point < smallest || code_point > 0x10FFFF ||
      (code_point >= 0xD800 && code_point <= 0xDFFF)) {
    return std::nullopt;
  }
  return DecodedCodePoint{code_point, length};
}

} // namespace kensa
