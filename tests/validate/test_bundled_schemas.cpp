// The CycloneDX JSON schemas kensa bundles, compiled by the schema engine
// (tests/validate/schema/ tests the engine itself).
#include "../support/json_tree.hpp"

#include <kensa/validate/bundled_schemas.hpp>
#include <kensa/validate/json_schema.hpp>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using Json = nlohmann::json;

TEST_CASE("bundled schemas: every CycloneDX JSON schema compiles and checks",
          "[validate][json-schema]") {
  for (const auto& version : kensa::validate::cyclonedx_json_schema_versions()) {
    const auto schema = kensa::validate::cyclonedx_json_schema(version);
    INFO(version << ": " << schema.error());
    REQUIRE(schema);
    CHECK(schema->schema_warnings().empty());
  }
  CHECK(kensa::validate::cyclonedx_json_schema("1.2", true));
  CHECK(kensa::validate::cyclonedx_json_schema("1.3", true));
  CHECK_FALSE(kensa::validate::cyclonedx_json_schema("1.6", true));
  CHECK_FALSE(kensa::validate::cyclonedx_json_schema("2.0"));

  const auto schema = kensa::validate::cyclonedx_json_schema("1.6");
  REQUIRE(schema);
  CHECK(schema
            ->validate(kensa::testing::json_tree(
                           Json::parse(
                               R"({"bomFormat": "CycloneDX", "specVersion": "1.6", "version": 1})"))
                           .root())
            .valid);
  const auto result = schema->validate(
      kensa::testing::json_tree(
          Json::parse(R"({"bomFormat": "CycloneDX", "specVersion": "1.6", "serialNumber": "1234",
          "metadata": {"timestamp": "yesterday"}})"))
          .root());
  CHECK_FALSE(result.valid);
  REQUIRE(result.findings.size() == 2);
  CHECK(result.findings[0].instance_location == "/metadata/timestamp");
  CHECK(result.findings[0].keyword_location ==
        "http://cyclonedx.org/schema/bom-1.6.schema.json#/definitions/metadata/properties/"
        "timestamp/format");
  CHECK(result.findings[1].instance_location == "/serialNumber");
}
