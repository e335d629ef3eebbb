#pragma once

#include <kensa/scanner/scanner.hpp>

#include <cstddef>
#include <string>

// Warnings about one file, capped so that a file with a million bad lines
// gives a hundred warnings and one line saying how many more there were.
namespace kensa::scanner::python {

inline constexpr std::size_t k_max_warnings_per_file = 100;

class FileWarnings {
 public:
  FileWarnings(ScanContext& context, std::string location)
      : m_context(context), m_location(std::move(location)) {}
  FileWarnings(const FileWarnings&) = delete;
  FileWarnings& operator=(const FileWarnings&) = delete;
  // Reports how many warnings were not shown.
  ~FileWarnings();

  void warn(std::string message);
  std::size_t count() const { return m_shown + m_suppressed; }

 private:
  ScanContext& m_context;
  std::string m_location;
  std::size_t m_shown = 0;
  std::size_t m_suppressed = 0;
};

} // namespace kensa::scanner::python
