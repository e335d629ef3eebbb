#include "json_lexer.hpp"

#include <kensa/util/strings.hpp>

#include <algorithm>
#include <bit>
#include <charconv>
#include <cstdio>
#include <cstring>
#include <limits>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace kensa::json::detail {

namespace {

// Length of the well-formed UTF-8 sequence starting at `at` (its first byte
// >= 0x80), or 0 when it is not one (overlong forms, surrogates and code
// points above U+10FFFF included).
std::size_t utf8_sequence(std::string_view text, std::size_t at) {
  const auto byte = [&](std::size_t i) {
    return i < text.size() ? static_cast<unsigned char>(text[i]) : 0u;
  };
  const unsigned lead = byte(at);
  const auto continuation = [&](std::size_t i, unsigned low = 0x80, unsigned high = 0xBF) {
    const unsigned value = byte(i);
    return value >= low && value <= high;
  };
  if (lead >= 0xC2 && lead <= 0xDF) {
    return continuation(at + 1) ? 2 : 0;
  }
  if (lead >= 0xE0 && lead <= 0xEF) {
    const unsigned low = lead == 0xE0 ? 0xA0 : 0x80;
    const unsigned high = lead == 0xED ? 0x9F : 0xBF;
    return continuation(at + 1, low, high) && continuation(at + 2) ? 3 : 0;
  }
  if (lead >= 0xF0 && lead <= 0xF4) {
    const unsigned low = lead == 0xF0 ? 0x90 : 0x80;
    const unsigned high = lead == 0xF4 ? 0x8F : 0xBF;
    return continuation(at + 1, low, high) && continuation(at + 2) && continuation(at + 3) ? 4 : 0;
  }
  return 0;
}

// Whether none of the 8 bytes at `bytes` is a quote, a backslash, a control
// character or a non-ASCII byte (the bit tricks of "Bit Twiddling Hacks":
// a byte below n shows as a set high bit in (x - n) & ~x).
bool plain_block(const char* bytes) {
  std::uint64_t word = 0;
  std::memcpy(&word, bytes, sizeof word);
  constexpr std::uint64_t ones = 0x0101010101010101ULL;
  constexpr std::uint64_t high_bits = 0x8080808080808080ULL;
  const auto has_zero_byte = [&](std::uint64_t value) {
    return (value - ones) & ~value & high_bits;
  };
  const std::uint64_t special = has_zero_byte(word ^ (ones * '"')) |
                                has_zero_byte(word ^ (ones * '\\')) |
                                ((word - ones * 0x20) & ~word & high_bits) | (word & high_bits);
  return special == 0;
}

// How many bytes from `begin` on (before `end`) are plain: no quote,
// backslash, control character or non-ASCII byte. Sixteen at a time where
// the processor has SSE2 (every x86-64 one): one signed comparison finds
// both the control characters and the bytes from 0x80 on, which are
// negative as signed bytes, and the mask gives the first special byte's
// place without a byte-by-byte search.
std::size_t plain_prefix(const char* begin, const char* end) {
  const char* at = begin;
#if defined(__SSE2__)
  const __m128i quote = _mm_set1_epi8('"');
  const __m128i backslash = _mm_set1_epi8('\\');
  const __m128i space = _mm_set1_epi8(0x20);
  while (end - at >= 16) {
    const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(at));
    const __m128i special =
        _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(block, quote), _mm_cmpeq_epi8(block, backslash)),
                     _mm_cmplt_epi8(block, space));
    const auto mask = static_cast<unsigned>(_mm_movemask_epi8(special));
    if (mask != 0) {
      return static_cast<std::size_t>(at - begin) +
             static_cast<std::size_t>(std::countr_zero(mask));
    }
    at += 16;
  }
#endif
  while (end - at >= 8 && plain_block(at)) {
    at += 8;
  }
  while (at < end) {
    const auto c = static_cast<unsigned char>(*at);
    if (c == '"' || c == '\\' || c < 0x20 || c >= 0x80) {
      break;
    }
    ++at;
  }
  return static_cast<std::size_t>(at - begin);
}

} // namespace

