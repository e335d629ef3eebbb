#include "build_info.hpp"

#include "../common/binary/byte_reader.hpp"

#include <kensa/util/lines.hpp>
#include <kensa/util/strings.hpp>

#include <algorithm>

namespace kensa::scanner::golang {

namespace {

using binary::ByteReader;
using binary::Executable;
using binary::ExecutableFormat;

constexpr std::string_view k_magic = "\xff Go buildinf:";
constexpr std::size_t k_header_size = 32;
constexpr std::size_t k_alignment = 16;
constexpr std::uint8_t k_flag_big_endian = 0x1;
constexpr std::uint8_t k_flag_inline = 0x2;
// The linker puts the blob at the start of the data; the search is bounded
// so a large binary without one costs little.
constexpr std::size_t k_search_size = 1 << 20;
// Larger than any real module list (kubernetes' is about 20 KiB).
constexpr std::uint64_t k_max_string = 16 << 20;
constexpr std::uint64_t k_max_region = 64 << 20;
// cmd/go's infoStart and infoEnd frame the module information: 16 bytes
// each, and the text before the end one ends in a newline.
constexpr std::size_t k_sentinel_size = 16;

// PE: IMAGE_SCN_CNT_INITIALIZED_DATA | IMAGE_SCN_MEM_READ | IMAGE_SCN_MEM_WRITE,
// with the alignment bits ignored.
constexpr std::uint64_t k_pe_data_flags = 0xc0000040;
constexpr std::uint64_t k_pe_alignment_bits = 0x00f00000;

using Region = std::optional<std::pair<std::string_view, std::uint64_t>>;

// Where the blob may be: the section the linker gives it, else the start of
// the writable data, the way Go's debug/buildinfo looks. A section or
// segment whose bytes are not all in the file is a failure: the file was
// cut short.
Result<Region> search_region(const Executable& image) {
  ByteReader reader(image.bytes, image.big_endian);
  auto within = [&](std::string_view what, std::uint64_t offset, std::uint64_t size,
                    std::uint64_t address) -> Result<Region> {
    auto bytes = reader.slice(offset, std::min(size, k_max_region));
    if (!bytes) {
      return fail(std::string(what) + " lies beyond the end of the file");
    }
    return Region(std::make_pair(*bytes, address));
  };
  auto from_section = [&](const binary::Section& section) {
    return within("section " + section.name, section.offset, section.file_size, section.address);
  };
  auto from_segment = [&](const binary::Segment& segment) {
    return within("data segment", segment.offset, segment.file_size, segment.address);
  };
  switch (image.format) {
  case ExecutableFormat::elf:
    if (const auto* section = image.find_section(".go.buildinfo")) {
      return from_section(*section);
    }
    for (const auto& segment : image.segments) {
      if (segment.writable && !segment.executable) {
        return from_segment(segment);
      }
    }
    return Region();
  case ExecutableFormat::macho:
    if (const auto* section = image.find_section("__go_buildinfo")) {
      return from_section(*section);
    }
    for (const auto& segment : image.segments) {
      if (segment.name == "__DATA") {
        return from_segment(segment);
      }
    }
    return Region();
  case ExecutableFormat::pe:
    for (const auto& section : image.sections) {
      if (section.address != 0 && section.file_size != 0 &&
          (section.flags & ~k_pe_alignment_bits) == k_pe_data_flags) {
        return from_section(section);
      }
    }
    return Region();
  }
  return Region();
}

// A Go string header (pointer, length) at `address`, then its bytes.
Result<std::string> read_go_string(const Executable& image, std::uint64_t address,
                                   unsigned pointer_size, bool big_endian) {
  auto header = binary::bytes_at_address(image, address, 2 * pointer_size);
  if (!header) {
    return fail("string header: " + header.error());
  }
  ByteReader reader(*header, big_endian);
  std::uint64_t data = *reader.word(0, pointer_size);
  std::uint64_t length = *reader.word(pointer_size, pointer_size);
  if (length > k_max_string) {
    return fail("string of " + std::to_string(length) + " bytes is over the limit");
  }
  auto bytes = binary::bytes_at_address(image, data, length);
  if (!bytes) {
    return fail("string data: " + bytes.error());
  }
  return std::string(*bytes);
}

// An unsigned LEB128 length and that many bytes, from `text` at `at`.
Result<std::string> read_varint_string(std::string_view text, std::size_t& at) {
  std::uint64_t length = 0;
  for (unsigned shift = 0;; shift += 7) {
    if (at >= text.size() || shift > 63) {
      return fail("length runs past the end of the build information");
    }
    auto byte = static_cast<unsigned char>(text[at++]);
    length |= static_cast<std::uint64_t>(byte & 0x7f) << shift;
    if ((byte & 0x80) == 0) {
      break;
    }
  }
  if (length > k_max_string || length > text.size() - at) {
    return fail("string of " + std::to_string(length) + " bytes runs past the end of the data");
  }
  std::string value(text.substr(at, static_cast<std::size_t>(length)));
  at += static_cast<std::size_t>(length);
  return value;
}

std::string strip_sentinels(std::string text) {
  if (text.size() >= 2 * k_sentinel_size + 1 && text[text.size() - k_sentinel_size - 1] == '\n') {
    return text.substr(k_sentinel_size, text.size() - 2 * k_sentinel_size);
  }
  return {};
}

std::optional<ModuleLine> module_line(const std::vector<std::string_view>& fields) {
  if (fields.size() < 2 || fields[1].empty()) {
    return std::nullopt;
  }
  ModuleLine line;
  line.path = std::string(fields[1]);
  if (fields.size() > 2) {
    line.version = std::string(fields[2]);
  }
  if (fields.size() > 3) {
    line.sum = std::string(fields[3]);
  }
  return line;
}

std::optional<std::uint32_t> hex_value(std::string_view digits) {
  std::uint32_t value = 0;
  for (char c : digits) {
    value <<= 4;
    if (c >= '0' && c <= '9') {
      value |= static_cast<std::uint32_t>(c - '0');
    } else if (c >= 'a' && c <= 'f') {
      value |= static_cast<std::uint32_t>(c - 'a' + 10);
    } else if (c >= 'A' && c <= 'F') {
      value |= static_cast<std::uint32_t>(c - 'A' + 10);
    } else {
      return std::nullopt;
    }
  }
  return value;
}

// Splits a quoted Go string off the front of `text`: its length including
// both quotes, or 0 when it does not close.
std::size_t quoted_length(std::string_view text) {
  for (std::size_t i = 1; i < text.size(); ++i) {
    if (text[i] == '\\') {
      ++i;
    } else if (text[i] == '"') {
      return i + 1;
    }
  }
  return 0;
}

} // namespace

std::string BuildInfo::setting(std::string_view key) const {
  for (const auto& [name, value] : settings) {
    if (name == key) {
      return value;
    }
  }
  return {};
}

std::optional<std::string> unquote_go_string(std::string_view text) {
  if (text.size() < 2 || text.front() != '"' || text.back() != '"') {
    return std::string(text);
  }
  text = text.substr(1, text.size() - 2);
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c != '\\') {
      out += c;
      continue;
    }
    if (++i >= text.size()) {
      return std::nullopt;
    }
    char escape = text[i];
    switch (escape) {
    case 'a':
      out += '\a';
      break;
    case 'b':
      out += '\b';
      break;
    case 'f':
      out += '\f';
      break;
    case 'n':
      out += '\n';
      break;
    case 'r':
      out += '\r';
      break;
    case 't':
      out += '\t';
      break;
    case 'v':
      out += '\v';
      break;
    case '\\':
    case '"':
    case '\'':
      out += escape;
      break;
    case 'x':
    case 'u':
    case 'U': {
      std::size_t digits = escape == 'x' ? 2 : escape == 'u' ? 4 : 8;
      if (i + digits >= text.size()) {
        return std::nullopt;
      }
      auto value = hex_value(text.substr(i + 1, digits));
      if (!value || *value > 0x10ffff) {
        return std::nullopt;
      }
      if (escape == 'x') {
        out += static_cast<char>(*value);
      } else {
        append_utf8(out, *value);
      }
      i += digits;
      break;
    }
    default:
      if (escape >= '0' && escape <= '7' && i + 2 < text.size()) {
        int value = 0;
        for (std::size_t k = 0; k < 3; ++k) {
          char digit = text[i + k];
          if (digit < '0' || digit > '7') {
            return std::nullopt;
          }
          value = value * 8 + (digit - '0');
        }
        if (value > 255) {
          return std::nullopt;
        }
        out += static_cast<char>(value);
        i += 2;
        break;
      }
      return std::nullopt;
    }
  }
  return out;
}

