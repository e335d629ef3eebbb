// `kensa diff` end to end: two scans of a real npm project in different
// formats, the second after known edits to its lockfile.
#include "../support/test_support.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <set>
#include <string>

namespace {

namespace fs = std::filesystem;
using kensa::testing::run_kensa;

// The real lockfile-v3 project scanned as SPDX 2.3 (the old release), then
// with its lockfile edited as a release would change it, scanned as
// CycloneDX 1.6 (the new one): scheduler bumped, js-tokens downgraded,
// left-pad added, is-odd removed, loose-envify relicensed.
struct Releases {
  fs::path old_sbom;
  fs::path new_sbom;
};

Releases two_releases(const std::string& name) {
  const fs::path folder = kensa::testing::scratch_dir(name);
  const fs::path project = folder / "project";
  fs::copy(kensa::testing::fixture("npm/lockfile-v3"), project, fs::copy_options::recursive);
  Releases releases{folder / "old.spdx.json", folder / "new.cdx.json"};
  auto scanned = run_kensa(
      {"scan", project.string(), "-o", "spdx-json@2.3=" + releases.old_sbom.string(), "-q"},
      {"SOURCE_DATE_EPOCH=1700000000"});
  REQUIRE(scanned.exit_code == 0);

  auto lock =
      nlohmann::ordered_json::parse(kensa::testing::read_file(project / "package-lock.json"));
  auto& packages = lock["packages"];
  packages["node_modules/scheduler"]["version"] = "0.25.0";
  packages["node_modules/js-tokens"]["version"] = "3.0.2";
  packages["node_modules/loose-envify"]["license"] = "ISC";
  packages.erase("node_modules/is-odd");
  packages[""]["optionalDependencies"].erase("is-odd");
  packages["node_modules/left-pad"] = {{"version", "1.3.0"}, {"license", "WTFPL"}};
  packages[""]["dependencies"]["left-pad"] = "^1.3.0";
  std::ofstream(project / "package-lock.json") << lock.dump(2);
  scanned = run_kensa(
      {"scan", project.string(), "-o", "cyclonedx-json@1.6=" + releases.new_sbom.string(), "-q"},
      {"SOURCE_DATE_EPOCH=1700000000"});
  REQUIRE(scanned.exit_code == 0);
  return releases;
}

} // namespace

TEST_CASE("diff cli: SPDX 2.3 against CycloneDX 1.6 names exactly the lockfile's changes",
          "[cli][diff]") {
  const Releases releases = two_releases("diff-cli-lockfile");
  auto diffed = run_kensa(
      {"diff", releases.old_sbom.string(), releases.new_sbom.string(), "--report", "json"});
  INFO(diffed.err);
  REQUIRE(diffed.exit_code == 0);
  const auto report = nlohmann::json::parse(diffed.out);
  std::set<std::string> changes;
  for (const auto& change : report["changes"]) {
    changes.insert(change["kind"].get<std::string>() + " " + change["subject"].get<std::string>() +
                   " " + change["before"].get<std::string>() + " " +
                   change["after"].get<std::string>());
  }
  CHECK(changes == std::set<std::string>{
                       "upgraded pkg:npm/scheduler 0.23.2 0.25.0",
                       "downgraded pkg:npm/js-tokens 4.0.0 3.0.2",
                       "added pkg:npm/left-pad  ",
                       "removed pkg:npm/is-odd  ",
                       "license pkg:npm/loose-envify MIT ISC",
                       // The project's edge to is-odd and is-odd's own went
                       // with it; left-pad came in as the project's.
                       "dependency-removed pkg:npm/is-odd pkg:npm/is-number ",
                       "dependency-removed pkg:npm/kensa-fixture-app pkg:npm/is-odd ",
                       "dependency-added pkg:npm/kensa-fixture-app  pkg:npm/left-pad",
                   });
  CHECK(report["old"]["format"] == "spdx-json 2.3");
  CHECK(report["new"]["format"] == "cyclonedx-json 1.6");
}

