#pragma once

#include <kensa/scanner/file_report.hpp>
#include <kensa/scanner/scanner.hpp>

#include <cstddef>
#include <functional>
#include <iterator>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace kensa::scanner {

// Files a scanner reads together, sorted by location. Iterating gives each
// file.
class FileSet {
 public:
  class iterator {
   public:
    using iterator_category = std::forward_iterator_tag;
    using value_type = source::SourceFile;
    using difference_type = std::ptrdiff_t;
    using pointer = const source::SourceFile*;
    using reference = const source::SourceFile&;

    iterator() = default;
    explicit iterator(const source::SourceFile* const* at) : m_at(at) {}
    reference operator*() const { return **m_at; }
    pointer operator->() const { return *m_at; }
    iterator& operator++() {
      ++m_at;
      return *this;
    }
    iterator operator++(int) {
      iterator before = *this;
      ++m_at;
      return before;
    }
    bool operator==(const iterator& other) const { return m_at == other.m_at; }

   private:
    const source::SourceFile* const* m_at = nullptr;
  };

  FileSet() = default;
  // `files`, which must be sorted by location and outlive the set.
  explicit FileSet(std::vector<const source::SourceFile*> files) : m_files(std::move(files)) {}
  // Every file of `files` (sorted by location), which must outlive the set.
  explicit FileSet(std::span<const source::SourceFile> files);

  iterator begin() const { return iterator(m_files.data()); }
  iterator end() const { return iterator(m_files.data() + m_files.size()); }
  std::size_t size() const { return m_files.size(); }
  bool empty() const { return m_files.empty(); }
  // The files, as pointers (for code that keeps them).
  std::span<const source::SourceFile* const> pointers() const { return m_files; }

  // Reads each file of the set that `glob` matches (on its path) on its
  // own, the way a FileParserScanner rule reads a file: with the file's
  // report, and inside read_guarded, so that one file a parser chokes on
  // is reported and the others are still read.
  void read_each(
      ScanContext& context, std::string_view glob,
      const std::function<void(FileReport& report, const source::SourceFile& file)>& read) const;

 private:
  std::vector<const source::SourceFile*> m_files;
};

// The base of every scanner that reads files: a scanner is a list of rules,
// each some globs with the kind of evidence their files are and a parser,
// and the framework does the rest. It matches each file to its rule, runs
// the parser with the file's report (FileReport) and inside read_guarded
// (a parser that throws on one file gives an omission naming it, and the
// other files are still read).
class FileParserScanner : public Scanner {
 public:
  // Reads one file. Problems go to `report`, which names the file.
  using Parser = void (*)(FileReport& report, const source::SourceFile& file);
  // Reads files that only make sense together (a lockfile and the
  // package.json files beside it, a package database and its file lists),
  // all at once.
  using SetParser = void (*)(ScanContext& context, const FileSet& files);
  // Whether a file a rule's globs match is for that rule after all, from
  // where it is or what it holds (a lockfile inside node_modules is not).
  using Filter = bool (*)(const ScanContext& context, const source::SourceFile& file);

  // What to do with the files some globs match. A file goes to the first
  // rule whose globs match its path and whose filter (if any) takes it.
  struct Rule {
    // Globs (glob.hpp) matched against SourceFile::path, with the kind of
    // evidence their files are.
    std::vector<FilePattern> patterns;
    // Reads each file on its own, in location order, as the files come...
    Parser each = nullptr;
    // ...or all of the rule's files at once, once every file has been
    // offered to the rules (sets are read in the order of their rules).
    SetParser together = nullptr;
    Filter accepts = nullptr;
    // For `together`: the place a failure of the whole set is reported
    // against ("installed packages", "Java archives").
    std::string_view set_name = {};
  };

  // Files found by their content (executables) rather than their name:
  // those no glob of the scanner matches. `rule` says which ones and what
  // the scan keeps of each; `each` reads that, like a Rule's parser.
  struct ContentFiles {
    ContentRule rule;
    Parser each;
    // Instead of `each`: the index in `rules` of the file_set these files
    // join, for files that make sense only with others (a .NET assembly
    // and the deps.json of its application).
    std::optional<std::size_t> joins_set = std::nullopt;
  };

  struct Rules {
    std::vector<Rule> rules;
    std::optional<ContentFiles> content = std::nullopt;
    // Scanner::installed_archives.
    std::vector<std::string> installed_archives = {};
    // Scanner::condense_named; nullptr keeps every file whole.
    std::optional<std::string> (*condense_named)(const source::SourceFile& file) = nullptr;
    // Scanner::maps_large_named; nullptr takes no file too large to buffer.
    bool (*maps_large_named)(std::string_view head) = nullptr;
    // Scanner::name_only_key; nullptr keys a name-only file by its path.
    std::string_view (*name_only_key)(std::string_view path) = nullptr;
  };

  explicit FileParserScanner(Rules rules);

  std::span<const FilePattern> patterns() const override { return m_patterns; }
  std::span<const std::string> installed_archives() const override {
    return m_rules.installed_archives;
  }
  const ContentRule* content_rule() const override {
    return m_rules.content ? &m_rules.content->rule : nullptr;
  }
  std::optional<std::string> condense_named(const source::SourceFile& file) const override;
  bool maps_large_named(std::string_view head) const override {
    return m_rules.maps_large_named != nullptr && m_rules.maps_large_named(head);
  }
  std::string_view name_only_key(std::string_view path) const override {
    return m_rules.name_only_key != nullptr ? m_rules.name_only_key(path) : path;
  }
  void scan(ScanContext& context, std::span<const source::SourceFile> files) override;

 private:
  // The index of the rule `file` goes to; nullopt when none takes it, and
  // in `matched` whether some glob matched it.
  std::optional<std::size_t> rule_for(const ScanContext& context, const source::SourceFile& file,
                                      bool& matched) const;

  Rules m_rules;
  std::vector<FilePattern> m_patterns;
};

// A rule that reads each file of `patterns` on its own with `parser`.
FileParserScanner::Rule each_file(std::vector<FilePattern> patterns,
                                  FileParserScanner::Parser parser,
                                  FileParserScanner::Filter accepts = nullptr);
// A rule that reads the files of `patterns` together with `parser`; a
// failure of the whole set is reported against `set_name`.
FileParserScanner::Rule file_set(std::string_view set_name, std::vector<FilePattern> patterns,
                                 FileParserScanner::SetParser parser,
                                 FileParserScanner::Filter accepts = nullptr);

} // namespace kensa::scanner
