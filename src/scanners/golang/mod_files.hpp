#pragma once

#include <kensa/scanner/problem_list.hpp>

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

// go.mod, go.work and go.sum, read the way cmd/go reads them (the modfile
// grammar: directives, blocks in parentheses, quoted strings, // comments).
namespace kensa::scanner::golang {

struct Requirement {
  std::string path;
  std::string version;
  // Marked "// indirect": needed only by other dependencies.
  bool indirect = false;
};

// A replace directive: `old [old_version] => new [new_version]`. A new path
// that starts with "./", "../" or "/" is a local folder and has no version.
struct Replacement {
  std::string old_path;
  // Empty: every version of old_path.
  std::string old_version;
  std::string new_path;
  std::string new_version;

  bool is_local() const;
};

struct ModFile {
  // The module directive's path; empty in a go.work.
  std::string module;
  // The go and toolchain directives.
  std::string go;
  std::string toolchain;
  std::vector<Requirement> requirements;
  std::vector<Replacement> replaces;
  // exclude directives: (path, version).
  std::vector<std::pair<std::string, std::string>> excludes;
  // go.work use directives: module folders, as written.
  std::vector<std::string> uses;
};

// Parses a go.mod or go.work. Unknown directives are skipped; malformed
// lines are reported in `problems` as "line N: ...", and the rest is read.
ModFile parse_mod_file(std::string_view text, ProblemList& problems);

// go.sum: the h1 hash of each module zip, by (path, version); the lines for
// a version's go.mod alone ("/go.mod" suffix) are kept apart, since they
// say only that the version's go.mod was read, not that its code is used.
struct SumFile {
  std::map<std::pair<std::string, std::string>, std::string> module_hashes;
  std::map<std::pair<std::string, std::string>, std::string> go_mod_hashes;
};

SumFile parse_sum_file(std::string_view text, ProblemList& problems);

// Orders Go module versions (semantic versions with a "v", pseudo-versions
// included): negative, zero or positive. Text that is no version sorts first.
int compare_versions(std::string_view a, std::string_view b);

} // namespace kensa::scanner::golang
