#include "pe_version.hpp"

#include "byte_reader.hpp"

#include <kensa/util/strings.hpp>

#include <array>

namespace kensa::scanner::binary {

namespace {

constexpr std::uint32_t k_directory_resource = 2;
constexpr std::uint32_t k_directory_cli = 14;
constexpr std::uint32_t k_resource_type_version = 16;
constexpr std::uint32_t k_subdirectory_flag = 0x80000000;
constexpr std::uint32_t k_fixed_file_info_signature = 0xFEEF04BD;
constexpr std::uint64_t k_fixed_file_info_size = 52;

struct DataDirectory {
  std::uint32_t rva = 0;
  std::uint32_t size = 0;
};

// The headers read_pe already checked, read again for what it does not
// keep: the image base and the data directories.
struct PeLayout {
  std::uint64_t image_base = 0;
  std::array<DataDirectory, 16> directories{};
};

Result<PeLayout> read_layout(const ByteReader& reader) {
  auto pe = reader.u32(0x3c);
  if (!pe) {
    return fail("PE header lies beyond the end of the file");
  }
  std::uint64_t optional = static_cast<std::uint64_t>(*pe) + 24;
  auto optional_size = reader.u16(static_cast<std::uint64_t>(*pe) + 20);
  auto magic = reader.u16(optional);
  if (!optional_size || !magic) {
    return fail("PE optional header lies beyond the end of the file");
  }
  PeLayout layout;
  std::uint64_t count_at = 0;
  if (*magic == 0x20b) {
    layout.image_base = reader.u64(optional + 24).value_or(0);
    count_at = optional + 108;
  } else {
    layout.image_base = reader.u32(optional + 28).value_or(0);
    count_at = optional + 92;
  }
  // Directories past the optional header's stated size are absent.
  std::uint64_t end = optional + *optional_size;
  auto count = reader.u32(count_at);
  if (!count || count_at + 4 > end) {
    return layout;
  }
  for (std::uint32_t i = 0; i < layout.directories.size() && i < *count; ++i) {
    std::uint64_t at = count_at + 4 + 8ull * i;
    if (at + 8 > end) {
      break;
    }
    layout.directories[i] =
        DataDirectory{reader.u32(at).value_or(0), reader.u32(at + 4).value_or(0)};
  }
  return layout;
}

// The file offset of relative address `rva`, from the section that maps
// it; nullopt when none holds it in the file.
std::optional<std::uint64_t> file_offset(const Executable& image, std::uint64_t image_base,
                                         std::uint64_t rva) {
  for (const auto& section : image.sections) {
    std::uint64_t start = section.address - image_base;
    if (rva >= start && rva - start < section.file_size) {
      return section.offset + (rva - start);
    }
  }
  return std::nullopt;
}

// UTF-16LE to UTF-8, stopping at a NUL or after `max_chars` code units;
// unpaired surrogates become U+FFFD.
std::string utf8_of_utf16(std::string_view bytes, std::size_t max_chars) {
  std::string text;
  ByteReader reader(bytes, false);
  for (std::size_t i = 0; i < max_chars; ++i) {
    auto unit = reader.u16(2 * i);
    if (!unit || *unit == 0) {
      break;
    }
    if (*unit >= 0xD800 && *unit < 0xDC00) {
      auto low = reader.u16(2 * (i + 1));
      if (low && *low >= 0xDC00 && *low < 0xE000) {
        append_utf8(text, static_cast<char32_t>(
                              0x10000 + ((static_cast<std::uint32_t>(*unit) - 0xD800) << 10) +
                              (*low - 0xDC00)));
        ++i;
        continue;
      }
      append_utf8(text, U'\uFFFD');
    } else if (*unit >= 0xDC00 && *unit < 0xE000) {
      append_utf8(text, U'\uFFFD');
    } else {
      append_utf8(text, static_cast<char32_t>(*unit));
    }
  }
  return text;
}

// One node of VS_VERSIONINFO: wLength, wValueLength, wType, a UTF-16 key,
// padding to 4 bytes, the value, padding, then the children up to wLength.
struct VersionBlock {
  std::string key;
  std::string_view value;
  bool text = false;
  std::uint64_t children = 0;
  std::uint64_t end = 0;
};

std::uint64_t align4(std::uint64_t offset) {
  return (offset + 3) & ~std::uint64_t{3};
}

std::optional<VersionBlock> read_block(const ByteReader& reader, std::uint64_t at,
                                       std::uint64_t limit) {
  auto length = reader.u16(at);
  auto value_length = reader.u16(at + 2);
  auto type = reader.u16(at + 4);
  if (!length || !value_length || !type || *length < 6 || at + *length > limit) {
    return std::nullopt;
  }
  VersionBlock block;
  block.end = at + *length;
  std::string_view rest = reader.bytes().substr(at + 6, block.end - at - 6);
  block.key = utf8_of_utf16(rest, 64);
  // The key's UTF-16 units and its NUL.
  std::uint64_t key_end = at + 6;
  while (key_end + 2 <= block.end && reader.u16(key_end).value_or(0) != 0) {
    key_end += 2;
  }
  std::uint64_t value_at = align4(key_end + 2);
  block.text = *type == 1;
  // wValueLength counts UTF-16 units for text (some writers count bytes;
  // the value is read up to its NUL either way).
  std::uint64_t value_size = block.text ? 2ull * *value_length : *value_length;
  if (value_at > block.end) {
    value_at = block.end;
  }
  value_size = std::min(value_size, block.end - value_at);
  block.value = reader.bytes().substr(value_at, value_size);
  block.children = std::min(align4(value_at + value_size), block.end);
  return block;
}

std::string dotted_version(const ByteReader& reader, std::uint64_t at) {
  auto high = reader.u32(at);
  auto low = reader.u32(at + 4);
  if (!high || !low) {
    return {};
  }
  return std::to_string(*high >> 16) + "." + std::to_string(*high & 0xFFFF) + "." +
         std::to_string(*low >> 16) + "." + std::to_string(*low & 0xFFFF);
}

Status read_version_resource(std::string_view data, PeVersionInfo& info) {
  ByteReader reader(data, false);
  auto root = read_block(reader, 0, data.size());
  if (!root || root->key != "VS_VERSION_INFO") {
    return fail("version resource is not a VS_VERSIONINFO");
  }
  if (root->value.size() >= k_fixed_file_info_size) {
    ByteReader fixed(root->value, false);
    if (fixed.u32(0) == k_fixed_file_info_signature) {
      info.fixed_file_version = dotted_version(fixed, 8);
      info.fixed_product_version = dotted_version(fixed, 16);
    }
  }
  for (std::uint64_t at = root->children; at < root->end;) {
    auto child = read_block(reader, at, root->end);
    if (!child) {
      return fail("version resource block at " + std::to_string(at) + " is malformed");
    }
    if (child->key == "StringFileInfo") {
      // The first table (one per language) is the one read.
      auto table = read_block(reader, child->children, child->end);
      if (table) {
        for (std::uint64_t s = table->children; s < table->end;) {
          auto entry = read_block(reader, s, table->end);
          if (!entry || info.strings.size() >= k_max_version_strings) {
            break;
          }
          info.strings.emplace_back(entry->key,
                                    utf8_of_utf16(entry->value, k_max_version_string_chars));
          s = align4(entry->end);
        }
      }
      break;
    }
    at = align4(child->end);
  }
  return ok_status();
}

// The data of the first version resource: type 16, any name, any
// language.
Result<std::optional<std::string_view>>
find_version_resource(const Executable& image, const ByteReader& reader, const PeLayout& layout) {
  const DataDirectory& directory = layout.directories[k_directory_resource];
  if (directory.rva == 0 || directory.size == 0) {
    return std::optional<std::string_view>();
  }
  auto base = file_offset(image, layout.image_base, directory.rva);
  if (!base) {
    return fail("PE resource directory is not in any section");
  }
  // Three levels: type, name, language. Each step goes to a directory
  // further down, so the walk ends after three, whatever the offsets say.
  std::uint64_t at = *base;
  for (int level = 0; level < 3; ++level) {
    auto named = reader.u16(at + 12);
    auto ids = reader.u16(at + 14);
    if (!named || !ids) {
      return fail("PE resource directory lies beyond the end of the file");
    }
    std::uint32_t count = static_cast<std::uint32_t>(*named) + *ids;
    if (count > k_max_resource_entries) {
      return fail("PE resource directory has more than " + std::to_string(k_max_resource_entries) +
                  " entries");
    }
    std::optional<std::uint32_t> next;
    for (std::uint32_t i = 0; i < count; ++i) {
      std::uint64_t entry = at + 16 + 8ull * i;
      auto name = reader.u32(entry);
      auto target = reader.u32(entry + 4);
      if (!name || !target) {
        return fail("PE resource entry lies beyond the end of the file");
      }
      if (level == 0 && (i < *named || *name != k_resource_type_version)) {
        continue;
      }
      next = *target;
      break;
    }
    if (!next) {
      return std::optional<std::string_view>();
    }
    bool subdirectory = (*next & k_subdirectory_flag) != 0;
    if (subdirectory != (level < 2)) {
      return fail("PE resource tree is malformed at level " + std::to_string(level + 1));
    }
    at = *base + (*next & ~k_subdirectory_flag);
  }
  auto rva = reader.u32(at);
  auto size = reader.u32(at + 4);
  if (!rva || !size) {
    return fail("PE resource data entry lies beyond the end of the file");
  }
  if (*size > k_max_version_resource) {
    return fail("PE version resource is larger than " + std::to_string(k_max_version_resource) +
                " bytes");
  }
  auto offset = file_offset(image, layout.image_base, *rva);
  auto data = offset ? reader.slice(*offset, *size) : std::nullopt;
  if (!data) {
    return fail("PE version resource lies beyond the end of the file");
  }
  return std::optional<std::string_view>(*data);
}

} // namespace

std::string PeVersionInfo::string(std::string_view key) const {
  for (const auto& [name, value] : strings) {
    if (name == key) {
      return value;
    }
  }
  return {};
}

Result<PeVersionInfo> read_pe_version(const Executable& image) {
  ByteReader reader(image.bytes, false);
  auto layout = read_layout(reader);
  if (!layout) {
    return fail(layout.error());
  }
  PeVersionInfo info;
  const DataDirectory& cli = layout->directories[k_directory_cli];
  info.managed = cli.rva != 0 && cli.size != 0;
  auto resource = find_version_resource(image, reader, *layout);
  if (!resource) {
    return fail(resource.error());
  }
  if (*resource) {
    auto read = read_version_resource(**resource, info);
    if (!read) {
      return fail(read.error());
    }
  }
  return info;
}

} // namespace kensa::scanner::binary
