// Executables far larger than any buffer kensa keeps: their build
// information is read from the file mapped, or from a temporary copy of an
// archive member, in bounded memory.
#include "../../support/test_support.hpp"
#include "../common/binary/native_test_support.hpp"
#include "go_build_fixture.hpp"

#include <catch2/catch.hpp>

#include <fstream>

namespace fs = std::filesystem;
using namespace kensa;
using namespace kensa::testing;

namespace {

// Past the old 256 MiB cap on executables, and past any buffer: appended
// bytes are not part of any section, so the binary still reads as the
// same program. A sparse hole takes no disk space; the last bytes are
// data, so that an archive holding the file stores the hole as a hole and
// reading the member makes all 300 MiB.
constexpr std::uintmax_t k_padded_size = 300ull << 20;

fs::path padded_go_binary(const golang::GoBuild& build, const fs::path& folder,
                          const std::string& name) {
  fs::path binary = folder / name;
  fs::copy_file(build.binaries.at("linux-amd64").path, binary);
  fs::resize_file(binary, k_padded_size - 4);
  std::ofstream(binary, std::ios::binary | std::ios::app) << "end\n";
  REQUIRE(fs::file_size(binary) == k_padded_size);
  return binary;
}

} // namespace

TEST_CASE("go binaries: a 300 MiB binary in a folder is read mapped, in bounded memory",
          "[go][binary][large]") {
  std::string skip_reason;
  const golang::GoBuild* build = golang::go_build(skip_reason);
  if (build == nullptr) {
    WARN("skipped: " << skip_reason);
    return;
  }
  fs::path folder = scratch_dir("go-large-folder");
  padded_go_binary(*build, folder, "terraform");
  auto run = run_kensa_bounded({"scan", folder.string(), "--scanner", "go", "-o", "cyclonedx-json"},
                               Bounds{});
  INFO(run.err);
  CHECK(run.exit_code == 0);
  CHECK(run.err.find("over the limit") == std::string::npos);
  CHECK(run.out.find("pkg:golang/example.com/greeting@v1.2.0") != std::string::npos);
  // Buffering the file would take 300 MiB on its own.
  CHECK(run.max_rss_kib < k_bounded_run_memory_kib);
}

TEST_CASE("go binaries: a 300 MiB archive member is read from a temporary copy",
          "[go][binary][large]") {
  std::string skip_reason;
  const golang::GoBuild* build = golang::go_build(skip_reason);
  if (build == nullptr) {
    WARN("skipped: " << skip_reason);
    return;
  }
  fs::path folder = scratch_dir("go-large-member");
  fs::path staging = folder / "staging";
  fs::create_directories(staging);
  padded_go_binary(*build, staging, "terraform");
  // A sparse member: the tar is a few MiB, the member reads as 300 MiB.
  REQUIRE(native::run_shell("tar -cSf " + native::shell_quote((folder / "release.tar").string()) +
                                " -C " + native::shell_quote(staging.string()) + " terraform",
                            folder / "tar.log"));
  fs::remove_all(staging);
  auto run = run_kensa_bounded(
      {"scan", (folder / "release.tar").string(), "--scanner", "go", "-o", "cyclonedx-json"},
      Bounds{});
  INFO(run.err);
  CHECK(run.exit_code == 0);
  CHECK(run.err.find("over the limit") == std::string::npos);
  CHECK(run.out.find("pkg:golang/example.com/greeting@v1.2.0") != std::string::npos);
  // The member goes to its temporary copy from its first bytes, its header
  // saying it is bigger than the 64 MiB kept in memory: it never grows in
  // memory first (that took 200 MiB, the copy doubling on its way to 64).
  CHECK(run.max_rss_kib < (KENSA_SANITIZED ? k_bounded_run_memory_kib : 48 * 1024));

  // The copy is capped like any executable, with a warning naming the member.
  auto capped = run_kensa_bounded({"scan", (folder / "release.tar").string(), "--scanner", "go",
                                   "--max-executable-size", "100MiB"},
                                  Bounds{});
  CHECK(capped.exit_code == 0);
  CHECK(capped.err.find("release.tar!/terraform: file is 314572800 bytes, over the limit of "
                        "104857600 bytes; not scanned") != std::string::npos);
}
