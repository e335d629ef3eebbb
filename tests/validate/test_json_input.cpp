#include <kensa/validate/json_input.hpp>

#include <catch2/catch.hpp>

#include <string>

using kensa::validate::JsonParseLimits;
using kensa::validate::parse_json;

TEST_CASE("json input: a document parses into the same tree as nlohmann's parser",
          "[validate][json-input]") {
  const std::string text = R"({"a": [1, 2.5, "x", null, true, {"b": {}}], "c": -3})";
  const auto parsed = parse_json(text);
  REQUIRE(parsed);
  CHECK(parsed->value == nlohmann::json::parse(text));
  CHECK(parsed->duplicate_keys.empty());
  CHECK(parse_json("7")->value == 7);
}

TEST_CASE("json input: duplicate members are reported, the last one wins",
          "[validate][json-input]") {
  const auto parsed = parse_json(R"({"a": 1, "list": [{"x/y": 1, "x/y": 2}], "a": 3})");
  REQUIRE(parsed);
  CHECK(parsed->value["a"] == 3);
  CHECK(parsed->value["list"][0]["x/y"] == 2);
  REQUIRE(parsed->duplicate_keys.size() == 2);
  CHECK(parsed->duplicate_keys[0].pointer == "/list/0/x~1y");
  CHECK(parsed->duplicate_keys[1].pointer == "/a");
}

TEST_CASE("json input: malformed text fails with line and column", "[validate][json-input]") {
  const auto bad = parse_json("{\n  \"a\": [1,\n  2,,\n]}");
  REQUIRE_FALSE(bad);
  INFO(bad.error());
  CHECK(bad.error().starts_with("line 3, column 5: "));
  const auto utf8 = parse_json("[\"\xff\"]");
  REQUIRE_FALSE(utf8);
  CHECK(utf8.error().find("UTF-8") != std::string::npos);
  CHECK_FALSE(parse_json(""));
  CHECK_FALSE(parse_json("[1] [2]"));
}

TEST_CASE("json input: hostile nesting is refused while parsing", "[validate][json-input]") {
  const std::string deep = std::string(100'000, '[') + std::string(100'000, ']');
  const auto parsed = parse_json(deep);
  REQUIRE_FALSE(parsed);
  CHECK(parsed.error() == "the document nests deeper than 10000 levels");
  JsonParseLimits limits;
  limits.max_depth = 200'000;
  CHECK(parse_json(deep, limits));
  CHECK(parse_json(std::string(10'000, '[') + std::string(10'000, ']')));
}
