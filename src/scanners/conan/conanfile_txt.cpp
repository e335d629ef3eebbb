#include "conanfile_txt.hpp"

#include "../common/lockfile/locked_graph.hpp"
#include "conan_reference.hpp"

#include <kensa/util/strings.hpp>

#include <cctype>

namespace kensa::scanner::conan {

namespace {

// Far above real files (a few dozen requirements).
constexpr std::size_t k_max_requirements = 100'000;

enum class Section { other, requires_, build };

Section section_of(std::string_view header) {
  if (header == "requires") {
    return Section::requires_;
  }
  if (header == "tool_requires" || header == "build_requires" || header == "test_requires") {
    return Section::build;
  }
  return Section::other;
}

} // namespace

void parse_conanfile_txt(FileReport& report, const source::SourceFile& file) {
  LockedGraph locked(report, file);
  Section section = Section::other;
  std::string_view text = file.contents;
  std::size_t line_number = 0;
  std::size_t count = 0;
  while (!text.empty()) {
    auto end = text.find('\n');
    std::string_view line = text.substr(0, end);
    text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
    ++line_number;
    // A '#' starts a comment only at the start of a line or after a space:
    // inside a reference it marks the recipe revision.
    if (auto comment = line.find(" #"); comment != std::string_view::npos) {
      line = line.substr(0, comment);
    }
    line = trim(line);
    if (line.empty() || line.starts_with('#')) {
      continue;
    }
    // No reference starts with '[': this is a section's header.
    if (line.starts_with('[') && line.ends_with(']')) {
      section = section_of(trim(line.substr(1, line.size() - 2)));
      continue;
    }
    if (section == Section::other) {
      continue;
    }
    if (++count > k_max_requirements) {
      report.omit("more than " + std::to_string(k_max_requirements) +
                  " requirements; the rest is not read");
      break;
    }
    auto reference = read_reference(line);
    if (!reference) {
      report.warn_at(line_number, "\"" + std::string(line.substr(0, 200)) +
                                      "\" is not a Conan reference; not read");
      continue;
    }
    std::string key(line);
    model::Component component =
        make_conan_component(report, *reference, line, section == Section::build);
    if (!locked.add(key, std::move(component))) {
      break;
    }
    locked.direct(key);
  }
  locked.finish();
}

} // namespace kensa::scanner::conan
