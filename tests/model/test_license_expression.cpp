#include <kensa/model/license.hpp>

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using kensa::model::k_max_license_expression_depth;
using kensa::model::k_max_license_expression_length;
using kensa::model::parse_license_expression;

namespace {

// The canonical form of `text`, failing the test when it does not parse.
std::string canonical_expression(const std::string& text) {
  const auto parsed = parse_license_expression(text);
  INFO("expression: " << text);
  INFO("error: " << parsed.error());
  REQUIRE(parsed.ok());
  return parsed->canonical;
}

// The failure message for `text`, failing the test when it parses.
std::string failure(const std::string& text) {
  const auto parsed = parse_license_expression(text);
  INFO("expression: " << text);
  REQUIRE_FALSE(parsed.ok());
  REQUIRE_FALSE(parsed.error().empty());
  return parsed.error();
}

std::vector<std::string> notices(const std::string& text) {
  const auto parsed = parse_license_expression(text);
  INFO("expression: " << text << " error: " << parsed.error());
  REQUIRE(parsed.ok());
  std::vector<std::string> messages;
  for (const auto& notice : parsed->notices) {
    messages.push_back(notice.message);
  }
  return messages;
}

std::string repeat(const std::string& part, std::size_t count) {
  std::string result;
  result.reserve(part.size() * count);
  for (std::size_t i = 0; i < count; ++i) {
    result += part;
  }
  return result;
}

} // namespace

TEST_CASE("simple ids are printed in list case", "[license][expression]") {
  CHECK(canonical_expression("MIT") == "MIT");
  CHECK(canonical_expression("mit") == "MIT");
  CHECK(canonical_expression("APACHE-2.0") == "Apache-2.0");
  CHECK(canonical_expression("bsd-3-clause") == "BSD-3-Clause");
  CHECK(canonical_expression("gpl-3.0-or-later") == "GPL-3.0-or-later");
  CHECK(canonical_expression("0bsd") == "0BSD");
  CHECK(canonical_expression("  \tMIT \n") == "MIT");
  CHECK(notices("MIT").empty());
}

TEST_CASE("white space is normalised to single spaces", "[license][expression]") {
  CHECK(canonical_expression("MIT   OR\tISC") == "MIT OR ISC");
  CHECK(canonical_expression("( MIT OR ISC )AND Zlib") == "(MIT OR ISC) AND Zlib");
  CHECK(canonical_expression("(MIT)") == "MIT");
}

TEST_CASE("AND binds tighter than OR, parentheses stay only where needed",
          "[license][expression]") {
  CHECK(canonical_expression("MIT OR Apache-2.0 AND BSD-3-Clause") ==
        "MIT OR Apache-2.0 AND BSD-3-Clause");
  CHECK(canonical_expression("MIT OR (Apache-2.0 AND BSD-3-Clause)") ==
        "MIT OR Apache-2.0 AND BSD-3-Clause");
  CHECK(canonical_expression("(MIT OR Apache-2.0) AND BSD-3-Clause") ==
        "(MIT OR Apache-2.0) AND BSD-3-Clause");
  CHECK(canonical_expression("BSD-3-Clause AND (MIT OR Apache-2.0)") ==
        "BSD-3-Clause AND (MIT OR Apache-2.0)");
  CHECK(canonical_expression("((MIT))") == "MIT");
  CHECK(canonical_expression("(MIT AND ISC) AND 0BSD") == "MIT AND ISC AND 0BSD");
  CHECK(canonical_expression("MIT OR (ISC OR (0BSD OR Zlib))") == "MIT OR ISC OR 0BSD OR Zlib");
  CHECK(canonical_expression("MIT AND (ISC OR (0BSD OR Zlib))") == "MIT AND (ISC OR 0BSD OR Zlib)");
  CHECK(canonical_expression("((MIT OR ISC)) AND Zlib") == "(MIT OR ISC) AND Zlib");
  CHECK(canonical_expression("MIT AND (ISC OR Zlib) AND 0BSD") == "MIT AND (ISC OR Zlib) AND 0BSD");
  CHECK(canonical_expression("(MIT AND (ISC OR (Zlib AND 0BSD)))") ==
        "MIT AND (ISC OR Zlib AND 0BSD)");
}

