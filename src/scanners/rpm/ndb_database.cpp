#include "databases.hpp"

#include <cstdint>

namespace kensa::scanner::rpm {

namespace {

// rpm's NDB layout (lib/backend/ndb/rpmpkg.c): a 32-byte header at the start
// of the first of `slot pages` 4 KiB pages of 16-byte slots; each used slot
// points (in 16-byte blocks) at a blob: a 16-byte head, the header blob,
// padding, and a 12-byte tail with an Adler-32 of head, blob and padding.
// Everything is little-endian.
constexpr std::size_t k_page = 4096;
constexpr std::size_t k_slot = 16;
constexpr std::size_t k_block = 16;
constexpr std::size_t k_header = 32;
constexpr std::size_t k_blob_head = 16;
constexpr std::size_t k_blob_tail = 12;
// go-rpmdb and rpm both bound the slot pages; 2048 pages hold over 500,000
// packages.
constexpr std::uint32_t k_max_slot_pages = 2048;

constexpr std::uint32_t magic(const char (&text)[5]) {
  return static_cast<std::uint32_t>(static_cast<unsigned char>(text[0])) |
         static_cast<std::uint32_t>(static_cast<unsigned char>(text[1])) << 8 |
         static_cast<std::uint32_t>(static_cast<unsigned char>(text[2])) << 16 |
         static_cast<std::uint32_t>(static_cast<unsigned char>(text[3])) << 24;
}

constexpr std::uint32_t k_header_magic = magic("RpmP");
constexpr std::uint32_t k_slot_magic = magic("Slot");
constexpr std::uint32_t k_blob_magic = magic("BlbS");
constexpr std::uint32_t k_tail_magic = magic("BlbE");

std::uint32_t le32(std::string_view bytes, std::size_t at) {
  std::uint32_t value = 0;
  for (std::size_t i = 0; i < 4; ++i) {
    value |= static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at + i])) << (8 * i);
  }
  return value;
}

std::uint32_t adler32(std::string_view bytes) {
  std::uint32_t a = 1;
  std::uint32_t b = 0;
  for (char c : bytes) {
    a = (a + static_cast<unsigned char>(c)) % 65521;
    b = (b + a) % 65521;
  }
  return (b << 16) | a;
}

} // namespace

Result<BlobRead> read_ndb(std::string_view bytes) {
  if (bytes.size() < k_page || le32(bytes, 0) != k_header_magic) {
    return fail("not an rpm NDB database");
  }
  if (le32(bytes, 4) != 0) {
    return fail("unknown NDB version " + std::to_string(le32(bytes, 4)));
  }
  std::uint32_t slot_pages = le32(bytes, 12);
  if (slot_pages == 0 || slot_pages > k_max_slot_pages ||
      std::size_t{slot_pages} * k_page > bytes.size()) {
    return fail("bad slot page count " + std::to_string(slot_pages));
  }

  BlobRead result;
  for (std::size_t at = k_header; at < std::size_t{slot_pages} * k_page; at += k_slot) {
    if (le32(bytes, at) != k_slot_magic) {
      result.problems.push_back("slot at byte " + std::to_string(at) +
                                " has a bad magic; the remaining slots were not read");
      break;
    }
    std::uint32_t package = le32(bytes, at + 4);
    std::uint32_t block = le32(bytes, at + 8);
    std::uint32_t blocks = le32(bytes, at + 12);
    if (block == 0 || package == 0) {
      continue; // A free slot.
    }
    std::string where = "package " + std::to_string(package);
    std::uint64_t start = std::uint64_t{block} * k_block;
    std::uint64_t length = std::uint64_t{blocks} * k_block;
    if (start < std::uint64_t{slot_pages} * k_page || length < k_blob_head + k_blob_tail ||
        start + length > bytes.size()) {
      result.problems.push_back(where + ": blob outside the file");
      continue;
    }
    std::string_view record = bytes.substr(start, length);
    std::uint32_t blob_length = le32(record, 12);
    if (le32(record, 0) != k_blob_magic || le32(record, 4) != package ||
        k_blob_head + std::uint64_t{blob_length} + k_blob_tail > length) {
      result.problems.push_back(where + ": bad blob head");
      continue;
    }
    std::size_t tail = length - k_blob_tail;
    if (le32(record, tail + 4) != blob_length || le32(record, tail + 8) != k_tail_magic ||
        le32(record, tail) != adler32(record.substr(0, tail))) {
      result.problems.push_back(where + ": bad blob tail or checksum");
      continue;
    }
    result.blobs.emplace_back(record.substr(k_blob_head, blob_length));
  }
  return result;
}

} // namespace kensa::scanner::rpm
