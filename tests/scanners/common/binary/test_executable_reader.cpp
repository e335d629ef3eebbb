// The executable reader on real binaries (the Go binaries the Go tests
// build, cross-checked with binutils where it reads the format), on
// truncated and damaged copies of them, and on look-alikes.
#include "../../../../src/scanners/common/binary/executable.hpp"
#include "../../../../src/scanners/golang/binary_modules.hpp"
#include "../../../../src/scanners/rust/auditable.hpp"
#include "../../../support/test_support.hpp"
#include "../../golang/go_build_fixture.hpp"
#include "native_test_support.hpp"

#include <kensa/util/strings.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <set>

namespace fs = std::filesystem;
using namespace kensa;
using namespace kensa::testing;
using scanner::binary::ExecutableFormat;

namespace {

const golang::GoBuild* built_or_skip() {
  std::string reason;
  const golang::GoBuild* build = golang::go_build(reason);
  if (build == nullptr) {
    WARN("skipped: " << reason);
  }
  return build;
}

// Section names as `objdump -h` lists them, or nullopt without objdump.
std::optional<std::set<std::string>> objdump_sections(const fs::path& binary) {
  auto objdump = native::find_program("objdump");
  if (!objdump) {
    return std::nullopt;
  }
  fs::path log = scratch_dir("objdump") / "out.txt";
  REQUIRE(native::run_shell(
      native::shell_quote(objdump->string()) + " -h " + native::shell_quote(binary.string()), log));
  std::set<std::string> names;
  std::string text = native::read_bytes(log);
  for (std::string_view line : split(text, '\n')) {
    // "  0 .text   0008a2c1  ..." : index, name, size, ...
    std::vector<std::string_view> fields;
    for (std::string_view field : split(trim(line), ' ')) {
      if (!field.empty()) {
        fields.push_back(field);
      }
    }
    if (fields.size() >= 6 && !fields[0].empty() &&
        std::all_of(fields[0].begin(), fields[0].end(),
                    [](char c) { return c >= '0' && c <= '9'; })) {
      names.insert(std::string(fields[1]));
    }
  }
  return names;
}

std::set<std::string> our_sections(const scanner::binary::Executable& image) {
  std::set<std::string> names;
  for (const auto& section : image.sections) {
    if (!section.name.empty()) {
      names.insert(section.name);
    }
  }
  return names;
}

} // namespace

TEST_CASE("executable reader: ELF, PE and Mach-O Go binaries", "[binary]") {
  const auto* build = built_or_skip();
  if (build == nullptr) {
    return;
  }
  std::string elf = native::read_bytes(build->binaries.at("linux-amd64").path);
  auto elf_images = scanner::binary::read_executables(elf);
  REQUIRE(elf_images.ok());
  REQUIRE(elf_images->size() == 1);
  const auto& linux_image = elf_images->front();
  CHECK(linux_image.format == ExecutableFormat::elf);
  CHECK(linux_image.machine == "x86_64");
  CHECK(linux_image.pointer_size == 8);
  CHECK_FALSE(linux_image.big_endian);
  REQUIRE(linux_image.find_section(".go.buildinfo") != nullptr);
  CHECK_FALSE(linux_image.segments.empty());

  std::string pe = native::read_bytes(build->binaries.at("windows-amd64").path);
  auto pe_images = scanner::binary::read_executables(pe);
  REQUIRE(pe_images.ok());
  CHECK(pe_images->front().format == ExecutableFormat::pe);
  CHECK(pe_images->front().machine == "amd64");
  CHECK(pe_images->front().find_section(".data") != nullptr);

  std::string macho = native::read_bytes(build->binaries.at("darwin-arm64").path);
  auto macho_images = scanner::binary::read_executables(macho);
  REQUIRE(macho_images.ok());
  CHECK(macho_images->front().format == ExecutableFormat::macho);
  CHECK(macho_images->front().machine == "arm64");
  const auto* buildinfo = macho_images->front().find_section("__go_buildinfo", "__DATA");
  REQUIRE(buildinfo != nullptr);
  auto bytes = scanner::binary::section_bytes(macho_images->front(), *buildinfo, 1 << 20);
  REQUIRE(bytes.ok());
  CHECK(bytes->starts_with("\xff Go buildinf:"));

  // binutils reads ELF and PE here: every section it lists (it leaves out
  // the symbol and string tables), under the same name.
  for (const auto& [target, image] :
       {std::pair<std::string, const scanner::binary::Executable*>{"linux-amd64", &linux_image},
        {"windows-amd64", &pe_images->front()}}) {
    auto names = objdump_sections(build->binaries.at(target).path);
    if (!names) {
      continue;
    }
    INFO(target);
    CHECK(names->size() >= 5);
    auto ours = our_sections(*image);
    for (const auto& name : *names) {
      CHECK(ours.count(name) == 1);
    }
  }
}

