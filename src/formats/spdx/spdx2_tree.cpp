// Source lines of an SPDX 2 text document's JSON shape (spdx2_tree.hpp).
#include <kensa/format/spdx2_tree.hpp>

#include <charconv>

namespace kensa::format {

std::size_t Spdx2Tree::line_of(std::string_view pointer) const {
  const auto line_at = [&](const json::Value& value) -> std::size_t {
    return value.order() < node_lines.size() ? node_lines[value.order()] : 0;
  };
  json::Value current = document.root();
  std::size_t line = line_at(current);
  const auto tokens = json::parse_pointer(pointer);
  if (!tokens) {
    return line;
  }
  for (const std::string& token : *tokens) {
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
