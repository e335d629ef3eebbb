#include <kensa/source/mapped_file.hpp>

#include <fcntl.h>
#include <signal.h>
#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <mutex>

namespace kensa::source {

namespace {

// The address ranges of the live mappings, for the SIGBUS handler: it must
// tell a fault in one of them (a file truncated under the scan) from any
// other. Plain atomics, since a signal handler may take no lock. A range is
// [begin, end); begin 0 marks a free slot.
struct GuardedRange {
  std::atomic<std::uintptr_t> begin{0};
  std::atomic<std::uintptr_t> end{0};
};
constexpr std::size_t k_guarded_slots = 64;
std::array<GuardedRange, k_guarded_slots> g_ranges;
struct sigaction g_previous_action {};
std::once_flag g_handler_installed;

bool in_guarded_range(std::uintptr_t address) {
  for (const auto& range : g_ranges) {
    std::uintptr_t begin = range.begin.load(std::memory_order_acquire);
    if (begin != 0 && address >= begin && address < range.end.load(std::memory_order_acquire)) {
      return true;
    }
  }
  return false;
}

// A read past the end of a file that shrank after it was mapped: the page is
// replaced by one of zeros and the read is retried, so the reader sees
// damaged bytes and says so. mmap is a plain system call on Linux, safe in a
// handler. Faults anywhere else go to the handler that was there before.
void on_bus_error(int signal, siginfo_t* info, void* context) {
  auto address = reinterpret_cast<std::uintptr_t>(info->si_addr);
  if (in_guarded_range(address)) {
    auto page_size = static_cast<std::uintptr_t>(::sysconf(_SC_PAGESIZE));
    void* page = reinterpret_cast<void*>(address & ~(page_size - 1));
    if (::mmap(page, page_size, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0) !=
        MAP_FAILED) {
      return;
    }
  }
  if ((g_previous_action.sa_flags & SA_SIGINFO) != 0 && g_previous_action.sa_sigaction != nullptr) {
    g_previous_action.sa_sigaction(signal, info, context);
    return;
  }
  if (g_previous_action.sa_handler != SIG_DFL && g_previous_action.sa_handler != SIG_IGN &&
      g_previous_action.sa_handler != nullptr) {
    g_previous_action.sa_handler(signal);
    return;
  }
  // Returning retries the faulting read, which now ends the process as it
  // would have without this handler.
  ::signal(SIGBUS, SIG_DFL);
}

void install_handler() {
  struct sigaction action {};
  action.sa_sigaction = &on_bus_error;
  action.sa_flags = SA_SIGINFO | SA_NODEFER;
  sigemptyset(&action.sa_mask);
  ::sigaction(SIGBUS, &action, &g_previous_action);
}

// Takes a free slot for [begin, end); false when all are taken.
bool guard(std::uintptr_t begin, std::uintptr_t end) {
  std::call_once(g_handler_installed, &install_handler);
  for (auto& range : g_ranges) {
    std::uintptr_t free = 0;
    // A free slot's end is 0, so until it is stored the range is empty.
    if (range.begin.compare_exchange_strong(free, begin, std::memory_order_acq_rel)) {
      range.end.store(end, std::memory_order_release);
      return true;
    }
  }
  return false;
}

void unguard(std::uintptr_t begin) {
  for (auto& range : g_ranges) {
    if (range.begin.load(std::memory_order_acquire) == begin) {
      range.end.store(0, std::memory_order_release);
      range.begin.store(0, std::memory_order_release);
      return;
    }
  }
}

class Mapping : public MappedFile {
 public:
  Mapping(void* address, std::size_t size, bool guarded)
      : m_address(address), m_size(size), m_guarded(guarded) {}
  Mapping(const Mapping&) = delete;
  Mapping& operator=(const Mapping&) = delete;
  ~Mapping() override {
    if (m_size == 0) {
      return;
    }
    if (m_guarded) {
      unguard(reinterpret_cast<std::uintptr_t>(m_address));
    }
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
  bool m_guarded;
};

} // namespace

Result<std::shared_ptr<const MappedFile>> map_descriptor(int fd, std::uint64_t size) {
  if (size == 0) {
    ::close(fd);
    return std::shared_ptr<const MappedFile>(std::make_shared<Mapping>(nullptr, 0, false));
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
  auto begin = reinterpret_cast<std::uintptr_t>(address);
  if (!guard(begin, begin + static_cast<std::uintptr_t>(size))) {
    // Unguarded, a truncation would be fatal: more mappings than slots live
    // at once is a bug in the caller, refused rather than risked.
    ::munmap(address, static_cast<std::size_t>(size));
    return fail("too many files mapped at once");
  }
  return std::shared_ptr<const MappedFile>(
      std::make_shared<Mapping>(address, static_cast<std::size_t>(size), true));
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
