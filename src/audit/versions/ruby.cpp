#include "version_schemes.hpp"

#include <string>
#include <vector>

// RubyGems' Gem::Version: segments of digits (numbers) and of letters
// (pre-release markers, before any number), "-" read as ".pre.", trailing
// zeros of the release and of the pre-release part dropped.
namespace kensa::audit::versions {

namespace ruby_rules {

struct Segment {
  bool number = true;
  std::string_view text;
};

// Gem::Version's pattern: digits, then dot-separated alphanumerics,
// optionally "-" and more. Anything else is not a gem version.
bool valid(std::string_view text) {
  if (text.empty()) {
    return true;
  }
  if (!is_digit(text.front())) {
    return false;
  }
  for (const char c : text) {
    if (!is_digit(c) && !is_alpha(c) && c != '.' && c != '-') {
      return false;
    }
  }
  return text.back() != '.' && text.find("..") == std::string_view::npos;
}

std::vector<Segment> canonical_segments(std::string_view text) {
  std::vector<Segment> segments;
  for (std::size_t at = 0; at < text.size();) {
    if (!is_digit(text[at]) && !is_alpha(text[at])) {
      // "-" is ".pre.": a pre-release marker.
      if (text[at] == '-') {
        segments.push_back({false, "pre"});
      }
      ++at;
      continue;
    }
    const bool number = is_digit(text[at]);
    const std::size_t start = at;
    while (at < text.size() && (number ? is_digit(text[at]) : is_alpha(text[at]))) {
      ++at;
    }
    segments.push_back({number, text.substr(start, at - start)});
  }
  if (segments.empty()) {
    segments.push_back({true, "0"});
  }
  auto zero = [](const Segment& segment) {
    return segment.number && segment.text.find_first_not_of('0') == std::string_view::npos;
  };
  // Trailing zeros go from the release part (before the first letters)
  // and from the pre-release part.
  std::size_t first_letters = 0;
  while (first_letters < segments.size() && segments[first_letters].number) {
    ++first_letters;
  }
  std::vector<Segment> release(segments.begin(),
                               segments.begin() + static_cast<std::ptrdiff_t>(first_letters));
  std::vector<Segment> prerelease(segments.begin() + static_cast<std::ptrdiff_t>(first_letters),
                                  segments.end());
  while (!release.empty() && zero(release.back())) {
    release.pop_back();
  }
  while (!prerelease.empty() && zero(prerelease.back())) {
    prerelease.pop_back();
  }
  release.insert(release.end(), prerelease.begin(), prerelease.end());
  return release;
}

} // namespace ruby_rules

int compare_ruby(std::string_view a, std::string_view b) {
  using namespace ruby_rules;
  if (!valid(a) || !valid(b)) {
    return compare_unparsed(valid(a), valid(b), a, b);
  }
  const std::vector<Segment> left = canonical_segments(a);
  const std::vector<Segment> right = canonical_segments(b);
  const Segment zero{true, "0"};
  for (std::size_t k = 0; k < left.size() || k < right.size(); ++k) {
    const Segment& l = k < left.size() ? left[k] : zero;
    const Segment& r = k < right.size() ? right[k] : zero;
    if (l.number != r.number) {
      // Letters (a pre-release) come before numbers.
      return l.number ? 1 : -1;
    }
    const int order = l.number ? compare_digits(l.text, r.text) : sign(l.text.compare(r.text));
    if (order != 0) {
      return order;
    }
  }
  return 0;
}

} // namespace kensa::audit::versions