Result<std::optional<RawBuildInfo>> read_build_info(const Executable& image) {
  auto region = search_region(image);
  if (!region) {
    return fail(region.error());
  }
  if (!*region) {
    return std::optional<RawBuildInfo>();
  }
  std::string_view data = (*region)->first;
  std::size_t found = std::string_view::npos;
  std::size_t limit = std::min(data.size(), k_search_size);
  for (std::size_t at = data.find(k_magic); at != std::string_view::npos && at < limit;
       at = data.find(k_magic, at + 1)) {
    if (at % k_alignment == 0) {
      found = at;
      break;
    }
  }
  if (found == std::string_view::npos) {
    return std::optional<RawBuildInfo>();
  }
  if (data.size() - found < k_header_size) {
    return fail("Go build information header is cut off");
  }
  std::string_view header = data.substr(found);
  auto pointer_size = static_cast<unsigned char>(header[14]);
  auto flags = static_cast<unsigned char>(header[15]);

  RawBuildInfo info;
  if ((flags & k_flag_inline) != 0) {
    std::size_t at = found + k_header_size;
    auto version = read_varint_string(data, at);
    if (!version) {
      return fail("Go version: " + version.error());
    }
    auto modules = read_varint_string(data, at);
    if (!modules) {
      return fail("Go module information: " + modules.error());
    }
    info.go_version = std::move(version).value();
    info.module_info = strip_sentinels(std::move(modules).value());
    return std::optional<RawBuildInfo>(std::move(info));
  }
  if (pointer_size != 4 && pointer_size != 8) {
    return fail("Go build information has a pointer size of " + std::to_string(pointer_size));
  }
  bool big_endian = (flags & k_flag_big_endian) != 0;
  ByteReader reader(header, big_endian);
  std::uint64_t version_address = *reader.word(16, pointer_size);
  std::uint64_t modules_address = *reader.word(16 + pointer_size, pointer_size);
  auto version = read_go_string(image, version_address, pointer_size, big_endian);
  if (!version) {
    return fail("Go version: " + version.error());
  }
  auto modules = read_go_string(image, modules_address, pointer_size, big_endian);
  if (!modules) {
    return fail("Go module information: " + modules.error());
  }
  info.go_version = std::move(version).value();
  info.module_info = strip_sentinels(std::move(modules).value());
  return std::optional<RawBuildInfo>(std::move(info));
}

