#include "databases.hpp"

#include <algorithm>
#include <cstdint>

namespace kensa::scanner::rpm {

namespace {

// Berkeley DB's on-disk layout (db_page.h): every page starts with a 26-byte
// header; the hash metadata page is page 0.
constexpr std::uint32_t k_hash_magic = 0x061561;
constexpr std::size_t k_page_header = 26;
constexpr std::uint8_t k_page_hash_unsorted = 2;
constexpr std::uint8_t k_page_overflow = 7;
constexpr std::uint8_t k_page_hash_meta = 8;
constexpr std::uint8_t k_page_hash = 13;
constexpr std::uint8_t k_item_keydata = 1;
constexpr std::uint8_t k_item_offpage = 3;

class Reader {
 public:
  Reader(std::string_view bytes, bool big_endian) : m_bytes(bytes), m_big_endian(big_endian) {}

  std::uint32_t u32(std::size_t at) const { return static_cast<std::uint32_t>(read(at, 4)); }
  std::uint16_t u16(std::size_t at) const { return static_cast<std::uint16_t>(read(at, 2)); }
  std::uint8_t u8(std::size_t at) const { return static_cast<std::uint8_t>(m_bytes[at]); }

 private:
  std::uint64_t read(std::size_t at, std::size_t size) const {
    std::uint64_t value = 0;
    for (std::size_t i = 0; i < size; ++i) {
      auto byte = static_cast<unsigned char>(m_bytes[at + (m_big_endian ? i : size - 1 - i)]);
      value = (value << 8) | byte;
    }
    return value;
  }

  std::string_view m_bytes;
  bool m_big_endian;
};

bool valid_page_size(std::uint32_t size) {
  return size >= 512 && size <= 65536 && (size & (size - 1)) == 0;
}

// Follows a chain of overflow pages from `page`, collecting `total` bytes.
Result<std::string> read_overflow(std::string_view bytes, const Reader& reader,
                                  std::uint32_t page_size, std::uint32_t page_count,
                                  std::uint32_t page, std::uint32_t total) {
  if (total > bytes.size()) {
    return fail("an item of " + std::to_string(total) + " bytes, more than the file holds");
  }
  std::string value;
  value.reserve(total);
  // A chain visits each page at most once; more steps mean a loop.
  for (std::uint32_t steps = 0; page != 0 && value.size() < total; ++steps) {
    if (steps >= page_count || page >= page_count) {
      return fail("overflow chain leaves the file or loops (page " + std::to_string(page) + ")");
    }
    std::size_t start = std::size_t{page} * page_size;
    if (reader.u8(start + 25) != k_page_overflow) {
      return fail("page " + std::to_string(page) + " in an overflow chain is not an overflow page");
    }
    // On overflow pages the "high free offset" field holds the length.
    std::size_t length = reader.u16(start + 22);
    length = std::min<std::size_t>(length, page_size - k_page_header);
    length = std::min<std::size_t>(length, total - value.size());
    value.append(bytes.substr(start + k_page_header, length));
    page = reader.u32(start + 16);
  }
  if (value.size() != total) {
    return fail("overflow chain ends after " + std::to_string(value.size()) + " of " +
                std::to_string(total) + " bytes");
  }
  return value;
}

} // namespace

Result<BlobRead> read_bdb(std::string_view bytes) {
  if (bytes.size() < 512) {
    return fail("too short for a Berkeley DB file");
  }
  bool big_endian = false;
  if (Reader(bytes, false).u32(12) != k_hash_magic) {
    if (Reader(bytes, true).u32(12) != k_hash_magic) {
      return fail("not a Berkeley DB hash database");
    }
    big_endian = true;
  }
  Reader reader(bytes, big_endian);
  std::uint32_t page_size = reader.u32(20);
  if (!valid_page_size(page_size)) {
    return fail("bad page size " + std::to_string(page_size));
  }
  if (reader.u8(24) != 0) {
    return fail("encrypted database");
  }
  if (reader.u8(25) != k_page_hash_meta) {
    return fail("page 0 is not a hash metadata page");
  }
  auto page_count = static_cast<std::uint32_t>(bytes.size() / page_size);
  if (page_count < 2) {
    // The metadata page and at least one data page; with none, the last
    // page number below would wrap around.
    return fail("shorter than two pages of " + std::to_string(page_size) + " bytes");
  }
  std::uint32_t last_page = std::min(reader.u32(32), page_count - 1);

  BlobRead result;
  for (std::uint32_t page = 1; page <= last_page; ++page) {
    std::size_t start = std::size_t{page} * page_size;
    std::string_view data = bytes.substr(start, page_size);
    std::uint8_t type = reader.u8(start + 25);
    if (type != k_page_hash && type != k_page_hash_unsorted) {
      continue;
    }
    std::uint16_t entries = reader.u16(start + 20);
    std::string where = "page " + std::to_string(page);
    if (entries % 2 != 0 || k_page_header + std::size_t{entries} * 2 > page_size) {
      result.problems.push_back(where + ": bad entry count " + std::to_string(entries));
      continue;
    }
    std::size_t items_start = k_page_header + std::size_t{entries} * 2;
    auto offset = [&](std::size_t index) { return reader.u16(start + k_page_header + index * 2); };
    for (std::size_t index = 1; index < entries; index += 2) {
      std::size_t at = offset(index);
      // An item ends where the item before it in the index begins: items
      // fill the page from its end.
      std::size_t end = offset(index - 1);
      if (at < items_start || at >= page_size || end > page_size || end <= at) {
        result.problems.push_back(where + ": item " + std::to_string(index) +
                                  " lies outside the page");
        continue;
      }
      std::size_t key_at = offset(index - 1);
      std::size_t key_end = index >= 2 ? offset(index - 2) : page_size;
      if (key_at + 5 == key_end && data[key_at] == static_cast<char>(k_item_keydata) &&
          reader.u32(start + key_at + 1) == 0) {
        continue; // Key 0 holds rpm's bookkeeping, not a header.
      }
      std::uint8_t item = static_cast<std::uint8_t>(data[at]);
      if (item == k_item_keydata) {
        result.blobs.emplace_back(data.substr(at + 1, end - at - 1));
      } else if (item == k_item_offpage) {
        if (at + 12 > page_size) {
          result.problems.push_back(where + ": item " + std::to_string(index) + " is cut off");
          continue;
        }
        auto value = read_overflow(bytes, reader, page_size, page_count, reader.u32(start + at + 4),
                                   reader.u32(start + at + 8));
        if (value) {
          result.blobs.push_back(std::move(*value));
        } else {
          result.problems.push_back(where + ": " + value.error());
        }
      }
    }
  }
  return result;
}

} // namespace kensa::scanner::rpm
