// The dpkg scanner on small inputs in memory: package states, distroless
// status.d, several roots, and broken files.
#include "../../support/test_support.hpp"
#include "../os_release/os_test_support.hpp"

#include <catch2/catch.hpp>

using kensa::testing::property;
using kensa::testing::os::file;
using kensa::testing::os::has_warning;
using kensa::testing::os::OsScan;
using kensa::testing::os::scan_files;

namespace {

constexpr const char* k_status = "Package: alpha\n"
                                 "Status: install ok installed\n"
                                 "Architecture: amd64\n"
                                 "Version: 1.0-1\n"
                                 "Depends: beta (>= 2), gamma:any | delta\n"
                                 "\n"
                                 "Package: beta\n"
                                 "Status: install ok installed\n"
                                 "Architecture: amd64\n"
                                 "Version: 2:2.0-1\n"
                                 "Depends: alpha\n"
                                 "\n"
                                 "Package: delta\n"
                                 "Status: install ok installed\n"
                                 "Architecture: all\n"
                                 "Version: 4\n"
                                 "\n"
                                 "Package: removed\n"
                                 "Status: deinstall ok config-files\n"
                                 "Architecture: amd64\n"
                                 "Version: 9\n"
                                 "\n"
                                 "Package: half\n"
                                 "Status: install reinstreq half-installed\n"
                                 "Architecture: amd64\n"
                                 "Version: 9\n"
                                 "\n"
                                 "Package: waiting\n"
                                 "Status: install ok triggers-pending\n"
                                 "Architecture: amd64\n"
                                 "Version: 5\n";

} // namespace

TEST_CASE("dpkg: only installed packages, cyclic and alternative dependencies", "[scanner][dpkg]") {
  auto scan = scan_files("dpkg", {file("var/lib/dpkg/status", k_status)});
  CHECK(scan.warnings().empty());
  CHECK(scan.purls("deb") == std::set<std::string>{"pkg:deb/debian/alpha@1.0-1?arch=amd64",
                                                   "pkg:deb/debian/beta@2:2.0-1?arch=amd64",
                                                   "pkg:deb/debian/delta@4?arch=all",
                                                   "pkg:deb/debian/waiting@5?arch=amd64"});
  CHECK(scan.depends_on("pkg:deb/debian/alpha@1.0-1?arch=amd64") ==
        std::set<std::string>{"pkg:deb/debian/beta@2:2.0-1?arch=amd64",
                              "pkg:deb/debian/delta@4?arch=all"});
  CHECK(scan.depends_on("pkg:deb/debian/beta@2:2.0-1?arch=amd64") ==
        std::set<std::string>{"pkg:deb/debian/alpha@1.0-1?arch=amd64"});
}

TEST_CASE("dpkg: a multi-arch dependency prefers the same architecture", "[scanner][dpkg]") {
  auto scan = scan_files(
      "dpkg", {file("var/lib/dpkg/status", "Package: libx\nStatus: install ok installed\n"
                                           "Architecture: i386\nVersion: 1\nMulti-Arch: same\n\n"
                                           "Package: libx\nStatus: install ok installed\n"
                                           "Architecture: amd64\nVersion: 1\nMulti-Arch: same\n\n"
                                           "Package: app\nStatus: install ok installed\n"
                                           "Architecture: amd64\nVersion: 1\nDepends: libx\n"),
               file("var/lib/dpkg/info/libx:i386.list", "/.\n/usr\n"),
               file("var/lib/dpkg/info/libx:amd64.list", "/.\n/usr\n/usr/lib\n")});
  CHECK(scan.depends_on("pkg:deb/debian/app@1?arch=amd64") ==
        std::set<std::string>{"pkg:deb/debian/libx@1?arch=amd64"});
  CHECK(property(scan.component("pkg:deb/debian/libx@1?arch=amd64"), "kensa:dpkg:files") == "2");
  CHECK(property(scan.component("pkg:deb/debian/libx@1?arch=i386"), "kensa:dpkg:files") == "1");
}

