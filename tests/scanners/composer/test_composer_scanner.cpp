// PHP: composer.json, composer.lock and vendor/composer/installed.json as
// Composer wrote them (tests/fixtures/composer/README.md).
#include "../../support/component_lookup.hpp"
#include "../../support/test_support.hpp"
#include "../common/binary/native_test_support.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>

using namespace kensa;
using namespace kensa::testing;

namespace {

// Writes `bytes` to `path`, making its folders first.
void write_composer_file(const std::filesystem::path& path, std::string_view bytes) {
  std::filesystem::create_directories(path.parent_path());
  native::write_bytes(path, bytes);
}

const model::Component& package_with_purl(const model::Document& document, std::string_view purl) {
  const auto* found = native::component_with_purl(document, purl);
  INFO(purl);
  REQUIRE(found != nullptr);
  return *found;
}

} // namespace

TEST_CASE("composer.lock: packages, packages-dev and the require graph", "[composer][lock]") {
  auto document = native::scan_with(fixture("composer/composer-project"), "composer");
  CHECK(native::warnings(document).empty());

  const auto& console = package_with_purl(document, "pkg:composer/symfony/console@v5.4.47");
  CHECK(console.group == "symfony");
  CHECK(console.name == "console");
  CHECK(console.version == "v5.4.47");
  CHECK(console.scope == model::Scope::required);
  REQUIRE(console.licenses_declared.size() == 1);
  CHECK(console.licenses_declared[0].expression == "MIT");
  CHECK(native::property(console, "kensa:composer:source-reference") ==
        "c4ba980ca61a9eb18ee6bcc73f28e475852bb1ed");
  CHECK(std::count(console.external_references.begin(), console.external_references.end(),
                   model::ExternalReference{"vcs", "https://github.com/symfony/console.git"}) == 1);
  CHECK(console.hashes.empty()); // Its dist shasum is "".

  // packages-dev: development only.
  const auto& phpstan = package_with_purl(document, "pkg:composer/phpstan/phpstan@1.12.33");
  CHECK(phpstan.scope == model::Scope::excluded);
  CHECK(phpstan.development);

  auto edges = native::edges(document, model::RelationshipType::depends_on);
  CHECK(edges.count("symfony/console@v5.4.47 -> symfony/string@v5.4.47") == 1);
  CHECK(edges.count("composer/composer -> symfony/console@v5.4.47") == 1);
  auto dev_edges = native::edges(document, model::RelationshipType::dev_depends_on);
  CHECK(dev_edges.count("composer/composer -> phpstan/phpstan@1.12.33") == 1);

  // composer.json is the project the subject describes.
  const auto& project = native::only(document, "composer/composer");
  CHECK(project.type == model::ComponentType::application);
  CHECK(project.purl.empty());
  CHECK(native::edges(document, model::RelationshipType::describes).size() == 1);
}

TEST_CASE("installed.json (Composer 2) and the lockfile it came from", "[composer][installed]") {
  auto document = native::scan_with(fixture("composer/installed-versions2"), "composer");
  CHECK(native::warnings(document).empty());
  // Seen in composer.lock and in installed.json: one component, two places.
  const auto& filesystem = package_with_purl(document, "pkg:composer/symfony/filesystem@v2.8.2");
  CHECK(filesystem.evidence.size() == 2);
  // Packages from a path repository are local code: no purl.
  auto plugins = native::components_named(document, "plugin/a");
  REQUIRE_FALSE(plugins.empty());
  for (const auto* plugin : plugins) {
    CHECK(plugin->purl.empty());
    CHECK(native::property(*plugin, "kensa:composer:local") == "true");
    CHECK(native::property(*plugin, "kensa:composer:type") == "composer-plugin");
  }
  auto edges = native::edges(document, model::RelationshipType::depends_on);
  CHECK(edges.count("symfony/filesystem@v2.8.2 -> symfony/polyfill-ctype@v1.22.0") == 1);
  CHECK(edges.count("root/pkg@1.2.3 -> symfony/filesystem@v2.8.2") == 1);
}