bool Lexer::read_string(std::string& out, std::size_t& offset, std::uint32_t& length) {
  const std::size_t start = out.size();
  while (true) {
    // The run of characters that need no work, eight at a time while none
    // of them does.
    const std::size_t run_start = m_at;
    m_at += plain_prefix(m_text.data() + m_at, m_text.data() + m_text.size());
    out.append(m_text.data() + run_start, m_at - run_start);
    if (m_at >= m_text.size()) {
      return error("unterminated string");
    }
    const auto c = static_cast<unsigned char>(m_text[m_at]);
    if (c == '"') {
      ++m_at;
      break;
    }
    if (c >= 0x80) {
      const std::size_t sequence = utf8_sequence(m_text, m_at);
      if (sequence == 0) {
        return error("invalid UTF-8 in a string");
      }
      out.append(m_text.data() + m_at, sequence);
      m_at += sequence;
      continue;
    }
    if (c < 0x20) {
      return error("control character in a string (it must be escaped)");
    }
    if (!parse_escape(out)) {
      return false;
    }
  }
  const std::size_t size = out.size() - start;
  if (size > std::numeric_limits<std::uint32_t>::max()) {
    return error_plain("a string is longer than 4 GiB");
  }
  offset = start;
  length = static_cast<std::uint32_t>(size);
  return true;
}

bool Lexer::borrow_string(std::size_t& offset, std::uint32_t& length) {
  const std::size_t start = m_at;
  std::size_t at = m_at;
  while (true) {
    at += plain_prefix(m_text.data() + at, m_text.data() + m_text.size());
    if (at >= m_text.size()) {
      return false;
    }
    const auto c = static_cast<unsigned char>(m_text[at]);
    if (c == '"') {
      break;
    }
    if (c == '\\' || c < 0x20) {
      return false;
    }
    if (c >= 0x80) {
      const std::size_t sequence = utf8_sequence(m_text, at);
      if (sequence == 0) {
        return false;
      }
      at += sequence;
    } else {
      ++at;
    }
  }
  if (at - start > std::numeric_limits<std::uint32_t>::max()) {
    return false;
  }
  offset = start;
  length = static_cast<std::uint32_t>(at - start);
  m_at = at + 1;
  return true;
}

// A backslash escape at the cursor.
bool Lexer::parse_escape(std::string& out) {
  ++m_at;
  if (m_at >= m_text.size()) {
    return error("unterminated string");
  }
  const char c = m_text[m_at++];
  switch (c) {
  case '"':
    out += '"';
    return true;
  case '\\':
    out += '\\';
    return true;
  case '/':
    out += '/';
    return true;
  case 'b':
    out += '\b';
    return true;
  case 'f':
    out += '\f';
    return true;
  case 'n':
    out += '\n';
    return true;
  case 'r':
    out += '\r';
    return true;
  case 't':
    out += '\t';
    return true;
  case 'u':
    return parse_unicode_escape(out);
  default:
    --m_at;
    return error(std::string("invalid escape '\\") + printable(c) + "'");
  }
}

bool Lexer::read_hex4(std::uint32_t& value) {
  if (m_at + 4 > m_text.size()) {
    return error("incomplete \\u escape");
  }
  value = 0;
  for (int i = 0; i < 4; ++i) {
    const int digit = hex_digit_value(m_text[m_at + static_cast<std::size_t>(i)]);
    if (digit < 0) {
      return error("\\u must be followed by four hex digits");
    }
    value = value * 16 + static_cast<std::uint32_t>(digit);
  }
  m_at += 4;
  return true;
}

