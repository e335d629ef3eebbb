#include <kensa/source/archive_format.hpp>
#include <kensa/util/strings.hpp>

#include <array>
#include <cstdint>

namespace kensa::source {

namespace {

bool starts_with_bytes(std::string_view head, std::string_view magic) {
  return head.substr(0, magic.size()) == magic;
}

// A tar header without the "ustar" magic (old V7 and some GNU tars) is still
// recognisable by its checksum: the sum of its bytes with the checksum field
// read as spaces.
bool has_valid_tar_checksum(std::string_view head) {
  if (head.size() < 512 || head[0] == '\0') {
    return false;
  }
  std::uint32_t stored = 0;
  bool digits = false;
  for (std::size_t i = 148; i < 156; ++i) {
    char c = head[i];
    if (c >= '0' && c <= '7') {
      stored = stored * 8 + static_cast<std::uint32_t>(c - '0');
      digits = true;
    } else if (c == ' ' || c == '\0') {
      if (digits) {
        break;
      }
    } else {
      return false;
    }
  }
  if (!digits) {
    return false;
  }
  std::uint32_t sum = 0;
  for (std::size_t i = 0; i < 512; ++i) {
    bool in_checksum = i >= 148 && i < 156;
    sum += in_checksum ? static_cast<std::uint32_t>(' ') : static_cast<unsigned char>(head[i]);
  }
  return sum == stored;
}

} // namespace

ArchiveFormat detect_archive_format(std::string_view head) {
  using namespace std::string_view_literals;
  if (starts_with_bytes(head, "\x1f\x8b"sv)) {
    return ArchiveFormat::gzip;
  }
  if (head.size() >= 4 && starts_with_bytes(head, "BZh"sv) && head[3] >= '1' && head[3] <= '9') {
    return ArchiveFormat::bzip2;
  }
  if (starts_with_bytes(head, "\xfd\x37\x7a\x58\x5a\x00"sv)) {
    return ArchiveFormat::xz;
  }
  if (starts_with_bytes(head, "\x28\xb5\x2f\xfd"sv)) {
    return ArchiveFormat::zstd;
  }
  if (starts_with_bytes(head, "\x04\x22\x4d\x18"sv) ||
      starts_with_bytes(head, "\x02\x21\x4c\x18"sv)) {
    return ArchiveFormat::lz4;
  }
  if (starts_with_bytes(head, "\x1f\x9d"sv)) {
    return ArchiveFormat::unix_compress;
  }
  if (starts_with_bytes(head, "PK\x03\x04"sv) || starts_with_bytes(head, "PK\x05\x06"sv) ||
      starts_with_bytes(head, "PK\x07\x08PK\x03\x04"sv)) {
    return ArchiveFormat::zip;
  }
  if (starts_with_bytes(head, "!<arch>\n"sv)) {
    return ArchiveFormat::ar;
  }
  if (starts_with_bytes(head, "\xed\xab\xee\xdb"sv)) {
    return ArchiveFormat::rpm;
  }
  if (starts_with_bytes(head, "7z\xbc\xaf\x27\x1c"sv)) {
    return ArchiveFormat::seven_zip;
  }
  if (starts_with_bytes(head, "Rar!\x1a\x07"sv)) {
    return ArchiveFormat::rar;
  }
  if (starts_with_bytes(head, "MSCF\0\0\0\0"sv)) {
    return ArchiveFormat::cab;
  }
  if (starts_with_bytes(head, "xar!"sv)) {
    return ArchiveFormat::xar;
  }
  if (starts_with_bytes(head, "070701"sv) || starts_with_bytes(head, "070702"sv) ||
      starts_with_bytes(head, "070707"sv) || starts_with_bytes(head, "\xc7\x71"sv) ||
      starts_with_bytes(head, "\x71\xc7"sv)) {
    return ArchiveFormat::cpio;
  }
  if (head.size() >= 262 && head.substr(257, 5) == "ustar"sv) {
    return ArchiveFormat::tar;
  }
  if (has_valid_tar_checksum(head)) {
    return ArchiveFormat::tar;
  }
  if (head.size() >= k_iso_sniff_size && head.substr(32769, 5) == "CD001"sv) {
    return ArchiveFormat::iso9660;
  }
  return ArchiveFormat::none;
}

bool is_compression(ArchiveFormat format) {
  switch (format) {
  case ArchiveFormat::gzip:
  case ArchiveFormat::bzip2:
  case ArchiveFormat::xz:
  case ArchiveFormat::zstd:
  case ArchiveFormat::lz4:
  case ArchiveFormat::unix_compress:
    return true;
  default:
    return false;
  }
}

std::string_view archive_format_name(ArchiveFormat format) {
  static constexpr std::array<std::string_view, 18> k_names{
      "none", "gzip", "bzip2", "xz", "zstd",    "lz4", "compress", "tar", "zip",
      "ar",   "rpm",  "cpio",  "7z", "iso9660", "rar", "cab",      "xar", "unknown"};
  auto index = static_cast<std::size_t>(format);
  return index < k_names.size() ? k_names[index] : "unknown";
}

bool has_archive_extension(std::string_view name) {
  static constexpr std::array<std::string_view, 44> k_suffixes{
      ".tar",   ".tar.gz",  ".tgz",   ".tar.bz2", ".tbz2", ".tbz",  ".tar.xz", ".txz", ".tar.zst",
      ".tzst",  ".tar.lz4", ".tar.z", ".taz",     ".zip",  ".jar",  ".war",    ".ear", ".aar",
      ".sar",   ".par",     ".jpi",   ".hpi",     ".whl",  ".egg",  ".nupkg",  ".apk", ".xapk",
      ".vsix",  ".xpi",     ".ipa",   ".conda",   ".deb",  ".udeb", ".ddeb",   ".rpm", ".gem",
      ".crate", ".7z",      ".iso",   ".cpio",    ".rar",  ".cab",  ".xar",    ".oci"};
  std::string lower = to_lower_ascii(name);
  for (std::string_view suffix : k_suffixes) {
    if (lower.size() > suffix.size() && std::string_view(lower).ends_with(suffix)) {
      return true;
    }
  }
  return false;
}

} // namespace kensa::source
