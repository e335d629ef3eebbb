#pragma once

#include <kensa/scanner/problem_list.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

// What dpkg's database says about one installed package.
namespace kensa::scanner::dpkg {

struct DpkgPackage {
  std::string name;
  // As dpkg writes it: "[epoch:]upstream[-revision]".
  std::string version;
  std::string architecture;
  // The source package when it differs from the binary package ("Source:
  // glibc (2.36-9)"): its name, and its version when the parentheses give one.
  std::string source_name;
  std::string source_version;
  std::string maintainer;
  // KiB, as written.
  std::string installed_size;
  std::string multi_arch;
  // First line of Description.
  std::string summary;
  std::string homepage;
  std::string depends;
  std::string pre_depends;
  std::string provides;
  // The file the stanza came from, and the stanza's first line in it.
  std::string location;
  std::size_t line = 0;
};

// The package states in which the files are on disk and configured: dpkg's
// "installed", and the two trigger states, which are installed packages
// waiting for a trigger to run.
bool is_installed_state(std::string_view state);

struct StatusParse {
  std::vector<DpkgPackage> packages;
  // Each names the stanza ("stanza at line 40 (libfoo): no Version").
  ProblemList problems;
};

// Reads a dpkg status file: every stanza whose Status says the package is
// installed. With `require_status` false (distroless status.d files, which are
// the packages' control files and carry no Status), a stanza without a Status
// field counts as installed. Stanzas without Package or Version are reported
// and skipped; `location` is recorded on each package.
StatusParse parse_status(std::string_view text, std::string_view location, bool require_status);

} // namespace kensa::scanner::dpkg
