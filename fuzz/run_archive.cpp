// Fuzz entry point for the archive walker: the bytes are a file given to
// `kensa scan`, opened as whatever its content says (an archive of any kind
// kensa reads, an image tarball, nested archives), every member offered to
// the scanners.
#include "fuzz_target.hpp"
#include "write_every_format.hpp"

#include <kensa/scanner/scan.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace kensa::fuzz {

namespace {

// The input as a file: the source layer opens inputs by path (and resolves
// it, so an anonymous memfd will not do). /dev/shm keeps it in memory; one
// file per process, rewritten for each input.
class InputFile {
 public:
  explicit InputFile(std::string_view data) {
    std::error_code error;
    const std::filesystem::path folder = std::filesystem::is_directory("/dev/shm", error)
                                             ? std::filesystem::path("/dev/shm")
                                             : std::filesystem::temp_directory_path();
    m_path = folder / ("kensa-fuzz-" + std::to_string(::getpid()));
    std::ofstream out(m_path, std::ios::binary | std::ios::trunc);
    out.write(data.data(), static_cast<std::streamsize>(data.size()));
    m_ok = static_cast<bool>(out);
  }
  InputFile(const InputFile&) = delete;
  InputFile& operator=(const InputFile&) = delete;
  ~InputFile() {
    std::error_code error;
    std::filesystem::remove(m_path, error);
  }
  bool ok() const { return m_ok; }
  const std::filesystem::path& path() const { return m_path; }

 private:
  std::filesystem::path m_path;
  bool m_ok = false;
};

} // namespace

void run_archive(const FuzzTarget&, std::string_view data) {
  InputFile file(data);
  if (!file.ok()) {
    return;
  }
  scanner::ScanOptions options;
  options.timestamp = 0;
  // Smaller budgets than a real scan's, so that one input that reaches a
  // limit costs milliseconds; the limits' logic is the same.
  options.source.limits.max_total_bytes = 64ull << 20;
  options.source.limits.max_nested_archive_size = 16ull << 20;
  options.source.limits.ratio_threshold = 1ull << 20;
  auto document = scanner::scan(file.path(), options);
  if (document) {
    write_every_format(*document);
  }
}

} // namespace kensa::fuzz
