// The rpm scanner on real rpm databases made by rpm (SQLite), Berkeley DB
// (Packages) and write-ndb.py (Packages.db) from three small packages built
// with rpmbuild (tests/fixtures/rpm, see the README there), and on hostile
// input.
#include "../../../src/scanners/rpm/header.hpp"
#include "../../../src/scanners/rpm/rpm_package.hpp"
#include "../../support/test_support.hpp"
#include "../os_release/os_test_support.hpp"

#include <catch2/catch.hpp>

using kensa::testing::fixture;
using kensa::testing::property;
using kensa::testing::read_file;
using kensa::testing::os::file;
using kensa::testing::os::has_warning;
using kensa::testing::os::OsScan;
using kensa::testing::os::scan_files;
using kensa::testing::os::scan_folder;

namespace {

struct Expected {
  const char* folder;
  const char* vendor;
  const char* distro;
};

void check_database(const Expected& expected) {
  INFO(expected.folder);
  auto scan = scan_folder(fixture(std::string("rpm/") + expected.folder), {"rpm", "os-release"});
  CHECK(scan.warnings().empty());
  std::string prefix = std::string("pkg:rpm/") + expected.vendor + "/";
  std::string distro = std::string("&distro=") + expected.distro;
  std::string base = prefix + "kensa-base@1.0-1?arch=noarch" + distro +
                     "&epoch=2&upstream=kensa-base-1.0-1.src.rpm";
  std::string tool = prefix + "kensa-tool@2.1-3.fc40?arch=noarch" + distro +
                     "&upstream=kensa-tool-2.1-3.fc40.src.rpm";
  std::string lib =
      prefix + "kensa-lib@0.9.1-7?arch=noarch" + distro + "&upstream=kensa-lib-0.9.1-7.src.rpm";
  CHECK(scan.purls("rpm") == std::set<std::string>{base, tool, lib});

  const auto& kensa_base = scan.component(base);
  CHECK(kensa_base.name == "kensa-base");
  CHECK(kensa_base.version == "2:1.0-1");
  CHECK(kensa_base.supplier.name == "Kensa Fixtures");
  CHECK(kensa_base.supplier.is_organization);
  REQUIRE(kensa_base.licenses_declared.size() == 1);
  CHECK(kensa_base.licenses_declared[0].expression == "MIT");
  CHECK(kensa_base.description == "Base files for the kensa rpm fixtures");
  CHECK(kensa_base.cpes == std::vector<std::string>{std::string("cpe:2.3:a:") + expected.vendor +
                                                    ":kensa-base:1.0-1:*:*:*:*:*:*:*"});
  CHECK(property(kensa_base, "kensa:rpm:files") == "2");
  CHECK(property(kensa_base, "kensa:rpm:file-digests") == "2");
  CHECK(property(kensa_base, "kensa:rpm:file-digest-algorithm") == "SHA-256");
  CHECK(property(kensa_base, "kensa:rpm:size") == "4");
  CHECK(kensa_base.evidence.at(0).found_by == "rpm");

  // Packager's address is the vendor's contact; the text is kept whole.
  CHECK(kensa_base.supplier.email == "fixtures@kensa.invalid");
  CHECK(property(kensa_base, "kensa:rpm:packager") == "Kensa Fixtures <fixtures@kensa.invalid>");
  CHECK(kensa_base.authors.empty());
  // The header's digests, as `rpm -q --qf '%{SIGMD5} %{SHA1HEADER}
  // %{SHA256HEADER} %{PAYLOADDIGEST} %{PAYLOADDIGESTALT}'` prints them for
  // the package. They cover parts of the .rpm file, not the file, so they
  // are properties and the component has no hash.
  CHECK(property(kensa_base, "kensa:rpm:sigmd5") == "92ac4f58d19e2d6874f9bb69f4a97e9e");
  CHECK(property(kensa_base, "kensa:rpm:sha1header") == "77dd84d2d7c12d53ebe8cc58d4c6a6bd4d31ab72");
  CHECK(property(kensa_base, "kensa:rpm:sha256header") ==
        "acdc8bfd96f0ac569c4f148d4d9ac8cac02573fc69a724ce3b8469bb327ef7e7");
  CHECK(property(kensa_base, "kensa:rpm:payloaddigest") ==
        "46794745a0f8b29af87ca08e2c11ca952442ec4c635fed803c78be1d9e4144af");
  CHECK(property(kensa_base, "kensa:rpm:payloaddigestalt") ==
        "e15d10a5a2d1e182874066689c7a268f912641f42032ed7beb81b5cf7a086679");
  CHECK(property(kensa_base, "kensa:rpm:payloaddigest-algorithm") == "SHA-256");
  CHECK(kensa_base.hashes.empty());
  // No Packager: the vendor alone, without a contact.
  CHECK(scan.component(lib).supplier.name == "Kensa Fixtures");
  CHECK(scan.component(lib).supplier.email.empty());
  CHECK(property(scan.component(lib), "kensa:rpm:packager").empty());
  CHECK(property(scan.component(lib), "kensa:rpm:sha256header") ==
        "80e2e7fa3440fe563b7b2946ade61187d84531053965965ce1f560c18de3197d");

  // "ASL 2.0", the old Fedora name, maps; "GPL-2.0-or-later" is SPDX already.
  CHECK(scan.component(lib).licenses_declared.at(0).expression == "Apache-2.0");
  CHECK(scan.component(tool).licenses_declared.at(0).expression == "GPL-2.0-or-later");

  // kensa-tool requires a virtual package, a file and kensa-lib, which
  // requires kensa-tool back.
  CHECK(scan.depends_on(tool) == std::set<std::string>{base, lib});
  CHECK(scan.depends_on(lib) == std::set<std::string>{tool});
  CHECK(scan.depends_on(base).empty());
}

} // namespace

