// Files that look like archives to a reader that tries too hard, and are
// not: gzipped text (which libarchive's mtree reader takes for a list of
// files), and the bookkeeping members of a static library.
#include "../support/archive_writer.hpp"
#include "../support/test_support.hpp"
#include "source_test_support.hpp"

#include <catch2/catch.hpp>
#include <zlib.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace fs = std::filesystem;
using namespace kensa;

namespace {

void write_gzip(const fs::path& file, const std::string& text) {
  fs::create_directories(file.parent_path());
  gzFile out = gzopen(file.c_str(), "wb");
  REQUIRE(out != nullptr);
  REQUIRE(gzwrite(out, text.data(), static_cast<unsigned>(text.size())) ==
          static_cast<int>(text.size()));
  gzclose(out);
}

} // namespace

TEST_CASE("not archives: gzipped text files are plain files, with or without --files",
          "[source][archive]") {
  auto root = testing::scratch_dir("not-archives-text");
  write_gzip(root / "usr/share/doc/dummy/changelog.Debian.gz",
             "dummy (1.0-1) unstable; urgency=medium\n\n  * Initial release.\n\n"
             " -- Someone <someone@example.org>  Mon, 01 Jan 2024 00:00:00 +0000\n");
  write_gzip(root / "usr/share/doc/tool/changelog.gz",
             "type=file uid=0 gid=0\nsize=12 mode=0644\n");
  write_gzip(root / "data/options.json.gz", "[\n{\n\"Name\":\"APEX\",\n\"Version\":\"1\"\n}\n]\n");
  scanner::ScanOptions options;
  options.source.digests = {model::HashAlgorithm::sha256};
  auto document = testing::scan_with_npm(root, options);
  CHECK(document.diagnostics.empty());
  std::vector<std::string> files;
  for (const auto& file : document.files) {
    files.push_back(file.path);
  }
  // Each is one file; none has members.
  CHECK(files == std::vector<std::string>{"data/options.json.gz",
                                          "usr/share/doc/dummy/changelog.Debian.gz",
                                          "usr/share/doc/tool/changelog.gz"});
}

TEST_CASE("not archives: a static library's symbol table is no member", "[source][archive]") {
  auto root = testing::scratch_dir("not-archives-ar");
  testing::write_ar(root / "lib/libexample.a",
                    {{"/", std::string("\0\0\0\0", 4)}, {"example.o", "object code"}});
  std::ifstream in(root / "lib/libexample.a", std::ios::binary);
  std::string library((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  // Inside archives too: Rust's .rlib files are ar archives as well.
  testing::write_tar(root / "dist/libraries.tar",
                     {{"lib/libexample.a", library}, {"lib/libexample.rlib", library}});
  scanner::ScanOptions options;
  options.source.digests = {model::HashAlgorithm::sha256};
  auto document = testing::scan_with_npm(root, options);
  CHECK(document.diagnostics.empty());
  std::vector<std::string> files;
  for (const auto& file : document.files) {
    files.push_back(file.path);
  }
  CHECK(files == std::vector<std::string>{"dist/libraries.tar",
                                          "dist/libraries.tar!/lib/libexample.a",
                                          "dist/libraries.tar!/lib/libexample.a!/example.o",
                                          "dist/libraries.tar!/lib/libexample.rlib",
                                          "dist/libraries.tar!/lib/libexample.rlib!/example.o",
                                          // In a folder, only files named like archives are opened.
                                          "lib/libexample.a"});
}