TEST_CASE("diff cli: text by default, markdown on request, --fail-on for CI", "[cli][diff]") {
  const Releases releases = two_releases("diff-cli-fail-on");
  auto text = run_kensa({"diff", releases.old_sbom.string(), releases.new_sbom.string()});
  REQUIRE(text.exit_code == 0);
  CHECK(text.out.find("downgraded (1):\n  pkg:npm/js-tokens 4.0.0 -> 3.0.2\n") !=
        std::string::npos);
  CHECK(text.out.find("upgraded (1):\n  pkg:npm/scheduler 0.23.2 -> 0.25.0\n") !=
        std::string::npos);
  CHECK(text.out.find("summary: 1 downgraded, 1 removed, 1 added, 1 upgraded, 1 license") !=
        std::string::npos);

  auto markdown = run_kensa(
      {"diff", releases.old_sbom.string(), releases.new_sbom.string(), "--report", "markdown"});
  REQUIRE(markdown.exit_code == 0);
  CHECK(markdown.out.find("| pkg:npm/js-tokens |  | 4.0.0 | 3.0.2 |") != std::string::npos);

  // Upgrades are allowed, a downgrade is not.
  CHECK(run_kensa({"diff", releases.old_sbom.string(), releases.new_sbom.string(), "--fail-on",
                   "upgraded"})
            .exit_code == 1);
  CHECK(run_kensa({"diff", releases.old_sbom.string(), releases.new_sbom.string(), "--fail-on",
                   "digest,supplier"})
            .exit_code == 0);
  CHECK(run_kensa(
            {"diff", releases.old_sbom.string(), releases.old_sbom.string(), "--fail-on", "any"})
            .exit_code == 0);

  // Usage errors and unreadable input: one line, exit 2.
  auto bad_kind = run_kensa(
      {"diff", releases.old_sbom.string(), releases.new_sbom.string(), "--fail-on", "bogus"});
  CHECK(bad_kind.exit_code == 2);
  CHECK(bad_kind.err.find("'bogus'") != std::string::npos);
  auto missing = run_kensa({"diff", releases.old_sbom.string(), "/nonexistent/new.json"});
  CHECK(missing.exit_code == 2);
  CHECK(missing.err.find("/nonexistent/new.json") != std::string::npos);
  CHECK(missing.out.empty());
}

TEST_CASE("diff cli: file inventories are compared when both SBOMs have one", "[cli][diff]") {
  const fs::path folder = kensa::testing::scratch_dir("diff-cli-files");
  const fs::path project = folder / "project";
  fs::copy(kensa::testing::fixture("npm/lockfile-v3"), project, fs::copy_options::recursive);
  std::ofstream(project / "NOTICE") << "Copyright the authors\n";
  const fs::path old_sbom = folder / "old.spdx.json";
  const fs::path new_sbom = folder / "new.cdx.xml";
  REQUIRE(run_kensa({"scan", project.string(), "--files", "-o",
                     "spdx-json@2.3=" + old_sbom.string(), "-q"})
              .exit_code == 0);
  std::ofstream(project / "NOTICE") << "Copyright the authors and others\n";
  std::ofstream(project / "CHANGES") << "1.0.1: fixes\n";
  REQUIRE(run_kensa({"scan", project.string(), "--files", "-o",
                     "cyclonedx-xml=" + new_sbom.string(), "-q"})
              .exit_code == 0);
  auto diffed = run_kensa(
      {"diff", old_sbom.string(), new_sbom.string(), "--report", "json", "--fail-on", "file"});
  INFO(diffed.err);
  REQUIRE(diffed.exit_code == 1);
  const auto report = nlohmann::json::parse(diffed.out);
  CHECK(report["filesCompared"] == true);
  std::set<std::string> changes;
  for (const auto& change : report["changes"]) {
    changes.insert(change["kind"].get<std::string>() + " " + change["subject"].get<std::string>());
  }
  CHECK(changes == std::set<std::string>{"file-changed NOTICE", "file-added CHANGES"});
}
