// The portage scanner: real Portage database entries
// (tests/fixtures/portage/vdb), and databases built to break it.
#include "../../support/test_support.hpp"
#include "../os_release/os_test_support.hpp"

#include <catch2/catch.hpp>

using kensa::testing::fixture;
using kensa::testing::property;
using kensa::testing::os::file;
using kensa::testing::os::has_warning;
using kensa::testing::os::OsScan;
using kensa::testing::os::scan_files;
using kensa::testing::os::scan_folder;

namespace {

const OsScan& portage_vdb_scan() {
  static const OsScan scan = scan_folder(fixture("portage/vdb"), {"portage", "os-release"});
  return scan;
}

constexpr const char* k_portage_bash = "pkg:ebuild/app-shells/bash@4.4_p23-r1?distro=gentoo-2.6";

} // namespace

TEST_CASE("portage fixture: packages, versions, purls", "[scanner][portage]") {
  const auto& scan = portage_vdb_scan();
  CHECK(scan.purls("ebuild") ==
        std::set<std::string>{k_portage_bash, "pkg:ebuild/app-arch/cpio@2.11?distro=gentoo-2.6",
                              "pkg:ebuild/sys-fs/mtools@4.0.13?distro=gentoo-2.6"});
  // bash's run-time dependencies are not in the excerpt: one warning says so.
  CHECK(scan.warnings() ==
        std::vector<std::string>{"var/db/pkg: 3 dependencies are not installed (first: "
                                 "app-shells/bash -> sys-libs/ncurses:0)"});
  const auto* os = scan.named("gentoo");
  REQUIRE(os != nullptr);
}

TEST_CASE("portage fixture: fields of the database", "[scanner][portage]") {
  const auto& scan = portage_vdb_scan();
  const auto& bash = scan.component(k_portage_bash);
  CHECK(bash.group == "app-shells");
  CHECK(bash.name == "bash");
  CHECK(bash.version == "4.4_p23-r1");
  REQUIRE(bash.licenses_declared.size() == 1);
  CHECK(bash.description == "The standard GNU Bourne again shell");
  REQUIRE(bash.external_references.size() == 1);
  CHECK(bash.external_references[0].url == "http://tiswww.case.edu/php/chet/bash/bashtop.html");
  CHECK(property(bash, "kensa:portage:slot") == "0");
  CHECK(property(bash, "kensa:portage:repository") == "gentoo");
  CHECK(property(bash, "kensa:portage:installed-size") == "8259979");
  CHECK(property(bash, "kensa:portage:files") == "64");
  CHECK(bash.cpes == std::vector<std::string>{"cpe:2.3:a:gentoo:bash:4.4_p23-r1:*:*:*:*:*:*:*"});
  CHECK(bash.evidence.at(0).location == "var/db/pkg/app-shells/bash-4.4_p23-r1/PF");
  // No PF or CATEGORY: the folders name the package.
  const auto& cpio = scan.component("pkg:ebuild/app-arch/cpio@2.11?distro=gentoo-2.6");
  CHECK(property(cpio, "kensa:portage:files") == "8");
  CHECK(cpio.evidence.at(0).location == "var/db/pkg/app-arch/cpio-2.11/CONTENTS");
}

TEST_CASE("portage: names and versions split as the specification says", "[scanner][portage]") {
  auto version_of = [](const std::string& entry) {
    auto scan = scan_files("portage", {file("var/db/pkg/cat/" + entry + "/SLOT", "0\n")});
    std::set<std::string> purls = scan.purls("ebuild");
    return purls.empty() ? std::string() : *purls.begin();
  };
  CHECK(version_of("bash-4.4_p23-r1") == "pkg:ebuild/cat/bash@4.4_p23-r1");
  CHECK(version_of("font-adobe-100dpi-1.0.3") == "pkg:ebuild/cat/font-adobe-100dpi@1.0.3");
  CHECK(version_of("gtk+-3.24.41") == "pkg:ebuild/cat/gtk%2B@3.24.41");
  CHECK(version_of("openssl-1.1.1w_pre1_p2-r10") == "pkg:ebuild/cat/openssl@1.1.1w_pre1_p2-r10");
  CHECK(version_of("no-version").empty());
}

