#include <kensa/format/output_spec.hpp>

#include <catch2/catch.hpp>

using namespace kensa::format;

TEST_CASE("output spec: format alone goes to stdout in the default version", "[formats]") {
  auto spec = parse_output_spec("cyclonedx-json");
  REQUIRE(spec.ok());
  CHECK(spec->format->name == "cyclonedx-json");
  CHECK(spec->version == "1.6");
  CHECK(spec->file.empty());
}

TEST_CASE("output spec: version and file", "[formats]") {
  auto spec = parse_output_spec("cyclonedx-json@1.6=out/sbom.cdx.json");
  REQUIRE(spec.ok());
  CHECK(spec->version == "1.6");
  CHECK(spec->file == "out/sbom.cdx.json");
  auto dash = parse_output_spec("table=-");
  REQUIRE(dash.ok());
  CHECK(dash->file.empty());
}

TEST_CASE("output spec: unknown names and versions fail in one line", "[formats]") {
  auto unknown = parse_output_spec("cyclone-json");
  REQUIRE_FALSE(unknown.ok());
  CHECK(unknown.error().starts_with("unknown output format 'cyclone-json' (known: "));
  CHECK(unknown.error().find('\n') == std::string::npos);
  auto version = parse_output_spec("cyclonedx-json@9.9");
  REQUIRE_FALSE(version.ok());
  CHECK(version.error().find("no version '9.9'") != std::string::npos);
  CHECK_FALSE(parse_output_spec("table@1.0").ok());
  CHECK_FALSE(parse_output_spec("table=").ok());
}
