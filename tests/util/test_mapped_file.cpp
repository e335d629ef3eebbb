// Files read through the page cache, and what happens when one is cut
// short while it is mapped.
#include "../source/source_test_support.hpp"
#include "../support/test_support.hpp"

#include <kensa/util/input_text.hpp>
#include <kensa/util/mapped_file.hpp>

#include <catch2/catch.hpp>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>

using namespace kensa;

namespace {

// Opens `path` for reading; closed when the test ends.
struct OpenFile {
  explicit OpenFile(const std::filesystem::path& path) : fd(::open(path.c_str(), O_RDONLY)) {}
  OpenFile(const OpenFile&) = delete;
  OpenFile& operator=(const OpenFile&) = delete;
  ~OpenFile() {
    if (fd >= 0) {
      ::close(fd);
    }
  }
  int fd;
};

} // namespace

TEST_CASE("mapped file: the text is the file's, and is gone once released", "[util]") {
  const auto dir = testing::scratch_dir("mapped-file");
  const auto path = dir / "bom.json";
  const std::string text = "{\"bomFormat\": \"CycloneDX\"}\n" + std::string(50'000, ' ');
  testing::write_text(path, text);
  const OpenFile file(path);
  REQUIRE(file.fd >= 0);
  CHECK_FALSE(util::MappedFile::map(file.fd, 0).has_value());
  // Measured at another size: the file changed since, and is read instead.
  CHECK_FALSE(util::MappedFile::map(file.fd, text.size() - 1).has_value());
  CHECK_FALSE(util::MappedFile::map(file.fd, text.size() + 1).has_value());
  auto mapped = util::MappedFile::map(file.fd, text.size());
  REQUIRE(mapped.has_value());
  CHECK(mapped->text() == text);
  CHECK_FALSE(mapped->changed());
  // Moved, it is still the one mapping.
  util::InputText input(std::move(*mapped));
  CHECK(input.is_mapped());
  CHECK(input.string() == nullptr);
  CHECK(input.view() == text);
  input.release();
  CHECK(input.view().empty());
  CHECK_FALSE(input.changed());
}

TEST_CASE("mapped file: a file cut short while mapped reads as zeros and says so",
          "[util][hostile]") {
  const auto dir = testing::scratch_dir("mapped-file-cut");
  const auto path = dir / "bom.json";
  const std::string text(3 * 65'536 + 100, 'x');
  testing::write_text(path, text);
  const OpenFile file(path);
  auto mapped = util::MappedFile::map(file.fd, text.size());
  REQUIRE(mapped.has_value());
  // Another writer cuts the file to one page while it is read: the pages
  // past the new end would raise SIGBUS.
  std::filesystem::resize_file(path, 4096);
  const std::string_view seen = mapped->text();
  CHECK(seen[0] == 'x');
  CHECK(seen[seen.size() - 1] == '\0');
  CHECK(seen[2 * 65'536] == '\0');
  CHECK(mapped->changed());
  util::InputText input(std::move(*mapped));
  CHECK(input.changed());
  input.release();
  // Still known once the file is no longer mapped.
  CHECK(input.changed());
  // A mapping made afterwards in the same place starts whole.
  testing::write_text(path, text);
  const OpenFile again(path);
  auto remapped = util::MappedFile::map(again.fd, text.size());
  REQUIRE(remapped.has_value());
  CHECK(remapped->text() == text);
  CHECK_FALSE(remapped->changed());
}

TEST_CASE("mapped file: a file written over in place while mapped says so", "[util][hostile]") {
  const auto dir = testing::scratch_dir("mapped-file-overwritten");
  const auto path = dir / "bom.json";
  const std::string text = "{\"name\": \"checked\"}";
  testing::write_text(path, text);
  // Written an hour ago: the rewrite below gets another time even where
  // file times move in steps of a few milliseconds.
  std::filesystem::last_write_time(path, std::filesystem::file_time_type::clock::now() -
                                             std::chrono::hours(1));
  const OpenFile file(path);
  auto mapped = util::MappedFile::map(file.fd, text.size());
  REQUIRE(mapped.has_value());
  CHECK_FALSE(mapped->changed());
  {
    // The same length, other bytes: the mapping shows them.
    std::FILE* writer = std::fopen(path.c_str(), "r+");
    REQUIRE(writer != nullptr);
    std::fputs("{\"name\": \"CHANGED\"}", writer);
    std::fclose(writer);
  }
  CHECK(mapped->text() == "{\"name\": \"CHANGED\"}");
  CHECK(mapped->changed());
  mapped->release();
  CHECK(mapped->changed());
}

TEST_CASE("mapped file: a SIGBUS elsewhere still ends the process", "[util][hostile]") {
  const auto dir = testing::scratch_dir("mapped-file-foreign");
  const auto path = dir / "other.bin";
  testing::write_text(path, std::string(4096, 'y'));
  // The handler is installed by the first mapping.
  const OpenFile guarded_file(path);
  auto guarded = util::MappedFile::map(guarded_file.fd, 4096);
  REQUIRE(guarded.has_value());
  const auto unguarded = dir / "unguarded.bin";
  testing::write_text(unguarded, std::string(3 * 4096, 'z'));
  const pid_t child = ::fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    // A mapping of kensa's own that no MappedFile guards, cut short.
    const int fd = ::open(unguarded.c_str(), O_RDWR);
    void* data = ::mmap(nullptr, 3 * 4096, PROT_READ, MAP_SHARED, fd, 0);
    if (fd < 0 || data == MAP_FAILED || ::ftruncate(fd, 0) != 0) {
      ::_exit(3);
    }
    const volatile char* bytes = static_cast<const char*>(data);
    const char lost = bytes[2 * 4096];
    ::_exit(lost == 0 ? 0 : 4);
  }
  int status = 0;
  REQUIRE(::waitpid(child, &status, 0) == child);
  // Killed by the signal, or ended by a sanitizer that reports it; never
  // a silent zero.
  const bool survived = WIFEXITED(status) && WEXITSTATUS(status) == 0;
  CHECK_FALSE(survived);
  CHECK_FALSE((WIFEXITED(status) && WEXITSTATUS(status) == 3));
  CHECK(guarded->text() == std::string(4096, 'y'));
}
