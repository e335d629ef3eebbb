#include <kensa/util/json_document.hpp>
#include <kensa/validate/json_schema.hpp>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <optional>
#include <string>

using kensa::validate::CompiledSchema;
using kensa::validate::SchemaFindingKind;
using kensa::validate::SchemaLimits;
using kensa::validate::SchemaRegistry;
using kensa::validate::SchemaValidation;
using Json = nlohmann::json;

namespace {

const std::string k_uri = "https://kensa.test/schema.json";

// Schemas and instances are written here as nlohmann values, which C++
// spells most briefly, and read into kensa's tree, the one the engine works
// on.
kensa::json::Document tree(const Json& value) {
  return kensa::json::Document::from(value);
}

CompiledSchema compile(const Json& schema) {
  SchemaRegistry registry;
  REQUIRE(registry.add(k_uri, tree(schema)));
  auto compiled = registry.compile(k_uri);
  INFO(compiled.error());
  REQUIRE(compiled);
  return *compiled;
}

bool valid(const Json& schema, const Json& instance) {
  return compile(schema).validate(tree(instance).root()).valid;
}

// [[[...]]] nested `depth` times, built by the parser (which does not recurse).
Json nested_arrays(std::size_t depth) {
  return Json::parse(std::string(depth, '[') + std::string(depth, ']'));
}

} // namespace

TEST_CASE("json schema: a finding names the value, the keyword and the problem",
          "[validate][json-schema]") {
  const auto schema = compile(Json::parse(R"({
    "properties": {"a/b~c": {"type": "array", "items": {"type": "string", "maxLength": 3}}}
  })"));
  const auto result =
      schema.validate(tree(Json::parse(R"({"a/b~c": ["ok", "toolong", 5]})")).root());
  CHECK_FALSE(result.valid);
  REQUIRE(result.findings.size() == 2);
  CHECK(result.findings[0].kind == SchemaFindingKind::invalid);
  CHECK(result.findings[0].instance_location == "/a~1b~0c/1");
  CHECK(result.findings[0].keyword_location == k_uri + "#/properties/a~1b~0c/items/maxLength");
  CHECK(result.findings[0].message == "is 7 characters long; at most 3 allowed");
  CHECK(result.findings[1].instance_location == "/a~1b~0c/2");
  CHECK(result.findings[1].keyword_location == k_uri + "#/properties/a~1b~0c/items/type");
  CHECK(result.findings[1].message == "expected string, found integer");
}

TEST_CASE("json schema: messages for the common keywords", "[validate][json-schema]") {
  const auto schema = compile(Json::parse(R"({
    "type": "object",
    "required": ["name"],
    "additionalProperties": false,
    "properties": {"kind": {"enum": ["library", "application"]}, "n": {"minimum": 1}}
  })"));
  const auto result =
      schema.validate(tree(Json::parse(R"({"kind": "lib", "n": 0, "extra": true})")).root());
  REQUIRE(result.findings.size() == 4);
  CHECK(result.findings[0].message == "missing required property \"name\"");
  CHECK(result.findings[1].instance_location == "/extra");
  CHECK(result.findings[1].message == "property \"extra\" is not allowed here");
  CHECK(result.findings[1].keyword_location == k_uri + "#/additionalProperties");
  CHECK(result.findings[2].message ==
        "\"lib\" is not one of the allowed values: \"library\", \"application\"");
  CHECK(result.findings[3].message == "0 is not at least 1");
}

