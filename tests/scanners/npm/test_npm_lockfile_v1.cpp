// The lockfile-v1 fixture: a real project installed by npm 6
// (tests/fixtures/npm/README.md).
#include "npm_test_support.hpp"

#include <catch2/catch.hpp>

using namespace kensa;
using namespace kensa::testing::npm;
using model::RelationshipType;
using model::Scope;

namespace {

const ScanResult& v1() {
  static const ScanResult result = scan_fixture("lockfile-v1");
  return result;
}

} // namespace

TEST_CASE("npm v1: the project and its packages", "[scanner][npm]") {
  CHECK(v1().warnings().empty());
  const auto& root = v1().root();
  CHECK(root.type == model::ComponentType::application);
  CHECK(root.purl == "pkg:npm/kensa-fixture-legacy@2.3.0");

  std::set<std::string> keys;
  for (const auto& component : v1().document.components) {
    keys.insert(package_key(component));
    CHECK(component.evidence.at(0).location == "lockfile-v1/package-lock.json");
  }
  CHECK(keys == std::set<std::string>{"@babel/helper-validator-identifier@7.22.20",
                                      "@types/debug@4.1.12", "@types/ms@2.1.0", "debug@4.3.4",
                                      "is-buffer@1.1.6", "is-number@6.0.0", "is-odd@3.0.1",
                                      "kensa-fixture-legacy@2.3.0", "kind-of@3.2.2", "ms@2.0.0",
                                      "ms@2.1.2", "ms@2.1.3"});
}

TEST_CASE("npm v1: scoped names, aliases, hashes, URLs", "[scanner][npm]") {
  const auto& babel = v1().component("pkg:npm/%40babel/helper-validator-identifier@7.22.20");
  CHECK(babel.group == "@babel");
  CHECK(babel.name == "helper-validator-identifier");
  REQUIRE(babel.hashes.size() == 1);
  CHECK(babel.hashes[0].algorithm == model::HashAlgorithm::sha512);
  CHECK(babel.external_references.at(0).url ==
        "https://registry.npmjs.org/@babel/helper-validator-identifier/-/"
        "helper-validator-identifier-7.22.20.tgz");
  // Version 1 carries no licenses.
  CHECK(babel.licenses_declared.empty());

  // "ms-old": {"version": "npm:ms@2.0.0"}
  const auto& ms_old = v1().component("pkg:npm/ms@2.0.0");
  CHECK(ms_old.name == "ms");
  CHECK(ms_old.version == "2.0.0");
  CHECK(v1().has_property(ms_old, "kensa:npm:alias", "ms-old"));
}

TEST_CASE("npm v1: dev and optional marks", "[scanner][npm]") {
  CHECK(v1().component("pkg:npm/%40types/debug@4.1.12").scope == Scope::excluded);
  CHECK(v1().component("pkg:npm/%40types/debug@4.1.12").development);
  CHECK(v1().component("pkg:npm/kind-of@3.2.2").development);
  CHECK(v1().component("pkg:npm/is-odd@3.0.1").scope == Scope::optional);
  CHECK(v1().component("pkg:npm/is-number@6.0.0").scope == Scope::optional);
  // npm 6 marks a package reached through both dev and optional paths with
  // neither flag; the lockfile is followed.
  CHECK(v1().component("pkg:npm/is-buffer@1.1.6").scope == Scope::required);
  CHECK_FALSE(v1().component("pkg:npm/is-buffer@1.1.6").development);
  CHECK(v1().component("pkg:npm/ms@2.1.3").scope == Scope::required);
}

TEST_CASE("npm v1: requires resolve through the enclosing dependencies", "[scanner][npm]") {
  CHECK(v1().edges_from("pkg:npm/debug@4.3.4") ==
        std::set<std::string>{"pkg:npm/ms@2.1.2 depends-on"});
  CHECK(v1().has_edge("pkg:npm/kind-of@3.2.2", "pkg:npm/is-buffer@1.1.6",
                      RelationshipType::depends_on));
  CHECK(v1().has_edge("pkg:npm/is-odd@3.0.1", "pkg:npm/is-number@6.0.0",
                      RelationshipType::depends_on));
  CHECK(v1().has_edge("pkg:npm/%40types/debug@4.1.12", "pkg:npm/%40types/ms@2.1.0",
                      RelationshipType::depends_on));
}

TEST_CASE("npm v1: the project depends on the top-level entries nothing requires",
          "[scanner][npm]") {
  // is-buffer is a direct optional dependency too, but kind-of requires it
  // and version 1 does not record the project's own dependencies.
  CHECK(v1().edges_from("pkg:npm/kensa-fixture-legacy@2.3.0") ==
        std::set<std::string>{
            "pkg:npm/%40babel/helper-validator-identifier@7.22.20 depends-on",
            "pkg:npm/%40types/debug@4.1.12 dev-depends-on",
            "pkg:npm/debug@4.3.4 depends-on",
            "pkg:npm/is-odd@3.0.1 optional-depends-on",
            "pkg:npm/kind-of@3.2.2 dev-depends-on",
            "pkg:npm/ms@2.0.0 depends-on",
            "pkg:npm/ms@2.1.3 depends-on",
        });
}
