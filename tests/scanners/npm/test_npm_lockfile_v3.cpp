// The lockfile-v3 fixture: a real project installed by npm 11 with
// --lockfile-version 3 (tests/fixtures/npm/README.md).
#include "npm_test_support.hpp"

#include <catch2/catch.hpp>

using namespace kensa;
using namespace kensa::testing::npm;
using model::RelationshipType;
using model::Scope;

namespace {

const ScanResult& v3() {
  static const ScanResult result = scan_fixture("lockfile-v3");
  return result;
}

} // namespace

TEST_CASE("npm v3: the project is the root application the subject describes", "[scanner][npm]") {
  const auto& root = v3().root();
  CHECK(root.type == model::ComponentType::application);
  CHECK(root.name == "kensa-fixture-app");
  CHECK(root.version == "1.0.0");
  CHECK(root.purl == "pkg:npm/kensa-fixture-app@1.0.0");
  CHECK(root.scope == Scope::unknown);
  REQUIRE(root.licenses_declared.size() == 1);
  CHECK(root.licenses_declared[0].expression == "MIT");
  CHECK(v3().warnings().empty());
}

TEST_CASE("npm v3: every package of the lockfile is a component", "[scanner][npm]") {
  std::set<std::string> keys;
  for (const auto& component : v3().document.components) {
    CHECK(component.ecosystem == "npm");
    REQUIRE(component.evidence.size() == 1);
    CHECK(component.evidence[0].location == "lockfile-v3/package-lock.json");
    CHECK(component.evidence[0].found_by == "npm");
    keys.insert(package_key(component));
  }
  // ms at three versions (one nested under debug, one installed as the alias
  // ms-old), is-number at two (one nested under the workspace).
  CHECK(keys == std::set<std::string>{"@kensa-fixture/util@0.2.0", "@types/debug@4.1.12",
                                      "@types/ms@2.1.0", "debug@4.3.4", "is-buffer@1.1.6",
                                      "is-number@6.0.0", "is-number@7.0.0", "is-odd@3.0.1",
                                      "js-tokens@4.0.0", "kensa-fixture-app@1.0.0", "kind-of@3.2.2",
                                      "loose-envify@1.4.0", "ms@2.0.0", "ms@2.1.2", "ms@2.1.3",
                                      "react@18.3.1", "react-dom@18.3.1", "scheduler@0.23.2"});
}

TEST_CASE("npm v3: names, groups, purls, hashes and distribution URLs", "[scanner][npm]") {
  const auto& ms = v3().component("pkg:npm/ms@2.1.3");
  CHECK(ms.name == "ms");
  CHECK(ms.group.empty());
  CHECK(ms.type == model::ComponentType::library);
  REQUIRE(ms.hashes.size() == 1);
  CHECK(ms.hashes[0].algorithm == model::HashAlgorithm::sha512);
  CHECK(ms.hashes[0].hex ==
        "e85973b9b4cb646dc9d9afcd542025784863ceae68c601f268253dc985ef70bb2fa15687"
        "26afece715c8ebf5d73fab73ed1f7100eb479d23bfb57b45dd645394");
  REQUIRE(ms.external_references.size() == 1);
  CHECK(ms.external_references[0].type == "distribution");
  CHECK(ms.external_references[0].url == "https://registry.npmjs.org/ms/-/ms-2.1.3.tgz");
  REQUIRE(ms.licenses_declared.size() == 1);
  CHECK(ms.licenses_declared[0].expression == "MIT");

  const auto& types_debug = v3().component("pkg:npm/%40types/debug@4.1.12");
  CHECK(types_debug.group == "@types");
  CHECK(types_debug.name == "debug");
  CHECK(types_debug.version == "4.1.12");
  CHECK(types_debug.hashes.size() == 1);
}

TEST_CASE("npm v3: an alias is reported under the real package name", "[scanner][npm]") {
  const auto& ms_old = v3().component("pkg:npm/ms@2.0.0");
  CHECK(ms_old.name == "ms");
  CHECK(v3().has_property(ms_old, "kensa:npm:alias", "ms-old"));
  CHECK(v3().has_edge("pkg:npm/kensa-fixture-app@1.0.0", "pkg:npm/ms@2.0.0",
                      RelationshipType::depends_on));
  CHECK(ms_old.external_references.at(0).url == "https://registry.npmjs.org/ms/-/ms-2.0.0.tgz");
}

