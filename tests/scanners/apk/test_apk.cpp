// The apk scanner: an excerpt of a real Alpine 3.20 database
// (tests/fixtures/apk/alpine-3.20), the real databases of
// ../shared/fixtures-data/apk, and broken input.
#include "../../support/test_support.hpp"
#include "../os_release/os_test_support.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

using kensa::testing::fixture;
using kensa::testing::property;
using kensa::testing::os::file;
using kensa::testing::os::has_warning;
using kensa::testing::os::OsScan;
using kensa::testing::os::scan_files;
using kensa::testing::os::scan_folder;

namespace {

const OsScan& alpine320() {
  static const OsScan scan = scan_folder(fixture("apk/alpine-3.20"), {"apk", "os-release"});
  return scan;
}

std::set<std::string> name_versions(const OsScan& scan) {
  std::set<std::string> result;
  for (const auto& component : scan.document.components) {
    if (component.ecosystem == "apk") {
      result.insert(component.name + " " + component.version);
    }
  }
  return result;
}

constexpr const char* k_busybox =
    "pkg:apk/alpine/busybox@1.36.1-r29?arch=x86_64&distro=alpine-3.20";
constexpr const char* k_musl = "pkg:apk/alpine/musl@1.2.5-r0?arch=x86_64&distro=alpine-3.20";

} // namespace

TEST_CASE("apk fixture: packages, purls and CPEs", "[scanner][apk]") {
  const auto& scan = alpine320();
  CHECK(scan.warnings().empty());
  CHECK(name_versions(scan) ==
        std::set<std::string>{"apk-tools 2.14.4-r0", "busybox 1.36.1-r29",
                              "busybox-binsh 1.36.1-r29", "ca-certificates-bundle 20240705-r0",
                              "libcrypto3 3.3.1-r3", "libssl3 3.3.1-r3", "musl 1.2.5-r0",
                              "musl-utils 1.2.5-r0", "scanelf 1.3.7-r2", "ssl_client 1.36.1-r29",
                              "zlib 1.3.1-r1"});
  const auto& busybox = scan.component(k_busybox);
  CHECK(busybox.cpes ==
        std::vector<std::string>{"cpe:2.3:a:alpine:busybox:1.36.1-r29:*:*:*:*:*:*:*"});
  // The origin goes into upstream when it is another package's name.
  CHECK(scan.find("pkg:apk/alpine/libssl3@3.3.1-r3?arch=x86_64&distro=alpine-3.20&upstream="
                  "openssl") != nullptr);
  CHECK(scan.find("pkg:apk/alpine/scanelf@1.3.7-r2?arch=x86_64&distro=alpine-3.20&upstream=pax-"
                  "utils") != nullptr);
  const auto* os = scan.named("alpine");
  REQUIRE(os != nullptr);
  CHECK(os->version == "3.20.2");
  CHECK(os->cpes ==
        std::vector<std::string>{"cpe:2.3:o:alpinelinux:alpine_linux:3.20.2:*:*:*:*:*:*:*"});
}

TEST_CASE("apk fixture: license, supplier, checksum, files", "[scanner][apk]") {
  const auto& scan = alpine320();
  const auto& busybox = scan.component(k_busybox);
  REQUIRE(busybox.licenses_declared.size() == 1);
  CHECK(busybox.licenses_declared[0].expression == "GPL-2.0-only");
  CHECK(busybox.supplier.name == "Sören Tempel");
  CHECK(busybox.supplier.email == "soeren+alpine@soeren-tempel.net");
  CHECK(busybox.description == "Size optimized toolbox of many common UNIX utilities");
  // C:Q1yY8lhMF1VhgegJgkcXfqaNabDJw= is base64 of a SHA-1.
  REQUIRE(busybox.hashes.size() == 1);
  CHECK(busybox.hashes[0].algorithm == kensa::model::HashAlgorithm::sha1);
  CHECK(busybox.hashes[0].hex == "c98f2584c17556181e8098247177ea68d69b0c9c");
  CHECK(property(busybox, "kensa:apk:files") == "7");
  CHECK(property(busybox, "kensa:apk:file-digests") == "7");
  CHECK(property(busybox, "kensa:apk:origin") == "busybox");
  CHECK(property(busybox, "kensa:apk:installed-size") == "929792");
  CHECK(busybox.evidence.at(0).location == "lib/apk/db/installed");
  CHECK(busybox.evidence.at(0).found_by == "apk");

  const auto& utils = scan.component(
      "pkg:apk/alpine/musl-utils@1.2.5-r0?arch=x86_64&distro=alpine-3.20&upstream=musl");
  CHECK(utils.licenses_declared.at(0).expression == "MIT AND BSD-2-Clause AND GPL-2.0-or-later");
}

