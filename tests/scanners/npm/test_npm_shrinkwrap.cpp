// The shrinkwrap-bundled fixture: npm-shrinkwrap.json (v3) of a project whose
// dependency, installed from a local tarball, bundles ms
// (tests/fixtures/npm/README.md).
#include "npm_test_support.hpp"

#include <catch2/catch.hpp>

using namespace kensa;
using namespace kensa::testing::npm;
using model::RelationshipType;

TEST_CASE("npm shrinkwrap: read like a package-lock.json", "[scanner][npm]") {
  auto result = scan_fixture("shrinkwrap-bundled");
  CHECK(result.warnings().empty());
  const auto& root = result.root();
  CHECK(root.purl == "pkg:npm/kensa-fixture-shrinkwrap@0.1.0");
  REQUIRE(root.licenses_declared.size() == 1);
  CHECK(root.licenses_declared[0].expression == "MIT OR Apache-2.0");
  CHECK(root.evidence.at(0).location == "shrinkwrap-bundled/npm-shrinkwrap.json");

  const auto& bundled = result.component("pkg:npm/ms@2.1.1");
  CHECK(result.has_property(bundled, "kensa:npm:bundled"));
  CHECK(bundled.hashes.empty()); // a bundled package has no integrity of its own
  CHECK(result.has_edge("pkg:npm/kensa-fixture-bundler@1.0.0", "pkg:npm/ms@2.1.1",
                        RelationshipType::depends_on));

  // Installed from file:vendor/...tgz: a path, not a distribution URL.
  const auto& bundler = result.component("pkg:npm/kensa-fixture-bundler@1.0.0");
  CHECK(bundler.external_references.empty());
  CHECK(bundler.hashes.size() == 1);
  CHECK(result.edges_from(root.purl) ==
        std::set<std::string>{"pkg:npm/is-number@7.0.0 depends-on",
                              "pkg:npm/kensa-fixture-bundler@1.0.0 depends-on"});
}
