#pragma once

#include <cstddef>
#include <string_view>

namespace kensa::source {

// What the first bytes of a file say it is, as far as opening it as an
// archive goes.
enum class ArchiveFormat {
  none,
  // Compressed streams: opened to see whether a tar (or another archive) is
  // inside; a compressed plain file is not an archive.
  gzip,
  bzip2,
  xz,
  zstd,
  lz4,
  unix_compress, // .Z
  // Archives.
  tar,
  zip, // also jar, war, ear, aar, whl, egg, nupkg, Android apk, vsix
  ar,  // also .deb
  rpm,
  cpio,
  seven_zip,
  iso9660,
  rar,
  cab,
  xar,
};

// Bytes to read from the start of a file for detect_archive_format to see
// every format but ISO 9660.
inline constexpr std::size_t k_sniff_size = 512;
// Bytes needed to see an ISO 9660 image (its volume descriptor is at 32 KiB).
inline constexpr std::size_t k_iso_sniff_size = 32774;

// Detects the format from the first bytes of a file (`head`, as many bytes as
// are available up to k_iso_sniff_size). Returns none for anything else,
// including text and truncated heads.
ArchiveFormat detect_archive_format(std::string_view head);

// Whether `format` is a compression filter rather than an archive.
bool is_compression(ArchiveFormat format);

// Whether a file starting with `head` is an archive kensa opens: an archive
// format, or a compressed stream holding one (a compressed plain file, such as
// a gzipped man page, is not). `head` should hold k_sniff_probe_size bytes
// when the file is that long, so a compressed head decompresses far enough.
bool is_archive(std::string_view head);

// Bytes of a compressed file read to look inside it.
inline constexpr std::size_t k_sniff_probe_size = 16384;

// Lower-case name for messages and docs: "gzip", "zip", "7z", ...
std::string_view archive_format_name(ArchiveFormat format);

// Whether a file name has an extension archives are published with (.tar.gz,
// .tgz, .zip, .jar, .war, .whl, .deb, .rpm, .apk, .gem, .7z, .iso, ...).
// Inside folders, only such files are opened (docs/sources.md).
bool has_archive_extension(std::string_view name);

} // namespace kensa::source
