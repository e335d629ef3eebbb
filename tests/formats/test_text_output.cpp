#include "format_fixture.hpp"

#include <kensa/format/output_spec.hpp>
#include <kensa/format/writer.hpp>

#include <catch2/catch.hpp>

#include <sstream>
#include <string>

using namespace kensa;

// render() hands the SPDX writers' finished text over to its string stream
// instead of copying it; any other stream, or one already written to, must
// get the same bytes.
TEST_CASE("writers: any stream gets the bytes render() gives", "[formats]") {
  const model::Document document = testing::every_field_document();
  for (const char* name :
       {"spdx-json", "spdx-tag-value", "spdx-yaml", "spdx-json@3.0", "cyclonedx-json"}) {
    INFO(name);
    auto spec = format::parse_output_spec(name);
    REQUIRE(spec.ok());
    const std::string rendered = format::render(document, *spec);
    REQUIRE_FALSE(rendered.empty());

    std::stringstream other_kind;
    format::LossReport losses;
    spec->format->write(document, spec->version, other_kind, losses);
    other_kind << "END";
    CHECK(other_kind.str() == rendered + "END");

    std::ostringstream fresh;
    spec->format->write(document, spec->version, fresh, losses);
    fresh << "END";
    CHECK(fresh.str() == rendered + "END");

    std::ostringstream started;
    started << "BEGIN";
    spec->format->write(document, spec->version, started, losses);
    started << "END";
    // Appended piece by piece: GCC 12 warns (wrongly) about "x" + string.
    std::string expected = "BEGIN";
    expected += rendered;
    expected += "END";
    CHECK(started.str() == expected);
  }
}
