// ASCII case and character classes, the same in every locale: names,
// algorithms and purls are compared by them.
#include <kensa/util/strings.hpp>

#include <catch2/catch.hpp>

using namespace kensa;

TEST_CASE("strings: ASCII case, one character or a whole text", "[util][strings]") {
  CHECK(to_lower_ascii('A') == 'a');
  CHECK(to_lower_ascii('z') == 'z');
  CHECK(to_lower_ascii('@') == '@');
  CHECK(to_lower_ascii('\xC3') == '\xC3');
  CHECK(to_upper_ascii('a') == 'A');
  CHECK(to_upper_ascii('{') == '{');
  CHECK(to_lower_ascii("Flask-SQLAlchemy_2") == "flask-sqlalchemy_2");
  CHECK(to_upper_ascii("sha-256") == "SHA-256");
  CHECK(equals_ignore_case("SHA256", "sha256"));
}

TEST_CASE("strings: ASCII letters and digits", "[util][strings]") {
  for (char c : std::string_view("azAZ09")) {
    CHECK(is_ascii_alnum(c));
  }
  for (char c : std::string_view("-_. @[`{/:\xC3\xA9")) {
    CHECK_FALSE(is_ascii_alnum(c));
  }
}
