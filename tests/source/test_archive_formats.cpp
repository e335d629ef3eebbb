// Every archive kind kensa opens, each built here from real files by the
// real tool, scanned end to end: the npm lockfile inside must be found, with
// the path through the nesting as its evidence.
#include "../support/test_support.hpp"
#include "source_test_support.hpp"

#include <catch2/catch.hpp>

#include <filesystem>

using namespace kensa;
namespace fs = std::filesystem;
using testing::shell;

namespace {

constexpr const char* k_app = "pkg:npm/kensa-fixture-app@1.0.0";

// A folder `name` under a fresh scratch folder, holding app/package-lock.json.
fs::path payload(const std::string& test) {
  auto root = testing::scratch_dir(test);
  testing::write_text(root / "payload/app/package-lock.json", testing::npm_lockfile());
  return root / "payload";
}

void check_found(const fs::path& input, const std::string& location) {
  INFO(input.string());
  auto document = testing::scan_with_npm(input);
  for (const auto& diagnostic : document.diagnostics) {
    UNSCOPED_INFO(diagnostic.location + ": " + diagnostic.message);
  }
  CHECK(testing::locations_of(document, testing::k_ms) == std::vector<std::string>{location});
  CHECK(testing::locations_of(document, k_app) == std::vector<std::string>{location});
  CHECK(document.diagnostics.empty());
}

} // namespace

TEST_CASE("archives: tar, plain and with every compression", "[source][archive]") {
  auto dir = payload("archive-tar");
  struct Case {
    const char* file;
    const char* command;
  };
  for (const Case& c : {
           Case{"release.tar", "tar -cf ../release.tar app"},
           Case{"release.tar.gz", "tar -czf ../release.tar.gz app"},
           Case{"release.tgz", "tar -cf - app | gzip -9 > ../release.tgz"},
           Case{"release.tar.bz2", "tar -cjf ../release.tar.bz2 app"},
           Case{"release.tar.xz", "tar -cJf ../release.tar.xz app"},
           Case{"release.tar.zst", "tar -cf - app | zstd -q -o ../release.tar.zst"},
           Case{"release.tar.lz4", "tar -cf - app | lz4 -q -z > ../release.tar.lz4"},
       }) {
    shell(dir, c.command);
    check_found(dir.parent_path() / c.file, std::string(c.file) + "!/app/package-lock.json");
  }
}

TEST_CASE("archives: zip and the zip-based package formats", "[source][archive]") {
  auto dir = payload("archive-zip");
  for (const char* file :
       {"release.zip", "x.jar", "x.war", "x.ear", "x.aar", "x-1.0-py3-none-any.whl", "x.egg",
        "x.1.0.nupkg", "android.apk", "x.vsix"}) {
    shell(dir, std::string("zip -qr '../") + file + "' app");
    check_found(dir.parent_path() / file, std::string(file) + "!/app/package-lock.json");
  }
}

TEST_CASE("archives: detected by content, not by name", "[source][archive]") {
  auto dir = payload("archive-misnamed");
  shell(dir, "zip -qr ../release.bin app && tar -czf ../data.txt app");
  check_found(dir.parent_path() / "release.bin", "release.bin!/app/package-lock.json");
  check_found(dir.parent_path() / "data.txt", "data.txt!/app/package-lock.json");
}

TEST_CASE("archives: 7z and ISO 9660", "[source][archive]") {
  auto dir = payload("archive-7z-iso");
  shell(dir, "7zz a -bd -y ../release.7z app");
  check_found(dir.parent_path() / "release.7z", "release.7z!/app/package-lock.json");
  shell(dir, "genisoimage -quiet -R -o ../release.iso .");
  check_found(dir.parent_path() / "release.iso", "release.iso!/app/package-lock.json");
}

TEST_CASE("archives: Debian package (ar holding control and data tarballs)", "[source][archive]") {
  auto root = testing::scratch_dir("archive-deb");
  // Not under node_modules: npm itself ignores lockfiles there.
  testing::write_text(root / "pkg/usr/share/app/package-lock.json", testing::npm_lockfile());
  testing::write_text(root / "pkg/DEBIAN/control", "Package: kensa-fixture\nVersion: 1.0\n"
                                                   "Architecture: all\nMaintainer: kensa "
                                                   "<kensa@example.org>\nDescription: fixture\n");
  shell(root, "dpkg-deb --root-owner-group -Zxz --build pkg app_1.0_all.deb");
  check_found(root / "app_1.0_all.deb",
              "app_1.0_all.deb!/data.tar.xz!/usr/share/app/package-lock.json");
}

TEST_CASE("archives: RPM package (header and cpio payload)", "[source][archive]") {
  auto root = testing::scratch_dir("archive-rpm");
  testing::write_text(root / "rpm/SOURCES/package-lock.json", testing::npm_lockfile());
  testing::write_text(root / "app.spec",
                      "Name: kensa-fixture\nVersion: 1.0\nRelease: 1\nSummary: fixture\n"
                      "License: MIT\nBuildArch: noarch\n\n%description\nfixture\n\n"
                      "%install\nmkdir -p %{buildroot}/usr/share/app\n"
                      "cp %{_sourcedir}/package-lock.json %{buildroot}/usr/share/app/\n\n"
                      "%files\n/usr/share/app/package-lock.json\n");
  shell(root, "rpmbuild -bb --quiet --define \"_topdir $PWD/rpm\" app.spec && "
              "cp rpm/RPMS/noarch/kensa-fixture-1.0-1.noarch.rpm app.rpm");
  check_found(root / "app.rpm", "app.rpm!/usr/share/app/package-lock.json");
}

