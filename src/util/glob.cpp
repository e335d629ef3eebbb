#include <kensa/util/glob.hpp>

#include <cstddef>

namespace kensa {

namespace {

// Matches one character against a bracket expression starting at
// pattern[open] == '['. Sets `end` to the index after ']'. An unterminated
// bracket is treated as a literal '['.
bool match_bracket(std::string_view pattern, std::size_t open, char c, std::size_t& end) {
  std::size_t i = open + 1;
  bool negate = false;
  if (i < pattern.size() && (pattern[i] == '!' || pattern[i] == '^')) {
    negate = true;
    ++i;
  }
  bool matched = false;
  bool first = true;
  while (i < pattern.size() && (first || pattern[i] != ']')) {
    first = false;
    char low = pattern[i];
    char high = low;
    if (i + 2 < pattern.size() && pattern[i + 1] == '-' && pattern[i + 2] != ']') {
      high = pattern[i + 2];
      i += 3;
    } else {
      ++i;
    }
    if (c >= low && c <= high) {
      matched = true;
    }
  }
  if (i >= pattern.size()) {
    end = open + 1;
    return c == '[';
  }
  end = i + 1;
  return matched != negate && c != '/';
}

// Iterative matcher with backtracking for '*' and '**'. Memory is constant
// and time is O(pattern * path) for patterns with a single '**'; globs in
// kensa come from scanners and users and are short.
bool match(std::string_view pattern, std::string_view path) {
  std::size_t p = 0;
  std::size_t s = 0;
  // Backtrack point for the last single '*': resume pattern after it,
  // consuming one more path character (not '/').
  std::size_t star_p = std::string_view::npos;
  std::size_t star_s = 0;
  // Backtrack point for the last '**/' (or trailing '**'): resume pattern
  // after it at the next path segment.
  std::size_t globstar_p = std::string_view::npos;
  std::size_t globstar_s = 0;

  while (s < path.size() || p < pattern.size()) {
    if (p < pattern.size()) {
      char pc = pattern[p];
      bool segment_start = p == 0 || pattern[p - 1] == '/';
      if (pc == '*' && p + 1 < pattern.size() && pattern[p + 1] == '*' && segment_start &&
          (p + 2 == pattern.size() || pattern[p + 2] == '/')) {
        if (p + 2 == pattern.size()) {
          return true; // trailing "**" matches everything below
        }
        // "**/": may match zero segments, so try the rest here first.
        globstar_p = p + 3;
        globstar_s = s;
        star_p = std::string_view::npos;
        p += 3;
        continue;
      }
      if (pc == '*') {
        star_p = ++p;
        star_s = s;
        continue;
      }
      if (s < path.size()) {
        if (pc == '?' && path[s] != '/') {
          ++p;
          ++s;
          continue;
        }
        if (pc == '[') {
          std::size_t end = p;
          if (match_bracket(pattern, p, path[s], end)) {
            p = end;
            ++s;
            continue;
          }
        } else if (pc != '?' && pc == path[s]) {
          ++p;
          ++s;
          continue;
        }
      }
    }
    // Mismatch: widen the innermost '*' by one character if it may.
    if (star_p != std::string_view::npos && star_s < path.size() && path[star_s] != '/') {
      p = star_p;
      s = ++star_s;
      continue;
    }
    // Otherwise let the last '**/' swallow one more segment.
    if (globstar_p != std::string_view::npos) {
      std::size_t next = path.find('/', globstar_s);
      if (next == std::string_view::npos) {
        return false;
      }
      globstar_s = next + 1;
      p = globstar_p;
      s = globstar_s;
      star_p = std::string_view::npos;
      continue;
    }
    return false;
  }
  return true;
}

} // namespace

bool glob_match(std::string_view pattern, std::string_view path) {
  return match(pattern, path);
}

} // namespace kensa
