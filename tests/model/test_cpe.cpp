#include <kensa/model/cpe.hpp>

#include <catch2/catch.hpp>

using namespace kensa::model;

TEST_CASE("cpe: values are escaped as the 2.3 formatted string wants", "[model][cpe]") {
  CHECK(escape_cpe_value("1.2.13.dfsg-1") == "1.2.13.dfsg-1");
  CHECK(escape_cpe_value("1:2.3+b1") == "1\\:2.3\\+b1");
  CHECK(escape_cpe_value("5.2~rc1") == "5.2\\~rc1");
  CHECK(escape_cpe_value("libstdc++6") == "libstdc\\+\\+6");
  CHECK(escape_cpe_value("a*b?") == "a\\*b\\?");
  CHECK(escape_cpe_value("red hat") == "red_hat");
  CHECK(escape_cpe_value("") == "*");
  CHECK_FALSE(escape_cpe_value("caf\xc3\xa9").has_value());
  CHECK_FALSE(escape_cpe_value("a\nb").has_value());
}

TEST_CASE("cpe: make_cpe23 lower-cases vendor and product", "[model][cpe]") {
  CHECK(make_cpe23(CpePart::application, "Debian", "zlib1g", "1:1.2.13.dfsg-1") ==
        "cpe:2.3:a:debian:zlib1g:1\\:1.2.13.dfsg-1:*:*:*:*:*:*:*");
  CHECK(make_cpe23(CpePart::operating_system, "debian", "debian_linux", "12") ==
        "cpe:2.3:o:debian:debian_linux:12:*:*:*:*:*:*:*");
  CHECK(make_cpe23(CpePart::application, "alpine", "musl", "") ==
        "cpe:2.3:a:alpine:musl:*:*:*:*:*:*:*:*");
  CHECK_FALSE(make_cpe23(CpePart::application, "", "musl", "1").has_value());
  CHECK_FALSE(make_cpe23(CpePart::application, "alpine", " ", "1").has_value());
}

TEST_CASE("cpe: 2.2 URIs from os-release become 2.3 formatted strings", "[model][cpe]") {
  CHECK(cpe23_from_name("cpe:/o:redhat:enterprise_linux:9::baseos") ==
        "cpe:2.3:o:redhat:enterprise_linux:9:*:baseos:*:*:*:*:*");
  CHECK(cpe23_from_name("cpe:/o:fedoraproject:fedora:40") ==
        "cpe:2.3:o:fedoraproject:fedora:40:*:*:*:*:*:*:*");
  CHECK(cpe23_from_name("cpe:/o:suse:sles:15:sp5") == "cpe:2.3:o:suse:sles:15:sp5:*:*:*:*:*:*");
  CHECK(cpe23_from_name("cpe:/o:opensuse:leap:15.5") ==
        "cpe:2.3:o:opensuse:leap:15.5:*:*:*:*:*:*:*");
  CHECK(cpe23_from_name("cpe:/o:amazon:amazon_linux:2023") ==
        "cpe:2.3:o:amazon:amazon_linux:2023:*:*:*:*:*:*:*");
  // Percent escapes decode and are escaped again the 2.3 way; a packed
  // edition is unpacked.
  CHECK(cpe23_from_name("cpe:/a:foo%21:bar:1.0") == "cpe:2.3:a:foo\\!:bar:1.0:*:*:*:*:*:*:*");
  CHECK(cpe23_from_name("cpe:/a:vendor:product:1.0:-:~-~pro~android~arm~") ==
        "cpe:2.3:a:vendor:product:1.0:-:-:*:pro:android:arm:*");
  // A 2.3 formatted string is kept.
  CHECK(cpe23_from_name("cpe:2.3:o:rocky:rocky:9:*:*:*:*:*:*:*") ==
        "cpe:2.3:o:rocky:rocky:9:*:*:*:*:*:*:*");
  CHECK_FALSE(cpe23_from_name("cpe:2.3:o:rocky").has_value());
  CHECK_FALSE(cpe23_from_name("cpe:/x:a:b").has_value());
  CHECK_FALSE(cpe23_from_name("cpe:/a:foo%2:bar").has_value());
  CHECK_FALSE(cpe23_from_name("not a cpe").has_value());
}
