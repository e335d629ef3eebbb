// Files handed to scanners mapped rather than read (executables).
#include "../support/test_support.hpp"

#include <kensa/source/mapped_file.hpp>

#include <catch2/catch.hpp>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace fs = std::filesystem;

TEST_CASE("mapped file: the bytes of a file, without reading it", "[source][mapped]") {
  fs::path folder = kensa::testing::scratch_dir("mapped-file");
  std::ofstream(folder / "data", std::ios::binary) << "hello, mapped world";
  auto mapped = kensa::source::map_file(folder / "data", 19);
  REQUIRE(mapped);
  CHECK((*mapped)->bytes() == "hello, mapped world");
  auto empty_file = kensa::source::map_file(folder / "data", 0);
  REQUIRE(empty_file);
  CHECK((*empty_file)->bytes().empty());
  auto missing = kensa::source::map_file(folder / "missing", 4);
  REQUIRE_FALSE(missing);
  CHECK(missing.error() == "No such file or directory");
}

TEST_CASE("mapped file: a file truncated while mapped reads as zeros, not a crash",
          "[source][mapped]") {
  fs::path folder = kensa::testing::scratch_dir("mapped-truncated");
  const auto page = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
  std::ofstream(folder / "data", std::ios::binary) << std::string(4 * page, 'x');
  auto mapped = kensa::source::map_file(folder / "data", 4 * page);
  REQUIRE(mapped);
  const std::string_view bytes = (*mapped)->bytes();
  CHECK(bytes[3 * page] == 'x');
  // Another process cutting the file short: the pages past its new end
  // are gone, and reading them would raise SIGBUS.
  fs::resize_file(folder / "data", page);
  CHECK(bytes[0] == 'x');
  CHECK(bytes[2 * page] == '\0');
  CHECK(bytes[4 * page - 1] == '\0');
}
