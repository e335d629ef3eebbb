#pragma once

#include <kensa/util/result.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

// RPM header blobs as the package databases store them: a big-endian index
// count and data length, the index entries (tag, type, offset, count) and the
// data store. Read without librpm; every count and offset is checked against
// the blob, since a database file may be hostile.
namespace kensa::scanner::rpm {

// The tags the scanner reads (rpm's lib/rpmtag.h numbers).
enum Tag : std::uint32_t {
  // Signature tags rpm copies into the header it stores in its database
  // (headerMergeLegacySigs); a package file keeps them in its signature
  // header instead.
  k_tag_sigmd5 = 261,
  k_tag_sha1_header = 269,
  k_tag_sha256_header = 273,
  k_tag_name = 1000,
  k_tag_version = 1001,
  k_tag_release = 1002,
  k_tag_epoch = 1003,
  k_tag_summary = 1004,
  k_tag_size = 1009,
  k_tag_vendor = 1011,
  k_tag_license = 1014,
  k_tag_packager = 1015,
  k_tag_url = 1020,
  k_tag_arch = 1022,
  k_tag_old_filenames = 1027,
  k_tag_file_digests = 1035,
  k_tag_source_rpm = 1044,
  k_tag_provide_name = 1047,
  k_tag_require_name = 1049,
  k_tag_dir_indexes = 1116,
  k_tag_basenames = 1117,
  k_tag_dir_names = 1118,
  k_tag_long_size = 5009,
  k_tag_file_digest_algo = 5011,
  k_tag_payload_digest = 5092,
  k_tag_payload_digest_algo = 5093,
  k_tag_payload_digest_alt = 5097,
};

// Largest index and data store rpm itself accepts (lib/header.c).
inline constexpr std::uint32_t k_max_header_tags = 0xffff;
inline constexpr std::uint32_t k_max_header_data = 256u << 20;

class RpmHeader {
 public:
  // Checks the layout and every entry: the type is known, and the entry's
  // data (strings up to their NUL) lies inside the data store. Fails with a
  // message naming the first bad entry.
  static Result<RpmHeader> parse(std::string_view blob);

  bool has(std::uint32_t tag) const { return m_entries.contains(tag); }
  // STRING, or the first string of a STRING_ARRAY or I18NSTRING; empty when
  // absent.
  std::string string(std::uint32_t tag) const;
  // Every string of a STRING_ARRAY or I18NSTRING (one for a STRING).
  std::vector<std::string_view> strings(std::uint32_t tag) const;
  // INT8/16/32/64 values widened; empty when absent or of another type.
  std::vector<std::uint64_t> integers(std::uint32_t tag) const;
  std::optional<std::uint64_t> integer(std::uint32_t tag) const;
  // The bytes of a BIN entry; empty when absent or of another type.
  std::string_view binary(std::uint32_t tag) const;

 private:
  struct Entry {
    std::uint32_t type = 0;
    std::uint32_t offset = 0;
    std::uint32_t count = 0;
  };
  std::string_view m_data;
  std::unordered_map<std::uint32_t, Entry> m_entries;
};

} // namespace kensa::scanner::rpm
