#include "../../../src/scanners/common/distro/distro_index.hpp"
#include "../../../src/scanners/common/distro/os_release.hpp"
#include "os_test_support.hpp"

#include <catch2/catch.hpp>

using namespace kensa;
using namespace kensa::scanner::distro;
using kensa::testing::os::file;

TEST_CASE("os-release: fields, quoting and comments", "[scanner][os-release]") {
  auto release = parse_os_release("# a comment\n"
                                  "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\n"
                                  "NAME='Debian GNU/Linux'\n"
                                  "VERSION_ID=\"12\"\n"
                                  "VERSION=\"12 (bookworm)\"\n"
                                  "VERSION_CODENAME=bookworm\n"
                                  "ID=debian\n"
                                  "HOME_URL=\"https://www.debian.org/\"\n"
                                  "BUG_REPORT_URL=\"https://bugs.debian.org/\"\n"
                                  "VARIANT=\"say \\\"hi\\\" \\$HOME\"\n");
  REQUIRE(release.ok());
  CHECK(release->id == "debian");
  CHECK(release->version_id == "12");
  CHECK(release->name == "Debian GNU/Linux");
  CHECK(release->pretty_name == "Debian GNU/Linux 12 (bookworm)");
  CHECK(release->version_codename == "bookworm");
  CHECK(release->home_url == "https://www.debian.org/");
  CHECK(distro_qualifier(*release) == "debian-12");
  CHECK(os_cpe(*release) == "cpe:2.3:o:debian:debian_linux:12:*:*:*:*:*:*:*");
}

TEST_CASE("os-release: the distro qualifier per distribution", "[scanner][os-release]") {
  OsRelease alpine;
  alpine.id = "alpine";
  alpine.version_id = "3.20.2";
  CHECK(distro_qualifier(alpine) == "alpine-3.20");
  OsRelease rhel;
  rhel.id = "rhel";
  rhel.version_id = "9.4";
  rhel.cpe_name = "cpe:/o:redhat:enterprise_linux:9::baseos";
  CHECK(distro_qualifier(rhel) == "rhel-9.4");
  CHECK(os_cpe(rhel) == "cpe:2.3:o:redhat:enterprise_linux:9:*:baseos:*:*:*:*:*");
  OsRelease ubuntu;
  ubuntu.id = "ubuntu";
  ubuntu.version_id = "22.04";
  CHECK(distro_qualifier(ubuntu) == "ubuntu-22.04");
  CHECK(os_cpe(ubuntu) == "cpe:2.3:o:canonical:ubuntu_linux:22.04:*:*:*:*:*:*:*");
  OsRelease sid;
  sid.id = "debian";
  CHECK(distro_qualifier(sid) == "debian");
  CHECK(os_cpe(sid).empty());
  OsRelease unknown;
  unknown.id = "wolfi";
  unknown.version_id = "20230201";
  CHECK(os_cpe(unknown) == "cpe:2.3:o:wolfi:wolfi:20230201:*:*:*:*:*:*:*");
}

TEST_CASE("os-release: a missing ID means linux, bad files fail", "[scanner][os-release]") {
  auto bare = parse_os_release("NAME=Linux\n");
  REQUIRE(bare.ok());
  CHECK(bare->id == "linux");
  CHECK_FALSE(parse_os_release("").ok());
  CHECK_FALSE(parse_os_release(std::string("ID=de\0bian\n", 12)).ok());
  CHECK_FALSE(parse_os_release("ID=\"debian\n").ok());
  CHECK_FALSE(parse_os_release("just some words\n").ok());
  CHECK_FALSE(parse_os_release(std::string(k_max_release_file_size + 1, 'x')).ok());
}

TEST_CASE("os-release: the older release files", "[scanner][os-release]") {
  auto debian = parse_debian_version("12.5\n");
  REQUIRE(debian.ok());
  CHECK(debian->id == "debian");
  CHECK(debian->version_id == "12");
  CHECK(debian->version == "12.5");
  auto sid = parse_debian_version("trixie/sid\n");
  REQUIRE(sid.ok());
  CHECK(sid->version_id.empty());
  CHECK(sid->version == "trixie/sid");

  auto alpine = parse_alpine_release("3.20.2\n");
  REQUIRE(alpine.ok());
  CHECK(alpine->id == "alpine");
  CHECK(alpine->version_id == "3.20.2");
  CHECK_FALSE(parse_alpine_release("edge\n").ok());

  auto rhel = parse_redhat_release("Red Hat Enterprise Linux release 9.4 (Plow)\n");
  REQUIRE(rhel.ok());
  CHECK(rhel->id == "rhel");
  CHECK(rhel->version_id == "9.4");
  auto centos = parse_redhat_release("CentOS Linux release 7.9.2009 (Core)\n");
  REQUIRE(centos.ok());
  CHECK(centos->id == "centos");
  CHECK(centos->version_id == "7");
  CHECK(centos->version == "7.9.2009");
  auto fedora = parse_redhat_release("Fedora release 40 (Forty)");
  REQUIRE(fedora.ok());
  CHECK(distro_qualifier(*fedora) == "fedora-40");
  CHECK_FALSE(parse_redhat_release("Mystery OS release 1\n").ok());
}

