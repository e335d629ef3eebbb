// operator new and delete on mimalloc, linked into the programs that run
// with it (cmake function kensa_use_mimalloc), not into the library.
//
// Debian's mimalloc is built as C: when memory runs out, its operator new
// finds no new handler (it cannot see the C++ library's) and calls
// abort(), so kensa died with SIGABRT and no word. These replacements
// throw std::bad_alloc as the standard says, which app.cpp turns into one
// line naming the input and exit code 3. They take precedence over the
// shared library's because the executable defines them.
#include <mimalloc.h>

#include <cstddef>
#include <new>

namespace {

void* allocate(std::size_t size) {
  for (;;) {
    if (void* memory = mi_malloc(size)) {
      return memory;
    }
    const std::new_handler handler = std::get_new_handler();
    if (handler == nullptr) {
      throw std::bad_alloc();
    }
    handler();
  }
}

void* allocate_aligned(std::size_t size, std::align_val_t alignment) {
  for (;;) {
    if (void* memory = mi_malloc_aligned(size, static_cast<std::size_t>(alignment))) {
      return memory;
    }
    const std::new_handler handler = std::get_new_handler();
    if (handler == nullptr) {
      throw std::bad_alloc();
    }
    handler();
  }
}

template <typename Allocate>
void* allocate_or_null(Allocate allocate_memory) noexcept {
  try {
    return allocate_memory();
  } catch (const std::bad_alloc&) {
    return nullptr;
  }
}

} // namespace

void* operator new(std::size_t size) {
  return allocate(size);
}

void* operator new[](std::size_t size) {
  return allocate(size);
}

void* operator new(std::size_t size, const std::nothrow_t&) noexcept {
  return allocate_or_null([&] { return allocate(size); });
}

void* operator new[](std::size_t size, const std::nothrow_t&) noexcept {
  return allocate_or_null([&] { return allocate(size); });
}

void* operator new(std::size_t size, std::align_val_t alignment) {
  return allocate_aligned(size, alignment);
}

void* operator new[](std::size_t size, std::align_val_t alignment) {
  return allocate_aligned(size, alignment);
}

void* operator new(std::size_t size, std::align_val_t alignment, const std::nothrow_t&) noexcept {
  return allocate_or_null([&] { return allocate_aligned(size, alignment); });
}

void* operator new[](std::size_t size, std::align_val_t alignment, const std::nothrow_t&) noexcept {
  return allocate_or_null([&] { return allocate_aligned(size, alignment); });
}

void operator delete(void* memory) noexcept {
  mi_free(memory);
}

void operator delete[](void* memory) noexcept {
  mi_free(memory);
}

void operator delete(void* memory, std::size_t) noexcept {
  mi_free(memory);
}

void operator delete[](void* memory, std::size_t) noexcept {
  mi_free(memory);
}

void operator delete(void* memory, const std::nothrow_t&) noexcept {
  mi_free(memory);
}

void operator delete[](void* memory, const std::nothrow_t&) noexcept {
  mi_free(memory);
}

void operator delete(void* memory, std::align_val_t) noexcept {
  mi_free(memory);
}

void operator delete[](void* memory, std::align_val_t) noexcept {
  mi_free(memory);
}

void operator delete(void* memory, std::size_t, std::align_val_t) noexcept {
  mi_free(memory);
}

void operator delete[](void* memory, std::size_t, std::align_val_t) noexcept {
  mi_free(memory);
}

void operator delete(void* memory, std::align_val_t, const std::nothrow_t&) noexcept {
  mi_free(memory);
}

void operator delete[](void* memory, std::align_val_t, const std::nothrow_t&) noexcept {
  mi_free(memory);
}
