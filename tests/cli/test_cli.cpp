#include "../formats/format_fixture.hpp"
#include "../support/test_support.hpp"

#include <kensa/version.hpp>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <sys/resource.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

using kensa::testing::line_count;
using kensa::testing::run_kensa;
namespace fs = std::filesystem;

TEST_CASE("cli: --version prints the version and the built-in tables", "[cli]") {
  auto result = run_kensa({"--version"});
  CHECK(result.exit_code == 0);
  CHECK(result.out.starts_with(std::string("kensa ") + kensa::k_version + "\n"));
  CHECK(result.out.find("scanners: npm") != std::string::npos);
  CHECK(result.out.find("cyclonedx-json") != std::string::npos);
}

TEST_CASE("cli: --version lists every scanner, at least thirty", "[cli]") {
  auto result = run_kensa({"--version"});
  REQUIRE(result.exit_code == 0);
  auto begin = result.out.find("\nscanners:");
  REQUIRE(begin != std::string::npos);
  begin += std::string_view("\nscanners:").size();
  const auto end = result.out.find('\n', begin);
  std::istringstream line(result.out.substr(begin, end - begin));
  std::set<std::string> listed;
  for (std::string name; line >> name;) {
    CHECK(listed.insert(name).second);
  }
  CHECK(listed.size() >= 30);
  for (const char* name : {"ruby", "composer", "dotnet", "swift", "cocoapods", "dart", "elixir",
                           "erlang", "haskell", "r", "conan", "vcpkg", "conda", "github-actions",
                           "terraform", "pacman", "homebrew", "nix", "portage"}) {
    INFO(name);
    CHECK(listed.count(name) == 1);
  }
}

TEST_CASE("cli: --help lists the subcommands and exits 0", "[cli]") {
  auto result = run_kensa({"--help"});
  CHECK(result.exit_code == 0);
  CHECK(result.out.find("scan") != std::string::npos);
  auto scan_help = run_kensa({"scan", "--help"});
  CHECK(scan_help.exit_code == 0);
  CHECK(scan_help.out.find("--exclude") != std::string::npos);
  CHECK(scan_help.out.find("FORMAT[@VERSION][=FILE]") != std::string::npos);
}

TEST_CASE("cli: usage errors give one line on stderr and exit 2", "[cli]") {
  auto unknown_flag = run_kensa({"scan", ".", "--no-such-flag"});
  CHECK(unknown_flag.exit_code == 2);
  CHECK(unknown_flag.out.empty());
  CHECK(line_count(unknown_flag.err) == 1);
  CHECK(unknown_flag.err.starts_with("kensa: error: "));

  auto unknown_format = run_kensa({"scan", ".", "-o", "spdx-xls"});
  CHECK(unknown_format.exit_code == 2);
  CHECK(line_count(unknown_format.err) == 1);
  CHECK(unknown_format.err.find("unknown format 'spdx-xls'") != std::string::npos);

  auto no_command = run_kensa({"frobnicate"});
  CHECK(no_command.exit_code == 2);

  auto two_stdout = run_kensa({"scan", ".", "-o", "table", "-o", "cyclonedx-json"});
  CHECK(two_stdout.exit_code == 2);
  CHECK(two_stdout.err.find("only one output can go to standard output") != std::string::npos);

  auto bad_epoch = run_kensa({"scan", "."}, {"SOURCE_DATE_EPOCH=yesterday"});
  CHECK(bad_epoch.exit_code == 2);
  CHECK(bad_epoch.err.find("SOURCE_DATE_EPOCH") != std::string::npos);
}

TEST_CASE("cli: a missing path is one error line and exit 2", "[cli]") {
  auto result = run_kensa({"scan", "/no/such/input"});
  CHECK(result.exit_code == 2);
  CHECK(result.out.empty());
  CHECK(result.err == "kensa: error: cannot read /no/such/input: No such file or directory\n");
}

