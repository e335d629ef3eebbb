// kensa scan --conclude-licenses on real packages: crates of Debian's cargo
// registry (declared "MIT OR Apache-2.0", files LICENSE-MIT and
// LICENSE-APACHE) and npm packages (tests/fixtures/node-modules/
// license-files).
#include "../support/test_support.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <map>
#include <string>
#include <vector>

namespace {

// licenseConcluded of each package of an SPDX 2.3 scan, by name.
std::map<std::string, std::string> concluded_by_name(const std::string& fixture, bool conclude) {
  std::vector<std::string> arguments{"scan", kensa::testing::fixture(fixture).string(), "-o",
                                     "spdx-json@2.3"};
  if (conclude) {
    arguments.emplace_back("--conclude-licenses");
  }
  const auto result = kensa::testing::run_kensa(arguments);
  REQUIRE(result.exit_code == 0);
  std::map<std::string, std::string> concluded;
  const auto document = nlohmann::json::parse(result.out);
  for (const auto& package : document["packages"]) {
    concluded[package.value("name", "")] = package.value("licenseConcluded", "");
  }
  return concluded;
}

} // namespace

TEST_CASE("conclude licenses: the declared choice when the files show exactly its licenses",
          "[license][conclude]") {
  const auto concluded = concluded_by_name("rust/debian-registry", true);
  CHECK(concluded.at("itoa") == "MIT OR Apache-2.0");
  CHECK(concluded.at("aho-corasick") == "Unlicense OR MIT");
  // Without the flag nothing is concluded.
  const auto plain = concluded_by_name("rust/debian-registry", false);
  CHECK(plain.at("itoa") == "NOASSERTION");
}

TEST_CASE("conclude licenses: one license shown, or none concluded when it would be a guess",
          "[license][conclude]") {
  const auto concluded = concluded_by_name("node-modules/license-files", true);
  // ms: declared MIT, license.md the MIT text.
  CHECK(concluded.at("ms") == "MIT");
  // abbrev declares ISC, its LICENSE holds the ISC and the MIT texts:
  // together or a choice, the file does not say.
  CHECK(concluded.at("abbrev") == "NOASSERTION");
  // mapbox-gl: its own terms and the texts of code it bundles.
  CHECK(concluded.at("mapbox-gl") == "NOASSERTION");
}

TEST_CASE("conclude licenses: CycloneDX marks them concluded", "[license][conclude]") {
  const auto result = kensa::testing::run_kensa(
      {"scan", kensa::testing::fixture("node-modules/license-files").string(),
       "--conclude-licenses", "-o", "cyclonedx-json@1.6"});
  REQUIRE(result.exit_code == 0);
  const auto document = nlohmann::json::parse(result.out);
  bool found = false;
  for (const auto& component : document["components"]) {
    if (component.value("name", "") != "ms") {
      continue;
    }
    for (const auto& entry : component["licenses"]) {
      if (entry["license"].value("acknowledgement", "") == "concluded") {
        CHECK(entry["license"]["id"] == "MIT");
        found = true;
      }
    }
  }
  CHECK(found);
}
