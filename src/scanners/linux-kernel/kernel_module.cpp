#include "kernel_module.hpp"

#include "../common/binary/executable.hpp"

#include <kensa/util/strings.hpp>

#include <lzma.h>

namespace kensa::scanner::linux_kernel {

namespace {

// Decompresses the xz stream `bytes`, refusing more than `max_size` bytes
// (an xz bomb).
Result<std::string> decompress_xz(std::string_view bytes, std::size_t max_size) {
  lzma_stream stream = LZMA_STREAM_INIT;
  // The decoder's own memory is capped too: a header may ask for gigabytes
  // of dictionary.
  if (lzma_stream_decoder(&stream, 256 << 20, 0) != LZMA_OK) {
    return fail("cannot start the xz decoder");
  }
  std::string out;
  char buffer[1 << 16];
  stream.next_in = reinterpret_cast<const std::uint8_t*>(bytes.data());
  stream.avail_in = bytes.size();
  lzma_ret status = LZMA_OK;
  while (status == LZMA_OK) {
    stream.next_out = reinterpret_cast<std::uint8_t*>(buffer);
    stream.avail_out = sizeof buffer;
    status = lzma_code(&stream, LZMA_FINISH);
    out.append(buffer, sizeof buffer - stream.avail_out);
    if (out.size() > max_size) {
      lzma_end(&stream);
      return fail("decompresses to more than " + std::to_string(max_size) + " bytes");
    }
  }
  lzma_end(&stream);
  if (status != LZMA_STREAM_END) {
    return fail("is not a complete xz stream");
  }
  return out;
}

} // namespace

Result<std::string> read_modinfo_section(std::string_view bytes, bool xz,
                                         std::size_t max_module_size) {
  std::string decompressed;
  if (xz) {
    auto plain = decompress_xz(bytes, max_module_size);
    if (!plain) {
      return fail("compressed module " + plain.error());
    }
    decompressed = std::move(*plain);
    bytes = decompressed;
  }
  if (bytes.size() < 4 || bytes.substr(0, 4) != "\x7f"
                                                "ELF") {
    return fail("not an ELF file");
  }
  auto images = binary::read_executables(bytes);
  if (!images) {
    return fail(images.error());
  }
  if (images->empty()) {
    return fail("not an ELF file");
  }
  const binary::Executable& image = images->front();
  const binary::Section* section = image.find_section(".modinfo");
  if (section == nullptr) {
    return fail("no .modinfo section");
  }
  auto contents = binary::section_bytes(image, *section, k_max_modinfo_size);
  if (!contents) {
    return fail(".modinfo section " + contents.error());
  }
  return std::string(*contents);
}

ModuleInfo parse_modinfo(std::string_view modinfo) {
  ModuleInfo info;
  for (const auto entry : split(modinfo, '\0')) {
    auto equals = entry.find('=');
    if (equals == std::string_view::npos) {
      continue;
    }
    const std::string_view key = entry.substr(0, equals);
    const std::string_view value = entry.substr(equals + 1);
    auto keep = [&](std::string& field) {
      if (field.empty()) {
        field = std::string(value);
      }
    };
    if (key == "name") {
      keep(info.name);
    } else if (key == "version") {
      keep(info.version);
    } else if (key == "vermagic") {
      keep(info.vermagic);
    } else if (key == "license") {
      keep(info.license);
    } else if (key == "description") {
      keep(info.description);
    } else if (key == "depends" && info.depends.empty()) {
      for (const auto name : split(value, ',')) {
        if (!name.empty()) {
          info.depends.emplace_back(name);
        }
      }
    }
  }
  return info;
}

} // namespace kensa::scanner::linux_kernel
