// Source lines of an SPDX 2 text document's JSON shape (spdx2_tree.hpp).
#include <kensa/format/spdx2_tree.hpp>

#include <charconv>

namespace kensa::format {

namespace {

// The next reference token of a JSON Pointer, unescaped; `pointer` is left
// after it.
std::string next_token(std::string_view& pointer) {
  pointer.remove_prefix(1); // The '/'.
  const auto end = pointer.find('/');
  const std::string_view escaped = pointer.substr(0, end);
  pointer.remove_prefix(escaped.size());
  std::string token;
  for (std::size_t i = 0; i < escaped.size(); ++i) {
    if (escaped[i] == '~' && i + 1 < escaped.size() &&
        (escaped[i + 1] == '0' || escaped[i + 1] == '1')) {
      token += escaped[i + 1] == '0' ? '~' : '/';
      ++i;
    } else {
      token += escaped[i];
    }
  }
  return token;
}

} // namespace

std::size_t Spdx2Tree::line_of(std::string_view pointer) const {
  const auto line_at = [&](const json::Value& value) -> std::size_t {
    return value.order() < node_lines.size() ? node_lines[value.order()] : 0;
  };
  json::Value current = document.root();
  std::size_t line = line_at(current);
  while (!pointer.empty() && pointer.front() == '/') {
    const std::string token = next_token(pointer);
    if (current.is_array()) {
      std::size_t index = 0;
      const auto parsed = std::from_chars(token.data(), token.data() + token.size(), index);
      if (parsed.ec != std::errc() || parsed.ptr != token.data() + token.size()) {
        break;
      }
      current = current[index];
    } else {
      current = current[token];
    }
    if (!current.exists()) {
      break;
    }
    if (const std::size_t own = line_at(current); own != 0) {
      line = own;
    }
  }
  return line;
}

} // namespace kensa::format
