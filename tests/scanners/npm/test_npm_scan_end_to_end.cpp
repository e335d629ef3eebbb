// The whole scan (source walk, routing, scanner, graph) on the npm fixtures.
#include "../../support/component_lookup.hpp"
#include "../../support/test_support.hpp"

#include <kensa/scanner/scan.hpp>

#include <catch2/catch.hpp>

#include <algorithm>

using namespace kensa;

TEST_CASE("npm end to end: a project folder", "[scanner][npm][e2e]") {
  scanner::ScanOptions options;
  options.scanners = {"npm"};
  options.timestamp = 0;
  auto document = scanner::scan(testing::fixture("npm/lockfile-v3"), options);
  REQUIRE(document.ok());
  CHECK(document->diagnostics.empty());
  REQUIRE(document->metadata.subject.has_value());

  const model::Component* root =
      testing::find_by_purl(*document, "pkg:npm/kensa-fixture-app@1.0.0");
  REQUIRE(root != nullptr);
  CHECK(std::count(document->relationships.begin(), document->relationships.end(),
                   model::Relationship{document->metadata.subject->id, root->id,
                                       model::RelationshipType::describes}) == 1);
  CHECK(document->components.size() == 18);
  const model::Component* ms = testing::find_by_purl(*document, "pkg:npm/ms@2.1.2");
  REQUIRE(ms != nullptr);
  CHECK(ms->evidence.at(0).location == "package-lock.json");
  CHECK(ms->evidence.at(0).found_by == "npm");
}

TEST_CASE("npm end to end: every fixture at once", "[scanner][npm][e2e]") {
  scanner::ScanOptions options;
  options.scanners = {"npm"};
  auto document = scanner::scan(testing::fixture("npm"), options);
  REQUIRE(document.ok());
  CHECK(document->diagnostics.empty());

  // ms 2.1.3 is in three of the lockfiles: one component, three pieces of
  // evidence.
  const model::Component* ms = testing::find_by_purl(*document, "pkg:npm/ms@2.1.3");
  REQUIRE(ms != nullptr);
  std::vector<std::string> locations;
  for (const auto& evidence : ms->evidence) {
    locations.push_back(evidence.location);
  }
  CHECK(locations == std::vector<std::string>{"lockfile-v1/package-lock.json",
                                              "lockfile-v2/package-lock.json",
                                              "lockfile-v3/package-lock.json"});
  for (const char* project :
       {"pkg:npm/kensa-fixture-app@1.0.0", "pkg:npm/kensa-fixture-legacy@2.3.0",
        "pkg:npm/kensa-fixture-shrinkwrap@0.1.0"}) {
    INFO(project);
    CHECK(testing::find_by_purl(*document, project) != nullptr);
  }
}
