// The license files of installed gems: gems/<name>-<version>/ beside
// specifications/<name>-<version>.gemspec, from Ruby 3.1's bundled gems
// (tests/fixtures/ruby/README.md).
#include "../../support/component_lookup.hpp"
#include "../../support/test_support.hpp"
#include "../common/binary/native_test_support.hpp"

#include <catch2/catch.hpp>

using namespace kensa;
using namespace kensa::testing;

TEST_CASE("ruby: an installed gem's license files give license evidence", "[ruby][license]") {
  const auto document = native::scan_with(fixture("ruby/gem-licenses"), "ruby");
  CHECK(native::warnings(document).empty());
  const model::Component* debug = find_by_purl(document, "pkg:gem/debug@1.4.0");
  REQUIRE(debug != nullptr);
  REQUIRE(debug->license_evidence.size() == 1);
  CHECK(debug->license_evidence[0].expression == "BSD-2-Clause");
  CHECK(debug->license_evidence[0].location ==
        "usr/lib/ruby/gems/3.1.0/gems/debug-1.4.0/LICENSE.txt");
  CHECK(
      debug->copyrights ==
      std::vector<std::string>{"Copyright (C) 1993-2013 Yukihiro Matsumoto. All rights reserved."});
  // The specification's licenses stay what it declares.
  CHECK(debug->licenses_declared.size() == 2);
  // power_assert's COPYING is Ruby's license text.
  const model::Component* power_assert = find_by_purl(document, "pkg:gem/power_assert@2.0.1");
  REQUIRE(power_assert != nullptr);
  REQUIRE(power_assert->license_evidence.size() == 1);
  CHECK(power_assert->license_evidence[0].expression == "Ruby");
  CHECK(power_assert->license_evidence[0].location ==
        "usr/lib/ruby/gems/3.1.0/gems/power_assert-2.0.1/COPYING");
}
