#include "../support/test_support.hpp"

#include <kensa/util/atomic_file.hpp>

#include <catch2/catch.hpp>
#include <sys/stat.h>

#include <filesystem>
#include <string_view>
#include <vector>

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

TEST_CASE("atomic write to a device writes into it, never replaces it", "[util][atomic]") {
  REQUIRE(write_file_atomically("/dev/null", "discarded").ok());
  struct stat info {};
  REQUIRE(stat("/dev/null", &info) == 0);
  CHECK(S_ISCHR(info.st_mode));
}

TEST_CASE("atomic write through a symlink replaces the target, keeps the link", "[util][atomic]") {
  auto dir = testing::scratch_dir("atomic-symlink");
  std::filesystem::create_directories(dir / "real");
  REQUIRE(write_file_atomically(dir / "real" / "sbom.json", "old").ok());
  std::filesystem::create_symlink(dir / "real" / "sbom.json", dir / "link.json");
  REQUIRE(write_file_atomically(dir / "link.json", "new").ok());
  CHECK(std::filesystem::is_symlink(dir / "link.json"));
  CHECK(testing::read_file(dir / "real" / "sbom.json") == "new");
}

TEST_CASE("atomic write onto a folder fails", "[util][atomic]") {
  auto dir = testing::scratch_dir("atomic-folder");
  auto status = write_file_atomically(dir, "x");
  REQUIRE_FALSE(status.ok());
  CHECK(status.error().find("it is a folder") != std::string::npos);
}

TEST_CASE("atomic write of a text in parts writes them one after the other", "[util][atomic]") {
  auto dir = testing::scratch_dir("atomic-parts");
  auto target = dir / "out.json";
  const std::vector<std::string_view> parts{"{\"a\":", "", "[1,2]", "}"};
  REQUIRE(write_file_atomically(target, parts).ok());
  CHECK(testing::read_file(target) == "{\"a\":[1,2]}");
  REQUIRE(write_file_atomically("/dev/null", parts).ok());
}
