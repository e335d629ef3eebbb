// kensa's own scans against the profiles it checks: every fixture scenario
// of every ecosystem, scanned with the facts only the user knows (author,
// subject name, version, supplier, purl, license and hash), written as
// CycloneDX JSON and XML, SPDX 2.3 JSON and SPDX 3, and validated with
// ntia-2021 and cisa-2026. Each required element must be filled for every component,
// unless the table below names it for the ecosystem: those are the elements
// the ecosystem's data cannot fill, each with the reason, as
// docs/validate/profiles.md says. An entry the scans no longer need fails
// the test too, so the table only ever shrinks.
#include "../support/test_support.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;

// The elements some ecosystem's data cannot fill, and why.
const std::string k_supplier = "Component Supplier";
const std::string k_version = "Component Version";
const std::string k_identifiers = "Component Identifiers";
const std::string k_hash = "Component Hash";
const std::string k_license = "Component License";
const std::string k_dependencies = "Component Dependencies";

const std::map<std::string, std::string> k_why{
    {k_supplier, "lockfiles, build information and some package databases name no supplier, "
                 "and kensa never invents one (docs/scanners/)"},
    {k_version, "path, git and workspace packages, and lockfile entries without one, have no "
                "version"},
    {k_identifiers, "a package that is not published (a path or workspace package, an "
                    "application's own project) has no purl"},
    {k_hash, "lockfiles and databases record none for some packages, and a component found "
             "inside a file is not that file"},
    {k_license, "lockfiles and some package databases record no license"},
    {k_dependencies, "a package the data records no edge for (a database without a graph, a "
                     "lockfile entry nothing depends on) relates to nothing"},
};

// Per fixture folder, the required elements its scans leave unfilled for
// some component: the ecosystem's data has nothing to fill them with.
// clang-format off
const std::map<std::string, std::set<std::string>> k_gaps{
    {"apk", {k_supplier, k_hash, k_license, k_dependencies}},
    {"binary-classifier", {k_supplier, k_hash, k_license, k_dependencies}},
    {"bun", {k_supplier, k_version, k_identifiers, k_hash, k_license}},
    {"cocoapods", {k_supplier, k_version, k_identifiers, k_hash, k_license}},
    {"composer", {k_supplier, k_version, k_identifiers, k_hash, k_license, k_dependencies}},
    {"conan", {k_supplier, k_version, k_identifiers, k_hash, k_license, k_dependencies}},
    {"conda", {k_supplier, k_version, k_identifiers, k_hash, k_license, k_dependencies}},
    {"dart", {k_supplier, k_version, k_identifiers, k_hash, k_license, k_dependencies}},
    {"deno", {k_supplier, k_version, k_identifiers, k_hash, k_license}},
    {"dotnet", {k_supplier, k_version, k_identifiers, k_hash, k_license, k_dependencies}},
    {"dpkg", {k_supplier, k_hash, k_license, k_dependencies}},
    {"elixir", {k_supplier, k_license, k_dependencies}},
    {"erlang", {k_supplier, k_version, k_identifiers, k_hash, k_license, k_dependencies}},
    {"github-actions", {k_supplier, k_hash, k_license, k_dependencies}},
    {"golang", {k_supplier, k_version, k_identifiers, k_hash, k_license, k_dependencies}},
    {"haskell", {k_supplier, k_hash, k_license, k_dependencies}},
    {"homebrew", {k_supplier, k_hash, k_license, k_dependencies}},
    {"java", {k_supplier, k_version, k_identifiers, k_hash, k_license, k_dependencies}},
    {"linux-kernel", {k_supplier, k_version, k_hash, k_license, k_dependencies}},
    {"nix", {k_supplier, k_version, k_hash, k_license, k_dependencies}},
    {"node-modules", {k_supplier, k_hash, k_license, k_dependencies}},
    {"npm", {k_supplier, k_hash, k_license}},
    {"package-notes", {k_supplier, k_hash, k_license, k_dependencies}},
    {"pacman", {k_supplier, k_version, k_identifiers, k_hash, k_license, k_dependencies}},
    {"pnpm", {k_supplier, k_hash, k_license}},
    {"portage", {k_supplier, k_hash, k_license, k_dependencies}},
    {"python", {k_supplier, k_version, k_identifiers, k_hash, k_license, k_dependencies}},
    {"r", {k_supplier, k_version, k_identifiers, k_hash, k_license, k_dependencies}},
    {"rpm", {k_supplier, k_hash, k_license, k_dependencies}},
    {"ruby", {k_supplier, k_version, k_identifiers, k_hash, k_license, k_dependencies}},
    {"rust", {k_supplier, k_identifiers, k_hash, k_license, k_dependencies}},
    {"swift", {k_supplier, k_hash, k_license, k_dependencies}},
    {"terraform", {k_supplier, k_hash, k_license, k_dependencies}},
    {"vcpkg", {k_supplier, k_version, k_identifiers, k_hash, k_license, k_dependencies}},
    {"yarn", {k_supplier, k_hash, k_license}},
};
// clang-format on

