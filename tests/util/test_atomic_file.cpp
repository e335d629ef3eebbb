#include "../support/test_support.hpp"

#include <kensa/util/atomic_file.hpp>

#include <catch2/catch.hpp>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

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

TEST_CASE("atomic write to a device is refused unless allowed, then writes into it",
          "[util][atomic]") {
  auto refused = write_file_atomically("/dev/null", "discarded");
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error() ==
        "cannot write /dev/null: it is not a regular file (a device, FIFO or socket)");
  CHECK(is_special_output("/dev/null"));
  REQUIRE(write_file_atomically("/dev/null", "discarded", OutputPathRules{true}).ok());
  struct stat info {};
  REQUIRE(stat("/dev/null", &info) == 0);
  CHECK(S_ISCHR(info.st_mode));
}

TEST_CASE("atomic write never follows a symlink unless allowed", "[util][atomic]") {
  auto dir = testing::scratch_dir("atomic-symlink");
  std::filesystem::create_directories(dir / "real");
  REQUIRE(write_file_atomically(dir / "real" / "sbom.json", "old").ok());
  std::filesystem::create_symlink(dir / "real" / "sbom.json", dir / "link.json");
  CHECK(is_special_output(dir / "link.json"));
  CHECK_FALSE(is_special_output(dir / "real" / "sbom.json"));

  auto refused = write_file_atomically(dir / "link.json", "new");
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().find("symbolic link") != std::string::npos);
  CHECK(testing::read_file(dir / "real" / "sbom.json") == "old");
  CHECK(std::filesystem::is_symlink(dir / "link.json"));

  REQUIRE(write_file_atomically(dir / "link.json", "new", OutputPathRules{true}).ok());
  CHECK(std::filesystem::is_symlink(dir / "link.json"));
  CHECK(testing::read_file(dir / "real" / "sbom.json") == "new");
}

TEST_CASE("atomic write never replaces a read-only file, not even through an allowed link",
          "[util][atomic]") {
  auto dir = testing::scratch_dir("atomic-read-only");
  auto target = dir / "passwd";
  REQUIRE(write_file_atomically(target, "root:x:0:0").ok());
  std::filesystem::permissions(target, std::filesystem::perms::owner_read |
                                           std::filesystem::perms::group_read |
                                           std::filesystem::perms::others_read);
  std::filesystem::create_symlink(target, dir / "link.json");
  for (const auto& path : {target, dir / "link.json"}) {
    auto refused = write_file_atomically(path, "pwned", OutputPathRules{true});
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().find("read-only") != std::string::npos);
    CHECK_FALSE(check_output_path(path, OutputPathRules{true}).ok());
  }
  CHECK(testing::read_file(target) == "root:x:0:0");
  struct stat info {};
  REQUIRE(stat(target.c_str(), &info) == 0);
  CHECK((info.st_mode & 07777) == 0444);
}

TEST_CASE("atomic write keeps the permission bits of the file it replaces", "[util][atomic]") {
  auto dir = testing::scratch_dir("atomic-mode");
  auto target = dir / "private.json";
  REQUIRE(write_file_atomically(target, "old").ok());
  std::filesystem::permissions(target, std::filesystem::perms::owner_read |
                                           std::filesystem::perms::owner_write);
  REQUIRE(write_file_atomically(target, "new").ok());
  struct stat info {};
  REQUIRE(stat(target.c_str(), &info) == 0);
  CHECK((info.st_mode & 07777) == 0600);
  CHECK(testing::read_file(target) == "new");
}

TEST_CASE("write to a descriptor reports a full device", "[util][atomic]") {
  const int fd = ::open("/dev/full", O_WRONLY | O_CLOEXEC);
  REQUIRE(fd >= 0);
  const std::vector<std::string_view> parts{"{}", "\n"};
  auto status = write_to_descriptor(fd, parts, "standard output");
  ::close(fd);
  REQUIRE_FALSE(status.ok());
  CHECK(status.error() == "cannot write to standard output: No space left on device");
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
  REQUIRE(write_file_atomically("/dev/null", parts, OutputPathRules{true}).ok());
}
