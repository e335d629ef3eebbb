// The yarn scanner on real lockfiles of Yarn 1 and Yarn 4
// (tests/fixtures/yarn/README.md), made for the same project as the npm
// fixtures, so npm ls's marks for that project are the expected ones.
#include "../common/javascript/js_test_support.hpp"

#include <catch2/catch.hpp>

using namespace kensa;
using namespace kensa::testing::javascript;
using model::RelationshipType;
using model::Scope;

namespace {

const ScanResult& yarn_v1() {
  static const ScanResult result = scan_fixture({"yarn"}, "yarn/v1");
  return result;
}

const ScanResult& yarn_berry() {
  static const ScanResult result = scan_fixture({"yarn"}, "yarn/berry");
  return result;
}

} // namespace

TEST_CASE("yarn v1: the packages and marks are those npm gives the same project",
          "[scanner][yarn]") {
  CHECK(yarn_v1().warnings().empty());
  // Yarn 1 does not install peer dependencies.
  check_marks_match_npm(yarn_v1(), {"react@18.3.1"});
}

TEST_CASE("yarn v1: root, workspace, hashes, aliases and edges", "[scanner][yarn]") {
  const auto& result = yarn_v1();
  const auto& root = result.root();
  CHECK(root.purl == "pkg:npm/kensa-fixture-app@1.0.0");
  REQUIRE(root.evidence.size() == 1);
  CHECK(root.evidence[0].location == "yarn.lock");
  CHECK(root.evidence[0].found_by == "yarn");

  const auto& util = result.component("pkg:npm/%40kensa-fixture/util@0.2.0");
  CHECK(util.type == model::ComponentType::application);
  REQUIRE(util.licenses_declared.size() == 1);
  CHECK(util.licenses_declared[0].expression == "Apache-2.0");
  CHECK(result.has_edge(root.purl, util.purl, RelationshipType::depends_on));
  CHECK(result.has_edge(util.purl, "pkg:npm/is-number@7.0.0", RelationshipType::depends_on));

  const auto& debug = result.component("pkg:npm/debug@4.3.4");
  REQUIRE(debug.hashes.size() == 1);
  CHECK(debug.hashes[0].algorithm == model::HashAlgorithm::sha512);
  CHECK(debug.hashes[0].hex.starts_with("3d15851ee494dde0ed4093ef9cd63b25c91eb758"));
  REQUIRE(debug.external_references.size() == 1);
  CHECK(debug.external_references[0].url == "https://registry.yarnpkg.com/debug/-/debug-4.3.4.tgz");
  CHECK(result.has_edge(debug.purl, "pkg:npm/ms@2.1.2", RelationshipType::depends_on));

  CHECK(result.has_property(result.component("pkg:npm/ms@2.0.0"), "kensa:npm:alias", "ms-old"));
  CHECK(result.has_edge(root.purl, "pkg:npm/ms@2.0.0", RelationshipType::depends_on));
  CHECK(result.has_edge(root.purl, "pkg:npm/kind-of@3.2.2", RelationshipType::dev_depends_on));
  CHECK(result.has_edge(root.purl, "pkg:npm/is-odd@3.0.1", RelationshipType::optional_depends_on));
  // "js-tokens@^3.0.0 || ^4.0.0": a request with spaces.
  CHECK(result.has_edge("pkg:npm/loose-envify@1.4.0", "pkg:npm/js-tokens@4.0.0",
                        RelationshipType::depends_on));
}

TEST_CASE("yarn berry: the packages and marks are those npm gives the same project",
          "[scanner][yarn]") {
  CHECK(yarn_berry().warnings().empty());
  check_marks_match_npm(yarn_berry(), {"react@18.3.1"});
}

TEST_CASE("yarn berry: workspaces, checksums, aliases and edges", "[scanner][yarn]") {
  const auto& result = yarn_berry();
  const auto& root = result.root();
  // "0.0.0-use.local" is Yarn's placeholder: the version is package.json's.
  CHECK(root.purl == "pkg:npm/kensa-fixture-app@1.0.0");
  const auto& util = result.component("pkg:npm/%40kensa-fixture/util@0.2.0");
  CHECK(result.has_edge(root.purl, util.purl, RelationshipType::depends_on));
  CHECK(result.has_edge(util.purl, "pkg:npm/is-number@7.0.0", RelationshipType::depends_on));

  const auto& ms = result.component("pkg:npm/ms@2.1.3");
  CHECK(ms.hashes.empty());
  CHECK(result.has_property(ms, "kensa:yarn:checksum",
                            "10c0/d924b57e7312b3b63ad21fc5b3dc0af5e78d61a1fc7cfb5457edaf26326bf62b"
                            "e5307cc87ffb6862ef1c2b33b0233cdb5d4f01c4c958cc0d660948b65a287a48"));
  CHECK(result.has_property(result.component("pkg:npm/ms@2.0.0"), "kensa:npm:alias", "ms-old"));
  CHECK(result.has_edge("pkg:npm/debug@4.3.4", "pkg:npm/ms@2.1.2", RelationshipType::depends_on));
  CHECK(result.has_edge("pkg:npm/is-odd@3.0.1", "pkg:npm/is-number@6.0.0",
                        RelationshipType::depends_on));
  CHECK(
      result.has_edge(root.purl, "pkg:npm/is-buffer@1.1.6", RelationshipType::optional_depends_on));
}