// The fixture folders that hold no scan input.
const std::set<std::string> k_not_scanned{"formats", "fuzz", "license-text", "versions"};

const std::vector<std::string> k_outputs{"cyclonedx-json@1.6", "cyclonedx-xml@1.6", "spdx-json@2.3",
                                         "spdx-json@3.0"};

// The facts a CI job passes for what it builds.
const std::vector<std::string> k_user_facts{"--author",          "Jane Doe <jane@example.com>",
                                            "--source-name",     "acme-app",
                                            "--source-version",  "2.0.0",
                                            "--source-supplier", "Example Ltd,https://example.com",
                                            "--source-purl",     "pkg:generic/acme-app@2.0.0",
                                            "--source-license",  "Apache-2.0",
                                            "--source-hash",     "sha256:" + std::string(64, 'a')};

// The required elements of ntia-2021 and cisa-2026 some component or the
// document leaves unfilled, per output, for one scenario.
std::vector<std::set<std::string>> unfilled_elements(const fs::path& scenario,
                                                     const fs::path& scratch) {
  std::vector<std::string> scan{"scan", scenario.string()};
  scan.insert(scan.end(), k_user_facts.begin(), k_user_facts.end());
  std::vector<std::string> validate{"validate",  "--report",  "json",      "--profile", "ntia-2021",
                                    "--profile", "cisa-2026", "--fail-on", "never"};
  for (const auto& output : k_outputs) {
    std::string file_name = scenario.filename().string() + "-" + output + ".sbom";
    std::replace(file_name.begin(), file_name.end(), '@', '-');
    const auto file = (scratch / file_name).string();
    scan.push_back("-o");
    scan.push_back(output + "=" + file);
    validate.push_back(file);
  }
  const auto scanned = kensa::testing::run_kensa(scan, {"SOURCE_DATE_EPOCH=1700000000"});
  INFO(scanned.err);
  REQUIRE(scanned.exit_code == 0);
  const auto validated = kensa::testing::run_kensa(validate);
  INFO(validated.err);
  REQUIRE(validated.exit_code == 0);
  const auto report = nlohmann::json::parse(validated.out);
  REQUIRE(report["documents"].size() == k_outputs.size());
  std::vector<std::set<std::string>> unfilled;
  for (const auto& document : report["documents"]) {
    REQUIRE(document["profiles"].size() == 2);
    std::set<std::string> elements;
    for (const auto& profile : document["profiles"]) {
      for (const auto& element : profile["elements"]) {
        if (element["level"] == "required" &&
            (element["missing"] != 0 || element["declaredUnknown"] != 0)) {
          elements.insert(element["element"].get<std::string>());
        }
      }
    }
    unfilled.push_back(elements);
  }
  return unfilled;
}

