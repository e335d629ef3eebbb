// The pnpm scanner on real lockfiles of pnpm 7 (5.4), 8 (6.0) and 9 (9.0)
// (tests/fixtures/pnpm/README.md), made for the same project as the npm
// fixtures, so npm ls's marks for that project are the expected ones.
#include "../common/javascript/js_test_support.hpp"

#include <catch2/catch.hpp>

using namespace kensa;
using namespace kensa::testing::javascript;
using model::RelationshipType;

namespace {

const ScanResult& pnpm(const std::string& version) {
  static std::map<std::string, ScanResult> results;
  auto it = results.find(version);
  if (it == results.end()) {
    it = results.emplace(version, scan_fixture({"pnpm"}, "pnpm/" + version)).first;
  }
  return it->second;
}

void check_common(const ScanResult& result) {
  CHECK(result.warnings().empty());
  const auto& root = result.root();
  CHECK(root.purl == "pkg:npm/kensa-fixture-app@1.0.0");
  REQUIRE(root.evidence.size() == 1);
  CHECK(root.evidence[0].location == "pnpm-lock.yaml");
  CHECK(root.evidence[0].found_by == "pnpm");

  const auto& util = result.component("pkg:npm/%40kensa-fixture/util@0.2.0");
  CHECK(util.type == model::ComponentType::application);
  CHECK(result.has_property(util, "kensa:npm:workspace"));
  REQUIRE(util.licenses_declared.size() == 1);
  CHECK(util.licenses_declared[0].expression == "Apache-2.0");
  CHECK(result.has_edge(root.purl, util.purl, RelationshipType::depends_on));
  CHECK(result.has_edge(util.purl, "pkg:npm/is-number@7.0.0", RelationshipType::depends_on));

  const auto& ms = result.component("pkg:npm/ms@2.1.3");
  REQUIRE(ms.hashes.size() == 1);
  CHECK(ms.hashes[0].algorithm == model::HashAlgorithm::sha512);
  CHECK(ms.hashes[0].hex.starts_with("e85973b9b4cb646dc9d9afcd542025784863ceae"));

  CHECK(result.has_edge(root.purl, "pkg:npm/ms@2.0.0", RelationshipType::depends_on));
  CHECK(result.has_edge(root.purl, "pkg:npm/kind-of@3.2.2", RelationshipType::dev_depends_on));
  CHECK(result.has_edge(root.purl, "pkg:npm/is-odd@3.0.1", RelationshipType::optional_depends_on));
  CHECK(result.has_edge("pkg:npm/debug@4.3.4", "pkg:npm/ms@2.1.2", RelationshipType::depends_on));
  CHECK(result.has_edge("pkg:npm/is-odd@3.0.1", "pkg:npm/is-number@6.0.0",
                        RelationshipType::depends_on));
  CHECK(result.has_edge("pkg:npm/kind-of@3.2.2", "pkg:npm/is-buffer@1.1.6",
                        RelationshipType::depends_on));
}

} // namespace

TEST_CASE("pnpm 5.4: packages, marks, hashes and edges", "[scanner][pnpm]") {
  check_common(pnpm("v5"));
  // pnpm 7 does not install peers.
  check_marks_match_npm(pnpm("v5"), {"react@18.3.1"});
}

TEST_CASE("pnpm 6.0: packages, marks, hashes, edges and peer suffixes", "[scanner][pnpm]") {
  check_common(pnpm("v6"));
  check_marks_match_npm(pnpm("v6"));
  // "/react-dom@18.3.1(react@18.3.1)": the suffix names the peer it was
  // resolved with, not another version.
  CHECK(pnpm("v6").has_edge("pkg:npm/react-dom@18.3.1", "pkg:npm/react@18.3.1",
                            RelationshipType::depends_on));
}

TEST_CASE("pnpm 9.0: packages and snapshots, marks, hashes, edges", "[scanner][pnpm]") {
  check_common(pnpm("v9"));
  check_marks_match_npm(pnpm("v9"));
  CHECK(pnpm("v9").has_edge("pkg:npm/react-dom@18.3.1", "pkg:npm/react@18.3.1",
                            RelationshipType::depends_on));
  const auto& react_dom = pnpm("v9").component("pkg:npm/react-dom@18.3.1");
  REQUIRE(react_dom.hashes.size() == 1);
}

TEST_CASE("pnpm: key forms of every lockfile version", "[scanner][pnpm]") {
  auto result = scan_texts({"pnpm"}, {{"v5/pnpm-lock.yaml", R"(lockfileVersion: 5.3
specifiers:
  '@babel/core': ^7.0.0
dependencies:
  '@babel/core': 7.24.0_supports-color@8.1.1
packages:
  /@babel/core/7.24.0_supports-color@8.1.1:
    resolution: {integrity: sha1-2jmj7l5rSw0yVb/vlWAYkK/YBwk=}
    dependencies:
      string-width-cjs: /string-width/4.2.3
    dev: false
  /string-width/4.2.3:
    resolution: {integrity: sha1-2jmj7l5rSw0yVb/vlWAYkK/YBwk=}
  github.com/owner/repo/0123456789abcdef:
    resolution: {tarball: https://codeload.github.com/owner/repo/tar.gz/0123456789abcdef}
    name: from-git
    version: 1.2.3
)"}});
  CHECK(result.warnings().empty());
  CHECK(package_keys(result) ==
        std::set<std::string>{"v5@", "@babel/core@7.24.0", "string-width@4.2.3", "from-git@1.2.3"});
  CHECK(result.has_edge("pkg:npm/%40babel/core@7.24.0", "pkg:npm/string-width@4.2.3",
                        RelationshipType::depends_on));
  CHECK(result.component("pkg:npm/%40babel/core@7.24.0").scope == model::Scope::required);
  // Nothing in the project leads to the git package: extraneous.
  CHECK(result.has_property(result.component("pkg:npm/from-git@1.2.3"), "kensa:npm:extraneous"));
}

TEST_CASE("pnpm: malformed lockfiles are warnings with their line", "[scanner][pnpm][malformed]") {
  auto result = scan_texts(
      {"pnpm"},
      {{"a/pnpm-lock.yaml", "lockfileVersion: '9.0'\nimporters:\n  .:\n    dependencies: {a: [\n"},
       {"b/pnpm-lock.yaml", "- just\n- a list\n"},
       {"c/pnpm-lock.yaml",
        "lockfileVersion: '9.0'\npackages: 5\nimporters:\n  .:\n    dependencies:\n      x:\n"
        "        specifier: 1.0.0\n        version: 1.0.0\n"},
       {"d/pnpm-lock.yaml", "lockfileVersion: '9.0'\nx: " + std::string(300, '[') + "\n"}});
  auto warnings = result.warnings();
  REQUIRE(warnings.size() == 5);
  CHECK(warnings[0].starts_with("a/pnpm-lock.yaml: line "));
  CHECK(warnings[0].find("not valid YAML") != std::string::npos);
  CHECK(warnings[1] == "b/pnpm-lock.yaml: not a pnpm lockfile: the top level is not a map");
  CHECK(warnings[2].starts_with("c/pnpm-lock.yaml: 1 dependenc"));
  CHECK(warnings[3] == "c/pnpm-lock.yaml: line 2: \"packages\" is not a map");
  CHECK(warnings[4].starts_with("d/pnpm-lock.yaml: line 2: nested deeper than"));
  // The project of the lockfile with a bad packages map is still reported.
  CHECK(package_keys(result).count("c@") == 1);
}
