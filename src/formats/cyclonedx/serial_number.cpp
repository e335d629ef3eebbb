#include "serial_number.hpp"

#include <kensa/model/hash.hpp>

#include <array>
#include <span>

namespace kensa::format::cyclonedx {

namespace {

std::string serial_number(util::TextPieces pieces) {
  constexpr std::array k_sha256{model::HashAlgorithm::sha256};
  auto hasher = model::Hasher::create(k_sha256);
  util::for_each_part(pieces, 0, util::total_size(pieces),
                      [&](std::string_view part) { hasher->update(part); });
  std::string hex = hasher->finish().front().hex.substr(0, 32);
  hex[12] = '5';
  static constexpr char k_variant[] = "89ab";
  int nibble = hex[16] <= '9' ? hex[16] - '0' : hex[16] - 'a' + 10;
  hex[16] = k_variant[nibble & 3];
  return "urn:uuid:" + hex.substr(0, 8) + "-" + hex.substr(8, 4) + "-" + hex.substr(12, 4) + "-" +
         hex.substr(16, 4) + "-" + hex.substr(20, 12);
}

} // namespace

void fill_serial_number(util::TextPieces pieces) {
  const auto places = util::find_all(pieces, k_serial_placeholder);
  if (places.empty()) {
    return;
  }
  util::overwrite(pieces, places.front(), serial_number(pieces));
}

void fill_serial_number(std::string& text) {
  const std::span<char> whole(text.data(), text.size());
  fill_serial_number(util::TextPieces(&whole, 1));
}

} // namespace kensa::format::cyclonedx
