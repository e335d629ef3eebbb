#include "serial_number.hpp"

#include "../common/text_digest.hpp"

#include <array>
#include <span>

namespace kensa::format::cyclonedx {

namespace {

std::string serial_number_of_digest(const std::string& sha256_hex) {
  std::string hex = sha256_hex.substr(0, 32);
  hex[12] = '5';
  static constexpr char k_variant[] = "89ab";
  int nibble = hex[16] <= '9' ? hex[16] - '0' : hex[16] - 'a' + 10;
  hex[16] = k_variant[nibble & 3];
  return "urn:uuid:" + hex.substr(0, 8) + "-" + hex.substr(8, 4) + "-" + hex.substr(12, 4) + "-" +
         hex.substr(16, 4) + "-" + hex.substr(20, 12);
}

} // namespace

void fill_serial_number(util::TextPieces pieces) {
  // The first one is the writer's; the rest of the text is not searched.
  const auto places = util::find_all(pieces, k_serial_placeholder, 1);
  if (places.empty()) {
    return;
  }
  util::overwrite(pieces, places.front(),
                  serial_number_of_digest(common::sha256_of(pieces, 0, util::total_size(pieces))));
}

namespace {

model::Hasher sha256_hasher() {
  constexpr std::array k_sha256{model::HashAlgorithm::sha256};
  // SHA-256 is always there (model/hash.hpp can_compute).
  auto created = model::Hasher::create(k_sha256);
  return std::move(*created);
}

} // namespace

SerialDigest::SerialDigest() : m_hasher(sha256_hasher()) {}

SerialDigest::~SerialDigest() = default;

void SerialDigest::update(std::string_view bytes) {
  m_hasher.update(bytes);
}

std::string SerialDigest::finish() {
  return m_hasher.finish().front().hex;
}

void fill_streamed_serial_number(std::string_view head, const std::string& sha256_hex,
                                 util::TextSpill& spill) {
  const std::size_t at = head.find(k_serial_placeholder);
  if (at == std::string_view::npos) {
    return;
  }
  spill.overwrite(at, serial_number_of_digest(sha256_hex));
}

void fill_serial_number(std::string& text) {
  const std::span<char> whole(text.data(), text.size());
  fill_serial_number(util::TextPieces(&whole, 1));
}

} // namespace kensa::format::cyclonedx
