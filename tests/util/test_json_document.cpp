#include "../support/test_support.hpp"

#include <kensa/util/json_document.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <vector>

using kensa::json::Document;
using kensa::json::ParseLimits;
using kensa::json::Type;
using kensa::json::Value;

namespace {

Value parsed_root(const Document& document) {
  return document.root();
}

Document must_parse(const std::string& text) {
  auto parsed = Document::parse(text);
  INFO(text);
  REQUIRE(parsed);
  return std::move(*parsed);
}

} // namespace

TEST_CASE("json document: real documents read the same as with nlohmann", "[util][json]") {
  for (const char* name :
       {"node-modules/big-project/package-lock.json",
        "formats/golden/every-field.spdx-json-3.0.spdx.json", "npm/lockfile-v1/npm-ls-long.json"}) {
    const std::string text = kensa::testing::read_file(kensa::testing::fixture(name));
    const Document document = must_parse(text);
    INFO(name);
    CHECK(document.root().to_nlohmann() == nlohmann::json::parse(text));
    CHECK(nlohmann::json::parse(document.root().dump()) == nlohmann::json::parse(text));
    CHECK(document.duplicates().empty());
  }
}

TEST_CASE("json document: navigation by name, index and iteration", "[util][json]") {
  const Document document =
      must_parse(R"({"b": [1, -2, 2.5, "x", null, true, {"c": {}}], "a": "\u00e9\ud83d\ude00"})");
  const Value root = parsed_root(document);
  REQUIRE(root.is_object());
  CHECK(root.size() == 2);
  // Document order, not sorted.
  std::vector<std::string> names;
  for (auto it = root.begin(); it != root.end(); ++it) {
    names.emplace_back(it.key());
  }
  CHECK(names == std::vector<std::string>{"b", "a"});
  const Value list = root["b"];
  REQUIRE(list.is_array());
  CHECK(list.size() == 7);
  CHECK(list[0].type() == Type::unsigned_integer);
  CHECK(list[1].type() == Type::integer);
  CHECK(list[1].integer() == -2);
  CHECK(list[2].is_number_float());
  CHECK(list[2].real() == 2.5);
  CHECK(list[3].string() == "x");
  CHECK(list[4].is_null());
  CHECK(list[4].exists());
  CHECK(list[5].boolean());
  CHECK(list[6]["c"].is_object());
  CHECK(list[6]["c"].empty());
  CHECK_FALSE(list[7].exists());
  CHECK_FALSE(root["missing"].exists());
  CHECK(root["missing"].is_null());
  CHECK_FALSE(list["b"].exists());
  CHECK(root["a"].string() == "\xc3\xa9\xf0\x9f\x98\x80");
  std::size_t items = 0;
  for (const Value item : list) {
    items += item.exists() ? 1 : 0;
  }
  CHECK(items == 7);
  // Scalars have size 1, as in nlohmann.
  CHECK(list[3].size() == 1);
}

TEST_CASE("json document: values stay valid when the document moves", "[util][json]") {
  auto parsed = Document::parse(R"({"name": "kensa"})");
  REQUIRE(parsed);
  const Value name = parsed->root()["name"];
  const Document moved = std::move(*parsed);
  CHECK(name.string() == "kensa");
  CHECK(moved.root()["name"].string() == "kensa");
}

TEST_CASE("json document: duplicate members are reported, the last one wins", "[util][json]") {
  const Document document =
      must_parse(R"({"a": 1, "list": [[0], {"x/y": 1, "x~y": 2, "x/y": 3}], "a": 4})");
  CHECK(document.root()["a"].unsigned_integer() == 4);
  CHECK(document.root()["list"][1]["x/y"].unsigned_integer() == 3);
  // Both are still there for whoever walks the members.
  CHECK(document.root().size() == 3);
  REQUIRE(document.duplicates().size() == 2);
  CHECK(document.duplicates()[0].pointer == "/list/1/x~1y");
  CHECK(document.duplicates()[1].pointer == "/a");

  // Past the linear check, a set finds them.
  std::string big = "{";
  for (int i = 0; i < 100; ++i) {
    big += "\"k" + std::to_string(i) + "\": " + std::to_string(i) + ",";
  }
  big += "\"k7\": 0}";
  const Document many = must_parse(big);
  REQUIRE(many.duplicates().size() == 1);
  CHECK(many.duplicates()[0].pointer == "/k7");
  CHECK(many.root()["k7"].unsigned_integer() == 0);
  CHECK(many.root()["k8"].unsigned_integer() == 8);

  // Lookups stop at the first match only when there is no duplicate at
  // all, reported or not.
  ParseLimits unreported;
  unreported.max_duplicates = 0;
  const auto quiet = Document::parse(R"({"a": 1, "a": 2})", unreported);
  REQUIRE(quiet.ok());
  CHECK(quiet->duplicates().empty());
  CHECK(quiet->root()["a"].unsigned_integer() == 2);
}

