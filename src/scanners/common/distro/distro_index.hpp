#pragma once

#include "os_release.hpp"

#include <kensa/scanner/file_parser_scanner.hpp>

#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

// Matching a package database to the distribution of its root file system.
// Scanners run independently, so each OS package scanner asks for the release
// files in its own globs (release_file_patterns) and builds a DistroIndex from
// the files it was handed. A folder holding several root file systems is
// handled by roots: the database at "a/var/lib/dpkg/status" belongs with
// "a/etc/os-release", never with "b/etc/os-release".
namespace kensa::scanner::distro {

// Globs of every release file, for a scanner's patterns().
std::span<const std::string> release_file_patterns();

// The root-relative path of each release file, most authoritative first:
// etc/os-release wins over usr/lib/os-release (os-release(5)), and both over
// the older files.
std::span<const std::string_view> release_file_paths();

// The root a file sits in, given the file's root-relative path `suffix`:
// root_of("img/var/lib/dpkg/status", "var/lib/dpkg/status") is "img/",
// root_of("var/lib/dpkg/status", ...) is "". "!/" archive nesting counts as a
// folder boundary. nullopt when `location` does not end with `suffix` at a
// path boundary.
std::optional<std::string> root_of(std::string_view location, std::string_view suffix);

// A release file that could not be read, for the os-release scanner to
// report.
struct ReleaseProblem {
  std::string location;
  std::string message;
};

// The distribution of each root, from the release files among the files a
// scanner was handed (other files are ignored).
class DistroIndex {
 public:
  explicit DistroIndex(const FileSet& files);

  // The best release file of `root` that parsed, or nullptr.
  const OsRelease* find(std::string_view root) const;
  // Location of the file find(root) came from, or empty.
  std::string location(std::string_view root) const;

  // Each root with a distribution, and its release file's location.
  struct Entry {
    std::string root;
    std::string location;
    OsRelease release;
  };
  const std::vector<Entry>& entries() const { return m_entries; }
  const std::vector<ReleaseProblem>& problems() const { return m_problems; }

 private:
  std::vector<Entry> m_entries;
  std::map<std::string, std::size_t, std::less<>> m_by_root;
  std::vector<ReleaseProblem> m_problems;
};

} // namespace kensa::scanner::distro