TEST_CASE("yarn berry: patch and link protocols", "[scanner][yarn]") {
  // The shape Yarn writes for a patched package (TypeScript's built-in
  // compatibility patch) and for a linked folder.
  auto result = scan_texts(
      {"yarn"}, {{"package.json",
                  R"({"name": "app", "version": "2.0.0", "dependencies": {"typescript": "5.4.5",
            "local": "link:./local"}})"},
                 {"yarn.lock", R"(__metadata:
  version: 8
  cacheKey: 10c0

"app@workspace:.":
  version: 0.0.0-use.local
  resolution: "app@workspace:."
  dependencies:
    local: "link:./local"
    typescript: "npm:5.4.5"
  languageName: unknown
  linkType: soft

"local@link:./local::locator=app%40workspace%3A.":
  version: 0.0.0-use.local
  resolution: "local@link:./local::locator=app%40workspace%3A."
  languageName: node
  linkType: soft

"typescript@npm:5.4.5":
  version: 5.4.5
  resolution: "typescript@npm:5.4.5"
  checksum: 10c0/2954022ada340fd3d6a9e2b8e534f65d57c92d5f3989a263754a78aba549f7e6529acc1921913560a4b816c46dce7df4a4d29f9f11a3dc0d4213bb76d043251e
  languageName: node
  linkType: hard

"typescript@patch:typescript@npm%3A5.4.5#optional!builtin<compat/typescript>":
  version: 5.4.5
  resolution: "typescript@patch:typescript@npm%3A5.4.5#optional!builtin<compat/typescript>::version=5.4.5&hash=5adc0c"
  checksum: 10c0/db2ad2a16ca829f50427eeb1da155e7a45e598eec7b086d8b4e8ba44e5a235f758e606d681c66992230d3fc3b8995865e5fd0b22a2c95486d0b3200f83072ec9
  languageName: node
  linkType: hard
)"}});
  CHECK(result.warnings().empty());
  const auto& typescript = result.component("pkg:npm/typescript@5.4.5");
  CHECK(result.has_property(typescript, "kensa:yarn:patch",
                            "typescript@patch:typescript@npm%3A5.4.5#optional!builtin<compat/"
                            "typescript>::version=5.4.5&hash=5adc0c"));
  // The link has no version of its own: no purl, but a component.
  bool found_local = false;
  for (const auto& component : result.document.components) {
    if (component.name == "local") {
      found_local = true;
      CHECK(component.purl.empty());
      CHECK(component.version.empty());
      CHECK(result.has_property(component, "kensa:npm:link"));
    }
  }
  CHECK(found_local);
}

TEST_CASE("yarn: malformed lockfiles are warnings with their line", "[scanner][yarn][malformed]") {
  auto result = scan_texts(
      {"yarn"},
      {{"a/yarn.lock", "# yarn lockfile v1\n\n\"ms@2.1.3\":\n  version \"2.1.3\n\nnot a header\n"
                       "  version \"1\"\n\nok@1.0.0:\n  version \"1.0.0\"\n      deep \"x\"\n"},
       {"b/yarn.lock", "__metadata:\n  version: 8\n\"x@npm:1\": [unclosed\n"},
       {"c/yarn.lock", "__metadata:\n  version: 8\n\"x@npm:1\": " + std::string(200, '[') +
                           std::string(200, ']') + "\n"}});
  auto warnings = result.warnings();
  REQUIRE(warnings.size() == 5);
  // Sorted as text, as documents keep them.
  CHECK(warnings[0] == "a/yarn.lock: line 11: unexpected indentation of 6 spaces");
  CHECK(warnings[1] == "a/yarn.lock: line 4: unterminated quoted string");
  CHECK(warnings[2] == "a/yarn.lock: line 6: not an entry header (\"name@range:\"); the entry is "
                       "skipped");
  CHECK(warnings[3].starts_with("b/yarn.lock: line "));
  CHECK(warnings[3].find("not valid YAML") != std::string::npos);
  CHECK(warnings[4].starts_with("c/yarn.lock: line 3: nested deeper than"));
  // The good entries of the broken file are still read.
  CHECK(result.find("pkg:npm/ok@1.0.0") != nullptr);
}
