// With a file inventory, the files of a root file system that no package
// owns are listed as such: a merged-/usr Debian root built here from the real
// fixture (tests/fixtures/dpkg/debian-12), with files the package lists name
// through the bin -> usr/bin link and a file dropped in by hand.
#include "../../support/test_support.hpp"
#include "../os_release/os_test_support.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>

using kensa::testing::fixture;
using kensa::testing::property;
using kensa::testing::os::has_warning;
using kensa::testing::os::OsScan;
using kensa::testing::os::scan_folder;
using kensa::testing::os::scan_folder_with_digests;
using kensa::testing::os::write_file;
namespace fs = std::filesystem;

namespace {

// The fixture's database and copyright files, plus some of the files the
// .list files of hostname and mawk name, laid out as Debian 12 installs
// them: /bin is a link to usr/bin, so hostname's /bin/hostname is the file
// usr/bin/hostname.
fs::path build_root(const std::string& name) {
  fs::path root = kensa::testing::scratch_dir(name) / "rootfs";
  fs::create_directories(root);
  fs::copy(fixture("dpkg/debian-12"), root, fs::copy_options::recursive);
  write_file(root, "usr/bin/hostname", "hostname's program\n");
  write_file(root, "usr/share/man/man1/hostname.1.gz", "hostname's manual\n");
  fs::create_symlink("hostname", root / "usr/bin/domainname");
  write_file(root, "usr/bin/mawk", "mawk's program\n");
  fs::create_directory_symlink("usr/bin", root / "bin");
  // What no package installed.
  write_file(root, "opt/dropped/tool", "copied in by hand\n");
  write_file(root, "usr/local/bin/helper.sh", "#!/bin/sh\n");
  return root;
}

std::size_t unowned_count(const OsScan& scan) {
  return static_cast<std::size_t>(
      std::count_if(scan.document.files.begin(), scan.document.files.end(),
                    [](const auto& file) { return file.owner_ids.empty(); }));
}

void check_subject_counts(const OsScan& scan) {
  REQUIRE(scan.document.metadata.subject.has_value());
  const auto& subject = *scan.document.metadata.subject;
  std::size_t unowned = unowned_count(scan);
  CHECK(property(subject, "kensa:files:unowned") == std::to_string(unowned));
  CHECK(property(subject, "kensa:files:owned") ==
        std::to_string(scan.document.files.size() - unowned));
}

bool has_info(const OsScan& scan, const std::string& text) {
  return std::any_of(scan.document.diagnostics.begin(), scan.document.diagnostics.end(),
                     [&](const kensa::model::Diagnostic& diagnostic) {
                       return diagnostic.severity == kensa::model::Severity::info &&
                              diagnostic.message.find(text) != std::string::npos;
                     });
}

} // namespace

TEST_CASE("dpkg: with --files, files no package owns are listed as such", "[scanner][dpkg]") {
  fs::path root = build_root("dpkg-unowned");
  auto scan = scan_folder(root, {"dpkg", "os-release"}, true);

  // Found under their real names, owned through the link the list names.
  CHECK(scan.owners("usr/bin/hostname") == std::set<std::string>{"hostname"});
  CHECK(scan.owners("usr/share/man/man1/hostname.1.gz") == std::set<std::string>{"hostname"});
  CHECK(scan.owners("usr/bin/mawk") == std::set<std::string>{"mawk"});
  CHECK(scan.owners("usr/share/doc/hostname/copyright") == std::set<std::string>{"hostname"});
  // The link's name is not a second file; links to files are not files.
  CHECK_FALSE(scan.owners("bin/hostname").has_value());
  CHECK_FALSE(scan.owners("usr/bin/domainname").has_value());

  // Listed, without an owner.
  CHECK(scan.owners("opt/dropped/tool") == std::set<std::string>{});
  CHECK(scan.owners("usr/local/bin/helper.sh") == std::set<std::string>{});
  CHECK(scan.owners("var/lib/dpkg/status") == std::set<std::string>{});
  check_subject_counts(scan);
  CHECK(has_info(scan, std::to_string(unowned_count(scan)) + " files are owned by no package"));

  SECTION("without --files nothing is listed or counted") {
    auto plain = scan_folder(root, {"dpkg", "os-release"}, false);
    CHECK(plain.document.files.empty());
    CHECK(property(*plain.document.metadata.subject, "kensa:files:unowned").empty());
  }
}

