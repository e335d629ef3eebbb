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
#include <mimalloc.h>

#include <cstdlib>

namespace {

// Before main(), so before any big allocation.
[[maybe_unused]] const bool k_large_pages_chosen = [] {
  if (std::getenv("MIMALLOC_LARGE_OS_PAGES") == nullptr) {
    mi_option_enable(mi_option_large_os_pages);
  }
  return true;
}();

} // namespace
