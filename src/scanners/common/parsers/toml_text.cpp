#include "toml_text.hpp"

#include <algorithm>
#include <string>
#include <vector>

namespace kensa::scanner {

namespace {

bool is_blank(char c) {
  return c == ' ' || c == '\t' || c == '\r';
}

// The index just past the string that starts at text[i] (a quote), counting
// the newlines a multi-line string crosses. An unterminated one-line string
// ends at its line's end, where toml++ will report it.
std::size_t skip_string(std::string_view text, std::size_t i, std::size_t& line) {
  const char quote = text[i];
  const bool escapes = quote == '"';
  const std::string triple(3, quote);
  if (text.substr(i, 3) == triple) {
    for (i += 3; i < text.size(); ++i) {
      if (text[i] == '\n') {
        ++line;
      } else if (escapes && text[i] == '\\' && i + 1 < text.size()) {
        ++i;
        line += text[i] == '\n' ? 1 : 0;
      } else if (text.substr(i, 3) == triple) {
        i += 3;
        // A closing triple may be preceded by one or two quotes of the content.
        for (int extra = 0; extra < 2 && i < text.size() && text[i] == quote; ++extra) {
          ++i;
        }
        return i;
      }
    }
    return text.size();
  }
  for (++i; i < text.size() && text[i] != '\n'; ++i) {
    if (escapes && text[i] == '\\' && i + 1 < text.size() && text[i + 1] != '\n') {
      ++i;
    } else if (text[i] == quote) {
      return i + 1;
    }
  }
  return i;
}

// A lexical walk of TOML text that follows how deep each place nests:
// table headers, dotted keys, inline tables and arrays, added up along one
// path.
class DepthScan {
 public:
  DepthScan(std::string_view text, std::size_t max_depth) : m_text(text), m_max_depth(max_depth) {}

  // The line of the first place nested deeper than the cap, or 0.
  std::size_t run() {
    while (m_at < m_text.size()) {
      const char c = m_text[m_at];
      if (c == '\n') {
        end_line();
        continue;
      }
      if (is_blank(c)) {
        ++m_at;
        continue;
      }
      if (c == '#') {
        m_at = std::min(m_text.find('\n', m_at), m_text.size());
        continue;
      }
      if (m_statement_start && c == '[') {
        if (too_deep_header()) {
          return m_line;
        }
        continue;
      }
      m_statement_start = false;
      if (c == '"' || c == '\'') {
        m_segments = m_key_position ? std::max<std::size_t>(m_segments, 1) : m_segments;
        m_at = skip_string(m_text, m_at, m_line);
        continue;
      }
      ++m_at;
      if (c == '}' || c == ']') {
        close();
      } else if (c == ',') {
        next_entry();
      } else if (m_key_position ? too_deep_key(c) : too_deep_opening(c)) {
        return m_line;
      }
    }
    return 0;
  }

 private:
  // An open inline table or array, and the depth of the node it is.
  struct Open {
    bool table;
    std::size_t depth;
  };

  std::size_t container_depth() const {
    return m_open.empty() ? m_header_depth : m_open.back().depth;
  }

  void end_line() {
    ++m_line;
    ++m_at;
    if (m_open.empty()) {
      m_statement_start = true;
      m_key_position = true;
      m_segments = 0;
    }
  }

  // [a.b.c] or [[a.b.c]], whose array holds the table one level down.
  bool too_deep_header() {
    m_statement_start = false;
    m_key_position = false;
    std::size_t depth = 1;
    ++m_at;
    if (m_at < m_text.size() && m_text[m_at] == '[') {
      ++depth;
      ++m_at;
    }
    while (m_at < m_text.size() && m_text[m_at] != '\n' && m_text[m_at] != ']') {
      if (m_text[m_at] == '"' || m_text[m_at] == '\'') {
        m_at = skip_string(m_text, m_at, m_line);
        continue;
      }
      if (m_text[m_at] == '.' && ++depth > m_max_depth) {
        return true;
      }
      ++m_at;
    }
    m_header_depth = depth;
    return depth > m_max_depth;
  }

  void close() {
    if (!m_open.empty()) {
      m_open.pop_back();
    }
    // What follows is the next array element, or what ends the value.
    m_key_position = false;
    if (!m_open.empty() && !m_open.back().table) {
      m_value_depth = m_open.back().depth + 1;
    }
  }

  void next_entry() {
    if (!m_open.empty() && m_open.back().table) {
      m_key_position = true;
      m_segments = 0;
    } else if (!m_open.empty()) {
      m_value_depth = m_open.back().depth + 1;
    }
  }

  bool too_deep_key(char c) {
    if (c == '=') {
      m_key_position = false;
      m_value_depth = container_depth() + std::max<std::size_t>(m_segments, 1);
      m_segments = 0;
    } else if (c == '.') {
      ++m_segments;
    } else {
      m_segments = std::max<std::size_t>(m_segments, 1);
    }
    return container_depth() + m_segments > m_max_depth || m_value_depth > m_max_depth;
  }

  bool too_deep_opening(char c) {
    if (c != '{' && c != '[') {
      return false;
    }
    m_open.push_back(Open{c == '{', m_value_depth});
    m_key_position = c == '{';
    m_segments = 0;
    m_value_depth += 1;
    return m_value_depth > m_max_depth;
  }

  std::string_view m_text;
  std::size_t m_max_depth;
  std::size_t m_at = 0;
  std::size_t m_line = 1;
  std::vector<Open> m_open;
  // Depth of the table the last header opened (0: the root).
  std::size_t m_header_depth = 0;
  // At the start of a top-level line, where a header may start.
  bool m_statement_start = true;
  // Where a key may be: a top-level line, or after '{' or ',' in an inline
  // table. Elsewhere is a value.
  bool m_key_position = true;
  // Segments of the key being read.
  std::size_t m_segments = 0;
  // The depth a value here has.
  std::size_t m_value_depth = 0;
};

} // namespace

std::size_t first_line_nested_deeper(std::string_view text, std::size_t max_depth) {
  return DepthScan(text, max_depth).run();
}

Result<toml::table> parse_toml(std::string_view text) {
  if (std::size_t line = first_line_nested_deeper(text, k_max_toml_depth); line != 0) {
    return fail("nested deeper than " + std::to_string(k_max_toml_depth) + " levels (line " +
                std::to_string(line) + "); not read");
  }
  try {
    return toml::parse(text);
  } catch (const toml::parse_error& error) {
    const auto& begin = error.source().begin;
    return fail("not valid TOML: " + std::string(error.description()) + " (line " +
                std::to_string(begin.line) + ", column " + std::to_string(begin.column) + ")");
  }
}

} // namespace kensa::scanner