TEST_CASE("cli: several outputs in one run, files written whole", "[cli]") {
  auto dir = kensa::testing::scratch_dir("cli-outputs");
  auto input = dir / "input";
  fs::create_directories(input);
  auto result =
      run_kensa({"scan", input.string(), "-o", "cyclonedx-json=" + (dir / "bom.json").string(),
                 "-o", "table=" + (dir / "table.txt").string(), "-q"});
  CHECK(result.exit_code == 0);
  CHECK(result.out.empty());
  CHECK(result.err.empty());
  auto bom = nlohmann::json::parse(kensa::testing::read_file(dir / "bom.json"));
  CHECK(bom["bomFormat"] == "CycloneDX");
  CHECK(kensa::testing::read_file(dir / "table.txt") == "No components found.\n");
}

TEST_CASE("cli: an unwritable output is an error, exit 2", "[cli]") {
  auto dir = kensa::testing::scratch_dir("cli-unwritable");
  auto result = run_kensa(
      {"scan", dir.string(), "-o", "cyclonedx-json=" + (dir / "missing/bom.json").string()});
  CHECK(result.exit_code == 2);
  CHECK(result.err.find("cannot write") != std::string::npos);
}

TEST_CASE("cli: SOURCE_DATE_EPOCH fixes the timestamp", "[cli]") {
  auto dir = kensa::testing::scratch_dir("cli-epoch");
  auto result =
      run_kensa({"scan", dir.string(), "-o", "cyclonedx-json"}, {"SOURCE_DATE_EPOCH=1700000000"});
  REQUIRE(result.exit_code == 0);
  auto bom = nlohmann::json::parse(result.out);
  CHECK(bom["metadata"]["timestamp"] == "2023-11-14T22:13:20Z");
  // The last second a four-digit year holds is taken; the next one, which
  // would write year 10000, is refused before any work.
  auto last =
      run_kensa({"scan", dir.string(), "-o", "cyclonedx-json"}, {"SOURCE_DATE_EPOCH=253402300799"});
  REQUIRE(last.exit_code == 0);
  CHECK(nlohmann::json::parse(last.out)["metadata"]["timestamp"] == "9999-12-31T23:59:59Z");
  auto beyond =
      run_kensa({"scan", dir.string(), "-o", "cyclonedx-json"}, {"SOURCE_DATE_EPOCH=253402300800"});
  CHECK(beyond.exit_code == 2);
  CHECK(beyond.out.empty());
  CHECK(line_count(beyond.err) == 1);
  CHECK(beyond.err.find("SOURCE_DATE_EPOCH 253402300800 is after 9999-12-31T23:59:59Z") !=
        std::string::npos);
}

TEST_CASE("cli: --log-format json writes one JSON object per stderr line", "[cli]") {
  auto result = run_kensa({"--log-format", "json", "scan", "/no/such/input"});
  CHECK(result.exit_code == 2);
  REQUIRE(line_count(result.err) == 1);
  auto line = nlohmann::json::parse(result.err);
  CHECK(line["level"] == "error");
  CHECK(line["message"] == "cannot read /no/such/input: No such file or directory");
  CHECK(line.contains("time"));
}

TEST_CASE("cli: -v adds informational messages on stderr only", "[cli]") {
  auto dir = kensa::testing::scratch_dir("cli-verbose");
  auto quiet = run_kensa({"scan", dir.string()});
  auto verbose = run_kensa({"scan", dir.string(), "-v"});
  CHECK(quiet.err.empty());
  CHECK(verbose.err.find("kensa: info: found 0 component(s)") != std::string::npos);
  CHECK(quiet.out == verbose.out);
}

// The kensa executable runs with mimalloc (cmake/KensaDependencies.cmake),
// except in sanitizer builds, where AddressSanitizer owns malloc.
TEST_CASE("cli: the executable runs with the mimalloc allocator", "[cli]") {
#if KENSA_WITH_MIMALLOC
  auto result = run_kensa({"--version"}, {"MIMALLOC_VERBOSE=1"});
  CHECK(result.exit_code == 0);
  CHECK(result.err.find("mimalloc: process init") != std::string::npos);
#else
  auto result = run_kensa({"--version"}, {"MIMALLOC_VERBOSE=1"});
  CHECK(result.exit_code == 0);
  CHECK(result.err.find("mimalloc") == std::string::npos);
#endif
}

