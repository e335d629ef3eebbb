#pragma once

#include <kensa/scanner/problem_list.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

// What pacman's local database (var/lib/pacman/local/<name>-<version>/)
// says about one installed package: its desc file, and the files file
// beside it.
namespace kensa::scanner::pacman {

struct PacmanPackage {
  std::string name;                  // %NAME%
  std::string version;               // %VERSION%: [epoch:]pkgver-pkgrel, as written
  std::string base;                  // %BASE%: the pkgbase (source package)
  std::string description;           // %DESC%
  std::string url;                   // %URL%
  std::string architecture;          // %ARCH%
  std::string packager;              // %PACKAGER%
  std::string size;                  // %SIZE%: installed size, bytes
  std::string build_date;            // %BUILDDATE%: seconds since the epoch
  std::string reason;                // %REASON%: "1" installed as a dependency, else explicitly
  std::string validation;            // %VALIDATION%: "pgp", "sha256", "none"
  std::vector<std::string> licenses; // %LICENSE%, one per line
  std::vector<std::string> groups;   // %GROUPS%
  // %DEPENDS%: "glibc", "glibc>=2.17", "libreadline.so=8-64".
  std::vector<std::string> depends;
  // %PROVIDES%: "sh", "libz.so=1-64".
  std::vector<std::string> provides;
  // %FILES% of the files file: root-relative paths, folders (ending in '/')
  // left out.
  std::vector<std::string> files;
};

// Each %SECTION% of a desc or files file: a header line "%NAME%", then one
// value a line up to a blank line.
struct DescParse {
  PacmanPackage package;
  // "line 12: not in a section"; "more than 100000 values in %DEPENDS%".
  ProblemList problems;
};

// Most values one section holds; real packages have a few hundred
// dependencies at most, and tens of thousands of files.
inline constexpr std::size_t k_max_values = 100'000;
inline constexpr std::size_t k_max_files = 1'000'000;

// Reads a desc file. Unknown sections are skipped (pacman adds some over
// time); the caller checks that %NAME% and %VERSION% were there.
DescParse parse_desc(std::string_view text);

// Reads the %FILES% section of a files file into `package.files`.
DescParse parse_files(std::string_view text);

// "glibc>=2.17" -> "glibc"; "libz.so=1-64" -> "libz.so".
std::string_view dependency_name(std::string_view token);

} // namespace kensa::scanner::pacman
