#pragma once

#include <kensa/scanner/scanner.hpp>

#include <memory>

// Linux kernels and their modules: the release and build line of a kernel
// image (x86 bzImage/vmlinuz), and the .modinfo of each module (.ko,
// .ko.xz), each module related to the kernel its vermagic names.
namespace kensa::scanner::linux_kernel {

std::unique_ptr<Scanner> make_scanner();

} // namespace kensa::scanner::linux_kernel
