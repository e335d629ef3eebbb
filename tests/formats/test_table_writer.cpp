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

TEST_CASE("table: within a terminal's width the widest columns are cut", "[formats][table]") {
  model::Document document;
  model::Component a;
  a.name = "a-package-whose-name-goes-on-for-far-longer-than-any-terminal-is-wide";
  a.version = "1.0.0";
  a.purl = "pkg:npm/" + a.name + "@1.0.0";
  a.evidence.push_back(
      {"usr/lib/node_modules/app/node_modules/" + a.name + "/package.json", "", "node-modules"});
  a.evidence.push_back({"opt/app/node_modules/" + a.name + "/package.json", "", "node-modules"});
  document.components = {a};

  auto wide = format::parse_output_spec("table-wide");
  REQUIRE(wide.ok());
  // Unlimited (a file, a pipe): every value whole, the second place counted.
  std::string whole = format::render(document, *wide);
  CHECK(whole.find(a.purl) != std::string::npos);
  CHECK(whole.find("/package.json +1") != std::string::npos);

  wide->width = 70;
  std::string fitted = format::render(document, *wide);
  INFO(fitted);
  CHECK(fitted.starts_with("NAME"));
  CHECK(fitted.find("PURL") != std::string::npos);
  CHECK(fitted.find("LOCATION") != std::string::npos);
  std::size_t lines = 0;
  for (std::size_t start = 0; start < fitted.size();) {
    std::size_t end = fitted.find('\n', start);
    std::string_view line(fitted.data() + start, end - start);
    std::size_t columns = 0;
    for (char c : line) {
      columns += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
    }
    CHECK(columns <= 70);
    ++lines;
    start = end + 1;
  }
  CHECK(lines == 2);
  // A location keeps its end: the file.
  CHECK(fitted.find(".json +1") != std::string::npos);
  CHECK(fitted.find("\u2026") != std::string::npos);

  // Narrower than the narrowest columns: the lines are cut at the end.
  wide->width = 20;
  std::string narrow = format::render(document, *wide);
  // 19 characters and "…" (three bytes).
  CHECK(narrow.substr(0, narrow.find('\n')).size() <= 19 + 3);
}