TEST_CASE("apk fixture: dependencies through names, so: and cmd: provides", "[scanner][apk]") {
  const auto& scan = alpine320();
  CHECK(scan.depends_on("pkg:apk/alpine/apk-tools@2.14.4-r0?arch=x86_64&distro=alpine-3.20") ==
        std::set<std::string>{
            k_musl,
            "pkg:apk/alpine/ca-certificates-bundle@20240705-r0?arch=x86_64&distro=alpine-3.20&"
            "upstream=ca-certificates",
            "pkg:apk/alpine/libcrypto3@3.3.1-r3?arch=x86_64&distro=alpine-3.20&upstream=openssl",
            "pkg:apk/alpine/libssl3@3.3.1-r3?arch=x86_64&distro=alpine-3.20&upstream=openssl",
            "pkg:apk/alpine/zlib@1.3.1-r1?arch=x86_64&distro=alpine-3.20"});
  CHECK(scan.depends_on("pkg:apk/alpine/busybox-binsh@1.36.1-r29?arch=x86_64&distro=alpine-3.20&"
                        "upstream=busybox") == std::set<std::string>{k_busybox});
  CHECK(scan.depends_on(k_musl).empty());
}

TEST_CASE("apk: the real Alpine databases of the shared fixtures", "[scanner][apk]") {
  auto shared = kensa::testing::shared_dir();
  if (!shared) {
    WARN("../shared is not there; the real Alpine databases were not read");
    return;
  }
  auto armv7 = scan_folder(*shared / "fixtures-data/apk/alpine-3.14-armv7", {"apk"});
  CHECK(armv7.warnings().empty());
  CHECK(name_versions(armv7) == std::set<std::string>{"musl 1.2.2-r3",
                                                      "alpine-keys 2.3-r1",
                                                      "libcrypto1.1 1.1.1k-r0",
                                                      "libssl1.1 1.1.1k-r0",
                                                      "ca-certificates-bundle 20191127-r5",
                                                      "zlib 1.2.11-r3",
                                                      "scanelf 1.3.2-r0",
                                                      "musl-utils 1.2.2-r3",
                                                      "libc-utils 0.7.2-r3",
                                                      "apk-tools 2.12.6-r0",
                                                      "busybox 1.33.1-r3",
                                                      "alpine-baselayout 3.2.0-r16",
                                                      "libretls 3.3.3-r2",
                                                      "ssl_client 1.33.1-r3",
                                                      "ifupdown-ng 0.11.3-r0",
                                                      "openrc 0.43.3-r1",
                                                      "libgcc 10.3.1_git20210424-r2",
                                                      "boost1.75-filesystem 1.75.0-r8",
                                                      "boost1.75-thread 1.75.0-r8",
                                                      "boost1.75-log 1.75.0-r8",
                                                      "libstdc++ 10.3.1_git20210424-r2",
                                                      "icu-libs 67.1-r2",
                                                      "boost1.75-regex 1.75.0-r8",
                                                      "boost1.75-log_setup 1.75.0-r8",
                                                      "boost1.75-system 1.75.0-r8",
                                                      "boost1.75-program_options 1.75.0-r8"});
  CHECK(armv7.find("pkg:apk/alpine/musl@1.2.2-r3?arch=armv7&distro=alpine-3.14") != nullptr);
  CHECK(armv7.find("pkg:apk/alpine/libstdc%2B%2B@10.3.1_git20210424-r2?arch=armv7&distro=alpine-"
                   "3.14&upstream=gcc") != nullptr);
  const auto* musl = armv7.named("musl");
  REQUIRE(musl != nullptr);
  CHECK(musl->supplier.name == "Timo Teräs");

  auto x86 = scan_folder(*shared / "fixtures-data/apk/alpine-3.15-x86", {"apk"});
  CHECK(x86.warnings().empty());
  CHECK(name_versions(x86) ==
        std::set<std::string>{"musl 1.2.2-r7", "busybox 1.34.1-r4", "alpine-baselayout 3.2.0-r18",
                              "alpine-keys 2.4-r1", "ca-certificates-bundle 20211220-r0",
                              "libcrypto1.1 1.1.1n-r0", "libssl1.1 1.1.1n-r0", "libretls 3.3.4-r3",
                              "ssl_client 1.34.1-r4", "zlib 1.2.12-r0", "apk-tools 2.12.7-r3",
                              "scanelf 1.3.3-r0", "musl-utils 1.2.2-r7", "libc-utils 0.7.2-r3"});
  // "cmd:busybox=1.34.1-r4" style provides resolve too.
  CHECK_FALSE(
      x86.depends_on("pkg:apk/alpine/ssl_client@1.34.1-r4?arch=x86&distro=alpine-3.15&upstream="
                     "busybox")
          .empty());
}

