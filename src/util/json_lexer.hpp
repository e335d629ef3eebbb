#pragma once

#include <kensa/util/json_document.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

// The lexical half of the JSON parser (json_parser.cpp builds the tree):
// strings with their escapes and UTF-8 checked, numbers, whitespace, and
// syntax errors with their line and column. It reads one text from a
// cursor the parser moves on.
namespace kensa::json::detail {

class Lexer {
 public:
  explicit Lexer(std::string_view text) : m_text(text) {}

  // The error of the last failed step ("line L, column C: what").
  const std::string& error_message() const { return m_error; }

 protected:
  // The characters after an opening quote, up to and including the closing
  // one, appended to `out` unescaped; `offset` and `length` locate them in
  // `out`. False (with the error set) on a malformed string.
  bool read_string(std::string& out, std::size_t& offset, std::uint32_t& length);

  // The same string when it has no escape and is well-formed: `offset` and
  // `length` locate it in the text. Otherwise false, with the cursor left
  // where it was and no error, for read_string to copy and unescape it.
  bool borrow_string(std::size_t& offset, std::uint32_t& length);

  // The extent of the number at the cursor, moved past it; `integral` when
  // it has neither fraction nor exponent. False (with the error set) when
  // it is malformed.
  bool scan_number(std::string_view& number, bool& integral);

  // The type (integer, unsigned_integer or real, as Type says) and value
  // of a number scan_number found.
  static void decode_number(std::string_view number, bool integral, Type& type, Number& value);

  void skip_whitespace() {
    while (m_at < m_text.size()) {
      const char c = m_text[m_at];
      if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
        return;
      }
      ++m_at;
    }
  }

  // Whether the text continues with `c` at the cursor.
  bool at(char c) const { return m_at < m_text.size() && m_text[m_at] == c; }

  // `c` for a message, hex-escaped when it is not printable ASCII.
  static std::string printable(char c);

  // A syntax error at the cursor, with its line and column; always false.
  bool error(const std::string& what);
  // An error that is not about one place in the text; always false.
  bool error_plain(std::string what);

  std::string_view m_text;
  std::size_t m_at = 0;

 private:
  bool parse_escape(std::string& out);
  bool read_hex4(std::uint32_t& value);
  bool parse_unicode_escape(std::string& out);

  std::string m_error;
};

} // namespace kensa::json::detail
