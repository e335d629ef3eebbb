#include <kensa/source/mapped_file.hpp>
#include <kensa/util/mapped_file.hpp>

#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>

namespace kensa::source {

namespace {

class Mapping : public MappedFile {
 public:
  Mapping(void* address, std::size_t size, int guarded_place)
      : m_address(address), m_size(size), m_guarded_place(guarded_place) {}
  Mapping(const Mapping&) = delete;
  Mapping& operator=(const Mapping&) = delete;
  ~Mapping() override {
    if (m_size == 0) {
      return;
    }
    util::unguard_mapping(m_guarded_place);
    ::munmap(m_address, m_size);
  }
  std::string_view bytes() const override {
    return m_size == 0 ? std::string_view()
                       : std::string_view(static_cast<char*>(m_address), m_size);
  }
  // The mapping is private and never written, so its pages can be dropped
  // and read back from the file at will.
  void release(std::size_t offset, std::size_t size) const override {
    if (offset >= m_size) {
      return;
    }
    size = std::min(size, m_size - offset);
    const auto page_size = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
    const std::size_t begin = (offset + page_size - 1) / page_size * page_size;
    const std::size_t end = (offset + size) / page_size * page_size;
    if (end > begin) {
      ::madvise(static_cast<char*>(m_address) + begin, end - begin, MADV_DONTNEED);
    }
  }

 private:
  void* m_address;
  std::size_t m_size;
  // Its place in the SIGBUS guard (util/mapped_file.hpp): a page the
  // file loses while mapped reads as zeros instead of ending the process.
  int m_guarded_place;
};

} // namespace

Result<std::shared_ptr<const MappedFile>> map_descriptor(int fd, std::uint64_t size) {
  if (size == 0) {
    ::close(fd);
    return std::shared_ptr<const MappedFile>(std::make_shared<Mapping>(nullptr, 0, -1));
  }
  if (size > SIZE_MAX) {
    ::close(fd);
    return fail("too large to map");
  }
  void* address = ::mmap(nullptr, static_cast<std::size_t>(size), PROT_READ, MAP_PRIVATE, fd, 0);
  int error = errno;
  // The mapping keeps the file open by itself.
  ::close(fd);
  if (address == MAP_FAILED) {
    return fail(std::strerror(error));
  }
  const int place = util::guard_mapping(address, static_cast<std::size_t>(size));
  if (place < 0) {
    // Unguarded, a truncation would be fatal: more mappings than slots live
    // at once is a bug in the caller, refused rather than risked.
    ::munmap(address, static_cast<std::size_t>(size));
    return fail("too many files mapped at once");
  }
  return std::shared_ptr<const MappedFile>(
      std::make_shared<Mapping>(address, static_cast<std::size_t>(size), place));
}

Result<std::shared_ptr<const MappedFile>> map_file(const std::filesystem::path& path,
                                                   std::uint64_t size) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    return fail(std::strerror(errno));
  }
  return map_descriptor(fd, size);
}

} // namespace kensa::source
