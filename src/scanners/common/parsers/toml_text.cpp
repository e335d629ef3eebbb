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

} // namespace

std::size_t first_line_nested_deeper(std::string_view text, std::size_t max_depth) {
  // An open inline table or array, and the depth of the node it is.
  struct Open {
    bool table;
    std::size_t depth;
  };
  std::vector<Open> open;
  std::size_t line = 1;
  // Depth of the table the last header opened (0: the root).
  std::size_t header_depth = 0;
  // At the start of a top-level line, where a header may start.
  bool statement_start = true;
  // Where a key may be: a top-level line, or after '{' or ',' in an inline
  // table. Elsewhere is a value.
  bool key_position = true;
  // Segments of the key being read.
  std::size_t segments = 0;
  // The depth a value here has.
  std::size_t value_depth = 0;
  auto container_depth = [&] { return open.empty() ? header_depth : open.back().depth; };

  std::size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    if (c == '\n') {
      ++line;
      ++i;
      if (open.empty()) {
        statement_start = true;
        key_position = true;
        segments = 0;
      }
      continue;
    }
    if (is_blank(c)) {
      ++i;
      continue;
    }
    if (c == '#') {
      i = std::min(text.find('\n', i), text.size());
      continue;
    }
    if (statement_start && c == '[') {
      // [a.b.c] or [[a.b.c]], whose array holds the table one level down.
      statement_start = false;
      key_position = false;
      std::size_t depth = 1;
      ++i;
      if (i < text.size() && text[i] == '[') {
        ++depth;
        ++i;
      }
      while (i < text.size() && text[i] != '\n' && text[i] != ']') {
        if (text[i] == '"' || text[i] == '\'') {
          i = skip_string(text, i, line);
          continue;
        }
        if (text[i] == '.' && ++depth > max_depth) {
          return line;
        }
        ++i;
      }
      if (depth > max_depth) {
        return line;
      }
      header_depth = depth;
      continue;
    }
    statement_start = false;
    if (c == '"' || c == '\'') {
      segments = key_position ? std::max<std::size_t>(segments, 1) : segments;
      i = skip_string(text, i, line);
      continue;
    }
    ++i;
    if (c == '}' || c == ']') {
      if (!open.empty()) {
        open.pop_back();
      }
      // What follows is the next array element, or what ends the value.
      key_position = false;
      if (!open.empty() && !open.back().table) {
        value_depth = open.back().depth + 1;
      }
      continue;
    }
    if (c == ',') {
      if (!open.empty() && open.back().table) {
        key_position = true;
        segments = 0;
      } else if (!open.empty()) {
        value_depth = open.back().depth + 1;
      }
      continue;
    }
    if (key_position) {
      if (c == '=') {
        key_position = false;
        value_depth = container_depth() + std::max<std::size_t>(segments, 1);
        segments = 0;
      } else if (c == '.') {
        ++segments;
      } else {
        segments = std::max<std::size_t>(segments, 1);
      }
      if (container_depth() + segments > max_depth || value_depth > max_depth) {
        return line;
      }
      continue;
    }
    if (c == '{' || c == '[') {
      open.push_back(Open{c == '{', value_depth});
      key_position = c == '{';
      segments = 0;
      value_depth += 1;
      if (value_depth > max_depth) {
        return line;
      }
    }
  }
  return 0;
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
