// composer.lock and vendor/composer/installed.json written by Debian 12's
// own Composer, and what Composer reports about them
// (tests/fixtures/composer/README.md).
#include "../../support/test_support.hpp"
#include "../common/binary/native_test_support.hpp"

#include <catch2/catch.hpp>

#include <set>
#include <sstream>
#include <string>
#include <vector>

using namespace kensa;
using namespace kensa::testing;

namespace {

// "vendor/name@version" of each package line under the command `command`
// of the saved `composer` output.
std::set<std::string> composer_listed(const std::string& text, std::string_view command) {
  std::set<std::string> packages;
  std::istringstream lines(text);
  bool inside = false;
  for (std::string line; std::getline(lines, line);) {
    if (line.starts_with("$ ")) {
      inside = line.substr(2) == command;
      continue;
    }
    if (!inside) {
      continue;
    }
    std::istringstream words(line);
    std::string name;
    std::string version;
    words >> name >> version;
    packages.insert(name + "@" + version);
  }
  return packages;
}

// The components named `name`: a package of a path repository has no
// purl, and is told apart by its own folder, which composer.lock and
// installed.json both name: one component, found at both files.
std::vector<const model::Component*> composer_tool_packages(const model::Document& document,
                                                            std::string_view name) {
  auto found = native::components_named(document, name);
  INFO(name);
  REQUIRE(found.size() == 1);
  std::set<std::string> locations;
  for (const auto& evidence : found[0]->evidence) {
    locations.insert(evidence.location);
  }
  const std::string folder = "packages/" + std::string(name.substr(name.find('/') + 1));
  CHECK(locations ==
        std::set<std::string>{"composer.lock", folder, "vendor/composer/installed.json"});
  return found;
}

} // namespace

TEST_CASE("composer.lock and installed.json written by Debian's Composer: what it shows",
          "[composer][installed][tool]") {
  auto document = native::scan_with(fixture("composer/debian-composer"), "composer");
  CHECK(native::warnings(document).empty());
  const auto oracle = read_file(fixture("composer/debian-composer.composer-show.txt"));

  std::set<std::string> found;
  std::set<std::string> found_not_dev;
  for (const auto& component : document.components) {
    if (component.version.empty()) {
      continue;
    }
    const auto named = component.group + "/" + component.name + "@" + component.version;
    found.insert(named);
    if (!component.development) {
      found_not_dev.insert(named);
    }
  }
  const auto locked = composer_listed(oracle, "composer show --locked");
  REQUIRE(locked.size() == 3);
  CHECK(found == locked);
  CHECK(found == composer_listed(oracle, "composer show"));
  CHECK(found_not_dev == composer_listed(oracle, "composer show --locked --no-dev"));

  // Packages of a path repository: local code, no purl.
  for (const auto* cart : composer_tool_packages(document, "kensa-fixtures/cart")) {
    CHECK(cart->purl.empty());
    CHECK(native::property(*cart, "kensa:composer:local") == "true");
    CHECK(cart->scope == model::Scope::required);
    CHECK_FALSE(cart->development);
    REQUIRE(cart->authors.size() == 1);
    CHECK(cart->authors[0].email == "fixtures@example.org");
  }
  for (const auto* testkit : composer_tool_packages(document, "kensa-fixtures/testkit")) {
    CHECK(testkit->development);
    CHECK(testkit->scope == model::Scope::excluded);
    CHECK(testkit->licenses_declared.size() == 2);
  }

  // `composer depends kensa-fixtures/money` names cart and testkit.
  CHECK(oracle.find("kensa-fixtures/cart    1.2.0 requires kensa-fixtures/money (^2.0)") !=
        std::string::npos);
  CHECK(oracle.find("kensa-fixtures/testkit 0.3.0 requires kensa-fixtures/money (^2.0)") !=
        std::string::npos);
  auto edges = native::edges(document, model::RelationshipType::depends_on);
  CHECK(edges.count("kensa-fixtures/cart@1.2.0 -> kensa-fixtures/money@2.0.1") == 1);
  CHECK(edges.count("kensa-fixtures/testkit@0.3.0 -> kensa-fixtures/money@2.0.1") == 1);
  CHECK(edges.count("kensa-fixtures/shop -> kensa-fixtures/cart@1.2.0") == 1);
  CHECK(native::edges(document, model::RelationshipType::dev_depends_on)
            .count("kensa-fixtures/shop -> kensa-fixtures/testkit@0.3.0") == 1);
  CHECK(native::edges(document, model::RelationshipType::describes).size() == 1);
}
