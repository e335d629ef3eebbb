// The one JSON reader of the scanners: how a broken file is reported, the
// caps it keeps, and members read the way a lockfile means them.
#include "../../../../src/scanners/common/parsers/json_file.hpp"

#include <kensa/model/graph.hpp>

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace kensa;

namespace {

struct Reading {
  bool parsed = false;
  std::vector<std::string> warnings;
  bool incomplete = false;
};

Reading read_text(std::string_view text, const json::ParseLimits& limits = {}) {
  model::ComponentGraph graph;
  scanner::ScanContext context(graph, "test", "subject");
  scanner::FileReport report(context, std::string("a/deno.lock"));
  Reading reading;
  reading.parsed = scanner::read_json_file(report, text, limits).has_value();
  const model::Document document = std::move(graph).finish({});
  for (const auto& diagnostic : document.diagnostics) {
    reading.warnings.push_back(diagnostic.location + ": " + diagnostic.message);
  }
  reading.incomplete = document.metadata.completeness == model::Completeness::incomplete;
  return reading;
}

} // namespace

TEST_CASE("json file: a syntax error names its line, then what is wrong and the column",
          "[scanner][json]") {
  const Reading broken = read_text("{\n  \"version\": \"4\",\n  \"npm\": {,}\n}");
  CHECK_FALSE(broken.parsed);
  CHECK(broken.warnings ==
        std::vector<std::string>{
            "a/deno.lock: line 3: not valid JSON: expected a member name in double quotes "
            "(column 11)"});
  CHECK(broken.incomplete);

  const Reading fine = read_text("{\"version\": \"4\"}");
  CHECK(fine.parsed);
  CHECK(fine.warnings.empty());
  CHECK_FALSE(fine.incomplete);
}

TEST_CASE("json file: past the nesting cap the file is not read", "[scanner][json]") {
  const std::string deep = std::string(20, '[') + std::string(20, ']');
  json::ParseLimits limits;
  limits.max_depth = 16;
  const Reading refused = read_text(deep, limits);
  CHECK_FALSE(refused.parsed);
  CHECK(refused.warnings == std::vector<std::string>{"a/deno.lock: not read: the document nests "
                                                     "deeper than 16 levels"});
  CHECK(refused.incomplete);
  CHECK(read_text(deep).parsed);
}

TEST_CASE("json file: members by name, sorted, a repeated name once with its last value",
          "[scanner][json]") {
  const auto document = json::Document::parse(R"({"b": 1, "a": 2, "c": 3, "a": 4, "": 5})");
  REQUIRE(document);
  const auto members = scanner::members_by_name(document->root());
  std::vector<std::string> names;
  std::vector<std::int64_t> values;
  for (const auto& [name, value] : members) {
    names.emplace_back(name);
    values.push_back(value.integer());
  }
  CHECK(names == std::vector<std::string>{"", "a", "b", "c"});
  CHECK(values == std::vector<std::int64_t>{5, 4, 1, 3});
  CHECK(scanner::members_by_name(document->root()["a"]).empty());
  CHECK(scanner::members_by_name(json::Value()).empty());
}

TEST_CASE("json file: types are named for messages", "[scanner][json]") {
  const auto document = json::Document::parse(R"([null, true, 1, -1, 1.5, "s", [], {}])");
  REQUIRE(document);
  std::vector<std::string> names;
  for (const auto value : document->root()) {
    names.emplace_back(scanner::json_type_name(value));
  }
  CHECK(names == std::vector<std::string>{"null", "a boolean", "a number", "a number", "a number",
                                          "a string", "an array", "an object"});
}