TEST_CASE("apk: broken databases give warnings naming the file", "[scanner][apk]") {
  SECTION("a record without a version, a line that is no field, an unmet dependency") {
    auto scan = scan_files(
        "apk", {file("lib/apk/db/installed", "P:good\nV:1-r0\nA:x86_64\nD:so:libmissing.so.1\n"
                                             "C:Q1notbase64!!\n\n"
                                             "P:noversion\nA:x86_64\n\n"
                                             "garbage line\n")});
    CHECK(scan.purls("apk") == std::set<std::string>{"pkg:apk/alpine/good@1-r0?arch=x86_64"});
    auto warnings = scan.warnings();
    CHECK(has_warning(warnings, {"lib/apk/db/installed", "(noversion): no V"}));
    CHECK(has_warning(warnings, {"lib/apk/db/installed", "line 10: not a field"}));
    CHECK(has_warning(warnings, {"lib/apk/db/installed", "good -> so:libmissing.so.1"}));
    CHECK(has_warning(warnings, {"lib/apk/db/installed", "package good 1-r0: checksum"}));
  }
  SECTION("binary garbage") {
    std::string garbage;
    for (int i = 0; i < 4096; ++i) {
      garbage += static_cast<char>((i * 7919 + 13) % 256);
    }
    auto scan = scan_files("apk", {file("lib/apk/db/installed", garbage)});
    CHECK(scan.purls("apk").empty());
    CHECK_FALSE(scan.warnings().empty());
  }
  SECTION("cyclic dependencies are edges both ways") {
    auto scan = scan_files("apk", {file("lib/apk/db/installed",
                                        "P:a\nV:1\nA:x86\nD:b cmd:x\n\nP:b\nV:1\nA:x86\nD:a>=1\n"
                                        "\nP:c\nV:1\nA:x86\np:cmd:x=1\n")});
    CHECK(scan.warnings().empty());
    CHECK(scan.depends_on("pkg:apk/alpine/a@1?arch=x86") ==
          std::set<std::string>{"pkg:apk/alpine/b@1?arch=x86", "pkg:apk/alpine/c@1?arch=x86"});
    CHECK(scan.depends_on("pkg:apk/alpine/b@1?arch=x86") ==
          std::set<std::string>{"pkg:apk/alpine/a@1?arch=x86"});
  }
}

TEST_CASE("apk: ownership from the F and R lines", "[scanner][apk]") {
  auto root = kensa::testing::scratch_dir("apk-ownership");
  using kensa::testing::os::write_file;
  write_file(root, "lib/apk/db/installed",
             kensa::testing::read_file(fixture("apk/alpine-3.20/lib/apk/db/installed")));
  write_file(root, "bin/busybox", "");
  write_file(root, "lib/libz.so.1.3.1", "");
  write_file(root, "usr/share/udhcpc/default.script", "");
  write_file(root, "usr/local/bin/dropped-in", "");
  auto scan = scan_folder(root, {"apk"}, true);
  CHECK(scan.owners("bin/busybox") == std::set<std::string>{"busybox"});
  CHECK(scan.owners("lib/libz.so.1.3.1") == std::set<std::string>{"zlib"});
  CHECK(scan.owners("usr/share/udhcpc/default.script") == std::set<std::string>{"busybox"});
  CHECK(scan.owners("usr/local/bin/dropped-in") == std::set<std::string>{});
  CHECK(scan.owners("lib/apk/db/installed") == std::set<std::string>{});
}

TEST_CASE("apk: files are checked against the SHA-1 digests of the Z lines", "[scanner][apk]") {
  auto root = kensa::testing::scratch_dir("apk-digests");
  using kensa::model::HashAlgorithm;
  using kensa::testing::os::scan_folder_with_digests;
  using kensa::testing::os::write_file;
  write_file(root, "lib/apk/db/installed",
             kensa::testing::read_file(fixture("apk/alpine-3.20/lib/apk/db/installed")));
  // Empty stand-ins for the real files: none is what apk installed.
  write_file(root, "bin/busybox", "");
  write_file(root, "lib/libz.so.1.3.1", "");
  write_file(root, "usr/share/udhcpc/default.script", "");
  auto scan = scan_folder_with_digests(root, {"apk"}, {HashAlgorithm::sha1});
  const auto& subject = *scan.document.metadata.subject;
  CHECK(property(subject, "kensa:files:digests-verified") == "0");
  CHECK(property(subject, "kensa:files:digests-modified") == "3");
  // The Z lines' "Q1" + base64, decoded with base64 -d | xxd -p; the SHA-1
  // of an empty file.
  CHECK(has_warning(scan.warnings(),
                    {"bin/busybox: differs from the SHA-1 digest package busybox recorded",
                     "recorded cabb8c59fff147813b4ab4feb08dbce348445909",
                     "found da39a3ee5e6b4b0d3255bfef95601890afd80709"}));
  CHECK(has_warning(scan.warnings(),
                    {"lib/libz.so.1.3.1: differs from the SHA-1 digest package zlib recorded",
                     "recorded a85ac60762017d7ffffa98382ad4a3d8afdd7f18"}));
  CHECK(has_warning(scan.warnings(), {"usr/share/udhcpc/default.script: differs",
                                      "recorded 1d6a46dde403f14a22e2692cd84dd24af3805216"}));
}
