#include <kensa/util/huge_pages.hpp>

#include <cstdint>

#ifdef __linux__
#include <sys/mman.h>
#endif

namespace kensa::util {

void advise_huge_pages(void* data, std::size_t size) {
#if defined(__linux__) && defined(MADV_HUGEPAGE)
  constexpr std::uintptr_t k_huge_page = 2 * 1024 * 1024;
  // Below a few huge pages the saving is not worth a system call.
  if (data == nullptr || size < 4 * k_huge_page) {
    return;
  }
  const auto begin = reinterpret_cast<std::uintptr_t>(data);
  const std::uintptr_t first = (begin + k_huge_page - 1) & ~(k_huge_page - 1);
  const std::uintptr_t last = (begin + size) & ~(k_huge_page - 1);
  if (first < last) {
    // A failure only means ordinary pages.
    static_cast<void>(madvise(reinterpret_cast<void*>(first), last - first, MADV_HUGEPAGE));
  }
#else
  static_cast<void>(data);
  static_cast<void>(size);
#endif
}

} // namespace kensa::util
