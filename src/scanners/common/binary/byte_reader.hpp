#pragma once

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string_view>

// Bounds-checked reads of fixed-size integers from bytes in memory, in either
// byte order. Every read states whether it fit, so the format readers never
// touch a byte past the end.
namespace kensa::scanner::binary {

class ByteReader {
 public:
  ByteReader(std::string_view bytes, bool big_endian) : m_bytes(bytes), m_big_endian(big_endian) {}

  std::string_view bytes() const { return m_bytes; }
  bool big_endian() const { return m_big_endian; }

  // Whether `size` bytes at `offset` lie within the bytes (no overflow).
  bool fits(std::uint64_t offset, std::uint64_t size) const {
    return offset <= m_bytes.size() && size <= m_bytes.size() - offset;
  }

  std::optional<std::uint16_t> u16(std::uint64_t offset) const {
    return read<std::uint16_t>(offset, 2);
  }
  std::optional<std::uint32_t> u32(std::uint64_t offset) const {
    return read<std::uint32_t>(offset, 4);
  }
  std::optional<std::uint64_t> u64(std::uint64_t offset) const {
    return read<std::uint64_t>(offset, 8);
  }
  // A 4- or 8-byte word.
  std::optional<std::uint64_t> word(std::uint64_t offset, unsigned size) const {
    if (size == 4) {
      auto value = u32(offset);
      return value ? std::optional<std::uint64_t>(*value) : std::nullopt;
    }
    return u64(offset);
  }

  // `size` bytes at `offset`, or nullopt when they do not fit.
  std::optional<std::string_view> slice(std::uint64_t offset, std::uint64_t size) const {
    if (!fits(offset, size)) {
      return std::nullopt;
    }
    return m_bytes.substr(static_cast<std::size_t>(offset), static_cast<std::size_t>(size));
  }

  // A NUL-terminated (or `max`-byte) name at `offset`; empty when out of
  // range.
  std::string_view name(std::uint64_t offset, std::size_t max) const {
    if (offset >= m_bytes.size()) {
      return {};
    }
    std::string_view rest = m_bytes.substr(static_cast<std::size_t>(offset));
    rest = rest.substr(0, std::min(rest.size(), max));
    return rest.substr(0, rest.find('\0'));
  }

 private:
  template <typename T>
  std::optional<T> read(std::uint64_t offset, unsigned size) const {
    if (!fits(offset, size)) {
      return std::nullopt;
    }
    T value = 0;
    for (unsigned i = 0; i < size; ++i) {
      auto byte = static_cast<T>(static_cast<unsigned char>(m_bytes[offset + i]));
      unsigned shift = m_big_endian ? 8 * (size - 1 - i) : 8 * i;
      value = static_cast<T>(value | static_cast<T>(byte << shift));
    }
    return value;
  }

  std::string_view m_bytes;
  bool m_big_endian;
};

} // namespace kensa::scanner::binary
