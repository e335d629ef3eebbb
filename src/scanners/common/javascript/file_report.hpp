#pragma once

#include <kensa/scanner/scanner.hpp>

#include <cstddef>
#include <string>
#include <string_view>

// Warnings about one JavaScript manifest or lockfile. ScanContext::warn caps
// them, so a file with a million bad entries costs a million counts, not a
// million lines.
namespace kensa::scanner::javascript {

class FileReport {
 public:
  FileReport(ScanContext& context, std::string location)
      : m_context(context), m_location(std::move(location)) {}
  FileReport(const FileReport&) = delete;
  FileReport& operator=(const FileReport&) = delete;

  ScanContext& context() { return m_context; }
  const std::string& location() const { return m_location; }

  // A warning naming the file.
  void warn(std::string message) { m_context.warn(m_location, std::move(message)); }
  // A warning naming the file and a line (1-based; 0 leaves the line out).
  void warn_at(std::size_t line, std::string message);
  // A warning that the file, or the rest of it, was not read
  // (ScanContext::omit); `line` as for warn_at.
  void omit_at(std::size_t line, std::string message);
  void omit(std::string message) { omit_at(0, std::move(message)); }

 private:
  ScanContext& m_context;
  std::string m_location;
};

// The 1-based line of byte `offset` in `text`.
std::size_t line_of(std::string_view text, std::size_t offset);

} // namespace kensa::scanner::javascript
