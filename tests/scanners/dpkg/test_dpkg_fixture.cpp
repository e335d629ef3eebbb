// The dpkg scanner on an excerpt of a real Debian 12 root file system
// (tests/fixtures/dpkg/debian-12, see the README there).
#include "../../support/test_support.hpp"
#include "../os_release/os_test_support.hpp"

#include <catch2/catch.hpp>

#include <map>
#include <set>

using kensa::testing::fixture;
using kensa::testing::property;
using kensa::testing::os::OsScan;
using kensa::testing::os::scan_folder;

namespace {

const OsScan& debian12() {
  static const OsScan scan = scan_folder(fixture("dpkg/debian-12"), {"dpkg", "os-release"});
  return scan;
}

constexpr const char* k_libc6 =
    "pkg:deb/debian/libc6@2.36-9%2Bdeb12u14?arch=amd64&distro=debian-12&upstream=glibc";
constexpr const char* k_libgcc =
    "pkg:deb/debian/libgcc-s1@12.2.0-14%2Bdeb12u1?arch=amd64&distro=debian-12&upstream=gcc-12";
constexpr const char* k_zlib =
    "pkg:deb/debian/zlib1g@1:1.2.13.dfsg-1?arch=amd64&distro=debian-12&upstream=zlib";
constexpr const char* k_mawk = "pkg:deb/debian/mawk@1.3.4.20200120-3.1?arch=amd64&distro=debian-12";

} // namespace

TEST_CASE("dpkg fixture: every installed package, nothing else", "[scanner][dpkg]") {
  const auto& scan = debian12();
  CHECK(scan.warnings().empty());
  CHECK(scan.purls("deb").size() == 20);
  std::set<std::string> names;
  for (const auto& component : scan.document.components) {
    if (component.ecosystem == "deb") {
      names.insert(component.name + " " + component.version);
    }
  }
  CHECK(names == std::set<std::string>{"base-files 12.4+deb12u11",
                                       "bash 5.2.15-2+b8",
                                       "debianutils 5.7-0.5~deb12u1",
                                       "diffutils 1:3.8-4",
                                       "gcc-12-base 12.2.0-14+deb12u1",
                                       "hostname 3.23+nmu1",
                                       "init-system-helpers 1.65.2",
                                       "libacl1 2.3.1-3",
                                       "libattr1 1:2.5.1-4",
                                       "libbz2-1.0 1.0.8-5+b1",
                                       "libc6 2.36-9+deb12u14",
                                       "libgcc-s1 12.2.0-14+deb12u1",
                                       "liblzma5 5.4.1-1",
                                       "libpcre2-8-0 10.42-1",
                                       "libselinux1 3.4-1+b6",
                                       "libtinfo6 6.4-4",
                                       "libzstd1 1.5.4+dfsg2-5",
                                       "mawk 1.3.4.20200120-3.1",
                                       "usr-is-merged 37~deb12u1",
                                       "zlib1g 1:1.2.13.dfsg-1"});
}

TEST_CASE("dpkg fixture: purls with epoch, arch, distro and upstream", "[scanner][dpkg]") {
  const auto& scan = debian12();
  const auto& zlib = scan.component(k_zlib);
  CHECK(zlib.name == "zlib1g");
  CHECK(zlib.version == "1:1.2.13.dfsg-1");
  CHECK(zlib.ecosystem == "deb");
  CHECK(zlib.cpes ==
        std::vector<std::string>{"cpe:2.3:a:debian:zlib1g:1\\:1.2.13.dfsg-1:*:*:*:*:*:*:*"});
  // A source version in parentheses goes into the upstream qualifier.
  CHECK(scan.find("pkg:deb/debian/bash@5.2.15-2%2Bb8?arch=amd64&distro=debian-12&upstream=bash%"
                  "405.2.15-2") != nullptr);
  CHECK(scan.find("pkg:deb/debian/libbz2-1.0@1.0.8-5%2Bb1?arch=amd64&distro=debian-12&upstream="
                  "bzip2%401.0.8-5") != nullptr);
  const auto& bash = *scan.named("bash");
  CHECK(property(bash, "kensa:dpkg:source") == "bash");
  CHECK(property(bash, "kensa:dpkg:source-version") == "5.2.15-2");
  // No Source field: no upstream.
  CHECK(scan.find(k_mawk) != nullptr);
  CHECK(scan.find(k_libc6) != nullptr);
}

TEST_CASE("dpkg fixture: supplier, size, description, evidence", "[scanner][dpkg]") {
  const auto& scan = debian12();
  const auto& libc6 = scan.component(k_libc6);
  CHECK(libc6.supplier.name == "GNU Libc Maintainers");
  CHECK(libc6.supplier.email == "debian-glibc@lists.debian.org");
  CHECK(libc6.description == "GNU C Library: Shared libraries");
  CHECK(property(libc6, "kensa:dpkg:installed-size") == "13001");
  REQUIRE(libc6.evidence.size() == 1);
  CHECK(libc6.evidence[0].location == "var/lib/dpkg/status");
  CHECK(libc6.evidence[0].found_by == "dpkg");
  REQUIRE(libc6.external_references.size() == 1);
  CHECK(libc6.external_references[0].url == "https://www.gnu.org/software/libc/libc.html");
}

