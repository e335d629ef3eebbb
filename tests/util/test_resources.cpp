#include "../support/test_support.hpp"

#include <kensa/util/resources.hpp>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <string>

using kensa::resources::all;
using kensa::resources::find;

TEST_CASE("embedded resources are sorted by name without duplicates", "[resources]") {
  const auto resources = all();
  REQUIRE_FALSE(resources.empty());
  for (std::size_t i = 1; i < resources.size(); ++i) {
    INFO(resources[i - 1].name << " before " << resources[i].name);
    CHECK(resources[i - 1].name < resources[i].name);
  }
}

TEST_CASE("every embedded resource is found by its name", "[resources]") {
  for (const auto& resource : all()) {
    const auto found = find(resource.name);
    REQUIRE(found.has_value());
    CHECK(found->data() == resource.data.data());
    CHECK(found->size() == resource.data.size());
  }
}

TEST_CASE("unknown resource names are not found", "[resources]") {
  CHECK_FALSE(find("").has_value());
  CHECK_FALSE(find("no/such/file.json").has_value());
  // A prefix or a case variant of a real name is a different name.
  CHECK_FALSE(find("spdx/license-list").has_value());
  CHECK_FALSE(find("SPDX/license-list.json").has_value());
  CHECK_FALSE(find("zzz").has_value());
}

TEST_CASE("the bundled schemas and license list are embedded", "[resources]") {
  for (const std::string version : {"1.2", "1.3", "1.4", "1.5", "1.6", "1.7"}) {
    INFO("JSON schema " << version);
    const auto schema = find("cyclonedx/bom-" + version + ".SNAPSHOT.schema.json");
    REQUIRE(schema.has_value());
    const auto parsed = nlohmann::json::parse(*schema);
    CHECK(parsed.at("$id").get<std::string>().find("bom-" + version) != std::string::npos);
  }
  for (const std::string version : {"1.0", "1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "1.7"}) {
    INFO("XSD " << version);
    const auto xsd = find("cyclonedx/bom-" + version + ".SNAPSHOT.xsd");
    REQUIRE(xsd.has_value());
    CHECK(xsd->find("http://cyclonedx.org/schema/bom/" + version) != std::string_view::npos);
  }
  for (const char* helper :
       {"cyclonedx/bom-1.2-strict.SNAPSHOT.schema.json",
        "cyclonedx/bom-1.3-strict.SNAPSHOT.schema.json", "cyclonedx/spdx.SNAPSHOT.schema.json",
        "cyclonedx/jsf-0.82.SNAPSHOT.schema.json",
        "cyclonedx/cryptography-defs.SNAPSHOT.schema.json", "cyclonedx/spdx.SNAPSHOT.xsd",
        "spdx/license-list.json"}) {
    INFO(helper);
    CHECK(find(helper).has_value());
  }
}

TEST_CASE("embedded data is byte for byte the file in schemas/", "[resources]") {
  const std::filesystem::path schemas = std::filesystem::path(KENSA_SOURCE_DIR) / "schemas";
  for (const char* name : {"spdx/license-list.json", "cyclonedx/bom-1.7.SNAPSHOT.xsd"}) {
    INFO(name);
    const auto data = find(name);
    REQUIRE(data.has_value());
    CHECK(*data == kensa::testing::read_file(schemas / name));
  }
}