TEST_CASE("dpkg: unowned files of a root file system inside a tarball", "[scanner][dpkg]") {
  fs::path root = build_root("dpkg-unowned-tar");
  std::string command =
      "tar -cf '" + (root.parent_path() / "rootfs.tar").string() + "' -C '" + root.string() + "' .";
  REQUIRE(std::system(command.c_str()) == 0);
  auto scan = scan_folder(root.parent_path() / "rootfs.tar", {"dpkg", "os-release"}, true);
  // The tar holds the link bin -> usr/bin as a member; hostname's list says
  // /bin/hostname.
  CHECK(scan.owners("rootfs.tar!/usr/bin/hostname") == std::set<std::string>{"hostname"});
  CHECK(scan.owners("rootfs.tar!/usr/bin/mawk") == std::set<std::string>{"mawk"});
  CHECK(scan.owners("rootfs.tar!/opt/dropped/tool") == std::set<std::string>{});
  check_subject_counts(scan);
}

TEST_CASE("dpkg: files are checked against the MD5 digests their packages recorded",
          "[scanner][dpkg]") {
  using kensa::model::HashAlgorithm;
  fs::path root = build_root("dpkg-digests");
  auto scan = scan_folder_with_digests(root, {"dpkg", "os-release"},
                                       {HashAlgorithm::md5, HashAlgorithm::sha256});
  const auto& subject = *scan.document.metadata.subject;
  // The real copyright files of hostname, mawk, zlib1g and libc6 are what
  // their .md5sums say; the programs and the manual written above are not.
  CHECK(property(subject, "kensa:files:digests-verified") == "4");
  CHECK(property(subject, "kensa:files:digests-modified") == "3");
  CHECK(property(subject, "kensa:files:digests-unverified") == "0");
  // md5sum of "hostname's program\n" and "mawk's program\n".
  CHECK(has_warning(scan.warnings(),
                    {"usr/bin/hostname: differs from the MD5 digest package hostname recorded",
                     "recorded 84663f46a29817d9b0641f960a551cdb",
                     "found 0d7f15d66b987fdb4d6e8ace61734307"}));
  CHECK(has_warning(scan.warnings(),
                    {"usr/bin/mawk: differs from the MD5 digest package mawk recorded",
                     "recorded 1c32072670f4b5da0e78cdd610f1f09b",
                     "found 86fcfecc69066876cdc576355f23ec89"}));
  CHECK(has_warning(scan.warnings(), {"usr/share/man/man1/hostname.1.gz: differs"}));
  CHECK_FALSE(has_warning(scan.warnings(), {"copyright: differs"}));

  SECTION("without MD5 among the digests, the message says which one checks them") {
    auto sha256_only = scan_folder(root, {"dpkg", "os-release"}, true);
    const auto& plain = *sha256_only.document.metadata.subject;
    CHECK(property(plain, "kensa:files:digests-verified") == "0");
    CHECK(property(plain, "kensa:files:digests-modified") == "0");
    CHECK(property(plain, "kensa:files:digests-unverified") == "7");
    CHECK(has_info(sha256_only, "7 files have a digest recorded by its package that this scan "
                                "did not compute; --digests md5 checks them"));
    CHECK_FALSE(has_warning(sha256_only.warnings(), {"differs from"}));
  }

  SECTION("inside a tarball the same files are checked") {
    std::string command = "tar -cf '" + (root.parent_path() / "rootfs.tar").string() + "' -C '" +
                          root.string() + "' .";
    REQUIRE(std::system(command.c_str()) == 0);
    auto tarred = scan_folder_with_digests(root.parent_path() / "rootfs.tar",
                                           {"dpkg", "os-release"}, {HashAlgorithm::md5});
    const auto& tar_subject = *tarred.document.metadata.subject;
    CHECK(property(tar_subject, "kensa:files:digests-verified") == "4");
    CHECK(property(tar_subject, "kensa:files:digests-modified") == "3");
    CHECK(has_warning(tarred.warnings(), {"rootfs.tar!/usr/bin/mawk: differs"}));
  }
}
