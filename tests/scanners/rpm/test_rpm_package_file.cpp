// Loose .rpm files: packages built here with rpmbuild from the fixture specs
// (tests/fixtures/rpm/specs), read from their header.
#include "../../../src/scanners/rpm/rpm_file.hpp"
#include "../../support/test_support.hpp"
#include "../os_release/os_test_support.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>

using kensa::testing::fixture;
using kensa::testing::property;
using kensa::testing::read_file;
using kensa::testing::os::file;
using kensa::testing::os::has_warning;
using kensa::testing::os::OsScan;
using kensa::testing::os::scan_files;
using kensa::testing::os::scan_folder;
using kensa::testing::os::write_file;
namespace fs = std::filesystem;

namespace {

bool have_rpmbuild() {
  return std::system("command -v rpmbuild >/dev/null 2>&1") == 0;
}

// Builds kensa-base from its fixture spec, with `vendor` as its Vendor
// (none when empty); returns the .rpm.
fs::path build_rpm(const fs::path& root, const std::string& vendor) {
  std::string spec = read_file(fixture("rpm/specs/kensa-base.spec"));
  auto at = spec.find("Vendor:");
  spec.replace(at, spec.find('\n', at) - at, vendor.empty() ? "" : "Vendor: " + vendor);
  write_file(root, "kensa-base.spec", spec);
  std::string command = "cd '" + root.string() +
                        "' && rpmbuild -bb --quiet --define \"_topdir $PWD/rpm\" "
                        "kensa-base.spec >build.log 2>&1 && mkdir -p dist && "
                        "cp rpm/RPMS/noarch/kensa-base-1.0-1.noarch.rpm dist/";
  REQUIRE(std::system(command.c_str()) == 0);
  return root / "dist/kensa-base-1.0-1.noarch.rpm";
}

constexpr const char* k_rpm_purl =
    "pkg:rpm/redhat/kensa-base@1.0-1?arch=noarch&epoch=2&upstream=kensa-base-1.0-1.src.rpm";

} // namespace

TEST_CASE("rpm: a loose .rpm file is read from its header", "[scanner][rpm]") {
  if (!have_rpmbuild()) {
    WARN("rpmbuild is not installed (scripts/setup.sh installs it); test skipped");
    return;
  }
  fs::path root = kensa::testing::scratch_dir("rpm-package-file");
  fs::path rpm = build_rpm(root, "Red Hat, Inc.");
  auto scan = scan_folder(root / "dist", {"rpm"}, true);
  CHECK(scan.warnings().empty());
  REQUIRE(scan.purls("rpm") == std::set<std::string>{k_rpm_purl});
  const auto& base = scan.component(k_rpm_purl);
  CHECK(base.version == "2:1.0-1");
  REQUIRE(base.licenses_declared.size() == 1);
  CHECK(base.licenses_declared[0].expression == "MIT");
  CHECK(base.evidence.at(0).location == "kensa-base-1.0-1.noarch.rpm");
  CHECK(property(base, "kensa:rpm:files") == "2");
  // The payload's files, which the source layer reads from the cpio inside,
  // belong to the package.
  CHECK(scan.owners("kensa-base-1.0-1.noarch.rpm!/usr/share/kensa-base/a.txt") ==
        std::set<std::string>{"kensa-base"});

  SECTION("an rpm inside an archive") {
    std::string command = "cd '" + (root / "dist").string() + "' && tar -czf ../repo.tar.gz .";
    REQUIRE(std::system(command.c_str()) == 0);
    auto nested = scan_folder(root / "repo.tar.gz", {"rpm"});
    REQUIRE(nested.purls("rpm") == std::set<std::string>{k_rpm_purl});
    CHECK(nested.component(k_rpm_purl).evidence.at(0).location ==
          "repo.tar.gz!/kensa-base-1.0-1.noarch.rpm");
  }

  SECTION("the header's payload digest is a property, not the file's hash") {
    // What rpm itself reads from the package file.
    std::string command = "rpm -qp --qf '%{PAYLOADDIGEST}' '" + rpm.string() + "' >'" +
                          (root / "payload.txt").string() + "' 2>/dev/null";
    REQUIRE(std::system(command.c_str()) == 0);
    std::string payload = read_file(root / "payload.txt");
    REQUIRE(payload.size() == 64);
    CHECK(property(base, "kensa:rpm:payloaddigest") == payload);
    CHECK(property(base, "kensa:rpm:payloaddigest-algorithm") == "SHA-256");
    // A package file keeps the header digests in its signature header,
    // which kensa does not read.
    CHECK(property(base, "kensa:rpm:sha256header").empty());
    for (const auto& hash : base.hashes) {
      CHECK(hash.hex != payload);
    }
  }

  SECTION("without a Vendor the Packager supplies the package") {
    fs::path other = kensa::testing::scratch_dir("rpm-package-file-packager");
    build_rpm(other, "");
    auto packaged = scan_folder(other / "dist", {"rpm"});
    const auto* component = packaged.named("kensa-base");
    REQUIRE(component != nullptr);
    CHECK(component->supplier.name == "Kensa Fixtures");
    CHECK(component->supplier.email == "fixtures@kensa.invalid");
    CHECK_FALSE(component->supplier.is_organization);
  }

  SECTION("a vendor kensa does not know gives no purl, with a warning") {
    fs::path other = kensa::testing::scratch_dir("rpm-package-file-vendor");
    build_rpm(other, "Kensa Fixtures");
    auto unknown = scan_folder(other / "dist", {"rpm"});
    REQUIRE(unknown.named("kensa-base") != nullptr);
    CHECK(unknown.named("kensa-base")->purl.empty());
    CHECK(has_warning(unknown.warnings(), {"kensa-base-1.0-1.noarch.rpm", "no purl"}));
  }
}

TEST_CASE("rpm: damaged .rpm files give warnings naming the file", "[scanner][rpm]") {
  // The lead's magic, then nothing that makes sense.
  std::string lead("\xed\xab\xee\xdb", 4);
  auto short_file = scan_files("rpm", {file("a.rpm", lead + std::string(200, '\0'))});
  CHECK(has_warning(short_file.warnings(), {"a.rpm", "cannot read the rpm package header"}));
  // A signature header claiming more data than the file holds.
  std::string huge = lead + std::string(92, '\0') + "\x8e\xad\xe8\x01" + std::string(4, '\0') +
                     std::string("\x00\x00\x00\x01\x00\x10\x00\x00", 8);
  auto truncated = scan_files("rpm", {file("b.rpm", huge)});
  CHECK(has_warning(truncated.warnings(), {"b.rpm", "runs past the end of the file"}));
  // Named like a package, but not one: not read, no warning.
  auto text = scan_files("rpm", {file("notes.rpm", "just text")});
  CHECK(text.warnings().empty());
  CHECK(kensa::scanner::rpm::is_rpm_file(lead));
  CHECK_FALSE(kensa::scanner::rpm::package_header_blob(lead).ok());
}
