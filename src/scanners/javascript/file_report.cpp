#include "file_report.hpp"

#include <algorithm>

namespace kensa::scanner::javascript {

FileReport::~FileReport() {
  if (m_suppressed > 0) {
    // Bypasses the cap on purpose: this is the line saying the cap was hit.
    m_context.warn(m_location,
                   std::to_string(m_suppressed) + " further warning(s) about this file not shown");
  }
}

void FileReport::warn(std::string message) {
  if (m_warnings >= k_max_warnings_per_file) {
    ++m_suppressed;
    return;
  }
  ++m_warnings;
  m_context.warn(m_location, std::move(message));
}

void FileReport::warn_at(std::size_t line, std::string message) {
  if (line == 0) {
    warn(std::move(message));
    return;
  }
  warn("line " + std::to_string(line) + ": " + message);
}

std::size_t line_of(std::string_view text, std::size_t offset) {
  offset = std::min(offset, text.size());
  return 1 + static_cast<std::size_t>(std::count(text.begin(), text.begin() + offset, '\n'));
}

} // namespace kensa::scanner::javascript