#if KENSA_WITH_MIMALLOC
namespace {

// Minor page faults of the kensa run `arguments` with `options`.
long page_faults_of(const std::vector<std::string>& arguments,
                    const kensa::testing::RunOptions& options) {
  rusage before{};
  getrusage(RUSAGE_CHILDREN, &before);
  auto result = kensa::testing::run_kensa_with(arguments, options);
  REQUIRE(result.exit_code == 0);
  rusage after{};
  getrusage(RUSAGE_CHILDREN, &after);
  return after.ru_minflt - before.ru_minflt;
}

bool transparent_huge_pages_available() {
  std::ifstream setting("/sys/kernel/mm/transparent_hugepage/enabled");
  std::string line;
  return std::getline(setting, line) && line.find("[never]") == std::string::npos;
}

} // namespace
#endif

// The executable asks mimalloc for 2 MiB pages (src/allocator/
// mimalloc_options.cpp): converting a big document takes far fewer page
// faults than with 4 KiB pages.
TEST_CASE("cli: big documents are read and written in 2 MiB pages", "[cli]") {
#if KENSA_WITH_MIMALLOC
  if (!transparent_huge_pages_available()) {
    WARN("transparent huge pages are disabled on this machine: nothing to compare");
    return;
  }
  const auto folder = kensa::testing::scratch_dir("cli-large-pages");
  const auto input = folder / "big.cdx.json";
  std::ofstream(input) << kensa::testing::render_as(kensa::testing::chain_document(30000),
                                                    "cyclonedx-json");
  const std::vector<std::string> arguments = {"convert", input.string(), "-o",
                                              "spdx-json=" + (folder / "big.spdx.json").string()};
  kensa::testing::RunOptions small_pages_options;
  small_pages_options.environment = {"MIMALLOC_LARGE_OS_PAGES=0"};
  const long small_pages = page_faults_of(arguments, small_pages_options);
  const long large_pages = page_faults_of(arguments, {});
  INFO("4 KiB pages: " << small_pages << " faults, 2 MiB pages: " << large_pages);
  // About 2.9 times fewer here (the arena below is madvised for 2 MiB pages
  // only when they are on); the same setting both times would give 1.
  CHECK(large_pages * 5 < small_pages * 4);
#else
  SUCCEED("sanitizer builds keep the C library's allocator");
#endif
}

// Memory one step frees (a document's JSON nodes once its components are
// mapped, a list of components once it is sorted) is reused by the next
// from an arena of mimalloc's (src/allocator/mimalloc_options.cpp), not
// given back to the kernel and asked for again: a merge faults in far fewer
// fresh pages. Under an address-space limit there is no arena.
TEST_CASE("cli: memory a step frees is reused by the next", "[cli]") {
#if KENSA_WITH_MIMALLOC
  if (!transparent_huge_pages_available()) {
    WARN("transparent huge pages are disabled on this machine: nothing to compare");
    return;
  }
  const auto folder = kensa::testing::scratch_dir("cli-arena");
  const auto first = folder / "first.cdx.json";
  const auto second = folder / "second.spdx.json";
  std::ofstream(first) << kensa::testing::render_as(kensa::testing::chain_document(20000),
                                                    "cyclonedx-json");
  std::ofstream(second) << kensa::testing::render_as(kensa::testing::chain_document(20000),
                                                     "spdx-json");
  const std::vector<std::string> arguments = {"merge", first.string(), second.string(), "-o",
                                              "cyclonedx-json=" +
                                                  (folder / "merged.cdx.json").string()};
  kensa::testing::RunOptions without_arena;
  without_arena.address_space = std::uint64_t{1} << 40;
  const long fresh = page_faults_of(arguments, without_arena);
  const long reused = page_faults_of(arguments, {});
  INFO("without the arena: " << fresh << " faults, with it: " << reused);
  CHECK(reused * 2 < fresh);
#else
  SUCCEED("sanitizer builds keep the C library's allocator");
#endif
}
