// The pacman scanner: a database written by pacman 6.0.2 itself
// (tests/fixtures/pacman/arch-rolling, compared with what `pacman -Q` listed
// for it), and broken input.
#include "../../support/test_support.hpp"
#include "../os_release/os_test_support.hpp"

#include <catch2/catch.hpp>

#include <sstream>

using kensa::testing::fixture;
using kensa::testing::property;
using kensa::testing::os::file;
using kensa::testing::os::has_warning;
using kensa::testing::os::OsScan;
using kensa::testing::os::scan_files;
using kensa::testing::os::scan_folder;

namespace {

const OsScan& pacman_arch_scan() {
  static const OsScan scan =
      scan_folder(fixture("pacman/arch-rolling"), {"pacman", "os-release"}, true);
  return scan;
}

constexpr const char* k_pacman_bash = "pkg:alpm/arch/bash@5.2.026-2?arch=x86_64&distro=arch";
constexpr const char* k_pacman_glibc = "pkg:alpm/arch/glibc@2.39-1?arch=x86_64&distro=arch";
constexpr const char* k_pacman_ncurses = "pkg:alpm/arch/ncurses@6.5-3?arch=x86_64&distro=arch";
constexpr const char* k_pacman_readline =
    "pkg:alpm/arch/readline@8.2.010-1?arch=x86_64&distro=arch";
constexpr const char* k_pacman_zlib = "pkg:alpm/arch/zlib@1:1.3.1-2?arch=x86_64&distro=arch";

std::string pacman_desc(const std::string& name, const std::string& version,
                        const std::string& extra = {}) {
  return "%NAME%\n" + name + "\n\n%VERSION%\n" + version + "\n\n%ARCH%\nx86_64\n\n" + extra;
}

} // namespace

TEST_CASE("pacman fixture: the packages pacman -Q lists, with purls", "[scanner][pacman]") {
  const auto& scan = pacman_arch_scan();
  CHECK(scan.warnings().empty());
  // `pacman -Q` on the same database, one "name version" a line.
  std::set<std::string> listed;
  std::istringstream expected(
      kensa::testing::read_file(fixture("pacman/arch-rolling.pacman-Q.txt")));
  for (std::string line; std::getline(expected, line);) {
    listed.insert(line);
  }
  std::set<std::string> found;
  for (const auto& component : scan.document.components) {
    if (component.ecosystem == "alpm") {
      found.insert(component.name + " " + component.version);
    }
  }
  CHECK(listed.size() == 6);
  CHECK(found == listed);
  // The epoch stays in the version, as pacman writes it.
  CHECK(scan.purls("alpm") == std::set<std::string>{k_pacman_bash,
                                                    "pkg:alpm/arch/filesystem@2024.04.07-1?arch="
                                                    "x86_64&distro=arch",
                                                    k_pacman_glibc, k_pacman_ncurses,
                                                    k_pacman_readline, k_pacman_zlib});
  const auto* os = scan.named("arch");
  REQUIRE(os != nullptr);
}

TEST_CASE("pacman fixture: licenses, packager, properties", "[scanner][pacman]") {
  const auto& scan = pacman_arch_scan();
  const auto& glibc = scan.component(k_pacman_glibc);
  REQUIRE(glibc.licenses_declared.size() == 2);
  CHECK(glibc.licenses_declared[0].expression == "GPL-2.0-or-later");
  CHECK(glibc.licenses_declared[1].expression == "LGPL-2.1-or-later");
  CHECK(glibc.supplier.name == "Arch Linux packager");
  CHECK(glibc.supplier.email == "packager@archlinux.org");
  CHECK(glibc.description == "GNU C Library");
  CHECK(glibc.cpes == std::vector<std::string>{"cpe:2.3:a:arch:glibc:2.39-1:*:*:*:*:*:*:*"});
  CHECK(property(glibc, "kensa:pacman:installed-size") == "16426");
  CHECK(property(glibc, "kensa:pacman:reason") == "dependency");
  CHECK(property(glibc, "kensa:pacman:files") == "2");
  CHECK(property(scan.component(k_pacman_bash), "kensa:pacman:reason") == "explicit");
  CHECK(glibc.evidence.at(0).location == "var/lib/pacman/local/glibc-2.39-1/desc");
  CHECK(glibc.evidence.at(0).found_by == "pacman");
}

