#include "utf8.hpp"

namespace kensa::validate::schema {

char32_t next_code_point(std::string_view text, std::size_t& position) {
  const auto lead = static_cast<unsigned char>(text[position]);
  std::size_t length = 1;
  char32_t value = lead;
  if (lead >= 0xF0 && lead < 0xF8) {
    length = 4;
    value = lead & 0x07;
  } else if (lead >= 0xE0) {
    length = 3;
    value = lead & 0x0F;
  } else if (lead >= 0xC0) {
    length = 2;
    value = lead & 0x1F;
  } else if (lead >= 0x80) {
    ++position;
    return 0xFFFD;
  }
  if (length == 1) {
    ++position;
    return value;
  }
  if (position + length > text.size()) {
    ++position;
    return 0xFFFD;
  }
  for (std::size_t i = 1; i < length; ++i) {
    const auto byte = static_cast<unsigned char>(text[position + i]);
    if ((byte & 0xC0) != 0x80) {
      ++position;
      return 0xFFFD;
    }
    value = (value << 6) | (byte & 0x3F);
  }
  position += length;
  return value;
}

std::size_t count_code_points(std::string_view text) {
  // Every byte that is not a continuation byte starts a code point.
  std::size_t count = 0;
  for (const char c : text) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
      ++count;
    }
  }
  return count;
}

} // namespace kensa::validate::schema
