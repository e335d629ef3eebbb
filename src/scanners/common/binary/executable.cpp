#include "executable.hpp"

#include "byte_reader.hpp"
#include "format_readers.hpp"

#include <cstdio>

namespace kensa::scanner::binary {

namespace {

bool starts_with(std::string_view bytes, std::string_view prefix) {
  return bytes.substr(0, prefix.size()) == prefix;
}

constexpr std::string_view k_elf_magic = "\x7f"
                                         "ELF";
constexpr std::string_view k_mz_magic = "MZ";

bool is_thin_macho(std::string_view head) {
  if (head.size() < 4) {
    return false;
  }
  ByteReader little(head, false);
  ByteReader big(head, true);
  for (std::uint32_t magic : {*little.u32(0), *big.u32(0)}) {
    if (magic == 0xfeedface || magic == 0xfeedfacf) {
      return true;
    }
  }
  return false;
}

// A universal binary and a Java class file both start with 0xcafebabe. The
// next word is the slice count for the first and the class file version for
// the second, which is 45 or more (Java 1.1), and a universal binary has a
// handful of slices.
bool is_universal_macho(std::string_view head) {
  ByteReader big(head, true);
  auto magic = big.u32(0);
  auto count = big.u32(4);
  return magic && count && (*magic == 0xcafebabe || *magic == 0xcafebabf) && *count > 0 &&
         *count < 45;
}

} // namespace

std::string_view format_name(ExecutableFormat format) {
  switch (format) {
  case ExecutableFormat::elf:
    return "ELF";
  case ExecutableFormat::macho:
    return "Mach-O";
  case ExecutableFormat::pe:
    return "PE";
  }
  return "unknown";
}

const Section* Executable::find_section(std::string_view name, std::string_view segment) const {
  for (const auto& section : sections) {
    if (section.name == name && (segment.empty() || section.segment == segment)) {
      return &section;
    }
  }
  return nullptr;
}

bool looks_like_executable(std::string_view head) {
  return starts_with(head, k_elf_magic) || starts_with(head, k_mz_magic) || is_thin_macho(head) ||
         is_universal_macho(head);
}

Result<std::vector<Executable>> read_executables(std::string_view bytes, const ReadLimits& limits) {
  auto one = [](Result<Executable> executable) -> Result<std::vector<Executable>> {
    if (!executable) {
      return fail(executable.error());
    }
    std::vector<Executable> list;
    list.push_back(std::move(executable).value());
    return list;
  };
  if (starts_with(bytes, k_elf_magic)) {
    return one(read_elf(bytes, limits));
  }
  if (starts_with(bytes, k_mz_magic)) {
    return one(read_pe(bytes, limits));
  }
  if (is_thin_macho(bytes)) {
    return one(read_macho(bytes, limits));
  }
  if (is_universal_macho(bytes)) {
    return read_universal_macho(bytes, limits);
  }
  return fail(std::string(k_not_an_executable) + "no ELF, Mach-O or PE magic");
}

bool is_not_an_executable(const std::string& error) {
  return error.starts_with(k_not_an_executable);
}

Result<std::string_view> section_bytes(const Executable& executable, const Section& section,
                                       std::uint64_t max_size) {
  if (section.compressed) {
    return fail("section " + section.name + " is compressed");
  }
  if (section.file_size > max_size) {
    return fail("section " + section.name + " is " + std::to_string(section.file_size) +
                " bytes, over the limit of " + std::to_string(max_size));
  }
  ByteReader reader(executable.bytes, executable.big_endian);
  auto bytes = reader.slice(section.offset, section.file_size);
  if (!bytes) {
    return fail("section " + section.name + " lies beyond the end of the file");
  }
  return *bytes;
}

Result<std::string_view> bytes_at_address(const Executable& executable, std::uint64_t address,
                                          std::uint64_t size) {
  for (const auto& segment : executable.segments) {
    if (address < segment.address || address - segment.address >= segment.file_size) {
      continue;
    }
    std::uint64_t within = address - segment.address;
    // Checked one by one: a hostile offset plus `within` could wrap around.
    if (size > segment.file_size - within || segment.offset > executable.bytes.size() ||
        within > executable.bytes.size() - segment.offset) {
      break;
    }
    ByteReader reader(executable.bytes, executable.big_endian);
    if (auto bytes = reader.slice(segment.offset + within, size)) {
      return *bytes;
    }
    break;
  }
  return fail("address 0x" + [&] {
    char buffer[17];
    std::snprintf(buffer, sizeof buffer, "%llx", static_cast<unsigned long long>(address));
    return std::string(buffer);
  }() + " is not in the file");
}

} // namespace kensa::scanner::binary