TEST_CASE("json document: numbers", "[util][json]") {
  const Document document = must_parse("[0, -0, 18446744073709551615, -9223372036854775808, "
                                       "123456789012345678901234567890, 1.0, 1e400, -1e400, "
                                       "1e-400, 12e2]");
  const Value list = document.root();
  CHECK(list[0].type() == Type::unsigned_integer);
  CHECK(list[1].type() == Type::integer);
  CHECK(list[2].unsigned_integer() == std::numeric_limits<std::uint64_t>::max());
  CHECK(list[3].integer() == std::numeric_limits<std::int64_t>::min());
  CHECK(list[4].is_number_float());
  CHECK(list[4].real() == Approx(1.2345678901234568e29));
  CHECK(list[5].is_number_float());
  CHECK(std::isinf(list[6].real()));
  CHECK(list[7].real() < 0);
  CHECK(list[8].real() == 0.0);
  CHECK(list[9].real() == 1200.0);
  // A scalar is a whole document too.
  CHECK(must_parse("7").root().unsigned_integer() == 7);
}

TEST_CASE("json document: malformed text fails with line and column", "[util][json]") {
  const auto bad = Document::parse("{\n  \"a\": [1,\n  2,,\n]}");
  REQUIRE_FALSE(bad);
  CHECK(bad.error().starts_with("line 3, column 5: "));
  for (const std::string text :
       {"",          "[1] [2]",     "{\"a\" 1}",     "{\"a\": 1,}",   "[1,]",   "[01]",
        "[1.]",      "[1e]",        "[-]",           "[tru]",         "\"abc",  "[\"a\tb\"]",
        "[\"\\x\"]", "[\"\\u12\"]", "[\"\\ud800\"]", "[\"\\udc00\"]", "{1: 2}", "nul",
        "[",         "{\"a\":"}) {
    INFO(text);
    CHECK_FALSE(Document::parse(text));
  }
}

TEST_CASE("json document: UTF-8 is checked byte by byte", "[util][json]") {
  for (const std::string bad : {
           "[\"\xff\"]",             // never valid
           "[\"\xc0\x80\"]",         // overlong NUL
           "[\"\xed\xa0\x80\"]",     // an encoded surrogate
           "[\"\xf4\x90\x80\x80\"]", // above U+10FFFF
           "[\"\xe2\x82\"]",         // cut short
       }) {
    const auto parsed = Document::parse(bad);
    REQUIRE_FALSE(parsed);
    CHECK(parsed.error().find("UTF-8") != std::string::npos);
  }
  CHECK(Document::parse("[\"\xe2\x82\xac \xf0\x9f\x98\x80\"]"));
}

