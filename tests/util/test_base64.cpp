// One base64 decoder for digests (padding optional) and for JSON Schema's
// contentEncoding (padding required).
#include <kensa/util/base64.hpp>

#include <catch2/catch.hpp>

#include <string>

using kensa::Base64Padding;
using kensa::decode_base64;

TEST_CASE("base64: padding optional, as lockfiles write digests", "[util][base64]") {
  CHECK(decode_base64("aGVsbG8=").value() == "hello");
  CHECK(decode_base64("aGVsbG8").value() == "hello");
  CHECK(decode_base64("+/+/").value() == std::string("\xfb\xff\xbf", 3));
  CHECK(decode_base64("").value().empty());
  CHECK(decode_base64("aGVsb").error() == "base64 text has an impossible length");
  CHECK(decode_base64("aGV*bG8").error() == "invalid base64 character '*'");
  CHECK_FALSE(decode_base64("aG=VsbG8"));
}

TEST_CASE("base64: padding required, as RFC 4648 writes it", "[util][base64]") {
  CHECK(decode_base64("aGVsbG8=", Base64Padding::required).value() == "hello");
  CHECK(decode_base64("aGk=", Base64Padding::required).value() == "hi");
  CHECK(decode_base64("aA==", Base64Padding::required).value() == "h");
  CHECK_FALSE(decode_base64("aGVsbG8", Base64Padding::required));
  CHECK_FALSE(decode_base64("a===", Base64Padding::required));
  CHECK_FALSE(decode_base64("aG=k", Base64Padding::required));
  CHECK_FALSE(decode_base64("====", Base64Padding::required));
  CHECK_FALSE(decode_base64("aGk=aGk=", Base64Padding::required));
}
