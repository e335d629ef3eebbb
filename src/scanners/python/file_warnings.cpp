#include "file_warnings.hpp"

namespace kensa::scanner::python {

FileWarnings::~FileWarnings() {
  if (m_suppressed > 0) {
    // Bypasses the cap on purpose: this is the line saying the cap was hit.
    m_context.warn(m_location,
                   std::to_string(m_suppressed) + " further warning(s) about this file not shown");
  }
}

void FileWarnings::warn(std::string message) {
  if (m_shown >= k_max_warnings_per_file) {
    ++m_suppressed;
    return;
  }
  ++m_shown;
  m_context.warn(m_location, std::move(message));
}

} // namespace kensa::scanner::python
