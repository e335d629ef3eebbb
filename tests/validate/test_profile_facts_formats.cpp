// One scan written in every format gets the same profile coverage: the
// minimum elements are read the same way from CycloneDX, SPDX 2 and SPDX 3
// (docs/validate/profiles.md), wherever the format can hold the element.
#include "../support/test_support.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <map>
#include <set>
#include <string>
#include <vector>

namespace {

// Elements every format has a place for (SPDX 2's generation context is a
// line of its creator comment); the others (signature, filename, file
// properties, vulnerabilities) are missing by the format's design in some
// of them.
const std::set<std::string> k_elements_every_format_holds{"SBOM Author",
                                                          "SBOM Timestamp",
                                                          "SBOM Tool Name",
                                                          "SBOM Tool Version",
                                                          "SBOM Generation Context",
                                                          "SBOM Version",
                                                          "SBOM URI",
                                                          "Component Supplier",
                                                          "Component Name",
                                                          "Component Version",
                                                          "Component Identifiers",
                                                          "Component Hash",
                                                          "Component SHA-512 Hash",
                                                          "Component License",
                                                          "Component Dependencies",
                                                          "Component Description"};

struct CoverageTally {
  long long present = 0;
  long long unknown = 0;
  long long missing = 0;
  auto operator<=>(const CoverageTally&) const = default;
};

} // namespace

TEST_CASE("profiles: one scan gets the same coverage in every format", "[validate][profiles]") {
  const std::vector<std::string> outputs{"cyclonedx-json@1.6", "cyclonedx-xml@1.6", "spdx-json@2.3",
                                         "spdx-tag-value@2.3", "spdx-json@3.0"};
  // installed-alone has a development dependency, which SPDX 3 writes
  // as a scoped relationship.
  for (const std::string scenario :
       {"npm/lockfile-v3", "dpkg/debian-12", "node-modules/installed-alone"}) {
    INFO(scenario);
    const auto dir = kensa::testing::scratch_dir("profile-facts-formats");
    // With the facts only the user knows, as a CI job passes them.
    std::vector<std::string> scan{"scan",
                                  kensa::testing::fixture(scenario).string(),
                                  "--author",
                                  "Jane Doe <jane@example.com>",
                                  "--source-name",
                                  "acme-app",
                                  "--source-version",
                                  "2.0.0",
                                  "--source-supplier",
                                  "Example Ltd,https://example.com"};
    std::vector<std::string> validate{"validate",  "--report",  "json",
                                      "--profile", "ntia-2021", "--profile",
                                      "cisa-2026", "--fail-on", "never"};
    for (const auto& output : outputs) {
      const auto file = (dir / (output + ".sbom")).string();
      scan.push_back("-o");
      scan.push_back(output + "=" + file);
      validate.push_back(file);
    }
    const auto scanned = kensa::testing::run_kensa(scan);
    REQUIRE(scanned.exit_code == 0);
    const auto validated = kensa::testing::run_kensa(validate);
    INFO(validated.err);
    REQUIRE(validated.exit_code == 0);
    const auto report = nlohmann::json::parse(validated.out);
    REQUIRE(report["documents"].size() == outputs.size());

    // Profile id and element to each document's tally.
    std::map<std::string, std::map<std::string, CoverageTally>> first;
    std::map<std::string, long long> components;
    for (std::size_t i = 0; i < outputs.size(); ++i) {
      INFO(outputs[i]);
      const auto& document = report["documents"][i];
      std::map<std::string, std::map<std::string, CoverageTally>> tallies;
      for (const auto& profile : document["profiles"]) {
        const std::string id = profile["id"];
        if (i == 0) {
          components[id] = profile["components"];
        }
        CHECK(profile["components"] == components[id]);
        for (const auto& element : profile["elements"]) {
          if (k_elements_every_format_holds.count(element["element"]) == 0) {
            continue;
          }
          tallies[id][element["element"]] =
              CoverageTally{element["present"], element["declaredUnknown"], element["missing"]};
          // What the user supplied is there in every format.
          if (element["element"] == "SBOM Author" ||
              element["element"] == "SBOM Generation Context") {
            CHECK(element["missing"] == 0);
          }
        }
      }
      if (i == 0) {
        first = tallies;
        continue;
      }
      for (const auto& [id, elements] : first) {
        for (const auto& [element, tally] : elements) {
          INFO(id << " " << element);
          const auto& got = tallies[id][element];
          CHECK(got.present == tally.present);
          CHECK(got.unknown == tally.unknown);
          CHECK(got.missing == tally.missing);
        }
      }
    }
  }
}
