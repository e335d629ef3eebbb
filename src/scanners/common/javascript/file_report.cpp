#include "file_report.hpp"

#include <algorithm>

namespace kensa::scanner::javascript {

void FileReport::warn_at(std::size_t line, std::string message) {
  if (line == 0) {
    warn(std::move(message));
    return;
  }
  warn("line " + std::to_string(line) + ": " + message);
}

void FileReport::omit_at(std::size_t line, std::string message) {
  m_context.omit(m_location,
                 line == 0 ? std::move(message) : "line " + std::to_string(line) + ": " + message);
}

std::size_t line_of(std::string_view text, std::size_t offset) {
  offset = std::min(offset, text.size());
  return 1 + static_cast<std::size_t>(std::count(text.begin(), text.begin() + offset, '\n'));
}

} // namespace kensa::scanner::javascript