TEST_CASE("json schema: oneOf with no match explains the closest alternative",
          "[validate][json-schema]") {
  const auto schema = compile(Json::parse(R"({
    "oneOf": [
      {"type": "object", "required": ["id"], "properties": {"id": {"type": "string"}}},
      {"type": "string"}
    ]
  })"));
  const auto result = schema.validate(tree(Json::parse(R"({"id": 7})")).root());
  // The reason is in the finding itself, with where it applies.
  REQUIRE(result.findings.size() == 1);
  CHECK(result.findings[0].message ==
        "an object with 1 members matches none of the 2 alternatives; the closest, alternative "
        "0, fails at /id: expected string, found integer");
  CHECK_FALSE(schema.validate(tree(Json::parse(R"("x")")).root()).findings.size() > 0);
  // Several reasons: the first in the message, the others after it.
  const auto several = schema.validate(tree(Json::parse(R"({"id": 7, "more": 1})")).root());
  CHECK(several.findings.size() == 1);
  const auto two = compile(Json::parse(R"({
    "anyOf": [
      {"type": "object", "properties": {"a": {"type": "string"}, "b": {"type": "string"}}},
      {"required": ["x"], "properties": {"a": {"type": "null"}, "b": {"type": "null"}}}
    ]
  })"));
  const auto missing = two.validate(tree(Json::parse(R"({"a": 1, "b": 2})")).root());
  REQUIRE(missing.findings.size() == 2);
  CHECK(missing.findings[0].message ==
        "an object with 2 members matches none of the 2 alternatives; the closest, alternative "
        "0, fails at /a: expected string, found integer (and 1 more, listed next)");
  CHECK(missing.findings[1].instance_location == "/b");
}

