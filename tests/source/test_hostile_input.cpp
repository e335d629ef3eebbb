// Hostile and broken input: each case ends with a warning, the documented
// exit code, and bounded time and memory; none may crash (the suite also runs
// under AddressSanitizer).
#include "../support/test_support.hpp"
#include "source_test_support.hpp"

#include <archive.h>
#include <archive_entry.h>
#include <catch2/catch.hpp>

#include <filesystem>

using namespace kensa;
namespace fs = std::filesystem;
using testing::shell;

namespace {

struct ArchiveWriteDeleter {
  void operator()(archive* writer) const { archive_write_free(writer); }
};

// Writes an archive with libarchive's writer, for names no command-line tool
// will store ("../../etc/passwd") and for very many entries.
class ArchiveBuilder {
 public:
  ArchiveBuilder(const fs::path& file, bool zip, bool gzip, bool pax = false)
      : m_writer(archive_write_new()) {
    if (zip) {
      archive_write_set_format_zip(m_writer.get());
    } else if (pax) {
      archive_write_set_format_pax_restricted(m_writer.get());
    } else {
      archive_write_set_format_ustar(m_writer.get());
    }
    if (gzip) {
      archive_write_add_filter_gzip(m_writer.get());
    }
    REQUIRE(archive_write_open_filename(m_writer.get(), file.c_str()) == ARCHIVE_OK);
    m_entry = archive_entry_new();
  }
  ~ArchiveBuilder() {
    archive_entry_free(m_entry);
    archive_write_close(m_writer.get());
  }
  ArchiveBuilder(const ArchiveBuilder&) = delete;
  ArchiveBuilder& operator=(const ArchiveBuilder&) = delete;

  void add(const std::string& name, const std::string& contents) {
    archive_entry_clear(m_entry);
    archive_entry_set_pathname(m_entry, name.c_str());
    archive_entry_set_filetype(m_entry, AE_IFREG);
    archive_entry_set_perm(m_entry, 0644);
    archive_entry_set_size(m_entry, static_cast<la_int64_t>(contents.size()));
    archive_write_header(m_writer.get(), m_entry);
    if (!contents.empty()) {
      archive_write_data(m_writer.get(), contents.data(), contents.size());
    }
  }

 private:
  std::unique_ptr<archive, ArchiveWriteDeleter> m_writer;
  archive_entry* m_entry = nullptr;
};

constexpr long k_memory_bound_kib = kensa::testing::k_bounded_run_memory_kib;

} // namespace

TEST_CASE("hostile: a truncated tar.gz warns and keeps what was read", "[source][hostile]") {
  auto root = testing::scratch_dir("hostile-truncated");
  testing::write_text(root / "payload/app/package-lock.json", testing::npm_lockfile());
  shell(root / "payload", "head -c 400000 /dev/urandom > app/random.bin && "
                          "tar -czf ../full.tar.gz app/package-lock.json app/random.bin && "
                          "head -c 200000 ../full.tar.gz > ../truncated.tar.gz && "
                          "head -c 20 ../full.tar.gz > ../stub.tar.gz");
  auto document = testing::scan_with_npm(root / "truncated.tar.gz");
  CHECK(testing::locations_of(document, testing::k_ms) ==
        std::vector<std::string>{"truncated.tar.gz!/app/package-lock.json"});
  CHECK(testing::has_diagnostic(document, "damaged or truncated"));

  auto cli = testing::run_kensa({"scan", (root / "truncated.tar.gz").string(), "-q"});
  CHECK(cli.exit_code == 0);
  auto stub = testing::run_kensa({"scan", (root / "stub.tar.gz").string()});
  CHECK(stub.exit_code == 0);
}

