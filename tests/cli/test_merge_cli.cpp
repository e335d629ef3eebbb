// `kensa merge` end to end, on SBOMs of real projects of three ecosystems,
// each in another format.
#include "../support/test_support.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <set>
#include <sstream>
#include <string>

namespace {

namespace fs = std::filesystem;
using kensa::testing::run_kensa;

fs::path scanned(const std::string& fixture, const fs::path& out, const std::string& format) {
  auto scan = run_kensa(
      {"scan", kensa::testing::fixture(fixture).string(), "-o", format + "=" + out.string(), "-q"},
      {"SOURCE_DATE_EPOCH=1700000000"});
  REQUIRE(scan.exit_code == 0);
  return out;
}

std::vector<std::string> purls_of(const fs::path& sbom) {
  auto listed = run_kensa({"convert", sbom.string(), "-o", "purls"});
  REQUIRE(listed.exit_code == 0);
  std::vector<std::string> purls;
  std::istringstream lines(listed.out);
  for (std::string line; std::getline(lines, line);) {
    if (!line.empty()) {
      purls.push_back(line);
    }
  }
  return purls;
}

} // namespace

TEST_CASE("merge cli: npm, Python and Rust SBOMs in three formats keep every component once",
          "[cli][merge]") {
  const fs::path folder = kensa::testing::scratch_dir("merge-cli-ecosystems");
  const fs::path npm = scanned("npm/lockfile-v3", folder / "npm.cdx.json", "cyclonedx-json");
  const fs::path python =
      scanned("python/poetry-v2.1", folder / "python.spdx.json", "spdx-json@2.3");
  const fs::path rust = scanned("rust/lockfile-v4", folder / "rust.spdx", "spdx-tag-value");
  const fs::path merged = folder / "merged.cdx.json";
  auto merging = run_kensa({"merge", npm.string(), python.string(), rust.string(), "-o",
                            "cyclonedx-json=" + merged.string()});
  INFO(merging.err);
  REQUIRE(merging.exit_code == 0);

  const auto merged_purls = purls_of(merged);
  const std::set<std::string> unique(merged_purls.begin(), merged_purls.end());
  CHECK(unique.size() == merged_purls.size());
  std::size_t inputs = 0;
  for (const auto& input : {npm, python, rust}) {
    const auto purls = purls_of(input);
    CHECK(purls.size() > 2);
    inputs += purls.size();
    for (const auto& purl : purls) {
      INFO(input.filename().string() << ": " << purl);
      CHECK(unique.contains(purl));
    }
  }
  // No component is in two of these projects.
  CHECK(merged_purls.size() == inputs);
  auto validated = run_kensa({"validate", merged.string()});
  INFO(validated.out);
  CHECK(validated.exit_code == 0);
}

TEST_CASE("merge cli: A merged with A is A", "[cli][merge]") {
  const fs::path folder = kensa::testing::scratch_dir("merge-cli-self");
  const fs::path npm = scanned("npm/lockfile-v3", folder / "npm.cdx.json", "cyclonedx-json");
  for (const std::string format : {"cyclonedx-json", "spdx-json@2.3"}) {
    INFO(format);
    auto alone = run_kensa({"convert", npm.string(), "-o", format});
    auto twice = run_kensa({"merge", npm.string(), npm.string(), "-o", format});
    REQUIRE(alone.exit_code == 0);
    REQUIRE(twice.exit_code == 0);
    CHECK(twice.out == alone.out);
  }
}

TEST_CASE("merge cli: --hierarchical nests each input, unreadable input exits 2", "[cli][merge]") {
  const fs::path folder = kensa::testing::scratch_dir("merge-cli-hierarchical");
  const fs::path npm = scanned("npm/lockfile-v3", folder / "npm.cdx.json", "cyclonedx-json");
  const fs::path python =
      scanned("python/poetry-v2.1", folder / "python.spdx.json", "spdx-json@2.3");
  auto merged =
      run_kensa({"merge", npm.string(), python.string(), "--hierarchical", "--source-name",
                 "platform", "--source-version", "2026.1", "-o", "spdx-tag-value"});
  INFO(merged.err);
  REQUIRE(merged.exit_code == 0);
  CHECK(merged.out.find("PackageName: platform") != std::string::npos);
  CHECK(merged.out.find("CONTAINS") != std::string::npos);

  auto missing = run_kensa({"merge", npm.string(), (folder / "none.json").string(), "-o",
                            "cyclonedx-json=" + (folder / "out.json").string()});
  CHECK(missing.exit_code == 2);
  CHECK(missing.err.find("none.json") != std::string::npos);
  CHECK_FALSE(fs::exists(folder / "out.json"));
}
