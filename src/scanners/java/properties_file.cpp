#include "properties_file.hpp"

#include <kensa/util/strings.hpp>

#include <algorithm>
#include <vector>

namespace kensa::scanner::java {

namespace {

bool is_blank(char c) {
  return c == ' ' || c == '\t' || c == '\f';
}

// Logical lines: a physical line ending in an odd number of backslashes
// continues on the next one, whose leading blanks are dropped.
std::vector<std::string> logical_lines(std::string_view text) {
  std::vector<std::string> lines;
  std::string current;
  bool continuing = false;
  std::size_t at = 0;
  while (at <= text.size()) {
    std::size_t end = text.find_first_of("\r\n", at);
    if (end == std::string_view::npos) {
      end = text.size();
    }
    std::string_view line = text.substr(at, end - at);
    at = end + 1;
    if (end < text.size() && text[end] == '\r' && at < text.size() && text[at] == '\n') {
      ++at;
    }
    std::size_t first = 0;
    while (first < line.size() && is_blank(line[first])) {
      ++first;
    }
    line.remove_prefix(first);
    if (!continuing && (line.empty() || line.front() == '#' || line.front() == '!')) {
      if (end == text.size()) {
        break;
      }
      continue;
    }
    std::size_t backslashes = 0;
    while (backslashes < line.size() && line[line.size() - 1 - backslashes] == '\\') {
      ++backslashes;
    }
    if (backslashes % 2 == 1) {
      current.append(line.substr(0, line.size() - 1));
      continuing = true;
    } else {
      current.append(line);
      lines.push_back(std::move(current));
      current.clear();
      continuing = false;
    }
    if (end == text.size()) {
      break;
    }
  }
  if (continuing) {
    lines.push_back(std::move(current));
  }
  return lines;
}

// Resolves the backslash escapes of a key or a value.
std::string unescape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c != '\\' || i + 1 == text.size()) {
      out += c;
      continue;
    }
    char next = text[++i];
    switch (next) {
    case 't':
      out += '\t';
      break;
    case 'n':
      out += '\n';
      break;
    case 'r':
      out += '\r';
      break;
    case 'f':
      out += '\f';
      break;
    case 'u': {
      unsigned code = 0;
      // Four hex digits follow at text[i + 1 .. i + 4].
      bool valid = i + 4 < text.size();
      for (std::size_t k = 1; valid && k <= 4; ++k) {
        int digit = hex_digit_value(text[i + k]);
        valid = digit >= 0;
        code = code * 16 + static_cast<unsigned>(valid ? digit : 0);
      }
      if (valid) {
        append_utf8(out, code);
        i += 4;
      } else {
        // java.util.Properties rejects a malformed \\u; keeping the text
        // loses nothing.
        out += "\\u";
      }
      break;
    }
    default:
      out += next;
    }
  }
  return out;
}

} // namespace

std::map<std::string, std::string> parse_properties(std::string_view text) {
  std::map<std::string, std::string> properties;
  std::size_t count = 0;
  for (const std::string& line : logical_lines(text)) {
    if (++count > k_max_property_count) {
      break;
    }
    // The key ends at the first unescaped '=', ':' or blank.
    std::size_t key_end = 0;
    while (key_end < line.size()) {
      char c = line[key_end];
      if (c == '\\') {
        key_end += 2;
        continue;
      }
      if (c == '=' || c == ':' || is_blank(c)) {
        break;
      }
      ++key_end;
    }
    key_end = std::min(key_end, line.size());
    std::size_t value_start = key_end;
    while (value_start < line.size() && is_blank(line[value_start])) {
      ++value_start;
    }
    if (value_start < line.size() && (line[value_start] == '=' || line[value_start] == ':')) {
      ++value_start;
    }
    while (value_start < line.size() && is_blank(line[value_start])) {
      ++value_start;
    }
    std::string_view view(line);
    properties[unescape(view.substr(0, key_end))] = unescape(view.substr(value_start));
  }
  return properties;
}

} // namespace kensa::scanner::java
