#include "trailing_commas.hpp"

namespace kensa::scanner::bun {

std::string without_trailing_commas(std::string_view text) {
  std::string out(text);
  std::size_t pending_comma = std::string::npos;
  for (std::size_t i = 0; i < out.size(); ++i) {
    char c = out[i];
    if (c == '"') {
      pending_comma = std::string::npos;
      for (++i; i < out.size() && out[i] != '"'; ++i) {
        if (out[i] == '\\') {
          ++i;
        }
      }
      continue;
    }
    if (c == '/' && i + 1 < out.size() && out[i + 1] == '/') {
      for (; i < out.size() && out[i] != '\n'; ++i) {
        out[i] = ' ';
      }
      continue;
    }
    if (c == '/' && i + 1 < out.size() && out[i + 1] == '*') {
      std::size_t end = out.find("*/", i + 2);
      end = end == std::string::npos ? out.size() : end + 2;
      for (; i < end; ++i) {
        if (out[i] != '\n') {
          out[i] = ' ';
        }
      }
      --i;
      continue;
    }
    if (c == ',') {
      pending_comma = i;
    } else if ((c == '}' || c == ']') && pending_comma != std::string::npos) {
      out[pending_comma] = ' ';
      pending_comma = std::string::npos;
    } else if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
      pending_comma = std::string::npos;
    }
  }
  return out;
}

} // namespace kensa::scanner::bun
