// The lockfile-v2 fixture: the lockfile-v3 project installed again by npm 11
// with --lockfile-version 2, which writes both the packages map and the v1
// dependencies tree (tests/fixtures/npm/README.md).
#include "npm_test_support.hpp"

#include <catch2/catch.hpp>

using namespace kensa;
using namespace kensa::testing::npm;
using model::RelationshipType;
using model::Scope;

namespace {

const ScanResult& v2() {
  static const ScanResult result = scan_fixture("lockfile-v2");
  return result;
}

// Everything but evidence, which names the file.
std::set<std::string> summary(const ScanResult& result) {
  std::set<std::string> lines;
  for (const auto& component : result.document.components) {
    std::string line =
        component.purl + " " + std::string(model::component_type_name(component.type)) + " " +
        std::string(model::scope_name(component.scope)) + (component.development ? " dev" : "");
    for (const auto& property : component.properties) {
      line += " " + property.name + "=" + property.value;
    }
    for (const auto& license : component.licenses_declared) {
      line += " license=" + license.expression + license.name;
    }
    lines.insert(line);
    for (const auto& edge : result.edges_from(component.purl)) {
      lines.insert(component.purl + " -> " + edge);
    }
  }
  return lines;
}

} // namespace

TEST_CASE("npm v2: read from the packages map", "[scanner][npm]") {
  CHECK(v2().warnings().empty());
  const auto& root = v2().root();
  CHECK(root.purl == "pkg:npm/kensa-fixture-app@1.0.0");
  CHECK(root.type == model::ComponentType::application);

  // The v1 tree of the same file spells the alias as its version; the
  // packages map gives the real name and version.
  const auto& ms_old = v2().component("pkg:npm/ms@2.0.0");
  CHECK(v2().has_property(ms_old, "kensa:npm:alias", "ms-old"));

  // Only the packages map has licenses, the peer mark and the workspace.
  CHECK(v2().component("pkg:npm/ms@2.1.3").licenses_declared.size() == 1);
  CHECK(v2().has_property(v2().component("pkg:npm/react@18.3.1"), "kensa:npm:peer"));
  CHECK(v2().component("pkg:npm/%40kensa-fixture/util@0.2.0").type ==
        model::ComponentType::application);
  CHECK(v2().component("pkg:npm/is-buffer@1.1.6").scope == Scope::optional);
  CHECK(v2().component("pkg:npm/is-buffer@1.1.6").development);
  CHECK(v2().has_edge("pkg:npm/debug@4.3.4", "pkg:npm/ms@2.1.2", RelationshipType::depends_on));
  CHECK(v2().has_edge("pkg:npm/kensa-fixture-app@1.0.0", "pkg:npm/%40types/debug@4.1.12",
                      RelationshipType::dev_depends_on));
}

TEST_CASE("npm v2: the same project gives the same graph as its v3 lockfile", "[scanner][npm]") {
  CHECK(summary(v2()) == summary(scan_fixture("lockfile-v3")));
}

TEST_CASE("npm v2: hashes come from the packages map entry", "[scanner][npm]") {
  CHECK(v2().component("pkg:npm/ms@2.1.2").hashes.size() == 1);
  // npm 11 wrote no integrity for the workspace's nested is-number: none is
  // invented.
  CHECK(v2().component("pkg:npm/is-number@7.0.0").hashes.empty());
}