TEST_CASE("rpm: SQLite database (rpmdb.sqlite, WAL mode)", "[scanner][rpm]") {
  check_database({"rhel-9", "redhat", "rhel-9.4"});
  auto scan = scan_folder(fixture("rpm/rhel-9"), {"rpm", "os-release"});
  const auto* os = scan.named("rhel");
  REQUIRE(os != nullptr);
  CHECK(os->cpes ==
        std::vector<std::string>{"cpe:2.3:o:redhat:enterprise_linux:9:*:baseos:*:*:*:*:*"});
}

TEST_CASE("rpm: Berkeley DB hash database (Packages)", "[scanner][rpm]") {
  check_database({"centos-7", "centos", "centos-7"});
}

TEST_CASE("rpm: NDB database (Packages.db)", "[scanner][rpm]") {
  check_database({"opensuse-leap-15.5", "opensuse", "opensuse-leap-15.5"});
}

TEST_CASE("rpm: without os-release the vendor decides, or there is no purl", "[scanner][rpm]") {
  auto contents = read_file(fixture("rpm/rhel-9/var/lib/rpm/rpmdb.sqlite"));
  auto scan = scan_files("rpm", {file("var/lib/rpm/rpmdb.sqlite", contents)});
  CHECK(scan.purls("rpm") == std::set<std::string>{""});
  CHECK(scan.document.components.size() == 3);
  CHECK(has_warning(scan.warnings(), {"var/lib/rpm/rpmdb.sqlite", "3 package(s) have no purl"}));
}

TEST_CASE("rpm: one database per root, the current format first", "[scanner][rpm]") {
  auto sqlite = read_file(fixture("rpm/rhel-9/var/lib/rpm/rpmdb.sqlite"));
  auto scan = scan_files("rpm", {file("etc/os-release", "ID=fedora\nVERSION_ID=40\n"),
                                 file("var/lib/rpm/Packages", "stale and broken"),
                                 file("usr/lib/sysimage/rpm/rpmdb.sqlite", sqlite)});
  CHECK(scan.warnings().empty());
  CHECK(scan.purls("rpm").size() == 3);
  CHECK(scan.find("pkg:rpm/fedora/kensa-lib@0.9.1-7?arch=noarch&distro=fedora-40&upstream=kensa-"
                  "lib-0.9.1-7.src.rpm") != nullptr);
}

TEST_CASE("rpm: garbage databases give warnings, not crashes", "[scanner][rpm]") {
  std::string garbage;
  for (int i = 0; i < 65536; ++i) {
    garbage += static_cast<char>((i * 7919 + 17) % 256);
  }
  for (const char* path :
       {"var/lib/rpm/Packages", "var/lib/rpm/Packages.db", "var/lib/rpm/rpmdb.sqlite"}) {
    INFO(path);
    auto scan = scan_files("rpm", {file(path, garbage)});
    CHECK(scan.document.components.empty());
    CHECK(has_warning(scan.warnings(), {path, "cannot read the rpm database"}));
  }
}