TEST_CASE("operators are accepted in any case, printed upper case, with a notice",
          "[license][expression]") {
  CHECK(canonical_expression("mit or apache-2.0") == "MIT OR Apache-2.0");
  CHECK(canonical_expression("MIT and (ISC Or Zlib)") == "MIT AND (ISC OR Zlib)");
  CHECK(canonical_expression("gpl-2.0-or-later with classpath-exception-2.0") ==
        "GPL-2.0-or-later WITH Classpath-exception-2.0");

  // One notice per spelling, not per occurrence. Lower case is SPDX 3.0,
  // mixed case no SPDX version.
  auto messages = notices("mit or isc or zlib");
  REQUIRE(messages.size() == 1);
  CHECK_THAT(messages[0], Catch::Contains("'or'") && Catch::Contains("lower case") &&
                              Catch::Contains("SPDX 2.3"));
  messages = notices("MIT Or ISC oR Zlib");
  REQUIRE(messages.size() == 2);
  CHECK_THAT(messages[0], Catch::Contains("'Or'") && Catch::Contains("mixed case"));
  CHECK_THAT(messages[1], Catch::Contains("'oR'") && Catch::Contains("mixed case"));
  CHECK(notices("MIT OR ISC AND Zlib WITH LLVM-exception").empty());
}

TEST_CASE("WITH attaches an exception to one license", "[license][expression]") {
  CHECK(canonical_expression("GPL-2.0-or-later WITH Classpath-exception-2.0") ==
        "GPL-2.0-or-later WITH Classpath-exception-2.0");
  // WITH binds tighter than AND and OR.
  CHECK(canonical_expression("Apache-2.0 WITH LLVM-exception OR MIT") ==
        "Apache-2.0 WITH LLVM-exception OR MIT");
  CHECK(canonical_expression("(GPL-2.0-only WITH Classpath-exception-2.0 OR MIT) AND ISC") ==
        "(GPL-2.0-only WITH Classpath-exception-2.0 OR MIT) AND ISC");
  CHECK(canonical_expression("LicenseRef-mine WITH Classpath-exception-2.0") ==
        "LicenseRef-mine WITH Classpath-exception-2.0");
  CHECK(canonical_expression("MIT WITH additionref-my-grant") == "MIT WITH AdditionRef-my-grant");
  CHECK(canonical_expression("MIT WITH DocumentRef-other:AdditionRef-grant") ==
        "MIT WITH DocumentRef-other:AdditionRef-grant");

  const auto parsed = parse_license_expression("GPL-3.0-only WITH GCC-exception-3.1");
  REQUIRE(parsed.ok());
  // Exceptions are not license refs.
  CHECK(parsed->license_refs == std::vector<std::string>{"GPL-3.0-only"});
}

TEST_CASE("WITH needs a listed exception after a single license", "[license][expression]") {
  CHECK_THAT(failure("MIT WITH Apache-2.0"),
             Catch::Contains("'Apache-2.0'") && Catch::Contains("not a license exception"));
  CHECK_THAT(failure("MIT WITH Foo-exception-9"),
             Catch::Contains("unknown SPDX license exception 'Foo-exception-9'"));
  CHECK_THAT(failure("(MIT OR ISC) WITH LLVM-exception"),
             Catch::Contains("WITH") && Catch::Contains("single license"));
  CHECK_THAT(failure("Classpath-exception-2.0"),
             Catch::Contains("'Classpath-exception-2.0'") && Catch::Contains("only follow WITH"));
  CHECK_THAT(failure("MIT WITH"), Catch::Contains("expected a license exception"));
  CHECK_THAT(failure("MIT WITH (LLVM-exception)"), Catch::Contains("found '('"));
  CHECK_THAT(failure("MIT WITH LLVM-exception WITH LLVM-exception"), Catch::Contains("'WITH'"));
  CHECK_THAT(failure("MIT WITH LLVM-exception+"), Catch::Contains("'+'"));
  CHECK_THAT(failure("MIT WITH LicenseRef-x"), Catch::Contains("AdditionRef-"));
  CHECK_THAT(failure("AdditionRef-x"), Catch::Contains("only follow WITH"));
}