BuildInfo parse_module_info(std::string_view go_version, std::string_view text,
                            ProblemList& problems) {
  BuildInfo info;
  info.go_version = std::string(go_version);
  // What a "=>" line replaces: the main module or the last dependency.
  enum class Last { none, main, dependency } last = Last::none;
  std::size_t number = 0;
  for (std::string_view line : lines(text)) {
    ++number;
    if (line.empty()) {
      continue;
    }
    std::vector<std::string_view> fields = split(line, '\t');
    std::string_view word = fields.front();
    auto bad = [&](std::string_view why) {
      problems.push_back("line " + std::to_string(number) + ": " + std::string(why));
    };
    if (word == "path" && fields.size() >= 2) {
      info.package_path = std::string(fields[1]);
    } else if (word == "mod") {
      info.main = module_line(fields);
      last = info.main ? Last::main : Last::none;
      if (!info.main) {
        bad("mod line without a module path");
      }
    } else if (word == "dep") {
      auto module = module_line(fields);
      if (!module) {
        bad("dep line without a module path");
        last = Last::none;
        continue;
      }
      info.dependencies.push_back(Dependency{std::move(*module), std::nullopt});
      last = Last::dependency;
    } else if (word == "=>") {
      auto module = module_line(fields);
      if (!module || last == Last::none) {
        bad("replacement line without a module before it");
        continue;
      }
      if (last == Last::main) {
        info.main_replacement = std::move(module);
      } else {
        info.dependencies.back().replacement = std::move(module);
      }
      last = Last::none;
    } else if (word == "build" && fields.size() >= 2) {
      // The setting is everything after the first tab: values may hold tabs
      // only when quoted, and quoting keeps them escaped.
      std::string_view setting = line.substr(word.size() + 1);
      std::size_t key_end = setting.starts_with('"') ? quoted_length(setting) : setting.find('=');
      if (key_end == 0 || key_end == std::string_view::npos ||
          (setting.starts_with('"') && (key_end >= setting.size() || setting[key_end] != '='))) {
        bad("build setting without '='");
        continue;
      }
      auto key = unquote_go_string(setting.substr(0, key_end));
      auto value = unquote_go_string(setting.substr(key_end + 1));
      if (!key || !value) {
        bad("build setting with a bad quoted string");
        continue;
      }
      info.settings.emplace_back(std::move(*key), std::move(*value));
    }
  }
  return info;
}

} // namespace kensa::scanner::golang
