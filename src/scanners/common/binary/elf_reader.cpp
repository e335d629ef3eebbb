#include "byte_reader.hpp"
#include "format_readers.hpp"

#include <string>

namespace kensa::scanner::binary {

namespace {

constexpr std::uint32_t k_section_type_nobits = 8;
constexpr std::uint64_t k_section_flag_write = 0x1;
constexpr std::uint64_t k_section_flag_exec = 0x4;
constexpr std::uint64_t k_section_flag_compressed = 0x800;
constexpr std::uint32_t k_segment_type_load = 1;
constexpr std::uint32_t k_segment_flag_exec = 0x1;
constexpr std::uint32_t k_segment_flag_write = 0x2;
// Section indexes at or above this are special (SHN_LORESERVE); an index
// that does not fit in e_shstrndx is then in section 0's sh_link.
constexpr std::uint16_t k_extended_index = 0xffff;

std::string machine_name(std::uint16_t machine) {
  switch (machine) {
  case 3:
    return "i386";
  case 8:
    return "mips";
  case 20:
    return "ppc";
  case 21:
    return "ppc64";
  case 22:
    return "s390";
  case 40:
    return "arm";
  case 62:
    return "x86_64";
  case 183:
    return "aarch64";
  case 243:
    return "riscv";
  case 258:
    return "loongarch";
  default:
    return "unknown-" + std::to_string(machine);
  }
}

// Field offsets that differ between the 32- and 64-bit layouts.
struct Layout {
  unsigned word;
  std::uint64_t phoff, shoff, phentsize, phnum, shentsize, shnum, shstrndx;
  std::uint64_t section_size, segment_size;
};

constexpr Layout k_layout_32{4, 28, 32, 42, 44, 46, 48, 50, 40, 32};
constexpr Layout k_layout_64{8, 32, 40, 54, 56, 58, 60, 62, 64, 56};

Failure truncated(std::string_view what) {
  return fail("ELF " + std::string(what) + " lies beyond the end of the file");
}

// The header fields the program and section tables are found by.
struct Tables {
  bool is_64;
  const Layout& layout;
  std::uint64_t phoff, shoff, phentsize, phnum, shentsize, shnum, shstrndx;
};

// The loadable segments, from the program header table.
Status read_segments(const ByteReader& reader, const Tables& tables, const ReadLimits& limits,
                     Executable& executable) {
  if (tables.phnum > 0) {
    if (tables.phentsize < tables.layout.segment_size) {
      return fail("ELF program header entries are too small");
    }
    if (tables.phnum > limits.max_segments) {
      return fail("ELF has more than " + std::to_string(limits.max_segments) + " segments");
    }
    if (!reader.fits(tables.phoff, tables.phnum * tables.phentsize)) {
      return truncated("program header table");
    }
  }
  for (std::uint64_t i = 0; i < tables.phnum; ++i) {
    std::uint64_t at = tables.phoff + i * tables.phentsize;
    if (*reader.u32(at) != k_segment_type_load) {
      continue;
    }
    Segment segment;
    std::uint32_t flags = 0;
    if (tables.is_64) {
      flags = *reader.u32(at + 4);
      segment.offset = *reader.u64(at + 8);
      segment.address = *reader.u64(at + 16);
      segment.file_size = *reader.u64(at + 32);
      segment.memory_size = *reader.u64(at + 40);
    } else {
      segment.offset = *reader.u32(at + 4);
      segment.address = *reader.u32(at + 8);
      segment.file_size = *reader.u32(at + 16);
      segment.memory_size = *reader.u32(at + 20);
      flags = *reader.u32(at + 24);
    }
    segment.writable = (flags & k_segment_flag_write) != 0;
    segment.executable = (flags & k_segment_flag_exec) != 0;
    executable.segments.push_back(std::move(segment));
  }
  return ok_status();
}

// The section name table's bytes; empty when the header names none.
Result<std::string_view> section_names(const ByteReader& reader, const Tables& tables) {
  if (tables.shstrndx >= tables.shnum) {
    return std::string_view();
  }
  std::uint64_t at = tables.shoff + tables.shstrndx * tables.shentsize;
  std::uint64_t offset = *reader.word(at + (tables.is_64 ? 24 : 16), tables.layout.word);
  std::uint64_t size = *reader.word(at + (tables.is_64 ? 32 : 20), tables.layout.word);
  auto table = reader.slice(offset, size);
  if (!table) {
    return truncated("section name table");
  }
  return *table;
}

// The sections, from the section header table (none without one: sstrip).
Status read_sections(const ByteReader& reader, Tables tables, const ReadLimits& limits,
                     Executable& executable) {
  if (tables.shoff == 0) {
    return ok_status();
  }
  if (tables.shentsize < tables.layout.section_size) {
    return fail("ELF section header entries are too small");
  }
  if (!reader.fits(tables.shoff, tables.layout.section_size)) {
    return truncated("section header table");
  }
  // Counts and indexes too large for the header live in section 0.
  if (tables.shnum == 0) {
    tables.shnum = *reader.word(tables.shoff + (tables.is_64 ? 32 : 20), tables.layout.word);
  }
  if (tables.shstrndx == k_extended_index) {
    tables.shstrndx = *reader.u32(tables.shoff + (tables.is_64 ? 40 : 24));
  }
  if (tables.shnum > limits.max_sections) {
    return fail("ELF has more than " + std::to_string(limits.max_sections) + " sections");
  }
  if (!reader.fits(tables.shoff, tables.shnum * tables.shentsize)) {
    return truncated("section header table");
  }
  auto names = section_names(reader, tables);
  if (!names) {
    return fail(names.error());
  }
  ByteReader name_reader(*names, false);
  for (std::uint64_t i = 0; i < tables.shnum; ++i) {
    std::uint64_t at = tables.shoff + i * tables.shentsize;
    Section section;
    std::uint32_t name_offset = *reader.u32(at);
    std::uint32_t type = *reader.u32(at + 4);
    if (tables.is_64) {
      section.flags = *reader.u64(at + 8);
      section.address = *reader.u64(at + 16);
      section.offset = *reader.u64(at + 24);
      section.memory_size = *reader.u64(at + 32);
    } else {
      section.flags = *reader.u32(at + 8);
      section.address = *reader.u32(at + 12);
      section.offset = *reader.u32(at + 16);
      section.memory_size = *reader.u32(at + 20);
    }
    section.file_size = type == k_section_type_nobits ? 0 : section.memory_size;
    section.name = std::string(name_reader.name(name_offset, 4096));
    section.writable = (section.flags & k_section_flag_write) != 0;
    section.executable = (section.flags & k_section_flag_exec) != 0;
    section.compressed = (section.flags & k_section_flag_compressed) != 0;
    executable.sections.push_back(std::move(section));
  }
  return ok_status();
}

} // namespace

Result<Executable> read_elf(std::string_view bytes, const ReadLimits& limits) {
  if (bytes.size() < 52) {
    return truncated("header");
  }
  unsigned char elf_class = static_cast<unsigned char>(bytes[4]);
  unsigned char data = static_cast<unsigned char>(bytes[5]);
  if ((elf_class != 1 && elf_class != 2) || (data != 1 && data != 2)) {
    return fail("ELF header has an unknown class or byte order");
  }
  const Layout& layout = elf_class == 2 ? k_layout_64 : k_layout_32;
  ByteReader reader(bytes, data == 2);
  if (!reader.fits(0, elf_class == 2 ? 64 : 52)) {
    return truncated("header");
  }

  Executable executable;
  executable.format = ExecutableFormat::elf;
  executable.big_endian = data == 2;
  executable.pointer_size = layout.word;
  executable.machine = machine_name(*reader.u16(18));
  executable.bytes = bytes;

  const Tables tables{elf_class == 2,
                      layout,
                      *reader.word(layout.phoff, layout.word),
                      *reader.word(layout.shoff, layout.word),
                      *reader.u16(layout.phentsize),
                      *reader.u16(layout.phnum),
                      *reader.u16(layout.shentsize),
                      *reader.u16(layout.shnum),
                      *reader.u16(layout.shstrndx)};
  if (auto segments = read_segments(reader, tables, limits, executable); !segments) {
    return fail(segments.error());
  }
  if (auto sections = read_sections(reader, tables, limits, executable); !sections) {
    return fail(sections.error());
  }
  return executable;
}

} // namespace kensa::scanner::binary
