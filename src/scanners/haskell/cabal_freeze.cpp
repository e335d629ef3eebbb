#include "cabal_freeze.hpp"

#include "../common/lockfile/locked_graph.hpp"
#include "hackage_package.hpp"

#include <kensa/util/strings.hpp>

#include <cctype>
#include <string>
#include <vector>

namespace kensa::scanner::haskell {

namespace {

// Far above real files (large plans pin a few hundred packages).
constexpr std::size_t k_max_constraints = 200'000;
// Entries of the constraints fields, flags included, read before the rest
// of the file is given up on.
constexpr std::size_t k_max_entries = 1'000'000;

std::string_view trim(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())) != 0) {
    text.remove_prefix(1);
  }
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())) != 0) {
    text.remove_suffix(1);
  }
  return text;
}

// One constraint of a `constraints` field, with the line it starts on.
struct Constraint {
  std::string_view text;
  std::size_t line;
};

// The constraints of every `constraints:` field: a field starts at the
// first column and goes on over the indented lines after it; entries are
// separated by commas. Comment lines (`--`) are skipped.
// Past k_max_entries, `capped` is set and the rest is not read.
std::vector<Constraint> constraints_of(std::string_view contents, bool& capped) {
  std::vector<Constraint> found;
  bool inside = false;
  std::size_t line_number = 0;
  std::size_t start_line = 0;
  std::string_view pending;
  auto flush = [&] {
    std::string_view text = trim(pending);
    if (!text.empty() && !capped) {
      capped = found.size() >= k_max_entries;
      if (capped) {
        return;
      }
      found.push_back(Constraint{text, start_line});
    }
    pending = {};
  };
  // Splits `text` (the part of the field on one line) at commas; a
  // constraint never spans lines in what cabal writes.
  auto take = [&](std::string_view text) {
    while (true) {
      auto comma = text.find(',');
      pending = text.substr(0, comma);
      start_line = line_number;
      flush();
      if (comma == std::string_view::npos) {
        return;
      }
      text.remove_prefix(comma + 1);
    }
  };
  while (!contents.empty()) {
    auto end = contents.find('\n');
    std::string_view line = contents.substr(0, end);
    contents = end == std::string_view::npos ? std::string_view() : contents.substr(end + 1);
    ++line_number;
    if (trim(line).starts_with("--") || trim(line).empty()) {
      continue;
    }
    bool indented = std::isspace(static_cast<unsigned char>(line.front())) != 0;
    if (!indented) {
      auto colon = line.find(':');
      inside = colon != std::string_view::npos &&
               equals_ignore_case(trim(line.substr(0, colon)), "constraints");
      if (inside) {
        take(line.substr(colon + 1));
      }
    } else if (inside) {
      take(line);
    }
  }
  return found;
}

} // namespace

void parse_cabal_freeze(FileReport& report, const source::SourceFile& file) {
  bool capped = false;
  std::vector<Constraint> constraints = constraints_of(file.contents, capped);
  if (capped) {
    report.omit("more than " + std::to_string(k_max_entries) +
                " constraints; the rest is not read");
  }
  LockedGraph locked(report, file);
  std::size_t packages = 0;
  for (const auto& constraint : constraints) {
    std::string_view text = constraint.text;
    auto space = text.find_first_of(" \t");
    std::string_view target = text.substr(0, space);
    std::string_view rest = space == std::string_view::npos ? "" : trim(text.substr(space));
    if (rest.starts_with('+') || rest.starts_with('-') || rest == "installed") {
      // Flags chosen for a package, or a package taken from the compiler's
      // own database: the version is pinned by another constraint.
      continue;
    }
    if (target.starts_with("any.")) {
      target.remove_prefix(4);
    } else if (target.find('.') != std::string_view::npos ||
               target.find(':') != std::string_view::npos) {
      // `setup.<name>`, `<pkg>:setup.<name>`: pins of a package's setup
      // script or build tools, the same packages again.
      continue;
    }
    if (!rest.starts_with("==")) {
      report.warn_at(constraint.line,
                     "constraint \"" + std::string(text) + "\" is not <name> ==<version>; skipped");
      continue;
    }
    std::string_view version = trim(rest.substr(2));
    if (!is_package_name(target) || !is_version(version)) {
      report.warn_at(constraint.line, "constraint \"" + std::string(text) +
                                          "\" has no valid package name and version; skipped");
      continue;
    }
    if (++packages > k_max_constraints) {
      report.omit("more than " + std::to_string(k_max_constraints) +
                  " pinned packages; the rest is not read");
      break;
    }
    std::string name(target);
    if (!locked.add(name, make_locked_component(report, "hackage", "hackage", "", name,
                                                std::string(version)))) {
      break;
    }
  }
  locked.finish();
}

} // namespace kensa::scanner::haskell