TEST_CASE("installed.json (Composer 1): the top level is the array of packages",
          "[composer][installed]") {
  auto document = native::scan_with(fixture("composer/composer1"), "composer");
  CHECK(native::warnings(document).empty());
  CHECK(document.components.size() == 7);
  const auto& guzzle = package_with_purl(document, "pkg:composer/guzzlehttp/guzzle@6.3.3");
  REQUIRE(guzzle.authors.size() == 1);
  CHECK(guzzle.authors[0].name == "Michael Dowling");
  CHECK(guzzle.authors[0].email == "mtdowling@gmail.com");
  CHECK(std::count(guzzle.external_references.begin(), guzzle.external_references.end(),
                   model::ExternalReference{"website", "http://guzzlephp.org/"}) == 1);
  CHECK(guzzle.evidence.at(0).location == "vendor/composer/installed.json");
  auto edges = native::edges(document, model::RelationshipType::depends_on);
  CHECK(edges == std::set<std::string>{
                     "guzzlehttp/guzzle@6.3.3 -> guzzlehttp/promises@v1.3.1",
                     "guzzlehttp/guzzle@6.3.3 -> guzzlehttp/psr7@1.4.2",
                     "guzzlehttp/psr7@1.4.2 -> psr/http-message@1.0.1",
                     "mcs/amazon-mws@0.1.26 -> guzzlehttp/guzzle@6.3.3",
                     "mcs/amazon-mws@0.1.26 -> league/csv@8.2.3",
                     "mcs/amazon-mws@0.1.26 -> spatie/array-to-xml@2.7.1",
                 });
}

TEST_CASE("composer: dist shasum, dev-package-names and malformed files", "[composer][malformed]") {
  auto root = scratch_dir("composer-malformed");
  write_composer_file(root / "app/vendor/composer/installed.json",
                      R"({"packages": [{"name": "a/b", "version": "1.0.0",
            "dist": {"type": "zip", "url": "https://x/a.zip",
                     "shasum": "A94A8FE5CCB19BA61C4C0873D391E987982FBBD3"}},
          {"name": "c/d", "version": "2.0.0", "dist": {"shasum": "not-a-sha1"}},
          {"version": "3"}, 7, {"name": "nodash", "version": "1"}],
          "dev": true, "dev-package-names": ["c/d"]})");
  write_composer_file(root / "broken/composer.lock", "{\"packages\": [");
  write_composer_file(root / "wrong/composer.lock", "{\"packages\": {\"a\": 1}}");
  write_composer_file(root / "scalar/vendor/composer/installed.json", "42");
  auto document = native::scan_with(root, "composer");

  const auto& ab = package_with_purl(document, "pkg:composer/a/b@1.0.0");
  CHECK(hashes_of(ab) == std::set<std::string>{"SHA-1:a94a8fe5ccb19ba61c4c0873d391e987982fbbd3"});
  CHECK_FALSE(ab.development);
  CHECK(package_with_purl(document, "pkg:composer/c/d@2.0.0").development);

  auto warnings = native::warnings(document);
  INFO(Catch::Detail::stringify(warnings));
  auto has = [&](std::string_view location, std::string_view text) {
    return std::any_of(warnings.begin(), warnings.end(), [&](const std::string& warning) {
      return warning.starts_with(location) && warning.find(text) != std::string::npos;
    });
  };
  CHECK(has("app/vendor/composer/installed.json", "c/d: dist shasum is not a SHA-1"));
  CHECK(has("app/vendor/composer/installed.json", "package 3 has no name"));
  CHECK(has("app/vendor/composer/installed.json", "package 4 is a number"));
  CHECK(has("app/vendor/composer/installed.json", "nodash is not \"vendor/name\""));
  CHECK(has("broken/composer.lock", "not valid JSON"));
  CHECK(has("wrong/composer.lock", "\"packages\" is an object, not an array"));
  CHECK(has("scalar/vendor/composer/installed.json", "neither an array nor an object"));
}
