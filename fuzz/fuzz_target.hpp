#pragma once

#include <filesystem>
#include <span>
#include <string_view>
#include <vector>

// kensa's fuzz targets: one per parser or reader, each a function that takes
// arbitrary bytes and must neither crash, hang nor grow without bound on
// them. The same functions run under libFuzzer (kensa_fuzz, built with
// KENSA_FUZZ=ON) and in the tests, which replay every seed and every saved
// input (tests/fixtures/fuzz/<target>/) on each build. docs/fuzzing.md.
namespace kensa::fuzz {

struct FuzzTarget {
  // As given to KENSA_FUZZ_TARGET and scripts/fuzz.sh: "npm-lock".
  std::string_view name;
  // What the bytes are parsed as.
  std::string_view what;
  // Seed globs, ';'-separated, relative to tests/fixtures (glob.hpp syntax).
  std::string_view seeds;
  // Parses `data` as the target says.
  void (*run)(const FuzzTarget& target, std::string_view data);
  // For targets that drive a scan: the path the bytes are given in the
  // scanned tree ("project/package-lock.json").
  std::string_view path = {};
};

// Every target, in a fixed order.
std::span<const FuzzTarget> fuzz_targets();

// The target named `name`, or nullptr.
const FuzzTarget* find_fuzz_target(std::string_view name);

// The fixture files under `fixtures` that seed `target`, sorted, plus the
// saved inputs in fixtures/fuzz/<name>/ (earlier findings, hand-made seeds).
std::vector<std::filesystem::path> seed_files(const FuzzTarget& target,
                                              const std::filesystem::path& fixtures);

// The entry points the table refers to (run_*.cpp).
void run_json_document(const FuzzTarget& target, std::string_view data);
void run_read_document(const FuzzTarget& target, std::string_view data);
void run_validate(const FuzzTarget& target, std::string_view data);
void run_purls(const FuzzTarget& target, std::string_view data);
void run_license_expressions(const FuzzTarget& target, std::string_view data);
void run_scan_file(const FuzzTarget& target, std::string_view data);
// The bytes at target.path beside one installed package, so that a file
// read only for installed packages (npm's hidden lockfile) is read.
void run_scan_file_with_package(const FuzzTarget& target, std::string_view data);
void run_go_module_info(const FuzzTarget& target, std::string_view data);
void run_archive(const FuzzTarget& target, std::string_view data);
void run_version_order(const FuzzTarget& target, std::string_view data);
void run_diff_merge(const FuzzTarget& target, std::string_view data);

} // namespace kensa::fuzz