TEST_CASE("dpkg: distroless status.d files", "[scanner][dpkg]") {
  auto scan = scan_files(
      "dpkg", {file("etc/os-release", "ID=debian\nVERSION_ID=\"12\"\n"),
               file("var/lib/dpkg/status.d/base-files",
                    "Package: base-files\nVersion: 12.4+deb12u5\nArchitecture: amd64\n"
                    "Maintainer: Santiago Vila <sanvila@debian.org>\n"),
               file("var/lib/dpkg/status.d/base-files.md5sums",
                    "0c5a8b1a9a8b0e1e8f3d0bd5a0b7e7c1  etc/debian_version\n"),
               file("var/lib/dpkg/status.d/netbase",
                    "Package: netbase\nVersion: 6.4\nArchitecture: all\nDepends: missing-one\n")});
  // Distroless keeps only some packages, so missing dependencies are no
  // warning there.
  CHECK(scan.warnings().empty());
  const auto& base =
      scan.component("pkg:deb/debian/base-files@12.4%2Bdeb12u5?arch=amd64&distro=debian-12");
  CHECK(base.evidence.at(0).location == "var/lib/dpkg/status.d/base-files");
  CHECK(property(base, "kensa:dpkg:md5sums") == "1");
  CHECK(base.supplier.name == "Santiago Vila");
  CHECK(scan.find("pkg:deb/debian/netbase@6.4?arch=all&distro=debian-12") != nullptr);
}

TEST_CASE("dpkg: each root gets its own distribution", "[scanner][dpkg]") {
  auto scan = scan_files(
      "dpkg", {file("a/etc/os-release", "ID=debian\nVERSION_ID=\"12\"\n"),
               file("a/var/lib/dpkg/status",
                    "Package: p\nStatus: install ok installed\nArchitecture: amd64\nVersion: 1\n"),
               file("b/etc/os-release", "ID=ubuntu\nVERSION_ID=\"22.04\"\n"),
               file("b/var/lib/dpkg/status",
                    "Package: p\nStatus: install ok installed\nArchitecture: amd64\nVersion: 1\n"),
               file("c/var/lib/dpkg/status",
                    "Package: p\nStatus: install ok installed\nArchitecture: amd64\nVersion: 1\n"),
               file("b/usr/share/doc/p/copyright", "Format: x\n\nFiles: *\nLicense: MIT\n")});
  CHECK(scan.purls("deb") ==
        std::set<std::string>{"pkg:deb/debian/p@1?arch=amd64&distro=debian-12",
                              "pkg:deb/ubuntu/p@1?arch=amd64&distro=ubuntu-22.04",
                              "pkg:deb/debian/p@1?arch=amd64"});
  CHECK(scan.component("pkg:deb/ubuntu/p@1?arch=amd64&distro=ubuntu-22.04")
            .licenses_concluded.size() == 1);
  CHECK(
      scan.component("pkg:deb/debian/p@1?arch=amd64&distro=debian-12").licenses_concluded.empty());
  CHECK(scan.component("pkg:deb/ubuntu/p@1?arch=amd64&distro=ubuntu-22.04").cpes ==
        std::vector<std::string>{"cpe:2.3:a:ubuntu:p:1:*:*:*:*:*:*:*"});
}

