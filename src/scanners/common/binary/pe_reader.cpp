#include "byte_reader.hpp"
#include "format_readers.hpp"

#include <charconv>
#include <string>

namespace kensa::scanner::binary {

namespace {

constexpr std::uint16_t k_optional_magic_pe32 = 0x10b;
constexpr std::uint16_t k_optional_magic_pe32_plus = 0x20b;
constexpr std::uint32_t k_section_execute = 0x20000000;
constexpr std::uint32_t k_section_write = 0x80000000;
constexpr std::uint64_t k_section_header_size = 40;
constexpr std::uint64_t k_symbol_size = 18;

std::string machine_name(std::uint16_t machine) {
  switch (machine) {
  case 0x14c:
    return "i386";
  case 0x8664:
    return "amd64";
  case 0x1c0:
  case 0x1c4:
    return "arm";
  case 0xaa64:
    return "arm64";
  default:
    return "unknown-" + std::to_string(machine);
  }
}

Failure truncated(std::string_view what) {
  return fail("PE " + std::string(what) + " lies beyond the end of the file");
}

// Section names longer than 8 bytes are "/<decimal offset>" into the COFF
// string table, which follows the symbol table.
std::string section_name(const ByteReader& reader, std::string_view raw,
                         std::uint64_t string_table) {
  if (raw.size() < 2 || raw[0] != '/' || string_table == 0) {
    return std::string(raw);
  }
  std::uint64_t offset = 0;
  auto [end, error] = std::from_chars(raw.data() + 1, raw.data() + raw.size(), offset);
  if (error != std::errc() || end != raw.data() + raw.size()) {
    return std::string(raw);
  }
  std::string_view name = reader.name(string_table + offset, 256);
  return name.empty() ? std::string(raw) : std::string(name);
}

} // namespace

Result<Executable> read_pe(std::string_view bytes, const ReadLimits& limits) {
  ByteReader reader(bytes, false);
  auto pe_offset = reader.u32(0x3c);
  if (!pe_offset) {
    return fail(std::string(k_not_an_executable) + "MZ header too short for a PE header");
  }
  auto signature = reader.slice(*pe_offset, 4);
  if (!signature || *signature != std::string_view("PE\0\0", 4)) {
    // A DOS program, or a file that merely starts with "MZ".
    return fail(std::string(k_not_an_executable) + "MZ header without a PE header");
  }
  std::uint64_t coff = *pe_offset + 4;
  if (!reader.fits(coff, 20)) {
    return truncated("COFF header");
  }
  Executable executable;
  executable.format = ExecutableFormat::pe;
  executable.big_endian = false;
  executable.machine = machine_name(*reader.u16(coff));
  executable.bytes = bytes;
  std::uint16_t section_count = *reader.u16(coff + 2);
  std::uint32_t symbol_table = *reader.u32(coff + 8);
  std::uint32_t symbol_count = *reader.u32(coff + 12);
  std::uint16_t optional_size = *reader.u16(coff + 16);
  std::uint64_t optional = coff + 20;
  if (!reader.fits(optional, optional_size)) {
    return truncated("optional header");
  }
  std::uint64_t image_base = 0;
  if (optional_size >= 2) {
    std::uint16_t magic = *reader.u16(optional);
    if (magic == k_optional_magic_pe32_plus && optional_size >= 32) {
      executable.pointer_size = 8;
      image_base = *reader.u64(optional + 24);
    } else if (magic == k_optional_magic_pe32 && optional_size >= 32) {
      executable.pointer_size = 4;
      image_base = *reader.u32(optional + 28);
    } else {
      return fail("PE optional header has an unknown magic or is too short");
    }
  }
  if (section_count > limits.max_sections) {
    return fail("PE has more than " + std::to_string(limits.max_sections) + " sections");
  }
  std::uint64_t table = optional + optional_size;
  if (!reader.fits(table, section_count * k_section_header_size)) {
    return truncated("section table");
  }
  std::uint64_t string_table = 0;
  if (symbol_table != 0 &&
      reader.fits(symbol_table, static_cast<std::uint64_t>(symbol_count) * k_symbol_size)) {
    string_table = symbol_table + static_cast<std::uint64_t>(symbol_count) * k_symbol_size;
  }
  for (std::uint16_t i = 0; i < section_count; ++i) {
    std::uint64_t at = table + i * k_section_header_size;
    Section section;
    section.name = section_name(reader, reader.name(at, 8), string_table);
    std::uint32_t virtual_size = *reader.u32(at + 8);
    std::uint32_t virtual_address = *reader.u32(at + 12);
    std::uint32_t raw_size = *reader.u32(at + 16);
    std::uint32_t raw_offset = *reader.u32(at + 20);
    section.flags = *reader.u32(at + 36);
    section.address = image_base + virtual_address;
    section.memory_size = virtual_size;
    section.offset = raw_offset;
    // The raw data is padded to the file alignment; past the virtual size it
    // is padding, not contents.
    section.file_size = virtual_size != 0 && virtual_size < raw_size ? virtual_size : raw_size;
    section.writable = (section.flags & k_section_write) != 0;
    section.executable = (section.flags & k_section_execute) != 0;

    Segment segment;
    segment.name = section.name;
    segment.address = section.address;
    segment.memory_size = section.memory_size;
    segment.offset = section.offset;
    segment.file_size = section.file_size;
    segment.writable = section.writable;
    segment.executable = section.executable;
    executable.segments.push_back(std::move(segment));
    executable.sections.push_back(std::move(section));
  }
  return executable;
}

} // namespace kensa::scanner::binary
