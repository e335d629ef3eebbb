#include "header.hpp"

namespace kensa::scanner::rpm {

namespace {

enum Type : std::uint32_t {
  k_null = 0,
  k_char = 1,
  k_int8 = 2,
  k_int16 = 3,
  k_int32 = 4,
  k_int64 = 5,
  k_string = 6,
  k_bin = 7,
  k_string_array = 8,
  k_i18n_string = 9,
};

std::uint64_t big_endian(std::string_view bytes) {
  std::uint64_t value = 0;
  for (char c : bytes) {
    value = (value << 8) | static_cast<unsigned char>(c);
  }
  return value;
}

std::size_t integer_size(std::uint32_t type) {
  switch (type) {
  case k_char:
  case k_int8:
  case k_bin:
    return 1;
  case k_int16:
    return 2;
  case k_int32:
    return 4;
  case k_int64:
    return 8;
  default:
    return 0;
  }
}

} // namespace

Result<RpmHeader> RpmHeader::parse(std::string_view blob) {
  if (blob.size() < 8) {
    return fail("header of " + std::to_string(blob.size()) + " bytes is too short");
  }
  auto index_count = static_cast<std::uint32_t>(big_endian(blob.substr(0, 4)));
  auto data_length = static_cast<std::uint32_t>(big_endian(blob.substr(4, 4)));
  if (index_count == 0 || index_count > k_max_header_tags) {
    return fail("header has " + std::to_string(index_count) + " tags");
  }
  if (data_length > k_max_header_data) {
    return fail("header data of " + std::to_string(data_length) + " bytes is too big");
  }
  std::uint64_t needed = 8 + std::uint64_t{index_count} * 16 + data_length;
  if (needed > blob.size()) {
    return fail("header needs " + std::to_string(needed) + " bytes, the record has " +
                std::to_string(blob.size()));
  }
  RpmHeader header;
  header.m_data = blob.substr(8 + std::size_t{index_count} * 16, data_length);
  for (std::uint32_t i = 0; i < index_count; ++i) {
    std::string_view raw = blob.substr(8 + std::size_t{i} * 16, 16);
    auto tag = static_cast<std::uint32_t>(big_endian(raw.substr(0, 4)));
    Entry entry{static_cast<std::uint32_t>(big_endian(raw.substr(4, 4))),
                static_cast<std::uint32_t>(big_endian(raw.substr(8, 4))),
                static_cast<std::uint32_t>(big_endian(raw.substr(12, 4)))};
    std::string where = "tag " + std::to_string(tag) + " (entry " + std::to_string(i) + ")";
    if (entry.offset > data_length) {
      return fail(where + ": offset " + std::to_string(entry.offset) + " is outside the data");
    }
    std::uint64_t available = data_length - entry.offset;
    if (entry.type == k_string || entry.type == k_string_array || entry.type == k_i18n_string) {
      if (entry.type == k_string && entry.count != 1) {
        return fail(where + ": a string with count " + std::to_string(entry.count));
      }
      // Each string needs at least its NUL, so count can never exceed the
      // bytes left; walking them bounds the work by the data size.
      if (entry.count > available) {
        return fail(where + ": " + std::to_string(entry.count) + " strings in " +
                    std::to_string(available) + " bytes");
      }
      std::size_t position = entry.offset;
      for (std::uint32_t n = 0; n < entry.count; ++n) {
        std::size_t nul = header.m_data.find('\0', position);
        if (nul == std::string_view::npos) {
          return fail(where + ": string " + std::to_string(n) + " has no end");
        }
        position = nul + 1;
      }
    } else if (entry.type == k_null) {
      // No data.
    } else if (std::size_t size = integer_size(entry.type); size != 0) {
      if (std::uint64_t{entry.count} * size > available) {
        return fail(where + ": " + std::to_string(entry.count) + " values overrun the data");
      }
    } else {
      return fail(where + ": unknown type " + std::to_string(entry.type));
    }
    header.m_entries.insert_or_assign(tag, entry);
  }
  return header;
}

std::vector<std::string_view> RpmHeader::strings(std::uint32_t tag) const {
  std::vector<std::string_view> result;
  auto it = m_entries.find(tag);
  if (it == m_entries.end()) {
    return result;
  }
  const Entry& entry = it->second;
  if (entry.type != k_string && entry.type != k_string_array && entry.type != k_i18n_string) {
    return result;
  }
  std::size_t position = entry.offset;
  result.reserve(entry.count);
  for (std::uint32_t n = 0; n < entry.count; ++n) {
    std::size_t nul = m_data.find('\0', position); // Checked in parse().
    result.push_back(m_data.substr(position, nul - position));
    position = nul + 1;
  }
  return result;
}

std::string RpmHeader::string(std::uint32_t tag) const {
  auto it = m_entries.find(tag);
  if (it == m_entries.end() || it->second.count == 0) {
    return {};
  }
  const Entry& entry = it->second;
  if (entry.type != k_string && entry.type != k_string_array && entry.type != k_i18n_string) {
    return {};
  }
  std::size_t nul = m_data.find('\0', entry.offset);
  return std::string(m_data.substr(entry.offset, nul - entry.offset));
}

std::vector<std::uint64_t> RpmHeader::integers(std::uint32_t tag) const {
  std::vector<std::uint64_t> result;
  auto it = m_entries.find(tag);
  if (it == m_entries.end()) {
    return result;
  }
  const Entry& entry = it->second;
  std::size_t size = integer_size(entry.type);
  if (size == 0 || entry.type == k_bin || entry.type == k_char) {
    return result;
  }
  result.reserve(entry.count);
  for (std::uint32_t n = 0; n < entry.count; ++n) {
    result.push_back(big_endian(m_data.substr(entry.offset + std::size_t{n} * size, size)));
  }
  return result;
}

std::optional<std::uint64_t> RpmHeader::integer(std::uint32_t tag) const {
  auto values = integers(tag);
  if (values.empty()) {
    return std::nullopt;
  }
  return values.front();
}

std::string_view RpmHeader::binary(std::uint32_t tag) const {
  auto it = m_entries.find(tag);
  if (it == m_entries.end() || it->second.type != k_bin) {
    return {};
  }
  // parse() checked that count bytes from offset lie in the data store.
  return m_data.substr(it->second.offset, it->second.count);
}

} // namespace kensa::scanner::rpm
