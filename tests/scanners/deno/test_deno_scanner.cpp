// The deno scanner on a real deno.lock (tests/fixtures/deno/README.md), and
// on a version 4 text with JSR packages.
#include "../common/javascript/js_test_support.hpp"

#include <catch2/catch.hpp>

using namespace kensa;
using namespace kensa::testing::javascript;
using model::RelationshipType;

TEST_CASE("deno: npm packages, hashes and edges of a real lockfile", "[scanner][deno]") {
  auto result = scan_fixture({"deno"}, "deno/v5");
  CHECK(result.warnings().empty());
  CHECK(package_keys(result) ==
        std::set<std::string>{"(project)@", "debug@4.3.4", "ms@2.1.2", "ms@2.1.3"});
  const auto& root = result.root();
  // The lockfile is at the top of the scanned folder: no folder name to use.
  CHECK(root.name == "(project)");
  std::set<std::string> direct;
  for (const auto& relationship : result.document.relationships) {
    if (relationship.from == root.id) {
      direct.insert(result.document.find(relationship.to)->purl);
    }
  }
  CHECK(direct == std::set<std::string>{"pkg:npm/debug@4.3.4", "pkg:npm/ms@2.1.3"});
  CHECK(result.has_edge("pkg:npm/debug@4.3.4", "pkg:npm/ms@2.1.2", RelationshipType::depends_on));
  const auto& ms = result.component("pkg:npm/ms@2.1.2");
  REQUIRE(ms.hashes.size() == 1);
  CHECK(ms.hashes[0].algorithm == model::HashAlgorithm::sha512);
  CHECK(ms.scope == model::Scope::required);
}

TEST_CASE("deno: JSR packages get no purl, their sha256 and their edges", "[scanner][deno]") {
  auto result = scan_texts({"deno"}, {{"app/deno.lock", R"({
  "version": "4",
  "specifiers": {
    "jsr:@std/assert@1": "1.0.8",
    "jsr:@std/internal@^1.0.5": "1.0.5",
    "npm:chalk@5": "5.3.0"
  },
  "jsr": {
    "@std/assert@1.0.8": {
      "integrity": "ebe0bd7eb488ee39686f77003992f389a06c3da1bbd8022184804852b2fa641b",
      "dependencies": ["jsr:@std/internal"]
    },
    "@std/internal@1.0.5": {
      "integrity": "54a546004f769c1ac9e025abd15a76b6671ddc9687e2313b67376125650dc7ba"
    }
  },
  "npm": {
    "chalk@5.3.0": {
      "integrity": "sha512-dLitG79d+GV1Nb/VYcCDFivJeK1hiukt9QjRNVOsUtTy1rR1YJsmpGGTZ3qJos+uw7WmWF4wUwBd9jxjocFC2w=="
    }
  },
  "workspace": {"dependencies": ["jsr:@std/assert@1", "npm:chalk@5"]}
})"}});
  CHECK(result.warnings().empty());
  const model::Component* assert_component = nullptr;
  const model::Component* internal = nullptr;
  for (const auto& component : result.document.components) {
    if (component.group == "@std" && component.name == "assert") {
      assert_component = &component;
    } else if (component.group == "@std" && component.name == "internal") {
      internal = &component;
    }
  }
  REQUIRE(assert_component != nullptr);
  REQUIRE(internal != nullptr);
  CHECK(assert_component->ecosystem == "jsr");
  CHECK(assert_component->purl.empty());
  CHECK(assert_component->version == "1.0.8");
  REQUIRE(assert_component->hashes.size() == 1);
  CHECK(assert_component->hashes[0].algorithm == model::HashAlgorithm::sha256);
  CHECK(assert_component->hashes[0].hex ==
        "ebe0bd7eb488ee39686f77003992f389a06c3da1bbd8022184804852b2fa641b");
  std::set<std::pair<std::string, std::string>> edges;
  for (const auto& relationship : result.document.relationships) {
    edges.emplace(relationship.from, relationship.to);
  }
  CHECK(edges.count({result.root().id, assert_component->id}) == 1);
  CHECK(edges.count({assert_component->id, internal->id}) == 1);
  CHECK(edges.count({result.root().id, result.component("pkg:npm/chalk@5.3.0").id}) == 1);
}

TEST_CASE("deno: malformed lockfiles are warnings", "[scanner][deno][malformed]") {
  auto result = scan_texts(
      {"deno"}, {{"a/deno.lock", "{\n\"version\": \"4\",\n\"npm\": {\n"},
                 {"b/deno.lock", R"({"version": "4", "npm": {"x": {}, "y@1.0.0": 3}})"}});
  auto warnings = result.warnings();
  REQUIRE(warnings.size() == 3);
  CHECK(warnings[0].starts_with("a/deno.lock: line 4: not valid JSON"));
  CHECK(warnings[1] == "b/deno.lock: npm package \"x\" is not \"name@version\": {...}");
  CHECK(warnings[2] == "b/deno.lock: npm package \"y@1.0.0\" is not \"name@version\": {...}");
}
