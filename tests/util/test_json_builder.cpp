#include <kensa/util/json_builder.hpp>

#include <catch2/catch.hpp>

#include <string>

using kensa::json::Builder;
using kensa::json::Document;

TEST_CASE("json builder: builds what the same text parses to", "[util][json]") {
  Builder builder;
  builder.begin_object();
  builder.key("name");
  builder.string("x\"y");
  builder.key("list");
  builder.begin_array();
  builder.integer(-1);
  builder.unsigned_integer(2);
  builder.real(0.5);
  builder.null();
  builder.boolean(true);
  builder.begin_object();
  builder.end();
  builder.begin_array();
  builder.string("deep");
  builder.end();
  builder.end();
  builder.key("after");
  builder.begin_array();
  builder.end();
  builder.end();
  const Document built = std::move(builder).finish();
  const auto parsed = Document::parse(
      R"({"name": "x\"y", "list": [-1, 2, 0.5, null, true, {}, ["deep"]], "after": []})");
  REQUIRE(parsed.ok());
  CHECK(built.root().to_nlohmann() == parsed->root().to_nlohmann());
  CHECK(built.root()["list"].size() == 7);
  CHECK(built.root()["list"][6][0].string() == "deep");
  CHECK(built.root()["after"].is_array());
  CHECK(built.root()["after"].empty());
  CHECK(built.root().depth() == 3);
  // Node numbers are the parsed document's too.
  CHECK(built.root()["after"].order() == parsed->root()["after"].order());
}

TEST_CASE("json builder: a reservation, too small or exact, changes nothing built",
          "[util][json]") {
  const auto build = [](std::size_t nodes, std::size_t items, std::size_t string_bytes) {
    Builder builder;
    builder.reserve(nodes, items, string_bytes);
    builder.begin_object();
    builder.key("names");
    builder.begin_array();
    builder.string("first");
    builder.string("second");
    builder.end();
    builder.end();
    return std::move(builder).finish();
  };
  // 1 object + 1 key + 1 array + 2 strings; 2 items; "names" + 11 bytes.
  const Document exact = build(5, 2, 16);
  const Document small = build(1, 0, 1);
  const Document none = build(0, 0, 0);
  CHECK(exact.root().to_nlohmann() == none.root().to_nlohmann());
  CHECK(small.root().to_nlohmann() == none.root().to_nlohmann());
  CHECK(exact.root()["names"][1].string() == "second");
  CHECK(exact.root()["names"][1].order() == none.root()["names"][1].order());
}

TEST_CASE("json builder: strings inside the borrowed text are views, others copies",
          "[util][json]") {
  const std::string text = "name: lodash";
  const std::string_view source = text;
  std::string outside = "copied";
  Builder builder;
  builder.borrow_from(source);
  CHECK(builder.borrows(source.substr(6)));
  CHECK_FALSE(builder.borrows(outside));
  // Partly past the end: not inside.
  CHECK_FALSE(builder.borrows(std::string_view(source.data() + 6, source.size())));
  builder.begin_array();
  builder.string(source.substr(6));
  builder.string(outside);
  builder.end();
  const Document document = std::move(builder).finish();
  outside = "changed";
  CHECK(document.root()[0].string() == "lodash");
  CHECK(document.root()[0].string().data() == text.data() + 6);
  CHECK(document.root()[1].string() == "copied");
  CHECK(Builder().borrows(source) == false);
}

TEST_CASE("json builder: node numbers, repeated members and what is left open", "[util][json]") {
  Builder builder;
  CHECK(builder.next_node() == 0);
  builder.begin_object();
  builder.key("a");
  const auto first = builder.next_node();
  builder.string("one");
  builder.key("a");
  const auto second = builder.next_node();
  builder.string("two");
  builder.key("open");
  builder.begin_array();
  builder.string("left open");
  CHECK(builder.open_depth() == 2);
  const Document document = std::move(builder).finish();
  // The last of a repeated member is the one found, as after a parse.
  CHECK(document.root()["a"].string() == "two");
  CHECK(document.root()["a"].order() == second);
  CHECK(first < second);
  CHECK(document.root().size() == 3);
  CHECK(document.root()["open"][0].string() == "left open");
  CHECK(Builder().finish().root().is_null());
  // A key outside an object names nothing.
  Builder stray;
  stray.key("ignored");
  stray.string("top");
  CHECK(std::move(stray).finish().root().string() == "top");
}
