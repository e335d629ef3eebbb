#include "../support/test_support.hpp"

#include <kensa/util/atomic_file.hpp>

#include <catch2/catch.hpp>

#include <filesystem>

using namespace kensa;

TEST_CASE("atomic write replaces the file and leaves no temporary behind", "[util][atomic]") {
  auto dir = testing::scratch_dir("atomic-write");
  auto target = dir / "out.json";
  REQUIRE(write_file_atomically(target, "first").ok());
  REQUIRE(write_file_atomically(target, "second version").ok());
  CHECK(testing::read_file(target) == "second version");
  int entries = 0;
  for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(dir)) {
    ++entries;
  }
  CHECK(entries == 1);
}

TEST_CASE("atomic write into a missing folder fails with the path named", "[util][atomic]") {
  auto dir = testing::scratch_dir("atomic-missing");
  auto target = dir / "no-such-folder" / "out.json";
  auto status = write_file_atomically(target, "x");
  REQUIRE_FALSE(status.ok());
  CHECK(status.error().find(target.string()) != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(target));
}
