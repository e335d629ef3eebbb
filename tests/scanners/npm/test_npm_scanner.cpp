// The scanner on its own, on small lockfiles written for one behaviour each
// (for what the real fixtures do not show).
#include "npm_test_support.hpp"

#include <kensa/scanner/registry.hpp>
#include <kensa/util/glob.hpp>

#include <catch2/catch.hpp>

#include <algorithm>

using namespace kensa;
using namespace kensa::testing::npm;
using model::RelationshipType;
using model::Scope;

TEST_CASE("npm scanner: asks for package-lock.json and npm-shrinkwrap.json anywhere",
          "[scanner][npm]") {
  auto npm = scanner::find_scanner("npm")->create();
  auto wanted = [&](std::string_view path) {
    for (const auto& pattern : npm->patterns()) {
      if (glob_match(pattern.glob, path)) {
        return true;
      }
    }
    return false;
  };
  CHECK(wanted("package-lock.json"));
  CHECK(wanted("app/package-lock.json"));
  CHECK(wanted("a/b/npm-shrinkwrap.json"));
  CHECK_FALSE(wanted("node_modules/.package-lock.json"));
  CHECK_FALSE(wanted("package.json"));
  CHECK_FALSE(wanted("yarn.lock"));
}

TEST_CASE("npm scanner: lockfiles inside node_modules are not npm's", "[scanner][npm]") {
  auto result = scan_files({lockfile("node_modules/x/package-lock.json", R"({
    "name": "x", "version": "1.0.0", "lockfileVersion": 3,
    "packages": {"node_modules/y": {"version": "1.0.0"}}})")});
  CHECK(result.document.components.empty());
  CHECK(result.warnings().empty());
}

TEST_CASE("npm scanner: nested and scoped packages resolve from the inside out", "[scanner][npm]") {
  auto result = scan_files({lockfile("package-lock.json", R"({
    "name": "app", "version": "1.0.0", "lockfileVersion": 3,
    "packages": {
      "": {"name": "app", "version": "1.0.0", "dependencies": {"@s/a": "1", "c": "1"}},
      "node_modules/@s/a": {"version": "1.0.0", "dependencies": {"b": "2", "c": "1"}},
      "node_modules/@s/a/node_modules/b": {"version": "2.0.0", "dependencies": {"c": "1"}},
      "node_modules/b": {"version": "1.0.0"},
      "node_modules/c": {"version": "1.0.0"}
    }})")});
  CHECK(result.warnings().empty());
  CHECK(result.edges_from("pkg:npm/%40s/a@1.0.0") ==
        std::set<std::string>{"pkg:npm/b@2.0.0 depends-on", "pkg:npm/c@1.0.0 depends-on"});
  // b 2 finds c two levels up, past @s/a.
  CHECK(result.edges_from("pkg:npm/b@2.0.0") ==
        std::set<std::string>{"pkg:npm/c@1.0.0 depends-on"});
  // b 1 is in the lockfile but nothing needs it: still reported.
  CHECK(result.find("pkg:npm/b@1.0.0") != nullptr);
}

TEST_CASE("npm scanner: one component per purl, edges still point at it", "[scanner][npm]") {
  auto result = scan_files({lockfile("package-lock.json", R"({
    "name": "app", "version": "1.0.0", "lockfileVersion": 3,
    "packages": {
      "": {"name": "app", "version": "1.0.0", "dependencies": {"a": "1", "b": "1"}},
      "node_modules/a": {"version": "1.0.0", "dependencies": {"c": "2"}},
      "node_modules/a/node_modules/c": {"version": "2.0.0", "dev": true},
      "node_modules/b": {"version": "1.0.0", "dependencies": {"c": "2"}},
      "node_modules/b/node_modules/c": {"version": "2.0.0"},
      "node_modules/c": {"version": "1.0.0"}
    }})")});
  CHECK(result.document.components.size() == 5);
  CHECK(result.has_edge("pkg:npm/a@1.0.0", "pkg:npm/c@2.0.0", RelationshipType::depends_on));
  CHECK(result.has_edge("pkg:npm/b@1.0.0", "pkg:npm/c@2.0.0", RelationshipType::depends_on));
  // Required where b has it, so required.
  CHECK(result.component("pkg:npm/c@2.0.0").scope == Scope::required);
  CHECK_FALSE(result.component("pkg:npm/c@2.0.0").development);
}

TEST_CASE("npm scanner: optional peers and missing optional dependencies are no problem",
          "[scanner][npm]") {
  auto result = scan_files({lockfile("package-lock.json", R"({
    "name": "app", "version": "1.0.0", "lockfileVersion": 3,
    "packages": {
      "": {"name": "app", "version": "1.0.0", "dependencies": {"a": "1"},
           "optionalDependencies": {"fsevents": "2"}},
      "node_modules/a": {"version": "1.0.0",
                         "peerDependencies": {"p": "1", "q": "1", "absent": "1"},
                         "peerDependenciesMeta": {"q": {"optional": true}}},
      "node_modules/p": {"version": "1.0.0", "peer": true},
      "node_modules/q": {"version": "1.0.0", "peer": true, "devOptional": true}
    }})")});
  CHECK(result.warnings().empty());
  CHECK(result.edges_from("pkg:npm/a@1.0.0") ==
        std::set<std::string>{"pkg:npm/p@1.0.0 depends-on", "pkg:npm/q@1.0.0 optional-depends-on"});
  const auto& q = result.component("pkg:npm/q@1.0.0");
  CHECK(q.scope == Scope::optional);
  CHECK(q.development);
  CHECK(result.has_property(q, "kensa:npm:peer"));
}

TEST_CASE("npm scanner: a missing required dependency is reported once", "[scanner][npm]") {
  auto result = scan_files({lockfile("app/package-lock.json", R"({
    "name": "app", "version": "1.0.0", "lockfileVersion": 3,
    "packages": {
      "": {"name": "app", "version": "1.0.0", "dependencies": {"a": "1", "gone": "1"}},
      "node_modules/a": {"version": "1.0.0", "dependencies": {"also-gone": "1"}}
    }})")});
  CHECK(result.warnings() ==
        std::vector<std::string>{"app/package-lock.json: 2 dependencies are not in the lockfile "
                                 "(first: (root) -> gone)"});
}

TEST_CASE("npm scanner: workspaces and linked folders", "[scanner][npm]") {
  auto result = scan_files({lockfile("mono/package-lock.json", R"({
    "name": "mono", "version": "0.0.1", "lockfileVersion": 3,
    "packages": {
      "": {"name": "mono", "version": "0.0.1", "workspaces": {"packages": ["./apps/*"]},
           "dependencies": {"shared": "file:../shared"}},
      "apps/web": {"name": "web", "version": "2.0.0", "dependencies": {"ms": "2"},
                   "devDependencies": {"tool": "1"}},
      "node_modules/web": {"link": true, "resolved": "apps/web"},
      "../shared": {"name": "shared", "version": "0.1.0", "devDependencies": {"not-here": "1"}},
      "node_modules/shared": {"resolved": "../shared", "link": true},
      "node_modules/ms": {"version": "2.1.3"},
      "node_modules/tool": {"version": "1.0.0", "dev": true}
    }})")});
  CHECK(result.warnings().empty());
  const auto& web = result.component("pkg:npm/web@2.0.0");
  CHECK(web.type == model::ComponentType::application);
  CHECK(result.has_property(web, "kensa:npm:workspace"));
  CHECK(result.edges_from("pkg:npm/web@2.0.0") ==
        std::set<std::string>{"pkg:npm/ms@2.1.3 depends-on", "pkg:npm/tool@1.0.0 dev-depends-on"});

  // A file: dependency outside the project: a library reached through a
  // link, not a workspace.
  const auto& shared = result.component("pkg:npm/shared@0.1.0");
  CHECK(shared.type == model::ComponentType::library);
  CHECK(result.has_property(shared, "kensa:npm:link"));
  CHECK_FALSE(result.has_property(shared, "kensa:npm:workspace"));

  CHECK(result.edges_from("pkg:npm/mono@0.0.1") ==
        std::set<std::string>{"pkg:npm/shared@0.1.0 depends-on", "pkg:npm/web@2.0.0 depends-on"});
}

TEST_CASE("npm scanner: git and tarball sources", "[scanner][npm]") {
  auto result = scan_files({lockfile("package-lock.json", R"({
    "name": "app", "version": "1.0.0", "lockfileVersion": 3,
    "packages": {
      "": {"name": "app", "version": "1.0.0"},
      "node_modules/g": {"version": "3.1.0",
                         "resolved": "git+ssh://git@github.com/o/g.git#0123456789abcdef",
                         "license": {"type": "MIT", "url": "https://example.org/mit"}}
    }})")});
  const auto& g = result.component("pkg:npm/g@3.1.0");
  REQUIRE(g.external_references.size() == 1);
  CHECK(g.external_references[0].type == "vcs");
  CHECK(g.external_references[0].url == "git+ssh://git@github.com/o/g.git#0123456789abcdef");
  REQUIRE(g.licenses_declared.size() == 1);
  CHECK(g.licenses_declared[0].expression == "MIT");
  CHECK(g.licenses_declared[0].url == "https://example.org/mit");
}

TEST_CASE("npm scanner: v1 entries without a registry version", "[scanner][npm]") {
  auto result = scan_files({lockfile("package-lock.json", R"({
    "name": "app", "version": "1.0.0", "lockfileVersion": 1, "requires": true,
    "dependencies": {
      "from-git": {"version": "git+https://github.com/o/from-git.git#abc123",
                   "from": "git+https://github.com/o/from-git.git"},
      "local": {"version": "file:../local", "requires": {"from-git": "*"}},
      "@s/bundled": {"version": "1.0.0", "bundled": true, "optional": true}
    }})")});
  CHECK(result.warnings().empty());
  auto named = [&](std::string_view name) -> const model::Component* {
    for (const auto& component : result.document.components) {
      if (component.name == name) {
        return &component;
      }
    }
    return nullptr;
  };
  const model::Component* git = named("from-git");
  const model::Component* local = named("local");
  REQUIRE(git != nullptr);
  REQUIRE(local != nullptr);
  // The version is not in a v1 lockfile for these: none is invented, so no
  // purl either.
  CHECK(git->version.empty());
  CHECK(git->purl.empty());
  CHECK(result.has_property(*git, "kensa:npm:source",
                            "git+https://github.com/o/from-git.git#abc123"));
  CHECK(git->external_references.at(0).type == "vcs");
  CHECK(result.has_property(*local, "kensa:npm:link"));
  CHECK(std::any_of(
      result.document.relationships.begin(), result.document.relationships.end(),
      [&](const model::Relationship& r) { return r.from == local->id && r.to == git->id; }));
  const auto& bundled = result.component("pkg:npm/%40s/bundled@1.0.0");
  CHECK(result.has_property(bundled, "kensa:npm:bundled"));
  CHECK(bundled.scope == Scope::optional);
}

TEST_CASE("npm scanner: a project without name or version", "[scanner][npm]") {
  auto result = scan_files({lockfile("web/client/package-lock.json", R"({
    "lockfileVersion": 3, "packages": {"": {}, "node_modules/ms": {"version": "2.1.3"}}})")});
  CHECK(result.warnings().empty());
  const auto& root = result.root();
  CHECK(root.name == "client"); // npm's own choice: the folder name
  CHECK(root.purl.empty());     // no version, so no purl
  CHECK(root.type == model::ComponentType::application);
}