TEST_CASE("json document: hostile nesting is refused while parsing", "[util][json]") {
  const std::string deep = std::string(100'000, '[') + std::string(100'000, ']');
  const auto parsed = Document::parse(deep);
  REQUIRE_FALSE(parsed);
  CHECK(parsed.error() == "the document nests deeper than 10000 levels");
  ParseLimits limits;
  limits.max_depth = 200'000;
  const auto allowed = Document::parse(deep, limits);
  REQUIRE(allowed);
  CHECK(allowed->root().size() == 1);
}

TEST_CASE("json document: from a nlohmann value and back", "[util][json]") {
  const nlohmann::json value = {{"name", "x\"y\n"}, {"list", {1, -1, 0.5, nullptr, false}}};
  const Document document = Document::from(value);
  CHECK(document.root().to_nlohmann() == value);
  CHECK(document.root()["list"][2].real() == 0.5);
  CHECK(Document().root().is_null());
  CHECK(Document().root().exists());
}

TEST_CASE("json document: the pointer of a value inside another", "[util][json]") {
  const Document document = must_parse(R"({"a": [{"x/y": 1}, {"~": [true, "deep"]}], "b": null})");
  const Value root = document.root();
  const Value deep = root["a"][1]["~"][1];
  CHECK(root.pointer_to(deep) == "/a/1/~0/1");
  CHECK(root.pointer_to(root["a"][0]["x/y"]) == "/a/0/x~1y");
  CHECK(root.pointer_to(root["b"]) == "/b");
  CHECK(root.pointer_to(root).empty());
  CHECK(root["a"].pointer_to(deep) == "/1/~0/1");
  // Outside the value, or from another document: no pointer.
  CHECK(root["b"].pointer_to(deep).empty());
  const Document other = must_parse(R"({"a": 1})");
  CHECK(root.pointer_to(other.root()["a"]).empty());
  // Value order follows the text.
  CHECK(root["a"].order() < deep.order());
  CHECK(deep.order() < root["b"].order());
}

TEST_CASE("json document: many pointers at once are the pointers one at a time", "[util][json]") {
  const Document document = must_parse(
      R"({"a": [{"x/y": 1}, {"~": [true, "deep", {"k": []}]}], "b": null, "c": {"d": {"e": 2}}})");
  const Value root = document.root();
  // Every value of the document, in an order that is not the text's, with
  // one twice.
  std::vector<Value> values;
  const auto collect = [&](const auto& self, const Value& value) -> void {
    values.push_back(value);
    for (auto it = value.begin(); it != value.end(); ++it) {
      self(self, *it);
    }
  };
  collect(collect, root);
  std::reverse(values.begin(), values.end());
  values.push_back(root["a"][1]["~"][1]);
  const Document other = must_parse(R"({"a": 1})");
  values.push_back(other.root()["a"]);
  values.push_back(root["b"]["missing"]);
  REQUIRE(values.size() == 17);
  for (const Value& from : {root, root["a"], root["c"]["d"]}) {
    const std::vector<std::string> pointers = from.pointers_to(values);
    REQUIRE(pointers.size() == values.size());
    for (std::size_t i = 0; i < values.size(); ++i) {
      INFO(i);
      CHECK(pointers[i] == from.pointer_to(values[i]));
    }
  }
  CHECK(root.pointers_to({root["c"]["d"]["e"], root["a"][1]["~"][2]["k"]}) ==
        std::vector<std::string>{"/c/d/e", "/a/1/~0/2/k"});
}

// RFC 8259 section 8.1: a parser may ignore a byte order mark; it is noted
// for readers to pass on.
TEST_CASE("json document: a UTF-8 byte order mark is skipped and noted", "[util][json]") {
  for (const bool borrowed : {false, true}) {
    const std::string text = "\xEF\xBB\xBF{\"name\": \"x\", \"n\": [1]}";
    auto parsed = borrowed ? Document::parse_borrowed(text) : Document::parse(text);
    REQUIRE(parsed.ok());
    CHECK(parsed->byte_order_mark());
    CHECK(parsed->root()["name"].string() == "x");
    CHECK(parsed->root()["n"][0].integer() == 1);
  }
  CHECK_FALSE(must_parse("{}").byte_order_mark());
  // Only at the start, and only once.
  CHECK_FALSE(Document::parse("{} \xEF\xBB\xBF").ok());
  CHECK_FALSE(Document::parse("\xEF\xBB\xBF\xEF\xBB\xBF{}").ok());
  CHECK_FALSE(Document::parse("\xEF\xBB\xBF").ok());
}

TEST_CASE("json document: nesting depth, from the parse or counted", "[util][json]") {
  const Document document = must_parse(R"({"a": [[1], {"b": [[]]}], "c": 2})");
  CHECK(document.root().depth() == 5);
  CHECK(document.root()["a"].depth() == 4);
  CHECK(document.root()["a"][0].depth() == 1);
  CHECK(document.root()["c"].depth() == 0);
  CHECK(must_parse("7").root().depth() == 0);
  CHECK(Document::from(nlohmann::json::parse("[[[]]]")).root().depth() == 3);
}

TEST_CASE("json document: borrowed strings read the same as copied ones", "[util][json]") {
  const std::string text = R"({"plain": "abc", "escaped": "a\"b\\c\u00e9", "utf8": ")" +
                           std::string("\xc3\xa9 \xe2\x82\xac") + R"(", "": [""]})";
  const auto copied = Document::parse(text);
  const auto borrowed = Document::parse_borrowed(text);
  REQUIRE(copied);
  REQUIRE(borrowed);
  CHECK(borrowed->root().to_nlohmann() == copied->root().to_nlohmann());
  CHECK(borrowed->root()["escaped"].string() == "a\"b\\c\xc3\xa9");
  // A plain string is a view of the text itself.
  const std::string_view plain = borrowed->root()["plain"].string();
  CHECK(plain.data() >= text.data());
  CHECK(plain.data() < text.data() + text.size());
  for (const std::string bad : {"[\"\xff\"]", "[\"a\tb\"]", "[\"abc"}) {
    CHECK_FALSE(Document::parse_borrowed(bad));
  }
  const std::string real = kensa::testing::read_file(
      kensa::testing::fixture("node-modules/big-project/package-lock.json"));
  const auto lockfile = Document::parse_borrowed(real);
  REQUIRE(lockfile);
  CHECK(lockfile->root().to_nlohmann() == nlohmann::json::parse(real));
}

