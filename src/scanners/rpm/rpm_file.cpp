#include "rpm_file.hpp"

#include "header.hpp"

#include <cstdint>

namespace kensa::scanner::rpm {

namespace {

constexpr std::size_t k_lead_size = 96;
// Magic (8e ad e8), version 01, four reserved bytes, index count, data length.
constexpr std::size_t k_intro_size = 16;

std::uint32_t big_endian(std::string_view bytes, std::size_t at) {
  std::uint32_t value = 0;
  for (std::size_t i = 0; i < 4; ++i) {
    value = (value << 8) | static_cast<unsigned char>(bytes[at + i]);
  }
  return value;
}

// The header structure starting at `at`: its blob (without the 8 bytes of
// magic and reserved), and where the structure ends.
Result<std::pair<std::string_view, std::size_t>> header_at(std::string_view contents,
                                                           std::size_t at, const char* what) {
  using namespace std::string_view_literals;
  if (contents.size() < at + k_intro_size || contents.substr(at, 3) != "\x8e\xad\xe8"sv) {
    return fail(std::string("no ") + what + " header where the file says it starts");
  }
  std::uint32_t tags = big_endian(contents, at + 8);
  std::uint32_t data = big_endian(contents, at + 12);
  if (tags > k_max_header_tags || data > k_max_header_data) {
    return fail(std::string(what) + " header is larger than rpm allows");
  }
  std::uint64_t end = at + k_intro_size + std::uint64_t{tags} * 16 + data;
  if (end > contents.size()) {
    return fail(std::string(what) + " header runs past the end of the file");
  }
  return std::pair{contents.substr(at + 8, static_cast<std::size_t>(end - at - 8)),
                   static_cast<std::size_t>(end)};
}

} // namespace

bool is_rpm_file(std::string_view contents) {
  using namespace std::string_view_literals;
  return contents.substr(0, 4) == "\xed\xab\xee\xdb"sv;
}

Result<std::string_view> package_header_blob(std::string_view contents) {
  if (!is_rpm_file(contents) || contents.size() < k_lead_size) {
    return fail("not an rpm package file (no lead)");
  }
  auto signature = header_at(contents, k_lead_size, "signature");
  if (!signature) {
    return fail(signature.error());
  }
  // The signature header is padded to a multiple of 8 bytes.
  std::size_t next = (signature->second + 7) / 8 * 8;
  auto header = header_at(contents, next, "package");
  if (!header) {
    return fail(header.error());
  }
  return header->first;
}

} // namespace kensa::scanner::rpm
