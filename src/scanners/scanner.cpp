#include <kensa/scanner/scanner.hpp>
#include <kensa/util/glob.hpp>

#include <spdlog/spdlog.h>

#include <exception>

namespace kensa::scanner {

void ScanContext::warn(std::string_view location, std::string message) {
  spdlog::warn("{}: {}", location, message);
  m_graph.add_diagnostic(
      model::Diagnostic{model::Severity::warning, std::string(location), std::move(message)});
}

model::Evidence ScanContext::evidence_for(const source::SourceFile& file) const {
  return model::Evidence{file.location, file.layer, m_scanner_name};
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
