// The whole scan (source walk, routing, scanner, graph) on the Python
// fixtures.
#include "../../support/component_lookup.hpp"
#include "../../support/test_support.hpp"

#include <kensa/scanner/scan.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <set>

using namespace kensa;

TEST_CASE("python end to end: a site-packages folder", "[scanner][python][e2e]") {
  scanner::ScanOptions options;
  options.scanners = {"python"};
  options.timestamp = 0;
  auto document = scanner::scan(testing::fixture("python/site-packages"), options);
  REQUIRE(document.ok());
  CHECK(document->diagnostics.empty());
  CHECK(document->components.size() == 6);
  const model::Component* requests = testing::find_by_purl(*document, "pkg:pypi/requests@2.34.2");
  REQUIRE(requests != nullptr);
  CHECK(requests->evidence.at(0).location == "requests-2.34.2.dist-info/METADATA");
}

TEST_CASE("python end to end: RECORD gives file ownership with --files", "[scanner][python][e2e]") {
  scanner::ScanOptions options;
  options.scanners = {"python"};
  options.timestamp = 0;
  options.source.digests = {model::HashAlgorithm::sha256};
  auto document = scanner::scan(testing::fixture("python/site-packages"), options);
  REQUIRE(document.ok());
  const model::Component* certifi = testing::find_by_purl(*document, "pkg:pypi/certifi@2026.5.20");
  REQUIRE(certifi != nullptr);
  for (const char* path :
       {"certifi/py.typed", "certifi/__main__.py", "certifi-2026.5.20.dist-info/METADATA"}) {
    INFO(path);
    auto file = std::find_if(document->files.begin(), document->files.end(),
                             [&](const model::FileEntry& entry) { return entry.path == path; });
    REQUIRE(file != document->files.end());
    CHECK(file->owner_ids == std::vector<std::string>{certifi->id});
  }
  // Of the files RECORD gives a SHA-256 for, the fixture holds 13, each as
  // installed (checked with openssl dgst -sha256 against RECORD's base64).
  REQUIRE(document->metadata.subject.has_value());
  const auto& subject = *document->metadata.subject;
  CHECK(testing::property(subject, "kensa:files:digests-verified") == "13");
  CHECK(testing::property(subject, "kensa:files:digests-modified") == "0");
  CHECK(testing::property(subject, "kensa:files:digests-unverified") == "0");
}

TEST_CASE("python end to end: every fixture at once", "[scanner][python][e2e]") {
  scanner::ScanOptions options;
  options.scanners = {"python"};
  auto document = scanner::scan(testing::fixture("python"), options);
  REQUIRE(document.ok());
  // idna 3.10 is in the uv.lock and the pylock.toml: one component, two
  // pieces of evidence.
  const model::Component* idna = testing::find_by_purl(*document, "pkg:pypi/idna@3.10");
  REQUIRE(idna != nullptr);
  std::set<std::string> locations;
  for (const auto& evidence : idna->evidence) {
    locations.insert(evidence.location);
  }
  CHECK(locations == std::set<std::string>{"pylock/pylock.toml", "uv/uv.lock"});
}

TEST_CASE("python end to end: metadata inside wheels and eggs", "[scanner][python][e2e]") {
  scanner::ScanOptions options;
  options.scanners = {"python"};
  options.timestamp = 0;
  auto document = scanner::scan(testing::fixture("python/archives"), options);
  REQUIRE(document.ok());
  INFO(document->diagnostics.size());
  CHECK(document->diagnostics.empty());
  const model::Component* tool =
      testing::find_by_purl(*document, "pkg:pypi/kensa-fixture-tool@0.3.0");
  REQUIRE(tool != nullptr);
  CHECK(tool->evidence.at(0).location ==
        "kensa_fixture.Tool-0.3.0-py3-none-any.whl!/kensa_fixture.Tool-0.3.0.dist-info/METADATA");
  // The same package as a wheel and as an egg: one component.
  const model::Component* example = testing::find_by_purl(*document, "pkg:pypi/example@21.12");
  REQUIRE(example != nullptr);
  std::set<std::string> locations;
  for (const auto& evidence : example->evidence) {
    locations.insert(evidence.location);
  }
  CHECK(locations == std::set<std::string>{"example-21.12-py3-none-any.whl!/example-21.12.dist-"
                                           "info/METADATA",
                                           "example-21.12-py3.6.egg!/EGG-INFO/PKG-INFO"});
  CHECK(example->description.empty()); // "UNKNOWN" says nothing.
  CHECK(example->authors.empty());
  CHECK(document->components.size() == 2);
}