TEST_CASE("dpkg: broken status files give warnings naming the file", "[scanner][dpkg]") {
  SECTION("a truncated last stanza") {
    auto scan = scan_files(
        "dpkg", {file("var/lib/dpkg/status", "Package: ok\nStatus: install ok installed\n"
                                             "Architecture: amd64\nVersion: 1\n\n"
                                             "Package: cut\nStatus: install ok installed\nArchi")});
    CHECK(scan.purls("deb") == std::set<std::string>{"pkg:deb/debian/ok@1?arch=amd64"});
    CHECK(has_warning(scan.warnings(), {"var/lib/dpkg/status", "not a field"}));
    CHECK(has_warning(scan.warnings(), {"var/lib/dpkg/status", "(cut): no Version"}));
  }
  SECTION("binary garbage") {
    std::string garbage;
    for (int i = 0; i < 4096; ++i) {
      garbage += static_cast<char>((i * 7919) % 256);
    }
    auto scan = scan_files("dpkg", {file("var/lib/dpkg/status", garbage)});
    CHECK(scan.purls("deb").empty());
    CHECK_FALSE(scan.warnings().empty());
    for (const auto& warning : scan.warnings()) {
      CHECK(warning.starts_with("var/lib/dpkg/status: "));
    }
  }
  SECTION("a malformed Status, a stanza without Package, unmet dependencies") {
    auto scan = scan_files(
        "dpkg", {file("var/lib/dpkg/status", "Package: odd\nStatus: installed\nVersion: 1\n\n"
                                             "Status: install ok installed\nVersion: 1\n\n"
                                             "Package: needy\nStatus: install ok installed\n"
                                             "Architecture: amd64\nVersion: 1\n"
                                             "Depends: nothere, alsonot | neither\n"),
                 file("var/lib/dpkg/info/needy.md5sums", "zzz  usr/bin/x\n")});
    CHECK(scan.purls("deb") == std::set<std::string>{"pkg:deb/debian/needy@1?arch=amd64"});
    auto warnings = scan.warnings();
    CHECK(has_warning(warnings, {"var/lib/dpkg/status", "(odd): malformed Status"}));
    CHECK(has_warning(warnings, {"var/lib/dpkg/status", "stanza at line 5: no Package"}));
    CHECK(has_warning(warnings, {"var/lib/dpkg/status",
                                 "2 dependencies are not installed (first: needy -> nothere)"}));
    CHECK(has_warning(warnings, {"var/lib/dpkg/info/needy.md5sums", "line 1"}));
  }
  SECTION("an empty file") {
    auto scan = scan_files("dpkg", {file("var/lib/dpkg/status", "")});
    CHECK(scan.document.components.empty());
    CHECK(scan.warnings().empty());
  }
}

TEST_CASE("dpkg: relation fields", "[scanner][dpkg]") {
  auto scan = scan_files(
      "dpkg",
      {file("var/lib/dpkg/status",
            "Package: a\nStatus: install ok installed\nArchitecture: amd64\nVersion: 1\n"
            "Pre-Depends: b:any (>= 1)\n"
            "Depends: c [amd64] <!nocheck>,\n d (<< 2) | e,\n self\n"
            "Provides: self\n\n"
            "Package: b\nStatus: install ok installed\nArchitecture: amd64\nVersion: 1\n\n"
            "Package: c\nStatus: install ok installed\nArchitecture: amd64\nVersion: 1\n\n"
            "Package: e\nStatus: install ok installed\nArchitecture: amd64\nVersion: 1\n")});
  CHECK(scan.warnings().empty());
  CHECK(scan.depends_on("pkg:deb/debian/a@1?arch=amd64") ==
        std::set<std::string>{"pkg:deb/debian/b@1?arch=amd64", "pkg:deb/debian/c@1?arch=amd64",
                              "pkg:deb/debian/e@1?arch=amd64"});
}

TEST_CASE("dpkg: ownership from .list and distroless .md5sums files", "[scanner][dpkg]") {
  auto root = kensa::testing::scratch_dir("dpkg-ownership");
  using kensa::testing::os::write_file;
  write_file(root, "var/lib/dpkg/status",
             "Package: tool\nStatus: install ok installed\nArchitecture: amd64\nVersion: 1\n");
  write_file(root, "var/lib/dpkg/info/tool.list", "/.\n/usr\n/usr/bin\n/usr/bin/tool\n");
  write_file(root, "usr/bin/tool", "#!/bin/sh\n");
  write_file(root, "usr/bin/dropped-in", "#!/bin/sh\n");
  write_file(root, "img/var/lib/dpkg/status.d/base",
             "Package: base\nVersion: 2\nArchitecture: all\n");
  write_file(root, "img/var/lib/dpkg/status.d/base.md5sums",
             "d41d8cd98f00b204e9800998ecf8427e  etc/base.conf\n");
  write_file(root, "img/etc/base.conf", "");
  auto scan = kensa::testing::os::scan_folder(root, {"dpkg"}, true);
  CHECK(scan.warnings().empty());
  CHECK(scan.owners("usr/bin/tool") == std::set<std::string>{"tool"});
  CHECK(scan.owners("usr/bin/dropped-in") == std::set<std::string>{});
  CHECK(scan.owners("img/etc/base.conf") == std::set<std::string>{"base"});
}
