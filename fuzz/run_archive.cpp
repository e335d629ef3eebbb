// Fuzz entry point for the archive walker: the bytes are a file given to
// `kensa scan`, opened as whatever its content says (an archive of any kind
// kensa reads, an image tarball, nested archives), every member offered to
// the scanners.
#include "fuzz_target.hpp"
#include "write_every_format.hpp"

#include <kensa/scanner/scan.hpp>

#include <sys/mman.h>
#include <unistd.h>

#include <string>

namespace kensa::fuzz {

namespace {

// An anonymous in-memory file: the source layer opens inputs by path, and a
// file under /tmp per input would cost a disk write each time.
class MemoryFileDescriptor {
 public:
  explicit MemoryFileDescriptor(std::string_view data)
      : m_fd(memfd_create("kensa-fuzz-input", MFD_CLOEXEC)) {
    std::size_t written = 0;
    while (m_fd >= 0 && written < data.size()) {
      const ssize_t n = ::write(m_fd, data.data() + written, data.size() - written);
      if (n <= 0) {
        break;
      }
      written += static_cast<std::size_t>(n);
    }
  }
  MemoryFileDescriptor(const MemoryFileDescriptor&) = delete;
  MemoryFileDescriptor& operator=(const MemoryFileDescriptor&) = delete;
  ~MemoryFileDescriptor() {
    if (m_fd >= 0) {
      ::close(m_fd);
    }
  }
  bool ok() const { return m_fd >= 0; }
  std::string path() const { return "/proc/self/fd/" + std::to_string(m_fd); }

 private:
  int m_fd;
};

} // namespace

void run_archive(const FuzzTarget&, std::string_view data) {
  MemoryFileDescriptor file(data);
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
