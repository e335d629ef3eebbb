#include <kensa/scanner/scanner.hpp>
#include <kensa/util/glob.hpp>

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

void ScanContext::warn_all(std::string_view location, const ProblemList& problems,
                           std::string_view prefix) {
  for (const auto& problem : problems) {
    warn(location, std::string(prefix) + problem);
  }
  m_graph.count_left_out_diagnostics(location, problems.left_out(), problems.left_out_kind());
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
    context.warn("scanner " + context.scanner_name(),
                 std::string("stopped: ") + error.what() +
                     "; what it found before is kept, the files after were not read");
  }
}

FileParserScanner::FileParserScanner(std::vector<Rule> rules) : m_rules(std::move(rules)) {
  for (const auto& rule : m_rules) {
    m_patterns.push_back(rule.pattern);
  }
}

void FileParserScanner::scan(ScanContext& context, std::span<const source::SourceFile> files) {
  for (const auto& file : files) {
    for (const auto& rule : m_rules) {
      if (!glob_match(rule.pattern, file.path)) {
        continue;
      }
      spdlog::debug("{}: parsing {}", context.scanner_name(), file.location);
      try {
        rule.parser(context, file);
      } catch (const std::exception& error) {
        // A parser that gives up on a file must not end the scan: the file
        // is reported and the others are still read.
        context.warn(file.location, std::string("cannot parse: ") + error.what());
      }
      break;
    }
  }
}

} // namespace kensa::scanner