TEST_CASE("portage: dependencies through atoms, slots and any-of groups", "[scanner][portage]") {
  auto scan = scan_files(
      "portage",
      {file("var/db/pkg/app/a-1/RDEPEND",
            ">=lib/b-1.2:0/1= || ( lib/c lib/d ) ssl? ( lib/e[abi_x86_64(-)] ) !lib/f "
            "=lib/g-2* lib/h:3\n"),
       file("var/db/pkg/lib/b-1.2/SLOT", "0/1\n"), file("var/db/pkg/lib/c-2/SLOT", "0\n"),
       file("var/db/pkg/lib/e-5/SLOT", "0\n"), file("var/db/pkg/lib/f-1/SLOT", "0\n"),
       file("var/db/pkg/lib/g-2.1/SLOT", "0\n"), file("var/db/pkg/lib/h-2.9/SLOT", "2\n"),
       file("var/db/pkg/lib/h-3.1/SLOT", "3\n")});
  // lib/d is not installed (an alternative); lib/f is a blocker; lib/h:3
  // is the slot-3 one.
  CHECK(scan.depends_on("pkg:ebuild/app/a@1") ==
        std::set<std::string>{"pkg:ebuild/lib/b@1.2", "pkg:ebuild/lib/c@2", "pkg:ebuild/lib/e@5",
                              "pkg:ebuild/lib/g@2.1", "pkg:ebuild/lib/h@3.1"});
  CHECK(has_warning(scan.warnings(), {"var/db/pkg", "app/a -> lib/d"}));
}

TEST_CASE("portage: broken entries give warnings naming the file", "[scanner][portage]") {
  SECTION("CONTENTS lines that are not what Portage writes") {
    auto scan = scan_files(
        "portage", {file("var/db/pkg/cat/p-1/CONTENTS",
                         "obj /usr/bin/with space d41d8cd98f00b204e9800998ecf8427e 1500000000\n"
                         "obj /usr/bin/short\nsym /usr/lib/x\nwhat /is/this\ndir /usr\n")});
    auto warnings = scan.warnings();
    CHECK(has_warning(warnings,
                      {"var/db/pkg/cat/p-1/CONTENTS", "line 2: obj line without path, MD5"}));
    CHECK(has_warning(warnings, {"var/db/pkg/cat/p-1/CONTENTS", "line 3: sym line without"}));
    CHECK(has_warning(warnings, {"var/db/pkg/cat/p-1/CONTENTS", "line 4: not obj, sym"}));
    CHECK(property(scan.component("pkg:ebuild/cat/p@1"), "kensa:portage:files") == "1");
  }
  SECTION("an RDEPEND token that is no atom, a folder that is no package") {
    auto scan = scan_files("portage", {file("var/db/pkg/cat/p-1/RDEPEND", ">=nover ok/q\n"),
                                       file("var/db/pkg/cat/notversioned/SLOT", "0\n")});
    auto warnings = scan.warnings();
    CHECK(has_warning(warnings, {"var/db/pkg/cat/p-1/RDEPEND", "\">=nover\""}));
    CHECK(has_warning(warnings, {"var/db/pkg/cat/notversioned", "is not <name>-<version>"}));
  }
  SECTION("a PF that differs from the folder") {
    auto scan = scan_files("portage", {file("var/db/pkg/cat/p-1/PF", "q-2\n")});
    CHECK(scan.purls("ebuild") == std::set<std::string>{"pkg:ebuild/cat/q@2"});
    CHECK(has_warning(scan.warnings(), {"var/db/pkg/cat/p-1", "holds package cat/q-2"}));
  }
  SECTION("binary garbage and too many atoms") {
    std::string garbage;
    for (int i = 0; i < 4096; ++i) {
      garbage += static_cast<char>((i * 7919 + 13) % 256);
    }
    std::string atoms;
    for (int i = 0; i < 100'001; ++i) {
      atoms += "c/p" + std::to_string(i) + " ";
    }
    auto scan = scan_files("portage", {file("var/db/pkg/cat/p-1/CONTENTS", garbage),
                                       file("var/db/pkg/cat/p-1/RDEPEND", atoms)});
    CHECK(has_warning(scan.warnings(), {"more than 100000 dependencies"}));
    CHECK(scan.purls("ebuild").size() == 1);
  }
}
