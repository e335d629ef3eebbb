#include <kensa/scanner/file_parser_scanner.hpp>
#include <kensa/util/glob.hpp>

#include <spdlog/spdlog.h>

#include <algorithm>

namespace kensa::scanner {

namespace {

bool matches_any(const std::vector<FilePattern>& patterns, std::string_view path) {
  return std::any_of(patterns.begin(), patterns.end(),
                     [&](const FilePattern& pattern) { return glob_match(pattern.glob, path); });
}

void read_one(ScanContext& context, FileParserScanner::Parser parser,
              const source::SourceFile& file) {
  spdlog::debug("{}: parsing {}", context.scanner_name(), file.location);
  FileReport report(context, file);
  read_guarded(report, [&] { parser(report, file); });
}

} // namespace

FileSet::FileSet(std::span<const source::SourceFile> files) {
  m_files.reserve(files.size());
  for (const auto& file : files) {
    m_files.push_back(&file);
  }
}

void FileSet::read_each(
    ScanContext& context, std::string_view glob,
    const std::function<void(FileReport& report, const source::SourceFile& file)>& read) const {
  for (const auto& file : *this) {
    if (glob_match(glob, file.path)) {
      FileReport report(context, file);
      read_guarded(report, [&] { read(report, file); });
    }
  }
}

FileParserScanner::FileParserScanner(Rules rules) : m_rules(std::move(rules)) {
  for (const auto& rule : m_rules.rules) {
    m_patterns.insert(m_patterns.end(), rule.patterns.begin(), rule.patterns.end());
  }
}

std::optional<std::string> FileParserScanner::condense_named(const source::SourceFile& file) const {
  if (m_rules.condense_named == nullptr) {
    return std::nullopt;
  }
  return m_rules.condense_named(file);
}

std::optional<std::size_t> FileParserScanner::rule_for(const ScanContext& context,
                                                       const source::SourceFile& file,
                                                       bool& matched) const {
  matched = false;
  for (std::size_t index = 0; index < m_rules.rules.size(); ++index) {
    const Rule& rule = m_rules.rules[index];
    if (!matches_any(rule.patterns, file.path)) {
      continue;
    }
    matched = true;
    if (rule.accepts == nullptr || rule.accepts(context, file)) {
      return index;
    }
  }
  return std::nullopt;
}

void FileParserScanner::scan(ScanContext& context, std::span<const source::SourceFile> files) {
  std::vector<std::vector<const source::SourceFile*>> sets(m_rules.rules.size());
  for (const auto& file : files) {
    bool matched = false;
    const auto index = rule_for(context, file, matched);
    if (index) {
      const Rule& rule = m_rules.rules[*index];
      if (rule.each != nullptr) {
        read_one(context, rule.each, file);
      } else {
        sets[*index].push_back(&file);
      }
    } else if (!matched && m_rules.content) {
      // No glob wanted it: the scan handed it over for its content.
      if (m_rules.content->joins_set) {
        sets.at(*m_rules.content->joins_set).push_back(&file);
      } else {
        read_one(context, m_rules.content->each, file);
      }
    }
  }
  for (std::size_t index = 0; index < m_rules.rules.size(); ++index) {
    const Rule& rule = m_rules.rules[index];
    if (rule.together == nullptr || sets[index].empty()) {
      continue;
    }
    spdlog::debug("{}: reading {} file(s) together", context.scanner_name(), sets[index].size());
    FileReport report(context, rule.set_name.empty() ? "scanner " + context.scanner_name()
                                                     : std::string(rule.set_name));
    const FileSet set(std::move(sets[index]));
    read_guarded(report, [&] { rule.together(context, set); });
  }
}

FileParserScanner::Rule each_file(std::vector<FilePattern> patterns,
                                  FileParserScanner::Parser parser,
                                  FileParserScanner::Filter accepts) {
  return FileParserScanner::Rule{std::move(patterns), parser, nullptr, accepts};
}

FileParserScanner::Rule file_set(std::string_view set_name, std::vector<FilePattern> patterns,
                                 FileParserScanner::SetParser parser,
                                 FileParserScanner::Filter accepts) {
  return FileParserScanner::Rule{std::move(patterns), nullptr, parser, accepts, set_name};
}

} // namespace kensa::scanner
