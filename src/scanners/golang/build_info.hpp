#pragma once

#include "../common/binary/executable.hpp"

#include <kensa/scanner/problem_list.hpp>
#include <kensa/util/result.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

// The build information the Go linker embeds in every binary built with
// module support: the blob that starts with "\xff Go buildinf:", in the old
// layout (two pointers to Go strings, Go 1.13 to 1.17) and the inline layout
// (two length-prefixed strings, Go 1.18 on), and the module lines it holds,
// as `go version -m` prints them.
namespace kensa::scanner::golang {

// What the blob holds, still as text.
struct RawBuildInfo {
  // "go1.22.1", as runtime.Version() reports it.
  std::string go_version;
  // The module information between its framing sentinels; empty when the
  // binary was built without modules.
  std::string module_info;
};

// Finds and reads the build information of one executable image. nullopt
// when the image holds none (not a Go binary); a Failure when it holds a
// damaged one (pointers out of the file, lengths past the end).
Result<std::optional<RawBuildInfo>> read_build_info(const binary::Executable& executable);

// One module line: "mod", "dep" or the "=>" line that replaces the one before.
struct ModuleLine {
  std::string path;
  // "v1.2.3", "(devel)" for the main module built from a checkout, empty
  // when the line gives none (a replacement by a local folder).
  std::string version;
  // "h1:..." go.sum hash; empty when the line gives none.
  std::string sum;
};

struct Dependency {
  ModuleLine module;
  std::optional<ModuleLine> replacement;
};

// The parsed module information.
struct BuildInfo {
  std::string go_version;
  // The main package's import path ("path" line).
  std::string package_path;
  std::optional<ModuleLine> main;
  std::optional<ModuleLine> main_replacement;
  std::vector<Dependency> dependencies;
  // "build" lines in order: "GOOS" = "linux", "-ldflags" = "-s -w", ...
  std::vector<std::pair<std::string, std::string>> settings;

  // The value of build setting `key`, empty when absent.
  std::string setting(std::string_view key) const;
};

// Parses module information text. Lines it does not know are skipped;
// malformed lines are reported in `problems` ("line 4: ...").
BuildInfo parse_module_info(std::string_view go_version, std::string_view text,
                            ProblemList& problems);

// Undoes Go's strconv.Quote on a build setting key or value written in
// double quotes; text without quotes is returned as is. nullopt for a bad
// escape.
std::optional<std::string> unquote_go_string(std::string_view text);

} // namespace kensa::scanner::golang