// Scans every scenario of tests/fixtures/<folder> and holds the elements
// they leave unfilled to the folder's row of k_gaps.
void check_own_scans(const std::string& folder) {
  const auto scratch = kensa::testing::scratch_dir("profiles-own-scans-" + folder);
  REQUIRE(k_gaps.count(folder) == 1);
  const auto& gaps = k_gaps.at(folder);
  std::set<std::string> seen;
  std::vector<fs::path> scenarios;
  for (const auto& entry : fs::directory_iterator(kensa::testing::fixture(folder))) {
    if (entry.is_directory()) {
      scenarios.push_back(entry.path());
    }
  }
  std::sort(scenarios.begin(), scenarios.end());
  for (const auto& scenario : scenarios) {
    INFO(folder << "/" << scenario.filename().string());
    const auto unfilled = unfilled_elements(scenario, scratch);
    for (std::size_t i = 0; i < unfilled.size(); ++i) {
      INFO(k_outputs[i]);
      // Every format reads the same elements out of the same scan.
      CHECK(unfilled[i] == unfilled.front());
      for (const auto& element : unfilled[i]) {
        INFO(element << " is not named for " << folder);
        CHECK(gaps.count(element) == 1);
        seen.insert(element);
      }
    }
  }
  INFO(folder << ": the table names an element every scan of it now fills");
  CHECK(seen == gaps);
}

} // namespace

TEST_CASE("profiles: own scans: every fixture folder has its row", "[validate][profiles]") {
  std::set<std::string> folders;
  for (const auto& entry : fs::directory_iterator(kensa::testing::fixture(""))) {
    if (entry.is_directory() && k_not_scanned.count(entry.path().filename().string()) == 0) {
      folders.insert(entry.path().filename().string());
    }
  }
  std::set<std::string> listed;
  for (const auto& [folder, gaps] : k_gaps) {
    listed.insert(folder);
    for (const auto& gap : gaps) {
      CHECK(k_why.count(gap) == 1);
    }
  }
  // A new ecosystem gets its row, even an empty one, and a case below.
  CHECK(folders == listed);
}

TEST_CASE("profiles: own scans of apk fill all but the named elements",
          "[validate][cli][profiles][own-scans]") {
  check_own_scans("apk");
}

TEST_CASE("profiles: own scans of binary-classifier fill all but the named elements",
          "[validate][cli][profiles][own-scans]") {
  check_own_scans("binary-classifier");
}

TEST_CASE("profiles: own scans of bun fill all but the named elements",
          "[validate][cli][profiles][own-scans]") {
  check_own_scans("bun");
}

TEST_CASE("profiles: own scans of cocoapods fill all but the named elements",
          "[validate][cli][profiles][own-scans]") {
  check_own_scans("cocoapods");
}

TEST_CASE("profiles: own scans of composer fill all but the named elements",
          "[validate][cli][profiles][own-scans]") {
  check_own_scans("composer");
}

TEST_CASE("profiles: own scans of dart fill all but the named elements",
          "[validate][cli][profiles][own-scans]") {
  check_own_scans("dart");
}

TEST_CASE("profiles: own scans of deno fill all but the named elements",
          "[validate][cli][profiles][own-scans]") {
  check_own_scans("deno");
}

TEST_CASE("profiles: own scans of dotnet fill all but the named elements",
          "[validate][cli][profiles][own-scans]") {
  check_own_scans("dotnet");
}

TEST_CASE("profiles: own scans of dpkg fill all but the named elements",
          "[validate][cli][profiles][own-scans]") {
  check_own_scans("dpkg");
}

TEST_CASE("profiles: own scans of elixir fill all but the named elements",
          "[validate][cli][profiles][own-scans]") {
  check_own_scans("elixir");
}

TEST_CASE("profiles: own scans of erlang fill all but the named elements",
          "[validate][cli][profiles][own-scans]") {
  check_own_scans("erlang");
}