TEST_CASE("executable reader: a universal Mach-O binary holds one image per slice", "[binary]") {
  const auto* build = built_or_skip();
  if (build == nullptr) {
    return;
  }
  // The layout lipo writes: a big-endian header, one entry per slice, each
  // slice aligned (here to 2^14).
  std::string slice = native::read_bytes(build->binaries.at("darwin-arm64").path);
  std::string fat(8 + 2 * 20, '\0');
  auto put32 = [&](std::size_t at, std::uint32_t value) {
    for (int i = 0; i < 4; ++i) {
      fat[at + static_cast<std::size_t>(i)] = static_cast<char>((value >> (24 - 8 * i)) & 0xff);
    }
  };
  put32(0, 0xcafebabe);
  put32(4, 2);
  std::size_t first = 1 << 14;
  std::size_t second = (first + slice.size() + (1 << 14) - 1) / (1 << 14) * (1 << 14);
  for (int i = 0; i < 2; ++i) {
    std::size_t at = 8 + static_cast<std::size_t>(i) * 20;
    put32(at, 0x0100000c);
    put32(at + 8, static_cast<std::uint32_t>(i == 0 ? first : second));
    put32(at + 12, static_cast<std::uint32_t>(slice.size()));
    put32(at + 16, 14);
  }
  fat.resize(first, '\0');
  fat += slice;
  fat.resize(second, '\0');
  fat += slice;
  REQUIRE(scanner::binary::looks_like_executable(fat.substr(0, 64)));
  auto images = scanner::binary::read_executables(fat);
  REQUIRE(images.ok());
  CHECK(images->size() == 2);
  std::string condensed = scanner::golang::condense_go_binary(fat);
  CHECK(condensed.find("\"machine\":\"arm64\"") != std::string::npos);
}

TEST_CASE("executable reader: look-alikes are not executables", "[binary]") {
  // A Java class file starts with the universal Mach-O magic.
  std::string class_file("\xca\xfe\xba\xbe\x00\x00\x00\x34\x00\x1d", 10);
  CHECK_FALSE(scanner::binary::looks_like_executable(class_file));
  CHECK(scanner::binary::looks_like_executable(std::string("\x7f"
                                                           "ELF\x02\x01\x01",
                                                           7)));
  CHECK(scanner::binary::looks_like_executable("MZ\x90"));
  CHECK_FALSE(scanner::binary::looks_like_executable("#!/bin/sh\n"));
  // "MZ" text, and a DOS program: nothing to say, no warning.
  CHECK(scanner::golang::condense_go_binary("MZ is how this note starts").empty());
  CHECK(scanner::rust::condense_auditable_binary("MZ is how this note starts").empty());
}

TEST_CASE("executable reader: truncated and damaged binaries never crash", "[binary]") {
  const auto* build = built_or_skip();
  if (build == nullptr) {
    return;
  }
  for (const auto& [target, binary] : build->binaries) {
    INFO(target);
    std::string bytes = native::read_bytes(binary.path);
    // Every cut in the headers, then cuts across the whole file.
    std::vector<std::size_t> cuts;
    for (std::size_t cut = 0; cut < 4096 && cut < bytes.size(); cut += 7) {
      cuts.push_back(cut);
    }
    for (std::size_t cut = 4096; cut < bytes.size(); cut += bytes.size() / 97) {
      cuts.push_back(cut);
    }
    std::size_t warned = 0;
    for (std::size_t cut : cuts) {
      std::string_view prefix = std::string_view(bytes).substr(0, cut);
      std::string go = scanner::golang::condense_go_binary(prefix);
      std::string rust = scanner::rust::condense_auditable_binary(prefix);
      warned += go.find("\"warnings\":[\"") != std::string::npos ? 1 : 0;
      (void)rust;
    }
    // Most cuts lose a table or a section the headers point to.
    CHECK(warned > cuts.size() / 2);

    // Damage: bytes overwritten at pseudo-random places of the headers and
    // of the whole file (a fixed seed, so every run tries the same ones).
    std::uint64_t state = 0x9e3779b97f4a7c15ull;
    auto next = [&] {
      state = state * 6364136223846793005ull + 1442695040888963407ull;
      return state >> 33;
    };
    for (int round = 0; round < 300; ++round) {
      std::string damaged = bytes;
      for (int n = 0; n < 8; ++n) {
        std::size_t at = round % 2 == 0 ? next() % std::min<std::size_t>(4096, bytes.size())
                                        : next() % bytes.size();
        damaged[at] = static_cast<char>(next() & 0xff);
      }
      (void)scanner::golang::condense_go_binary(damaged);
      (void)scanner::rust::condense_auditable_binary(damaged);
    }
  }
}

TEST_CASE("executable reader: a truncated binary is a warning naming the file", "[binary][go]") {
  const auto* build = built_or_skip();
  if (build == nullptr) {
    return;
  }
  fs::path folder = scratch_dir("go-truncated");
  std::string bytes = native::read_bytes(build->binaries.at("linux-amd64").path);
  native::write_bytes(folder / "hello", std::string_view(bytes).substr(0, bytes.size() / 2));
  fs::permissions(folder / "hello", fs::perms::owner_all);
  native::write_bytes(folder / "garbage", "\x7f"
                                          "ELF\x02\x01\x01 and then nothing sensible");
  fs::permissions(folder / "garbage", fs::perms::owner_all);
  auto document = native::scan_with(folder, "go");
  CHECK(document.components.empty());
  auto messages = native::warnings(document);
  REQUIRE(messages.size() == 2);
  CHECK(messages[0].starts_with("garbage: not a readable executable: ELF header"));
  // Go's linker puts the section table at the start: the cut loses a section.
  CHECK(messages[1] == "hello: ELF x86_64: damaged Go build information: section .go.buildinfo "
                       "lies beyond the end of the file");
}
