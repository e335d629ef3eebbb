#include "archive_name.hpp"

#include <kensa/util/strings.hpp>

#include <algorithm>
#include <array>
#include <vector>

namespace kensa::scanner::java {

namespace {

constexpr std::array<std::string_view, 10> k_extensions = {"jar", "war", "ear", "par", "sar",
                                                           "nar", "jpi", "hpi", "kar", "lpkg"};

// Words that follow a version in artifact file names. Checked as prefixes
// (ignoring case) so that "rc1", "M2", "beta3" and "SNAPSHOT" all count.
constexpr std::array<std::string_view, 20> k_qualifiers = {
    "snapshot", "release", "final", "ga",  "jre",     "android",  "alpha",
    "beta",     "rc",      "cr",    "sp",  "m",       "b",        "incubating",
    "native",   "jdk",     "java",  "dev", "preview", "milestone"};

bool is_version_segment(std::string_view segment) {
  if (segment.empty()) {
    return false;
  }
  if (segment.front() >= '0' && segment.front() <= '9') {
    return true;
  }
  return std::any_of(k_qualifiers.begin(), k_qualifiers.end(), [&](std::string_view word) {
    if (!starts_with_ignore_case(segment, word)) {
      return false;
    }
    // "m" and "b" only with a number after them ("M2", "b07"): "bom" or
    // "mapper" are names.
    std::string_view rest = segment.substr(word.size());
    if (word.size() == 1) {
      return !rest.empty() &&
             std::all_of(rest.begin(), rest.end(), [](char c) { return c >= '0' && c <= '9'; });
    }
    return std::all_of(rest.begin(), rest.end(),
                       [](char c) { return (c >= '0' && c <= '9') || c == '.'; });
  });
}

} // namespace

std::span<const std::string_view> java_archive_extensions() {
  return k_extensions;
}

std::string_view java_archive_type(std::string_view file_name) {
  auto dot = file_name.rfind('.');
  if (dot == std::string_view::npos || dot == 0) {
    return {};
  }
  std::string_view extension = file_name.substr(dot + 1);
  for (std::string_view known : k_extensions) {
    if (extension == known) {
      return known;
    }
  }
  return {};
}

NameAndVersion name_and_version_from_file_name(std::string_view file_name) {
  std::string_view stem = file_name;
  if (auto dot = stem.rfind('.'); dot != std::string_view::npos && dot > 0) {
    stem = stem.substr(0, dot);
  }
  std::vector<std::string_view> segments = split(stem, '-');
  for (std::size_t start = 1; start < segments.size(); ++start) {
    const std::string_view first = segments[start];
    if (first.empty() || first.front() < '0' || first.front() > '9') {
      continue;
    }
    if (!std::all_of(segments.begin() + static_cast<std::ptrdiff_t>(start), segments.end(),
                     is_version_segment)) {
      continue;
    }
    // Offsets into `stem`: segments are views of it.
    auto version_at = static_cast<std::size_t>(first.data() - stem.data());
    return NameAndVersion{std::string(stem.substr(0, version_at - 1)),
                          std::string(stem.substr(version_at))};
  }
  return NameAndVersion{std::string(stem), {}};
}

} // namespace kensa::scanner::java
