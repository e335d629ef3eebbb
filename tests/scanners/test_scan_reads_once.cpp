// A tree scan reads each file once: the walk hands a file to every scanner
// that wants it, and hashes it in the same read (docs/architecture.md).
#include "../support/test_support.hpp"

#include <kensa/model/hash.hpp>
#include <kensa/scanner/scan.hpp>

#include <catch2/catch.hpp>

#include <cstdint>
#include <filesystem>
#include <set>
#include <string>

using namespace kensa;

namespace {

namespace fs = std::filesystem;

// Real fixtures of the language, CI and OS package scanners, side by side in
// one tree: lockfiles, manifests, installed databases, release files that
// several OS scanners read. No archives (their members are read out of them)
// and no executables (they are mapped, not read).
const char* const k_reads_once_scenarios[] = {
    "cocoapods/subspecs",
    "composer/installed-versions2",
    "conan/conan1-lock",
    "conda/env",
    "dart/flutter-app",
    "dotnet/packages-lock",
    "elixir/phoenix",
    "erlang/installed",
    "github-actions/composer",
    "haskell/stack-project",
    "homebrew/brew-test-receipt",
    "nix/store-with-db",
    "pacman/arch-rolling",
    "portage/vdb",
    "r/debian-library",
    "ruby/debian-root",
    "ruby/rails-lockfile",
    "swift/resolved-v2",
    "terraform/two-providers",
    "vcpkg/installed",
};

} // namespace

TEST_CASE("scan: a tree scan reads each file once, whichever scanners want it",
          "[scanner][reads-once]") {
  const auto root = testing::scratch_dir("scan-reads-once");
  std::uintmax_t tree_bytes = 0;
  std::size_t tree_files = 0;
  for (const char* scenario : k_reads_once_scenarios) {
    const auto target = root / fs::path(scenario).parent_path();
    fs::create_directories(target);
    fs::copy(testing::fixture(scenario), root / scenario, fs::copy_options::recursive);
  }
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (entry.is_regular_file() && !entry.is_symlink()) {
      REQUIRE((entry.status().permissions() & fs::perms::owner_exec) == fs::perms::none);
      tree_bytes += entry.file_size();
      ++tree_files;
    }
  }

  scanner::ScanOptions options;
  options.timestamp = 0;
  options.evidence = scanner::EvidenceChoice::all;
  // Every file is hashed for the inventory: a wanted file in the read that
  // hands it to the scanners, any other on its own.
  options.source.digests = {model::HashAlgorithm::sha256};
  std::uint64_t bytes = 0;
  options.progress = [&](const scanner::ScanProgress& progress) { bytes = progress.bytes; };
  auto document = scanner::scan(root, options);
  INFO(document.error());
  REQUIRE(document.ok());

  // Each byte of the tree read once: a file read twice (for two scanners, or
  // once to hand over and once to hash) would count twice.
  CHECK(bytes == tree_bytes);
  CHECK(document->files.size() == tree_files);

  // The files did reach their scanners, several of them the same file (the
  // release files of the OS roots).
  std::set<std::string> found_by;
  for (const auto& component : document->components) {
    for (const auto& evidence : component.evidence) {
      found_by.insert(evidence.found_by);
    }
  }
  for (const char* scanner :
       {"cocoapods", "composer",       "conan",   "conda",     "dart",  "dotnet",    "elixir",
        "erlang",    "github-actions", "haskell", "homebrew",  "nix",   "pacman",    "portage",
        "r",         "ruby",           "swift",   "terraform", "vcpkg", "os-release"}) {
    INFO(scanner);
    CHECK(found_by.count(scanner) == 1);
  }
}