TEST_CASE("npm v3: dev, optional, devOptional and peer marks", "[scanner][npm]") {
  const auto& ms = v3().component("pkg:npm/ms@2.1.3");
  CHECK(ms.scope == Scope::required);
  CHECK_FALSE(ms.development);

  for (const char* purl :
       {"pkg:npm/%40types/debug@4.1.12", "pkg:npm/%40types/ms@2.1.0", "pkg:npm/kind-of@3.2.2"}) {
    INFO(purl);
    CHECK(v3().component(purl).scope == Scope::excluded);
    CHECK(v3().component(purl).development);
  }
  for (const char* purl : {"pkg:npm/is-odd@3.0.1", "pkg:npm/is-number@6.0.0"}) {
    INFO(purl);
    CHECK(v3().component(purl).scope == Scope::optional);
    CHECK_FALSE(v3().component(purl).development);
  }
  // Reached both as an optional dependency of the project and through the
  // dev dependency kind-of.
  const auto& is_buffer = v3().component("pkg:npm/is-buffer@1.1.6");
  CHECK(is_buffer.scope == Scope::optional);
  CHECK(is_buffer.development);

  // react is installed only because react-dom names it as a peer.
  const auto& react = v3().component("pkg:npm/react@18.3.1");
  CHECK(v3().has_property(react, "kensa:npm:peer"));
  CHECK(react.scope == Scope::required);
  CHECK_FALSE(v3().has_property(ms, "kensa:npm:peer"));
}

TEST_CASE("npm v3: the project's direct dependencies with their edge types", "[scanner][npm]") {
  CHECK(v3().edges_from("pkg:npm/kensa-fixture-app@1.0.0") ==
        std::set<std::string>{
            "pkg:npm/%40kensa-fixture/util@0.2.0 depends-on",
            "pkg:npm/%40types/debug@4.1.12 dev-depends-on",
            "pkg:npm/debug@4.3.4 depends-on",
            "pkg:npm/is-buffer@1.1.6 optional-depends-on",
            "pkg:npm/is-odd@3.0.1 optional-depends-on",
            "pkg:npm/kind-of@3.2.2 dev-depends-on",
            "pkg:npm/ms@2.0.0 depends-on",
            "pkg:npm/ms@2.1.3 depends-on",
            "pkg:npm/react-dom@18.3.1 depends-on",
        });
}

TEST_CASE("npm v3: transitive edges resolve the way node does", "[scanner][npm]") {
  // debug finds its own nested ms 2.1.2, not the top-level 2.1.3.
  CHECK(v3().edges_from("pkg:npm/debug@4.3.4") ==
        std::set<std::string>{"pkg:npm/ms@2.1.2 depends-on"});
  CHECK(v3().edges_from("pkg:npm/react-dom@18.3.1") ==
        std::set<std::string>{"pkg:npm/loose-envify@1.4.0 depends-on",
                              "pkg:npm/react@18.3.1 depends-on",
                              "pkg:npm/scheduler@0.23.2 depends-on"});
  CHECK(v3().has_edge("pkg:npm/%40types/debug@4.1.12", "pkg:npm/%40types/ms@2.1.0",
                      RelationshipType::depends_on));
  CHECK(v3().has_edge("pkg:npm/kind-of@3.2.2", "pkg:npm/is-buffer@1.1.6",
                      RelationshipType::depends_on));
  CHECK(v3().has_edge("pkg:npm/is-odd@3.0.1", "pkg:npm/is-number@6.0.0",
                      RelationshipType::depends_on));
  CHECK(v3().has_edge("pkg:npm/loose-envify@1.4.0", "pkg:npm/js-tokens@4.0.0",
                      RelationshipType::depends_on));
  CHECK(v3().edges_from("pkg:npm/ms@2.1.2").empty());
}

TEST_CASE("npm v3: a workspace is an application of its own", "[scanner][npm]") {
  const auto& util = v3().component("pkg:npm/%40kensa-fixture/util@0.2.0");
  CHECK(util.type == model::ComponentType::application);
  CHECK(util.group == "@kensa-fixture");
  CHECK(util.name == "util");
  CHECK(v3().has_property(util, "kensa:npm:workspace"));
  CHECK(v3().has_property(util, "kensa:npm:link"));
  REQUIRE(util.licenses_declared.size() == 1);
  CHECK(util.licenses_declared[0].expression == "Apache-2.0");
  // The workspace's is-number 7 sits in packages/util/node_modules, found
  // from the workspace folder before the top-level is-number 6.
  CHECK(v3().edges_from("pkg:npm/%40kensa-fixture/util@0.2.0") ==
        std::set<std::string>{"pkg:npm/is-number@7.0.0 depends-on"});
  CHECK(v3().component("pkg:npm/is-number@7.0.0").scope == Scope::required);
}
