// Every SBOM kensa writes passes `kensa validate` with no error: each
// fixture scenario (tests/fixtures/<scanner>/<scenario>) is scanned into
// every CycloneDX and SPDX format, encoding and version the format table
// offers, and the outputs are validated. One test case per fixture folder
// keeps each case short; a last case checks that the list of folders is
// the whole of tests/fixtures.
#include "../support/test_support.hpp"

#include <kensa/format/writer.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;

// The fixture folders the cases below cover, one case each, and the ones
// that hold no scan input (formats: documents; fuzz: fuzz inputs;
// versions: version-ordering vectors).
// One folder a line, so that scanners added side by side merge cleanly.
// clang-format off
const std::set<std::string> k_fixture_folders{
    "apk",
    "binary-classifier",
    "bun",
    "cocoapods",
    "composer",
    "dart",
    "deno",
    "dotnet",
    "dpkg",
    "elixir",
    "erlang",
    "formats",
    "fuzz",
    "github-actions",
    "golang",
    "haskell",
    "homebrew",
    "java",
    "license-text",
    "linux-kernel",
    "nix",
    "node-modules",
    "npm",
    "package-notes",
    "pacman",
    "pnpm",
    "portage",
    "python",
    "r",
    "rpm",
    "ruby",
    "rust",
    "swift",
    "terraform",
    "versions",
    "yarn",
    "conda",
    "conan",
    "vcpkg",
};
// clang-format on

// "cyclonedx-json@1.4", ... for every SBOM format and version written.
std::vector<std::string> every_sbom_output() {
  std::vector<std::string> outputs;
  for (const auto& format : kensa::format::output_formats()) {
    if (format.family == kensa::format::DocumentFamily::unknown) {
      continue;
    }
    for (const auto version : format.versions) {
      outputs.push_back(std::string(format.name) + "@" + std::string(version));
    }
  }
  return outputs;
}

// Scans each scenario of tests/fixtures/<folder> into every SBOM output and
// validates them all in one `kensa validate` run per scenario.
void validate_own_output(const std::string& folder) {
  const auto outputs = every_sbom_output();
  REQUIRE(outputs.size() >= 13);
  const auto scratch = kensa::testing::scratch_dir("validate-own-output-" + folder);
  std::vector<fs::path> scenarios;
  for (const auto& entry : fs::directory_iterator(kensa::testing::fixture(folder))) {
    if (entry.is_directory()) {
      scenarios.push_back(entry.path());
    }
  }
  std::sort(scenarios.begin(), scenarios.end());
  REQUIRE_FALSE(scenarios.empty());
  for (const auto& scenario : scenarios) {
    const std::string name = scenario.filename().string();
    std::vector<std::string> arguments{"scan", scenario.string()};
    std::vector<std::string> files;
    for (const auto& output : outputs) {
      std::string file_name = name + "-" + output;
      std::replace(file_name.begin(), file_name.end(), '@', '-');
      files.push_back((scratch / (file_name + ".sbom")).string());
      arguments.push_back("-o");
      arguments.push_back(output + "=" + files.back());
    }
    const auto scan = kensa::testing::run_kensa(arguments, {"SOURCE_DATE_EPOCH=1700000000"});
    INFO(folder << "/" << name << ": " << scan.err);
    REQUIRE(scan.exit_code == 0);
    std::vector<std::string> validate{"validate"};
    validate.insert(validate.end(), files.begin(), files.end());
    const auto result = kensa::testing::run_kensa(validate);
    INFO(result.out << result.err);
    CHECK(result.exit_code == 0);
    CHECK(result.out.find(" error ") == std::string::npos);
    // One line per document: none was skipped.
    for (const auto& file : files) {
      INFO(file);
      const auto first = result.out.find(file + ": ");
      CHECK(first != std::string::npos);
      CHECK(result.out.find(file + ": ", first + 1) == std::string::npos);
    }
  }
}

} // namespace

