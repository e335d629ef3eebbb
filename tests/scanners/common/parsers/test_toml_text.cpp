// TOML nested deeper than toml++ survives is refused before toml++ sees it:
// 50,000 dotted-key segments crash toml++ with a stack overflow.
#include "../../../../src/scanners/common/parsers/toml_text.hpp"

#include <catch2/catch.hpp>

#include <string>

using kensa::scanner::first_line_nested_deeper;
using kensa::scanner::k_max_toml_depth;
using kensa::scanner::parse_toml;

namespace {

std::string repeated(const std::string& piece, std::size_t times) {
  std::string text;
  for (std::size_t i = 0; i < times; ++i) {
    text += piece;
  }
  return text;
}

} // namespace

TEST_CASE("toml: 50,000 dotted-key segments are refused, not a crash", "[scanner][toml]") {
  std::string text = "version = 3\n" + repeated("a.", 50'000) + "b = 1\n";
  auto parsed = parse_toml(text);
  REQUIRE_FALSE(parsed);
  CHECK(parsed.error() == "nested deeper than 100 levels (line 2); not read");
}

TEST_CASE("toml: deep table headers, arrays of tables and inline nesting are refused",
          "[scanner][toml]") {
  CHECK(first_line_nested_deeper("x = 1\n[" + repeated("a.", 50'000) + "b]\n", 100) == 2);
  CHECK(first_line_nested_deeper("[[" + repeated("a.", 99) + "b]]\n", 100) == 1);
  CHECK(first_line_nested_deeper("[" + repeated("a.", 99) + "b]\n", 100) == 0);
  // Depth adds up along a path: the header, then the key, then inline tables.
  CHECK(first_line_nested_deeper("[" + repeated("a.", 49) + "a]\n" + repeated("b.", 50) + "c = 1\n",
                                 100) == 2);
  CHECK(first_line_nested_deeper("x = " + repeated("{a = ", 200) + "1" + repeated("}", 200) + "\n",
                                 100) == 1);
  CHECK(first_line_nested_deeper("x = [\n" + repeated("[", 150) + repeated("]", 150) + "\n]\n",
                                 100) == 2);
  CHECK(first_line_nested_deeper("x = " + repeated("{" + repeated("k.", 30) + "k = ", 4) + "1" +
                                     repeated("}", 4),
                                 100) == 1);
}

TEST_CASE("toml: dots in strings, comments, numbers and dates do not count", "[scanner][toml]") {
  std::string dots = repeated(".", 500);
  std::string text = "# " + dots + "\n" + "a = \"" + dots + "\"\n" + "b = '" + dots + "'\n" +
                     "c = \"\"\"\n" + dots + "\n\"\"\"\n" + "d = '''" + dots + "'''\n" +
                     "e = 1.5\n" + "f = 1979-05-27T07:32:00.999999Z\n" + "\"" + dots + "\" = 1\n" +
                     "g = [1.0, 2.0, {h = \"" + dots + "\"}]\n" + "[\"" + dots + "!\"]\n" +
                     "i = 1\n";
  CHECK(first_line_nested_deeper(text, 10) == 0);
  auto parsed = parse_toml(text);
  INFO(parsed.error());
  CHECK(parsed);
}

TEST_CASE("toml: a real lockfile's nesting is far below the cap", "[scanner][toml]") {
  std::string text =
      "version = 4\n\n[[package]]\nname = \"a\"\nversion = \"1.0.0\"\n"
      "dependencies = [\n \"b 1.0\",\n]\n\n[tool.poetry.group.dev.dependencies]\n"
      "x = { version = \"1\", extras = [\"y\"], markers = \"python_version > '3.8'\" }\n";
  CHECK(first_line_nested_deeper(text, 8) == 0);
  CHECK(first_line_nested_deeper(text, 5) == 11);
  CHECK(k_max_toml_depth == 100);
  auto parsed = parse_toml(text);
  CHECK(parsed);
}

TEST_CASE("toml: a syntax error names its line and column", "[scanner][toml]") {
  auto parsed = parse_toml("a = 1\nb = \n");
  REQUIRE_FALSE(parsed);
  CHECK(parsed.error().starts_with("not valid TOML: "));
  CHECK(parsed.error().find("(line 2, column ") != std::string::npos);
}
