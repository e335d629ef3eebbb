#include "control.hpp"
#include "dpkg_package.hpp"

#include <kensa/util/strings.hpp>

namespace kensa::scanner::dpkg {

namespace {

// "glibc (2.36-9)" -> {"glibc", "2.36-9"}; "glibc" -> {"glibc", ""}.
void split_source(std::string_view source, DpkgPackage& package) {
  source = trim(source);
  std::size_t open = source.find('(');
  if (open == std::string_view::npos) {
    package.source_name = std::string(source);
    return;
  }
  package.source_name = std::string(trim(source.substr(0, open)));
  std::size_t close = source.find(')', open);
  std::string_view version = close == std::string_view::npos
                                 ? source.substr(open + 1)
                                 : source.substr(open + 1, close - open - 1);
  package.source_version = std::string(trim(version));
}

std::string one_line(std::string_view value) {
  return std::string(first_line(value));
}

// Dependency fields may be folded over several lines.
std::string unfolded(std::string_view value) {
  std::string result;
  result.reserve(value.size());
  for (char c : value) {
    result += (c == '\n' || c == '\t') ? ' ' : c;
  }
  return result;
}

std::string describe(const Paragraph& paragraph) {
  std::string text = "stanza at line " + std::to_string(paragraph.line);
  std::string_view name = first_line(paragraph.get("Package"));
  if (!name.empty()) {
    text += " (" + std::string(name.substr(0, 100)) + ")";
  }
  return text;
}

} // namespace

bool is_installed_state(std::string_view state) {
  return state == "installed" || state == "triggers-pending" || state == "triggers-awaited";
}

StatusParse parse_status(std::string_view text, std::string_view location, bool require_status) {
  StatusParse result;
  ControlParse control = parse_control(text);
  result.problems = std::move(control.problems);
  for (const auto& paragraph : control.paragraphs) {
    if (paragraph.has("Status")) {
      // "want flag state", e.g. "install ok installed".
      auto words = split(first_line(paragraph.get("Status")), ' ');
      if (words.size() != 3) {
        result.problems.push_back(describe(paragraph) + ": malformed Status \"" +
                                  std::string(first_line(paragraph.get("Status")).substr(0, 100)) +
                                  "\"");
        continue;
      }
      if (!is_installed_state(words[2])) {
        continue;
      }
    } else if (require_status) {
      result.problems.push_back(describe(paragraph) + ": no Status");
      continue;
    }
    DpkgPackage package;
    package.name = one_line(paragraph.get("Package"));
    package.version = one_line(paragraph.get("Version"));
    if (package.name.empty()) {
      result.problems.push_back(describe(paragraph) + ": no Package");
      continue;
    }
    if (package.version.empty()) {
      result.problems.push_back(describe(paragraph) + ": no Version");
      continue;
    }
    package.architecture = one_line(paragraph.get("Architecture"));
    split_source(first_line(paragraph.get("Source")), package);
    package.maintainer = one_line(paragraph.get("Maintainer"));
    package.installed_size = one_line(paragraph.get("Installed-Size"));
    package.multi_arch = one_line(paragraph.get("Multi-Arch"));
    package.summary = one_line(paragraph.get("Description"));
    package.homepage = one_line(paragraph.get("Homepage"));
    package.depends = unfolded(paragraph.get("Depends"));
    package.pre_depends = unfolded(paragraph.get("Pre-Depends"));
    package.provides = unfolded(paragraph.get("Provides"));
    package.location = std::string(location);
    package.line = paragraph.line;
    result.packages.push_back(std::move(package));
  }
  return result;
}

} // namespace kensa::scanner::dpkg
