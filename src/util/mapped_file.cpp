#include <kensa/util/mapped_file.hpp>

#include <fcntl.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <cstdint>
#include <mutex>
#include <utility>

namespace kensa::util {

namespace {

// One mapping the handler answers for. The handler runs on the thread that
// touched the lost page, while another thread may be mapping or unmapping
// a file: every field is atomic, `begin` is set last and cleared first.
struct GuardedPlace {
  std::atomic<bool> taken{false};
  std::atomic<std::uintptr_t> begin{0};
  std::atomic<std::uintptr_t> end{0};
  std::atomic<bool> lost_pages{false};
};

// More files than kensa reads at once (two for diff, a pair at a time for
// merge); one more finds none and is read into a buffer.
constexpr std::size_t k_places = 64;
std::array<GuardedPlace, k_places> g_places;

std::uintptr_t g_page_size = 4096;
struct sigaction g_previous_action {};
std::once_flag g_handler_installed;

// Hands a SIGBUS that is not about a guarded mapping to whoever had it
// before: that handler, or the default action, raised again so that a
// signal sent with kill() ends the process too (a faulting access would
// fault again on return anyway).
void pass_on(int signal_number, siginfo_t* info, void* context) {
  if ((g_previous_action.sa_flags & SA_SIGINFO) != 0 && g_previous_action.sa_sigaction != nullptr) {
    g_previous_action.sa_sigaction(signal_number, info, context);
    return;
  }
  if (g_previous_action.sa_handler != SIG_DFL && g_previous_action.sa_handler != SIG_IGN &&
      g_previous_action.sa_handler != nullptr) {
    g_previous_action.sa_handler(signal_number);
    return;
  }
  struct sigaction default_action {};
  default_action.sa_handler = SIG_DFL;
  sigemptyset(&default_action.sa_mask);
  ::sigaction(SIGBUS, &default_action, nullptr);
  ::raise(SIGBUS);
}

void on_bus_error(int signal_number, siginfo_t* info, void* context) {
  const auto address = reinterpret_cast<std::uintptr_t>(info->si_addr);
  for (auto& place : g_places) {
    const std::uintptr_t begin = place.begin.load(std::memory_order_acquire);
    const std::uintptr_t end = place.end.load(std::memory_order_acquire);
    if (begin == 0 || address < begin || address >= end) {
      continue;
    }
    // Zero pages from the lost one to the end of the mapping: the file is
    // gone past there too. mmap is a plain system call, safe here.
    const std::uintptr_t page = address & ~(g_page_size - 1);
    void* replaced = ::mmap(reinterpret_cast<void*>(page), end - page, PROT_READ,
                            MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
    if (replaced != MAP_FAILED) {
      place.lost_pages.store(true, std::memory_order_release);
      return;
    }
    break;
  }
  pass_on(signal_number, info, context);
}

void install_handler() {
  const long page_size = ::sysconf(_SC_PAGESIZE);
  if (page_size > 0) {
    g_page_size = static_cast<std::uintptr_t>(page_size);
  }
  struct sigaction action {};
  action.sa_sigaction = on_bus_error;
  action.sa_flags = SA_SIGINFO | SA_RESTART | SA_ONSTACK;
  sigemptyset(&action.sa_mask);
  ::sigaction(SIGBUS, &action, &g_previous_action);
}

} // namespace

int guard_mapping(const void* data, std::size_t size) {
  std::call_once(g_handler_installed, install_handler);
  const auto begin = reinterpret_cast<std::uintptr_t>(data);
  const std::uintptr_t end = (begin + size + g_page_size - 1) & ~(g_page_size - 1);
  for (std::size_t i = 0; i < k_places; ++i) {
    bool expected = false;
    if (g_places[i].taken.compare_exchange_strong(expected, true, std::memory_order_acq_rel)) {
      g_places[i].lost_pages.store(false, std::memory_order_relaxed);
      g_places[i].end.store(end, std::memory_order_release);
      g_places[i].begin.store(begin, std::memory_order_release);
      return static_cast<int>(i);
    }
  }
  return -1;
}

bool mapping_lost_pages(int place) {
  return place >= 0 &&
         g_places[static_cast<std::size_t>(place)].lost_pages.load(std::memory_order_acquire);
}

void unguard_mapping(int place) {
  if (place < 0) {
    return;
  }
  GuardedPlace& guarded = g_places[static_cast<std::size_t>(place)];
  guarded.begin.store(0, std::memory_order_release);
  guarded.end.store(0, std::memory_order_release);
  guarded.taken.store(false, std::memory_order_release);
}

std::optional<MappedFile> MappedFile::map(int fd, std::size_t size) {
  if (size == 0) {
    return std::nullopt;
  }
  // Looked at before it is mapped: any change from here on shows.
  // A file no longer `size` bytes long changed since the caller measured
  // it: read it instead, to its end.
  struct stat status {};
  if (::fstat(fd, &status) != 0 || static_cast<std::uint64_t>(status.st_size) != size) {
    return std::nullopt;
  }
  // Read in at once: one call instead of a fault per few pages, and the
  // whole text is read anyway.
  void* data = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
  if (data == MAP_FAILED) {
    return std::nullopt;
  }
  // Kept to look at the file again: a file cut inside its last page
  // raises no SIGBUS (the rest of that page reads as zeros), and one
  // written over in place shows its new bytes through the mapping. Its
  // change time moves with any write and cannot be set back.
  const int kept = ::fcntl(fd, F_DUPFD_CLOEXEC, 0);
  const int slot = kept < 0 ? -1 : guard_mapping(data, size);
  if (slot < 0) {
    if (kept >= 0) {
      ::close(kept);
    }
    ::munmap(data, size);
    return std::nullopt;
  }
  MappedFile mapped;
  mapped.m_data = static_cast<const char*>(data);
  mapped.m_size = size;
  mapped.m_slot = slot;
  mapped.m_fd = kept;
  mapped.m_stamp = {status.st_size, status.st_mtim.tv_sec, status.st_mtim.tv_nsec,
                    status.st_ctim.tv_sec, status.st_ctim.tv_nsec};
  return mapped;
}

MappedFile::MappedFile(MappedFile&& other) noexcept
    : m_data(std::exchange(other.m_data, nullptr)), m_size(std::exchange(other.m_size, 0)),
      m_slot(std::exchange(other.m_slot, -1)), m_fd(std::exchange(other.m_fd, -1)),
      m_stamp(other.m_stamp), m_changed(other.m_changed) {}

MappedFile& MappedFile::operator=(MappedFile&& other) noexcept {
  if (this != &other) {
    release();
    m_data = std::exchange(other.m_data, nullptr);
    m_size = std::exchange(other.m_size, 0);
    m_slot = std::exchange(other.m_slot, -1);
    m_fd = std::exchange(other.m_fd, -1);
    m_stamp = other.m_stamp;
    m_changed = other.m_changed;
  }
  return *this;
}

MappedFile::~MappedFile() {
  release();
}

bool MappedFile::changed() const {
  if (m_slot < 0) {
    return m_changed;
  }
  if (mapping_lost_pages(m_slot)) {
    return true;
  }
  struct stat now {};
  return ::fstat(m_fd, &now) != 0 || now.st_size != m_stamp.size ||
         now.st_mtim.tv_sec != m_stamp.modified_seconds ||
         now.st_mtim.tv_nsec != m_stamp.modified_nanoseconds ||
         now.st_ctim.tv_sec != m_stamp.changed_seconds ||
         now.st_ctim.tv_nsec != m_stamp.changed_nanoseconds;
}

void MappedFile::release() {
  if (m_slot < 0) {
    return;
  }
  m_changed = changed();
  ::close(m_fd);
  m_fd = -1;
  unguard_mapping(m_slot);
  ::munmap(const_cast<char*>(m_data), m_size);
  m_data = nullptr;
  m_size = 0;
  m_slot = -1;
}

} // namespace kensa::util
