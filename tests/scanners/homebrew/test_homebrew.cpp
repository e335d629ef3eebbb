// The homebrew scanner: Homebrew's own test receipt
// (tests/fixtures/homebrew), Cellars built here, and broken receipts.
#include "../../support/test_support.hpp"
#include "../os_release/os_test_support.hpp"

#include <catch2/catch.hpp>

using kensa::testing::fixture;
using kensa::testing::property;
using kensa::testing::os::file;
using kensa::testing::os::has_warning;
using kensa::testing::os::scan_files;
using kensa::testing::os::scan_folder;

namespace {

std::string brew_receipt(const std::string& tap, const std::string& dependencies) {
  return "{\"installed_on_request\": false, \"runtime_dependencies\": [" + dependencies +
         "], \"source\": {\"tap\": \"" + tap + "\", \"versions\": {\"stable\": \"1\"}}}";
}

} // namespace

TEST_CASE("homebrew fixture: the formula of Homebrew's test receipt", "[scanner][homebrew]") {
  auto scan = scan_folder(fixture("homebrew/brew-test-receipt"), {"homebrew"});
  CHECK(scan.purls("brew") == std::set<std::string>{"pkg:brew/test-formula@2.14"});
  // Its runtime dependency "foo" is not installed beside it.
  CHECK(scan.warnings() ==
        std::vector<std::string>{"usr/local/Cellar: 1 runtime dependency is not installed "
                                 "(first: test-formula -> foo)"});
  const auto& formula = scan.component("pkg:brew/test-formula@2.14");
  CHECK(formula.name == "test-formula");
  CHECK(formula.version == "2.14");
  CHECK(property(formula, "kensa:homebrew:tap") == "homebrew/core");
  CHECK(property(formula, "kensa:homebrew:installed-on-request") == "true");
  CHECK(property(formula, "kensa:homebrew:poured-from-bottle") == "true");
  CHECK(property(formula, "kensa:homebrew:homebrew-version") == "1.1.6");
  CHECK(formula.evidence.at(0).location ==
        "usr/local/Cellar/test-formula/2.14/INSTALL_RECEIPT.json");
}

TEST_CASE("homebrew: runtime dependencies, taps and versioned formulae", "[scanner][homebrew]") {
  auto scan = scan_files(
      "homebrew",
      {file("opt/homebrew/Cellar/wget/1.24.5/INSTALL_RECEIPT.json",
            brew_receipt("homebrew/core",
                         "{\"full_name\": \"openssl@3\", \"pkg_version\": \"3.3.1_1\"},"
                         "{\"full_name\": \"acme/tools/libidn2\", \"pkg_version\": \"2.3.7\"}")),
       file("opt/homebrew/Cellar/openssl@3/3.3.0/INSTALL_RECEIPT.json",
            brew_receipt("homebrew/core", "")),
       file("opt/homebrew/Cellar/openssl@3/3.3.1_1/INSTALL_RECEIPT.json",
            brew_receipt("homebrew/core", "")),
       file("opt/homebrew/Cellar/libidn2/2.3.7/INSTALL_RECEIPT.json",
            brew_receipt("Acme/Tools", ""))});
  CHECK(scan.warnings().empty());
  // The dependency goes to the keg of the version the receipt names; the
  // tap's formula is written with the tap as namespace.
  CHECK(scan.depends_on("pkg:brew/wget@1.24.5") ==
        std::set<std::string>{"pkg:brew/openssl%403@3.3.1_1", "pkg:brew/acme/tools/libidn2@2.3.7"});
  CHECK(property(scan.component("pkg:brew/wget@1.24.5"), "kensa:homebrew:installed-on-request") ==
        "false");
}

TEST_CASE("homebrew: broken receipts give warnings naming the file", "[scanner][homebrew]") {
  auto scan = scan_files(
      "homebrew", {file("Cellar/a/1.0/INSTALL_RECEIPT.json", "{\"runtime_dependencies\": {}, "
                                                             "\"installed_on_request\": \"yes\", "
                                                             "\"source\": {\"tap\": 7}}"),
                   file("Cellar/b/2.0/INSTALL_RECEIPT.json", "[1, 2"),
                   file("Cellar/c/3.0/INSTALL_RECEIPT.json",
                        "{\"runtime_dependencies\": [3, {\"version\": \"1\"}]}")});
  auto warnings = scan.warnings();
  CHECK(scan.purls("brew") == std::set<std::string>{"pkg:brew/a@1.0", "pkg:brew/c@3.0"});
  CHECK(has_warning(warnings, {"Cellar/a/1.0/INSTALL_RECEIPT.json",
                               "runtime_dependencies is an object, not an array"}));
  CHECK(has_warning(warnings, {"Cellar/a/1.0/INSTALL_RECEIPT.json",
                               "installed_on_request is a string, not true or false"}));
  CHECK(has_warning(warnings, {"Cellar/a/1.0/INSTALL_RECEIPT.json", "source.tap is a number"}));
  CHECK(has_warning(warnings, {"Cellar/b/2.0/INSTALL_RECEIPT.json", "not valid JSON"}));
  CHECK(has_warning(
      warnings, {"Cellar/c/3.0/INSTALL_RECEIPT.json", "runtime_dependencies[0] is not an object"}));
  CHECK(has_warning(warnings, {"Cellar/c/3.0/INSTALL_RECEIPT.json",
                               "runtime_dependencies[1].full_name is missing"}));
}
