#pragma once

#include <cstddef>

// Big buffers that are filled once and read many times (a 100 MB document,
// its parsed nodes) spend a large share of their first touch in page
// faults: one per 4 KiB. Asking the kernel for transparent huge pages cuts
// that by 512. Only a hint: a no-op where the system does not support it.
namespace kensa::util {

// Advises huge pages for the whole 2 MiB-aligned part of [data, data+size)
// that has not been written yet (call it right after allocating).
void advise_huge_pages(void* data, std::size_t size);

} // namespace kensa::util