TEST_CASE("archives: Alpine package (concatenated gzip tar streams)", "[source][archive]") {
  auto root = testing::scratch_dir("archive-alpine");
  testing::write_text(root / "pkg/.PKGINFO", "pkgname = kensa-fixture\npkgver = 1.0-r0\n");
  testing::write_text(root / "pkg/usr/lib/app/package-lock.json", testing::npm_lockfile());
  // Like abuild: the control segment is a tar cut before its end marker, each
  // segment gzipped on its own, the segments concatenated.
  shell(root / "pkg", "tar -b1 -cf ../control.tar .PKGINFO && "
                      "head -c -1024 ../control.tar | gzip -n > ../control.tar.gz && "
                      "tar -cf - usr | gzip -n > ../data.tar.gz && "
                      "cat ../control.tar.gz ../data.tar.gz > ../kensa-fixture-1.0-r0.apk");
  check_found(root / "kensa-fixture-1.0-r0.apk",
              "kensa-fixture-1.0-r0.apk!/usr/lib/app/package-lock.json");
}

TEST_CASE("archives: Ruby gem (a tar holding data.tar.gz)", "[source][archive]") {
  auto root = testing::scratch_dir("archive-gem");
  testing::write_text(root / "gem/data/package-lock.json", testing::npm_lockfile());
  testing::write_text(root / "gem/metadata", "--- !ruby/object:Gem::Specification\nname: x\n");
  shell(root / "gem", "tar -czf data.tar.gz -C data . && gzip -n metadata && "
                      "tar -cf ../x-1.0.gem metadata.gz data.tar.gz");
  check_found(root / "x-1.0.gem", "x-1.0.gem!/data.tar.gz!/package-lock.json");
}

TEST_CASE("archives: nested three deep (tar.gz, war, jar)", "[source][archive]") {
  auto root = testing::scratch_dir("archive-nested");
  testing::write_text(root / "jar/META-INF/package-lock.json", testing::npm_lockfile());
  fs::create_directories(root / "war/WEB-INF/lib");
  fs::create_directories(root / "release/app/lib");
  shell(root, "(cd jar && zip -qr ../war/WEB-INF/lib/y.jar .) && "
              "(cd war && zip -qr ../release/app/lib/x.war .) && "
              "tar -czf release.tar.gz -C release app");
  check_found(root / "release.tar.gz",
              "release.tar.gz!/app/lib/x.war!/WEB-INF/lib/y.jar!/META-INF/package-lock.json");

  SECTION("--max-depth stops the nesting with a warning") {
    scanner::ScanOptions options;
    options.source.limits.max_archive_depth = 2;
    auto document = testing::scan_with_npm(root / "release.tar.gz", options);
    CHECK(testing::locations_of(document, testing::k_ms).empty());
    CHECK(testing::has_diagnostic(document, "nested more than 2 deep"));
  }
}

TEST_CASE("archives: wheels in a zip, archives in a folder", "[source][archive]") {
  auto root = testing::scratch_dir("archive-in-folder");
  testing::write_text(root / "whl/app/package-lock.json", testing::npm_lockfile());
  testing::write_text(root / "scanned/plain/package-lock.json", testing::npm_lockfile());
  shell(root, "(cd whl && zip -qr ../x-1.0-py3-none-any.whl .) && "
              "zip -q scanned/dist.zip x-1.0-py3-none-any.whl");
  auto document = testing::scan_with_npm(root / "scanned");
  CHECK(testing::locations_of(document, testing::k_ms) ==
        std::vector<std::string>{"dist.zip!/x-1.0-py3-none-any.whl!/app/package-lock.json",
                                 "plain/package-lock.json"});
  CHECK(document.diagnostics.empty());
}

TEST_CASE("archives: a compressed archive that starts with incompressible data",
          "[source][archive]") {
  // The decompressor must produce 64 KiB (a whole block for bzip2) before the
  // tar inside can be seen; random bytes give no more out than in, so a
  // short compressed head cannot tell.
  auto root = testing::scratch_dir("archive-incompressible");
  testing::write_text(root / "payload/app/package-lock.json", testing::npm_lockfile());
  shell(root / "payload",
        "head -c 300000 /dev/urandom > app/a-random.bin && "
        "tar -czf ../release.tar.gz app/a-random.bin app/package-lock.json && "
        "tar -cjf ../release.tar.bz2 app/a-random.bin app/package-lock.json && "
        "head -c 300000 /dev/urandom | gzip -n > ../random.bin.gz && "
        "cd .. && mkdir outer && cp release.tar.gz release.tar.bz2 random.bin.gz outer/ && "
        "zip -q -0 outer.zip release.tar.gz release.tar.bz2 random.bin.gz");
  check_found(root / "release.tar.gz", "release.tar.gz!/app/package-lock.json");
  auto in_zip = testing::scan_with_npm(root / "outer.zip");
  CHECK(testing::locations_of(in_zip, testing::k_ms) ==
        std::vector<std::string>{"outer.zip!/release.tar.bz2!/app/package-lock.json",
                                 "outer.zip!/release.tar.gz!/app/package-lock.json"});
  // The gzipped random bytes are a plain file: no warning.
  CHECK(in_zip.diagnostics.empty());
  auto in_folder = testing::scan_with_npm(root / "outer");
  CHECK(testing::locations_of(in_folder, testing::k_ms) ==
        std::vector<std::string>{"release.tar.bz2!/app/package-lock.json",
                                 "release.tar.gz!/app/package-lock.json"});
  CHECK(in_folder.diagnostics.empty());
}
