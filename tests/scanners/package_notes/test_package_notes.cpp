// ELF package notes in real executables linked with GNU ld's
// --package-metadata (tests/fixtures/package-notes/make-binaries.sh).
#include "../../support/test_support.hpp"
#include "../common/binary/native_test_support.hpp"

#include <catch2/catch.hpp>

namespace fs = std::filesystem;
using namespace kensa;
using namespace kensa::testing;

TEST_CASE("package notes: the package a Debian and a Fedora binary came from",
          "[package-notes][binary]") {
  fs::path folder = scratch_dir("package-notes-real");
  fs::create_directories(folder / "usr/bin");
  fs::copy_file(fixture("package-notes/notes/hello-deb"), folder / "usr/bin/hello");
  fs::copy_file(fixture("package-notes/notes/systemd-rpm"), folder / "usr/bin/systemctl");
  auto document = native::scan_with(folder, "package-notes");
  CHECK(native::warnings(document).empty());
  REQUIRE(document.components.size() == 2);

  const auto* deb = native::component_with_purl(document, "pkg:deb/debian/hello@2.10-3?arch=amd64");
  REQUIRE(deb != nullptr);
  CHECK(deb->name == "hello");
  CHECK(deb->version == "2.10-3");
  CHECK(deb->evidence.at(0).location == "usr/bin/hello");
  CHECK(native::property(*deb, "kensa:package-note:os") == "Debian");
  CHECK(native::property(*deb, "kensa:package-note:debuginfod") == "https://debuginfod.debian.net");

  // Fedora names the distribution by its CPE only.
  const auto* rpm =
      native::component_with_purl(document, "pkg:rpm/fedora/systemd@253.4-1.fc38?arch=x86_64");
  REQUIRE(rpm != nullptr);
  CHECK(native::property(*rpm, "kensa:package-note:os-cpe") == "cpe:/o:fedoraproject:fedora:38");
  CHECK(rpm->evidence.at(0).location == "usr/bin/systemctl");
}

TEST_CASE("package notes: a binary without a note gives nothing", "[package-notes][binary]") {
  fs::path folder = scratch_dir("package-notes-none");
  fs::copy_file("/bin/true", folder / "true");
  auto document = native::scan_with(folder, "package-notes");
  CHECK(document.components.empty());
  CHECK(native::warnings(document).empty());
}

TEST_CASE("package notes: a damaged note is a warning naming the file", "[package-notes][binary]") {
  fs::path folder = scratch_dir("package-notes-damaged");
  const std::string real = native::read_bytes(fixture("package-notes/notes/hello-deb"));
  // The JSON made not JSON, the same length.
  std::string garbled = real;
  const std::size_t json = garbled.find("{\"type\":\"deb\"");
  REQUIRE(json != std::string::npos);
  garbled.replace(json, 13, "xxxxxxxxxxxxx");
  native::write_bytes(folder / "garbled", garbled);
  // The note's descriptor size made larger than its section: the 4 bytes
  // before the "FDO" owner's name are its type, the 4 before those its
  // descriptor size.
  std::string overrun = real;
  const std::size_t owner = overrun.find(std::string("FDO\0", 4));
  REQUIRE(owner != std::string::npos);
  overrun[owner - 8] = '\xff';
  overrun[owner - 7] = '\xff';
  native::write_bytes(folder / "overrun", overrun);
  // In a folder, only files with an execute bit are looked into.
  for (const char* name : {"garbled", "overrun"}) {
    fs::permissions(folder / name, fs::perms::owner_exec, fs::perm_options::add);
  }
  auto document = native::scan_with(folder, "package-notes");
  CHECK(document.components.empty());
  auto warnings = native::warnings(document);
  REQUIRE(warnings.size() == 2);
  CHECK(warnings[0].starts_with("garbled: package note: line 1: not valid JSON"));
  CHECK(warnings[1] == "overrun: ELF x86_64: damaged package note: section .note.package: a note "
                       "runs past the section's end");
}
