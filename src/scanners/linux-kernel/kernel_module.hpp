#pragma once

#include <kensa/util/result.hpp>

#include <string>
#include <string_view>
#include <vector>

// Linux kernel modules: the .modinfo section of a module's ELF file, a run
// of NUL-terminated "key=value" strings (name, version, vermagic, license,
// depends, ...). Modules compressed with xz (.ko.xz) are decompressed first.
namespace kensa::scanner::linux_kernel {

// The most bytes a .modinfo section, or a decompressed module, may have.
inline constexpr std::size_t k_max_modinfo_size = 1 << 20;
inline constexpr std::size_t k_max_module_size = 256 << 20;

struct ModuleInfo {
  std::string name;
  std::string version;
  // "6.1.0-57-amd64 SMP preempt mod_unload modversions": the kernel release
  // first.
  std::string vermagic;
  std::string license;
  std::string description;
  // The modules it needs, by name.
  std::vector<std::string> depends;
};

// The .modinfo bytes of the module `bytes` (an ELF relocatable file, or an
// xz stream holding one when `xz` is true, decompressed up to
// `max_module_size` bytes). Fails when the file is not an ELF file, has no
// .modinfo section, or is over the caps.
Result<std::string> read_modinfo_section(std::string_view bytes, bool xz,
                                         std::size_t max_module_size = k_max_module_size);

// Parses .modinfo bytes. Keys it does not know are skipped; the first of a
// repeated key is kept (a module has several "alias" lines).
ModuleInfo parse_modinfo(std::string_view modinfo);

} // namespace kensa::scanner::linux_kernel