TEST_CASE("pacman fixture: dependencies through names and .so provides", "[scanner][pacman]") {
  const auto& scan = pacman_arch_scan();
  // bash depends on readline twice (by name and as libreadline.so=8-64).
  CHECK(scan.depends_on(k_pacman_bash) ==
        std::set<std::string>{k_pacman_readline, k_pacman_glibc, k_pacman_ncurses});
  CHECK(scan.depends_on(k_pacman_readline) ==
        std::set<std::string>{k_pacman_glibc, k_pacman_ncurses});
  // "glibc>=2.17": the constraint is dropped.
  CHECK(scan.depends_on(k_pacman_zlib) == std::set<std::string>{k_pacman_glibc});
}

TEST_CASE("pacman fixture: files owned through the files lists", "[scanner][pacman]") {
  auto root = kensa::testing::scratch_dir("pacman-ownership");
  std::filesystem::copy(fixture("pacman/arch-rolling"), root,
                        std::filesystem::copy_options::recursive);
  kensa::testing::os::write_file(root, "usr/bin/bash", "");
  kensa::testing::os::write_file(root, "usr/lib/libz.so.1", "");
  kensa::testing::os::write_file(root, "usr/local/bin/dropped-in", "");
  auto scan = scan_folder(root, {"pacman"}, true);
  CHECK(scan.owners("usr/bin/bash") == std::set<std::string>{"bash"});
  CHECK(scan.owners("usr/lib/libz.so.1") == std::set<std::string>{"zlib"});
  CHECK(scan.owners("usr/local/bin/dropped-in") == std::set<std::string>{});
}

TEST_CASE("pacman: broken databases give warnings naming the file", "[scanner][pacman]") {
  SECTION("no version, a line outside any section, an unmet dependency") {
    auto scan = scan_files(
        "pacman",
        {file("var/lib/pacman/local/good-1-1/desc",
              pacman_desc("good", "1-1", "%DEPENDS%\nlibmissing.so=1-64\n\nstray line\n")),
         file("var/lib/pacman/local/broken-1-1/desc", "%NAME%\nbroken\n\n%ARCH%\nany\n")});
    CHECK(scan.purls("alpm") == std::set<std::string>{"pkg:alpm/arch/good@1-1?arch=x86_64"});
    auto warnings = scan.warnings();
    CHECK(has_warning(warnings, {"var/lib/pacman/local/broken-1-1/desc", "no %VERSION%"}));
    CHECK(has_warning(warnings,
                      {"var/lib/pacman/local/good-1-1/desc", "line 13: not a %SECTION% header"}));
    CHECK(has_warning(warnings, {"var/lib/pacman/local", "good -> libmissing.so"}));
  }
  SECTION("a folder named for another package") {
    auto scan = scan_files("pacman",
                           {file("var/lib/pacman/local/other-2-1/desc", pacman_desc("a", "1-1"))});
    CHECK(has_warning(scan.warnings(), {"other-2-1 holds package a 1-1"}));
  }
  SECTION("binary garbage") {
    std::string garbage;
    for (int i = 0; i < 4096; ++i) {
      garbage += static_cast<char>((i * 7919 + 13) % 256);
    }
    auto scan = scan_files("pacman", {file("var/lib/pacman/local/x-1-1/desc", garbage),
                                      file("var/lib/pacman/local/x-1-1/files", garbage)});
    CHECK(scan.purls("alpm").empty());
    CHECK_FALSE(scan.warnings().empty());
  }
  SECTION("a section with too many values is cut short") {
    std::string depends = "%DEPENDS%\n";
    for (int i = 0; i < 100'001; ++i) {
      depends += "d" + std::to_string(i) + "\n";
    }
    auto scan = scan_files(
        "pacman", {file("var/lib/pacman/local/a-1-1/desc", pacman_desc("a", "1-1", depends))});
    CHECK(
        has_warning(scan.warnings(),
                    {"a-1-1/desc", "more than 100000 values in %DEPENDS%; the rest was not read"}));
    CHECK(scan.purls("alpm").size() == 1);
  }
  SECTION("without a release file: namespace arch, no distro") {
    auto scan = scan_files("pacman",
                           {file("img/var/lib/pacman/local/a-1-1/desc", pacman_desc("a", "1-1"))});
    CHECK(scan.purls("alpm") == std::set<std::string>{"pkg:alpm/arch/a@1-1?arch=x86_64"});
  }
  SECTION("two roots do not resolve into each other") {
    auto scan = scan_files(
        "pacman",
        {file("one/var/lib/pacman/local/a-1-1/desc", pacman_desc("a", "1-1", "%DEPENDS%\nb\n")),
         file("two/var/lib/pacman/local/b-1-1/desc", pacman_desc("b", "1-1"))});
    CHECK(scan.depends_on("pkg:alpm/arch/a@1-1?arch=x86_64").empty());
    CHECK(has_warning(scan.warnings(), {"one/var/lib/pacman/local", "a -> b"}));
  }
}