TEST_CASE("os-release: the release file of the database's own root is used",
          "[scanner][os-release]") {
  std::vector<source::SourceFile> files{
      file("etc/os-release", "ID=debian\nVERSION_ID=12\n"),
      file("images/a/etc/os-release", "ID=ubuntu\nVERSION_ID=\"22.04\"\n"),
      file("images/a/etc/debian_version", "bookworm/sid\n"),
      file("images/b/usr/lib/os-release", "ID=alpine\nVERSION_ID=3.19.1\n"),
      file("images/b/etc/alpine-release", "3.19.1\n"),
      file("images/c/etc/redhat-release", "Rocky Linux release 9.3 (Blue Onyx)\n"),
      file("images/d.tar!/etc/os-release", "ID=fedora\nVERSION_ID=40\n"),
  };
  DistroIndex index{scanner::FileSet(files)};
  REQUIRE(index.find("") != nullptr);
  CHECK(index.find("")->id == "debian");
  REQUIRE(index.find("images/a/") != nullptr);
  CHECK(index.find("images/a/")->id == "ubuntu");
  CHECK(index.location("images/a/") == "images/a/etc/os-release");
  REQUIRE(index.find("images/b/") != nullptr);
  CHECK(index.find("images/b/")->source == "os-release");
  REQUIRE(index.find("images/c/") != nullptr);
  CHECK(index.find("images/c/")->id == "rocky");
  REQUIRE(index.find("images/d.tar!/") != nullptr);
  CHECK(index.find("images/d.tar!/")->id == "fedora");
  CHECK(index.find("images/") == nullptr);
  CHECK(index.entries().size() == 5);

  CHECK(root_of("var/lib/dpkg/status", "var/lib/dpkg/status") == "");
  CHECK(root_of("x/var/lib/dpkg/status", "var/lib/dpkg/status") == "x/");
  CHECK_FALSE(root_of("xvar/lib/dpkg/status", "var/lib/dpkg/status").has_value());
}

TEST_CASE("os-release scanner: one operating-system component per root", "[scanner][os-release]") {
  auto scan = kensa::testing::os::scan_files(
      "os-release",
      {file("etc/os-release", "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nNAME=\"Debian "
                              "GNU/Linux\"\nVERSION_ID=\"12\"\nID=debian\nHOME_URL=\"https://"
                              "www.debian.org/\"\n"),
       file("etc/debian_version", "12.5\n"),
       file("rhel/etc/os-release",
            "NAME=\"Red Hat Enterprise Linux\"\nVERSION=\"9.4 (Plow)\"\nID=\"rhel\"\n"
            "ID_LIKE=\"fedora\"\nVERSION_ID=\"9.4\"\n"
            "CPE_NAME=\"cpe:/o:redhat:enterprise_linux:9::baseos\"\n"),
       file("broken/etc/os-release", "this is not an os-release file\n")});
  REQUIRE(scan.document.components.size() == 2);
  const auto* debian = scan.named("debian");
  REQUIRE(debian != nullptr);
  CHECK(debian->type == model::ComponentType::operating_system);
  CHECK(debian->version == "12");
  CHECK(debian->description == "Debian GNU/Linux 12 (bookworm)");
  CHECK(debian->cpes == std::vector<std::string>{"cpe:2.3:o:debian:debian_linux:12:*:*:*:*:*:*:*"});
  CHECK(debian->evidence.at(0).location == "etc/os-release");
  CHECK(debian->evidence.at(0).found_by == "os-release");
  CHECK(kensa::testing::property(*debian, "kensa:os:distro") == "debian-12");
  REQUIRE(debian->external_references.size() == 1);
  CHECK(debian->external_references[0].url == "https://www.debian.org/");

  const auto* rhel = scan.named("rhel");
  REQUIRE(rhel != nullptr);
  CHECK(rhel->version == "9.4");
  CHECK(rhel->cpes ==
        std::vector<std::string>{"cpe:2.3:o:redhat:enterprise_linux:9:*:baseos:*:*:*:*:*"});
  CHECK(kensa::testing::property(*rhel, "kensa:os:cpe-name") ==
        "cpe:/o:redhat:enterprise_linux:9::baseos");

  CHECK(kensa::testing::os::has_warning(scan.warnings(),
                                        {"broken/etc/os-release", "cannot read release file"}));
}
