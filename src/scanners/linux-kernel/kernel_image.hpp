#pragma once

#include <kensa/util/result.hpp>

#include <string>
#include <string_view>

// The version string of an x86 Linux kernel image (bzImage, vmlinuz): the
// boot protocol's setup header (at 0x1f1) holds, at 0x20e, a pointer to
// the string "Linux version" prints, less its first words:
// "6.1.0-57-amd64 (debian-kernel@lists.debian.org) #1 SMP ... Debian 6.1.192-3 (...)".
namespace kensa::scanner::linux_kernel {

struct KernelVersion {
  // The release, as `uname -r` prints it and module vermagic starts with.
  std::string release;
  // The whole string.
  std::string build;
  // The upstream version a distribution's build line names ("Debian
  // 6.1.192-3" gives 6.1.192); empty when it names none.
  std::string upstream;
};

// Reads the version string of the kernel image `bytes`. Fails when they
// are not a bzImage (no "HdrS" setup header, boot protocol before 2.00) or
// the pointer leads nowhere readable.
Result<KernelVersion> read_kernel_version(std::string_view bytes);

// Whether `bytes` start like a bzImage (the setup header's magic).
bool looks_like_bzimage(std::string_view bytes);

} // namespace kensa::scanner::linux_kernel
