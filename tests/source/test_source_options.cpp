// Option plumbing: flags reach the source, malformed values are usage
// errors, --files fills the inventory, ownership claims are resolved.
#include "../support/test_support.hpp"
#include "source_test_support.hpp"

#include <kensa/model/hash.hpp>
#include <kensa/scanner/scanner.hpp>
#include <kensa/source/archive_format.hpp>
#include <kensa/source/entry_path.hpp>
#include <kensa/source/platform.hpp>

#include <catch2/catch.hpp>

using namespace kensa;
using testing::shell;

TEST_CASE("entry paths: traversal and absolute names are normalized", "[source]") {
  using source::sanitize_entry_path;
  CHECK(sanitize_entry_path("./app/x.json").path == "app/x.json");
  CHECK_FALSE(sanitize_entry_path("./app/x.json").escaped);
  CHECK(sanitize_entry_path("a//b/./c/../d").path == "a/b/d");
  auto climbing = sanitize_entry_path("../../etc/passwd");
  CHECK(climbing.path == "etc/passwd");
  CHECK(climbing.escaped);
  auto inner = sanitize_entry_path("a/../../b");
  CHECK(inner.path == "b");
  CHECK(inner.escaped);
  CHECK(sanitize_entry_path("/usr/bin/ls").path == "usr/bin/ls");
  CHECK(sanitize_entry_path("/usr/bin/ls").escaped);
  CHECK(sanitize_entry_path("./").path.empty());
}

TEST_CASE("archive detection by content", "[source]") {
  using source::ArchiveFormat;
  using source::detect_archive_format;
  using namespace std::string_view_literals;
  CHECK(detect_archive_format("\x1f\x8b\x08\x00"sv) == ArchiveFormat::gzip);
  CHECK(detect_archive_format("PK\x03\x04rest"sv) == ArchiveFormat::zip);
  CHECK(detect_archive_format("!<arch>\ndebian-binary"sv) == ArchiveFormat::ar);
  CHECK(detect_archive_format("\xed\xab\xee\xdb"sv) == ArchiveFormat::rpm);
  CHECK(detect_archive_format("7z\xbc\xaf\x27\x1c"sv) == ArchiveFormat::seven_zip);
  CHECK(detect_archive_format("\x28\xb5\x2f\xfd"sv) == ArchiveFormat::zstd);
  CHECK(detect_archive_format("{\"name\": \"x\"}") == ArchiveFormat::none);
  CHECK(detect_archive_format("") == ArchiveFormat::none);
  CHECK(source::has_archive_extension("lib/x.JAR"));
  CHECK(source::has_archive_extension("release.tar.gz"));
  CHECK_FALSE(source::has_archive_extension("changelog.gz"));
  CHECK_FALSE(source::has_archive_extension("package-lock.json"));

  auto root = testing::scratch_dir("detect-compressed");
  testing::write_text(root / "page.txt", "not an archive\n");
  shell(root, "gzip -n -k page.txt && tar -czf page.tar.gz page.txt");
  CHECK_FALSE(source::is_archive(testing::read_file(root / "page.txt.gz")));
  CHECK(source::is_archive(testing::read_file(root / "page.tar.gz")));
}

TEST_CASE("platforms parse as os/arch[/variant]", "[source]") {
  auto arm = source::parse_platform("linux/arm64/v8");
  REQUIRE(arm.ok());
  CHECK(arm->text() == "linux/arm64/v8");
  CHECK(source::parse_platform("linux/amd64")->accepts({"linux", "amd64", "v2"}));
  CHECK_FALSE(arm->accepts({"linux", "arm64", "v9"}));
  CHECK_FALSE(source::parse_platform("amd64").ok());
  CHECK_FALSE(source::parse_platform("linux//x").ok());
}

TEST_CASE("file inventory: with --files every file is hashed, in folders and in archives",
          "[source]") {
  auto root = testing::scratch_dir("files-inventory");
  testing::write_text(root / "in/app/package-lock.json", testing::npm_lockfile());
  testing::write_text(root / "in/readme.txt", "hello\n");
  shell(root / "in", "tar -czf bundle.tar.gz app");
  scanner::ScanOptions options;
  options.source.digests = {model::HashAlgorithm::sha256, model::HashAlgorithm::sha1};
  auto document = testing::scan_with_npm(root / "in", options);
  std::vector<std::string> paths;
  for (const auto& file : document.files) {
    paths.push_back(file.path);
  }
  CHECK(paths == std::vector<std::string>{"app/package-lock.json", "bundle.tar.gz",
                                          "bundle.tar.gz!/app/package-lock.json", "readme.txt"});
  auto lockfile_hash = model::compute_hash(model::HashAlgorithm::sha256, testing::npm_lockfile());
  CHECK(std::count(document.files[2].hashes.begin(), document.files[2].hashes.end(),
                   lockfile_hash) == 1);
  CHECK(document.files[3].hashes.size() == 2);

  auto plain = testing::scan_with_npm(root / "in");
  CHECK(plain.files.empty());
}

TEST_CASE("own_file collects ownership claims for the scan driver", "[source]") {
  model::ComponentGraph graph;
  std::vector<scanner::FileOwnership> claims;
  scanner::ScanContext context(graph, "test", "subject", &claims);
  context.own_file("abc", "rootfs.tar!/usr/bin/ls");
  REQUIRE(claims.size() == 1);
  CHECK(claims[0].location == "rootfs.tar!/usr/bin/ls");
  scanner::ScanContext without(graph, "test", "subject");
  without.own_file("abc", "usr/bin/ls"); // no inventory: nothing happens

  source::SourceFile file{"rootfs.tar!/var/lib/dpkg/status", "var/lib/dpkg/status", {}, {}};
  CHECK(source::container_prefix(file) == "rootfs.tar!/");
}

TEST_CASE("cli: source flags are checked", "[source][cli]") {
  auto root = testing::scratch_dir("cli-source-flags");
  for (const std::vector<std::string>& flags :
       std::vector<std::vector<std::string>>{{"--scope", "sideways"},
                                             {"--digests", "crc32"},
                                             {"--max-file-size", "12XB"},
                                             {"--max-depth", "-1"},
                                             {"--platform", "linux"}}) {
    std::vector<std::string> arguments{"scan", root.string()};
    arguments.insert(arguments.end(), flags.begin(), flags.end());
    INFO(flags[0]);
    auto result = testing::run_kensa(arguments);
    CHECK(result.exit_code == 2);
  }
  auto ok = testing::run_kensa({"scan", root.string(), "--files", "--digests", "sha1,sha256",
                                "--max-depth", "3", "--max-file-size", "1MiB", "--scope",
                                "all-layers", "--max-ratio", "50", "--max-total-size", "2G",
                                "--max-nested-size", "64M", "--max-entries", "1000"});
  CHECK(ok.exit_code == 0);
}
