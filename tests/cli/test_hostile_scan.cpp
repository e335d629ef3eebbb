// kensa scan on hostile files, end to end: each ends with a warning naming
// the file and exit 0 (or exit 2 for a bad flag), within seconds and
// bounded memory, never by a signal.
#include "../support/test_support.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

using kensa::testing::Bounds;
using kensa::testing::line_count;
using kensa::testing::run_kensa;
using kensa::testing::run_kensa_bounded;
using kensa::testing::scratch_dir;
namespace fs = std::filesystem;

namespace {

void write(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

constexpr long k_memory_bound_kib = kensa::testing::k_bounded_run_memory_kib;

} // namespace

TEST_CASE("hostile scan: every limit flag refuses nonsense with exit 2", "[cli][hostile]") {
  auto root = scratch_dir("hostile-flags");
  const std::vector<std::pair<std::string, std::string>> refused{
      {"--max-ratio", "-5"},
      {"--max-ratio", "0"},
      {"--max-ratio", "abc"},
      {"--max-ratio", "1.5"},
      {"--max-ratio", "1000001"},
      {"--max-depth", "-1"},
      {"--max-depth", "101"},
      {"--max-depth", "x"},
      {"--max-entries", "-3"},
      {"--max-entries", "0"},
      {"--max-entries", "5x"},
      {"--max-file-size", "-1"},
      {"--max-file-size", "0"},
      {"--max-file-size", "0KiB"},
      {"--max-total-size", "0"},
      {"--max-total-size", "-1G"},
      {"--max-nested-size", "-1"},
      {"--max-nested-size", "1.5M"},
      {"--max-file-size", "99999999999999999999"}};
  for (const auto& [flag, value] : refused) {
    INFO(flag << " " << value);
    auto result = run_kensa({"scan", root.string(), flag, value});
    CHECK(result.exit_code == 2);
    CHECK(line_count(result.err) == 1);
    CHECK(result.err.starts_with("kensa: error: " + flag));
    // The form --flag=value too: "-5" must not pass for an option.
    auto joined = run_kensa({"scan", root.string(), flag + "=" + value});
    CHECK(joined.exit_code == 2);
  }
  CHECK(run_kensa({"scan", root.string(), "--max-ratio", "-5"}).err ==
        "kensa: error: --max-ratio must be a whole number from 1 to 1000000, not '-5'\n");
  CHECK(run_kensa({"scan", root.string(), "--max-file-size", "0"}).err ==
        "kensa: error: --max-file-size must be a size of at least 1 byte, not '0'\n");

  for (const auto& [flag, value] :
       std::vector<std::pair<std::string, std::string>>{{"--max-ratio", "1"},
                                                        {"--max-ratio", "1000000"},
                                                        {"--max-depth", "0"},
                                                        {"--max-depth", "100"},
                                                        {"--max-entries", "1"},
                                                        {"--max-file-size", "1"},
                                                        {"--max-nested-size", "0"},
                                                        {"--max-total-size", "1T"}}) {
    INFO(flag << " " << value);
    CHECK(run_kensa({"scan", root.string(), flag, value, "-q"}).exit_code == 0);
  }
}

TEST_CASE("hostile scan: 3,000,000 malformed go.mod lines give 20 warnings and one count",
          "[heavy][cli][hostile]") {
  auto root = scratch_dir("hostile-gomod");
  std::string text = "module example.com/x\n\ngo 1.21\n\nrequire (\n";
  text.reserve(text.size() + 2 * 3'000'000 + 2);
  for (int i = 0; i < 3'000'000; ++i) {
    text += "a\n";
  }
  text += ")\n";
  write(root / "go.mod", text);
  Bounds bounds;
  bounds.max_file_bytes = 16 << 20;
  auto run =
      run_kensa_bounded({"scan", root.string(), "--scanner", "go", "-o", "cyclonedx-json"}, bounds);
  INFO(run.err.substr(0, 2000));
  CHECK(run.exit_code == 0);
  CHECK(run.max_rss_kib < k_memory_bound_kib);
  // One kind of problem: twenty are shown, the rest counted in one line.
  CHECK(line_count(run.err) == 21);
  CHECK(run.err.starts_with("kensa: warning: go.mod: line 6: require needs a module path and a "
                            "version\n"));
  CHECK(run.err.ends_with("kensa: warning: go.mod: and 2,999,980 more like this\n"));
}

TEST_CASE("hostile scan: 50,000 dotted-key segments in every TOML file kensa reads",
          "[cli][hostile]") {
  auto root = scratch_dir("hostile-toml");
  std::string deep = "version = 3\n";
  for (int i = 0; i < 50'000; ++i) {
    deep += "a.";
  }
  deep += "b = 1\n";
  const std::vector<std::string> files{"rust/Cargo.lock",    "poetry/poetry.lock",
                                       "uv/uv.lock",         "pdm/pdm.lock",
                                       "pylock/pylock.toml", "project/pyproject.toml"};
  for (const auto& file : files) {
    write(root / file, deep);
  }
  auto run = run_kensa_bounded({"scan", root.string()}, {});
  INFO(run.err);
  CHECK(run.exit_code == 0);
  for (const auto& file : files) {
    CHECK(run.err.find("kensa: warning: " + file +
                       ": nested deeper than 100 levels (line 2); "
                       "not read\n") != std::string::npos);
  }
}

TEST_CASE("hostile scan: a damaged executable is reported once, not once per scanner",
          "[cli][hostile]") {
  // The Go and Rust scanners both read executables; both find this one
  // damaged, in the same words.
  auto root = scratch_dir("hostile-elf");
  std::string elf = kensa::testing::read_file("/proc/self/exe").substr(0, 3000);
  write(root / "bin/tool", elf);
  fs::permissions(root / "bin/tool", fs::perms::owner_all);
  auto run = run_kensa({"scan", root.string(), "-o", "cyclonedx-json"});
  CHECK(run.exit_code == 0);
  CHECK(run.err == "kensa: warning: bin/tool: not a readable executable: ELF section header table "
                   "lies beyond the end of the file\n");
}

// A scan that runs out of memory ends as convert and validate do: one line
// naming the input, exit 3, and no document (not even a temporary file).
TEST_CASE("hostile scan: running out of memory is one line naming the input and exit 3",
          "[cli][hostile]") {
  if (KENSA_SANITIZED) {
    // AddressSanitizer reserves terabytes of address space for its shadow
    // memory: a sanitized kensa cannot start under an address-space limit.
    WARN("skipped: an address-space limit and AddressSanitizer do not go together");
    return;
  }
  auto root = scratch_dir("hostile-scan-memory");
  auto project = root / "project";
  // About 40 MB: under --max-file-size, but its 200,000 packages need more
  // memory than the limit below leaves.
  std::string lockfile = R"({"name": "x", "version": "1.0.0", "lockfileVersion": 3, )"
                         R"("packages": {"": {"name": "x", "version": "1.0.0"})";
  for (int i = 0; i < 200'000; ++i) {
    const std::string index = std::to_string(i);
    lockfile += R"(, "node_modules/p)" + index + R"(": {"version": "1.0.)" + index +
                R"(", "resolved": "https://registry.npmjs.org/p/-/p-1.0.0.tgz", "integrity": )"
                R"("sha512-)" +
                std::string(86, 'A') + R"(=="})";
  }
  lockfile += "}}";
  write(project / "package-lock.json", lockfile);
  const fs::path output = root / "out";
  fs::create_directories(output);
  kensa::testing::RunOptions limited;
  limited.address_space = std::uint64_t{160} << 20;
  auto run = kensa::testing::run_kensa_with(
      {"scan", project.string(), "-o", "cyclonedx-json=" + (output / "bom.json").string()},
      limited);
  CHECK(run.exit_code == 3);
  CHECK(run.err == "kensa: critical: out of memory while reading " + project.string() + "\n");
  CHECK(fs::is_empty(output));
}
