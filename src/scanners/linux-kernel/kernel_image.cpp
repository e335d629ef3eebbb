#include "kernel_image.hpp"

#include <kensa/util/strings.hpp>

#include <algorithm>
#include <cstdint>

namespace kensa::scanner::linux_kernel {

namespace {

// Offsets of the boot protocol (Documentation/arch/x86/boot.rst).
constexpr std::size_t k_header_magic = 0x202;
constexpr std::size_t k_protocol_version = 0x206;
constexpr std::size_t k_kernel_version = 0x20e;
// The pointer is relative to the end of the boot sector.
constexpr std::size_t k_pointer_base = 0x200;
// Real version strings are about 150 bytes.
constexpr std::size_t k_max_version_length = 512;

std::uint16_t read_u16(std::string_view bytes, std::size_t at) {
  return static_cast<std::uint16_t>(static_cast<unsigned char>(bytes[at]) |
                                    (static_cast<unsigned char>(bytes[at + 1]) << 8));
}

bool release_char(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '.' ||
         c == '-' || c == '_' || c == '+' || c == '~';
}

// "6.1.192" from "... Debian 6.1.192-3 (2026-11-26)" (Ubuntu writes
// "Ubuntu 6.8.0-31.31-generic 6.8.1" at the end, the upstream version last).
std::string upstream_version(std::string_view build) {
  for (std::string_view marker : {std::string_view(" Debian "), std::string_view(" Ubuntu ")}) {
    auto at = build.find(marker);
    if (at == std::string_view::npos) {
      continue;
    }
    std::string_view rest = build.substr(at + marker.size());
    if (marker == " Ubuntu ") {
      // The last word is the upstream version.
      auto space = rest.find_last_of(' ');
      rest = space == std::string_view::npos ? rest : rest.substr(space + 1);
    }
    std::size_t end = 0;
    while (end < rest.size() && ((rest[end] >= '0' && rest[end] <= '9') || rest[end] == '.')) {
      ++end;
    }
    std::string_view version = rest.substr(0, end);
    if (!version.empty() && version.front() != '.' && version.find('.') != std::string_view::npos) {
      return std::string(version);
    }
  }
  return {};
}

} // namespace

bool looks_like_bzimage(std::string_view bytes) {
  return bytes.size() > k_kernel_version + 2 && bytes.substr(k_header_magic, 4) == "HdrS";
}

Result<KernelVersion> read_kernel_version(std::string_view bytes) {
  if (!looks_like_bzimage(bytes)) {
    return fail("not an x86 kernel image (no setup header)");
  }
  if (read_u16(bytes, k_protocol_version) < 0x200) {
    return fail("kernel image of a boot protocol older than 2.00, which names no version");
  }
  const std::uint16_t pointer = read_u16(bytes, k_kernel_version);
  const std::size_t offset = k_pointer_base + pointer;
  if (pointer == 0 || offset >= bytes.size()) {
    return fail("kernel image's version pointer leads past the end of the file");
  }
  std::string_view text = bytes.substr(offset, k_max_version_length);
  auto end = text.find('\0');
  if (end == std::string_view::npos) {
    return fail("kernel image's version string is not terminated");
  }
  text = text.substr(0, end);
  if (!std::all_of(text.begin(), text.end(), [](char c) { return c >= 0x20 && c < 0x7f; })) {
    return fail("kernel image's version string is not printable text");
  }
  KernelVersion version;
  version.release = std::string(text.substr(0, text.find(' ')));
  if (version.release.empty() || version.release.front() < '0' || version.release.front() > '9' ||
      !std::all_of(version.release.begin(), version.release.end(), release_char)) {
    return fail("kernel image's version string does not start with a release");
  }
  version.build = std::string(text);
  version.upstream = upstream_version(text);
  return version;
}

} // namespace kensa::scanner::linux_kernel