TEST_CASE("hostile: zip members named ../../etc/passwd are never written and are reported",
          "[source][hostile]") {
  auto root = testing::scratch_dir("hostile-traversal");
  fs::create_directories(root / "scan/inner");
  {
    ArchiveBuilder zip(root / "scan/inner/evil.zip", true, false);
    zip.add("../../etc/passwd", "kensa-was-here:x:0:0::/:/bin/sh\n");
    zip.add("/abs/package-lock.json", testing::npm_lockfile());
    zip.add("../../../app/package-lock.json", testing::npm_lockfile());
  }
  auto document = testing::scan_with_npm(root / "scan");
  CHECK(testing::locations_of(document, testing::k_ms) ==
        std::vector<std::string>{"inner/evil.zip!/abs/package-lock.json",
                                 "inner/evil.zip!/app/package-lock.json"});
  CHECK(testing::has_diagnostic(document, "member name '../../etc/passwd' leaves the archive; "
                                          "scanned as 'etc/passwd'"));
  CHECK(testing::has_diagnostic(document, "member name '/abs/package-lock.json'"));
  // Nothing is extracted, anywhere.
  CHECK_FALSE(fs::exists(root / "etc"));
  CHECK_FALSE(fs::exists(root / "scan/etc"));
  CHECK(testing::read_file("/etc/passwd").find("kensa-was-here") == std::string::npos);

  auto cli = testing::run_kensa({"scan", (root / "scan").string(), "-q"});
  CHECK(cli.exit_code == 0);
}

TEST_CASE("hostile: a zip nested in itself deeper than the cap", "[source][hostile]") {
  auto root = testing::scratch_dir("hostile-recursive");
  testing::write_text(root / "z/package-lock.json", testing::npm_lockfile());
  // z0.zip holds the lockfile, z1.zip holds z0.zip, ... z11.zip.
  std::string command = "cd z && zip -q ../z0.zip package-lock.json && cd ..";
  for (int level = 1; level < 12; ++level) {
    command +=
        " && zip -q z" + std::to_string(level) + ".zip z" + std::to_string(level - 1) + ".zip";
  }
  shell(root, command);
  auto document = testing::scan_with_npm(root / "z11.zip");
  CHECK(testing::locations_of(document, testing::k_ms).empty());
  CHECK(testing::has_diagnostic(document, "nested more than 8 deep; not opened"));

  scanner::ScanOptions options;
  options.source.limits.max_archive_depth = 12;
  auto deep = testing::scan_with_npm(root / "z11.zip", options);
  REQUIRE(testing::locations_of(deep, testing::k_ms).size() == 1);
  CHECK(testing::locations_of(deep, testing::k_ms)[0] ==
        "z11.zip!/z10.zip!/z9.zip!/z8.zip!/z7.zip!/z6.zip!/z5.zip!/z4.zip!/z3.zip!/z2.zip!/"
        "z1.zip!/z0.zip!/package-lock.json");

  auto cli = testing::run_kensa({"scan", (root / "z11.zip").string(), "-q"});
  CHECK(cli.exit_code == 0);
}

TEST_CASE("hostile: a zip bomb trips the ratio cap", "[source][hostile]") {
  auto root = testing::scratch_dir("hostile-bomb");
  // 256 MiB of zeros deflate to about 250 KiB: a ratio near 1000.
  shell(root, "head -c 268435456 /dev/zero > zeros && zip -q bomb.zip zeros && rm zeros");
  scanner::ScanOptions options;
  options.source.digests = {model::HashAlgorithm::sha256};
  auto document = testing::scan_with_npm(root / "bomb.zip", options);
  CHECK(testing::has_diagnostic(document, "(a zip bomb?)"));
}

TEST_CASE("hostile: a tar of 1,000,000 empty entries, in bounded memory",
          "[heavy][source][hostile]") {
  auto root = testing::scratch_dir("hostile-many");
  {
    ArchiveBuilder tar(root / "many.tar.gz", false, true);
    for (int i = 0; i < 1'000'000; ++i) {
      tar.add("d" + std::to_string(i / 1000) + "/f" + std::to_string(i), "");
    }
    tar.add("last/package-lock.json", testing::npm_lockfile());
  }
  auto measured = testing::run_kensa_bounded(
      {"scan", (root / "many.tar.gz").string(), "--scanner", "npm", "-o", "cyclonedx-json"}, {});
  CHECK(measured.exit_code == 0);
  CHECK(measured.max_rss_kib < k_memory_bound_kib);
  CHECK(measured.out.find("pkg:npm/ms@2.1.3") != std::string::npos);

  auto capped = testing::run_kensa_bounded(
      {"scan", (root / "many.tar.gz").string(), "--scanner", "npm", "--max-entries", "1000"}, {});
  CHECK(capped.exit_code == 0);
  CHECK(capped.err.find("more than 1000 entries") != std::string::npos);
}

