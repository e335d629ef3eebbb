#include "classify_bytes.hpp"

#include <kensa/util/glob.hpp>
#include <kensa/util/strings.hpp>

#include <re2/re2.h>

#include <algorithm>
#include <memory>
#include <stdexcept>

namespace kensa::scanner::binary_classifier {

namespace {

// Binary patterns: bytes, not UTF-8 text, and '.' may match a newline.
RE2::Options binary_options() {
  RE2::Options options;
  options.set_encoding(RE2::Options::EncodingLatin1);
  options.set_dot_nl(true);
  options.set_log_errors(false);
  return options;
}

// Each row's pattern, compiled once.
class CompiledTable {
 public:
  CompiledTable() {
    for (const auto& row : binary_classes()) {
      m_patterns.push_back(std::make_unique<RE2>(row.pattern, binary_options()));
      if (!m_patterns.back()->ok() || m_patterns.back()->NumberOfCapturingGroups() < 1) {
        throw std::logic_error("binary class " + std::string(row.id) + ": bad pattern");
      }
    }
  }

  const RE2& pattern(std::size_t row) const { return *m_patterns[row]; }

 private:
  std::vector<std::unique_ptr<RE2>> m_patterns;
};

const CompiledTable& compiled_table() {
  static const CompiledTable table;
  return table;
}

// Anchors tried in one chunk before the pattern is run over the rest of it
// instead: a file made of nothing but anchors ("curl curl curl ...") would
// otherwise cost a pattern run per few bytes.
constexpr std::size_t k_max_anchor_tries = 1024;

// The version `row` captures in `chunk`, or empty: the pattern is tried
// around each place the anchor is (or over the chunk when it has none).
std::string find_version(const BinaryClass& row, const RE2& pattern, std::string_view chunk) {
  std::string version;
  if (row.anchor.empty()) {
    RE2::PartialMatch(chunk, pattern, &version);
    return version;
  }
  std::size_t tries = 0;
  for (auto at = chunk.find(row.anchor); at != std::string_view::npos;
       at = chunk.find(row.anchor, at + 1)) {
    const std::size_t from = at > k_max_match_length ? at - k_max_match_length : 0;
    if (++tries > k_max_anchor_tries) {
      // RE2 runs in time linear in the text: the rest of the chunk once.
      RE2::PartialMatch(chunk.substr(from), pattern, &version);
      return version;
    }
    const std::string_view window =
        chunk.substr(from, at - from + row.anchor.size() + k_max_match_length);
    if (RE2::PartialMatch(window, pattern, &version) && !version.empty()) {
      return version;
    }
  }
  return {};
}

} // namespace

std::vector<std::size_t> candidate_rows(std::string_view path) {
  std::vector<std::size_t> rows;
  const auto table = binary_classes();
  for (std::size_t i = 0; i < table.size(); ++i) {
    for (const auto glob : split(table[i].globs, ';')) {
      if (!glob.empty() && glob_match(glob, path)) {
        rows.push_back(i);
        break;
      }
    }
  }
  return rows;
}

std::vector<ClassMatch> classify_bytes(std::string_view bytes,
                                       const std::vector<std::size_t>& candidates,
                                       std::size_t chunk_size) {
  std::vector<ClassMatch> found;
  if (candidates.empty()) {
    return found;
  }
  const CompiledTable& table = compiled_table();
  const auto rows = binary_classes();
  std::vector<std::size_t> wanted = candidates;
  chunk_size = std::max(chunk_size, 4 * k_max_match_length);
  // Consecutive chunks share 2 * k_max_match_length bytes, so a match and
  // its anchor lie whole in one of them.
  const std::size_t step = chunk_size - 2 * k_max_match_length;
  for (std::size_t start = 0; start < bytes.size() && !wanted.empty(); start += step) {
    const std::string_view chunk = bytes.substr(start, chunk_size);
    for (auto it = wanted.begin(); it != wanted.end();) {
      std::string version = find_version(rows[*it], table.pattern(*it), chunk);
      if (version.empty()) {
        ++it;
        continue;
      }
      found.push_back(ClassMatch{&rows[*it], std::move(version)});
      it = wanted.erase(it);
    }
    if (start + chunk_size >= bytes.size()) {
      break;
    }
  }
  std::sort(found.begin(), found.end(),
            [&](const ClassMatch& a, const ClassMatch& b) { return a.row < b.row; });
  return found;
}

} // namespace kensa::scanner::binary_classifier
