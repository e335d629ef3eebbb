#include "byte_reader.hpp"
#include "format_readers.hpp"

#include <string>

namespace kensa::scanner::binary {

namespace {

constexpr std::uint32_t k_magic_32 = 0xfeedface;
constexpr std::uint32_t k_magic_64 = 0xfeedfacf;
constexpr std::uint32_t k_universal_magic = 0xcafebabe;
constexpr std::uint32_t k_universal_magic_64 = 0xcafebabf;
constexpr std::uint32_t k_command_segment = 0x1;
constexpr std::uint32_t k_command_segment_64 = 0x19;
constexpr std::uint32_t k_section_type_mask = 0xff;
// S_ZEROFILL, S_GB_ZEROFILL, S_THREAD_LOCAL_ZEROFILL: no bytes in the file.
constexpr std::uint32_t k_zerofill_types[] = {0x1, 0xc, 0x12};
constexpr std::uint32_t k_protection_write = 0x2;
constexpr std::uint32_t k_protection_exec = 0x4;
constexpr std::uint32_t k_section_attribute_instructions = 0x80000000;

std::string cpu_name(std::uint32_t cpu) {
  switch (cpu) {
  case 7:
    return "i386";
  case 0x01000007:
    return "x86_64";
  case 12:
    return "arm";
  case 0x0100000c:
    return "arm64";
  case 0x0200000c:
    return "arm64_32";
  case 18:
    return "ppc";
  case 0x01000012:
    return "ppc64";
  default:
    return "unknown-" + std::to_string(cpu);
  }
}

bool is_zerofill(std::uint32_t flags) {
  std::uint32_t type = flags & k_section_type_mask;
  for (std::uint32_t zerofill : k_zerofill_types) {
    if (type == zerofill) {
      return true;
    }
  }
  return false;
}

Failure truncated(std::string_view what) {
  return fail("Mach-O " + std::string(what) + " lies beyond the end of the file");
}

// Reads the sections that follow a segment command at `at`.
Status read_segment(const ByteReader& reader, std::uint64_t at, std::uint64_t command_size,
                    bool is_64, const ReadLimits& limits, Executable& executable) {
  unsigned word = is_64 ? 8 : 4;
  std::uint64_t header = is_64 ? 72 : 56;
  std::uint64_t section_size = is_64 ? 80 : 68;
  if (command_size < header) {
    return fail("Mach-O segment command is too small");
  }
  Segment segment;
  segment.name = std::string(reader.name(at + 8, 16));
  segment.address = *reader.word(at + 24, word);
  segment.memory_size = *reader.word(at + 24 + word, word);
  segment.offset = *reader.word(at + 24 + 2 * word, word);
  segment.file_size = *reader.word(at + 24 + 3 * word, word);
  std::uint64_t after = at + 24 + 4 * word;
  std::uint32_t protection = *reader.u32(after + 4);
  std::uint32_t section_count = *reader.u32(after + 8);
  segment.writable = (protection & k_protection_write) != 0;
  segment.executable = (protection & k_protection_exec) != 0;

  if (section_count > (command_size - header) / section_size) {
    return fail("Mach-O segment " + segment.name + " lists more sections than its command holds");
  }
  if (executable.sections.size() + section_count > limits.max_sections) {
    return fail("Mach-O has more than " + std::to_string(limits.max_sections) + " sections");
  }
  for (std::uint32_t i = 0; i < section_count; ++i) {
    std::uint64_t s = at + header + i * section_size;
    Section section;
    section.name = std::string(reader.name(s, 16));
    section.segment = std::string(reader.name(s + 16, 16));
    section.address = *reader.word(s + 32, word);
    section.memory_size = *reader.word(s + 32 + word, word);
    section.offset = *reader.u32(s + 32 + 2 * word);
    section.flags = *reader.u32(s + 32 + 2 * word + 16);
    section.file_size =
        is_zerofill(static_cast<std::uint32_t>(section.flags)) ? 0 : section.memory_size;
    section.writable = segment.writable;
    section.executable = (section.flags & k_section_attribute_instructions) != 0;
    executable.sections.push_back(std::move(section));
  }
  if (executable.segments.size() >= limits.max_segments) {
    return fail("Mach-O has more than " + std::to_string(limits.max_segments) + " segments");
  }
  executable.segments.push_back(std::move(segment));
  return ok_status();
}

} // namespace

Result<Executable> read_macho(std::string_view bytes, const ReadLimits& limits) {
  if (bytes.size() < 28) {
    return truncated("header");
  }
  // The magic is written in the target's byte order.
  ByteReader little(bytes, false);
  std::uint32_t magic = *little.u32(0);
  bool big_endian = magic != k_magic_32 && magic != k_magic_64;
  ByteReader reader(bytes, big_endian);
  magic = *reader.u32(0);
  if (magic != k_magic_32 && magic != k_magic_64) {
    return fail(std::string(k_not_an_executable) + "no Mach-O magic");
  }
  bool is_64 = magic == k_magic_64;
  std::uint64_t header_size = is_64 ? 32 : 28;
  if (!reader.fits(0, header_size)) {
    return truncated("header");
  }
  Executable executable;
  executable.format = ExecutableFormat::macho;
  executable.big_endian = big_endian;
  executable.pointer_size = is_64 ? 8 : 4;
  executable.machine = cpu_name(*reader.u32(4));
  executable.bytes = bytes;

  std::uint32_t command_count = *reader.u32(16);
  std::uint32_t commands_size = *reader.u32(20);
  if (command_count > limits.max_load_commands) {
    return fail("Mach-O has more than " + std::to_string(limits.max_load_commands) +
                " load commands");
  }
  if (!reader.fits(header_size, commands_size)) {
    return truncated("load commands");
  }
  std::uint64_t at = header_size;
  std::uint64_t end = header_size + commands_size;
  for (std::uint32_t i = 0; i < command_count; ++i) {
    if (at + 8 > end) {
      return fail("Mach-O load command " + std::to_string(i) + " runs past the load commands");
    }
    std::uint32_t command = *reader.u32(at);
    std::uint32_t size = *reader.u32(at + 4);
    if (size < 8 || size > end - at) {
      return fail("Mach-O load command " + std::to_string(i) + " has a bad size");
    }
    if (command == k_command_segment || command == k_command_segment_64) {
      if (auto status =
              read_segment(reader, at, size, command == k_command_segment_64, limits, executable);
          !status) {
        return fail(status.error());
      }
    }
    at += size;
  }
  return executable;
}

Result<std::vector<Executable>> read_universal_macho(std::string_view bytes,
                                                     const ReadLimits& limits) {
  ByteReader reader(bytes, true);
  auto magic = reader.u32(0);
  auto count = reader.u32(4);
  if (!magic || !count) {
    return truncated("universal header");
  }
  bool is_64 = *magic == k_universal_magic_64;
  if (*magic != k_universal_magic && !is_64) {
    return fail(std::string(k_not_an_executable) + "no universal Mach-O magic");
  }
  if (*count == 0 || *count > limits.max_universal_slices) {
    return fail(std::string(k_not_an_executable) + "universal header lists " +
                std::to_string(*count) + " slices");
  }
  std::uint64_t entry_size = is_64 ? 32 : 20;
  if (!reader.fits(8, *count * entry_size)) {
    return truncated("universal header");
  }
  std::vector<Executable> slices;
  for (std::uint32_t i = 0; i < *count; ++i) {
    std::uint64_t at = 8 + i * entry_size;
    std::uint64_t offset = is_64 ? *reader.u64(at + 8) : *reader.u32(at + 8);
    std::uint64_t size = is_64 ? *reader.u64(at + 16) : *reader.u32(at + 12);
    auto slice = reader.slice(offset, size);
    if (!slice) {
      return truncated("slice " + std::to_string(i));
    }
    auto executable = read_macho(*slice, limits);
    if (!executable) {
      return fail("universal slice " + std::to_string(i) + ": " + executable.error());
    }
    slices.push_back(std::move(executable).value());
  }
  return slices;
}

} // namespace kensa::scanner::binary