TEST_CASE("'+' follows a listed license id", "[license][expression]") {
  const auto parsed = parse_license_expression("apache-1.0+");
  REQUIRE(parsed.ok());
  CHECK(parsed->canonical == "Apache-1.0+");
  CHECK(parsed->license_refs == std::vector<std::string>{"Apache-1.0"});
  CHECK(parsed->notices.empty());

  CHECK(canonical_expression("MPL-1.1+ OR MIT") == "MPL-1.1+ OR MIT");
  CHECK_THAT(failure("LicenseRef-foo+"), Catch::Contains("'+'") && Catch::Contains("LicenseRef"));
  CHECK_THAT(failure("MIT++"), Catch::Contains("'MIT+") && Catch::Contains("'+'"));
  CHECK_THAT(failure("MIT +"), Catch::Contains("'+'"));
}

TEST_CASE("LicenseRef and DocumentRef references", "[license][expression]") {
  CHECK(canonical_expression("LicenseRef-my-license.1") == "LicenseRef-my-license.1");
  CHECK(canonical_expression("licenseref-Foo") == "LicenseRef-Foo");
  CHECK(canonical_expression("DocumentRef-spdx-tool-1.2:LicenseRef-MIT-Style-2") ==
        "DocumentRef-spdx-tool-1.2:LicenseRef-MIT-Style-2");
  CHECK(canonical_expression("documentref-a:licenseref-b OR MIT") ==
        "DocumentRef-a:LicenseRef-b OR MIT");

  CHECK_THAT(failure("LicenseRef-"), Catch::Contains("malformed reference 'LicenseRef-'"));
  CHECK_THAT(failure("LicenseRef-foo_bar"), Catch::Contains("'LicenseRef-foo_bar'"));
  CHECK_THAT(failure("DocumentRef-x"), Catch::Contains("DocumentRef-<id>:LicenseRef-<id>"));
  CHECK_THAT(failure("DocumentRef-x:MIT"), Catch::Contains("'DocumentRef-x:MIT'"));
  CHECK_THAT(failure("DocumentRef-:LicenseRef-y"), Catch::Contains("malformed reference"));
  CHECK_THAT(failure("MIT:ISC"), Catch::Contains("':'"));
}

TEST_CASE("license refs list each license once, in order of appearance", "[license][expression]") {
  const auto parsed = parse_license_expression(
      "MIT OR (apache-2.0 AND mit) OR LicenseRef-x OR DocumentRef-d:LicenseRef-y");
  REQUIRE(parsed.ok());
  CHECK(parsed->license_refs == std::vector<std::string>{"MIT", "Apache-2.0", "LicenseRef-x",
                                                         "DocumentRef-d:LicenseRef-y"});
}

TEST_CASE("unknown ids fail with a message naming them", "[license][expression]") {
  CHECK_THAT(failure("Foo-1.0"), Catch::Contains("unknown SPDX license id 'Foo-1.0'") &&
                                     Catch::Contains("LicenseRef-"));
  CHECK_THAT(failure("MIT OR Foo-1.0"), Catch::Contains("'Foo-1.0' at offset 7"));
  CHECK_THAT(failure("MIT AND (ISC OR NotALicense)"), Catch::Contains("'NotALicense'"));
}

