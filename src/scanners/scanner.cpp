#include <kensa/scanner/file_report.hpp>
#include <kensa/scanner/scanner.hpp>

#include <spdlog/spdlog.h>

#include <exception>
#include <new>

namespace kensa::scanner {

void ScanContext::warn(std::string_view location, std::string message) {
  model::Diagnostic diagnostic{model::Severity::warning, std::string(location), std::move(message)};
  if (m_graph.add_diagnostic(diagnostic)) {
    spdlog::warn("{}: {}", diagnostic.location, diagnostic.message);
  }
}

void ScanContext::omit(std::string_view location, std::string message) {
  m_graph.add_omission(model::Omission{std::string(location), message});
  warn(location, std::move(message));
}

void ScanContext::count_left_out(std::string_view location, std::uint64_t count,
                                 std::string_view kind) {
  m_graph.count_left_out_diagnostics(location, count, kind);
}

model::Evidence ScanContext::evidence_for(const source::SourceFile& file) const {
  return model::Evidence{file.location, file.layer, m_scanner_name};
}

void run_scanner(Scanner& scanner, ScanContext& context,
                 std::span<const source::SourceFile> files) {
  try {
    scanner.scan(context, files);
  } catch (const std::bad_alloc&) {
    throw;
  } catch (const std::exception& error) {
    // The scanner's files were read only in part: the document says so.
    FileReport report(context, "scanner " + context.scanner_name());
    report.omit(std::string("stopped: ") + error.what() +
                "; what it found before is kept, the files after were not read");
  }
}

std::string_view evidence_kind_name(EvidenceKind kind) {
  return kind == EvidenceKind::installed ? "installed" : "declared";
}

std::vector<FilePattern> patterns_of_kind(std::initializer_list<std::string_view> globs,
                                          EvidenceKind kind) {
  std::vector<FilePattern> patterns;
  for (std::string_view glob : globs) {
    patterns.push_back(FilePattern{std::string(glob), kind});
  }
  return patterns;
}

std::vector<FilePattern> name_only_patterns(std::initializer_list<std::string_view> globs,
                                            EvidenceKind kind) {
  std::vector<FilePattern> patterns = patterns_of_kind(globs, kind);
  for (auto& pattern : patterns) {
    pattern.name_only = true;
  }
  return patterns;
}

void add_patterns(std::vector<FilePattern>& patterns, std::span<const std::string> globs,
                  EvidenceKind kind) {
  for (const auto& glob : globs) {
    patterns.push_back(FilePattern{glob, kind});
  }
}

} // namespace kensa::scanner
