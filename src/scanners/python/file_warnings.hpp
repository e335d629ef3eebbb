#pragma once

#include <kensa/scanner/scanner.hpp>

#include <string>

// Warnings about one file, for the Python parsers that report against the
// file they were handed. ScanContext::warn caps them, so a file with a
// million bad lines gives a hundred warnings and one line saying how many
// more there were.
namespace kensa::scanner::python {

class FileWarnings {
 public:
  FileWarnings(ScanContext& context, std::string location)
      : m_context(context), m_location(std::move(location)) {}
  FileWarnings(const FileWarnings&) = delete;
  FileWarnings& operator=(const FileWarnings&) = delete;

  void warn(std::string message) { m_context.warn(m_location, std::move(message)); }
  // The file, or the rest of it, was not read (ScanContext::omit).
  void omit(std::string message) { m_context.omit(m_location, std::move(message)); }
  void warn_all(const ProblemList& problems) { m_context.warn_all(m_location, problems); }

 private:
  ScanContext& m_context;
  std::string m_location;
};

} // namespace kensa::scanner::python
