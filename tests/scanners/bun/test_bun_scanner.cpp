// The bun scanner on a real bun.lock (tests/fixtures/bun/README.md), made
// for the same project as the npm fixtures.
#include "../common/javascript/js_test_support.hpp"

#include <catch2/catch.hpp>

using namespace kensa;
using namespace kensa::testing::javascript;
using model::RelationshipType;

namespace {

const ScanResult& v1() {
  static const ScanResult result = scan_fixture({"bun"}, "bun/v1");
  return result;
}

} // namespace

TEST_CASE("bun: the packages and marks are those npm gives the same project", "[scanner][bun]") {
  CHECK(v1().warnings().empty());
  check_marks_match_npm(v1());
}

TEST_CASE("bun: root, workspace, nesting, aliases, hashes and edges", "[scanner][bun]") {
  const auto& result = v1();
  const auto& root = result.root();
  CHECK(root.name == "kensa-fixture-app");
  // bun.lock does not record the project's own version.
  CHECK(root.version.empty());
  const auto& util = result.component("pkg:npm/%40kensa-fixture/util@0.2.0");
  CHECK(util.type == model::ComponentType::application);
  CHECK(result.has_edge(util.purl, "pkg:npm/is-number@7.0.0", RelationshipType::depends_on));
  // "debug/ms" is the copy nested under debug; the top-level "ms" is 2.1.3.
  CHECK(result.has_edge("pkg:npm/debug@4.3.4", "pkg:npm/ms@2.1.2", RelationshipType::depends_on));
  CHECK(!result.has_edge("pkg:npm/debug@4.3.4", "pkg:npm/ms@2.1.3", RelationshipType::depends_on));
  CHECK(result.has_edge("pkg:npm/is-odd@3.0.1", "pkg:npm/is-number@6.0.0",
                        RelationshipType::depends_on));
  CHECK(result.has_edge("pkg:npm/react-dom@18.3.1", "pkg:npm/react@18.3.1",
                        RelationshipType::depends_on));
  CHECK(result.has_property(result.component("pkg:npm/ms@2.0.0"), "kensa:npm:alias", "ms-old"));
  const auto& ms = result.component("pkg:npm/ms@2.1.3");
  REQUIRE(ms.hashes.size() == 1);
  CHECK(ms.hashes[0].hex.starts_with("e85973b9b4cb646dc9d9afcd542025784863ceae"));
  CHECK(result.has_property(result.component("pkg:npm/react@18.3.1"), "kensa:npm:peer"));
}

TEST_CASE("bun: malformed lockfiles are warnings with their line", "[scanner][bun][malformed]") {
  auto result = scan_texts(
      {"bun"},
      {{"a/bun.lock",
        "{\n  \"lockfileVersion\": 1,\n  \"packages\": {\n    \"x\": [\"x@1\",,],\n  }\n}"},
       {"b/bun.lock",
        R"({"lockfileVersion": 1, "workspaces": {"": {"name": "b", "dependencies": {"y": "1"}}},
            "packages": {"y": "y@1.0.0", "z": ["z@2.0.0", "", {}, "sha512-bad!"],}})"}});
  auto warnings = result.warnings();
  REQUIRE(warnings.size() == 4);
  CHECK(warnings[0].starts_with("a/bun.lock: line 4: not valid JSON"));
  CHECK(warnings[1].starts_with("b/bun.lock: 1 dependenc"));
  CHECK(warnings[2] == "b/bun.lock: package \"y\" is not [\"name@version\", ...]");
  CHECK(warnings[3].starts_with("b/bun.lock: package z@2.0.0: bad integrity"));
  CHECK(result.find("pkg:npm/z@2.0.0") != nullptr);
}
