#include "pacman_package.hpp"

#include <kensa/util/lines.hpp>

#include <string>

namespace kensa::scanner::pacman {

namespace {

// Where the values of `section` go, or nullptr for sections kensa does not
// report; `single` for sections holding one value.
struct Target {
  std::string* single = nullptr;
  std::vector<std::string>* list = nullptr;
  std::size_t cap = k_max_values;
};

Target target_of(std::string_view section, PacmanPackage& package) {
  if (section == "%NAME%") {
    return {&package.name};
  }
  if (section == "%VERSION%") {
    return {&package.version};
  }
  if (section == "%BASE%") {
    return {&package.base};
  }
  if (section == "%DESC%") {
    return {&package.description};
  }
  if (section == "%URL%") {
    return {&package.url};
  }
  if (section == "%ARCH%") {
    return {&package.architecture};
  }
  if (section == "%PACKAGER%") {
    return {&package.packager};
  }
  if (section == "%SIZE%") {
    return {&package.size};
  }
  if (section == "%BUILDDATE%") {
    return {&package.build_date};
  }
  if (section == "%REASON%") {
    return {&package.reason};
  }
  if (section == "%VALIDATION%") {
    return {&package.validation};
  }
  if (section == "%LICENSE%") {
    return {nullptr, &package.licenses};
  }
  if (section == "%GROUPS%") {
    return {nullptr, &package.groups};
  }
  if (section == "%DEPENDS%") {
    return {nullptr, &package.depends};
  }
  if (section == "%PROVIDES%") {
    return {nullptr, &package.provides};
  }
  if (section == "%FILES%") {
    return {nullptr, &package.files, k_max_files};
  }
  return {};
}

bool is_header(std::string_view line) {
  return line.size() > 2 && line.front() == '%' && line.back() == '%';
}

// Reads every section, keeping a desc file's fields or, with `files_only`,
// a files file's %FILES%.
DescParse parse_sections(std::string_view text, bool files_only) {
  DescParse result;
  Target target;
  std::string_view section;
  bool in_section = false;
  bool capped = false;
  std::size_t line_number = 0;
  for (std::string_view line : lines(text)) {
    ++line_number;
    if (!line.empty() && line.back() == '\r') {
      line.remove_suffix(1);
    }
    if (line.empty()) {
      in_section = false;
      continue;
    }
    if (!in_section) {
      if (!is_header(line)) {
        result.problems.push_back("line " + std::to_string(line_number) +
                                  ": not a %SECTION% header");
        // The rest of the paragraph is skipped, as pacman does.
        in_section = true;
        target = {};
        continue;
      }
      in_section = true;
      section = line;
      capped = false;
      target =
          (files_only == (section == "%FILES%")) ? target_of(section, result.package) : Target{};
      continue;
    }
    if (target.single != nullptr) {
      if (target.single->empty()) {
        *target.single = std::string(line);
      }
    } else if (target.list != nullptr) {
      if (target.list->size() >= target.cap) {
        if (!capped) {
          result.problems.push_back("more than " + std::to_string(target.cap) + " values in " +
                                    std::string(section.substr(0, 60)) + "; the rest was not read");
          capped = true;
        }
      } else if (!(files_only && line.back() == '/')) {
        target.list->emplace_back(line);
      }
    }
  }
  return result;
}

} // namespace

DescParse parse_desc(std::string_view text) {
  return parse_sections(text, false);
}

DescParse parse_files(std::string_view text) {
  return parse_sections(text, true);
}

std::string_view dependency_name(std::string_view token) {
  return token.substr(0, token.find_first_of("<>="));
}

} // namespace kensa::scanner::pacman
