#include <kensa/format/output_spec.hpp>

#include <catch2/catch.hpp>

using namespace kensa;

TEST_CASE("table: aligned columns, one row per component", "[formats][table]") {
  model::Document document;
  model::Component a;
  a.name = "lodash";
  a.version = "4.17.21";
  a.scope = model::Scope::required;
  a.evidence.push_back({"package-lock.json", "", "npm"});
  model::Component b;
  b.group = "@types";
  b.name = "node";
  b.version = "20.1.0";
  b.scope = model::Scope::excluded;
  b.development = true;
  b.evidence.push_back({"package-lock.json", "", "npm"});
  document.components = {a, b};

  auto spec = format::parse_output_spec("table");
  REQUIRE(spec.ok());
  CHECK(format::render(document, *spec) == "NAME         VERSION  TYPE     SCOPE         FOUND BY\n"
                                           "lodash       4.17.21  library  required      npm\n"
                                           "@types/node  20.1.0   library  excluded,dev  npm\n");
}

TEST_CASE("table: an empty document says so", "[formats][table]") {
  auto spec = format::parse_output_spec("table");
  REQUIRE(spec.ok());
  CHECK(format::render(model::Document{}, *spec) == "No components found.\n");
}