TEST_CASE("json schema: $ref resolves across registered schemas by $id",
          "[validate][json-schema]") {
  SchemaRegistry registry;
  REQUIRE(registry.add("https://kensa.test/types.json", tree(Json::parse(R"({
    "$id": "https://example.com/schemas/types.json",
    "definitions": {"version": {"type": "string", "pattern": "^[0-9]+\\.[0-9]+$"}}
  })"))));
  REQUIRE(registry.add("https://kensa.test/main.json", tree(Json::parse(R"({
    "$id": "https://example.com/schemas/main.json",
    "properties": {"v": {"$ref": "types.json#/definitions/version"}}
  })"))));
  CHECK(registry.contains("https://example.com/schemas/types.json"));
  CHECK(registry.contains("https://kensa.test/types.json"));
  const auto schema = registry.compile("https://example.com/schemas/main.json");
  REQUIRE(schema);
  CHECK(schema->validate(tree(Json::parse(R"({"v": "1.6"})")).root()).valid);
  const auto result = schema->validate(tree(Json::parse(R"({"v": "one"})")).root());
  REQUIRE(result.findings.size() == 1);
  CHECK(result.findings[0].keyword_location ==
        "https://example.com/schemas/types.json#/definitions/version/pattern");
}

TEST_CASE("json schema: registry and compile failures are clear", "[validate][json-schema]") {
  SchemaRegistry registry;
  REQUIRE(registry.add("https://kensa.test/a.json",
                       tree(Json::parse(R"({"$id": "https://x.test/s"})"))));
  const auto duplicate = registry.add("https://kensa.test/b.json",
                                      tree(Json::parse(R"({"$id": "https://x.test/s"})")));
  REQUIRE_FALSE(duplicate);
  CHECK(duplicate.error() == "the schema URI https://x.test/s is already registered");
  CHECK_FALSE(registry.contains("https://kensa.test/b.json"));
  CHECK_FALSE(registry.add("relative.json", tree(Json::object())));
  CHECK_FALSE(registry.add("https://kensa.test/c.json", tree(Json(3))));

  REQUIRE(registry.add("https://kensa.test/d.json",
                       tree(Json::parse(R"({"properties": {"a": {"$ref": "missing.json"}}})"))));
  const auto missing = registry.compile("https://kensa.test/d.json");
  REQUIRE_FALSE(missing);
  CHECK(missing.error() == "invalid schema: https://kensa.test/d.json#/properties/a/$ref: "
                           "cannot resolve $ref https://kensa.test/missing.json");

  REQUIRE(registry.add("https://kensa.test/e.json", tree(Json::parse(R"({"minLength": "3"})"))));
  const auto malformed = registry.compile("https://kensa.test/e.json");
  REQUIRE_FALSE(malformed);
  CHECK(malformed.error() ==
        "invalid schema: https://kensa.test/e.json#/minLength: must be a non-negative integer");
}

TEST_CASE("json schema: draft-07 $ref hides its siblings, 2020-12 does not",
          "[validate][json-schema]") {
  const Json draft7 = Json::parse(R"({
    "definitions": {"s": {"type": "string"}}, "$ref": "#/definitions/s", "maxLength": 2})");
  CHECK(valid(draft7, "long"));
  Json draft2020 = Json::parse(R"({
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$defs": {"s": {"type": "string"}}, "$ref": "#/$defs/s", "maxLength": 2})");
  CHECK_FALSE(valid(draft2020, "long"));
  CHECK(valid(draft2020, "ok"));
}

TEST_CASE("json schema: unevaluatedProperties sees through allOf, anyOf and $ref",
          "[validate][json-schema]") {
  const Json schema = Json::parse(R"({
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$defs": {"named": {"properties": {"name": {"type": "string"}}}},
    "allOf": [{"$ref": "#/$defs/named"}],
    "anyOf": [{"properties": {"a": true}, "required": ["a"]}, {"properties": {"b": true}, "required": ["b"]}],
    "unevaluatedProperties": false
  })");
  CHECK(valid(schema, Json::parse(R"({"name": "x", "a": 1})")));
  CHECK(valid(schema, Json::parse(R"({"a": 1, "b": 2})")));
  const auto result = compile(schema).validate(tree(Json::parse(R"({"a": 1, "c": 3})")).root());
  REQUIRE(result.findings.size() == 1);
  CHECK(result.findings[0].instance_location == "/c");
  CHECK(result.findings[0].message == "property \"c\" is not allowed here");
  // Annotations of a failing branch do not count.
  CHECK_FALSE(valid(schema, Json::parse(R"({"a": 1, "b": "x", "name": 5})")));
}

TEST_CASE("json schema: dependentRequired, dependentSchemas, prefixItems, contains",
          "[validate][json-schema]") {
  const Json schema = Json::parse(R"({
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "dependentRequired": {"bill": ["address"]},
    "dependentSchemas": {"card": {"required": ["expiry"]}},
    "properties": {"list": {"prefixItems": [{"type": "integer"}], "items": {"type": "string"},
                            "contains": {"const": "x"}, "maxContains": 1}}
  })");
  CHECK(valid(schema, Json::parse(R"({"bill": 1, "address": 2})")));
  CHECK_FALSE(valid(schema, Json::parse(R"({"bill": 1})")));
  CHECK_FALSE(valid(schema, Json::parse(R"({"card": 1})")));
  CHECK(valid(schema, Json::parse(R"({"list": [1, "x", "y"]})")));
  CHECK_FALSE(valid(schema, Json::parse(R"({"list": [1, "x", "x"]})")));
  CHECK_FALSE(valid(schema, Json::parse(R"({"list": ["a", "x"]})")));
}

TEST_CASE("json schema: annotations and unknown keywords are ignored", "[validate][json-schema]") {
  const Json schema = Json::parse(R"({
    "title": "t", "description": "d", "$comment": "c", "examples": [1], "deprecated": true,
    "meta:enum": {"a": "A"}, "default": 5, "x-custom": {"type": "string"}, "type": "integer"})");
  CHECK(valid(schema, 3));
  CHECK_FALSE(valid(schema, "3"));
}

TEST_CASE("json schema: patterns run on RE2 with ECMA-262 meaning", "[validate][json-schema]") {
  CHECK(valid({{"pattern", "^\\d+$"}}, "123"));
  CHECK_FALSE(valid({{"pattern", "^\\d+$"}}, "12a"));
  // ECMA-262 \s includes U+00A0 and U+FEFF; '.' excludes U+2028.
  CHECK(valid({{"pattern", "^\\s$"}}, "\u00a0"));
  CHECK(valid({{"pattern", "^\\s$"}}, "\ufeff"));
  CHECK_FALSE(valid({{"pattern", "^.$"}}, "\u2028"));
  CHECK(valid({{"pattern", "^\\p{L}+$"}}, "\u00e9t\u00e9"));
  CHECK(valid({{"pattern", "^\\p{Letter}+$"}}, "abc"));
  CHECK(valid({{"pattern", "^\\u00e9$"}}, "\u00e9"));
  CHECK(valid({{"pattern", "^[^]$"}}, "\n"));
  CHECK(valid({{"pattern", "^(?<year>\\d{4})$"}}, "2025"));
  // Patterns are not anchored.
  CHECK(valid({{"pattern", "b"}}, "abc"));
  // A leading lookahead splits off (the SPDX 3 schema uses one).
  const Json iri = {{"pattern", "^(?!_:).+:.+"}};
  CHECK(valid(iri, "https://example.com/a"));
  CHECK_FALSE(valid(iri, "_:blank"));
  CHECK_FALSE(valid(iri, "nocolon"));
  CHECK(valid({{"pattern", "^(?=.*\\d)(?=.*[a-z]).{4,}$"}}, "ab12"));
  CHECK_FALSE(valid({{"pattern", "^(?=.*\\d)(?=.*[a-z]).{4,}$"}}, "abcd"));
}

TEST_CASE("json schema: a pattern RE2 cannot run is reported, not fatal",
          "[validate][json-schema]") {
  for (const std::string pattern : {"(?<=a)b", "(a)\\1", "a(?!b)"}) {
    const auto schema = compile({{"properties", {{"x", {{"pattern", pattern}}}}}});
    REQUIRE(schema.schema_warnings().size() == 1);
    CHECK(schema.schema_warnings()[0].kind == SchemaFindingKind::unsupported);
    CHECK(schema.schema_warnings()[0].keyword_location == k_uri + "#/properties/x/pattern");
    const auto result = schema.validate(tree(Json::parse(R"({"x": "ab"})")).root());
    CHECK(result.valid);
    REQUIRE(result.findings.size() == 1);
    CHECK(result.findings[0].kind == SchemaFindingKind::unsupported);
    CHECK(result.findings[0].instance_location == "/x");
  }
  // The same for patternProperties.
  const auto schema = compile({{"patternProperties", {{"(?<=a)b", {{"type", "string"}}}}}});
  CHECK(schema.schema_warnings().size() == 1);
  CHECK(schema.validate(tree(Json::parse(R"({"ab": 1})")).root()).valid);
}

TEST_CASE("json schema: formats SBOM schemas use are checked", "[validate][json-schema]") {
  const auto format = [](const char* name) { return Json{{"format", name}}; };
  CHECK(valid(format("date-time"), "2025-05-01T14:00:00Z"));
  CHECK(valid(format("date-time"), "2016-12-31T23:59:60Z"));
  CHECK_FALSE(valid(format("date-time"), "2016-12-31T22:59:60Z"));
  CHECK_FALSE(valid(format("date-time"), "2020-04-13"));
  CHECK_FALSE(valid(format("date-time"), "2021-02-29T00:00:00Z"));
  CHECK(valid(format("date"), "2024-02-29"));
  CHECK(valid(format("uri"), "https://example.com/a?b#c"));
  CHECK_FALSE(valid(format("uri"), "RS256"));
  CHECK_FALSE(valid(format("uri"), "https://exa mple.com"));
  CHECK(valid(format("iri-reference"), "/\u00e2\u03c0"));
  CHECK(valid(format("email"), "jane.doe@example.com"));
  CHECK_FALSE(valid(format("email"), "jane..doe@example.com"));
  CHECK(valid(format("idn-email"), "\uc2e4\ub840@\uc2e4\ub840.\ud14c\uc2a4\ud2b8"));
  CHECK(valid(format("hostname"), "xn--4gbwdl.xn--wgbh1c"));
  CHECK_FALSE(valid(format("idn-hostname"), "\uc2e4\u302e\ub840.com"));
  CHECK(valid(format("uuid"), "3e671687-395b-41f5-a30f-a58921a69b79"));
  CHECK(valid(format("ipv6"), "2001:db8::7"));
  CHECK(valid(format("duration"), "P1Y2M"));
  CHECK_FALSE(valid(format("duration"), "P1Y2S"));
  // Formats apply to strings only; unknown formats accept anything.
  CHECK(valid(format("date-time"), 5));
  CHECK(valid(format("x-unknown"), "anything"));
  // Checking can be switched off.
  SchemaRegistry registry;
  REQUIRE(registry.add(k_uri, tree(format("date-time"))));
  kensa::validate::SchemaOptions options;
  options.check_formats = false;
  CHECK(registry.compile(k_uri, options)->validate(tree("not a date").root()).valid);
}

TEST_CASE("json schema: hostile nesting gives a finding, not a crash", "[validate][json-schema]") {
  const auto schema = compile(Json::parse(R"({"items": {"$ref": "#"}})"));
  const auto deep = nested_arrays(100'000);
  const auto result = schema.validate(tree(deep).root());
  CHECK_FALSE(result.valid);
  REQUIRE(result.findings.size() == 1);
  CHECK(result.findings[0].kind == SchemaFindingKind::limit);
  CHECK(result.findings[0].message ==
        "the document nests deeper than 10000 levels; it was not validated");
  // Within the cap, deep documents are walked completely.
  CHECK(schema.validate(tree(nested_arrays(10'000)).root()).valid);
  const auto leaf = compile(Json::parse(R"({"items": {"$ref": "#"}, "maxItems": 0})"))
                        .validate(tree(nested_arrays(9'000)).root());
  CHECK_FALSE(leaf.valid);
  SchemaLimits shallow;
  shallow.max_depth = 10;
  CHECK(schema.validate(tree(nested_arrays(11)).root(), shallow).findings[0].kind ==
        SchemaFindingKind::limit);
}

TEST_CASE("json schema: a $ref loop that never descends ends with a limit finding",
          "[validate][json-schema]") {
  const auto schema = compile(Json::parse(R"({
    "definitions": {"a": {"$ref": "#/definitions/b"}, "b": {"$ref": "#/definitions/a"}},
    "$ref": "#/definitions/a"})"));
  const auto result = schema.validate(tree(1).root());
  CHECK_FALSE(result.valid);
  REQUIRE(result.findings.size() == 1);
  CHECK(result.findings[0].kind == SchemaFindingKind::limit);
}

TEST_CASE("json schema: findings are capped", "[validate][json-schema]") {
  const auto schema = compile(Json::parse(R"({"items": {"type": "string"}})"));
  SchemaLimits limits;
  limits.max_findings = 10;
  const auto result = schema.validate(tree(Json(std::vector<int>(5'000, 1))).root(), limits);
  CHECK_FALSE(result.valid);
  CHECK(result.truncated);
  CHECK(result.findings.size() == 10);
}

TEST_CASE("json schema: uniqueItems compares by value and stays fast on big arrays",
          "[validate][json-schema]") {
  const Json schema = {{"uniqueItems", true}};
  CHECK_FALSE(valid(schema, Json::parse("[1, 1.0]")));
  CHECK_FALSE(valid(schema, Json::parse(R"([{"a": [1], "b": 2}, {"b": 2, "a": [1.0]}])")));
  CHECK(valid(schema, Json::parse(R"([0, false, null, "0", [0], {"0": 0}])")));
  Json big = Json::array();
  for (int i = 0; i < 200'000; ++i) {
    big.push_back({{"bom-ref", "component-" + std::to_string(i)}});
  }
  CHECK(valid(schema, big));
  big.push_back({{"bom-ref", "component-4"}});
  const auto result = compile(schema).validate(tree(big).root());
  REQUIRE(result.findings.size() == 1);
  CHECK(result.findings[0].message == "items 4 and 200000 are equal; items must be unique");
}

TEST_CASE("json schema: a big array checked on two threads reports as one thread would",
          "[validate][json-schema]") {
  // Items must be objects with a short string "n"; some are not, and one
  // pattern cannot run, so both halves have findings of every kind.
  const auto schema = compile(Json::parse(R"({
    "properties": {"items": {"items": {
      "type": "object", "required": ["n"],
      "properties": {"n": {"type": "string", "maxLength": 3}, "p": {"pattern": "(?<=a)b"}}}}}
  })"));
  Json items = Json::array();
  for (int i = 0; i < 10'000; ++i) {
    if (i % 997 == 0) {
      items.push_back({{"n", "too long"}});
    } else if (i % 1999 == 0) {
      items.push_back(Json::array());
    } else if (i == 20 || i == 9'000) {
      items.push_back({{"n", "ok"}, {"p", "x"}});
    } else {
      items.push_back({{"n", "ok"}});
    }
  }
  const Json document = {{"items", items}};
  SchemaLimits one_thread;
  one_thread.split_big_arrays = false;
  const SchemaValidation sequential = schema.validate(tree(document).root(), one_thread);
  const SchemaValidation split = schema.validate(tree(document).root());
  REQUIRE_FALSE(sequential.valid);
  CHECK_FALSE(split.valid);
  REQUIRE(split.findings.size() == sequential.findings.size());
  for (std::size_t i = 0; i < split.findings.size(); ++i) {
    INFO(i);
    CHECK(split.findings[i].instance_location == sequential.findings[i].instance_location);
    CHECK(split.findings[i].message == sequential.findings[i].message);
  }
  // Findings on both sides of the middle, the unsupported pattern once.
  CHECK(sequential.findings.front().instance_location == "/items/0/n");
  CHECK(sequential.findings.back().instance_location.starts_with("/items/9"));
  CHECK(std::count_if(split.findings.begin(), split.findings.end(), [](const auto& finding) {
          return finding.kind == SchemaFindingKind::unsupported;
        }) == 1);

  // The findings cap is reached in the first half: the same truncated list.
  SchemaLimits capped;
  capped.max_findings = 3;
  SchemaLimits capped_one_thread = capped;
  capped_one_thread.split_big_arrays = false;
  const auto capped_split = schema.validate(tree(document).root(), capped);
  const auto capped_sequential = schema.validate(tree(document).root(), capped_one_thread);
  CHECK(capped_split.truncated);
  REQUIRE(capped_split.findings.size() == capped_sequential.findings.size());
  for (std::size_t i = 0; i < capped_split.findings.size(); ++i) {
    CHECK(capped_split.findings[i].instance_location ==
          capped_sequential.findings[i].instance_location);
  }
}

TEST_CASE("json schema: schema text is read with kensa's JSON parser, errors with their place",
          "[validate][json-schema]") {
  SchemaRegistry registry;
  const auto broken =
      registry.add_text(k_uri, "{\n  \"type\": \"string\",\n  \"minLength\": 01\n}");
  REQUIRE_FALSE(broken);
  CHECK(broken.error() == "the schema " + k_uri +
                              " is not valid JSON: line 3, column 17: a number cannot have "
                              "leading zeros");
  CHECK_FALSE(registry.contains(k_uri));

  // A member given twice counts once, with its last value, as a lookup
  // gives it.
  REQUIRE(registry.add_text(k_uri, R"({"maxLength": 1, "maxLength": 3, "type": "string"})"));
  const auto schema = registry.compile(k_uri);
  REQUIRE(schema);
  CHECK(schema->validate(tree("abc").root()).valid);
  CHECK_FALSE(schema->validate(tree("abcd").root()).valid);
}

TEST_CASE("json schema: a compiled schema keeps the schema values it compares with",
          "[validate][json-schema]") {
  std::optional<CompiledSchema> schema;
  {
    // The registry, and the schema text, are gone before validating: const,
    // enum and the bounds point into the schema document, which the
    // compiled tree keeps.
    SchemaRegistry registry;
    std::string text = R"({"properties": {"c": {"const": {"k": [1, "two"]}},
                                          "e": {"enum": ["a", "b", 3]},
                                          "n": {"minimum": 2, "multipleOf": 2}}})";
    REQUIRE(registry.add_text(k_uri, text));
    text.assign(text.size(), ' ');
    auto compiled = registry.compile(k_uri);
    REQUIRE(compiled);
    schema = *compiled;
  }
  CHECK(schema->validate(tree(Json::parse(R"({"c": {"k": [1, "two"]}, "e": 3, "n": 4})")).root())
            .valid);
  const auto result =
      schema->validate(tree(Json::parse(R"({"c": {"k": [1]}, "e": "c", "n": 1})")).root());
  REQUIRE(result.findings.size() == 4);
  CHECK(result.findings[0].message == "must be an object with 1 members, found an object with 1 "
                                      "members");
  CHECK(result.findings[1].message == "\"c\" is not one of the allowed values: \"a\", \"b\", 3");
  CHECK(result.findings[2].message == "1 is not at least 2");
  CHECK(result.findings[3].message == "1 is not a multiple of 2");
}
