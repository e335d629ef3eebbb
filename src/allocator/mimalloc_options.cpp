// Linked into the programs that run with mimalloc (cmake function
// kensa_use_mimalloc), not into the library.
//
// Reading or writing a big SBOM touches several hundred megabytes of fresh
// memory, and each 4 KiB page costs a fault on first touch: on the
// virtual machines CI runs on, faults were a quarter of the time. Backing
// mimalloc's segments with transparent 2 MiB pages (madvise) takes about a
// twentieth as many faults: reading a 100,000-component CycloneDX JSON
// document went from 2.5 to 1.7 seconds, and peak memory rose by a tenth at
// most (docs/dependencies.md). MIMALLOC_LARGE_OS_PAGES, when set, still
// decides.
//
// Fresh memory is also slow to touch even in 2 MiB pages (the kernel zeroes
// it, and a virtual machine's host may have to back it first): 0.35 to
// 1.1 GB/s on the development machine, against 25 GB/s for memory the
// process touched before. mimalloc gives a big block (a document's JSON
// nodes, a list of 100,000 components) back to the kernel as soon as it is
// freed, so the next step of a merge asked for fresh memory again: 1.2 GiB
// touched for a peak of 0.85 GiB. The arena below keeps freed blocks for
// the process to reuse (docs/dependencies.md).
#include <mimalloc.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <unistd.h>

#include <cstdint>
#include <cstdlib>

namespace {

// The arena's blocks are aligned to this (mimalloc's segments are 32 MiB).
constexpr std::uintptr_t k_arena_alignment = std::uintptr_t{64} << 20;

// Reserves address space as big as the machine's memory (nothing is touched
// until used) and lets mimalloc take its segments from it. Not done under
// an address-space limit, which asked kensa to hold back; where the
// reservation fails, mimalloc asks the kernel for each segment as before.
void reserve_reusable_arena(bool large_pages) {
  struct rlimit limit {};
  if (::getrlimit(RLIMIT_AS, &limit) != 0 || limit.rlim_cur != RLIM_INFINITY) {
    return;
  }
  const long pages = ::sysconf(_SC_PHYS_PAGES);
  const long page_size = ::sysconf(_SC_PAGESIZE);
  if (pages <= 0 || page_size <= 0) {
    return;
  }
  const std::size_t size = static_cast<std::size_t>(pages) * static_cast<std::size_t>(page_size) &
                           ~static_cast<std::size_t>(k_arena_alignment - 1);
  if (size == 0) {
    return;
  }
  void* reserved = ::mmap(nullptr, size + k_arena_alignment, PROT_READ | PROT_WRITE,
                          MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (reserved == MAP_FAILED) {
    return;
  }
  const std::uintptr_t start =
      (reinterpret_cast<std::uintptr_t>(reserved) + k_arena_alignment - 1) &
      ~(k_arena_alignment - 1);
  void* arena = reinterpret_cast<void*>(start);
  if (large_pages) {
    ::madvise(arena, size, MADV_HUGEPAGE);
  }
  // Committed (readable and writable already), not hugetlbfs pages, zero.
  if (!mi_manage_os_memory(arena, size, true, false, true, -1)) {
    ::munmap(reserved, size + k_arena_alignment);
  }
}

// Before main(), so before any big allocation.
[[maybe_unused]] const bool k_options_chosen = [] {
  if (std::getenv("MIMALLOC_LARGE_OS_PAGES") == nullptr) {
    mi_option_enable(mi_option_large_os_pages);
  }
  reserve_reusable_arena(mi_option_is_enabled(mi_option_large_os_pages));
  return true;
}();

} // namespace
