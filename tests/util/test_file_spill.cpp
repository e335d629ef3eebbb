#include "../support/test_support.hpp"

#include <kensa/util/file_spill.hpp>

#include <catch2/catch.hpp>
#include <fcntl.h>
#include <unistd.h>

#include <cstring>
#include <string>

using kensa::util::FileSpill;
namespace testing = kensa::testing;

namespace {

std::unique_ptr<char[]> bytes_of(const std::string& text) {
  auto bytes = std::make_unique<char[]>(text.size());
  std::memcpy(bytes.get(), text.data(), text.size());
  return bytes;
}

} // namespace

// The pieces reach the file in order, the watcher sees each before it is
// written, and bytes written before are overwritten in place.
TEST_CASE("file spill: pieces are written in order, watched, and overwritten in place",
          "[util][file-spill]") {
  const auto dir = testing::scratch_dir("file-spill");
  const auto path = dir / "out.txt";
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  REQUIRE(fd >= 0);
  std::string expected;
  std::string watched;
  {
    FileSpill spill(fd);
    spill.watch([&watched](std::string_view bytes) { watched.append(bytes); });
    // More than the queue holds at once: take() waits for the writer.
    const std::string big(FileSpill::k_max_queued / 2, 'x');
    for (int i = 0; i < 3; ++i) {
      const std::string piece = "<" + std::to_string(i) + ">" + big;
      spill.take(bytes_of(piece), piece.size());
      expected += piece;
    }
    spill.drain();
    spill.watch({});
    spill.take(bytes_of("unwatched"), 9);
    expected += "unwatched";
    spill.overwrite(1, "7");
    expected[1] = '7';
    spill.drain();
    CHECK(spill.error() == 0);
  }
  ::close(fd);
  CHECK(watched == expected.substr(0, expected.size() - 9).replace(1, 1, "0"));
  CHECK(testing::read_file(path) == expected);
}

// A write that fails is reported by error(), and what follows is dropped
// without blocking the one who spills.
TEST_CASE("file spill: a failed write is reported and the rest dropped", "[util][file-spill]") {
  const int fd = ::open("/dev/full", O_WRONLY | O_CLOEXEC);
  REQUIRE(fd >= 0);
  FileSpill spill(fd);
  const std::string big(FileSpill::k_max_queued, 'x');
  for (int i = 0; i < 2; ++i) {
    spill.take(bytes_of(big), big.size());
  }
  spill.drain();
  CHECK(spill.error() == ENOSPC);
  ::close(fd);
}
