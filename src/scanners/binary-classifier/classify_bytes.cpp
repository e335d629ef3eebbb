#include "classify_bytes.hpp"

#include <kensa/util/glob.hpp>
#include <kensa/util/strings.hpp>

#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <memory>
#include <optional>
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
      if (!m_patterns.back()->ok() || m_patterns.back()->NumberOfCapturingGroups() > 4) {
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

// Whether `pattern` matches in `text`, and the version it captures: its one
// group, or its groups joined by dots without their leading zeros (libxml2's
// "20914" is 2.9.14), or empty for a pattern without groups (a marker of
// software that keeps no version).
std::optional<std::string> match_version(std::string_view text, const RE2& pattern) {
  const int groups = pattern.NumberOfCapturingGroups();
  std::array<std::string, 4> captures;
  std::array<RE2::Arg, 4> args;
  std::array<const RE2::Arg*, 4> arg_pointers{};
  for (int i = 0; i < groups; ++i) {
    const auto n = static_cast<std::size_t>(i);
    args[n] = RE2::Arg(&captures[n]);
    arg_pointers[n] = &args[n];
  }
  if (!RE2::PartialMatchN(text, pattern, arg_pointers.data(), groups)) {
    return std::nullopt;
  }
  if (groups == 1) {
    return std::move(captures[0]);
  }
  std::string version;
  for (int i = 0; i < groups; ++i) {
    std::string_view part = captures[static_cast<std::size_t>(i)];
    while (part.size() > 1 && part.front() == '0') {
      part.remove_prefix(1);
    }
    version += (i == 0 ? "" : ".") + std::string(part);
  }
  return version;
}

// How common a byte is in executables, roughly: NULs and 0xff fill them,
// then spaces, lower-case letters and digits of their strings. Punctuation
// and capitals are rarer.
int commonness(unsigned char byte) {
  if (byte == 0 || byte == 0xff) {
    return 5;
  }
  if (byte == ' ' || byte == '.' || byte == '_') {
    return 4;
  }
  if ((byte >= 'a' && byte <= 'z') || (byte >= '0' && byte <= '9')) {
    return 3;
  }
  if (byte >= 'A' && byte <= 'Z') {
    return 2;
  }
  return 1;
}

// The place in `anchor` of its rarest byte, the one a search looks for.
std::size_t rarest_byte(std::string_view anchor) {
  std::size_t best = 0;
  for (std::size_t i = 1; i < anchor.size(); ++i) {
    if (commonness(static_cast<unsigned char>(anchor[i])) <
        commonness(static_cast<unsigned char>(anchor[best]))) {
      best = i;
    }
  }
  return best;
}

// Where `anchor` is in `text` at or after `from`, or npos. memchr runs at
// memory speed but stops at each byte equal to the one it looks for:
// string_view::find looks for the anchor's first byte, and an anchor that
// starts with a NUL stops it every few bytes of a binary, so this looks
// for the anchor's rarest byte instead (`key`, from rarest_byte).
std::size_t find_anchor(std::string_view text, std::string_view anchor, std::size_t key,
                        std::size_t from) {
  const char wanted = anchor[key];
  for (std::size_t at = from + key; at < text.size();) {
    const void* hit = std::memchr(text.data() + at, wanted, text.size() - at);
    if (hit == nullptr) {
      return std::string_view::npos;
    }
    const auto place = static_cast<std::size_t>(static_cast<const char*>(hit) - text.data());
    const std::size_t start = place - key;
    if (start + anchor.size() <= text.size() &&
        std::memcmp(text.data() + start, anchor.data(), anchor.size()) == 0) {
      return start;
    }
    at = place + 1;
  }
  return std::string_view::npos;
}

// Whether `row` is in `chunk`, and the version it captures: the pattern is
// tried around each place the anchor is (or over the chunk when it has
// none). A row with a group that captures nothing is not found.
std::optional<std::string> find_version(const BinaryClass& row, const RE2& pattern,
                                        std::string_view chunk) {
  const bool versioned = pattern.NumberOfCapturingGroups() > 0;
  auto found = [&](std::optional<std::string> version) {
    return version && (!versioned || !version->empty());
  };
  if (row.anchor.empty()) {
    auto version = match_version(chunk, pattern);
    return found(version) ? version : std::nullopt;
  }
  std::size_t tries = 0;
  const std::size_t key = rarest_byte(row.anchor);
  for (auto at = find_anchor(chunk, row.anchor, key, 0); at != std::string_view::npos;
       at = find_anchor(chunk, row.anchor, key, at + 1)) {
    const std::size_t from = at > k_max_match_length ? at - k_max_match_length : 0;
    if (++tries > k_max_anchor_tries) {
      // RE2 runs in time linear in the text: the rest of the chunk once.
      auto version = match_version(chunk.substr(from), pattern);
      return found(version) ? version : std::nullopt;
    }
    const std::string_view window =
        chunk.substr(from, at - from + row.anchor.size() + k_max_match_length);
    if (auto version = match_version(window, pattern); found(version)) {
      return version;
    }
  }
  return std::nullopt;
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
                                       std::size_t chunk_size,
                                       const std::function<void(std::size_t)>& done) {
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
      auto version = find_version(rows[*it], table.pattern(*it), chunk);
      if (!version) {
        ++it;
        continue;
      }
      found.push_back(ClassMatch{&rows[*it], std::move(*version)});
      it = wanted.erase(it);
    }
    if (start + chunk_size >= bytes.size()) {
      break;
    }
    if (done) {
      done(start + step);
    }
  }
  std::sort(found.begin(), found.end(),
            [&](const ClassMatch& a, const ClassMatch& b) { return a.row < b.row; });
  return found;
}

} // namespace kensa::scanner::binary_classifier
