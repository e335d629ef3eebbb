#pragma once

#include <kensa/util/result.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

// A small reader of executable formats (ELF, Mach-O including universal
// binaries, PE), enough for scanners that look up a section by name and read
// its bytes or follow a pointer stored in the image. It works on bytes in
// memory, never trusts an offset or a count before checking it against the
// bytes there, and caps every table it walks, so a truncated or hostile file
// is a Failure, never a read past the end.
namespace kensa::scanner::binary {

enum class ExecutableFormat { elf, macho, pe };

// "ELF", "Mach-O", "PE".
std::string_view format_name(ExecutableFormat format);

// A named piece of the image: an ELF or PE section, a Mach-O section.
struct Section {
  std::string name;
  // The Mach-O segment the section belongs to ("__DATA"); empty otherwise.
  std::string segment;
  // Where the section is mapped, as the image's pointers see it (PE: image
  // base + relative address).
  std::uint64_t address = 0;
  // Where its bytes are in the file, and how many there are: 0 for sections
  // that occupy no file space (ELF NOBITS, Mach-O zero-fill).
  std::uint64_t offset = 0;
  std::uint64_t file_size = 0;
  // Size in memory.
  std::uint64_t memory_size = 0;
  // The format's own flags: ELF sh_flags, Mach-O section flags, PE
  // characteristics.
  std::uint64_t flags = 0;
  bool writable = false;
  bool executable = false;
  // ELF SHF_COMPRESSED: the file bytes are not the section's contents.
  bool compressed = false;
};

// A range of the file mapped at an address: an ELF loadable segment, a Mach-O
// segment, a PE section. Used to follow pointers.
struct Segment {
  // Mach-O and PE names; empty for ELF.
  std::string name;
  std::uint64_t address = 0;
  std::uint64_t memory_size = 0;
  std::uint64_t offset = 0;
  std::uint64_t file_size = 0;
  bool writable = false;
  bool executable = false;
};

// One executable image. A universal Mach-O file holds several.
struct Executable {
  ExecutableFormat format = ExecutableFormat::elf;
  bool big_endian = false;
  // 4 or 8.
  unsigned pointer_size = 8;
  // Machine name as the format states it, lower case: "x86_64", "aarch64",
  // "arm64", "i386", "amd64", ... ("unknown-<number>" otherwise).
  std::string machine;
  // The image's bytes: the whole file, or one slice of a universal binary.
  std::string_view bytes;
  std::vector<Section> sections;
  std::vector<Segment> segments;

  // The first section named `name` (and, when `segment` is given, in that
  // Mach-O segment), or nullptr.
  const Section* find_section(std::string_view name, std::string_view segment = {}) const;
};

// Caps on what a reader walks; the defaults are far above real executables.
struct ReadLimits {
  std::uint32_t max_sections = 65536;
  std::uint32_t max_segments = 4096;
  std::uint32_t max_load_commands = 16384;
  std::uint32_t max_universal_slices = 32;
};

// Whether `head` (the first bytes of a file, at least 8 of them) starts like
// an executable this reader knows: ELF, thin or universal Mach-O, or an MZ
// header. Java class files (which share the universal Mach-O magic) are
// told apart by their version field.
bool looks_like_executable(std::string_view head);

// Reads the executable image(s) in `bytes`: one for ELF, PE and thin Mach-O,
// one per slice for a universal binary. Fails with a message naming what is
// wrong (truncated header, table past the end of the file, too many entries).
// `bytes` must outlive the result, which points into it.
Result<std::vector<Executable>> read_executables(std::string_view bytes,
                                                 const ReadLimits& limits = {});

// Whether read_executables failed because the file is not one of the formats
// at all (an MZ header without a PE header, a DOS program), as opposed to a
// damaged executable.
bool is_not_an_executable(const std::string& error);

// The file bytes of `section`, at most `max_size` of them. Fails when the
// section is compressed, larger than `max_size`, or runs past the end of the
// image.
Result<std::string_view> section_bytes(const Executable& executable, const Section& section,
                                       std::uint64_t max_size);

// `size` bytes at virtual address `address`, from the segment that maps it.
// Fails when no segment holds the whole range in the file.
Result<std::string_view> bytes_at_address(const Executable& executable, std::uint64_t address,
                                          std::uint64_t size);

} // namespace kensa::scanner::binary
