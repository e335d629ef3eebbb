#include <kensa/util/terminal_text.hpp>
#include <kensa/util/utf8.hpp>

#include <array>
#include <cstdio>

namespace kensa {

namespace {

bool is_control(char32_t code_point) {
  return code_point < 0x20 || (code_point >= 0x7F && code_point <= 0x9F);
}

// U+061C, U+200E-U+200F, U+202A-U+202E, U+2066-U+2069: the marks and
// embeddings that reorder what a terminal shows ("Trojan Source").
bool is_bidi_control(char32_t code_point) {
  return code_point == 0x061C || code_point == 0x200E || code_point == 0x200F ||
         (code_point >= 0x202A && code_point <= 0x202E) ||
         (code_point >= 0x2066 && code_point <= 0x2069);
}

void append_escape(std::string& out, char32_t code_point) {
  switch (code_point) {
  case '\n':
    out += "\\n";
    return;
  case '\r':
    out += "\\r";
    return;
  case '\t':
    out += "\\t";
    return;
  case 0x1B:
    out += "\\e";
    return;
  default:
    break;
  }
  std::array<char, 16> buffer{};
  if (code_point < 0x80) {
    std::snprintf(buffer.data(), buffer.size(), "\\x%02x", static_cast<unsigned>(code_point));
  } else {
    std::snprintf(buffer.data(), buffer.size(), "\\u{%04x}", static_cast<unsigned>(code_point));
  }
  out += buffer.data();
}

template <typename Visit>
void walk(std::string_view text, Visit&& visit) {
  std::size_t position = 0;
  while (position < text.size()) {
    const auto decoded = decode_utf8(text, position);
    if (!decoded) {
      // One byte at a time, so a broken sequence cannot hide the bytes
      // after it.
      if (!visit(std::string_view{}, static_cast<unsigned char>(text[position]), true)) {
        return;
      }
      ++position;
      continue;
    }
    const bool escape = is_control(decoded->code_point) || is_bidi_control(decoded->code_point);
    if (!visit(text.substr(position, decoded->length), decoded->code_point, escape)) {
      return;
    }
    position += decoded->length;
  }
}

} // namespace

std::string escape_for_terminal(std::string_view text) {
  if (!needs_terminal_escape(text)) {
    return std::string(text);
  }
  std::string out;
  out.reserve(text.size() + 16);
  walk(text, [&](std::string_view bytes, char32_t value, bool escape) {
    if (!escape) {
      out += bytes;
    } else if (bytes.empty()) {
      std::array<char, 8> buffer{};
      std::snprintf(buffer.data(), buffer.size(), "\\x%02x", static_cast<unsigned>(value));
      out += buffer.data();
    } else {
      append_escape(out, value);
    }
    return true;
  });
  return out;
}

bool needs_terminal_escape(std::string_view text) {
  bool found = false;
  walk(text, [&](std::string_view, char32_t, bool escape) {
    found = escape;
    return !found;
  });
  return found;
}

} // namespace kensa