bool Lexer::parse_unicode_escape(std::string& out) {
  std::uint32_t code_point = 0;
  if (!read_hex4(code_point)) {
    return false;
  }
  if (code_point >= 0xDC00 && code_point <= 0xDFFF) {
    return error("a low surrogate \\u escape without a high one before it");
  }
  if (code_point >= 0xD800 && code_point <= 0xDBFF) {
    if (m_text.substr(m_at, 2) != "\\u") {
      return error("a high surrogate \\u escape must be followed by a low one");
    }
    m_at += 2;
    std::uint32_t low = 0;
    if (!read_hex4(low)) {
      return false;
    }
    if (low < 0xDC00 || low > 0xDFFF) {
      return error("a high surrogate \\u escape must be followed by a low one");
    }
    code_point = 0x10000 + ((code_point - 0xD800) << 10) + (low - 0xDC00);
  }
  append_utf8(out, code_point);
  return true;
}

bool Lexer::scan_number(std::string_view& number, bool& integral) {
  const std::size_t start = m_at;
  const auto digit = [&](std::size_t i) {
    return i < m_text.size() && m_text[i] >= '0' && m_text[i] <= '9';
  };
  if (m_text[m_at] == '-') {
    ++m_at;
  }
  if (!digit(m_at)) {
    return error("a number needs digits");
  }
  if (m_text[m_at] == '0') {
    ++m_at;
    if (digit(m_at)) {
      return error("a number cannot have leading zeros");
    }
  } else {
    while (digit(m_at)) {
      ++m_at;
    }
  }
  integral = true;
  if (at('.')) {
    integral = false;
    ++m_at;
    if (!digit(m_at)) {
      return error("a number needs digits after its decimal point");
    }
    while (digit(m_at)) {
      ++m_at;
    }
  }
  if (at('e') || at('E')) {
    integral = false;
    ++m_at;
    if (at('+') || at('-')) {
      ++m_at;
    }
    if (!digit(m_at)) {
      return error("a number needs digits in its exponent");
    }
    while (digit(m_at)) {
      ++m_at;
    }
  }
  number = m_text.substr(start, m_at - start);
  return true;
}

void Lexer::decode_number(std::string_view number, bool integral, Type& type, Number& value) {
  const char* first = number.data();
  const char* last = number.data() + number.size();
  if (integral) {
    if (*first == '-') {
      std::int64_t integer = 0;
      if (std::from_chars(first, last, integer).ec == std::errc()) {
        type = Type::integer;
        value.integer = integer;
        return;
      }
    } else {
      std::uint64_t unsigned_integer = 0;
      if (std::from_chars(first, last, unsigned_integer).ec == std::errc()) {
        type = Type::unsigned_integer;
        value.unsigned_integer = unsigned_integer;
        return;
      }
    }
  }
  type = Type::real;
  double real = 0;
  const auto status = std::from_chars(first, last, real).ec;
  if (status == std::errc::result_out_of_range) {
    // Beyond a double's range: a negative exponent makes it zero, anything
    // else infinity, keeping the sign, as strtod does.
    const auto exponent = number.find_first_of("eE");
    const bool tiny = exponent != std::string_view::npos && exponent + 1 < number.size() &&
                      number[exponent + 1] == '-';
    real = tiny ? 0.0 : std::numeric_limits<double>::infinity();
    real = *first == '-' ? -real : real;
  }
  value.real = real;
}

std::string Lexer::printable(char c) {
  if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) >= 0x7F) {
    char buffer[8];
    std::snprintf(buffer, sizeof buffer, "\\x%02X", static_cast<unsigned char>(c));
    return buffer;
  }
  return std::string(1, c);
}

bool Lexer::error(const std::string& what) {
  const std::size_t position = std::min(m_at, m_text.size());
  const auto before = m_text.substr(0, position);
  const std::size_t line =
      1 + static_cast<std::size_t>(std::count(before.begin(), before.end(), '\n'));
  const auto line_start = before.rfind('\n');
  const std::size_t column =
      line_start == std::string_view::npos ? position : position - line_start - 1;
  m_error = "line " + std::to_string(line) + ", column " + std::to_string(column + 1) + ": " + what;
  return false;
}

bool Lexer::error_plain(std::string what) {
  m_error = std::move(what);
  return false;
}

} // namespace kensa::json::detail
