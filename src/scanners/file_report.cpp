#include <kensa/scanner/file_report.hpp>
#include <kensa/scanner/scanner.hpp>

#include <exception>
#include <new>

namespace kensa::scanner {

namespace {

std::string at_line(std::size_t line, std::string message) {
  if (line == 0) {
    return message;
  }
  return "line " + std::to_string(line) + ": " + message;
}

} // namespace

FileReport::FileReport(ScanContext& context, const source::SourceFile& file)
    : m_context(context), m_location(file.location) {}

FileReport::FileReport(ScanContext& context, std::string location)
    : m_context(context), m_location(std::move(location)) {}

FileReport::FileReport(const FileReport& report, std::string_view prefix)
    : m_context(report.m_context), m_location(report.m_location),
      m_prefix(report.m_prefix + std::string(prefix)) {}

std::string FileReport::with_prefix(std::string message) const {
  return m_prefix.empty() ? message : m_prefix + message;
}

void FileReport::warn(std::string message) {
  m_context.warn(m_location, with_prefix(std::move(message)));
}

void FileReport::warn_at(std::size_t line, std::string message) {
  warn(at_line(line, std::move(message)));
}

void FileReport::omit(std::string message) {
  m_context.omit(m_location, with_prefix(std::move(message)));
}

void FileReport::omit_at(std::size_t line, std::string message) {
  omit(at_line(line, std::move(message)));
}

void FileReport::warn_all(const ProblemList& problems) {
  for (const auto& problem : problems) {
    warn(problem);
  }
  m_context.count_left_out(m_location, problems.left_out(), problems.left_out_kind());
}

void read_guarded(FileReport& report, const std::function<void()>& read) {
  try {
    read();
  } catch (const std::bad_alloc&) {
    throw;
  } catch (const std::exception& error) {
    // A parser that gives up on a file must not end the scan: the file is
    // reported and the others are still read.
    report.omit(std::string("cannot parse: ") + error.what());
  }
}

} // namespace kensa::scanner