TEST_CASE("rpm: damaged real databases", "[scanner][rpm]") {
  SECTION("a truncated SQLite file") {
    auto sqlite = read_file(fixture("rpm/rhel-9/var/lib/rpm/rpmdb.sqlite"));
    auto scan = scan_files("rpm", {file("var/lib/rpm/rpmdb.sqlite", sqlite.substr(0, 8192))});
    CHECK_FALSE(scan.warnings().empty());
  }
  SECTION("Berkeley DB pages overwritten") {
    auto bdb = read_file(fixture("rpm/centos-7/var/lib/rpm/Packages"));
    for (std::size_t at = 4096 + 26; at + 4 < bdb.size(); at += 97) {
      bdb[at] = static_cast<char>(bdb[at] ^ 0x5a);
    }
    auto scan = scan_files("rpm", {file("var/lib/rpm/Packages", bdb)});
    CHECK_FALSE(scan.warnings().empty());
  }
  SECTION("an overflow chain that loops") {
    auto bdb = read_file(fixture("rpm/centos-7/var/lib/rpm/Packages"));
    auto le32 = [&](std::size_t at) {
      std::uint32_t value = 0;
      for (std::size_t i = 0; i < 4; ++i) {
        value |= static_cast<std::uint32_t>(static_cast<unsigned char>(bdb[at + i])) << (8 * i);
      }
      return value;
    };
    auto set_le32 = [&](std::size_t at, std::uint32_t value) {
      for (std::size_t i = 0; i < 4; ++i) {
        bdb[at + i] = static_cast<char>((value >> (8 * i)) & 0xff);
      }
    };
    // Every off-page item claims more bytes than its page holds, and every
    // overflow page names itself as the next one.
    std::size_t changed = 0;
    for (std::size_t start = 4096; start + 4096 <= bdb.size(); start += 4096) {
      auto type = static_cast<unsigned char>(bdb[start + 25]);
      if (type == 7) {
        set_le32(start + 16, static_cast<std::uint32_t>(start / 4096));
      }
      if (type != 13) {
        continue;
      }
      std::size_t entries = static_cast<unsigned char>(bdb[start + 20]) |
                            static_cast<std::size_t>(static_cast<unsigned char>(bdb[start + 21]))
                                << 8;
      for (std::size_t index = 1; index < entries; index += 2) {
        std::size_t item =
            start +
            (static_cast<unsigned char>(bdb[start + 26 + index * 2]) |
             static_cast<std::size_t>(static_cast<unsigned char>(bdb[start + 27 + index * 2]))
                 << 8);
        if (static_cast<unsigned char>(bdb[item]) == 3 && le32(item + 8) < 20000) {
          set_le32(item + 8, 20000);
          ++changed;
        }
      }
    }
    REQUIRE(changed == 3);
    auto scan = scan_files("rpm", {file("var/lib/rpm/Packages", bdb)});
    CHECK(scan.document.components.empty());
    CHECK(has_warning(scan.warnings(), {"var/lib/rpm/Packages", "loops"}));
  }
  SECTION("an NDB blob with a bad checksum") {
    auto ndb = read_file(fixture("rpm/opensuse-leap-15.5/usr/lib/sysimage/rpm/Packages.db"));
    ndb[4096 + 40] = static_cast<char>(ndb[4096 + 40] ^ 1);
    auto scan = scan_files("rpm", {file("usr/lib/sysimage/rpm/Packages.db", ndb)});
    CHECK(scan.document.components.size() == 2);
    CHECK(has_warning(scan.warnings(), {"Packages.db", "package 1: bad blob tail or checksum"}));
  }
}