TEST_CASE("own output validates: apk", "[validate][cli][own-output]") {
  validate_own_output("apk");
}
TEST_CASE("own output validates: bun", "[validate][cli][own-output]") {
  validate_own_output("bun");
}
TEST_CASE("own output validates: deno", "[validate][cli][own-output]") {
  validate_own_output("deno");
}
TEST_CASE("own output validates: dpkg", "[validate][cli][own-output]") {
  validate_own_output("dpkg");
}
TEST_CASE("own output validates: formats", "[validate][cli][own-output]") {
  validate_own_output("formats");
}
TEST_CASE("own output validates: fuzz", "[validate][cli][own-output]") {
  validate_own_output("fuzz");
}
TEST_CASE("own output validates: golang", "[validate][cli][own-output]") {
  validate_own_output("golang");
}
TEST_CASE("own output validates: java", "[validate][cli][own-output]") {
  validate_own_output("java");
}
TEST_CASE("own output validates: license-text", "[validate][cli][own-output]") {
  validate_own_output("license-text");
}
TEST_CASE("own output validates: node-modules", "[validate][cli][own-output]") {
  validate_own_output("node-modules");
}
TEST_CASE("own output validates: npm", "[validate][cli][own-output]") {
  validate_own_output("npm");
}
TEST_CASE("own output validates: package-notes", "[validate][cli][own-output]") {
  validate_own_output("package-notes");
}
TEST_CASE("own output validates: pnpm", "[validate][cli][own-output]") {
  validate_own_output("pnpm");
}
TEST_CASE("own output validates: python", "[validate][cli][own-output]") {
  validate_own_output("python");
}
TEST_CASE("own output validates: rpm", "[validate][cli][own-output]") {
  validate_own_output("rpm");
}
TEST_CASE("own output validates: rust", "[validate][cli][own-output]") {
  validate_own_output("rust");
}
TEST_CASE("own output validates: yarn", "[validate][cli][own-output]") {
  validate_own_output("yarn");
}
TEST_CASE("own output validates: ruby", "[validate][cli][own-output]") {
  validate_own_output("ruby");
}
TEST_CASE("own output validates: composer", "[validate][cli][own-output]") {
  validate_own_output("composer");
}
TEST_CASE("own output validates: github-actions", "[validate][cli][own-output]") {
  validate_own_output("github-actions");
}

TEST_CASE("own output validates: homebrew", "[validate][cli][own-output]") {
  validate_own_output("homebrew");
}

TEST_CASE("own output validates: nix", "[validate][cli][own-output]") {
  validate_own_output("nix");
}

TEST_CASE("own output validates: pacman", "[validate][cli][own-output]") {
  validate_own_output("pacman");
}

TEST_CASE("own output validates: portage", "[validate][cli][own-output]") {
  validate_own_output("portage");
}

TEST_CASE("own output validates: terraform", "[validate][cli][own-output]") {
  validate_own_output("terraform");
}

TEST_CASE("own output validates: swift", "[validate][cli][own-output]") {
  validate_own_output("swift");
}
TEST_CASE("own output validates: cocoapods", "[validate][cli][own-output]") {
  validate_own_output("cocoapods");
}
TEST_CASE("own output validates: dart", "[validate][cli][own-output]") {
  validate_own_output("dart");
}
TEST_CASE("own output validates: elixir", "[validate][cli][own-output]") {
  validate_own_output("elixir");
}
TEST_CASE("own output validates: erlang", "[validate][cli][own-output]") {
  validate_own_output("erlang");
}

TEST_CASE("own output validates: every fixture folder has its case", "[validate][own-output]") {
  std::set<std::string> folders;
  for (const auto& entry : fs::directory_iterator(kensa::testing::fixture(""))) {
    if (entry.is_directory()) {
      folders.insert(entry.path().filename().string());
    }
  }
  CHECK(folders == k_fixture_folders);
}

TEST_CASE("own output validates: binary-classifier", "[validate][cli][own-output]") {
  validate_own_output("binary-classifier");
}

TEST_CASE("own output validates: linux-kernel", "[validate][cli][own-output]") {
  validate_own_output("linux-kernel");
}

TEST_CASE("own output validates: dotnet", "[validate][cli][own-output]") {
  validate_own_output("dotnet");
}

TEST_CASE("own output validates: haskell", "[validate][cli][own-output]") {
  validate_own_output("haskell");
}

TEST_CASE("own output validates: r", "[validate][cli][own-output]") {
  validate_own_output("r");
}

TEST_CASE("own output validates: conda", "[validate][cli][own-output]") {
  validate_own_output("conda");
}

TEST_CASE("own output validates: conan", "[validate][cli][own-output]") {
  validate_own_output("conan");
}

TEST_CASE("own output validates: vcpkg", "[validate][cli][own-output]") {
  validate_own_output("vcpkg");
}