TEST_CASE("malformed expressions fail with a message saying where", "[license][expression]") {
  CHECK_THAT(failure(""), Catch::Contains("empty"));
  CHECK_THAT(failure("   "), Catch::Contains("empty"));
  CHECK_THAT(failure("MIT AND"), Catch::Contains("after 'AND'"));
  CHECK_THAT(failure("AND MIT"), Catch::Contains("found 'AND'"));
  CHECK_THAT(failure("MIT OR OR ISC"), Catch::Contains("found 'OR'"));
  CHECK_THAT(failure("(MIT"), Catch::Contains("missing ')'"));
  CHECK_THAT(failure("MIT)"), Catch::Contains("unbalanced ')'"));
  CHECK_THAT(failure("()"), Catch::Contains("found ')'"));
  CHECK_THAT(failure("(MIT ISC)"), Catch::Contains("found 'ISC'"));
  CHECK_THAT(failure("MIT ISC"), Catch::Contains("found 'ISC'"));
  CHECK_THAT(failure("MIT, ISC"), Catch::Contains("','"));
  CHECK_THAT(failure("MIT/ISC"), Catch::Contains("'/'"));
  CHECK_THAT(failure("Apache License 2.0"), Catch::Contains("'Apache'"));
  CHECK_THAT(failure(std::string("MIT\x01")), Catch::Contains("byte 0x01"));
  CHECK_THAT(failure("MIT\xC3\xA9"), Catch::Contains("byte 0xC3"));
}

TEST_CASE("deprecated ids parse with a notice", "[license][expression]") {
  auto messages = notices("GPL-2.0");
  REQUIRE(messages.size() == 1);
  CHECK_THAT(messages[0], Catch::Contains("'GPL-2.0'") && Catch::Contains("deprecated") &&
                              Catch::Contains("GPL-2.0-only"));

  messages = notices("gpl-2.0+");
  REQUIRE(messages.size() == 1);
  CHECK_THAT(messages[0], Catch::Contains("deprecated") && Catch::Contains("GPL-2.0-or-later"));
  CHECK(canonical_expression("gpl-2.0+") == "GPL-2.0+");

  messages = notices("StandardML-NJ");
  REQUIRE(messages.size() == 1);
  CHECK_THAT(messages[0], Catch::Contains("'StandardML-NJ' is a deprecated SPDX license id"));

  messages = notices("LGPL-2.1-only WITH Nokia-Qt-exception-1.1");
  REQUIRE(messages.size() == 1);
  CHECK_THAT(messages[0], Catch::Contains("'Nokia-Qt-exception-1.1'") &&
                              Catch::Contains("deprecated SPDX license exception"));

  messages = notices("GPL-2.0-only+");
  REQUIRE(messages.size() == 1);
  CHECK_THAT(messages[0], Catch::Contains("'GPL-2.0-only+'"));
}

TEST_CASE("hostile input fails without exhausting the stack", "[license][expression]") {
  const std::size_t depth = k_max_license_expression_depth;
  CHECK(canonical_expression(repeat("(", depth) + "MIT" + repeat(")", depth)) == "MIT");
  // Nested chains of one operator flatten.
  CHECK(canonical_expression(repeat("(MIT AND ", depth) + "ISC" + repeat(")", depth)) ==
        repeat("MIT AND ", depth) + "ISC");
  // Alternating operators keep every level that precedence needs.
  CHECK(canonical_expression(repeat("MIT AND (ISC OR ", depth) + "Zlib" + repeat(")", depth)) ==
        repeat("MIT AND (ISC OR ", depth) + "Zlib" + repeat(")", depth));
  CHECK_THAT(failure(repeat("(", depth + 1) + "MIT" + repeat(")", depth + 1)),
             Catch::Contains("nested deeper than"));
  // Far past the depth limit but within the length limit.
  CHECK_THAT(failure(repeat("(", 5000) + "MIT" + repeat(")", 5000)),
             Catch::Contains("nested deeper than"));
  CHECK_THAT(failure(repeat("(MIT OR ", 2000) + "ISC"), Catch::Contains("nested deeper than"));
  CHECK_THAT(failure(repeat("(", 1000000)), Catch::Contains("limit"));
  CHECK_THAT(failure(std::string(k_max_license_expression_length + 1, 'a')),
             Catch::Contains("characters long"));

  // A long flat chain is fine: it costs no recursion.
  const auto chain = parse_license_expression(repeat("MIT OR ", 2000) + "ISC");
  REQUIRE(chain.ok());
  CHECK(chain->license_refs == std::vector<std::string>{"MIT", "ISC"});
}