TEST_CASE("rpm: header blobs are bounds-checked", "[scanner][rpm]") {
  using kensa::scanner::rpm::RpmHeader;
  auto be32 = [](std::uint32_t value) {
    std::string bytes(4, '\0');
    for (int i = 0; i < 4; ++i) {
      bytes[static_cast<std::size_t>(i)] = static_cast<char>((value >> (24 - 8 * i)) & 0xff);
    }
    return bytes;
  };
  auto entry = [&](std::uint32_t tag, std::uint32_t type, std::uint32_t offset,
                   std::uint32_t count) {
    return be32(tag) + be32(type) + be32(offset) + be32(count);
  };

  std::string good = be32(2) + be32(10) + entry(1000, 6, 0, 1) + entry(1003, 4, 4, 1) +
                     std::string("abc\0", 4) + be32(7) + std::string(2, '\0');
  auto header = RpmHeader::parse(good);
  REQUIRE(header.ok());
  CHECK(header->string(1000) == "abc");
  CHECK(header->integer(1003) == 7u);

  CHECK_FALSE(RpmHeader::parse("").ok());
  CHECK_FALSE(RpmHeader::parse(be32(0) + be32(0)).ok());
  CHECK_FALSE(RpmHeader::parse(be32(0x10000) + be32(0)).ok());
  CHECK_FALSE(RpmHeader::parse(be32(1) + be32(0x7fffffff) + entry(1000, 6, 0, 1)).ok());
  // An offset past the data, a string without its NUL, too many integers,
  // too many strings, an unknown type.
  CHECK_FALSE(RpmHeader::parse(be32(1) + be32(4) + entry(1000, 6, 9, 1) + "abc").ok());
  CHECK_FALSE(RpmHeader::parse(be32(1) + be32(3) + entry(1000, 6, 0, 1) + "abc").ok());
  CHECK_FALSE(RpmHeader::parse(be32(1) + be32(4) + entry(1003, 4, 0, 2) + "abcd").ok());
  CHECK_FALSE(
      RpmHeader::parse(be32(1) + be32(4) + entry(1047, 8, 0, 0xffffffff) + std::string(4, '\0'))
          .ok());
  CHECK_FALSE(RpmHeader::parse(be32(1) + be32(4) + entry(1000, 42, 0, 1) + "abcd").ok());

  // Header digests that are not what their tag says are left out: a
  // SIGMD5 of 3 bytes, a SHA256HEADER that is not hex, a PAYLOADDIGEST of
  // the wrong length for its algorithm, an unknown payload algorithm.
  std::string data = std::string("n\0", 2) + std::string("1\0", 2) +
                     std::string("\x01\x02\x03", 3) + std::string(64, 'g') + std::string(1, '\0') +
                     std::string(40, 'a') + std::string(1, '\0');
  std::string odd = be32(5) + be32(static_cast<std::uint32_t>(data.size())) + entry(1000, 6, 0, 1) +
                    entry(1001, 6, 2, 1) + entry(261, 7, 4, 3) + entry(273, 6, 7, 1) +
                    entry(5092, 6, 72, 1) + data;
  auto parsed = RpmHeader::parse(odd);
  REQUIRE(parsed.ok());
  auto package = kensa::scanner::rpm::read_package(*parsed);
  REQUIRE(package.ok());
  CHECK(package->sigmd5.empty());
  CHECK(package->sha256_header.empty());
  CHECK(package->payload_digest.empty());
  CHECK(package->payload_digest_algorithm.empty());
}

TEST_CASE("rpm: ownership from the header file lists", "[scanner][rpm]") {
  auto root = kensa::testing::scratch_dir("rpm-ownership");
  using kensa::testing::os::write_file;
  write_file(root, "usr/lib/sysimage/rpm/Packages.db",
             read_file(fixture("rpm/opensuse-leap-15.5/usr/lib/sysimage/rpm/Packages.db")));
  write_file(root, "etc/os-release", "ID=\"opensuse-leap\"\nVERSION_ID=\"15.5\"\n");
  write_file(root, "usr/share/kensa-base/a.txt", "a\n");
  write_file(root, "usr/share/kensa-tool/tool.txt", "tool\n");
  write_file(root, "usr/share/kensa-tool/extra.txt", "dropped in\n");
  auto scan = scan_folder(root, {"rpm"}, true);
  CHECK(scan.warnings().empty());
  CHECK(scan.owners("usr/share/kensa-base/a.txt") == std::set<std::string>{"kensa-base"});
  CHECK(scan.owners("usr/share/kensa-tool/tool.txt") == std::set<std::string>{"kensa-tool"});
  CHECK(scan.owners("usr/share/kensa-tool/extra.txt") == std::set<std::string>{});
}

TEST_CASE("rpm: files are checked against the digests the headers recorded", "[scanner][rpm]") {
  auto root = kensa::testing::scratch_dir("rpm-digests");
  using kensa::testing::os::write_file;
  write_file(root, "var/lib/rpm/rpmdb.sqlite",
             read_file(fixture("rpm/rhel-9/var/lib/rpm/rpmdb.sqlite")));
  write_file(root, "etc/os-release", "ID=\"rhel\"\nVERSION_ID=\"9.4\"\n");
  // What the specs install (tests/fixtures/rpm/specs), except b.txt.
  write_file(root, "usr/share/kensa-base/a.txt", "a\n");
  write_file(root, "usr/share/kensa-base/b.txt", "changed\n");
  write_file(root, "usr/share/kensa-tool/tool.txt", "tool\n");
  auto scan = scan_folder(root, {"rpm"}, true);
  const auto& subject = *scan.document.metadata.subject;
  CHECK(property(subject, "kensa:files:digests-verified") == "2");
  CHECK(property(subject, "kensa:files:digests-modified") == "1");
  // sha256sum of "b\n" and of "changed\n".
  CHECK(has_warning(
      scan.warnings(),
      {"usr/share/kensa-base/b.txt: differs from the SHA-256 digest package kensa-base recorded",
       "recorded 0263829989b6fd954f72baaf2fc64bc2e2f01d692d4de72986ea808f6e99813f",
       "found 7f8b1dfc466b6249f06cbe55c9174df2578e7754da793fded244ef5cba2a38f1"}));
}