TEST_CASE("profiles: own scans of github-actions fill all but the named elements",
          "[validate][cli][profiles][own-scans]") {
  check_own_scans("github-actions");
}

TEST_CASE("profiles: own scans of golang fill all but the named elements",
          "[validate][cli][profiles][own-scans]") {
  check_own_scans("golang");
}

TEST_CASE("profiles: own scans of haskell fill all but the named elements",
          "[validate][cli][profiles][own-scans]") {
  check_own_scans("haskell");
}

TEST_CASE("profiles: own scans of homebrew fill all but the named elements",
          "[validate][cli][profiles][own-scans]") {
  check_own_scans("homebrew");
}

TEST_CASE("profiles: own scans of java fill all but the named elements",
          "[validate][cli][profiles][own-scans]") {
  check_own_scans("java");
}

TEST_CASE("profiles: own scans of linux-kernel fill all but the named elements",
          "[validate][cli][profiles][own-scans]") {
  check_own_scans("linux-kernel");
}

TEST_CASE("profiles: own scans of nix fill all but the named elements",
          "[validate][cli][profiles][own-scans]") {
  check_own_scans("nix");
}

TEST_CASE("profiles: own scans of node-modules fill all but the named elements",
          "[validate][cli][profiles][own-scans]") {
  check_own_scans("node-modules");
}

TEST_CASE("profiles: own scans of npm fill all but the named elements",
          "[validate][cli][profiles][own-scans]") {
  check_own_scans("npm");
}

TEST_CASE("profiles: own scans of package-notes fill all but the named elements",
          "[validate][cli][profiles][own-scans]") {
  check_own_scans("package-notes");
}

TEST_CASE("profiles: own scans of pacman fill all but the named elements",
          "[validate][cli][profiles][own-scans]") {
  check_own_scans("pacman");
}

TEST_CASE("profiles: own scans of pnpm fill all but the named elements",
          "[validate][cli][profiles][own-scans]") {
  check_own_scans("pnpm");
}

TEST_CASE("profiles: own scans of portage fill all but the named elements",
          "[validate][cli][profiles][own-scans]") {
  check_own_scans("portage");
}

TEST_CASE("profiles: own scans of python fill all but the named elements",
          "[validate][cli][profiles][own-scans]") {
  check_own_scans("python");
}

TEST_CASE("profiles: own scans of r fill all but the named elements",
          "[validate][cli][profiles][own-scans]") {
  check_own_scans("r");
}

TEST_CASE("profiles: own scans of rpm fill all but the named elements",
          "[validate][cli][profiles][own-scans]") {
  check_own_scans("rpm");
}

TEST_CASE("profiles: own scans of ruby fill all but the named elements",
          "[validate][cli][profiles][own-scans]") {
  check_own_scans("ruby");
}

TEST_CASE("profiles: own scans of rust fill all but the named elements",
          "[validate][cli][profiles][own-scans]") {
  check_own_scans("rust");
}

TEST_CASE("profiles: own scans of swift fill all but the named elements",
          "[validate][cli][profiles][own-scans]") {
  check_own_scans("swift");
}

TEST_CASE("profiles: own scans of terraform fill all but the named elements",
          "[validate][cli][profiles][own-scans]") {
  check_own_scans("terraform");
}

TEST_CASE("profiles: own scans of yarn fill all but the named elements",
          "[validate][cli][profiles][own-scans]") {
  check_own_scans("yarn");
}

TEST_CASE("profiles: own scans of conan fill all but the named elements",
          "[validate][cli][profiles][own-scans]") {
  check_own_scans("conan");
}

TEST_CASE("profiles: own scans of conda fill all but the named elements",
          "[validate][cli][profiles][own-scans]") {
  check_own_scans("conda");
}

TEST_CASE("profiles: own scans of vcpkg fill all but the named elements",
          "[validate][cli][profiles][own-scans]") {
  check_own_scans("vcpkg");
}
