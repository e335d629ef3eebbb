#include "kernel_module.hpp"

#include "../common/binary/executable.hpp"

#include <kensa/util/decompress.hpp>
#include <kensa/util/strings.hpp>

namespace kensa::scanner::linux_kernel {

Result<std::string> read_modinfo_section(std::string_view bytes, bool xz,
                                         std::size_t max_module_size) {
  std::string decompressed;
  if (xz) {
    auto plain = decompress(bytes, Compression::xz, max_module_size);
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
