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
  CHECK(unknown.error().starts_with("unknown format 'cyclone-json' (known: "));
  CHECK(unknown.error().find('\n') == std::string::npos);
  auto version = parse_output_spec("cyclonedx-json@9.9");
  REQUIRE_FALSE(version.ok());
  CHECK(version.error().find("no version '9.9'") != std::string::npos);
  CHECK_FALSE(parse_output_spec("table@1.0").ok());
  CHECK_FALSE(parse_output_spec("table=").ok());
}

TEST_CASE("format names: one table for -o, validate --format and --version", "[formats]") {
  // SPDX 3 by either name, at the version users write.
  for (const char* name : {"spdx-json@3.0", "spdx-json@3.0.1", "spdx3-jsonld", "spdx3-jsonld@3.0.1",
                           "spdx3-jsonld@3.0"}) {
    INFO(name);
    auto spec = parse_output_spec(name);
    REQUIRE(spec.ok());
    CHECK(spec->format->name == "spdx-json");
    CHECK(spec->version == "3.0");
    for (const auto use : {FormatUse::write, FormatUse::read}) {
      auto resolved = parse_format_name(name, use);
      REQUIRE(resolved.ok());
      const auto document = document_format(*resolved->format, resolved->version);
      CHECK(is_spdx3(document));
      CHECK(document.spec_version == "3.0.1");
      CHECK(format_label(document) == "spdx-json 3.0.1");
    }
  }
  CHECK_FALSE(parse_output_spec("spdx3-jsonld@2.3").ok());
  // Reading knows the versions the validator has schemas for.
  CHECK_FALSE(parse_format_name("cyclonedx-json@1.3", FormatUse::write).ok());
  auto old = parse_format_name("cyclonedx-json@1.3", FormatUse::read);
  REQUIRE(old.ok());
  CHECK(old->version == "1.3");
  // Reading without a version takes the document's.
  CHECK(parse_format_name("cyclonedx-xml", FormatUse::read)->version.empty());
  CHECK(parse_format_name("cyclonedx-xml", FormatUse::write)->version == "1.6");
  // What a report calls a document is a name -o takes back.
  for (const auto& format : output_formats()) {
    for (const auto version : format.versions) {
      const auto label = format_label(document_format(format, version));
      INFO(label);
      const std::string written =
          label.substr(0, label.find(' ')) + "@" + label.substr(label.find(' ') + 1);
      auto again = parse_output_spec(written);
      REQUIRE(again.ok());
      CHECK(again->format == &format);
    }
  }
  CHECK(format_listing().find("spdx3-jsonld=spdx-json@3.0") != std::string::npos);
}