TEST_CASE("dpkg fixture: dependency edges", "[scanner][dpkg]") {
  const auto& scan = debian12();
  // libc6 and libgcc-s1 depend on each other.
  CHECK(scan.depends_on(k_libc6) == std::set<std::string>{k_libgcc});
  CHECK(scan.depends_on(k_libgcc) ==
        std::set<std::string>{k_libc6, "pkg:deb/debian/gcc-12-base@12.2.0-14%2Bdeb12u1?arch=amd64&"
                                       "distro=debian-12&upstream=gcc-12"});
  // "Pre-Depends: awk" is satisfied by mawk's "Provides: awk".
  CHECK(scan.depends_on("pkg:deb/debian/base-files@12.4%2Bdeb12u11?arch=amd64&distro=debian-12") ==
        std::set<std::string>{k_mawk});
  // "usrmerge | usr-is-merged": the installed alternative.
  CHECK(scan.depends_on("pkg:deb/debian/init-system-helpers@1.65.2?arch=all&distro=debian-12") ==
        std::set<std::string>{
            "pkg:deb/debian/usr-is-merged@37~deb12u1?arch=all&distro=debian-12&upstream=usrmerge"});
  CHECK(scan.depends_on("pkg:deb/debian/bash@5.2.15-2%2Bb8?arch=amd64&distro=debian-12&upstream="
                        "bash%405.2.15-2")
            .size() == 4);
}

TEST_CASE("dpkg fixture: licenses from copyright files", "[scanner][dpkg]") {
  const auto& scan = debian12();
  const auto& zlib = scan.component(k_zlib);
  CHECK(property(zlib, "kensa:dpkg:copyright") == "machine-readable");
  REQUIRE(zlib.licenses_concluded.size() == 1);
  CHECK(zlib.licenses_concluded[0].expression == "Zlib");

  const auto& libgcc = scan.component(k_libgcc);
  // /usr/share/doc/libgcc-s1 is a link to gcc-12-base's folder on Debian; the
  // fixture, like the walk, has only gcc-12-base's file.
  CHECK(property(libgcc, "kensa:dpkg:copyright-from") == "gcc-12-base");
  CHECK(property(libgcc, "kensa:dpkg:copyright") == "free-form");
  const auto* gcc_base = scan.named("gcc-12-base");
  REQUIRE(gcc_base != nullptr);
  CHECK(libgcc.licenses_concluded == gcc_base->licenses_concluded);

  for (const auto& component : scan.document.components) {
    if (component.ecosystem != "deb" ||
        property(component, "kensa:dpkg:copyright") != "machine-readable") {
      continue;
    }
    INFO(component.name);
    CHECK_FALSE(component.licenses_concluded.empty());
  }
}

TEST_CASE("dpkg fixture: file lists", "[scanner][dpkg]") {
  const auto& scan = debian12();
  const auto& zlib = scan.component(k_zlib);
  // Multi-Arch: same packages have "<name>:<arch>.list".
  CHECK(property(zlib, "kensa:dpkg:files") == "11");
  CHECK(property(zlib, "kensa:dpkg:md5sums") == "4");
  const auto& mawk = scan.component(k_mawk);
  CHECK(property(mawk, "kensa:dpkg:files") == "25");
  CHECK(property(*scan.named("bash"), "kensa:dpkg:files").empty());
}

TEST_CASE("dpkg fixture: the distribution from os-release", "[scanner][dpkg]") {
  const auto& scan = debian12();
  const auto* os = scan.named("debian");
  REQUIRE(os != nullptr);
  CHECK(os->type == kensa::model::ComponentType::operating_system);
  CHECK(os->version == "12");
  CHECK(os->cpes == std::vector<std::string>{"cpe:2.3:o:debian:debian_linux:12:*:*:*:*:*:*:*"});
}

TEST_CASE("dpkg fixture: file ownership with a file inventory", "[scanner][dpkg]") {
  auto scan = scan_folder(fixture("dpkg/debian-12"), {"dpkg", "os-release"}, true);
  CHECK(scan.owners("usr/share/doc/zlib1g/copyright") == std::set<std::string>{"zlib1g"});
  CHECK(scan.owners("usr/share/doc/mawk/copyright") == std::set<std::string>{"mawk"});
  // No package owns dpkg's own database or a copyright file whose package
  // list is not in the fixture: those files are listed without owners.
  CHECK(scan.owners("var/lib/dpkg/status") == std::set<std::string>{});
  CHECK(scan.owners("usr/share/doc/bash/copyright") == std::set<std::string>{});
}

// A copyright file that is not machine-readable is read as a license file:
// libselinux's is its own license text, base-files' a GPL notice.
TEST_CASE("dpkg fixture: free-form copyright files give license evidence",
          "[scanner][dpkg][license]") {
  const auto& scan = debian12();
  std::map<std::string, std::set<std::string>> evidence;
  for (const auto& component : scan.document.components) {
    for (const auto& found : component.license_evidence) {
      evidence[component.name].insert(found.expression + " in " + found.location);
    }
  }
  CHECK(evidence["libselinux1"] ==
        std::set<std::string>{"libselinux-1.0 in usr/share/doc/libselinux1/copyright"});
  CHECK(evidence["base-files"] ==
        std::set<std::string>{"GPL-2.0-or-later in usr/share/doc/base-files/copyright"});
  // libgcc-s1's folder is a link to gcc-12-base's: the file read is that one.
  CHECK(evidence["libgcc-s1"] == evidence["gcc-12-base"]);
  CHECK(evidence["libgcc-s1"].contains("GPL-3.0-or-later in usr/share/doc/gcc-12-base/copyright"));
  // Machine-readable files give no evidence: their licenses are named.
  CHECK_FALSE(evidence.contains("zlib1g"));
  CHECK_FALSE(evidence.contains("mawk"));
}
