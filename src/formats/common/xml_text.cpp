#include "xml_text.hpp"

#include "utf8_text.hpp"

#include <kensa/util/strings.hpp>

#include <charconv>
#include <cstdint>
#include <cstdio>

namespace kensa::format::common {

namespace {

// XML 1.0's Char production (section 2.2).
bool is_xml_char(std::uint32_t code_point) {
  return code_point == 0x9 || code_point == 0xA || code_point == 0xD ||
         (code_point >= 0x20 && code_point <= 0xD7FF) ||
         (code_point >= 0xE000 && code_point <= 0xFFFD) ||
         (code_point >= 0x10000 && code_point <= 0x10FFFF);
}

std::string byte_text(unsigned char byte) {
  char text[8];
  std::snprintf(text, sizeof text, "0x%02X", byte);
  return text;
}

// The reference that starts at `text[at]` (a '&'), appended to `out`;
// `length` is set to its length in `text`.
Status decode_reference(std::string_view text, std::size_t at, std::string& out,
                        std::size_t& length) {
  // Longer than any reference XML allows: "&#x0010FFFF;" with room for
  // leading zeros.
  constexpr std::size_t k_longest = 32;
  const std::string_view candidate = text.substr(at, k_longest);
  const std::size_t semicolon = candidate.find(';');
  if (semicolon == std::string_view::npos || semicolon < 2 ||
      candidate.substr(1, semicolon - 1).find_first_of(" \t\r\n&<>\"'") != std::string_view::npos) {
    return fail("a '&' that starts no reference (write &amp; for the character itself)");
  }
  length = semicolon + 1;
  const std::string_view name = text.substr(at + 1, semicolon - 1);
  if (name.front() != '#') {
    static constexpr std::pair<std::string_view, char> k_entities[] = {
        {"lt", '<'}, {"gt", '>'}, {"amp", '&'}, {"apos", '\''}, {"quot", '"'}};
    for (const auto& [entity, character] : k_entities) {
      if (name == entity) {
        out += character;
        return ok_status();
      }
    }
    return fail("the entity &" + std::string(name) +
                "; is none of XML's five (&lt; &gt; &amp; &apos; &quot;), and kensa expands "
                "no entity a DTD declares");
  }
  const bool hex = name.size() > 1 && name[1] == 'x';
  const std::string_view digits = name.substr(hex ? 2 : 1);
  std::uint64_t code_point = 0;
  const auto [end, error] =
      std::from_chars(digits.data(), digits.data() + digits.size(), code_point, hex ? 16 : 10);
  if (digits.empty() || error != std::errc() || end != digits.data() + digits.size()) {
    return fail("&" + std::string(name) + "; is not a character reference");
  }
  if (code_point > 0x10FFFF || !is_xml_char(static_cast<std::uint32_t>(code_point))) {
    return fail("the character reference &" + std::string(name) +
                "; names a character XML does not allow");
  }
  append_utf8(out, static_cast<char32_t>(code_point));
  return ok_status();
}

} // namespace

Status check_xml_characters(std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x20 && byte != '\t' && byte != '\n' && byte != '\r') {
      return fail("the control character " + byte_text(byte) + ", which XML does not allow");
    }
    // U+FFFE and U+FFFF: EF BF BE and EF BF BF.
    if (byte == 0xEF && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xBF &&
        static_cast<unsigned char>(text[i + 2]) >= 0xBE) {
      return fail(
          std::string(static_cast<unsigned char>(text[i + 2]) == 0xBE ? "U+FFFE" : "U+FFFF") +
          ", which XML does not allow");
    }
  }
  if (const std::size_t at = find_invalid_utf8(text); at != std::string_view::npos) {
    return fail("invalid UTF-8 (byte " + byte_text(static_cast<unsigned char>(text[at])) + ")");
  }
  return ok_status();
}

Result<std::string_view> decode_xml_text(std::string_view raw, std::string& scratch) {
  if (auto checked = check_xml_characters(raw); !checked.ok()) {
    return fail(checked.error());
  }
  std::size_t ampersand = raw.find('&');
  if (ampersand == std::string_view::npos) {
    return raw;
  }
  scratch.clear();
  std::size_t copied = 0;
  while (ampersand != std::string_view::npos) {
    scratch.append(raw.substr(copied, ampersand - copied));
    std::size_t length = 0;
    if (auto decoded = decode_reference(raw, ampersand, scratch, length); !decoded.ok()) {
      return fail(decoded.error());
    }
    copied = ampersand + length;
    ampersand = raw.find('&', copied);
  }
  scratch.append(raw.substr(copied));
  return std::string_view(scratch);
}

} // namespace kensa::format::common