TEST_CASE("hostile: a symbolic link loop in a folder", "[source][hostile]") {
  auto root = testing::scratch_dir("hostile-loop");
  testing::write_text(root / "a/b/package-lock.json", testing::npm_lockfile());
  fs::create_directory_symlink("../..", root / "a/b/up");
  auto cli = testing::run_kensa({"scan", root.string(), "--scanner", "npm"});
  CHECK(cli.exit_code == 0);
  CHECK(cli.err.find("a/b/up: symbolic link loop; not followed") != std::string::npos);
  CHECK(cli.out.find("ms") != std::string::npos);
}

TEST_CASE("hostile: a 42.zip-like nest ends at the ratio cap across its levels",
          "[source][hostile]") {
  // Four levels of sixteen zips, 65,536 members of 16 MiB of zeros at the
  // bottom, in 22 KB: each level alone expands a few times over (its
  // members are small zips), so only the nest as a whole shows the bomb.
  auto root = testing::scratch_dir("hostile-nest");
  std::string command = "head -c 16777216 /dev/zero > zeros && zip -q -9 l0.zip zeros";
  for (int level = 1; level <= 4; ++level) {
    std::string folder = "d" + std::to_string(level);
    std::string inner = "l" + std::to_string(level - 1) + ".zip";
    command += " && mkdir " + folder + " && for i in $(seq 0 15); do cp " + inner + " " + folder +
               "/$i.zip; done && (cd " + folder + " && zip -q -9 ../l" + std::to_string(level) +
               ".zip *.zip)";
  }
  shell(root, command);
  auto document = testing::scan_with_npm(root / "l4.zip");
  CHECK(testing::has_diagnostic(document, "with the archives inside it from"));
  CHECK(testing::has_diagnostic(document, "(a zip bomb?)"));

  testing::Bounds bounds;
  bounds.cpu_seconds = 20;
  auto cli = testing::run_kensa_bounded({"scan", (root / "l4.zip").string()}, bounds);
  INFO(cli.err);
  CHECK(cli.exit_code == 0);
  CHECK(cli.seconds < 10);
  CHECK(cli.err.find("kensa: warning: l4.zip: decompressed ") != std::string::npos);
  CHECK(cli.err.find("with the archives inside it from") != std::string::npos);
}

TEST_CASE("hostile: a member whose pax header libarchive rejects is reported, not renamed",
          "[source][hostile]") {
  auto root = testing::scratch_dir("hostile-pax");
  // A pax path of 1,000,017 bytes: libarchive rejects pax values over
  // 1,000,000 bytes (and fails on headers over 1 MiB).
  std::string rejected;
  for (int i = 0; i < 500'000; ++i) {
    rejected += "a/";
  }
  std::string long_name(5'000, 'b');
  {
    ArchiveBuilder tar(root / "long.tar", false, false, true);
    tar.add(rejected + "package-lock.json", testing::npm_lockfile());
    tar.add(long_name + "/package-lock.json", testing::npm_lockfile());
    tar.add("d\xc3\xbcr/package-lock.json", testing::npm_lockfile());
  }
  auto document = testing::scan_with_npm(root / "long.tar");
  // The name the pax header gave is lost (its first 100 bytes are left):
  // skipped with a warning, never scanned as "a/a/.../a/".
  CHECK(testing::has_diagnostic(document, "member 'a/a/a/"));
  CHECK(testing::has_diagnostic(document, "...' skipped: Rejecting pax extended attribute"));
  CHECK(testing::has_diagnostic(document, "skipped: its name is 5018 bytes, over the limit of "
                                          "4096 bytes"));
  // A name in UTF-8 that the C locale cannot show is read as it is.
  CHECK(testing::locations_of(document, testing::k_ms) ==
        std::vector<std::string>{"long.tar!/d\xc3\xbcr/package-lock.json"});
  CHECK(document.diagnostics.size() == 2);

  auto cli = testing::run_kensa({"scan", (root / "long.tar").string(), "--scanner", "npm"});
  CHECK(cli.exit_code == 0);
  CHECK(cli.err.find("kensa: warning: long.tar: member 'a/a/a/") != std::string::npos);
}