TEST_CASE("json document: every member of a name, at any depth", "[util][json]") {
  const Document document = must_parse(
      R"({"bom-ref": "a", "list": [{"bom-ref": "b", "x": {"bom-ref": 3}}, "bom-ref"], "y": {}})");
  const auto found = document.root().members_named("bom-ref");
  REQUIRE(found.size() == 3);
  CHECK(found[0].string() == "a");
  CHECK(found[1].string() == "b");
  CHECK(found[2].unsigned_integer() == 3);
  // Only inside the value it is asked of; string values named alike do not count.
  CHECK(document.root()["list"][0]["x"].members_named("bom-ref").size() == 1);
  CHECK(document.root()["y"].members_named("bom-ref").empty());
  CHECK(Document::from(nlohmann::json::parse(R"({"k": {"k": 1}})"))
            .root()
            .members_named("k")
            .size() == 2);
}

TEST_CASE("json document: a value's address is its identity in its document", "[util][json]") {
  auto first = Document::parse(R"({"a": {"b": 1}, "c": [1]})");
  auto second = Document::parse(R"({"a": {"b": 1}, "c": [1]})");
  REQUIRE(first);
  REQUIRE(second);
  const Value a = first->root()["a"];
  // Two handles to one value, found two ways.
  CHECK(a.address() == first->root().begin().value().address());
  CHECK(a["b"].address() == first->root()["a"]["b"].address());
  // Other values, and the same text in another document, differ.
  CHECK(a.address() != first->root().address());
  CHECK(a.address() != second->root()["a"].address());
  CHECK(Value().address() == nullptr);
  CHECK(first->root()["missing"].address() == nullptr);
  // Moving the document keeps it.
  const void* before = a.address();
  Document moved = std::move(*first);
  CHECK(moved.root()["a"].address() == before);
}

// Strings are scanned many bytes at a time: a byte that ends the plain run
// (an escape, a control character, UTF-8 good or bad) is found at every
// place within and across those blocks, by both ways of reading.
TEST_CASE("json document: a special byte is found wherever it lies in a string", "[util][json]") {
  const std::vector<std::pair<std::string, bool>> specials = {
      {"\\\"", true},    // an escaped quote
      {"\\n", true},     // an escape
      {"\\u00e9", true}, // an escape past ASCII
      {"\t", false},     // a control character
      {"\x1f", false},   // the last control character
      {"\xc3\xa9", true}, {"\xe2\x82\xac", true}, {"\xf0\x9f\x98\x80", true},
      {"\xff", false},    {"\xc3", false},        {"\x7f", true},
      {" ", true},
  };
  for (const auto& [special, valid] : specials) {
    for (std::size_t place = 0; place <= 40; ++place) {
      const std::string value = std::string(place, 'a') + special + std::string(40 - place, 'b');
      const std::string text = "[\"" + value + "\", 1]";
      INFO(text);
      const auto copied = Document::parse(text);
      const auto borrowed = Document::parse_borrowed(text);
      REQUIRE(copied.ok() == valid);
      REQUIRE(borrowed.ok() == valid);
      if (valid) {
        const nlohmann::json expected = nlohmann::json::parse(text);
        CHECK(copied->root().to_nlohmann() == expected);
        CHECK(borrowed->root().to_nlohmann() == expected);
      }
    }
  }
  // A string ending right at the end of the text, and one left open there.
  for (std::size_t length = 0; length <= 40; ++length) {
    const std::string closed = "\"" + std::string(length, 'c') + "\"";
    const auto borrowed = Document::parse_borrowed(closed);
    REQUIRE(borrowed);
    CHECK(borrowed->root().string() == std::string(length, 'c'));
    CHECK_FALSE(Document::parse_borrowed("\"" + std::string(length, 'c')));
    CHECK_FALSE(Document::parse("\"" + std::string(length, 'c')));
  }
}
