// Loose .deb files: a Debian package built here with dpkg-deb from the real
// zlib1g stanza and copyright file of the fixture
// (tests/fixtures/dpkg/debian-12), read through the source layer, which opens
// the .deb and its control and data tarballs.
#include "../../support/test_support.hpp"
#include "../os_release/os_test_support.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <sstream>

using kensa::testing::fixture;
using kensa::testing::property;
using kensa::testing::read_file;
using kensa::testing::os::has_warning;
using kensa::testing::os::OsScan;
using kensa::testing::os::scan_folder;
using kensa::testing::os::write_file;
namespace fs = std::filesystem;

namespace {

bool have(const char* tool) {
  return std::system((std::string("command -v ") + tool + " >/dev/null 2>&1").c_str()) == 0;
}

// The zlib1g stanza of the fixture's status file, without its Status field
// (a package's control file has none).
std::string zlib_control() {
  std::istringstream status(read_file(fixture("dpkg/debian-12/var/lib/dpkg/status")));
  std::string control;
  bool in_stanza = false;
  for (std::string line; std::getline(status, line);) {
    if (line == "Package: zlib1g") {
      in_stanza = true;
    } else if (in_stanza && line.empty()) {
      break;
    }
    if (in_stanza && !line.starts_with("Status:")) {
      control += line + "\n";
    }
  }
  return control;
}

void build_deb(const fs::path& root, const std::string& compression) {
  fs::path pkg = root / "pkg";
  write_file(pkg, "DEBIAN/control", zlib_control());
  write_file(pkg, "usr/lib/x86_64-linux-gnu/libz.so.1.2.13", "stands in for the library\n");
  write_file(pkg, "usr/share/doc/zlib1g/copyright",
             read_file(fixture("dpkg/debian-12/usr/share/doc/zlib1g/copyright")));
  std::string command = "cd '" + pkg.string() +
                        "' && find usr -type f | sort | xargs md5sum > DEBIAN/md5sums && cd .. && "
                        "dpkg-deb --root-owner-group -Z" +
                        compression + " --build pkg dist/zlib1g_1.2.13_amd64.deb >/dev/null";
  fs::create_directories(root / "dist");
  REQUIRE(std::system(command.c_str()) == 0);
}

constexpr const char* k_zlib_purl =
    "pkg:deb/debian/zlib1g@1:1.2.13.dfsg-1?arch=amd64&upstream=zlib";

} // namespace

TEST_CASE("dpkg: a loose .deb file is read from its control data", "[scanner][dpkg]") {
  if (!have("dpkg-deb")) {
    WARN("dpkg-deb is not installed (scripts/setup.sh installs it); test skipped");
    return;
  }
  for (const char* compression : {"xz", "gzip", "zstd"}) {
    INFO(compression);
    fs::path root = kensa::testing::scratch_dir(std::string("dpkg-loose-deb-") + compression);
    build_deb(root, compression);
    auto scan = scan_folder(root / "dist", {"dpkg"}, true);
    CHECK(scan.warnings().empty());
    REQUIRE(scan.purls("deb") == std::set<std::string>{k_zlib_purl});
    const auto& zlib = scan.component(k_zlib_purl);
    CHECK(zlib.version == "1:1.2.13.dfsg-1");
    CHECK(zlib.supplier.name == "Mark Brown");
    REQUIRE(zlib.licenses_concluded.size() == 1);
    CHECK(zlib.licenses_concluded[0].expression == "Zlib");
    REQUIRE(zlib.evidence.size() == 1);
    std::string control_tar =
        std::string("control.tar") + (std::string(compression) == "gzip" ? ".gz"
                                      : std::string(compression) == "xz" ? ".xz"
                                                                         : ".zst");
    // Not an installed package: the .deb file, found as such.
    CHECK(zlib.evidence[0].location == "zlib1g_1.2.13_amd64.deb");
    CHECK(zlib.evidence[0].found_by == "deb-file");
    CHECK(property(zlib, "kensa:dpkg:md5sums") == "2");

    // The files of the data tarball belong to the package.
    std::string data_tar = "data.tar" + control_tar.substr(11);
    CHECK(scan.owners("zlib1g_1.2.13_amd64.deb!/" + data_tar +
                      "!/usr/lib/x86_64-linux-gnu/libz.so.1.2.13") ==
          std::set<std::string>{"zlib1g"});
    CHECK(scan.owners("zlib1g_1.2.13_amd64.deb!/" + data_tar +
                      "!/usr/share/doc/zlib1g/copyright") == std::set<std::string>{"zlib1g"});
  }
}

TEST_CASE("dpkg: a broken control file in a .deb gives a warning", "[scanner][dpkg]") {
  if (!have("dpkg-deb")) {
    WARN("dpkg-deb is not installed (scripts/setup.sh installs it); test skipped");
    return;
  }
  fs::path root = kensa::testing::scratch_dir("dpkg-loose-deb-broken");
  // A control file without Version, which only --nocheck lets dpkg-deb pack.
  std::string control = zlib_control();
  auto at = control.find("Version:");
  control.erase(at, control.find('\n', at) + 1 - at);
  write_file(root / "pkg", "DEBIAN/control", control);
  write_file(root / "pkg", "usr/share/doc/zlib1g/copyright", "x\n");
  fs::create_directories(root / "dist");
  std::string command = "cd '" + root.string() +
                        "' && dpkg-deb --nocheck --root-owner-group -Zgzip --build pkg "
                        "dist/broken.deb >/dev/null 2>&1";
  REQUIRE(std::system(command.c_str()) == 0);
  auto scan = scan_folder(root / "dist", {"dpkg"});
  CHECK(scan.purls("deb").empty());
  CHECK(has_warning(scan.warnings(), {"broken.deb!/control.tar.gz!/control", "no Version"}));
}
