#pragma once

#include "executable.hpp"

#include <kensa/util/result.hpp>

#include <string>
#include <utility>
#include <vector>

// What a PE image says of itself: its version resource (VS_VERSIONINFO, the
// "Details" tab of a file's properties on Windows) and whether it is a
// .NET assembly (a CLI header). Read with the same distrust as the rest of
// binary/: every offset is checked, every walk capped.
namespace kensa::scanner::binary {

// Caps on what the resource walk reads; far above real files.
inline constexpr std::uint32_t k_max_resource_entries = 4096;
inline constexpr std::uint32_t k_max_version_resource = 64u << 10;
inline constexpr std::size_t k_max_version_strings = 256;
inline constexpr std::size_t k_max_version_string_chars = 4096;

struct PeVersionInfo {
  // The image has a CLI header (data directory 14): a managed assembly.
  bool managed = false;
  // VS_FIXEDFILEINFO's file and product versions, "1.2.3.4"; empty when
  // the image has no version resource.
  std::string fixed_file_version;
  std::string fixed_product_version;
  // The strings of the first StringFileInfo table (ProductName,
  // ProductVersion, FileVersion, CompanyName, ...), in file order, UTF-8.
  std::vector<std::pair<std::string, std::string>> strings;

  // The string named `key`, or empty.
  std::string string(std::string_view key) const;
};

// Reads `image`, a PE image (read_executables). An image without a
// resource directory or version resource gives an empty result; a
// resource tree or version resource that points outside the file, loops
// or is malformed fails with a message saying what is wrong.
Result<PeVersionInfo> read_pe_version(const Executable& image);

} // namespace kensa::scanner::binary
