// What a walk counts against its budget, and what a spent budget stops:
// sparse holes cost nothing unless their zeros are needed, and a limit
// reached in one archive stops that archive (and the archives after it),
// never the files of the folders around it. What was left out is named in
// the document, which then says it is incomplete.
#include "../support/archive_writer.hpp"
#include "../support/test_support.hpp"
#include "source_test_support.hpp"

#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>
#include <string>

namespace fs = std::filesystem;
using namespace kensa;
using kensa::testing::k_ms;

namespace {

// As Go's archive/tar/testdata/gnu-sparse-big.tar: gigabytes declared, a
// few kilobytes stored.
constexpr std::uint64_t k_declared = 20ull << 30;

// Four sparse tars, then (walked after them, in sorted order) a lockfile.
fs::path sparse_tree(const std::string& name) {
  auto root = testing::scratch_dir(name);
  for (const char* folder : {"a", "b", "c", "d"}) {
    fs::create_directories(root / folder);
    testing::write_sparse_tar(root / folder / "gnu-sparse-big.tar", "gnu-sparse", k_declared,
                              std::string(512, 'x'));
  }
  testing::write_text(root / "z/package-lock.json", testing::npm_lockfile());
  return root;
}

bool omits(const model::Document& document, std::string_view location, std::string_view text) {
  for (const auto& omission : document.metadata.omissions) {
    if (omission.location == location && omission.reason.find(text) != std::string::npos) {
      return true;
    }
  }
  return false;
}

} // namespace

TEST_CASE("walk budget: sparse holes are not decompressed bytes", "[source][budget]") {
  auto root = sparse_tree("budget-sparse");
  scanner::ScanOptions options;
  // Less than one member's declared size: only what is really read counts.
  options.source.limits.max_total_bytes = 1ull << 30;
  auto started = std::chrono::steady_clock::now();
  auto document = testing::scan_with_npm(root, options);
  auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  CHECK(seconds < 5);
  CHECK(testing::locations_of(document, k_ms) == std::vector<std::string>{"z/package-lock.json"});
  CHECK(document.diagnostics.empty());
  CHECK(document.metadata.completeness == model::Completeness::unknown);
  CHECK(document.metadata.omitted == 0);
}

TEST_CASE("walk budget: hashing a sparse member stops at the ratio cap, in that archive only",
          "[source][budget]") {
  auto root = sparse_tree("budget-sparse-hashed");
  scanner::ScanOptions options;
  // With --files the holes' zeros are hashed: that is real work, and the
  // member expands past any sane ratio.
  options.source.digests = {model::HashAlgorithm::sha256};
  auto document = testing::scan_with_npm(root, options);
  CHECK(testing::locations_of(document, k_ms) == std::vector<std::string>{"z/package-lock.json"});
  for (const char* tar : {"a/gnu-sparse-big.tar", "d/gnu-sparse-big.tar"}) {
    INFO(tar);
    CHECK(omits(document, tar, "a zip bomb?"));
  }
  CHECK(document.metadata.completeness == model::Completeness::incomplete);
  CHECK(document.metadata.omitted == 4);
}

TEST_CASE("walk budget: a spent budget stops its archive and those after, not the folders",
          "[source][budget]") {
  auto root = testing::scratch_dir("budget-spent");
  std::string megabyte(1 << 20, 'k');
  for (const char* name : {"a.tar.gz", "b.tar.gz", "c.tar.gz", "d.tar.gz"}) {
    testing::write_tar(root / name, {{"data/one.bin", megabyte}, {"data/two.bin", megabyte}}, true);
  }
  testing::write_text(root / "z/package-lock.json", testing::npm_lockfile());
  scanner::ScanOptions options;
  options.source.limits.max_total_bytes = 3ull << 20;
  auto document = testing::scan_with_npm(root, options);
  // The folder's lockfile, walked after the archives, is still scanned.
  CHECK(testing::locations_of(document, k_ms) == std::vector<std::string>{"z/package-lock.json"});
  // The budget ran out in one archive; those after it were not opened. Both
  // are said, once each, and the document is incomplete.
  REQUIRE(document.metadata.omissions.size() == 2);
  const auto& spent = document.metadata.omissions[0];
  const auto& unopened = document.metadata.omissions[1];
  CHECK(spent.reason.find("bytes decompressed in this scan (--max-total-size)") !=
        std::string::npos);
  CHECK((spent.location == "b.tar.gz" || spent.location == "c.tar.gz"));
  CHECK(unopened.location == (spent.location == "b.tar.gz" ? "c.tar.gz" : "d.tar.gz"));
  CHECK(unopened.reason.find("not opened: the scan's decompression budget") != std::string::npos);
  CHECK(document.metadata.omitted == 2);
  CHECK(document.metadata.completeness == model::Completeness::incomplete);
}
