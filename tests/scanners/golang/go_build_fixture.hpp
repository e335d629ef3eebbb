#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

// Real Go binaries for the tests, built once per test run from
// tests/fixtures/golang/build with the go installed here, offline (a local
// file:// module proxy serves the fixture modules), plus what
// `go version -m` says about each.
namespace kensa::testing::golang {

struct GoModuleLine {
  std::string word; // "mod", "dep" or "=>"
  std::string path;
  std::string version;
  std::string sum;
};

struct BuiltBinary {
  std::filesystem::path path;
  // `go version -m` output, parsed: the toolchain version, the module lines
  // in order, and the build lines as "key=value" exactly as printed.
  std::string go_version;
  std::vector<GoModuleLine> modules;
  std::vector<std::string> build_lines;
  // The whole output, less the file name at its start ("<file>: ").
  std::string text;
};

struct GoBuild {
  std::filesystem::path folder;
  // "linux-amd64" (with VCS stamping and -ldflags -X), "windows-amd64"
  // (stripped: -s -w), "darwin-arm64" of module example.com/hello;
  // "tools-linux-amd64" of module example.com/tools (a module path of one
  // segment, a module replaced by another) and "tools-files-linux-amd64",
  // the same built from its file ("go build main.go").
  std::map<std::string, BuiltBinary> binaries;
};

// The binaries, or nullopt when go (or zip or git, needed to set the build
// up) is not installed; `reason` then says what is missing. A build that
// fails when go is there fails the calling test.
const GoBuild* go_build(std::string& reason);

} // namespace kensa::testing::golang
